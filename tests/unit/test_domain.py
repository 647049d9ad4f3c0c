from datetime import date

import pytest

from frontera_desk.domain import ValidationError, format_money, parse_money
from frontera_desk.domain.countries import countries, country_name
from frontera_desk.domain.text import fold, fold_document
from frontera_desk.services.people import age_on


@pytest.mark.parametrize(
    ("centavos", "shown"),
    [(0, "$0.00"), (5, "$0.05"), (123450, "$1,234.50"), (99_999_999_999, "$999,999,999.99")],
)
def test_money_is_shown_in_mexican_format(centavos, shown):
    assert format_money(centavos) == shown


@pytest.mark.parametrize(
    ("text", "centavos"),
    [
        ("1234.5", 123450),
        ("$1,234.50", 123450),
        (" 80 ", 8000),
        ("0.07", 7),
        ("1,000,000", 100_000_000),
    ],
)
def test_amounts_typed_by_people_become_centavos(text, centavos):
    assert parse_money(text) == centavos


@pytest.mark.parametrize("text", ["", "abc", "-5", "1.234", "12,34", "1e3", "1000000000"])
def test_bad_amounts_are_refused_with_a_message(text):
    with pytest.raises(ValidationError) as error:
        parse_money(text)
    assert error.value.field == "amount"


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        format_money(12.5)  # type: ignore[arg-type]


def test_folding_ignores_accents_case_and_spacing():
    assert fold("  José   NÚÑEZ ") == "jose nunez"
    assert fold("Saint-Fleur") == "saint-fleur"
    assert fold_document("ab-12 3") == "AB123"


def test_nationalities_are_iso_codes_with_spanish_names():
    names = countries("es")
    assert names["HT"] == "Haití" and names["MX"] == "México"
    assert "EU" not in names and "ZZ" not in names
    assert 240 < len(names) < 260
    assert country_name(None) == "Sin dato"
    assert countries("en")["HT"] == "Haiti"


def test_age_counts_whole_years():
    assert age_on(date(2000, 3, 16), date(2026, 3, 15)) == 25
    assert age_on(date(2000, 3, 15), date(2026, 3, 15)) == 26


@pytest.mark.parametrize(
    ("text", "safe"),
    [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+52 962", "'+52 962"),
     ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("María", "María"), ("", "")],
)  # fmt: skip
def test_spreadsheet_formulas_are_neutralised(text, safe):
    from frontera_desk.domain.text import spreadsheet_safe

    assert spreadsheet_safe(text) == safe
