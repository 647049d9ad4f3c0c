"""Accent- and case-insensitive search over names and document numbers.

Both databases index the same text: names and document numbers folded in Python (no accents,
lower case) and split into words, in table ``person_fts`` whose ``rowid`` is the person's id,
kept up to date by the services through :func:`index_person`. A search word matches a word
that starts with it ("hern" finds "Hernández"); every word must match.

- SQLite: an FTS5 table; a word is the prefix query ``"hern"*``.
- PostgreSQL: a plain table whose ``body`` column has a trigram (pg_trgm) GIN index; a word is
  ``body LIKE '% hern%'``, which that index answers.

The search conditions are SQL elements compiled per dialect, so the services build one query
for both. Dialect-specific SQL lives only here and in the migrations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, bindparam, func, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement

from frontera_desk.domain.text import fold, fold_document

FTS_TABLE = "person_fts"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _words(value: str) -> list[str]:
    return _TOKEN.findall(fold(value))


def person_text(names: Iterable[str | None], documents: Iterable[str | None]) -> tuple[str, str]:
    """The two indexed columns: folded name words, and document numbers as typed and compacted."""
    name_text = " ".join(word for n in names if n for word in _words(n))
    docs: list[str] = []
    for number in documents:
        if number:
            docs += [*_words(number), fold_document(number).lower()]
    return name_text, " ".join(docs)


def index_person(session: Session, person_id: int, names: str, documents: str) -> None:
    session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": person_id})
    session.execute(
        text(f"INSERT INTO {FTS_TABLE} (rowid, names, documents) VALUES (:id, :n, :d)"),
        {"id": person_id, "n": names, "d": documents},
    )


def fts_query(query: str) -> tuple[str, ...] | None:
    """``"José Hernán"`` → ``("jose", "hernan")``, the words to look for; None if empty."""
    return tuple(_words(query)) or None


class _IndexMatches(ColumnElement[bool]):
    """``person_fts`` rows holding every word (a condition on the index table). Untyped: a
    Boolean would be compared with 1 on SQLite, which MATCH does not allow."""

    inherit_cache = False  # the words are part of the SQL text on neither dialect: no caching

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words


class _PersonMatches(ColumnElement[bool]):
    """``persons.id`` is one of the people holding every word."""

    inherit_cache = False

    def __init__(self, words: tuple[str, ...], in_name_order: bool) -> None:
        self.words = words
        self.in_name_order = in_name_order


def _bind(compiler: Any, value: str, **kw: Any) -> str:
    return str(compiler.process(bindparam(None, value, unique=True), **kw))


@compiles(_IndexMatches, "sqlite")
def _index_matches_sqlite(element: _IndexMatches, compiler: Any, **kw: Any) -> str:
    prefixes = " ".join(f'"{word}"*' for word in element.words)
    return f"{FTS_TABLE} MATCH {_bind(compiler, prefixes, **kw)}"


@compiles(_IndexMatches, "postgresql")
def _index_matches_postgresql(element: _IndexMatches, compiler: Any, **kw: Any) -> str:
    def pattern(word: str) -> str:  # a word start: the body begins with a space
        return "% " + word.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%"

    return " AND ".join(
        f"{FTS_TABLE}.body LIKE {_bind(compiler, pattern(word), **kw)}" for word in element.words
    )


@compiles(_PersonMatches)
def _person_matches(element: _PersonMatches, compiler: Any, **kw: Any) -> str:
    # In name order on SQLite, the unary + keeps it from looking each match up by id and then
    # sorting them all (slow for a common surname on a large office): it walks the name index
    # instead and keeps the matches (README, Performance: name search).
    sqlite = compiler.dialect.name == "sqlite"
    column = "+persons.id" if element.in_name_order and sqlite else "persons.id"
    condition = compiler.process(_IndexMatches(element.words), **kw)
    return f"{column} IN (SELECT rowid FROM {FTS_TABLE} WHERE {condition})"


def matching(words: tuple[str, ...], in_name_order: bool) -> ColumnElement[bool]:
    """The condition "this person matches the search"."""
    return _PersonMatches(words, in_name_order)


def count_matches(words: tuple[str, ...]) -> Select[Any]:
    """How many people match: counted in the index itself, with no row lookups."""
    return select(func.count()).select_from(text(FTS_TABLE)).where(_IndexMatches(words))
