"""This suite runs on both databases: see tests/both_databases.py."""

from tests.both_databases import backend  # noqa: F401 - the parametrized fixture
