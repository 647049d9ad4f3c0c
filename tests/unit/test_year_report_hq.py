"""Headquarters' year report: the sum of the offices' year reports, figure by figure; the
office-months it has not received, listed; packages of the previous schema, read and said."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from frontera_desk.domain.enums import Role
from frontera_desk.services import months
from frontera_desk.services import packages as package
from frontera_desk.services.demo import create_demo
from frontera_desk.services.year_report import OfficeYear, year_report
from tests.unit.test_package import (  # noqa: F401 - fixtures
    LAST_MONTH,
    _resealed,
    enroll,
    hq,
    key_of,
    new_office,
    receive,
    sent,
)

YEAR = date.today().year - 1
NUMBERS = [f.name for f in dataclasses.fields(OfficeYear)
           if f.type in ("int", int) and f.name != "through_month"]  # fmt: skip


@pytest.fixture
def three_offices(tmp_path):
    """Three demo offices with a quarter of last year's records each, every month of the year
    closed and sent to a headquarters that enrolled them."""
    hq_db, hq_actors = new_office(tmp_path, "CEN", is_hq=True)
    boss_hq, admin_hq = hq_actors[Role.SUPERVISOR], hq_actors[Role.ADMINISTRADOR]
    offices = {}
    files = []
    for seed, code in enumerate(("TAP", "ARR", "SUC")):
        database, actors = new_office(tmp_path, code)
        boss = actors[Role.SUPERVISOR]
        with database.write() as session:
            create_demo(session, actors[Role.CAPTURISTA], boss, persons=25, months=3,
                        seed=seed, today=date(YEAR, 12, 20))  # fmt: skip
        with database.write() as session:
            for month in range(1, 13):
                months.close_month(session, boss, YEAR, month, confirm_evidence_pending=True)
        with database.write() as session:
            for month in range(1, 13):
                files.append(package.export_package(
                    session, boss, YEAR, month, tmp_path / f"{code}-{month}.zip",
                    key_of(database)))  # fmt: skip
        enroll((hq_db, boss_hq, admin_hq), database, boss)
        offices[code] = database
    receive((hq_db, boss_hq), *files)
    yield hq_db, offices
    for database in (hq_db, *offices.values()):
        database.dispose()


@pytest.mark.sqlite_only
def test_headquarters_year_adds_up_the_offices_years_figure_by_figure(three_offices):
    hq_db, offices = three_offices
    own = {}
    for code, database in offices.items():
        with database.read() as session:
            own[code] = year_report(session, YEAR)
    with hq_db.read() as session:
        total = year_report(session, YEAR)
    assert total.scope == "consolidado" and total.missing == ()
    assert not total.preliminary  # every month of a past year received
    # each office as headquarters read it is the office's own year, to the last figure
    assert {o.code: o for o in total.offices} == {c: r.total for c, r in own.items()}
    t, parts = total.total, [r.total for r in own.values()]
    for name in NUMBERS:
        assert getattr(t, name) == sum(getattr(p, name) for p in parts), name
    assert t.investment_centavos == sum(p.investment_centavos for p in parts) > 0
    for name in ("total", "foreign", "mexican", "unknown", "counted_attendees", "support_people"):
        assert getattr(t.people, name) == sum(getattr(p.people, name) for p in parts), name
    for line in t.by_type:
        same = [x for p in parts for x in p.by_type if x.code == line.code]
        assert (line.supports, line.amount_centavos, line.people) == (
            sum(x.supports for x in same), sum(x.amount_centavos for x in same),
            sum(x.people for x in same))  # fmt: skip
    for kind, (held, attendees) in t.activities_by_kind.items():
        assert held == sum(p.activities_by_kind[kind][0] for p in parts)
        assert attendees == sum(p.activities_by_kind[kind][1] for p in parts)
    assert len(t.activities) == sum(len(p.activities) for p in parts)
    assert len(t.agreements) == sum(len(p.agreements) for p in parts) > 0
    assert len(t.actions) == sum(len(p.actions) for p in parts) > 0  # the demo records some
    for kind, (n, pieces) in t.actions_by_kind.items():
        assert (n, pieces) == (
            sum(p.actions_by_kind.get(kind, (0, 0))[0] for p in parts),
            sum(p.actions_by_kind.get(kind, (0, 0))[1] for p in parts),
        )
    assert sum(a.disbursed_centavos for a in t.agreements) == t.disbursed_centavos
    text = " ".join(p.text for p in total.narrative)
    assert "(cada oficina cuenta a sus personas)" in text


def test_missing_office_months_are_listed(sent, hq):  # noqa: F811
    receive(hq, sent["TAP"][2])  # ARR has not sent last month
    with hq[0].read() as session:
        report = year_report(session, LAST_MONTH.year)
    assert report.preliminary
    missing = {code: m for code, _, m in report.missing}
    assert missing["ARR"] == (LAST_MONTH.month,)
    assert "TAP" not in missing
    assert [o.code for o in report.offices] == ["TAP"]
    assert any(n.startswith("Faltan los paquetes de Oficina ARR (ARR) de ") for n in report.notes)
    from frontera_desk.reports.year_tables import sections

    gone = next(s for s in sections(report) if s.key == "Faltantes")
    assert gone.rows[0][0] == "ARR"


def test_a_package_of_the_previous_schema_is_read_without_named_items(sent, hq, tmp_path):  # noqa: F811, E501
    def previous(summary):  # what an office on the previous version sends
        summary["schema_version"] = 1
        for key in ("named", "year_people"):
            summary.pop(key)
        summary["supports"].pop("concepts")
        summary["people"].pop("benefited")

    old = _resealed(sent["TAP"][2], tmp_path / "old.zip", previous)
    assert "importada" in receive(hq, old, sent["ARR"][2])[0]
    with hq[0].read() as session:
        report = year_report(session, LAST_MONTH.year)
    arr, tap = report.offices  # by code
    assert tap.old_schema_months == (LAST_MONTH.month,) and arr.old_schema_months == ()
    assert tap.activities == () and len(arr.activities) == 2
    assert tap.supports == arr.supports == 2  # the counts are still added up
    assert report.total.supports == 4
    assert not report.total.people.complete
    assert any("esquema anterior" in n and "Oficina TAP" in n for n in report.notes)


def test_the_package_now_names_activities_and_agreements_but_no_person(sent):  # noqa: F811
    import zipfile

    with zipfile.ZipFile(sent["TAP"][2]) as archive:
        summary = json.loads(archive.read("resumen.json"))
    assert summary["schema_version"] == 2
    assert [a["title"] for a in summary["named"]["activities"]] == [
        "Trata de personas", "Día del Migrante"]  # fmt: skip
    assert summary["named"]["agreements_signed"][0]["counterparts"] == ["ACNUR"]
    assert summary["people"]["benefited"]["foreign"] == 2
    text = json.dumps(summary, ensure_ascii=False)
    for name in ("Rosa", "Kevin", "Pierre", "Cruz", "Luis"):  # beneficiaries and attendees
        assert name not in text
