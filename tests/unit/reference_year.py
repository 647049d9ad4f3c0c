"""The reference year: an office whose records match the program line "Coordinación, promoción y
seguimiento para la protección a migrantes" of the state's annual report
(shared/reference/annual-report-page.txt), so that its year report must say what the page says.

It doubles as documentation of what the year report needs from the records:

- 16 supports of the concepts the page lists (the concept is the support's description);
- six outreach events with the page's titles, in Tapachula and Tuxtla Gutiérrez;
- six agreements of collaboration and contribution of resources with the page's counterparts;
- ten workshops on migration topics (the seven the page names, and three more) for officials,
  municipal police and civil society, in Tuxtla Gutiérrez and Tapachula;
- 500 foreign migrants benefited: the 16 people with a support and 484 named as beneficiaries of
  the agreements (and 12 Mexicans, counted apart);
- 12.3 million pesos invested: $108,500.00 in supports plus $12,191,500.00 disbursed;
- and, counted apart from the events, the page's 12 diagnostics (studies with their titles) and
  12 promotional materials (trípticos, lonas, carteles, banners).

Every month of the year is closed, so the report is built from the snapshots.
"""

from __future__ import annotations

from datetime import date, timedelta

from frontera_desk.domain.enums import Audience, Role, Sex
from frontera_desk.services import (
    actions,
    activities,
    agreements,
    evidence,
    months,
    people,
    supports,
)
from frontera_desk.services.actions import ActionInput
from frontera_desk.services.activities import ActivityInput
from frontera_desk.services.agreements import AgreementInput, DisbursementInput, OrganizationInput
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput

YEAR = date.today().year - 1

SUPPORTS = [  # (type code, concept, pesos, month)
    ("MED_PROTESIS", "Compra de una prótesis ocular", 18_000, 2),
    ("FUNERAL", "Pago de servicios funerarios", 25_000, 3),
    ("FUNERAL", "Pago de servicios funerarios", 25_000, 7),
    ("ELECTRODOMESTICO", "Pago de adquisición y/o reparación de aparato electrodoméstico",
     8_000, 4),
    ("ELECTRODOMESTICO", "Pago de adquisición y/o reparación de aparato electrodoméstico",
     8_000, 9),
    ("EQUIPO_COMPUTO", "Reparación de equipo informático", 5_500, 5),
    ("MED_ESTUDIOS", "Pago de estudio radiológico y ultrasonido", 5_000, 6),
    ("MED_ESTUDIOS", "Pago de estudio radiológico y ultrasonido", 5_000, 10),
    *[("DESPENSA", "Adquisición de despensas para dar alimentos a personas migrantes", 1_500, m)
      for m in (1, 3, 5, 8, 11)],
    *[("AGUA", "Adquisición de agua embotellada", 500, m) for m in (4, 8, 12)],
]  # fmt: skip

EVENTS = [  # (title, municipality, month)
    (f"Feria Internacional Tapachula {YEAR}", "Tapachula", 3),
    ("Tercer Congreso de Género y Migración", "Tuxtla Gutiérrez", 4),
    ("Día del Niño", "Tapachula", 4),
    ("Festival Internacional de la Frontera Sur, Cruzando Fronteras, a través de la Cultura",
     "Tapachula", 10),
    ("Foro de Seguridad Humana y Migrantes en Tránsito: Avances y Retos en un México Global",
     "Tuxtla Gutiérrez", 11),
    ("Día Internacional del Migrante", "Tapachula", 12),
]  # fmt: skip

AGREEMENTS = [  # (counterpart, acronym, kind of organization, municipality, pesos disbursed,
    #              people named as beneficiaries, of whom Mexican)
    ("Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados", "ACNUR",
     "agencia_internacional", "Tapachula", 4_000_000, 300, 0),
    ("Organización Internacional para las Migraciones", "OIM", "agencia_internacional",
     "Tapachula", 3_000_000, 100, 0),
    ("Asociación Civil Por la Superación de la Mujer", "", "asociacion_civil", "Tapachula",
     1_500_000, 0, 12),
    ("Jesús el Buen Pastor del Pobre y del Migrante, A.C.", "", "asociacion_civil", "Tapachula",
     1_500_000, 40, 0),
    ("Casa del Migrante Scalabrini, A.C.", "", "asociacion_civil", "Tapachula", 1_191_500, 30, 0),
    ("Nadie es Extranjero, A.C.", "", "asociacion_civil", "Arriaga", 1_000_000, 14, 0),
]  # fmt: skip
PURPOSE = ("Otorgar recursos para la compra de despensas y muebles de cocina para alimentar a "
           "familias solicitantes de refugio y otras ayudas")  # fmt: skip

WORKSHOPS = [  # (title, municipality, month)
    ("Ley General en Materia de Trata de Personas en México y sus Implicaciones en las "
     "entidades federativas", "Tuxtla Gutiérrez", 2),
    ("La Protección Internacional, la Importancia de Derecho a Solicitar Asilo", "Tapachula", 3),
    ("Derechos Humanos de los Migrantes y Competencia de la CNDH", "Tapachula", 5),
    ("Servicios, Programas y Actividades de la Secretaría del Trabajo y Previsión Social",
     "Tapachula", 6),
    ("Los Trabajadores Temporales Transfronterizos en el Desarrollo Económico de la Región del "
     "Soconusco", "Tapachula", 6),
    ("Actualización de la Nueva Ley de Migración", "Tuxtla Gutiérrez", 8),
    ("Derechos Humanos", "Tapachula", 9),
    ("Prevención de la Trata de Personas", "Tapachula", 9),
    ("Atención a Niñas, Niños y Adolescentes Migrantes", "Tuxtla Gutiérrez", 10),
    ("Primeros Auxilios Psicológicos", "Tapachula", 11),
]  # fmt: skip

DIAGNOSTICS = [
    f"Estadísticas del Mes de Enero {YEAR} del Flujo Migratorio en la Frontera Sur de México",
    "Racismo Cultural y Representaciones de Inmigrantes Centroamericanas en Chiapas",
    "Migraciones Femeninas",
    "Situación de las y los Trabajadores del Hogar en la ciudad de Tapachula de Córdova y Ordoñez",
    "La Trata de Personas en México: Diagnóstico Sobre la Asistencia a Víctimas",
    "Mujeres y Migración en la Frontera Sur de México",
    "Los Distintos Esfuerzos para Cuantificar la Migración Mexicana y su Permanencia en Estados "
    "Unidos",
    "Las Que se Van, las Que se Quedan",
    "Reacciones Frente al Cambio Climático",
    "Redes Visibles e Invisibles en el Tráfico y la Trata de Personas en Chiapas",
    "Flujo Migratorio Regular en el Estado de Chiapas",
    "Diagnóstico de las Condiciones de Vulnerabilidad que Propicia la Trata de Personas en México",
]
MATERIALS = ["Tríptico", "Díptico", "Pendón", "Lona", "Carteles", "Banners"] * 2  # 12 of them

FOREIGN = ("GT", "HN", "SV", "HT", "CU", "VE", "NI")
INVESTED_CENTAVOS = 12_300_000_00


def build_reference_year(db, actors) -> None:
    ana, boss = actors[Role.CAPTURISTA], actors[Role.SUPERVISOR]
    today = date.today()

    def day(month: int, dom: int = 10) -> date:
        return date(YEAR, month, dom)

    with db.write() as session:

        def person(n: int, nationality: str) -> int:
            return people.create_person(session, ana, PersonInput(
                "Persona", "Prueba " + "".join(chr(97 + int(d)) for d in str(n)),  # letters
                sex=(Sex.FEMALE, Sex.MALE)[n % 2],
                birth_date=date(YEAR - 20 - n % 40, 1 + n % 12, 1), nationality=nationality,
            )).id  # fmt: skip

        foreign = iter(person(n, FOREIGN[n % len(FOREIGN)]) for n in range(500))
        types = {t.code: t.id for t in supports.support_types(session)}
        for code, concept, pesos, month in SUPPORTS:
            on = day(month)
            s = supports.request_support(
                session, ana, SupportInput(next(foreign), types[code], concept, pesos * 100, "",
                                           on), today=on)  # fmt: skip
            supports.approve_support(session, boss, s.id, on=on, today=on)
            evidence.receive_all(session, ana, s.id)  # the file of proof is complete
            supports.deliver_support(session, ana, s.id, on=on, today=today)
        for title, municipality, month in EVENTS:
            activities.save_activity(session, ana, ActivityInput(
                "evento", title, day(month), municipality=municipality,
                audiences={Audience.MIGRANTS, Audience.CIVIL_SOCIETY},
                counts={("F", "18-29"): 20, ("M", "30-59"): 15},
            ))  # fmt: skip
        mexican = iter(person(1000 + n, "MX") for n in range(12))
        for n, (name, acronym, kind, municipality, pesos, named, mexicans) in enumerate(AGREEMENTS):
            org = agreements.save_organization(
                session, boss, OrganizationInput(kind, name, acronym, municipality)
            )
            signed = day(1 + n, 15)
            deal = agreements.save_agreement(session, boss, AgreementInput(
                f"Convenio de colaboración y aportación de recursos {n + 1}/{YEAR}",
                "colaboracion_aportacion", [org.id], purpose=PURPOSE, signed_on=signed,
                valid_from=signed, valid_until=date(YEAR, 12, 31),
                committed_centavos=pesos * 100, funding_source="Recursos estatales",
                municipality=municipality,
            ))  # fmt: skip
            agreements.change_status(session, boss, deal.id, agreements.AgreementStatus.SIGNED)
            agreements.change_status(session, boss, deal.id, agreements.AgreementStatus.IN_FORCE)
            agreements.add_disbursement(session, boss, deal.id, DisbursementInput(
                signed + timedelta(days=5), pesos * 100, "Aportación de recursos"))  # fmt: skip
            for _ in range(named):
                agreements.link_person(session, boss, deal.id, next(foreign))
            for _ in range(mexicans):
                agreements.link_person(session, boss, deal.id, next(mexican))
        for title, municipality, month in WORKSHOPS:
            activities.save_activity(session, ana, ActivityInput(
                "taller", title, day(month, 20), municipality=municipality,
                audiences={Audience.OFFICIALS, Audience.POLICE, Audience.CIVIL_SOCIETY},
                counts={("F", "30-59"): 12, ("M", "30-59"): 13},
            ))  # fmt: skip
        for n, title in enumerate(DIAGNOSTICS):
            actions.save_action(
                session,
                boss,
                ActionInput("diagnostico", title, day(1 + n, 25), municipality="Tapachula"),
            )
        for n, title in enumerate(MATERIALS):
            actions.save_action(session, boss, ActionInput(
                "material_difusion", f"{title} sobre trata de personas", day(1 + n, 26),
                quantity=100))  # fmt: skip
    with db.write() as session:
        for month in range(1, 13):
            months.close_month(session, boss, YEAR, month)
