"""Command line: the GUI by default, and the subcommands of DESIGN.md §6 built so far."""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from typing import Any

from frontera_desk import __version__, paths
from frontera_desk.domain.errors import FronteraError

logger = logging.getLogger(__name__)


def setup_logging(app_paths: paths.Paths) -> None:
    """One rotating log file in the data dir. Never log personal data."""
    app_paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        app_paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def _common(parser: argparse.ArgumentParser, default: Any) -> None:
    # Accepted before or after the subcommand; subparsers must not overwrite the main value.
    parser.add_argument("--data-dir", metavar="DIR", default=default, help="carpeta de datos")
    parser.add_argument("--lang", choices=("es", "en"), default=default, help="idioma")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontera-desk", description="Frontera Desk: apoyos a personas migrantes."
    )
    _common(parser, None)
    parser.add_argument("--version", action="version", version=f"frontera-desk {__version__}")
    parser.add_argument("--demo", action="store_true", help="abrir con datos de demostración")
    parser.add_argument(
        "--smoke-test", action="store_true", help="abrir la ventana, medir el arranque y salir"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMANDO")

    def sub(
        parent: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str
    ) -> argparse.ArgumentParser:
        child = parent.add_parser(name, help=text, description=text)
        _common(child, argparse.SUPPRESS)
        return child

    demo = sub(commands, "demo", "datos de demostración").add_subparsers(
        dest="action", required=True
    )
    create = sub(demo, "create", "crear una carpeta de datos de demostración")
    create.add_argument("--persons", type=int, default=300, metavar="N")
    create.add_argument("--months", type=int, default=12, metavar="M")
    create.add_argument("--seed", type=int, default=2026, metavar="S")
    create.add_argument("--force", action="store_true", help="reemplazar una demostración previa")

    people = sub(commands, "people", "personas").add_subparsers(dest="action", required=True)
    search = sub(people, "search", "buscar personas por nombre o documento")
    search.add_argument("query", metavar="CONSULTA")
    search.add_argument("--json", action="store_true", help="salida JSON")
    search.add_argument("--limit", type=int, default=50)

    db = sub(commands, "db", "base de datos").add_subparsers(dest="action", required=True)
    sub(db, "check", "verificar la integridad de la base de datos")
    sub(db, "upgrade", "actualizar el esquema de la base de datos")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    is_demo = bool(args.demo or (args.command == "demo"))
    app_paths = paths.resolve(args.data_dir, demo=is_demo)
    try:
        if args.command is None:
            from frontera_desk.app import run_gui

            app_paths.create()
            setup_logging(app_paths)
            return run_gui(
                app_paths, language=args.lang, demo=args.demo, smoke_test=args.smoke_test
            )
        app_paths.create()
        setup_logging(app_paths)
        handler = {"demo": _demo, "people": _people, "db": _db}[args.command]
        return handler(args, app_paths)
    except FronteraError as error:
        print(f"frontera-desk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a command that stopped reading (head)
        sys.stderr.close()
        return 0
    except OSError as error:
        print(f"frontera-desk: {error.strerror or error} ({error.filename or ''})", file=sys.stderr)
        return 1
    except Exception as error:
        logger.exception("unexpected error")
        print(
            f"frontera-desk: error inesperado ({type(error).__name__}); detalles en "
            f"{app_paths.log_file}",
            file=sys.stderr,
        )
        return 70


def _open(app_paths: paths.Paths):  # type: ignore[no-untyped-def]
    from frontera_desk.db import open_database

    return open_database(app_paths.database, app_paths.backup_dir)


def _demo(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services.demo import create_demo_dir

    if args.persons < 1 or args.months < 1:
        raise FronteraError("--persons y --months deben ser mayores que cero.")
    stats = create_demo_dir(
        app_paths, persons=args.persons, months=args.months, seed=args.seed, force=args.force
    )
    print(f"Demostración creada en {app_paths.data_dir}: {stats.persons} personas, "
          f"{stats.supports} apoyos.")  # fmt: skip
    return 0


def _people(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services import people

    db = _open(app_paths)
    with db.read() as session:
        rows = people.search_people(session, args.query, limit=args.limit)
        detail = {row.id: people.get_person(session, row.id) for row in rows} if args.json else {}
    if args.json:
        out = [
            {
                "id": p.id,
                "uuid": p.uuid,
                "given_names": p.given_names,
                "first_surname": p.first_surname,
                "second_surname": p.second_surname or None,
                "sex": p.sex.value,
                "birth_date": p.birth_date.isoformat() if p.birth_date else None,
                "nationality": p.nationality,
            }
            for p in detail.values()
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            born = row.birth_date.strftime("%d/%m/%Y") if row.birth_date else "—"
            print(f"{row.id:>7}  {row.full_name}  {born}  {row.nationality or '—'}  {row.document}")
    return 0


def _db(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    if args.action == "upgrade":
        _open(app_paths).dispose()
        print("La base de datos está al día.")
        return 0
    from frontera_desk.db.check import check_database

    problems = check_database(app_paths.database)
    if problems:
        print(f"frontera-desk: {problems[0]}", file=sys.stderr)
        return 1
    print("La base de datos está íntegra.")
    return 0
