"""One round of `marsad watch`: every source read, every new item ingested, then the pass and alerts.

A round never stops for one bad thing: a source that is down is recorded (`watch_sources.error`,
`failures`) and left unmarked so its items are read when it is back; an item that cannot become a
document (not Arabic, empty) is marked `failed` so it is not retried forever; a document whose
annotation fails is reported and marked failed too. A feed's new validators are stored only once all its
items are handled, so a round killed half-way through a feed gets the whole feed again next time (not a
304) and takes up where it stopped, the seen items being skipped.

The store is opened for the round and closed after it: a long-running watch then survives a PostgreSQL
restart or a replaced SQLite file between rounds.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from marsad.document import Document
from marsad.ingest import IngestError, check_document
from marsad.ingest.encoding import decode
from marsad.ingest.html import read_html
from marsad.store import open_store
from marsad.watch import followup, state
from marsad.watch.fetch import Fetcher, FetchError
from marsad.watch.items import Item, SourceDown, read_source
from marsad.watch.report import RoundReport
from marsad.watch.sources import BadSource, Source, expand, is_url

T = TypeVar("T")
PENDING = object()  # an item whose article page is unreachable for now


@dataclass
class Settings:
    """How a watch reads: the per-article size cap, when a feed item counts as a mere summary (fewer
    words than `follow_words`) and how long an unreachable article page is waited for before the feed's
    own text is stored instead."""

    max_mb: float = 20.0
    follow_words: int = 120
    pending_give_up_s: float = 86400.0
    window_days: int = 3
    progress: bool = False


@dataclass
class Watcher:
    """What lives across rounds: the store's location, the fetcher (its per-host clock), the pipeline
    (made on first use, so a round with nothing new loads no model) and the stop flag."""

    db: str
    make_pipeline: Callable[[], Any]
    fetcher: Fetcher
    stop: threading.Event
    log: Callable[[str], None]
    settings: Settings = field(default_factory=Settings)
    _pipeline: Any = field(default=None, init=False, repr=False)

    def round(self, args: list[str], number: int) -> RoundReport:
        """Run one round over the sources `args` name (list files re-read now); returns its report."""
        report = RoundReport(number)
        with open_store(self.db) as store:
            state.open_for_watch(store)
            bar = _bar(f"watch round {number}", self.settings.progress)
            try:
                for src in expand(args):
                    if self.stop.is_set():
                        report.interrupted = True
                        break
                    report.sources += 1
                    if isinstance(src, BadSource):
                        report.down.append((src.name, src.message))
                        continue
                    self._source(store, src, report, bar)
            finally:
                bar.close()
            if not report.interrupted:
                self._followup(store, report)
        return report

    # -- one source ------------------------------------------------------------------------------------
    def _source(self, store: Any, src: Source, report: RoundReport, bar: Any) -> None:
        conn = store.conn
        try:
            batch = read_source(src, state.source_state(conn, src.name), self.fetcher, self.settings.max_mb)
        except SourceDown as exc:
            state.record_failure(conn, src.name, str(exc))
            report.down.append((src.name, str(exc)))
            return
        seen = state.item_states(conn, src.name)
        pending = False
        for item in batch.items:
            prior = seen.get(item.key) if item.key is not None else None
            if prior and prior[0] in state.SEEN:
                continue
            if self.stop.is_set():
                report.interrupted = True
                return  # validators not stored: the next round reads this source whole again
            outcome = self._item(store, src, item, prior, report, bar)
            if outcome is PENDING:
                pending = True
            elif outcome is None:  # stopped inside a file of several documents
                return
        state.record_ok(conn, src.name, "not-modified" if batch.unchanged else "ok",
                        etag=None if pending else batch.etag,
                        last_modified=None if pending else batch.last_modified)

    # -- one item ----------------------------------------------------------------------------------------
    def _item(self, store: Any, src: Source, item: Item, prior: tuple[str, str] | None,
              report: RoundReport, bar: Any) -> object:
        """Ingest an item's documents; returns "done", PENDING, or None when a stop came in the middle.

        The item is marked seen in the transaction that stores its last document; when that one fails,
        right after."""
        marked, first_id, outcomes = False, None, []
        for doc, last in _flag_last(item.read()):
            if self.stop.is_set() and outcomes:
                report.interrupted = True
                return None
            if item.from_feed:
                doc = self._follow(doc, item, prior)
                if doc is PENDING:
                    if item.key is not None:
                        state.mark(store.conn, src.name, item.key, state.PENDING)
                    report.pending += 1
                    return PENDING
            stored = self._ingest(store, src, doc, item.key if last else None, report)  # type: ignore[arg-type]
            bar.update(1)
            outcomes.append(stored[0])
            first_id = first_id or stored[1]
            marked = marked or (last and stored[1] is not None)
        if item.key is not None and not marked:
            status = "failed" if all(o == "failed" for o in outcomes) else "unchanged"
            state.mark(store.conn, src.name, item.key, status, first_id)
        return "done"

    def _ingest(self, store: Any, src: Source, doc: Document | IngestError, key: str | None,
                report: RoundReport) -> tuple[str, str | None]:
        """Check, annotate and store one document (marking `key` with it); returns (status, doc id or None
        when nothing was stored)."""
        if isinstance(doc, Document):
            doc = check_document(doc)
        if isinstance(doc, IngestError):
            self.log(f"{doc.source}: {doc.message}")
            report.failed += 1
            return "failed", None
        try:
            annotated, warning = self._annotate(doc)
            if warning:
                self.log(f"{doc.source}: warning: {warning}")
            status = state.store_item(store, annotated, src.name, key)
        except Exception as exc:  # one bad document must not stop the watch
            self.log(f"{doc.source}: could not annotate or store: {type(exc).__name__}: {exc}")
            report.failed += 1
            return "failed", None
        if status in ("stored", "new-version"):
            report.new += 1
            report.doc_ids.append(annotated.id)
        else:
            report.unchanged += 1
        return status, annotated.id

    def _annotate(self, doc: Document) -> tuple[Document, str | None]:
        if self._pipeline is None:
            self._pipeline = self.make_pipeline()
        return self._pipeline.run(doc)

    # -- following a feed item to its article ------------------------------------------------------------
    def _follow(self, doc: Document | IngestError, item: Item, prior: tuple[str, str] | None) -> Any:
        """The article an item links to when the item itself holds only a summary (or nothing); the item's
        own text when its page is not an article; PENDING when the page cannot be fetched for now."""
        link = item.link
        if not link or not is_url(link):
            return doc
        if isinstance(doc, Document) and len(doc.text.split()) >= self.settings.follow_words:
            return doc
        try:
            resp = self.fetcher.get(link)
        except FetchError as exc:
            if exc.transient and not self._given_up(prior):
                self.log(f"{link}: {exc}; the item is tried again next round")
                return PENDING
            self.log(f"{link}: {exc}; keeping the feed item's own text")
            return doc
        try:
            page = read_html(decode(resp.body, link), link)
        except ValueError as exc:
            page = IngestError(link, str(exc))
        if isinstance(page, Document):
            page = check_document(page)
        if isinstance(page, IngestError):
            self.log(f"{link}: warning: {page.message}; keeping the feed item's own text")
            return doc
        if isinstance(doc, Document):  # the feed's title and date are cleaner than a page's <title>
            page.title = doc.title or page.title
            page.published = page.published or doc.published
            page.author = page.author or doc.author
        page.url = page.url or link
        return page

    def _given_up(self, prior: tuple[str, str] | None) -> bool:
        """Whether an item's article page has been unreachable for longer than we wait for it."""
        if not prior or prior[0] != state.PENDING:
            return False
        try:
            first = dt.datetime.fromisoformat(prior[1])
        except ValueError:
            return True
        return (dt.datetime.now(dt.UTC) - first).total_seconds() >= self.settings.pending_give_up_s

    # -- after the documents -----------------------------------------------------------------------------
    def _followup(self, store: Any, report: RoundReport) -> None:
        todo = state.unanalysed_watch_docs(store.conn)
        if not todo:
            return
        try:
            report.analysed = followup.analyse_new(store, window_days=self.settings.window_days,
                                                   progress=self.settings.progress)
        except Exception as exc:  # reported; the documents stay stored and the next round tries again
            report.errors.append(f"cross-document pass failed ({type(exc).__name__}: {exc})")
        try:
            report.alerts = followup.evaluate_alerts(store, todo)
        except Exception as exc:
            report.errors.append(f"alerts failed ({type(exc).__name__}: {exc})")


def _flag_last(items: Iterable[T]) -> Iterator[tuple[T, bool]]:
    """Each element with whether it is the last one (looking one ahead, so the stream stays lazy)."""
    it = iter(items)
    end = object()
    prev: Any = next(it, end)
    for x in it:
        yield prev, False
        prev = x
    if prev is not end:
        yield prev, True


def _bar(desc: str, progress: bool) -> Any:
    import sys

    from tqdm import tqdm

    return tqdm(desc=desc, unit=" docs", disable=not progress, file=sys.stderr, mininterval=0.5)
