"""Acciones de vinculación y difusión: who may record them, what is refused, closed months,
the audit log, and how the monthly summary counts them (apart from the events)."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from frontera_desk.db.models import AuditEntry
from frontera_desk.domain.enums import ActionKind, ActivityKind, Indicator, Role
from frontera_desk.domain.errors import (
    ConflictError,
    FronteraError,
    PermissionDenied,
    ValidationError,
)
from frontera_desk.exchange.summary_json import consolidate, to_json
from frontera_desk.services import actions, activities, agreements, months, plan, summary
from frontera_desk.services.actions import ActionInput
from frontera_desk.services.activities import ActivityInput
from frontera_desk.services.agreements import OrganizationInput

YEAR = 2025  # fixed, so that months close in order whatever day the suite runs


@pytest.fixture
def orgs(db, actors):
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        return {
            "francia": agreements.save_organization(
                session, boss, OrganizationInput("embajada", "Embajada de Francia en México")
            ).id,
            "cuba": agreements.save_organization(
                session, boss, OrganizationInput("consulado", "Consulado de Cuba en Veracruz")
            ).id,
            "amexcid": agreements.save_organization(
                session, boss, OrganizationInput(
                    "agencia_cooperacion",
                    "Agencia Mexicana de Cooperación Internacional para el Desarrollo", "AMEXCID",
                ),
            ).id,
            "huixtla": agreements.save_organization(
                session, boss, OrganizationInput("municipio", "H. Ayuntamiento de Huixtla")
            ).id,
        }  # fmt: skip


def save(db, actor, data, action_id=None, version=None):
    with db.write() as session:
        return actions.save_action(session, actor, data, action_id, version)


def test_a_supervisor_records_changes_and_deletes_an_action_each_audited(db, actors, orgs):
    boss = actors[Role.SUPERVISOR]
    liaison = save(db, boss, ActionInput(
        ActionKind.LIAISON, "Logística de la visita a Tapachula", date(YEAR, 3, 4),
        [orgs["francia"], orgs["amexcid"], orgs["francia"]], municipality="Tapachula",
    ))  # fmt: skip
    assert liaison.counterparts == (  # each once, by name
        "Agencia Mexicana de Cooperación Internacional para el Desarrollo",
        "Embajada de Francia en México",
    )
    assert (liaison.kind, liaison.quantity, liaison.municipality) == (
        ActionKind.LIAISON,
        None,
        "Tapachula",
    )
    changed = save(db, boss, ActionInput(ActionKind.LIAISON, "Visita a Puerto Chiapas",
                                         date(YEAR, 3, 5), [orgs["francia"]]),
                   liaison.id, liaison.version)  # fmt: skip
    assert (changed.title, changed.counterparts, changed.municipality) == (
        "Visita a Puerto Chiapas",
        ("Embajada de Francia en México",),
        "",
    )
    with pytest.raises(ConflictError, match="Otra persona guardó cambios en esta acción"):
        save(db, boss, liaison.as_input(), liaison.id, liaison.version)  # a stale form
    with db.write() as session:
        actions.delete_action(session, boss, changed.id, changed.version)
    with db.read() as session:
        assert actions.actions_in_period(session, date(YEAR, 1, 1), date(YEAR + 1, 1, 1)) == ()
        entries = session.query(AuditEntry).filter(AuditEntry.entity == "accion").all()
    assert [(e.action, e.entity_uuid) for e in entries] == [
        ("guardar", liaison.uuid),
        ("guardar", liaison.uuid),
        ("eliminar", liaison.uuid),
    ]
    assert "Visita a Puerto Chiapas" in entries[1].changes


@pytest.mark.parametrize("role", [Role.CAPTURISTA, Role.ADMINISTRADOR])
def test_only_supervisors_record_actions(db, actors, orgs, role):
    data = ActionInput(ActionKind.DIAGNOSTIC, "Mujeres y migración", date(YEAR, 2, 1))
    with pytest.raises(PermissionDenied, match="no permite registrar acciones de vinculación"):
        save(db, actors[role], data)
    record = save(db, actors[Role.SUPERVISOR], data)
    with pytest.raises(PermissionDenied), db.write() as session:
        actions.delete_action(session, actors[role], record.id)
    with db.read() as session:  # the refusals are audited too
        refused = session.query(AuditEntry).filter(AuditEntry.action == "denegado").count()
    assert refused == 2


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"kind": "visita"}, "kind", "Tipo de acción: no válido"),
        ({"title": "   "}, "title", "Título o descripción: es obligatorio"),
        ({"title": "x" * 301}, "title", "admite hasta 300 caracteres"),
        ({"title": "a\x07b"}, "title", "caracteres de control"),
        ({"done_on": date(2999, 1, 1)}, "done_on", "registre la acción cuando ya se realizó"),
        ({"kind": ActionKind.MATERIAL}, "quantity", "de 1 a 1,000,000 piezas"),
        ({"kind": ActionKind.MATERIAL, "quantity": 0}, "quantity", "de 1 a 1,000,000 piezas"),
        ({"quantity": 500}, "quantity", "solo se anota en materiales de difusión"),
        ({"kind": ActionKind.APPROACH}, "organization_ids", "un acercamiento se registra con al"),
        ({"organization_ids": [9999]}, "organization_ids", "no existe la organización núm. 9999"),
        ({"kind": ActionKind.MUNICIPAL_MECHANISM}, "municipality", "con su municipio"),
        ({"municipality": "M" * 101}, "municipality", "admite hasta 100 caracteres"),
    ],
)
def test_bad_actions_are_refused_with_a_spanish_message(db, actors, changes, field, fragment):
    fields = {"kind": ActionKind.DIAGNOSTIC, "title": "Flujo migratorio regular",
              "done_on": date(YEAR, 2, 1), **changes}  # fmt: skip
    with pytest.raises(ValidationError, match=fragment) as refused:
        save(db, actors[Role.SUPERVISOR], ActionInput(**fields))
    assert refused.value.field == field
    with db.read() as session:
        assert actions.actions_in_period(session, date(2000, 1, 1), date(3000, 1, 1)) == ()


def test_a_closed_month_refuses_actions_dated_in_it(db, actors, orgs):
    boss = actors[Role.SUPERVISOR]
    january = save(db, boss, ActionInput(ActionKind.DIAGNOSTIC, "Migraciones femeninas",
                                         date(YEAR, 1, 20)))  # fmt: skip
    february = save(db, boss, ActionInput(ActionKind.FUNDING, "Telemedicina rural",
                                          date(YEAR, 2, 3)))  # fmt: skip
    with db.write() as session:
        months.close_month(session, boss, YEAR, 1)
    closed = pytest.raises(FronteraError, match="El mes de enero de 2025 está cerrado")
    with closed:
        save(db, boss, ActionInput(ActionKind.DIAGNOSTIC, "Nuevo", date(YEAR, 1, 31)))
    with closed:  # nor edited, nor moved into it, nor deleted
        save(db, boss, january.as_input(), january.id, january.version)
    moved = february.as_input()
    moved.done_on = date(YEAR, 1, 15)
    with closed:
        save(db, boss, moved, february.id, february.version)
    with closed, db.write() as session:
        actions.delete_action(session, boss, january.id)
    with db.read() as session:  # the snapshot sent to headquarters counted January's one
        snapshot = months.snapshot_document(session, YEAR, 1)
    assert snapshot is not None
    assert snapshot[0]["actions"]["by_kind"]["diagnostico"] == {"count": 1, "quantity": 0}
    with db.write() as session:
        months.reopen_month(session, boss, YEAR, 1, "Faltó un diagnóstico")
    save(db, boss, ActionInput(ActionKind.DIAGNOSTIC, "Nuevo", date(YEAR, 1, 31)))


def test_actions_in_period_are_plain_frozen_values_with_public_names(db, actors, orgs):
    boss = actors[Role.SUPERVISOR]
    save(db, boss, ActionInput(ActionKind.MATERIAL, "Trípticos «trata de personas»",
                               date(YEAR, 5, 2), quantity=1_500))  # fmt: skip
    save(db, boss, ActionInput(ActionKind.MUNICIPAL_MECHANISM, "Mecanismo de atención",
                               date(YEAR, 5, 1), [orgs["huixtla"]],
                               municipality="Huixtla"))  # fmt: skip
    save(db, boss, ActionInput(ActionKind.APPROACH, "Agenda con ciudadanos cubanos",
                               date(YEAR, 6, 1), [orgs["cuba"]]))  # fmt: skip
    with db.read() as session:
        may = actions.actions_in_period(session, date(YEAR, 5, 1), date(YEAR, 6, 1))
    assert may == (
        actions.ActionItem(ActionKind.MUNICIPAL_MECHANISM, date(YEAR, 5, 1),
                           "Mecanismo de atención", None, ("H. Ayuntamiento de Huixtla",),
                           "Huixtla"),
        actions.ActionItem(ActionKind.MATERIAL, date(YEAR, 5, 2),
                           "Trípticos «trata de personas»", 1_500, (), ""),
    )  # fmt: skip
    with pytest.raises(FrozenInstanceError):
        may[0].title = "otro"  # type: ignore[misc]


def test_the_monthly_summary_counts_actions_by_kind_apart_from_events(db, actors, orgs):
    """Random actions over three months against a count kept by hand; an outreach event and a
    target of events are unmoved by them."""
    boss = actors[Role.SUPERVISOR]
    rng = random.Random(22)
    expected: dict[int, Counter[str]] = {m: Counter() for m in (3, 4, 5)}
    pieces: dict[int, Counter[str]] = {m: Counter() for m in (3, 4, 5)}
    with db.write() as session:
        plan.set_plan(session, boss, plan.Plan(YEAR, {}, {Indicator.EVENTS: 6}))
        activities.save_activity(session, boss, ActivityInput(
            ActivityKind.EVENT, "Día Internacional del Migrante", date(YEAR, 4, 18)))  # fmt: skip
        for _ in range(40):
            kind = rng.choice(list(ActionKind))
            month = rng.choice((3, 4, 5))
            day = date(YEAR, month, rng.randint(1, 28))
            quantity = rng.randint(1, 900) if kind is ActionKind.MATERIAL else None
            actions.save_action(
                session,
                boss,
                ActionInput(
                    kind, f"Acción {kind.value}", day, [orgs["francia"]], quantity, "Tapachula"
                ),
            )
            expected[month][kind.value] += 1
            pieces[month][kind.value] += quantity or 0
    for month in (3, 4, 5):
        with db.read() as session:
            s = summary.monthly_summary(session, "TAP", YEAR, month)
        assert s.actions_by_kind == {
            k.value: (expected[month][k.value], pieces[month][k.value]) for k in ActionKind
        }
        assert s.activities_by_kind["evento"] == ((1, 0) if month == 4 else (0, 0))
        events = next(t for t in s.targets if t.indicator is Indicator.EVENTS)
        assert (events.target, events.achieved) == (6, 0 if month == 3 else 1)
        document = to_json(s)
        assert {k: v["count"] for k, v in document["actions"]["by_kind"].items() if v["count"]} == (
            {k: n for k, n in expected[month].items() if n}
        )
        assert sum(expected[month].values()) > 0
        assert "acciones de vinculación y difusión: " in s.narrative
    # headquarters adds the offices' actions up, and reads a summary made before them
    with db.read() as session:
        april = to_json(summary.monthly_summary(session, "TAP", YEAR, 4))
    older = {k: v for k, v in april.items() if k != "actions"}
    older["office"] = {"code": "ARR", "name": "Arriaga"}
    total = consolidate([april, april, older], {"code": "HQ", "name": "Oficinas centrales"},
                        f"{YEAR}-04")  # fmt: skip
    assert total["actions"]["by_kind"] == {
        k: {"count": 2 * v["count"], "quantity": 2 * v["quantity"]}
        for k, v in april["actions"]["by_kind"].items()
    }


def test_the_narrative_names_the_actions_in_words(db, actors, orgs):
    boss = actors[Role.SUPERVISOR]
    for kind, title, quantity in (
        (ActionKind.DIAGNOSTIC, "Mujeres y migración", None),
        (ActionKind.DIAGNOSTIC, "Las que se van", None),
        (ActionKind.MATERIAL, "Lonas", 12),
        (ActionKind.SPECIAL_GUEST, "Visita de la embajadora", None),
        (ActionKind.OTHER, "Apoyo logístico", None),
        (ActionKind.OTHER, "Rueda de prensa", None),
    ):
        save(db, boss, ActionInput(kind, title, date(YEAR, 7, 7), quantity=quantity))
    with db.read() as session:
        s = summary.monthly_summary(session, "TAP", YEAR, 7)
    assert s.narrative.endswith(
        "Además, se realizaron seis acciones de vinculación y difusión: dos diagnósticos, un "
        "material de difusión (12 piezas), una atención a invitados especiales y otras dos "
        "acciones."
    )
    assert s.activities_by_kind == {k.value: (0, 0) for k in ActivityKind}
