"""When start-up loads the data layer: before Qt when the program signs in by itself, behind
the painted sign-in dialog when a person signs in (issue #21, item 5). No Qt here."""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING

from frontera_desk import paths

if TYPE_CHECKING:
    from frontera_desk.paths import Paths

logger = logging.getLogger(__name__)

WINDOW = "window"  # --smoke-test: through Inicio, then out
SIGN_IN = "sign-in"  # --smoke-test=sign-in: out once the sign-in dialog is painted
SMOKE_TESTS = (WINDOW, SIGN_IN)


def load_data_layer() -> None:
    """Import what the window needs before its first screen (SQLAlchemy's ORM, the models, the
    services of the sign-in and of Inicio) and map the models, as the first query would. Plain
    imports, so that PyInstaller sees them."""
    from sqlalchemy.orm import configure_mappers

    from frontera_desk.services import auth, backup, dashboard, office  # noqa: F401

    configure_mappers()


def signs_in_by_hand(app_paths: Paths, demo: bool, smoke_test: str | None) -> bool:
    """The first window will be the sign-in dialog: a data folder set up on this computer, no
    account in the environment, not a demonstration. Decided from the folder alone, without the
    data layer (a server's office is only known once the database is open)."""
    if app_paths.database_url is not None or not app_paths.keys.exists():
        return False
    if smoke_test == SIGN_IN:
        return True
    from frontera_desk.cli import ENV_PASSWORD, ENV_USER

    if os.environ.get(ENV_USER) and os.environ.get(ENV_PASSWORD):
        return False
    return not paths.opens_as_demo(app_paths, demo, bool(smoke_test))


class Loading(threading.Thread):
    """Loads the data layer while the sign-in dialog takes the user's name and password.

    A thread rather than a zero-timer on the GUI thread: Python's imports hold the GIL only in
    bursts of the switch interval, and the dialog's typing and painting run in Qt's C++ without
    it, so the dialog answers while the imports go on; from a zero-timer they froze it for the
    whole load (tests/benchmarks/sign_in_frames.py gives both). Whoever needs the layer before it
    is loaded imports it too: Python's import lock makes it wait for this thread."""

    def __init__(self) -> None:
        super().__init__(name="data-layer", daemon=True)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            load_data_layer()
        except BaseException as error:  # noqa: BLE001 - the GUI thread's import raises it again
            logger.warning("loading the data layer failed: %s", type(error).__name__)
            self.error = error


def run_gui(
    app_paths: Paths, language: str | None, demo: bool, smoke_test: str | None,
    notice: str | None = None,
) -> int:  # fmt: skip
    """The GUI: the data layer first when nobody types a password (PySide6 reads the source of
    every module imported after it, looking for ``from __feature__ import``), else Qt first."""
    by_hand = signs_in_by_hand(app_paths, demo, smoke_test)
    if not by_hand:
        load_data_layer()
    from frontera_desk.app import run_gui as run_window

    return run_window(app_paths, language, demo, smoke_test, notice, by_hand=by_hand)
