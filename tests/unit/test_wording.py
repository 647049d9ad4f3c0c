"""The Spanish grammar of the narratives on its tricky cases: zero, one, the last number in words,
the first in figures, lists of one, two and many, millions, quotes inside titles."""

import pytest

from frontera_desk.domain import wording as w


@pytest.mark.parametrize(
    ("n", "persona", "taller"),
    [
        (0, "ninguna persona", "ningún taller"),
        (1, "una persona", "un taller"),
        (2, "dos personas", "dos talleres"),
        (9, "nueve personas", "nueve talleres"),
        (10, "10 personas", "10 talleres"),
        (21, "21 personas", "21 talleres"),  # figures: no "veintiún"/"veintiuna" to get wrong
        (100, "100 personas", "100 talleres"),
        (3_893, "3,893 personas", "3,893 talleres"),
        (1_000_000, "1,000,000 personas", "1,000,000 talleres"),
    ],
)
def test_counts_agree_in_number_and_gender(n, persona, taller):
    assert w.count(n, w.PERSONA) == persona
    assert w.count(n, w.TALLER) == taller


def test_numbers_alone_and_before_a_noun():
    assert w.number(1) == "un"
    assert w.number(1, before_noun=False) == "uno"
    assert w.number(1, "f", before_noun=False) == "una"
    assert [w.number(n) for n in (0, 6, 9, 10, 12_345)] == ["0", "seis", "nueve", "10", "12,345"]
    with pytest.raises(TypeError):
        w.number(True)


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("apoyo", "apoyos"),
        ("taller", "talleres"),
        ("acción", "acciones"),
        ("reunión de vinculación", "reuniones de vinculación"),
        ("mecanismo municipal", "mecanismos municipales"),
        ("material de difusión", "materiales de difusión"),
        ("persona migrante", "personas migrantes"),
        ("atención a invitados especiales", "atenciones a invitados especiales"),
        ("mes", "meses"),
        ("país", "países"),
        ("crisis", "crisis"),
        ("lápiz", "lápices"),
        ("diagnóstico", "diagnósticos"),
    ],
)
def test_plurals(singular, plural):
    assert w.plural(singular) == plural


def test_others_and_adjectives_agree():
    assert w.others(1, w.APOYO) == "otro apoyo"
    assert w.others(2, w.APOYO) == "otros dos apoyos"
    assert w.others(12, w.PERSONA) == "otras 12 personas"
    # the page's "500 personas migrantes extranjeros" done right
    assert w.agree("extranjero", w.PERSONA_MIGRANTE, 500) == "extranjeras"
    assert w.agree("extranjero", w.PERSONA_MIGRANTE, 1) == "extranjera"
    assert w.agree("trabajador", w.PERSONA, 3) == "trabajadoras"
    assert w.agree("especial", w.PERSONA, 2) == "especiales"
    assert w.verb(1, "se realizó", "se realizaron") == "se realizó"
    assert w.verb(0, "se realizó", "se realizaron") == "se realizaron"


def test_lists_join_with_commas_and_y():
    assert w.join([]) == ""
    assert w.join(["Tapachula"]) == "Tapachula"
    assert w.join(["Tapachula", "Tuxtla Gutiérrez"]) == "Tapachula y Tuxtla Gutiérrez"
    assert w.join(["a", "b", "c", "d"]) == "a, b, c y d"
    assert w.join(["a", "", "b"]) == "a y b"  # an empty item is no item
    assert w.join(["Tapachula", "Iztapa"]) == "Tapachula e Iztapa"
    assert w.join(["Tapachula", "Hidalgo"]) == "Tapachula e Hidalgo"
    assert w.join(["agua", "hielo"]) == "agua y hielo"  # "hie-" is no i- sound
    assert w.join(["siete", "ocho"], "o") == "siete u ocho"
    assert w.join(["a, b", "c"], separator="; ") == "a, b y c"
    assert w.join(["a, b", "c", "d"], separator="; ") == "a, b; c y d"


def test_quoted_titles():
    assert w.quoted([]) == ""
    assert w.quoted(["Día del Niño"]) == "«Día del Niño»"
    assert w.quoted(["Día del Niño", "Derechos Humanos"]) == "«Día del Niño» y «Derechos Humanos»"
    assert (
        w.quoted(["“Feria Internacional Tapachula 2013”", "Día del Niño", "Día del Niño", "X"])
        == "«Feria Internacional Tapachula 2013», «Día del Niño» y «X»"
    )
    # a title's own quotes stay inside, on one line; a title of only quotes is no title
    assert w.quoted(["Foro\n«Migrantes en\ttránsito»: retos", '""']) == (
        "«Foro “Migrantes en tránsito”: retos»"
    )
    assert w.quoted(["A", "B"], more=True) == "«A», «B», entre otros"
    assert w.quoted(["Iglesias"]) == "«Iglesias»"
    assert w.quoted(["A", "Iglesias"]) == "«A» e «Iglesias»"


@pytest.mark.parametrize(
    ("centavos", "text"),
    [
        (0, "$0.00"),
        (84_500_000, "$845,000.00"),
        (99_999_999, "$999,999.99"),  # just under a million: in figures
        (100_000_000, "un millón de pesos"),
        (104_999_999, "un millón de pesos"),
        (105_000_000, "1.1 millones de pesos"),
        (200_000_000, "dos millones de pesos"),
        (1_230_000_000, "12.3 millones de pesos"),
        (1_234_567_890, "12.3 millones de pesos"),
        (1_000_000_000, "10 millones de pesos"),
        (99_999_999_999, "1,000 millones de pesos"),
    ],
)
def test_amounts_in_millions_from_a_million_up(centavos, text):
    assert w.pesos(centavos) == text


def test_sentences_and_paragraphs():
    assert w.sentence("se realizaron seis eventos") == "Se realizaron seis eventos."
    assert w.sentence("¿qué?") == "¿Qué?"
    assert w.sentence("«Día del Niño» fue el evento") == "«Día del Niño» fue el evento."
    assert w.paragraph(["en octubre no se otorgaron apoyos", "", "se realizó un taller."]) == (
        "En octubre no se otorgaron apoyos. Se realizó un taller."
    )
