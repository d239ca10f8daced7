"""Shared helpers for the ingest tests: the seed articles and a way to run `iter_documents` on tmp files."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.ingest import IngestError, iter_documents

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# A paragraph long enough to be an article body; Arabic so that the language check passes.
BODY = (
    "قال وزير الخارجية الروسي سيرغي لافروف الأحد إن بلاده ستساعد دمشق في احباط أي محاولات "
    "لاستعادة تنظيم الدولة الاسلامية قوته من جديد في سوريا."
)
BODY2 = "وأضاف الوزير في مقابلة مع قناة روسيا 1 أن التنظيم لا يزال يتواجد في سوريا على شكل مجموعات متفرقة بعد هزائمه."


def seed(prefix: str) -> Path:
    [path] = EXAMPLES.glob(f"{prefix}_*.txt")
    return path


def run(paths: Iterable[str | Path], **kw: float) -> list[Document | IngestError]:
    return list(iter_documents([str(p) for p in paths], **kw))


def docs(items: list[Document | IngestError]) -> list[Document]:
    return [x for x in items if isinstance(x, Document)]


def errors(items: list[Document | IngestError]) -> list[IngestError]:
    return [x for x in items if isinstance(x, IngestError)]


def one_doc(path: str | Path, **kw: float) -> Document:
    items = run([path], **kw)
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


def one_error(path: str | Path, **kw: float) -> IngestError:
    items = run([path], **kw)
    assert len(items) == 1, items
    assert isinstance(items[0], IngestError), items[0]
    return items[0]


# A child that runs `iter_documents` under an address-space cap and reports each item as one JSON line: an
# input that makes ingest eat memory or hang then fails the test cleanly instead of the machine.
_CHILD = r"""
import json, resource, sys
cap = int(sys.argv[1]) << 20
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from marsad.document import Document
from marsad.ingest import iter_documents
kw = json.loads(sys.argv[2])
for item in iter_documents(sys.argv[3:], **kw):
    if isinstance(item, Document):
        row = {"doc": True, "source": item.source, "title": item.title, "text": item.text[:2000],
               "size": len(item.text), "author": item.author, "url": item.url}
    else:
        row = {"doc": False, "source": item.source, "message": item.message}
    print(json.dumps(row, ensure_ascii=False), flush=True)
"""


@dataclass
class Capped:
    """What `run_capped` saw: one dict per item (`doc`, `source`, then fields or `message`) and stderr."""

    items: list[dict[str, Any]]
    stderr: str
    returncode: int

    @property
    def docs(self) -> list[dict[str, Any]]:
        return [x for x in self.items if x["doc"]]

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [x for x in self.items if not x["doc"]]


def run_capped(paths: Iterable[str | Path], *, mem_mb: int = 1024, timeout: float = 20, **kw: float) -> Capped:
    """`iter_documents(paths, **kw)` in a child limited to `mem_mb` of address space and `timeout` seconds."""
    cmd = [sys.executable, "-c", _CHILD, str(mem_mb), json.dumps(kw), *map(str, paths)]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=EXAMPLES.parent)
    except subprocess.TimeoutExpired as e:
        raise AssertionError(f"ingest did not finish within {timeout} s") from e
    items = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
    assert p.returncode == 0, f"child failed ({p.returncode}): {p.stderr[-1500:]}\nitems: {items}"
    return Capped(items, p.stderr, p.returncode)
