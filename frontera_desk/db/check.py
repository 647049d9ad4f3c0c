"""``db check``: SQLite's own integrity and foreign-key checks, reported in one line each."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def check_database(path: Path) -> list[str]:
    """Problems found (empty when the database is sound). Opens the file read-only."""
    if not path.exists():
        return [f"No existe la base de datos {path}."]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return [f"No se pudo abrir {path}: {error}."]
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            return [f"La base de datos está dañada: {integrity[0]}"]
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            table, rowid, parent, _ = orphans[0]
            return [
                f"Referencia rota: {table} fila {rowid} apunta a {parent} inexistente "
                f"({len(orphans)} en total)."
            ]
    except sqlite3.DatabaseError as error:
        return [f"La base de datos está dañada o no es de Frontera Desk: {error}."]
    finally:
        conn.close()
    return []
