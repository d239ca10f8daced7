"""The passes of one cross-document analysis run (`marsad.corpus.analysis.analyse` runs them in order).

One module a pass: `duplicates`, `stories`, `merged_events`, `claims`; `batch` holds the new documents
they share and `union_find` the grouping they both grow. They live in this subpackage rather than beside
`analysis.py` because `marsad.corpus.claims`, `.stories`, `.duplicates` and `.merged_events` are already
the package's query functions (`queries.py`): a submodule of the same name would replace the function
on the package once imported.
"""
