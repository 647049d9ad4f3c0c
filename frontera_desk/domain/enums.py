"""Closed vocabularies of the domain. Values are stored in the database; never rename one."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CAPTURISTA = "capturista"
    SUPERVISOR = "supervisor"
    ADMINISTRADOR = "administrador"
    SYSTEM = "sistema"  # the built-in user acting until sign-in exists


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"
    OTHER = "X"  # other or not stated


class DocumentType(StrEnum):
    PASSPORT = "pasaporte"
    CURP = "curp"  # including temporary CURP
    TVRH = "tvrh"  # Tarjeta de Visitante por Razones Humanitarias
    COMAR = "comar"
    UNHCR = "acnur"
    IOM = "oim"
    NATIONAL_ID = "id_nacional"
    OTHER = "otro"
    NONE = "ninguno"


class Vulnerability(StrEnum):
    UNACCOMPANIED_MINOR = "menor_no_acompanado"
    PREGNANT = "embarazo"
    DISABILITY = "discapacidad"
    VIOLENCE_SURVIVOR = "sobreviviente_violencia"
    TRAFFICKING = "posible_trata"
    ASYLUM = "solicitante_refugio"


class SupportStatus(StrEnum):
    REQUESTED = "solicitado"
    APPROVED = "autorizado"
    DELIVERED = "entregado"
    REJECTED = "rechazado"
    CANCELLED = "cancelado"


class LimitScope(StrEnum):
    PERSON = "persona"
    HOUSEHOLD = "hogar"


class LimitPeriod(StrEnum):
    MONTH = "mes"
    YEAR = "anio"


# Spanish labels used in messages and anywhere below the GUI (the GUI translates its own).
SEX_ES = {Sex.FEMALE: "Mujer", Sex.MALE: "Hombre", Sex.OTHER: "Otro / no especificado"}
DOCUMENT_ES = {
    DocumentType.PASSPORT: "Pasaporte",
    DocumentType.CURP: "CURP (incluida la temporal)",
    DocumentType.TVRH: "Tarjeta de Visitante por Razones Humanitarias",
    DocumentType.COMAR: "Constancia de la COMAR",
    DocumentType.UNHCR: "Registro de ACNUR",
    DocumentType.IOM: "Registro de OIM",
    DocumentType.NATIONAL_ID: "Identificación nacional del país de origen",
    DocumentType.OTHER: "Otro documento",
    DocumentType.NONE: "Sin documento",
}
VULNERABILITY_ES = {
    Vulnerability.UNACCOMPANIED_MINOR: "Niña, niño o adolescente no acompañado",
    Vulnerability.PREGNANT: "Embarazo",
    Vulnerability.DISABILITY: "Discapacidad",
    Vulnerability.VIOLENCE_SURVIVOR: "Sobreviviente de violencia",
    Vulnerability.TRAFFICKING: "Posible víctima de trata",
    Vulnerability.ASYLUM: "Solicitante de refugio / refugiada",
}
STATUS_ES = {
    SupportStatus.REQUESTED: "Solicitado",
    SupportStatus.APPROVED: "Autorizado",
    SupportStatus.DELIVERED: "Entregado",
    SupportStatus.REJECTED: "Rechazado",
    SupportStatus.CANCELLED: "Cancelado",
}


class OrganizationKind(StrEnum):
    INTERNATIONAL = "agencia_internacional"
    CIVIL = "asociacion_civil"  # including shelters
    GOVERNMENT = "gobierno"
    COMPANY = "empresa"
    FOUNDATION = "fundacion"
    EMBASSY = "embajada"
    CONSULATE = "consulado"
    COOPERATION_AGENCY = "agencia_cooperacion"  # AMEXCID, JICA, AECID…
    MUNICIPALITY = "municipio"  # a municipal government


class AgreementKind(StrEnum):
    CONTRIBUTION = "colaboracion_aportacion"
    DONATION = "donacion"
    COORDINATION = "coordinacion"
    REMAINS = "traslado_restos"
    OTHER = "otro"


class AgreementStatus(StrEnum):
    DRAFT = "borrador"
    SIGNED = "firmado"
    IN_FORCE = "vigente"
    CONCLUDED = "concluido"
    CANCELLED = "cancelado"


class ActivityKind(StrEnum):
    WORKSHOP = "taller"
    COURSE = "curso"
    EVENT = "evento"


class ActionKind(StrEnum):
    """The liaison and outreach actions the state's report counts apart from activities."""

    DIAGNOSTIC = "diagnostico"  # a study, with its title
    MATERIAL = "material_difusion"  # trípticos, lonas, carteles, banners: with a quantity
    LIAISON = "enlace"  # with cooperation agencies or diplomatic missions
    APPROACH = "acercamiento"  # with embassies, consulates, international organizations
    SPECIAL_GUEST = "invitado_especial"  # attention to a special guest or diplomat
    LIAISON_MEETING = "reunion_vinculacion"
    FOLLOW_UP_MEETING = "reunion_seguimiento"  # follow-up of cooperation projects
    FUNDING = "gestion_financiamiento"  # a funding request for a project
    MUNICIPAL_MECHANISM = "mecanismo_municipal"  # installed in a municipality
    OTHER = "otra"


class Audience(StrEnum):
    OFFICIALS = "funcionarios"
    POLICE = "policia_municipal"
    CIVIL_SOCIETY = "sociedad_civil"
    MIGRANTS = "migrantes"
    LIAISONS = "enlaces_municipales"


AGE_BANDS = ("0-11", "12-17", "18-29", "30-59", "60+")
ORGANIZATION_ES = {
    OrganizationKind.INTERNATIONAL: "Organismo internacional",
    OrganizationKind.CIVIL: "Asociación civil / albergue",
    OrganizationKind.GOVERNMENT: "Dependencia de gobierno",
    OrganizationKind.COMPANY: "Empresa",
    OrganizationKind.FOUNDATION: "Fundación",
    OrganizationKind.EMBASSY: "Embajada",
    OrganizationKind.CONSULATE: "Consulado",
    OrganizationKind.COOPERATION_AGENCY: "Agencia de cooperación",
    OrganizationKind.MUNICIPALITY: "Ayuntamiento / gobierno municipal",
}
ACTION_ES = {
    ActionKind.DIAGNOSTIC: "Diagnóstico",
    ActionKind.MATERIAL: "Material de difusión",
    ActionKind.LIAISON: "Enlace con agencia o representación diplomática",
    ActionKind.APPROACH: "Acercamiento con embajada, consulado u organismo",
    ActionKind.SPECIAL_GUEST: "Atención a invitados especiales",
    ActionKind.LIAISON_MEETING: "Reunión de vinculación",
    ActionKind.FOLLOW_UP_MEETING: "Reunión de seguimiento de proyectos",
    ActionKind.FUNDING: "Gestión de financiamiento de proyectos",
    ActionKind.MUNICIPAL_MECHANISM: "Mecanismo municipal instalado",
    ActionKind.OTHER: "Otra acción",
}
AGREEMENT_KIND_ES = {
    AgreementKind.CONTRIBUTION: "Colaboración y aportación de recursos",
    AgreementKind.DONATION: "Donación",
    AgreementKind.COORDINATION: "Coordinación",
    AgreementKind.REMAINS: "Traslado de restos",
    AgreementKind.OTHER: "Otro",
}
AGREEMENT_STATUS_ES = {
    AgreementStatus.DRAFT: "Borrador",
    AgreementStatus.SIGNED: "Firmado",
    AgreementStatus.IN_FORCE: "Vigente",
    AgreementStatus.CONCLUDED: "Concluido",
    AgreementStatus.CANCELLED: "Cancelado",
}
ACTIVITY_ES = {ActivityKind.WORKSHOP: "taller", ActivityKind.COURSE: "curso",
               ActivityKind.EVENT: "evento"}  # fmt: skip
AUDIENCE_ES = {
    Audience.OFFICIALS: "Servidores públicos",
    Audience.POLICE: "Policía municipal",
    Audience.CIVIL_SOCIETY: "Sociedad civil",
    Audience.MIGRANTS: "Personas migrantes",
    Audience.LIAISONS: "Enlaces municipales",
}


class BudgetCategory(StrEnum):
    SUPPORT_TYPE = "tipo_apoyo"  # supports delivered, by type
    FUNDING_SOURCE = "fuente"  # disbursements of agreements, by their funding source


class Indicator(StrEnum):
    """What the annual targets (metas) of the state report are set on."""

    SUPPORTS = "apoyos"
    PEOPLE = "personas"
    AMOUNT = "monto"  # centavos
    AGREEMENTS = "convenios"
    WORKSHOPS = "talleres"
    COURSES = "cursos"
    EVENTS = "eventos"
    ATTENDEES = "asistentes"


INDICATOR_ES = {
    Indicator.SUPPORTS: "Apoyos otorgados",
    Indicator.PEOPLE: "Personas migrantes beneficiadas",
    Indicator.AMOUNT: "Monto invertido en apoyos",
    Indicator.AGREEMENTS: "Convenios firmados",
    Indicator.WORKSHOPS: "Talleres impartidos",
    Indicator.COURSES: "Cursos de capacitación",
    Indicator.EVENTS: "Eventos de difusión",
    Indicator.ATTENDEES: "Asistentes a talleres, cursos y eventos",
}
