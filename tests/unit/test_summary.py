"""The monthly summary against a month built by hand, every figure counted independently."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from frontera_desk.domain.enums import Role, Sex, Vulnerability
from frontera_desk.services import (
    activities,
    agreements,
    evidence,
    people,
    receipts,
    summary,
    supports,
)
from frontera_desk.services.activities import ActivityInput, AttendeeInput
from frontera_desk.services.agreements import AgreementInput, DisbursementInput, OrganizationInput
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput

TODAY = date.today()
LAST_MONTH = TODAY.replace(day=1) - timedelta(days=1)


def build_month(db, actors, day=TODAY):
    """Three people, four deliveries (one the month before), a voided receipt, an agreement
    with a disbursement, a workshop and an event — all dated in ``day``'s month."""
    ana, boss = actors[Role.CAPTURISTA], actors[Role.SUPERVISOR]
    before = day.replace(day=1) - timedelta(days=1)
    with db.write() as session:
        types = {t.code: t.id for t in supports.support_types(session)}
        rosa = people.create_person(
            session,
            ana,
            PersonInput(
                "Rosa",
                "Cruz",
                sex=Sex.FEMALE,
                birth_date=day.replace(year=day.year - 25) - timedelta(days=1),
                nationality="HN",
                vulnerabilities={Vulnerability.ASYLUM},
            ),
        )
        kevin = people.create_person(
            session,
            ana,
            PersonInput(
                "Kevin",
                "Pop",
                sex=Sex.MALE,
                birth_date=day.replace(year=day.year - 10) - timedelta(days=1),
                nationality="GT",
            ),
        )
        jean = people.create_person(
            session,
            ana,
            PersonInput("Jean", "Pierre", sex=Sex.OTHER, estimated_age=65, nationality="HT"),
        )

        def give(person, code, amount, on):
            s = supports.request_support(
                session, ana, SupportInput(person.id, types[code], "x", amount, "", on), today=on
            )
            supports.approve_support(session, boss, s.id, on=on, today=on)
            evidence.receive_all(session, ana, s.id)
            return supports.deliver_support(session, ana, s.id, on=on, today=TODAY)

        give(rosa, "DESPENSA", 100_000, day)
        give(kevin, "DESPENSA", 120_000, day)
        water = give(rosa, "AGUA", 30_000, day)
        give(jean, "OTRO", 50_000, before)  # last month: not counted this month
        supports.request_support(
            session, ana, SupportInput(jean.id, types["AGUA"], "x", 10_000)
        )  # pending
        receipts.void(session, boss, water.folio, "Importe equivocado")
        org = agreements.save_organization(
            session, boss, OrganizationInput("agencia_internacional", "ACNUR")
        )
        deal = agreements.save_agreement(
            session,
            boss,
            AgreementInput(
                "Despensas",
                "colaboracion_aportacion",
                [org.id],
                signed_on=day,
                valid_from=day,
                valid_until=day + timedelta(days=300),
                committed_centavos=1_000_000,
                funding_source="Recursos estatales",
            ),
        )
        agreements.change_status(session, boss, deal.id, agreements.AgreementStatus.SIGNED)
        agreements.change_status(session, boss, deal.id, agreements.AgreementStatus.IN_FORCE)
        agreements.add_disbursement(
            session, boss, deal.id, DisbursementInput(day, 400_000, "Primera")
        )
        activities.save_activity(
            session,
            ana,
            ActivityInput(
                "taller",
                "Trata de personas",
                day,
                audiences={"policia_municipal"},
                attendees=[
                    AttendeeInput("Luis", Sex.MALE, "30-59"),
                    AttendeeInput("Ana", Sex.FEMALE, "18-29"),
                ],
            ),
        )
        activities.save_activity(
            session,
            ana,
            ActivityInput(
                "evento", "Día del Migrante", day, counts={("F", "18-29"): 7, ("M", "30-59"): 5}
            ),
        )
    return db


@pytest.fixture
def month(db, actors):
    return build_month(db, actors)


def test_every_figure_of_the_month(month, actors):
    with month.read() as session:
        s = summary.monthly_summary(session, "TAP", TODAY.year, TODAY.month)
    lines = {t.code: (t.supports, t.amount_centavos, t.people) for t in s.by_type}
    # the voided receipt sent the water back to "approved": it is no longer delivered
    assert lines == {"DESPENSA": (2, 220_000, 2)}
    assert (s.supports, s.amount_centavos, s.people) == (2, 220_000, 2)
    assert s.people_by_sex == {"F": 1, "M": 1}
    assert s.people_by_age_band == {"0-11": 1, "12-17": 0, "18-29": 1, "30-59": 0, "60+": 0}
    assert s.people_by_nationality == {"GT": 1, "HN": 1}
    assert s.people_by_vulnerability == {"solicitante_refugio": 1}
    assert (s.receipts_issued, s.receipts_voided) == (3, 1)
    assert s.folio_range[0].endswith("000001") and s.folio_range[1].endswith("000003")
    assert (s.agreements_signed, s.agreements_in_force) == (1, 1)
    assert (s.disbursements, s.disbursed_centavos, s.balance_in_force_centavos) == (
        1,
        400_000,
        600_000,
    )
    assert s.activities_by_kind == {"taller": (1, 2), "curso": (0, 0), "evento": (1, 12)}
    assert s.attendees_by_sex == {"F": 8, "M": 6}
    assert s.attendees_by_audience == {"policia_municipal": 2}
    assert s.year_to_date["supports"] == 2 + (1 if LAST_MONTH.year == TODAY.year else 0)
    assert s.narrative.startswith(
        f"En {summary.months.month_name(TODAY.year, TODAY.month)} se otorgaron dos apoyos"
    )
    assert "en beneficio de dos personas migrantes" in s.narrative
    assert "un taller y un evento, con 14 asistentes" in s.narrative


def test_the_json_for_headquarters_has_no_names_and_hides_small_counts(month):
    import json

    from frontera_desk.domain.errors import FronteraError
    from frontera_desk.exchange.summary_json import to_json, validate

    with month.read() as session:
        document = to_json(summary.monthly_summary(session, "TAP", TODAY.year, TODAY.month))
    text = json.dumps(document, ensure_ascii=False)
    for name in ("Rosa", "Kevin", "Cruz", "Pop", "Pierre"):
        assert name not in text
    assert document["people"]["by_nationality"] == {"GT": "<5", "HN": "<5"}
    assert document["people"]["by_vulnerability"] == {"solicitante_refugio": "<5"}
    assert document["supports"]["amount_centavos"] == 220_000
    document["supports"]["count"] = -1
    with pytest.raises(FronteraError, match="no cumple el esquema en supports/count"):
        validate(document)


def test_budget_and_targets_progress_over_the_year(month, actors):
    from frontera_desk.domain.enums import BudgetCategory, Indicator
    from frontera_desk.domain.errors import PermissionDenied, ValidationError
    from frontera_desk.services import plan

    boss, ana = actors[Role.SUPERVISOR], actors[Role.CAPTURISTA]
    year_plan = plan.Plan(
        TODAY.year,
        {(BudgetCategory.SUPPORT_TYPE, "DESPENSA"): 1_000_000,
         (BudgetCategory.FUNDING_SOURCE, "Recursos estatales"): 2_000_000},
        {Indicator.SUPPORTS: 10, Indicator.ATTENDEES: 28, Indicator.AMOUNT: 0},
    )  # fmt: skip
    with month.write() as session, pytest.raises(PermissionDenied):
        plan.set_plan(session, ana, year_plan)
    with month.write() as session:
        plan.set_plan(session, boss, year_plan)
        bad = plan.Plan(TODAY.year, {(BudgetCategory.SUPPORT_TYPE, "NOPE"): 1}, {})
        with pytest.raises(ValidationError, match="no existe el tipo de apoyo NOPE"):
            plan.set_plan(session, boss, bad)
    with month.read() as session:
        s = summary.monthly_summary(session, "TAP", TODAY.year, TODAY.month)
    budget = {(b.category, b.key): (b.budget_centavos, b.spent_centavos) for b in s.budget}
    assert budget == {
        (BudgetCategory.SUPPORT_TYPE, "DESPENSA"): (1_000_000, 220_000),
        (BudgetCategory.SUPPORT_TYPE, "OTRO"): (0, 50_000),  # spent with no budget: still shown
        (BudgetCategory.FUNDING_SOURCE, "Recursos estatales"): (2_000_000, 400_000),
    }
    targets = {t.indicator: (t.target, t.achieved) for t in s.targets}
    ytd_supports = 2 + (1 if LAST_MONTH.year == TODAY.year else 0)
    # a zero target is no target; attendees: 2 at the workshop and 12 at the event
    assert targets == {Indicator.SUPPORTS: (10, ytd_supports), Indicator.ATTENDEES: (28, 14)}
    assert s.year_to_date["investment_centavos"] == s.year_to_date["amount_centavos"] + 400_000


def test_the_narrative_groups_thousands_as_its_tables_do(month):
    with month.read() as session:
        figures = summary.monthly_summary(session, "TAP", TODAY.year, TODAY.month)
    s = replace(figures, supports=14_624, people=9_870, disbursements=1_200)
    text = summary.narrative(s)
    assert "se otorgaron 14,624 apoyos" in text
    assert "en beneficio de 9,870 personas migrantes" in text
    assert "Se entregaron 1,200 ministraciones" in text


def test_the_narrative_words_one_two_and_many_as_the_state_does(month):
    """One to nine in words, lists with "y", agreement: no "(s)" and no "1 personas"."""
    with month.read() as session:
        figures = summary.monthly_summary(session, "TAP", TODAY.year, TODAY.month)
    month_text = summary.months.month_name(TODAY.year, TODAY.month)
    line = summary.TypeLine
    one = replace(
        figures, by_type=(line("DESPENSA", "Despensa", 1, 150_000, 1),), supports=1,
        amount_centavos=150_000, people=1, activities_by_kind={"taller": (1, 1)},
        disbursements=0,
    )  # fmt: skip
    assert summary.narrative(one) == (
        f"En {month_text} se otorgó un apoyo de despensa, por un total de $1,500.00, en "
        "beneficio de una persona migrante. Se realizó un taller, con un asistente."
    )
    many = replace(
        figures,
        by_type=(line("DESPENSA", "Despensa", 3, 450_000, 3),
                 line("MED_CONSULTA", "Apoyo médico: consulta", 1, 150_000, 1),
                 line("AGUA", "Agua embotellada", 12, 72_000, 9),
                 line("OTRO", "Otro apoyo", 2, 1_230_000_000, 2)),
        supports=18, amount_centavos=1_230_672_000, people=10,
        activities_by_kind={"taller": (10, 0), "curso": (0, 0), "evento": (6, 0)},
        disbursements=2, disbursed_centavos=84_500_000,
    )  # fmt: skip
    assert summary.narrative(many) == (
        f"En {month_text} se otorgaron 18 apoyos consistentes en tres de despensa, uno de apoyo "
        "médico (consulta), 12 de agua embotellada y otros dos apoyos, por un total de 12.3 "
        "millones de pesos, en beneficio de 10 personas migrantes. Se realizaron 10 talleres y "
        "seis eventos, sin asistentes registrados. Se entregaron dos ministraciones de convenios "
        "por $845,000.00."
    )
    assert "(s)" not in summary.narrative(many) + summary.narrative(one)


def test_the_workbook_prints_on_letter_fit_to_width_with_its_header_on_every_page(month, tmp_path):
    """The monthly workbook's tables split across pages and lost their header past the first."""
    from openpyxl import load_workbook

    from frontera_desk.exchange.summary_json import to_json
    from frontera_desk.reports.summary_xlsx import write_summary_xlsx

    with month.read() as session:
        document = to_json(summary.monthly_summary(session, "TAP", TODAY.year, TODAY.month))
    book = load_workbook(write_summary_xlsx(document, tmp_path / "resumen.xlsx"))
    assert "Acciones" in book.sheetnames
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (int(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == (1, 1, 0)  # Letter
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        if sheet.title != "Resumen":  # the title and the table's header on every page
            assert sheet.print_title_rows == "$1:$2", sheet.title
            assert sheet.print_options.horizontalCentered
