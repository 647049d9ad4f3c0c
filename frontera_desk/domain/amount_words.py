"""The amount in words of a Mexican receipt: ``MIL DOSCIENTOS TREINTA Y CUATRO PESOS 50/100 M.N.``

Written by hand on purpose: general number-to-words libraries read the integer as centavos or
get Mexican receipt grammar wrong (apocope before MIL and PESOS, CIEN vs CIENTO, accents,
"UN PESO", "DE PESOS" after exact millions).
"""

from __future__ import annotations

MAX_CENTAVOS = 99_999_999_999  # $999,999,999.99

_UNITS = [
    "", "UNO", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE", "DIEZ",
    "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE", "DIECIOCHO",
    "DIECINUEVE", "VEINTE", "VEINTIUNO", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO",
    "VEINTICINCO", "VEINTISÉIS", "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE",
]  # fmt: skip
_TENS = ["", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA", "OCHENTA",
         "NOVENTA"]  # fmt: skip
_HUNDREDS = ["", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS", "QUINIENTOS",
             "SEISCIENTOS", "SETECIENTOS", "OCHOCIENTOS", "NOVECIENTOS"]  # fmt: skip


def _below_thousand(n: int, apocope: bool) -> str:
    """0 < n < 1000. ``apocope``: the number stands before a noun (UN, VEINTIÚN, …Y UN)."""
    if n == 100:
        return "CIEN"
    hundreds, rest = divmod(n, 100)
    words = [_HUNDREDS[hundreds]] if hundreds else []
    if rest:
        if rest < 30:
            word = _UNITS[rest]
            if apocope and rest == 1:
                word = "UN"
            elif apocope and rest == 21:
                word = "VEINTIÚN"
        else:
            tens, unit = divmod(rest, 10)
            word = _TENS[tens]
            if unit:
                word += " Y " + ("UN" if apocope and unit == 1 else _UNITS[unit])
        words.append(word)
    return " ".join(words)


def integer_in_words(n: int, apocope: bool = True) -> str:
    """0 ≤ n < 1,000,000,000 in Spanish capitals, apocopated as before a noun."""
    if n == 0:
        return "CERO"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words = []
    if millions:
        words.append(
            "UN MILLÓN" if millions == 1 else f"{_below_thousand(millions, True)} MILLONES"
        )
    if thousands:
        words.append("MIL" if thousands == 1 else f"{_below_thousand(thousands, True)} MIL")
    if units:
        words.append(_below_thousand(units, apocope))
    return " ".join(words)


def amount_in_words(centavos: int) -> str:
    """``123450`` → ``MIL DOSCIENTOS TREINTA Y CUATRO PESOS 50/100 M.N.``"""
    if not isinstance(centavos, int) or isinstance(centavos, bool):
        raise TypeError("amount_in_words takes an int of centavos, never a float")
    if centavos < 0:
        raise ValueError("the amount cannot be negative")
    if centavos > MAX_CENTAVOS:
        raise ValueError("the amount is above $999,999,999.99")
    pesos, cents = divmod(centavos, 100)
    if pesos == 1:
        noun = "PESO"
    elif pesos and pesos % 1_000_000 == 0:
        noun = "DE PESOS"  # UN MILLÓN DE PESOS, DOS MILLONES DE PESOS
    else:
        noun = "PESOS"
    return f"{integer_in_words(pesos)} {noun} {cents:02d}/100 M.N."
