"""Every table model of the window passes Qt's model tester (HOUSE_STYLE 8): the people and
supports lists (test_models_and_pages), the activities (test_agreement_activity_gui), and here
the agreements, the audit log and the inactive people of Administración."""

from datetime import date

from frontera_desk.domain.enums import AgreementKind, Role, Sex
from frontera_desk.gui.models.tables import listed_people_model
from frontera_desk.gui.pages.admin_page import audit_model
from frontera_desk.gui.pages.agreements_page import agreements_model
from frontera_desk.services import agreements, people
from frontera_desk.services.agreements import AgreementInput, OrganizationInput
from frontera_desk.services.people import PersonInput


def test_the_agreements_model(qtbot, qtmodeltester, make_ctx, db):
    ctx = make_ctx(Role.SUPERVISOR)
    with db.write() as session:
        shelter = agreements.save_organization(
            session, ctx.actor, OrganizationInput("asociacion_civil", "Albergue Belen")
        )
        for n in range(3):
            agreements.save_agreement(session, ctx.actor, AgreementInput(
                f"Convenio {n}", AgreementKind.CONTRIBUTION, [shelter.id],
                signed_on=date(2026, 1, 1 + n), committed_centavos=100_000 * (n + 1),
            ))  # fmt: skip
    model = agreements_model(ctx, None)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    qtmodeltester.check(model)
    assert sorted(model.index(r, 0).data() for r in range(3)) == [f"Convenio {n}" for n in range(3)]


def test_the_audit_log_model(qtbot, qtmodeltester, make_ctx, actors, db):
    ctx = make_ctx(Role.ADMINISTRADOR)
    with db.write() as session:
        for name in ("Ana", "Luz"):
            people.create_person(session, actors[Role.CAPTURISTA],
                                 PersonInput(name, "Cruz", sex=Sex.FEMALE))  # fmt: skip
    model = audit_model(ctx)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() >= 2)
    qtmodeltester.check(model)


def test_the_inactive_people_model(qtbot, qtmodeltester, actors, db):
    with db.write() as session:
        ids = [people.create_person(session, actors[Role.CAPTURISTA],
                                    PersonInput(n, "Cruz", sex=Sex.MALE)).id
               for n in ("Juan", "Luis")]  # fmt: skip
    model = listed_people_model(db)
    model.show_ids(ids)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
