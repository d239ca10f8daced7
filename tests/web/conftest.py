"""Browser-test fixtures: one store, one uvicorn server and one headless Chromium for the whole session.

Chromium is Debian's package (Playwright's own browser downloads cannot work offline); when it is missing
the session installs it with apt-get, and fails with a clear message if that is impossible, because a
silently skipped browser suite would hide a broken web interface from CI.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives headless Chromium against a live server (runs by default)")


def build_store(path: Path) -> Path:
    """The five example articles, annotated, stored and (when available) analysed across documents."""
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents
    from marsad.store import open_store

    pipeline = Pipeline()
    with open_store(path) as store:
        for item in iter_documents([str(EXAMPLES)]):
            assert not isinstance(item, IngestError), item
            store.add(pipeline(item))
        store.commit()
        try:
            from marsad.corpus import analyse
        except ImportError:
            analyse = None
        if analyse is not None:
            analyse(store)
    return path


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.geteuid() != 0 and not shutil.which("sudo"):
        pytest.fail("the browser tests need Debian's chromium; install it with `apt-get install -y chromium`")
    cmd = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for step in (["apt-get", "install", "-y", "chromium"], ["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        subprocess.run(cmd + step, env=env, capture_output=True, text=True, timeout=900)
        path = shutil.which("chromium")
        if path:
            return path
    pytest.fail("chromium is not installed and `apt-get install -y chromium` failed; the browser tests "
                "(tests/web) need Debian's chromium package")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def base_url(store_db: Path) -> Iterator[str]:
    """A live uvicorn server on a free loopback port, in a background thread."""
    import uvicorn

    from marsad.api.server import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(store_db)), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the marsad server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    exe = _chromium()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    ctx = browser.new_context(base_url=base_url, locale="ar", viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    pg = ctx.new_page()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    ctx.close()
    assert not errors, f"JavaScript or console errors: {errors}"


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
