"""``db check``: SQLite's own integrity and foreign-key checks, reported in one line each."""

from __future__ import annotations

from pathlib import Path

from frontera_desk.db.engine import connect_file, is_read_only

RESTORE = "Restaure el último respaldo (frontera-desk backup restore ARCHIVO)."


def check_database(path: Path, key: bytes | None = None) -> list[str]:
    """Problems found (empty when the database is sound): a one-line verdict first, then any
    details SQLite gave."""
    if not path.exists():
        return [f"No existe la base de datos {path}."]
    try:
        conn = connect_file(path, key, is_read_only(path))
    except Exception as error:  # sqlite3 and sqlcipher3 raise their own classes
        return [f"No se pudo abrir {path}: {error}."]
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:  # SQLite's own lines: details after the one-line verdict
            details = [line for row in integrity for line in row.splitlines()
                       if line and not line.startswith("***")]  # fmt: skip
            return [f"La base de datos está dañada ({len(details)} problemas). {RESTORE}", *details]
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            table, rowid, parent, _ = orphans[0]
            return [
                f"Referencia rota: {table} fila {rowid} apunta a {parent} inexistente "
                f"({len(orphans)} en total)."
            ]
    except Exception as error:  # DatabaseError of either driver
        return [f"La base de datos está dañada o no es de Frontera Desk. {RESTORE}", str(error)]
    finally:
        conn.close()
    return []
