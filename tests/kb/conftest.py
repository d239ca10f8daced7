"""Skip the KB suite cleanly when the built KB is absent (it is built by `python -m marsad.kb.build`)."""

import pytest

from marsad.kb.store import DEFAULT_PATH


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if DEFAULT_PATH.exists():
        return
    skip = pytest.mark.skip(reason=f"{DEFAULT_PATH} not built")
    for it in items:
        if "tests/kb" in str(it.fspath):
            it.add_marker(skip)
