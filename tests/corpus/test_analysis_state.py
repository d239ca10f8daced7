"""Where the cross-document pass stands on a store, which listings report instead of a bare empty list."""

from __future__ import annotations

from marsad.corpus import analyse
from marsad.store.queries.stories import AnalysisState, analysis_state
from tests.corpus.conftest import doc
from tests.corpus.test_corpus import FLOOD, FOOTBALL


def test_state_before_and_after_analysis(make_store) -> None:  # type: ignore[no-untyped-def]
    empty = make_store([], "empty.db")
    assert analysis_state(empty.conn) == AnalysisState(True, False, 0)
    assert not analysis_state(empty.conn).never_run  # nothing stored: an empty list is the truth
    store = make_store([doc(FLOOD, title="سيول جدة", published="2015-07-20", outlet="okaz")])
    state = analysis_state(store.conn)
    assert state == AnalysisState(True, False, 1) and state.never_run
    analyse(store)
    assert analysis_state(store.conn) == AnalysisState(True, True, 0)
    store.add(doc(FOOTBALL, title="الهلال يفوز على النصر", published="2015-07-21", outlet="okaz"))
    store.commit()
    state = analysis_state(store.conn)
    assert state == AnalysisState(True, True, 1) and not state.never_run  # stale, not never run
    analyse(store)
    assert analysis_state(store.conn).pending == 0
