"""Figures headquarters can trust: every figure as of its month, closed months frozen in
snapshots, and drafts that say so (issue 20, office side).

Dates are fixed in 2025 so that months close in order whatever day the suite runs."""

from __future__ import annotations

import hashlib
import json
import random
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from frontera_desk.domain.clock import on_paper
from frontera_desk.domain.enums import AGE_BANDS, Role, Sex
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.exchange import signing
from frontera_desk.exchange.summary_json import to_json
from frontera_desk.reports.summary_tables import PRELIMINARY_LINE, SUPPRESSED_NOTE
from frontera_desk.services import (
    activities,
    agreements,
    evidence,
    months,
    people,
    receipts,
    summary,
)
from frontera_desk.services import packages as package
from frontera_desk.services import supports as supports_service
from frontera_desk.services.activities import ActivityInput, AttendeeInput
from frontera_desk.services.agreements import AgreementInput, DisbursementInput, OrganizationInput
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput

YEAR = 2025
A = agreements.AgreementStatus


def deliver(session, boss, person_id, type_id, amount, on):
    """A support requested, approved and delivered on ``on`` (limits waived with a reason)."""
    s = supports_service.request_support(
        session, boss, SupportInput(person_id, type_id, "x", amount, "", on, "Prueba"), today=on
    )
    supports_service.approve_support(session, boss, s.id, on=on, today=on, override_reason="P")
    evidence.receive_all(session, boss, s.id)
    return supports_service.deliver_support(session, boss, s.id, on=on, today=on)


def type_ids(session):
    return {t.code: t.id for t in supports_service.support_types(session)}


def new_person(session, actor, sex=Sex.FEMALE, birth=date(1990, 1, 1), nationality="HN"):
    return people.create_person(
        session, actor, PersonInput("Rosa", "Cruz", sex=sex, birth_date=birth,
                                    nationality=nationality), confirmed_not_duplicate=True,
    )  # fmt: skip


def agreement(session, boss, org_id, signed, valid_from, valid_until, committed, status=A.IN_FORCE):
    deal = agreements.save_agreement(
        session, boss,
        AgreementInput("Convenio", "colaboracion_aportacion", [org_id], signed_on=signed,
                       valid_from=valid_from, valid_until=valid_until,
                       committed_centavos=committed),
    )  # fmt: skip
    path = {A.DRAFT: [], A.SIGNED: [A.SIGNED], A.IN_FORCE: [A.SIGNED, A.IN_FORCE],
            A.CANCELLED: [A.SIGNED, A.CANCELLED]}[status]  # fmt: skip
    for step in path:
        agreements.change_status(session, boss, deal.id, step)
    return deal


def figures(db, year, month):
    with db.read() as session:
        return summary.monthly_summary(session, "TAP", year, month)


# --- 1. every figure as of its month -----------------------------------------------------------


def test_attendance_counts_and_the_matching_list_are_counted_once(db, actors):
    """Counts 1 woman + 2 men with the list of the same 3 people were reported as 6."""
    ana = actors[Role.CAPTURISTA]
    day = date(YEAR, 10, 15)
    listed = [AttendeeInput("Ana", Sex.FEMALE, "18-29"), AttendeeInput("Luis", Sex.MALE, "30-59"),
              AttendeeInput("Juan", Sex.MALE, "30-59")]  # fmt: skip
    with db.write() as session:
        activities.save_activity(session, ana, ActivityInput(
            "taller", "Trata de personas", day, audiences={"policia_municipal"},
            counts={("F", "18-29"): 1, ("M", "30-59"): 2}, attendees=listed))  # fmt: skip
        activities.save_activity(session, ana, ActivityInput(
            "taller", "Asilo", day, attendees=listed[:2]))  # fmt: skip
        activities.save_activity(session, ana, ActivityInput(
            "evento", "Feria", day, counts={("F", "18-29"): 7}))  # fmt: skip
        with pytest.raises(ValidationError, match="los conteos suman 2 pero la lista tiene 3"):
            activities.save_activity(session, ana, ActivityInput(
                "curso", "Ley de migración", day, counts={("F", "18-29"): 2},
                attendees=listed))  # fmt: skip
    s = figures(db, YEAR, 10)
    assert s.activities_by_kind == {"taller": (2, 5), "curso": (0, 0), "evento": (1, 7)}
    assert s.attendees_by_sex == {"F": 9, "M": 3}
    assert s.attendees_by_audience == {"policia_municipal": 3}
    assert s.year_to_date["attendees"] == 12
    assert "con 12 asistentes" in s.narrative
    document = to_json(s)
    assert document["activities"]["attendees_by_sex"] == {"F": 9, "M": "<5"}
    assert document["activities"]["attendees_by_audience"] == {"policia_municipal": "<5"}


def test_agreements_in_force_and_balances_are_as_of_the_months_last_day(db, actors):
    """An agreement signed and in force from 7 December appeared in November's figures."""
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        org = agreements.save_organization(
            session, boss, OrganizationInput("agencia_internacional", "ACNUR")
        )
        december = agreement(session, boss, org.id, date(YEAR, 12, 7), date(YEAR, 12, 7),
                             date(YEAR + 1, 6, 30), 50_000_000)  # fmt: skip
        october = agreement(session, boss, org.id, date(YEAR, 10, 1), None, None, 1_000_000)
        agreement(session, boss, org.id, date(YEAR, 3, 1), date(YEAR, 3, 1),
                  date(YEAR, 11, 15), 700_000)  # ended mid-November  # fmt: skip
        agreement(session, boss, org.id, date(YEAR, 11, 3), None, None, 900_000, A.DRAFT)
        agreement(session, boss, org.id, date(YEAR, 11, 4), None, None, 800_000, A.CANCELLED)
        pay = DisbursementInput  # paid in October, November and December
        for day, amount in ((date(YEAR, 10, 20), 100_000), (date(YEAR, 11, 20), 200_000),
                            (date(YEAR, 12, 10), 300_000)):  # fmt: skip
            agreements.add_disbursement(session, boss, october.id, pay(day, amount, "Pago"))
        agreements.add_disbursement(
            session, boss, december.id, pay(date(YEAR, 12, 8), 5_000_000, "Primera")
        )
    oct_, nov, dec = (figures(db, YEAR, m) for m in (10, 11, 12))
    assert (oct_.agreements_in_force, oct_.balance_in_force_centavos) == (2, 900_000 + 700_000)
    # the December agreement is not in November; the one that ended on the 15th neither;
    # the draft and the cancelled one never are; December's payment is still to be paid
    assert (nov.agreements_in_force, nov.balance_in_force_centavos) == (1, 700_000)
    assert nov.agreements_signed == 1  # the cancelled one was signed; the draft was not
    assert (nov.disbursements, nov.disbursed_centavos) == (1, 200_000)
    assert "Se entregó una ministración de convenios por $2,000.00." in nov.narrative
    assert (dec.agreements_in_force, dec.balance_in_force_centavos) == (2, 400_000 + 45_000_000)
    assert dec.agreements_signed == 1


def test_small_counts_are_hidden_in_every_breakdown_and_the_footer_says_which(db, actors, tmp_path):
    """Counts of 1-4 were hidden by nationality but printed by sex and age band."""
    boss = actors[Role.SUPERVISOR]
    day = date(YEAR, 10, 10)
    with db.write() as session:
        ids = type_ids(session)
        for n in range(6):  # six women of 18-29 (shown), one man (hidden)
            who = new_person(session, boss, Sex.FEMALE, date(2000, 1, 1), "HN")
            deliver(session, boss, who.id, ids["DESPENSA"], 10_000 + n, day)
        man = new_person(session, boss, Sex.MALE, date(1980, 1, 1), "GT")
        deliver(session, boss, man.id, ids["DESPENSA"], 10_000, day)
        activities.save_activity(session, boss, ActivityInput(
            "taller", "Derechos", day, audiences={"sociedad_civil"},
            counts={("F", "18-29"): 2, ("M", "30-59"): 6}))  # fmt: skip
    with db.read() as session:
        document = package.summary_document(session, YEAR, 10)
    people_ = document["people"]
    assert people_["by_sex"] == {"F": 6, "M": "<5"}
    assert people_["by_age_band"] == {"0-11": 0, "12-17": 0, "18-29": 6, "30-59": "<5", "60+": 0}
    assert people_["by_nationality"] == {"GT": "<5", "HN": 6}
    assert document["activities"]["attendees_by_sex"] == {"F": "<5", "M": 6}
    assert document["activities"]["attendees_by_audience"] == {"sociedad_civil": 8}
    assert document["supports"]["people"] == 7  # totals are not hidden
    target = package.write_document(document, tmp_path / "r.pdf")
    text = " ".join((p.extract_text() or "") for p in PdfReader(target).pages)
    assert " ".join(SUPPRESSED_NOTE.split()) in " ".join(text.split())


# --- the random offices ------------------------------------------------------------------------


@dataclass
class Office:
    """What the test recorded by hand, to count independently of the summary."""

    people: dict[int, tuple[str, date]] = field(default_factory=dict)  # id → sex, birth
    delivered: list[tuple[int, int, int, date]] = field(default_factory=list)  # support, who, $, on
    voided: set[int] = field(default_factory=set)  # support ids
    acts: list[tuple[str, date, Counter[str], set[str]]] = field(default_factory=list)
    deals: list[tuple[int, date, date | None, date | None, int, A]] = field(default_factory=list)
    paid: list[tuple[int, date, int]] = field(default_factory=list)


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _populate(db, actors, rng: random.Random, office: Office, first: date, last: date) -> None:
    """Random records dated from ``first`` to ``last``, all through the services."""
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        ids = list(type_ids(session).values())
        org = agreements.save_organization(
            session, boss, OrganizationInput("asociacion_civil", f"Albergue {rng.random()}")
        )
        for _ in range(rng.randint(2, 5)):
            sex = rng.choice([Sex.FEMALE, Sex.MALE, Sex.OTHER])
            birth = date(rng.randint(1950, 2020), rng.randint(1, 12), 1)
            who = new_person(session, boss, sex, birth, rng.choice(["HN", "GT", "SV", "MX"]))
            office.people[who.id] = (sex.value, birth)
        for _ in range(rng.randint(3, 10)):
            who = rng.choice(list(office.people))
            on = _random_day(rng, first, last)
            amount = rng.randint(1, 500) * 100
            made = deliver(session, boss, who, rng.choice(ids), amount, on)
            office.delivered.append((made.id, who, amount, on))
            if rng.random() < 0.2:
                receipts.void(session, boss, made.folio, "Prueba")
                office.voided.add(made.id)
        for _ in range(rng.randint(1, 4)):
            on = _random_day(rng, first, last)
            listed = [AttendeeInput(f"P{i}", rng.choice(["F", "M"]), rng.choice(AGE_BANDS))
                      for i in range(rng.randint(0, 6))]  # fmt: skip
            mode = rng.choice(["counts", "list", "both"])
            counts = Counter(a.sex for a in listed)
            if mode == "counts":
                counts = Counter({"F": rng.randint(0, 9), "M": rng.randint(1, 9)})
            given = {(sex, "18-29"): n for sex, n in counts.items() if n}
            audiences = set(rng.sample(["policia_municipal", "sociedad_civil", "migrantes"],
                                       rng.randint(0, 2)))  # fmt: skip
            activities.save_activity(session, boss, ActivityInput(
                rng.choice(["taller", "curso", "evento"]), "Actividad", on, audiences=audiences,
                counts=given if mode != "list" else {},
                attendees=listed if mode != "counts" else []))  # fmt: skip
            office.acts.append((mode, on, +counts, audiences))
        for _ in range(rng.randint(0, 3)):
            signed = _random_day(rng, first, last)
            start = rng.choice([None, signed, signed + timedelta(days=rng.randint(0, 60))])
            until = rng.choice([None, signed + timedelta(days=rng.randint(0, 120))])
            if start and until and until < start:
                until = start
            status = rng.choice([A.IN_FORCE, A.IN_FORCE, A.SIGNED, A.DRAFT, A.CANCELLED])
            committed = rng.randint(1, 100) * 10_000
            deal = agreement(session, boss, org.id, signed, start, until, committed, status)
            office.deals.append((deal.id, signed, start, until, committed, status))
            if status in (A.IN_FORCE, A.SIGNED) and rng.random() < 0.7 and signed <= last:
                paid_on = _random_day(rng, signed, last)
                amount = rng.randint(1, 50) * 10_000
                agreements.add_disbursement(session, boss, deal.id, DisbursementInput(
                    paid_on, amount, "Pago", override_reason="Prueba"))  # fmt: skip
                office.paid.append((deal.id, paid_on, amount))


def _expected(office: Office, year: int, month: int) -> dict:
    """The month's figures counted from what the test recorded, without the summary's code."""
    start, end = months.month_bounds(year, month)
    last = end - timedelta(days=1)
    kept = [(s, who, amount, on) for s, who, amount, on in office.delivered
            if s not in office.voided]  # fmt: skip
    in_month = [d for d in kept if start <= d[3] < end]
    ytd = [d for d in kept if date(year, 1, 1) <= d[3] < end]
    served = {who for _, who, _, _ in in_month}
    acts = [a for a in office.acts if start <= a[1] < end]
    attendees_by_sex: Counter[str] = Counter()
    for _, _, counts, _ in acts:
        attendees_by_sex.update(counts)
    in_force = [
        d for d in office.deals
        if d[5] in (A.SIGNED, A.IN_FORCE) and d[1] <= last and (d[2] or d[1]) <= last
        and (d[3] is None or d[3] >= last)
    ]  # fmt: skip
    paid_by = Counter()
    for deal_id, paid_on, amount in office.paid:
        if paid_on <= last:
            paid_by[deal_id] += amount
    return {
        "supports": len(in_month),
        "amount": sum(d[2] for d in in_month),
        "people": len(served),
        "by_sex": dict(Counter(office.people[w][0] for w in served)),
        "activities": len(acts),
        "attendees": sum(sum(c.values()) for _, _, c, _ in acts),
        "attendees_by_sex": dict(+attendees_by_sex),
        "in_force": len(in_force),
        "balance": sum(max(d[4] - paid_by[d[0]], 0) for d in in_force),
        "disbursed": sum(a for _, on, a in office.paid if start <= on < end),
        "signed": sum(1 for d in office.deals if d[5] is not A.DRAFT and start <= d[1] < end),
        "ytd_supports": len(ytd),
        "ytd_amount": sum(d[2] for d in ytd),
        "ytd_attendees": sum(sum(c.values()) for _, on, c, _ in office.acts
                             if date(year, 1, 1) <= on < end),
    }  # fmt: skip


def _actual(s: summary.MonthlySummary) -> dict:
    return {
        "supports": s.supports, "amount": s.amount_centavos, "people": s.people,
        "by_sex": s.people_by_sex,
        "activities": sum(n for n, _ in s.activities_by_kind.values()),
        "attendees": sum(a for _, a in s.activities_by_kind.values()),
        "attendees_by_sex": s.attendees_by_sex,
        "in_force": s.agreements_in_force, "balance": s.balance_in_force_centavos,
        "disbursed": s.disbursed_centavos, "signed": s.agreements_signed,
        "ytd_supports": s.year_to_date["supports"], "ytd_amount": s.year_to_date["amount_centavos"],
        "ytd_attendees": s.year_to_date["attendees"],
    }  # fmt: skip


def _frozen(db, year: int, month: int) -> dict:
    document = to_json(figures(db, year, month))
    document.pop("generated_at")
    return document


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_offices_later_changes_never_alter_a_month(db, actors, seed):
    """Random small offices built through the services: each month's totals equal an
    independent count, and nothing dated after a month changes its summary."""
    rng = random.Random(seed)
    office = Office()
    _populate(db, actors, rng, office, date(YEAR, 9, 1), date(YEAR, 10, 31))
    september, october = _frozen(db, YEAR, 9), _frozen(db, YEAR, 10)
    for month in (9, 10):
        assert _actual(figures(db, YEAR, month)) == _expected(office, YEAR, month), month
    _populate(db, actors, rng, office, date(YEAR, 11, 1), date(YEAR, 12, 31))
    assert _frozen(db, YEAR, 9) == september
    assert _frozen(db, YEAR, 10) == october
    for month in (9, 10, 11, 12):
        assert _actual(figures(db, YEAR, month)) == _expected(office, YEAR, month), month


# --- 2. closed months are frozen ---------------------------------------------------------------


@pytest.fixture
def autumn(db, actors):
    """One delivery in October and one in November; returns October's folio and the person."""
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        ids = type_ids(session)
        rosa = new_person(session, boss)
        october = deliver(session, boss, rosa.id, ids["DESPENSA"], 2_150_700, date(YEAR, 10, 9))
        deliver(session, boss, rosa.id, ids["AGUA"], 30_000, date(YEAR, 11, 12))
    return october.folio, rosa.id


def package_figures(db, boss, month, target):
    with db.write() as session:
        package.export_package(session, boss, YEAR, month, target, signing.new_private_key())
    with zipfile.ZipFile(target) as archive:
        data = archive.read("resumen.json")
        manifest = json.loads(archive.read("manifest.json"))
    return json.loads(data), hashlib.sha256(data).hexdigest(), manifest["revision"]


def test_months_close_in_order_and_a_closed_month_stays_frozen(db, actors, autumn, tmp_path):
    """November could be closed while October was open; voiding an October receipt then
    changed November's package (its year to date) while its revision stayed the same."""
    boss = actors[Role.SUPERVISOR]
    folio, rosa = autumn
    refused = pytest.raises(FronteraError, match="Cierre primero el mes de octubre de 2025")
    with refused, db.write() as session:
        months.close_month(session, boss, YEAR, 11)
    with db.write() as session:
        months.close_month(session, boss, YEAR, 10)
        months.close_month(session, boss, YEAR, 11)
    first, digest, revision = package_figures(db, boss, 11, tmp_path / "r1.zip")
    assert (revision, first["estado"], first["revision"]) == (1, "cerrado", 1)
    assert first["year_to_date"]["supports"] == 2
    with db.read() as session:
        (row,) = months.history(session, "TAP", YEAR, 11)
    assert (row.revision, row.sha256, row.closed_by, row.reason) == (1, digest, "Sofia", "")
    with pytest.raises(FronteraError, match="está cerrado"), db.write() as session:
        receipts.void(session, boss, folio, "Importe equivocado")
    # a change nobody dated (a correction of the person) alters the live figures, never the
    # closed revision: the package is made from its snapshot, byte for byte
    with db.write() as session:
        record = people.get_person(session, rosa)
        data = record.as_input()
        data.nationality = "GT"
        people.update_person(session, boss, rosa, data, confirmed_not_duplicate=True)
    assert figures(db, YEAR, 11).people_by_nationality == {"GT": 1}
    again, again_digest, _ = package_figures(db, boss, 11, tmp_path / "r1b.zip")
    assert (again, again_digest) == (first, digest)
    with db.read() as session:
        assert later_names(session, 10) == [11]
    with db.write() as session:  # reopening October reopens November too, for one reason
        months.reopen_month(session, boss, YEAR, 10, "Recibo con importe equivocado")
    with db.read() as session:
        states = [months.state(session, "TAP", YEAR, m) for m in (10, 11)]
    assert [(s.closed, s.revision) for s in states] == [(False, 2), (False, 2)]
    with db.write() as session:
        receipts.void(session, boss, folio, "Importe equivocado")
    refused = pytest.raises(FronteraError, match="Cierre primero el mes de octubre")
    with refused, db.write() as session:
        months.close_month(session, boss, YEAR, 11)
    with db.write() as session:
        months.close_month(session, boss, YEAR, 10)
        months.close_month(session, boss, YEAR, 11)
    second, second_digest, revision = package_figures(db, boss, 11, tmp_path / "r2.zip")
    assert revision == second["revision"] == 2 and second_digest != digest
    assert second["year_to_date"]["supports"] == 1
    assert second["year_to_date"]["amount_centavos"] == 30_000
    with db.read() as session:
        history = months.history(session, "TAP", YEAR, 11)
    assert [(h.revision, h.sha256, h.reason) for h in history] == [
        (2, second_digest, "Recibo con importe equivocado"), (1, digest, ""),
    ]  # fmt: skip
    assert history[1].reopened_at is not None and history[1].reopened_by == "Sofia"
    assert history[1].reopen_reason == "Recibo con importe equivocado"


def later_names(session, month):
    return [m.month for m in months.later_closed(session, "TAP", YEAR, month)]


def test_only_earlier_months_with_records_must_be_closed_first(db, actors):
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        ids = type_ids(session)
        rosa = new_person(session, boss)
        deliver(session, boss, rosa.id, ids["AGUA"], 10_000, date(YEAR, 11, 3))
        months.close_month(session, boss, YEAR, 11)  # nothing recorded before November
        # ... and nothing can be now: November's year to date is frozen in its snapshot
        with pytest.raises(FronteraError, match="noviembre de 2025 ya está cerrado"):
            deliver(session, boss, rosa.id, ids["AGUA"], 10_000, date(YEAR, 10, 3))
        activities.save_activity(session, boss, ActivityInput(
            "evento", "Feria", date(YEAR, 12, 2), counts={("F", "18-29"): 7}))  # fmt: skip
        months.close_month(session, boss, YEAR, 12)
        months.close_month(session, boss, YEAR - 1, 12)  # another year: not in the way
    with db.write() as session:
        assert later_names(session, 11) == [12]
        months.reopen_month(session, boss, YEAR, 12, "Falta un asistente")
        assert months.state(session, "TAP", YEAR, 11).closed  # only later months reopen


# --- 3. drafts say so --------------------------------------------------------------------------


def _pdf_pages(path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_an_open_months_documents_say_preliminary_and_a_closed_ones_say_closed(
    db, actors, autumn, tmp_path
):
    from openpyxl import load_workbook

    boss = actors[Role.SUPERVISOR]
    with db.read() as session:
        draft = package.summary_document(session, YEAR, 10)
    assert draft["estado"] == "preliminar" and "closed" not in draft
    pdf = package.write_document(draft, tmp_path / "open.pdf")
    pages = _pdf_pages(pdf)
    assert len(pages) >= 2
    for text in pages:  # the footer's line and the watermark on every page
        assert PRELIMINARY_LINE in text and "mes abierto — las cifras pueden cambiar" in text
        assert text.count("PRELIMINAR") >= 2
    assert pages[0].count("PRELIMINAR") >= 3  # and the header
    book = load_workbook(package.write_document(draft, tmp_path / "open.xlsx"))
    assert book["Resumen"]["A3"].value == PRELIMINARY_LINE
    for sheet in book.worksheets:
        assert sheet.oddHeader.center.text == PRELIMINARY_LINE
    package.write_document(draft, tmp_path / "open.json")
    assert json.loads((tmp_path / "open.json").read_text())["estado"] == "preliminar"

    with db.write() as session:
        months.close_month(session, boss, YEAR, 10)
    with db.read() as session:
        closed = package.summary_document(session, YEAR, 10)
        (row,) = months.history(session, "TAP", YEAR, 10)
    assert closed["estado"] == "cerrado" and closed["closed"]["by"] == "Sofia"
    when = on_paper(row.closed_at)  # the office's time, as every document prints it
    assert when.endswith(" h") and "UTC" not in when
    line = f"MES CERRADO — revisión 1, cerrado el {when} por Sofia"
    pages = _pdf_pages(package.write_document(closed, tmp_path / "closed.pdf"))
    assert line in pages[0] and not any("PRELIMINAR" in text for text in pages)
    book = load_workbook(package.write_document(closed, tmp_path / "closed.xlsx"))
    assert book["Resumen"]["A3"].value == line
    data = package.write_document(closed, tmp_path / "closed.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == row.sha256  # the snapshot's own bytes
