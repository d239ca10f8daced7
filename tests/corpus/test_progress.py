"""Per-pass progress of `analyse()`: every stage reported in order, start to end, and results unchanged."""

from __future__ import annotations

from marsad.corpus import analyse
from marsad.corpus.progress import STAGES, Bars, Ticker
from tests.corpus.conftest import doc
from tests.corpus.test_corpus import FLOOD, FLOOD_EDIT, FOOTBALL, _claim_docs

TABLES = ["doc_groups", "dup_groups", "stories", "story_docs", "merged_events", "merged_event_mentions",
          "claims", "claim_quotes", "claim_pairs", "corpus_df"]


def _docs():  # type: ignore[no-untyped-def]
    return [
        doc(FLOOD, title="سيول جدة", published="2015-07-20", outlet="okaz"),
        doc(FLOOD_EDIT, title="سيول جدة", published="2015-07-20", outlet="sabq"),
        doc(FOOTBALL, title="الهلال يفوز على النصر", published="2015-07-21", outlet="okaz"),
        *_claim_docs(),
    ]


def test_ticker_reports_start_steps_and_end_once() -> None:
    calls: list[tuple[str, int, int]] = []
    tick = Ticker(lambda *a: calls.append(a), "stories", 1000)
    for _ in range(1000):
        tick()
    tick.finish()
    assert calls[0] == ("stories", 0, 1000) and calls[-1] == ("stories", 1000, 1000)
    assert len(calls) <= 102 and [c[1] for c in calls] == sorted(c[1] for c in calls)
    assert calls.count(("stories", 1000, 1000)) == 1
    empty: list[tuple[str, int, int]] = []
    t = Ticker(lambda *a: empty.append(a), "events", 0)
    t.finish()
    assert empty == [("events", 0, 0)]  # an empty stage is complete at once, and said so once
    Ticker(None, "read", 5)()  # no callback: nothing to do


def test_analyse_reports_every_stage_and_stores_the_same(make_store) -> None:  # type: ignore[no-untyped-def]
    quiet, shown = make_store(_docs(), "quiet.db"), make_store(_docs(), "shown.db")
    calls: list[tuple[str, int, int]] = []
    bars = Bars(disable=True)

    def progress(stage: str, done: int, total: int) -> None:
        calls.append((stage, done, total))
        bars(stage, done, total)

    stats = {k: v for k, v in analyse(shown, progress=progress).items() if k != "seconds"}
    assert stats == {k: v for k, v in analyse(quiet).items() if k != "seconds"}
    stages = list(dict.fromkeys(c[0] for c in calls))
    assert stages == list(STAGES)
    for stage in stages:
        mine = [c for c in calls if c[0] == stage]
        assert mine[0][1] == 0 and mine[-1][1] == mine[-1][2]
    assert bars.bar is None  # every stage's bar closed when it ended
    for t in TABLES:
        sql = f"SELECT * FROM {t} ORDER BY 1, 2"
        assert [tuple(r) for r in shown.conn.execute(sql)] == [tuple(r) for r in quiet.conn.execute(sql)], t
