"""The service and command-line suites run on SQLite and on PostgreSQL (issue #8).

Imported by tests/unit/conftest.py and tests/e2e/conftest.py. A test that is about SQLite
itself (the SQLCipher file, the key file beside it, the file backup) says so with
``@pytest.mark.sqlite_only`` and runs once.
"""

from __future__ import annotations

import pytest

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return str(request.param)


def deselect_sqlite_only(config, items) -> None:
    kept, dropped = [], []
    for item in items:
        on_postgres = (
            getattr(item, "callspec", None) and item.callspec.params.get("backend") == "postgresql"
        )
        (dropped if on_postgres and item.get_closest_marker("sqlite_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
