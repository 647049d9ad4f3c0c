"""The year report: the reference year says what the state's page says; an office's year is
PRELIMINAR while a month is open; the outputs carry it; a year without records says so."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest

from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import FronteraError
from frontera_desk.exchange.summary_json import validate
from frontera_desk.exchange.year_json import YEAR_SCHEMA, to_json
from frontera_desk.services import evidence, months
from frontera_desk.services.year_report import write_report, year_report
from tests.unit.reference_year import (
    AGREEMENTS,
    DIAGNOSTICS,
    EVENTS,
    INVESTED_CENTAVOS,
    WORKSHOPS,
    YEAR,
    build_reference_year,
)


@pytest.fixture
def reference(db, actors):
    build_reference_year(db, actors)
    with db.read() as session:
        return year_report(session, YEAR)


@pytest.mark.sqlite_only
def test_the_reference_year_states_the_page_figures_and_names(reference):
    text = " ".join(p.text for p in reference.narrative)
    t = reference.total
    assert not reference.preliminary and t.open_months == ()
    assert (t.supports, t.investment_centavos) == (16, INVESTED_CENTAVOS)
    assert (t.people.foreign, t.people.mexican) == (500, 12)
    assert f"En el ejercicio {YEAR}, se invirtieron 12.3 millones de pesos" in text
    assert "Se otorgaron 16 apoyos consistentes en " in text
    for concept in ("compra de una prótesis ocular", "pago de servicios funerarios",
                    "pago de adquisición y/o reparación de aparato electrodoméstico",
                    "reparación de equipo informático", "pago de estudio radiológico y "
                    "ultrasonido", "adquisición de despensas para dar alimentos a personas "
                    "migrantes", "y adquisición de agua embotellada;"):  # fmt: skip
        assert concept in text
    assert (
        "En los municipios de Tapachula y Tuxtla Gutiérrez, se realizaron seis eventos "
        "para difundir y sensibilizar en materia migratoria, como" in text
    )
    for title, _, _ in EVENTS + WORKSHOPS:
        assert f"«{title}»" in text
    assert "concertación y firma de seis convenios de colaboración y aportación de recursos" in text
    for name, acronym, *_ in AGREEMENTS:
        assert name in text and acronym in text
    assert "se impartieron 10 talleres sobre temas migratorios, entre los que destacan:" in text
    assert "impartidos a servidores públicos, policía municipal y sociedad civil" in text
    assert "se beneficiaron a 500 personas migrantes extranjeras y a 12 personas mexicanas" in text
    assert (
        "Se elaboraron 12 diagnósticos en materia migratoria del estado, con temas "
        f"referentes a «{DIAGNOSTICS[0]}»" in text
    )
    assert (
        "se elaboraron 12 promocionales para difusión, identificación, prevención y "
        "denuncia (1,200 piezas)" in text.lower()
    )
    assert (t.actions_by_kind["diagnostico"], len(t.actions)) == ((12, 0), 24)
    assert t.activities_by_kind["evento"][0] == 6  # the actions do not inflate the events
    # the figures behind the text: by type with its concepts, the agreements' balances
    funeral = next(line for line in t.by_type if line.code == "FUNERAL")
    assert (funeral.supports, funeral.amount_centavos, funeral.people) == (2, 5_000_000, 2)
    assert [c.concept for c in funeral.concepts] == ["Pago de servicios funerarios"]
    assert len(t.agreements) == 6 and all(a.balance_centavos == 0 for a in t.agreements)
    assert t.activities_by_kind["taller"] == (10, 250)
    assert t.activities_by_kind["evento"] == (6, 210)


@pytest.mark.sqlite_only
def test_the_year_report_in_four_formats(reference, tmp_path):
    from docx import Document
    from openpyxl import load_workbook
    from pypdf import PdfReader

    written = {s: write_report(reference, tmp_path / f"informe{s}")
               for s in (".pdf", ".xlsx", ".json", ".docx")}  # fmt: skip
    document = json.loads(written[".json"].read_text(encoding="utf-8"))
    validate(document, YEAR_SCHEMA, "El informe anual")  # the file as written
    assert document["total"]["investment_centavos"] == INVESTED_CENTAVOS
    pdf = " ".join(page.extract_text() for page in PdfReader(written[".pdf"]).pages)
    assert "12.3 millones de pesos" in " ".join(pdf.split())
    assert "Casa del Migrante Scalabrini" in pdf
    book = load_workbook(written[".xlsx"])
    assert {"Informe", "Apoyos", "Conceptos", "Convenios", "Lista de actividades"} <= set(
        book.sheetnames)  # fmt: skip
    sheet = book["Lista de actividades"]
    assert sheet.print_title_rows == "$1:$2" and sheet.page_setup.fitToWidth == 1
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_LETTER)
    docx = Document(str(written[".docx"]))
    paragraphs = "\n".join(p.text for p in docx.paragraphs)
    assert "se impartieron 10 talleres" in paragraphs
    assert len(docx.tables) >= 10
    first_rows = [t.rows[0]._tr.xml for t in docx.tables]
    assert all("tblHeader" in xml for xml in first_rows)  # headers repeat on every page


def test_a_year_without_records_says_so(db):
    with db.read() as session, pytest.raises(FronteraError, match="no tiene registros de ese año"):
        year_report(session, 2019)


@pytest.mark.sqlite_only
def test_open_months_make_it_preliminary_and_are_named(db, actors):
    from tests.unit.test_summary import build_month

    build_month(db, actors, date(YEAR, 3, 15))  # delivers in February and March
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        months.close_month(session, boss, YEAR, 2)
    with db.read() as session:
        report = year_report(session, YEAR)
    assert report.preliminary and report.total.open_months == (3,)
    from frontera_desk.reports.year_tables import status_line

    assert status_line(report).startswith("PRELIMINAR — meses abiertos: marzo")
    assert any("el mes de marzo está abierto" in n for n in report.notes)
    # the open month counts as it stands
    assert report.total.supports == 3


@pytest.mark.sqlite_only
def test_long_titles_with_quotes_and_line_breaks_do_not_break_the_outputs(db, actors, tmp_path):
    from docx import Document
    from pypdf import PdfReader

    from frontera_desk.services import activities, agreements
    from frontera_desk.services.activities import ActivityInput
    from frontera_desk.services.agreements import AgreementInput, OrganizationInput

    title = ('Taller "Derechos" «humanos»\nsegunda línea ' + "x" * 230)[:300]
    long_word = "Y" * 300
    with db.write() as session:
        activities.save_activity(session, actors[Role.CAPTURISTA], ActivityInput(
            "taller", title, date(YEAR, 5, 5), municipality="Tapachula",
            counts={("F", "18-29"): 5}, notes="",
        ))  # fmt: skip
        boss = actors[Role.SUPERVISOR]
        org = agreements.save_organization(session, boss, OrganizationInput(
            "asociacion_civil", 'Albergue "La Esperanza"\n' + "Z" * 170))  # fmt: skip
        deal = agreements.save_agreement(session, boss, AgreementInput(
            "Convenio «largo»", "colaboracion_aportacion", [org.id],
            purpose=("Objeto con \"comillas\"\ny saltos de línea. " * 12)[:500],
            signed_on=date(YEAR, 5, 7), committed_centavos=100_000,
        ))  # fmt: skip
        agreements.change_status(session, boss, deal.id, agreements.AgreementStatus.SIGNED)
        activities.save_activity(session, actors[Role.CAPTURISTA], ActivityInput(
            "evento", long_word, date(YEAR, 5, 6), municipality="M" * 100,
        ))  # fmt: skip
    with db.read() as session:
        report = year_report(session, YEAR)
    for suffix in (".pdf", ".xlsx", ".json", ".docx"):
        write_report(report, tmp_path / f"largo{suffix}")
    pdf = PdfReader(tmp_path / "largo.pdf")
    for page in pdf.pages:  # nothing drawn past the page's right edge
        width = float(page.mediabox.width)
        xs: list[float] = []
        page.extract_text(visitor_text=lambda t, cm, tm, *_, xs=xs: xs.append(tm[4] + len(t) * 4))
        assert max(xs, default=0) < width + 20
    text = " ".join(p.text for p in Document(str(tmp_path / "largo.docx")).paragraphs)
    assert '«Taller "Derechos" “humanos” segunda línea' in text
    assert 'Albergue "La Esperanza"' in text and len(report.total.agreements) == 1
    json.loads((tmp_path / "largo.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(tmp_path / "largo.xlsx") as archive:
        assert "xl/worksheets/sheet1.xml" in archive.namelist()


def test_the_json_schema_refuses_what_it_does_not_know(db, actors):
    from tests.unit.test_summary import build_month

    build_month(db, actors, date(YEAR, 3, 15))
    with db.read() as session:
        document = to_json(year_report(session, YEAR))
    document["total"]["people"]["names"] = ["Rosa Cruz"]
    with pytest.raises(FronteraError, match="no cumple el esquema"):
        validate(document, YEAR_SCHEMA, "El informe anual")


def test_a_concept_naming_its_beneficiary_never_leaves_the_office(db, actors):
    """The concepts travel to headquarters; a description with a word of its own
    beneficiary's name (folded: "rosa" finds "Rosa") is reported without its text; a word that
    is only someone else's name is not."""
    from frontera_desk.domain.enums import Sex
    from frontera_desk.services import people, summary, supports
    from frontera_desk.services.people import PersonInput
    from frontera_desk.services.supports import SupportInput

    ana, boss = actors[Role.CAPTURISTA], actors[Role.SUPERVISOR]
    on = date(YEAR, 4, 10)
    with db.write() as session:
        types = {t.code: t.id for t in supports.support_types(session)}
        for given, first, concept in (
            ("Rosa", "Núñez", "Despensa para la familia de rosa"),
            ("Luis", "Pérez", "Despensa para la familia NUNEZ"),  # not his name: kept
            ("Ana", "Cruz", "Adquisición de agua embotellada"),
        ):  # fmt: skip
            person = people.create_person(
                session,
                ana,
                PersonInput(given, first, sex=Sex.FEMALE, estimated_age=30, nationality="HN"),
            )
            s = supports.request_support(session, ana, SupportInput(
                person.id, types["DESPENSA"], concept, 1_000_00, "", on), today=on)  # fmt: skip
            supports.approve_support(session, boss, s.id, on=on, today=on)
            evidence.receive_all(session, ana, s.id)  # the file of proof is complete
            supports.deliver_support(session, ana, s.id, on=on, today=date.today())
    with db.read() as session:
        figures = summary.monthly_summary(session, "TAP", YEAR, 4)
    concepts = sorted(c.concept for c in figures.concepts)
    assert concepts == ["(concepto con datos personales omitido)",
                        "Adquisición de agua embotellada",
                        "Despensa para la familia NUNEZ"]  # fmt: skip
