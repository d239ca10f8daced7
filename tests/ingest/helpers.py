"""Shared helpers for the ingest tests: the seed articles and a way to run `iter_documents` on tmp files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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
