"""Command line: the GUI by default, and the subcommands of DESIGN.md §6 built so far."""

from __future__ import annotations

import argparse
import errno
import gc
import getpass
import json
import logging
import logging.handlers
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from frontera_desk import __version__, paths
from frontera_desk.domain.errors import FronteraError, disk_error
from frontera_desk.instance import instance_lock
from frontera_desk.settings import Settings

if TYPE_CHECKING:
    from frontera_desk.services.auth import SignedIn

logger = logging.getLogger(__name__)

ENV_USER = "FRONTERA_DESK_USER"
ENV_PASSWORD = "FRONTERA_DESK_PASSWORD"
ENV_NEW_PASSWORD = "FRONTERA_DESK_NEW_PASSWORD"


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file, which must never take the program down: on a read-only or full disk the
    program goes on without it, saying so once on stderr (not Python's traceback per line)."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        _log_unavailable(sys.exc_info()[1])
        logging.getLogger().removeHandler(self)


def _log_unavailable(error: BaseException | None) -> None:
    if not _LogFile.failed:
        _LogFile.failed = True
        if getattr(error, "errno", None) == errno.EROFS:
            return  # a read-only folder: signing in says so, in the user's terms
        reason = getattr(error, "strerror", None) or type(error).__name__
        print(f"frontera-desk: no se puede escribir el registro ({reason}); se continúa sin él.",
              file=sys.stderr)  # fmt: skip


def setup_logging(app_paths: paths.Paths) -> None:
    """One rotating log file in the data dir. Never log personal data."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        app_paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _LogFile(
            app_paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as error:  # a read-only or full disk: reading and rescuing must still work
        _log_unavailable(error)
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.handlers[:] = [handler]


def _common(parser: argparse.ArgumentParser, default: Any) -> None:
    # Accepted before or after the subcommand; subparsers must not overwrite the main value.
    parser.add_argument("--data-dir", metavar="DIR", default=default, help="carpeta de datos")
    parser.add_argument("--lang", choices=("es", "en"), default=default, help="idioma")
    parser.add_argument(
        "--database-url", metavar="URL", default=default,
        help="base de datos en un servidor PostgreSQL (postgresql+psycopg://usuario@host/base)",
    )  # fmt: skip


# argparse's own words, in Spanish (it asks gettext, which has no Spanish catalog for them)
_ARGPARSE_ES = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "mostrar esta ayuda y salir",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "the following arguments are required: %s": "faltan los argumentos: %s",
    "one of the arguments %s is required": "se requiere uno de los argumentos %s",
    "not allowed with argument %s": "no se permite junto con el argumento %s",
    "expected one argument": "se esperaba un valor",
    "expected at most one argument": "se esperaba a lo más un valor",
    "expected at least one argument": "se esperaba al menos un valor",
    "expected %s argument": "se esperaba %s valor",
    "expected %s arguments": "se esperaban %s valores",
    "ambiguous option: %(option)s could match %(matches)s":
        "opción ambigua: %(option)s puede ser %(matches)s",
    "invalid %(type)s value: %(value)r": "valor no válido: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "opción no válida: %(value)r (elija entre %(choices)s)",
    "ignored explicit argument %r": "se ignoró el argumento %r",
    "can't open '%(filename)s': %(error)s": "no se pudo abrir «%(filename)s»: %(error)s",
}  # fmt: skip


def _speak_spanish() -> None:
    argparse._ = lambda text: _ARGPARSE_ES.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _ARGPARSE_ES.get(  # type: ignore[attr-defined]
        one if n == 1 else many, one if n == 1 else many
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"debe ser un número entero positivo, no «{text}»")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    _speak_spanish()
    parser = argparse.ArgumentParser(
        prog="frontera-desk", description="Frontera Desk: apoyos a personas migrantes."
    )
    _common(parser, None)
    parser.add_argument("--version", action="version", version=f"frontera-desk {__version__}",
                        help="mostrar la versión y salir")  # fmt: skip
    parser.add_argument("--demo", action="store_true", help="abrir con datos de demostración")
    parser.add_argument(
        "--smoke-test", nargs="?", const="window", choices=("window", "sign-in"),
        help="abrir la ventana (o solo la de inicio de sesión: sign-in), medir el arranque y salir",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMANDO")

    def sub(parent: Any, name: str, text: str) -> argparse.ArgumentParser:
        child: argparse.ArgumentParser = parent.add_parser(name, help=text, description=text)
        _common(child, argparse.SUPPRESS)
        return child

    def group(name: str, text: str) -> Any:
        return sub(commands, name, text).add_subparsers(
            dest="action", required=True, metavar="ACCIÓN"
        )

    setup = sub(commands, "setup", "configurar una carpeta de datos vacía (sin la interfaz)")
    setup.add_argument("--office", required=True, metavar="CLAVE")
    setup.add_argument("--name", required=True, metavar="NOMBRE")
    setup.add_argument("--hq", action="store_true", help="oficinas centrales")
    setup.add_argument("--admin-name", metavar="NOMBRE", help="nombre completo del administrador")
    setup.add_argument(
        "--place",
        metavar="LUGAR",
        help="lugar de expedición de recibos y constancias (Arriaga, Chiapas)",
    )
    setup.add_argument("--address", metavar="DOMICILIO", default="", help="domicilio de la oficina")
    setup.add_argument(
        "--government",
        metavar="TEXTO",
        default="",
        help="encabezado: gobierno (Gobierno del Estado de Chiapas)",
    )
    setup.add_argument("--unit", metavar="TEXTO", default="",
                       help="encabezado: dependencia o unidad de la oficina")  # fmt: skip
    setup.add_argument("--demo", dest="demo_hq", action="store_true",
                       help="con --hq: oficinas centrales de demostración (solo paquetes de "
                            "demostración)")  # fmt: skip

    demo = group("demo", "datos de demostración")
    create = sub(demo, "create", "crear una carpeta de datos de demostración")
    create.add_argument("--office", metavar="CLAVE", help="clave de la oficina (TAP)")
    create.add_argument("--name", metavar="NOMBRE", help="nombre de la oficina")
    create.add_argument("--place", metavar="LUGAR", help="lugar (Tapachula, Chiapas)")
    create.add_argument("--hq", action="store_true",
                        help="oficinas centrales de demostración con tres oficinas que ya "
                             "enviaron su último mes")  # fmt: skip
    create.add_argument("--persons", type=int, default=300, metavar="N")
    create.add_argument("--months", type=int, default=12, metavar="M")
    create.add_argument("--seed", type=int, default=2026, metavar="S")
    create.add_argument("--force", action="store_true", help="reemplazar una demostración previa")

    people = group("people", "personas")
    search = sub(people, "search", "buscar personas por nombre o documento")
    search.add_argument(
        "query",
        metavar="CONSULTA",
        help="nombre, documento o folio (un texto que empieza con - va tras --)",
    )
    search.add_argument("--json", action="store_true", help="salida JSON")
    search.add_argument(
        "--limit", type=_positive, default=50, metavar="N", help="cuántas personas como máximo (50)"
    )

    user = group("user", "cuentas de usuario")
    add = sub(user, "add", "crear una cuenta")
    add.add_argument("username", metavar="USUARIO")
    add.add_argument("--role", required=True, choices=("capturista", "supervisor", "administrador"))
    add.add_argument("--name", required=True, metavar="NOMBRE")
    sub(user, "list", "listar las cuentas")
    passwd = sub(user, "passwd", "cambiar o restablecer una contraseña")
    passwd.add_argument("username", metavar="USUARIO")
    disable = sub(user, "disable", "desactivar una cuenta")
    disable.add_argument("username", metavar="USUARIO")

    month_summary = sub(commands, "summary",
                        "resumen mensual o informe anual (PDF, XLSX, JSON, DOCX)")  # fmt: skip
    period = month_summary.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar="AAAA-MM")
    period.add_argument("--year", metavar="AAAA")
    month_summary.add_argument("-o", "--output", required=True,
                               metavar="ARCHIVO(.pdf|.xlsx|.json|.docx)")  # fmt: skip

    month = group("month", "cierre de mes")
    close = sub(month, "close", "cerrar un mes terminado")
    close.add_argument("--month", required=True, metavar="AAAA-MM")
    close.add_argument(
        "--yes",
        action="store_true",
        help="cerrar aunque haya apoyos entregados con documentos pendientes",
    )
    reopen = sub(month, "reopen", "reabrir un mes cerrado (sube su revisión)")
    reopen.add_argument("--month", required=True, metavar="AAAA-MM")
    reopen.add_argument("--reason", required=True, metavar="MOTIVO")

    package = group("package", "paquete mensual para oficinas centrales")
    export = sub(package, "export", "escribir el paquete de un mes cerrado")
    export.add_argument("--month", required=True, metavar="AAAA-MM")
    export.add_argument("-o", "--output", required=True, metavar="ARCHIVO.zip")
    receive = sub(package, "import", "importar paquetes (oficinas centrales)")
    receive.add_argument("files", nargs="+", metavar="ARCHIVO.zip")

    office = group("office", "cédula de la oficina; oficinas inscritas (oficinas centrales)")
    card = sub(office, "card", "escribir la cédula de esta oficina para oficinas centrales")
    card.add_argument("-o", "--output", required=True, metavar="ARCHIVO.oficina")
    enroll = sub(office, "enroll", "inscribir una oficina con su cédula (oficinas centrales)")
    enroll.add_argument("file", metavar="ARCHIVO.oficina")
    enroll.add_argument("--reason", default="", metavar="MOTIVO",
                        help="para reinscribir una oficina con otra llave sin la firma de la "
                             "anterior (solo la administración)")  # fmt: skip
    sub(office, "list", "oficinas inscritas, su huella y los meses que faltan")

    receipt = group("receipt", "recibos")
    pdf = sub(receipt, "pdf", "el PDF de un recibo (cuenta como impresión)")
    which = pdf.add_mutually_exclusive_group(required=True)
    which.add_argument("--folio", metavar="FOLIO")
    which.add_argument("--support", type=int, metavar="ID")
    pdf.add_argument("-o", "--output", required=True, metavar="ARCHIVO.pdf")
    cancel = sub(receipt, "void", "cancelar un recibo (conserva el folio)")
    cancel.add_argument("--folio", required=True, metavar="FOLIO")
    cancel.add_argument("--reason", required=True, metavar="MOTIVO")

    backup = group("backup", "respaldos")
    create_backup = sub(backup, "create", "respaldar ahora")
    create_backup.add_argument(
        "-o",
        "--output",
        metavar="ARCHIVO_O_CARPETA/",
        help="archivo del respaldo, o una carpeta existente",
    )
    verify_backup = sub(backup, "verify", "verificar un respaldo (hash e integridad)")
    verify_backup.add_argument("file", metavar="ARCHIVO")
    restore = sub(backup, "restore", "restaurar un respaldo (reemplaza la base de datos)")
    restore.add_argument("file", metavar="ARCHIVO")
    restore.add_argument("--yes", action="store_true", help="no pedir confirmación")
    restore.add_argument(
        "--replace-office", metavar="CLAVE",
        help="reemplazar esta oficina (su clave) con el respaldo de otra oficina",
    )  # fmt: skip

    # --- import (issue 25) ---
    importing = group("import", "importar personas o apoyos de hojas de cálculo (XLSX, ODS, CSV…)")
    for name, text in (("people", "importar personas"),
                       ("supports", "importar apoyos entregados antes del programa")):  # fmt: skip
        one = sub(importing, name, text)
        one.add_argument("file", metavar="ARCHIVO")
        one.add_argument("--sheet", metavar="HOJA", help="la hoja (la primera si se omite)")
        one.add_argument(
            "--mapping",
            metavar="ARCHIVO.json",
            help="correspondencia de columnas guardada (se adivina si se omite)",
        )
        one.add_argument(
            "--save-mapping", metavar="ARCHIVO.json", help="guardar la correspondencia usada"
        )
        one.add_argument("--dry-run", action="store_true", help="revisar sin guardar nada")
    undo = sub(importing, "undo", "deshacer un lote de importación")
    undo.add_argument("batch", type=int, metavar="LOTE")
    # --- end import ---

    audit = group("audit", "bitácora")
    sub(audit, "verify", "verificar la cadena de la bitácora y sus puntos de control")

    db = group("db", "base de datos")
    sub(db, "check", "verificar la integridad de la base de datos").add_argument(
        "--verbose", action="store_true", help="mostrar cada problema encontrado"
    )
    sub(db, "upgrade", "actualizar el esquema de la base de datos")
    move = sub(db, "move-to-server", "copiar la oficina a una base de datos PostgreSQL vacía")
    move.add_argument("--to", required=True, metavar="URL", help="postgresql+psycopg://…")
    return parser


def _derive_ahead(app_paths: paths.Paths, args: argparse.Namespace) -> None:
    """The window will sign in with the account in the environment, or (a demo folder) as
    the demo supervisor: start deriving its key now, on another core (see derive_ahead)."""
    if app_paths.database_url is not None or args.smoke_test == "sign-in":
        return
    from frontera_desk.db.keyfile import derive_ahead, user_entry
    from frontera_desk.domain.text import clean

    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if not (user and password):
        if not paths.opens_as_demo(app_paths, args.demo, args.smoke_test == "window"):
            return
        user, password = paths.DEMO_USER, paths.DEMO_PASSWORD
    derive_ahead(app_paths.keys, user_entry(clean(user).lower()), password)  # as auth.unlock


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    is_demo = bool(args.demo or (args.command == "demo"))
    app_paths = paths.resolve(args.data_dir, demo=is_demo, database_url=args.database_url)
    try:
        app_paths.create()
        if app_paths.database_url is None and not is_demo:  # the office's saved choice
            saved = Settings.load(app_paths.settings_file).database_url
            app_paths = replace(app_paths, database_url=saved or None)
        setup_logging(app_paths)
        notice = finish_restore(app_paths)  # before anything else reads the folder
        if notice:
            print(f"frontera-desk: {notice}", file=sys.stderr)
        if args.command is None:
            # What start-up allocates (modules, mappings, widgets) lives as long as the program:
            # no collection until the first screen is up (passes over them delayed it). Then
            # MainWindow.prepare freezes these objects and turns collection back on; the few
            # cycles start-up left stay frozen with them.
            gc.disable()
            _derive_ahead(app_paths, args)
            from frontera_desk.startup import run_gui  # the data layer before or after Qt

            return run_gui(
                app_paths, language=args.lang, demo=args.demo, smoke_test=args.smoke_test,
                notice=notice,
            )  # fmt: skip
        handlers = {"setup": _setup, "demo": _demo, "people": _people, "user": _user,
                    "summary": _summary, "month": _month, "package": _package, "office": _office,
                    "receipt": _receipt,
                    "backup": _backup, "audit": _audit, "db": _db,
                    "import": _import}  # fmt: skip
        return handlers[args.command](args, app_paths)
    except FronteraError as error:
        print(f"frontera-desk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a command that stopped reading (head)
        sys.stderr.close()
        return 0
    except OSError as error:
        print(f"frontera-desk: {disk_error(error)}", file=sys.stderr)
        return 1
    except Exception as error:
        logger.exception("unexpected error")
        print(
            f"frontera-desk: error inesperado ({type(error).__name__}); detalles en "
            f"{app_paths.log_file}",
            file=sys.stderr,
        )
        return 70


def finish_restore(app_paths: paths.Paths) -> str | None:
    """A restore that a crash interrupted is finished or rolled back (services/backup.py),
    under the folder's lock; the message says which. Costs one look at the folder when there
    is nothing to do."""
    pending = app_paths.restore_journal.exists()
    if not (pending or any(app_paths.data_dir.glob(".restaurando-*"))):
        return None
    from frontera_desk.services import backup

    with ExitStack() as stack:
        try:
            stack.enter_context(instance_lock(app_paths))
        except FronteraError:
            if not pending:
                return None  # another process is restoring: its copy is not ours to remove
            raise FronteraError(
                "Otro proceso está restaurando un respaldo en esta carpeta de datos: espere a "
                "que termine."
            ) from None
        return backup.clean_up(app_paths)
    return None  # pragma: no cover - mypy: the stack does not swallow exceptions


# --- credentials ------------------------------------------------------------------------------


def _ask(prompt: str, env: str, secret: bool = True) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise FronteraError(f"Indique {env} o ejecute el comando en una terminal.")
    return getpass.getpass(prompt) if secret else input(prompt)


def credentials() -> tuple[str, str]:
    return _ask("Usuario: ", ENV_USER, secret=False), _ask("Contraseña: ", ENV_PASSWORD)


def _new_password() -> str:
    value = os.environ.get(ENV_NEW_PASSWORD)
    if value:
        return value
    first = _ask("Contraseña nueva: ", ENV_NEW_PASSWORD)
    if getpass.getpass("Repita la contraseña nueva: ") != first:
        raise FronteraError("Las contraseñas no coinciden.")
    return first


@contextmanager
def signed_in(app_paths: paths.Paths) -> Iterator[SignedIn]:
    """Sign in for one command; the database is closed when it ends."""
    signed = sign_in(app_paths)
    try:
        yield signed
    finally:
        signed.db.dispose()


def sign_in(app_paths: paths.Paths) -> SignedIn:
    from frontera_desk.services import auth

    if not auth.is_set_up(app_paths):
        raise FronteraError(
            f"{app_paths.location} no está configurada: use «frontera-desk setup» o la interfaz."
        )
    signed = auth.sign_in(app_paths, *credentials())
    if signed.db.read_only:
        print("frontera-desk: la carpeta de datos es de solo lectura: se puede consultar y "
              "respaldar en otra unidad, pero no se guardará ningún cambio.",
              file=sys.stderr)  # fmt: skip
    for alarm in signed.alarms:  # an administrator is told; the audit log keeps them
        print(f"frontera-desk: aviso: {alarm}", file=sys.stderr)
    return signed


# --- commands ---------------------------------------------------------------------------------


def _setup(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services import auth

    if args.demo_hq and not args.hq:
        raise FronteraError("--demo va con --hq; una oficina de demostración se crea con "
                            "«frontera-desk demo create».")  # fmt: skip
    from frontera_desk.services.office import OfficeSettings

    username, password = credentials()
    settings = None  # without --place, set them later in Administración
    if args.place is not None:
        settings = OfficeSettings(
            receipt_place=args.place,
            receipt_address=args.address,
            header_government=args.government,
            header_unit=args.unit,
        )
    result = auth.setup(
        app_paths, args.office, args.name, username, args.admin_name or username, password,
        is_hq=args.hq, is_demo=args.demo_hq, settings=settings,
    )  # fmt: skip
    result.signed_in.db.dispose()
    print(f"Oficina {args.office.upper()} configurada en {app_paths.location}.")
    print("Código de recuperación (se muestra una sola vez; imprímalo y guárdelo bajo llave):")
    print(f"    {result.recovery_code}")
    return 0


def _demo(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services.demo import DEMO_OFFICE, create_demo_dir, create_demo_hq

    if args.persons < 1 or args.months < 1:
        raise FronteraError("--persons y --months deben ser mayores que cero.")
    if args.hq and (args.office or args.name or args.place):
        raise FronteraError("--hq crea sus propias oficinas: no lleva --office, --name ni --place.")
    if bool(args.office) != bool(args.name):
        raise FronteraError("--office y --name van juntos (clave y nombre de la oficina).")

    def bar(done: int, total: int) -> None:
        filled = 30 * done // total
        print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done:,} de {total:,} personas",
              end="" if done < total else "\n", file=sys.stderr, flush=True)  # fmt: skip

    if args.hq:
        made = create_demo_hq(
            app_paths, persons=args.persons, months=args.months, seed=args.seed,
            force=args.force, progress=bar if sys.stderr.isatty() else None,
        )  # fmt: skip
        for line in made.lines:
            print(line)
        offices = ", ".join(code for code, _ in made.offices)
        print(f"Oficinas centrales de demostración creadas en {app_paths.location}, con las "
              f"oficinas {offices} (en {app_paths.data_dir / 'oficinas-demo'}) y su paquete de "
              f"{made.period}.")  # fmt: skip
        print("Usuarios admin, supervisor y capturista; contraseña «demo».")
        return 0
    office = (args.office.upper(), args.name) if args.office else DEMO_OFFICE
    stats = create_demo_dir(
        app_paths, persons=args.persons, months=args.months, seed=args.seed, force=args.force,
        progress=bar if sys.stderr.isatty() else None, office=office, place=args.place,
    )  # fmt: skip
    print(f"Demostración creada en {app_paths.location}: {stats.persons} personas, "
          f"{stats.supports} apoyos.")  # fmt: skip
    print("Usuarios admin, supervisor y capturista; contraseña «demo».")
    return 0


def _import(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    """``import people|supports FILE``: rows that cannot be saved, and likely duplicates nobody
    reviewed (the wizard reviews them), are listed by row and skipped; nothing half-way."""
    from pathlib import Path

    from frontera_desk.domain import importing as rules
    from frontera_desk.services import importing

    with signed_in(app_paths) as signed:
        if args.action == "undo":
            with signed.db.write() as session:
                info = importing.undo_batch(session, signed.actor, args.batch)
            print(f"Lote {info.id} deshecho ({info.file_name}).")
            return 0
        fields = rules.PEOPLE_FIELDS if args.action == "people" else rules.SUPPORT_FIELDS
        table = importing.read_table(Path(args.file), args.sheet, fields)
        if args.mapping:
            mapping = importing.load_mapping(Path(args.mapping), table.headers)
        else:
            mapping = rules.guess_mapping(table.headers, fields, [v for _, v in table.rows[:200]])
        if args.save_mapping:
            importing.save_mapping(Path(args.save_mapping), mapping, table.headers)
        for name, column in sorted(mapping.columns.items(), key=lambda item: item[1]):
            print(f"  {table.headers[column]} → {rules.PEOPLE_LABELS.get(name, name)}")
        with signed.db.write() as session:
            if args.action == "people":
                preview: Any = importing.preview_people(session, signed.actor, table, mapping)
                for pair in preview.pairs:
                    other = preview.office_names.get(pair.a, f"fila {pair.a[1:]}")
                    print(f"fila {pair.b[1:]}: posible duplicado de {other} ({pair.reason}, "
                          f"{pair.score} %)")  # fmt: skip
            else:
                preview = importing.preview_supports(session, signed.actor, table, mapping)
            if args.dry_run:
                for row in preview.skipped:
                    why = row.skip_reason or "; ".join(row.problems)
                    print(f"fila {row.row}: se omite: {why}")
                print(f"{len(preview.importable)} filas se importarían, {len(preview.skipped)} "
                      "se omitirían (prueba: no se guardó nada).")  # fmt: skip
                return 0
            if args.action == "people":
                done = importing.import_people(session, signed.actor, preview)
            else:
                done = importing.import_supports(session, signed.actor, preview)
        for row, why in done.skipped:
            print(f"fila {row}: se omitió: {why}")
        made = "personas nuevas" if args.action == "people" else "apoyos históricos"
        print(f"Lote {done.batch_id}: {done.created} {made}, {done.merged} completadas, "
              f"{len(done.skipped)} filas omitidas.")  # fmt: skip
    return 0


def _people(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services import people

    with signed_in(app_paths) as signed, signed.db.read() as session:
        rows = people.search_people(session, args.query, limit=args.limit)
        detail = [people.get_person(session, row.id) for row in rows] if args.json else []
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
            }  # fmt: skip
            for p in detail
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            born = row.birth_date.strftime("%d/%m/%Y") if row.birth_date else "—"
            country = row.nationality or "—"
            print(f"{row.id:>7}  {row.full_name}  {born}  {country}  {row.document}")
    return 0


def _user(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services import auth

    with signed_in(app_paths) as signed:
        result: auth.RekeyResult | None = None
        if args.action in ("list", "add") or (
            args.action == "passwd" and args.username.lower() == signed.actor.username
        ):
            with signed.db.write() as session:
                if args.action == "list":
                    for u in auth.list_users(session):
                        state = "activo" if u.is_active else "desactivado"
                        print(f"{u.username:<20} {u.role.value:<14} {state:<12} {u.full_name}")
                elif args.action == "add":
                    auth.add_user(session, signed.actor, signed.vault, args.username, args.name,
                                  args.role, _new_password())  # fmt: skip
                    print(f"Usuario {args.username} creado.")
                else:
                    old = os.environ.get(ENV_PASSWORD, "")
                    auth.change_password(session, signed.actor, signed.vault, old,
                                         _new_password())  # fmt: skip
                    print(f"Contraseña de {args.username} actualizada.")
        elif args.action == "passwd":  # an administrator's reset re-keys the database
            result = auth.reset_password(signed.db, signed.actor, signed.vault, args.username,
                                         _new_password())  # fmt: skip
            print(f"Contraseña de {args.username} actualizada.{_rekeyed(result)}")
        else:
            result = auth.disable_user(signed.db, signed.actor, signed.vault, args.username)
            print(f"Usuario {args.username} desactivado.{_rekeyed(result)}")
        if result is not None and auth.rekey_message(result):
            print(auth.rekey_message(result))
    return 0


def _rekeyed(result: Any) -> str:
    return " La base de datos se cifró con una llave nueva." if result.rekeyed else ""


def _summary(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from pathlib import Path

    from frontera_desk.services.months import parse_month
    from frontera_desk.services.office import get_office
    from frontera_desk.services.packages import summary_document, write_document

    if args.year is not None:
        return _year_summary(args, app_paths)
    year, month = parse_month(args.month)
    target = Path(args.output)
    if target.suffix.lower() not in (".pdf", ".xlsx", ".json"):
        raise FronteraError("El resumen se escribe en .pdf, .xlsx o .json.")
    with signed_in(app_paths) as signed, signed.db.read() as session:
        document = summary_document(session, year, month)
        office = get_office(session)
        write_document(document, target, bool(office and office.is_demo))
    print(f"Resumen de {args.month} escrito en {target}.")
    return 0


def _year_summary(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from pathlib import Path

    from frontera_desk.services.year_report import (
        check_target,
        parse_year,
        write_report,
        year_report,
    )

    year = parse_year(args.year)
    target = check_target(Path(args.output))
    with signed_in(app_paths) as signed, signed.db.read() as session:
        report = year_report(session, year)
    write_report(report, target)
    mark = " (PRELIMINAR)" if report.preliminary else ""
    print(f"Informe anual {year}{mark} escrito en {target}.")
    return 0


def _month(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services import months

    year, month = months.parse_month(args.month)
    with signed_in(app_paths) as signed, signed.db.write() as session:
        if args.action == "close":
            try:
                state = months.close_month(session, signed.actor, year, month,
                                           confirm_evidence_pending=args.yes)  # fmt: skip
            except months.EvidencePending as error:
                raise FronteraError(error.message.replace("Confirme", "Use --yes")) from None
            print(f"Mes {args.month} cerrado (revisión {state.revision}).")
        else:
            later = months.later_closed(session, signed.actor.office_code, year, month)
            months.reopen_month(session, signed.actor, year, month, args.reason)
            also = ", ".join(f"{m.year}-{m.month:02d}" for m in later)
            print(f"Mes {args.month} reabierto" + (f" (y con él: {also})." if also else "."))
    return 0


def _package(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from pathlib import Path

    from frontera_desk.services.months import parse_month
    from frontera_desk.services.packages import export_package, import_packages

    with signed_in(app_paths) as signed:
        if args.action == "export":
            year, month = parse_month(args.month)
            with signed.db.write() as session:
                export_package(session, signed.actor, year, month, Path(args.output),
                               signed.vault.signing_key)  # fmt: skip
            print(f"Paquete de {args.month} escrito en {args.output}.")
            return 0
        outcome = import_packages(signed.db, signed.actor, [Path(name) for name in args.files])
        for accepted, line in outcome:
            if accepted:
                print(line)
            else:
                print(f"frontera-desk: rechazado: {line}", file=sys.stderr)
        return 0 if all(accepted for accepted, _ in outcome) else 1


def _office(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from pathlib import Path

    from frontera_desk.services import packages

    with signed_in(app_paths) as signed:
        if args.action == "card":
            with signed.db.read() as session:
                card = packages.office_card(session, signed.actor, signed.vault.signing_key)
            packages.write_card(card, Path(args.output))
            office = card["office"]
            print(f"Cédula de {office['code']} ({office['name']}, {office['place']}) escrita en "
                  f"{args.output}.")  # fmt: skip
            print(f"UUID {office['uuid']}; huella {card['fingerprint']}: díctela por teléfono "
                  "a oficinas centrales al entregar la cédula.")  # fmt: skip
            return 0
        if args.action == "enroll":
            with signed.db.write() as session:
                print(packages.enroll_office_file(session, signed.actor, Path(args.file),
                                                  args.reason))  # fmt: skip
            return 0
        with signed.db.read() as session:
            rows = packages.enrolled_offices(session)
        for row in rows:
            last = row.last_period or "ninguno"
            missing = ", ".join(row.missing) or "ninguno"
            print(f"{row.code:<6} {row.fingerprint}  último paquete: {last}  faltan: {missing}  "
                  f"{row.name}")  # fmt: skip
    return 0


def _receipt(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from pathlib import Path

    from frontera_desk.services import receipts

    with signed_in(app_paths) as signed, signed.db.write() as session:
        if args.action == "void":
            data = receipts.void(session, signed.actor, args.folio, args.reason)
            print(f"Recibo {data.folio} cancelado.")
            return 0
        folio = args.folio or receipts.folio_of_support(session, args.support)
        data = receipts.record_print(session, signed.actor, folio)
    from frontera_desk.reports.receipt import write_receipts

    write_receipts([data], Path(args.output))
    print(f"Recibo {data.folio} escrito en {args.output}.")
    return 0


def _backup(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from pathlib import Path

    from frontera_desk.services import backup

    if args.action == "create":
        with signed_in(app_paths) as signed:
            out = args.output
            folder = out is not None and (out.endswith(("/", os.sep)) or Path(out).is_dir())
            made = backup.create(  # -o names a folder only if it is one (or ends in /)
                app_paths, signed.db, signed.actor, Path(out) if folder else None,
                file=Path(out) if out and not folder else None,
            )  # fmt: skip
            settings = Settings.load(app_paths.settings_file)
            if args.output is None:
                backup.rotate(app_paths.backup_dir, settings.backup_keep_daily,
                              settings.backup_keep_monthly)  # fmt: skip
        print(f"Respaldo creado: {made.path}")
        return 0
    file = Path(args.file)
    if args.action == "verify":
        key, encrypted = backup.unlock_backup(file, *credentials())
        manifest = backup.verify_backup(file, key, encrypted, work_dir=app_paths.data_dir)
        print(f"Respaldo íntegro: oficina {manifest.office_code}, {manifest.created_at}, "
              f"revisión {manifest.schema_revision}.")  # fmt: skip
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise FronteraError("La restauración reemplaza la base de datos: confirme con --yes.")
        answer = input(
            f"Se reemplazará la base de datos de {app_paths.location}. ¿Continuar? [s/N] "
        )
        if answer.strip().lower() not in ("s", "si", "sí", "y", "yes"):
            print("Restauración cancelada.")
            return 1
    username, password = credentials()
    with instance_lock(app_paths):
        done = backup.restore_backup(
            app_paths, file, username, password, replace_office=args.replace_office
        )
    print(f"Respaldo de {done.manifest.office_code} ({done.manifest.created_at}) restaurado."
          + (f" La base anterior quedó en {done.aside}." if done.aside else ""))  # fmt: skip
    return 0


def _move_to_server(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from sqlalchemy.engine import make_url

    from frontera_desk.db import is_server_url
    from frontera_desk.services import backup

    if not is_server_url(args.to):
        raise FronteraError("--to debe ser una dirección postgresql+psycopg://usuario@host/base.")
    target = replace(app_paths, database_url=args.to)
    with instance_lock(app_paths), signed_in(app_paths) as signed:
        copied = backup.move_to_server(app_paths, signed, args.to)
    print(f"Oficina copiada a {target.location}: {copied:,} filas. El archivo local quedó igual.")
    if make_url(args.to).password:
        print(
            "La dirección lleva contraseña: no se guardó. Póngala en el archivo .pgpass y "
            "configure la dirección sin ella (settings.json, «database_url»)."
        )
    else:
        settings = Settings.load(app_paths.settings_file)
        settings.database_url = args.to
        settings.save(app_paths.settings_file)
        print("Desde ahora esta carpeta abre la oficina en el servidor (settings.json).")
    return 0


def _audit(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.services import audit
    from frontera_desk.services.permissions import Action, require

    with signed_in(app_paths) as signed:
        require(signed.actor, Action.VIEW_AUDIT)
        with signed.db.read() as session:
            result = audit.verify(session, app_paths=app_paths)  # and the signed checkpoints
    if not result.ok:
        print(f"frontera-desk: {result.message}", file=sys.stderr)
        return 1
    print(result.message)
    return 0


def _db(args: argparse.Namespace, app_paths: paths.Paths) -> int:
    from frontera_desk.db.check import check_database
    from frontera_desk.services import auth

    if args.action == "upgrade":
        with signed_in(app_paths):  # opening runs any pending upgrade, after a backup
            pass
        print("La base de datos está al día.")
        return 0
    if args.action == "move-to-server":
        return _move_to_server(args, app_paths)
    # Only unlock: a damaged file is examined, never opened for writing.
    keyfile, key = auth.unlock(app_paths, *credentials())
    if app_paths.database_url:
        from frontera_desk.db.server import check_server

        problems = check_server(app_paths.database_url)
    else:
        problems = check_database(app_paths.database, key if keyfile.encrypted else None)
    if problems:
        for line in problems[1:]:
            logger.warning("db check: %s", line)
        print(f"frontera-desk: {problems[0]}", file=sys.stderr)
        if args.verbose:
            print("\n".join(problems[1:]), file=sys.stderr)
        return 1
    print("La base de datos está íntegra.")
    return 0
