"""Property-based robustness: generated requests against every operation in the OpenAPI schema must never
produce a server error (5xx) or a response that breaks the declared schema's status codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

schemathesis = pytest.importorskip("schemathesis")


def test_no_server_errors(store_db: Path) -> None:
    """Schemathesis generates requests for every operation from the OpenAPI schema (offline, in-process)."""
    from hypothesis import given

    from marsad.api.server import create_app

    # schemathesis calls the app as host "testserver", a name the server must be told it serves
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(store_db), allowed_hosts=["testserver"]))
    checked = 0
    for result in schema.get_all_operations():
        op = result.ok()

        @given(case=op.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case) -> None:
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"

        check()
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("path", ["/api/search", "/search", "/api/quotes", "/api/events", "/api/entities", "/timeline"])
def test_free_text_params_never_500(client, path: str) -> None:
    from hypothesis import given

    @given(st.text(max_size=80), st.text(max_size=12))
    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(text: str, date: str) -> None:
        params = {"q": text or "x", "speaker": text, "actor": text, "location": text, "entity": text or "x",
                  "from": date}
        r = client.get(path, params=params)
        assert r.status_code < 500, (path, params, r.text[:300])

    check()
