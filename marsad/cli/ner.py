"""`marsad ner`: the NER tagger's command-line contract, CoNLL-style tokens in, ``token<TAB>tag`` out.

Input: one token per line, a blank line between sentences; anything after the first whitespace on a
line (e.g. a gold tag column) is ignored. Output on stdout: the same tokens and sentence breaks,
each token followed by a tab and its BIO tag. Problems (missing, unreadable, binary or empty file)
give one line on stderr naming the file and a nonzero return code, so shell pipelines fail loudly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from marsad.cli.common import EXIT_OK, EXIT_USAGE


class InputError(Exception):
    """Bad input file; the message names the problem (the caller adds the file name)."""


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("ner", help="tag a tokenised file (one token a line) with PERS/LOC/ORG/MISC",
                        description="Input: one token a line, blank line between sentences (a second column "
                        "is ignored). Output: token<TAB>tag a line, BIO tags.")
    sp.add_argument("file")
    sp.set_defaults(func=cmd_ner)


def cmd_ner(a: argparse.Namespace) -> int:
    return run_ner(a.file)


def read_conll(path: str) -> list[list[str]]:
    """Sentences of tokens from a one-token-per-line file (first whitespace-separated column)."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file")
    if not p.is_file():
        raise InputError("not a regular file")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})") from exc
    if b"\x00" in raw[:65536]:
        raise InputError("binary file (NUL bytes), expected UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})") from exc
    sents: list[list[str]] = []
    cur: list[str] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append(parts[0])
    if cur:
        sents.append(cur)
    if not sents:
        raise InputError("empty input (no tokens)")
    return sents


def run_ner(path: str, out: TextIO | None = None) -> int:
    """Tag the file at ``path`` and print ``token<TAB>tag`` lines; 0 on success, 2 on bad input."""
    out = sys.stdout if out is None else out
    try:
        sents = read_conll(path)
    except InputError as exc:
        print(f"marsad ner: {path}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from marsad.ner.tagger import get_tagger

    tagger = get_tagger()
    chunks: list[str] = []
    for i, sent in enumerate(sents):
        if i:
            chunks.append("\n")
        chunks.extend(f"{tok}\t{tag}\n" for tok, tag in zip(sent, tagger.tag(sent), strict=True))
    out.write("".join(chunks))
    out.flush()
    return EXIT_OK
