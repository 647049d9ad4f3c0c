"""The command line's own words and arguments (issue 24, items 19 and 21): Spanish help and
errors, a search text that begins with "-", positive limits."""

import pytest

from frontera_desk.cli import build_parser


def parse(capsys, *argv):
    """Parse ``argv``; return (namespace or None, the text argparse printed)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit:
        args = None
    out = capsys.readouterr()
    return args, out.out + out.err


@pytest.mark.parametrize("argv", [["--help"], ["people", "search", "--help"]])
def test_help_is_in_spanish(capsys, argv):
    _, text = parse(capsys, *argv)
    assert text.startswith("uso: ") and "opciones:" in text
    assert "mostrar esta ayuda y salir" in text
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in text


def test_errors_are_in_spanish_and_name_the_missing_part(capsys):
    _, text = parse(capsys, "people")
    assert "error: faltan los argumentos: ACCIÓN" in text
    _, text = parse(capsys, "--lang", "xx")
    assert "opción no válida: 'xx'" in text and "invalid" not in text


def test_a_search_text_beginning_with_a_dash_goes_after_double_dash(capsys):
    args, _ = parse(capsys, "people", "search", "--", "-x")
    assert args is not None and args.query == "-x"


@pytest.mark.parametrize("limit", ["0", "-3", "x", "1.5"])
def test_limit_accepts_only_positive_whole_numbers(capsys, limit):
    args, text = parse(capsys, "people", "search", "a", "--limit", limit)
    assert args is None and "debe ser un número entero positivo" in text
    args, _ = parse(capsys, "people", "search", "a", "--limit", "7")
    assert args is not None and args.limit == 7


def test_db_check_has_a_verbose_switch(capsys):
    args, _ = parse(capsys, "db", "check", "--verbose")
    assert args is not None and args.verbose
