"""A log record at ERROR fails the test that emitted it (tests/conftest.py)."""

import logging
import threading

import pytest

from tests.conftest import failing_on_error_logs

logger = logging.getLogger("frontera_desk.test")


@pytest.mark.logs_errors  # the error is logged on purpose, inside the check under test
def test_an_error_record_fails_the_test_even_from_a_thread_and_after_the_cli_set_up_logging():
    root = logging.getLogger()
    handlers = root.handlers[:]
    try:
        with (
            pytest.raises(pytest.fail.Exception, match="ERROR frontera_desk.test: boom"),
            failing_on_error_logs(),
        ):
            root.handlers[:] = [logging.NullHandler()]  # as cli.setup_logging does
            worker = threading.Thread(target=lambda: logger.error("boom"))
            worker.start()
            worker.join()
    finally:
        root.handlers[:] = handlers


def test_warnings_do_not_fail():
    with failing_on_error_logs():
        logger.warning("a warning is not a bug")


@pytest.mark.logs_errors
def test_a_marked_test_may_log_an_error():
    logger.error("expected by this test")
