"""The documents the office hands out or files, read back as their readers would: attendance
sheets (every page whole), a person's own data (everything held, PDF and JSON), the budget
table (a total, every type spent, overspending marked)."""

from __future__ import annotations

import re
from datetime import date

from pypdf import PdfReader

from frontera_desk.domain.enums import ActivityKind, Role, Sex
from frontera_desk.services import activities, evidence
from frontera_desk.services.activities import ActivityInput, AttendeeInput


def _pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _big_workshop(db, actors, **more):
    long_title = "Taller sobre la protección internacional y el derecho a solicitar asilo"
    with db.write() as session:
        return activities.save_activity(session, actors[Role.CAPTURISTA], ActivityInput(
            ActivityKind.WORKSHOP, long_title, date(2026, 5, 4), hours=4,
            municipality="Tapachula", venue="Auditorio municipal",
            facilitator="Lic. Marta Gómez", **more,
        ))  # fmt: skip


def test_a_300_person_attendance_sheet_is_whole_on_every_page(db, actors, tmp_path):
    from frontera_desk.reports.activity_sheets import write_attendance_sheet

    attendees = [
        AttendeeInput(f"Asistente Número {n}", Sex.FEMALE if n % 3 else Sex.MALE, "18-29",
                      "Sociedad civil")
        for n in range(1, 301)
    ]  # fmt: skip
    attendees[4].name = "Nombre larguísimo " * 11  # about 200 characters: it wraps, not spills
    record = _big_workshop(db, actors, attendees=attendees)
    pages = _pages(write_attendance_sheet(record, "Oficina Tapachula", tmp_path / "l.pdf", True))
    assert len(pages) > 5
    for number, text in enumerate(pages, 1):
        assert "LISTA DE ASISTENCIA" in text
        assert "protección internacional y el derecho a solicitar asilo" in text
        assert "4 de mayo de 2026" in text and "Auditorio municipal, Tapachula" in text
        assert "Aviso de privacidad" in text and "ARCO" in text
        assert "Firma de la persona responsable" in text and "Lic. Marta Gómez" in text
        assert f"Página {number} de {len(pages)}" in text
    everything = " ".join(pages)
    assert all(f"Asistente Número {n} " in everything + " " for n in (1, 150, 300))
    assert "Nombre larguísimo Nombre larguísimo" in everything
    totals = pages[-1]
    assert "Asistentes por sexo" in totals
    assert "Mujer: 200" in totals and "Hombre: 100" in totals and "Total: 300" in totals


def test_a_blank_sheet_numbers_enough_lines_for_the_expected_audience(db, actors, tmp_path):
    from frontera_desk.reports.activity_sheets import write_attendance_sheet

    counts = {("F", "18-29"): 40, ("M", "30-59"): 32}  # 72 expected
    record = _big_workshop(db, actors, counts=counts)
    pages = _pages(write_attendance_sheet(record, "Oficina Tapachula", tmp_path / "b.pdf", False))
    assert len(pages) > 1
    line = re.compile(r"(?<![\d/])(\d{1,3})(?= )")  # a line's number, not a date's
    numbers = [int(n) for text in pages for n in line.findall(text.split("Firma", 1)[1])]
    lines = set(range(1, 73))
    assert lines <= set(numbers) and 73 not in numbers
    assert all(f"Página {n} de {len(pages)}" in text for n, text in enumerate(pages, 1))
    assert "Asistentes por sexo" not in " ".join(pages)


# --- a person's data (ARCO access) -----------------------------------------------------------


def _everything_about_rosa(db, actors):
    """A person with a record of every kind the office keeps."""
    from frontera_desk.domain.enums import AgreementKind, Audience
    from frontera_desk.services import agreements, people, supports
    from frontera_desk.services.agreements import AgreementInput, OrganizationInput
    from frontera_desk.services.people import DocumentInput, PersonInput
    from frontera_desk.services.supports import SupportInput

    worker, boss = actors[Role.CAPTURISTA], actors[Role.SUPERVISOR]
    with db.write() as session:
        rosa = people.create_person(session, worker, PersonInput(
            "Rosa María", "Núñez", "Cruz", Sex.FEMALE, date(1990, 5, 4), nationality="HN",
            phone="962 111 2222", lodging="Albergue Belén", household_size=3, dependents=2,
            notes="Viaja con sus dos hijos", consent=True,
            documents=[DocumentInput("pasaporte", "F123456", "Honduras")],
        ))  # fmt: skip
        people.create_person(session, worker, PersonInput(
            "Kevin", "Núñez", sex=Sex.MALE, estimated_age=9, nationality="HN",
            household_head_id=rosa.id, household_size=3,
        ))  # fmt: skip
        people.record_consent(session, worker, rosa.id, False, date(2026, 1, 5))
        medicines = next(t.id for t in supports.support_types(session)
                         if t.code == "MED_MEDICAMENTOS")  # fmt: skip
        given = supports.request_support(session, worker, SupportInput(
            rosa.id, medicines, "Antibiótico según receta", 123_450, "Farmacia del Ahorro",
        ))  # fmt: skip
        supports.approve_support(session, boss, given.id)
        evidence.receive_all(session, worker, given.id)  # the file of proof is complete
        supports.deliver_support(session, worker, given.id)
        supports.request_support(session, worker, SupportInput(
            rosa.id, medicines, "Analgésico", 35_000, "Farmacia Del Centro"))  # fmt: skip
        activities.save_activity(session, worker, ActivityInput(
            ActivityKind.WORKSHOP, "Derechos humanos de las personas migrantes",
            date(2026, 3, 2), hours=3, municipality="Tapachula", venue="Casa de la Cultura",
            audiences={Audience.MIGRANTS}, attendees=[AttendeeInput(person_id=rosa.id)],
        ))  # fmt: skip
        shelter = agreements.save_organization(session, boss, OrganizationInput(
            "asociacion_civil", "Albergue Belén, A.C.", "", "Tapachula", capacity=120))  # fmt: skip
        deal = agreements.save_agreement(session, boss, AgreementInput(
            "Alimentación en el Albergue Belén", AgreementKind.CONTRIBUTION, [shelter.id],
            signed_on=date(2026, 2, 1), valid_from=date(2026, 2, 1),
            valid_until=date(2026, 12, 31), committed_centavos=10_000_000,
        ))  # fmt: skip
        agreements.link_person(session, boss, deal.id, rosa.id)
        from frontera_desk.services import attachments

        attachments.attach(session, worker, attachments.Owner(attachments.OwnerType.PERSON,
                           rosa.id), "identificacion", "pasaporte-rosa.pdf",
                           b"%PDF-1.4\n%synthetic\n", "Pasaporte escaneado")  # fmt: skip
        attachments.attach(session, worker, attachments.Owner(attachments.OwnerType.SUPPORT,
                           given.id), "otro", "receta.pdf", b"%PDF-1.4\n%receta\n",
                           "Receta médica")  # fmt: skip
    return rosa


def test_a_persons_export_holds_every_record_in_the_pdf_and_the_json(db, actors, tmp_path):
    import json

    from frontera_desk.reports.person_export import write_person_pdf
    from frontera_desk.services import privacy

    rosa = _everything_about_rosa(db, actors)
    with db.write() as session:
        data = privacy.export_person(session, actors[Role.SUPERVISOR], rosa.id)
    portable = json.loads(json.dumps(data, ensure_ascii=False))  # JSON as the GUI writes it
    assert portable["documentos"][0]["numero"] == "F123456"
    assert portable["hogar"]["registrados_a_su_cargo"] == ["Kevin Núñez"]
    assert [c["respuesta"] for c in portable["consentimientos"]] == ["otorgado", "no otorgado"]
    delivered, asked = portable["apoyos"]
    assert delivered["importe_pesos"] == "1234.50" and "importe_centavos" not in delivered
    assert delivered["proveedor"] == "Farmacia del Ahorro"
    assert delivered["fecha_solicitud"] and delivered["fecha_autorizacion"]
    assert delivered["fecha_entrega"] and re.fullmatch(r"[A-Z]+-\d{4}-\d{6}", delivered["folio"])
    assert asked["fecha_autorizacion"] is None and asked["folio"] == ""
    assert portable["actividades"][0]["titulo"] == "Derechos humanos de las personas migrantes"
    assert portable["convenios"][0]["contrapartes"] == ["Albergue Belén, A.C."]
    assert portable["aviso_de_privacidad"]["version_sha256"]
    assert portable["acuse"]["atendio"] == actors[Role.SUPERVISOR].full_name
    assert portable["sin_registros"] is None
    assert sorted(f["nombre"] for f in portable["archivos"]) == ["pasaporte-rosa.pdf", "receta.pdf"]

    text = " ".join(_pages(write_person_pdf(data, tmp_path / "datos.pdf")))
    for expected in (
        "Rosa María Núñez Cruz", "04/05/1990", "Honduras", "962 111 2222", "Albergue Belén",
        "Viaja con sus dos hijos", "Pasaporte", "F123456",  # identification and documents
        "Kevin Núñez", "Integrantes del hogar",  # household
        "otorgado", "no otorgado", "05/01/2026",  # both consents, with their dates
        "Antibiótico según receta", "$1,234.50", "Farmacia del Ahorro", "Autorizado",
        delivered["folio"], "Entregado", "Analgésico", "$350.00", "Farmacia Del Centro",
        "Derechos humanos de las personas migrantes", "Casa de la Cultura",  # activity
        "Alimentación en el Albergue Belén", "Albergue Belén, A.C.",  # agreement
        "Archivos de su expediente", "pasaporte-rosa.pdf", "Pasaporte escaneado", "su ficha",
        "receta.pdf", "Receta médica", "un apoyo",
        "Aviso de privacidad", portable["aviso_de_privacidad"]["version_sha256"][:16],
        "rectificación", "cancelación", "oposición",
        "Acuse de recibo de la solicitud", actors[Role.SUPERVISOR].full_name,
        "Nombre y firma de quien atendió", "Firma o huella", "Página 1 de",
    ):  # fmt: skip
        assert expected in text, expected
    assert "123450" not in text  # pesos, never centavos
    assert "sin_registros" not in text and "ningún apoyo" not in text


def test_a_person_with_no_records_is_told_so_and_any_name_fits(db, actors, tmp_path):
    from frontera_desk.reports.person_export import write_person_pdf
    from frontera_desk.services import people, privacy
    from frontera_desk.services.people import PersonInput

    given = "Олександра Вікторівна " * 4  # Cyrillic, 88 characters
    surname = "Шевченко-Коваленко " * 5
    with db.write() as session:
        person = people.create_person(session, actors[Role.CAPTURISTA], PersonInput(
            given.strip(), surname.strip()[:94].strip(), "Бондаренко-Мельник", Sex.FEMALE,
            nationality="UA",
        ))  # fmt: skip
        data = privacy.export_person(session, actors[Role.SUPERVISOR], person.id)
    assert data["sin_registros"] and not data["apoyos"] and not data["consentimientos"]
    assert len(data["nombre_completo"]) >= 200
    pages = _pages(write_person_pdf(data, tmp_path / "nada.pdf"))
    text = " ".join(pages)
    assert "no tiene de usted más registros que sus datos de identificación" in text
    assert "Олександра Вікторівна" in text and "Шевченко-Коваленко" in text
    assert "No se registró su respuesta al aviso" in text
    assert text.count("Sin registros.") >= 3  # supports, activities, agreements


# --- budget and targets ------------------------------------------------------------------------


def test_the_budget_table_adds_up_to_the_years_spending_and_marks_overspending(
    db, actors, tmp_path
):
    from sqlalchemy import func, select

    from frontera_desk.db.models import Disbursement, Support
    from frontera_desk.domain.enums import BudgetCategory, SupportStatus
    from frontera_desk.reports.summary_pdf import write_summary_pdf
    from frontera_desk.services import months, plan, summary
    from frontera_desk.services.demo import create_demo

    today = date(2026, 11, 20)
    with db.write() as session:
        create_demo(session, actors[Role.CAPTURISTA], actors[Role.SUPERVISOR], persons=300,
                    months=12, seed=7, today=today)  # fmt: skip
        budget = dict(plan.get_plan(session, 2026).budget)
        budget[(BudgetCategory.SUPPORT_TYPE, "FUNERAL")] = 100  # $1.00: surely overspent
        del budget[(BudgetCategory.SUPPORT_TYPE, "AGUA")]  # spent, now with no budget line
        plan.set_plan(session, actors[Role.SUPERVISOR], plan.Plan(2026, budget, {}))
    with db.read() as session:
        rows = summary.year_budget(session, 2026)
        spent_supports = session.scalar(
            select(func.sum(Support.amount_centavos)).where(
                Support.status == SupportStatus.DELIVERED.value,
                Support.delivered_on >= date(2026, 1, 1), Support.delivered_on < date(2027, 1, 1),
            )
        )  # fmt: skip
        disbursed = session.scalar(
            select(func.sum(Disbursement.amount_centavos)).where(
                Disbursement.paid_on >= date(2026, 1, 1), Disbursement.paid_on < date(2027, 1, 1)
            )
        )  # fmt: skip
        document = months.month_document(session, "TAP", 2026, 11)
    assert sum(r.spent_centavos for r in rows) == spent_supports + disbursed > 0
    spent_types = {r.key for r in rows if r.category is BudgetCategory.SUPPORT_TYPE}
    assert "AGUA" in spent_types and "MED_CONSULTA" in spent_types  # no budget line, spent
    funeral = next(r for r in rows if r.key == "FUNERAL")
    assert funeral.overspent and not next(r for r in rows if r.key == "DESPENSA").overspent
    # up to November in the month's summary: its rows add up to the year-to-date investment
    lines = document["budget"]
    ytd = document["year_to_date"]["investment_centavos"]
    assert sum(b["spent_centavos"] for b in lines) == ytd

    text = " ".join(_pages(write_summary_pdf(document, tmp_path / "resumen.pdf")))
    budget_part = text.split("Presupuesto anual y ejercido en el año", 1)[1]
    budget_part = budget_part.split("Metas anuales", 1)[0]
    assert "Apoyo: Apoyo" not in budget_part and "Apoyo médico: medicamentos" in budget_part
    assert "Convenios, fuente: Recursos estatales" in budget_part
    total = sum(b["budget_centavos"] for b in lines)
    assert f"Total {'$'}{total // 100:,}.{total % 100:02d} {'$'}{ytd // 100:,}." in budget_part
    assert "Sobreejercido: Pago de servicios funerarios" in budget_part
    assert "Garrafones" not in budget_part and "(sin presupuesto asignado)" in budget_part


# --- small things that read badly ----------------------------------------------------------------


def test_documents_print_the_offices_local_time():
    from datetime import UTC, datetime

    from frontera_desk.domain.clock import on_paper
    from frontera_desk.reports.summary_tables import status_line

    assert on_paper(datetime(2026, 12, 1, 18, 5, tzinfo=UTC)) == "01/12/2026 12:05 h"
    assert on_paper("2026-07-01T03:30:00+00:00") == "30/06/2026 21:30 h"  # no summer time
    closed = {"estado": "cerrado", "revision": 2, "generated_at": "2026-12-01T18:05:00+00:00",
              "closed": {"at": "2026-12-01T18:05:00+00:00", "by": "Sofía"}}  # fmt: skip
    assert (
        status_line(closed) == "MES CERRADO — revisión 2, cerrado el 01/12/2026 12:05 h por Sofía"
    )


def test_the_summary_orders_nationalities_by_name_and_says_audiences_overlap(db, actors, tmp_path):
    from frontera_desk.reports.summary_pdf import write_summary_pdf
    from frontera_desk.reports.summary_tables import sections
    from frontera_desk.services import months
    from frontera_desk.services.demo import create_demo

    with db.write() as session:
        create_demo(session, actors[Role.CAPTURISTA], actors[Role.SUPERVISOR], persons=300,
                    months=3, seed=11, today=date(2026, 11, 20))  # fmt: skip
        document = months.month_document(session, "TAP", 2026, 11)
    document["people"]["by_nationality"] = {"HN": 9, "NI": 5, "SV": 7, "--": 6, "BD": 5}
    document["estado"] = "cerrado"  # no PRELIMINAR watermark across the text read back
    document["closed"] = {"at": "2026-12-01T18:05:00+00:00", "by": "Sofía"}
    table = {s.key: s for s in sections(document)}
    assert [row[0] for row in table["Nacionalidad"].rows] == [
        "Bangladés", "El Salvador", "Honduras", "Nicaragua", "No especificada"]  # fmt: skip
    assert "se traslapan" in table["Asistentes"].note
    text = " ".join(_pages(write_summary_pdf(document, tmp_path / "resumen.pdf")))
    assert text.index("El Salvador") < text.index("Nicaragua")
    assert "Los públicos se traslapan" in text and "Público: Personas migrantes" in text
    # the charts: money ticks in pesos, and no type name cut short
    assert "Importe en pesos ($):" in text and re.search(r"\$\d{1,3}(,\d{3})+ ", text)
    chart_names = text.split("Apoyos entregados por tipo", 1)[1].split("por sexo", 1)[0]
    assert chart_names.count("Compra o reparación de aparato electrodoméstico") >= 1
    assert chart_names.count("electrodoméstico") == 2  # in the table and, whole, in the chart
    assert "UTC" not in text


# --- demo data consistent with itself ---------------------------------------------------------


def test_the_demo_holds_together(db, actors):
    from collections import Counter

    from sqlalchemy import select

    from frontera_desk.db.models import Activity, Agreement, Attendee
    from frontera_desk.services import demo

    with db.write() as session:
        demo.create_demo(session, actors[Role.CAPTURISTA], actors[Role.SUPERVISOR], persons=300,
                         months=26, seed=3, today=date(2026, 11, 20))  # fmt: skip
    with db.read() as session:
        attendees = session.execute(select(Attendee.name, Attendee.sex)).all()
        events = session.execute(
            select(Activity.title, Activity.held_on).where(Activity.kind == "evento")
        ).all()
        deals = session.execute(select(Agreement.title, Agreement.municipality)).all()
    women, men = set(demo._HISPANIC_F), set(demo._HISPANIC_M)
    assert attendees and all(
        name.split()[0] in (women if sex == "F" else men) for name, sex in attendees
    )  # fmt: skip
    assert {sex for _, sex in attendees} == {"F", "M"}
    held = Counter((title, day.year, day.month) for title, day in events)
    assert held and max(held.values()) == 1  # no event twice in a month
    assert all(day.month == 12 for title, day in events if "Día Internacional" in title)
    assert len(deals) == len(demo._AGREEMENTS)  # signed once over 26 months, not every year
    assert {title for title, _ in deals} == {a[0] for a in demo._AGREEMENTS}
    arriaga = next(town for title, town in deals if "Arriaga" in title)
    assert arriaga == "Arriaga"
