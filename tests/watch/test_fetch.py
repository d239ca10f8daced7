"""The fetcher against the local site: conditional GET, retries with backoff, politeness, limits."""

from __future__ import annotations

import pytest

from marsad.watch.fetch import Fetcher, FetchError
from tests.watch.helpers import Site


class Clock:
    """Records the fetcher's waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def test_validators_are_sent_and_a_304_says_not_modified(site: Site) -> None:
    site.feed("/rss", [], version=1)
    f = Fetcher(delay=0)
    first = f.get(site.url("/rss"))
    assert first.status == 200 and first.etag == '"v1"' and first.last_modified
    again = f.get(site.url("/rss"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert site.asked("/rss")[1]["if-none-match"] == '"v1"'


def test_5xx_is_retried_with_exponential_backoff_and_4xx_is_not(site: Site) -> None:
    clock = Clock()
    site.route("/down", status=503)
    with pytest.raises(FetchError, match="HTTP 503") as e:
        Fetcher(delay=0, retries=3, backoff=0.5, sleep=clock).get(site.url("/down"))
    assert e.value.transient and clock.waits == [0.5, 1.0, 2.0]
    with pytest.raises(FetchError, match="HTTP 404") as e:
        Fetcher(delay=0, retries=3, sleep=clock).get(site.url("/missing"))
    assert not e.value.transient and len(site.asked("/missing")) == 1


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    clock = Clock()
    site.route("/x", b"x")
    f = Fetcher(delay=5.0, sleep=clock)
    f.get(site.url("/x"))
    f.get(site.url("/x"))
    assert len(clock.waits) == 1 and 4.0 < clock.waits[0] <= 5.0


def test_a_response_over_the_cap_is_refused(site: Site) -> None:
    site.route("/big", b"x" * 2000)
    with pytest.raises(FetchError, match="over the"):
        Fetcher(delay=0, max_bytes=1000).get(site.url("/big"))


def test_a_redirect_loop_is_one_error_and_a_closed_port_a_connection_error(site: Site) -> None:
    site.route("/l1", status=301, headers={"Location": "/l2"})
    site.route("/l2", status=301, headers={"Location": "/l1"})
    with pytest.raises(FetchError, match="redirect loop") as e:
        Fetcher(delay=0).get(site.url("/l1"))
    assert not e.value.transient
    with pytest.raises(FetchError, match="cannot connect") as e:
        Fetcher(delay=0, retries=1, backoff=0).get("http://127.0.0.1:9/rss")
    assert e.value.transient
