"""The amount in words against a table derived by hand, and a parse back over many amounts."""

import random

import pytest

from frontera_desk.domain import amount_in_words

TABLE = {
    0: "CERO PESOS 00/100 M.N.",
    1: "CERO PESOS 01/100 M.N.",
    100: "UN PESO 00/100 M.N.",
    150: "UN PESO 50/100 M.N.",
    200: "DOS PESOS 00/100 M.N.",
    1_100: "ONCE PESOS 00/100 M.N.",
    1_600: "DIECISÉIS PESOS 00/100 M.N.",
    2_000: "VEINTE PESOS 00/100 M.N.",
    2_100: "VEINTIÚN PESOS 00/100 M.N.",
    2_200: "VEINTIDÓS PESOS 00/100 M.N.",
    2_300: "VEINTITRÉS PESOS 00/100 M.N.",
    2_600: "VEINTISÉIS PESOS 00/100 M.N.",
    3_100: "TREINTA Y UN PESOS 00/100 M.N.",
    4_599: "CUARENTA Y CINCO PESOS 99/100 M.N.",
    10_000: "CIEN PESOS 00/100 M.N.",
    10_100: "CIENTO UN PESOS 00/100 M.N.",
    11_500: "CIENTO QUINCE PESOS 00/100 M.N.",
    50_000: "QUINIENTOS PESOS 00/100 M.N.",
    70_000: "SETECIENTOS PESOS 00/100 M.N.",
    90_000: "NOVECIENTOS PESOS 00/100 M.N.",
    99_999: "NOVECIENTOS NOVENTA Y NUEVE PESOS 99/100 M.N.",
    100_000: "MIL PESOS 00/100 M.N.",
    100_100: "MIL UN PESOS 00/100 M.N.",
    123_450: "MIL DOSCIENTOS TREINTA Y CUATRO PESOS 50/100 M.N.",
    200_000: "DOS MIL PESOS 00/100 M.N.",
    2_100_000: "VEINTIÚN MIL PESOS 00/100 M.N.",
    3_100_000: "TREINTA Y UN MIL PESOS 00/100 M.N.",
    1_234_567: "DOCE MIL TRESCIENTOS CUARENTA Y CINCO PESOS 67/100 M.N.",
    10_000_000: "CIEN MIL PESOS 00/100 M.N.",
    10_100_000: "CIENTO UN MIL PESOS 00/100 M.N.",
    50_000_000: "QUINIENTOS MIL PESOS 00/100 M.N.",
    99_999_900: "NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE PESOS 00/100 M.N.",
    100_000_000: "UN MILLÓN DE PESOS 00/100 M.N.",
    100_000_001: "UN MILLÓN DE PESOS 01/100 M.N.",
    100_000_100: "UN MILLÓN UN PESOS 00/100 M.N.",
    150_000_000: "UN MILLÓN QUINIENTOS MIL PESOS 00/100 M.N.",
    200_000_000: "DOS MILLONES DE PESOS 00/100 M.N.",
    2_100_000_000: "VEINTIÚN MILLONES DE PESOS 00/100 M.N.",
    2_100_100_000: "VEINTIÚN MILLONES MIL PESOS 00/100 M.N.",
    10_000_000_000: "CIEN MILLONES DE PESOS 00/100 M.N.",
    10_100_000_000: "CIENTO UN MILLONES DE PESOS 00/100 M.N.",
    12_345_678_912: "CIENTO VEINTITRÉS MILLONES CUATROCIENTOS CINCUENTA Y SEIS MIL SETECIENTOS "
    "OCHENTA Y NUEVE PESOS 12/100 M.N.",
    99_999_999_999: "NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL "
    "NOVECIENTOS NOVENTA Y NUEVE PESOS 99/100 M.N.",
}


@pytest.mark.parametrize(("centavos", "words"), TABLE.items())
def test_the_table(centavos, words):
    assert amount_in_words(centavos) == words


@pytest.mark.parametrize("bad", [12.5, -1, 100_000_000_000, True, "100"])
def test_refuses_floats_negatives_and_too_much(bad):
    with pytest.raises((TypeError, ValueError)):
        amount_in_words(bad)


_VALUES = {
    "CERO": 0, "UN": 1, "UNO": 1, "DOS": 2, "TRES": 3, "CUATRO": 4, "CINCO": 5, "SEIS": 6,
    "SIETE": 7, "OCHO": 8, "NUEVE": 9, "DIEZ": 10, "ONCE": 11, "DOCE": 12, "TRECE": 13,
    "CATORCE": 14, "QUINCE": 15, "DIECISÉIS": 16, "DIECISIETE": 17, "DIECIOCHO": 18,
    "DIECINUEVE": 19, "VEINTE": 20, "VEINTIÚN": 21, "VEINTIUNO": 21, "VEINTIDÓS": 22,
    "VEINTITRÉS": 23, "VEINTICUATRO": 24, "VEINTICINCO": 25, "VEINTISÉIS": 26,
    "VEINTISIETE": 27, "VEINTIOCHO": 28, "VEINTINUEVE": 29, "TREINTA": 30, "CUARENTA": 40,
    "CINCUENTA": 50, "SESENTA": 60, "SETENTA": 70, "OCHENTA": 80, "NOVENTA": 90, "CIEN": 100,
    "CIENTO": 100, "DOSCIENTOS": 200, "TRESCIENTOS": 300, "CUATROCIENTOS": 400,
    "QUINIENTOS": 500, "SEISCIENTOS": 600, "SETECIENTOS": 700, "OCHOCIENTOS": 800,
    "NOVECIENTOS": 900,
}  # fmt: skip


def parse(words: str) -> int:
    """An independent reader: words back to centavos (accepts only well-formed text)."""
    head, cents = words.rsplit(" ", 2)[0], words.rsplit(" ", 2)[1]
    assert words.endswith(" M.N.") and cents.endswith("/100")
    tokens = head.split()
    assert tokens[-1] in ("PESOS", "PESO") and (
        tokens[-2] != "DE" or tokens[-3] in ("MILLÓN", "MILLONES")
    )
    tokens = [t for t in tokens[:-1] if t not in ("Y", "DE")]
    total = group = 0
    for token in tokens:
        if token == "MIL":
            total += (group or 1) * 1000
            group = 0
        elif token in ("MILLÓN", "MILLONES"):
            total += group * 1_000_000
            group = 0
        else:
            group += _VALUES[token]
    return (total + group) * 100 + int(cents[:2])


def test_parse_back_over_many_random_amounts():
    rng = random.Random(1234)
    samples = [rng.randint(0, 99_999_999_999) for _ in range(20_000)]
    samples += [rng.randint(0, 10**e) * 100 for e in range(1, 10) for _ in range(500)]
    for centavos in samples:
        words = amount_in_words(centavos)
        assert parse(words) == centavos, words
        pesos = centavos // 100
        assert ("UN PESO " in words) == (pesos == 1)
        assert ("DE PESOS" in words) == (pesos > 0 and pesos % 1_000_000 == 0)
        assert "UNO" not in words.split() and "VEINTIUNO" not in words  # always before a noun
        assert "CIENTO PESOS" not in words and "CIENTO MIL" not in words
