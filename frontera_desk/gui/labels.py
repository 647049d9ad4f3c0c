"""Translated labels for the domain's vocabularies and number/date display in the GUI."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate

from frontera_desk.domain.countries import country_name
from frontera_desk.domain.enums import (
    ActionKind,
    ActivityKind,
    AgreementKind,
    AgreementStatus,
    Audience,
    DocumentType,
    OrganizationKind,
    Role,
    Sex,
    SupportStatus,
    Vulnerability,
)
from frontera_desk.domain.money import format_money


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


ROLE = {
    Role.CAPTURISTA: QT_TRANSLATE_NOOP("Labels", "Caseworker"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    Role.ADMINISTRADOR: QT_TRANSLATE_NOOP("Labels", "Administrator"),
}
SEX = {
    Sex.FEMALE: QT_TRANSLATE_NOOP("Labels", "Female"),
    Sex.MALE: QT_TRANSLATE_NOOP("Labels", "Male"),
    Sex.OTHER: QT_TRANSLATE_NOOP("Labels", "Other / not stated"),
}
DOCUMENT = {
    DocumentType.PASSPORT: QT_TRANSLATE_NOOP("Labels", "Passport"),
    DocumentType.CURP: QT_TRANSLATE_NOOP("Labels", "CURP (including temporary)"),
    DocumentType.TVRH: QT_TRANSLATE_NOOP("Labels", "Humanitarian visitor card (TVRH)"),
    DocumentType.COMAR: QT_TRANSLATE_NOOP("Labels", "COMAR record"),
    DocumentType.UNHCR: QT_TRANSLATE_NOOP("Labels", "UNHCR registration"),
    DocumentType.IOM: QT_TRANSLATE_NOOP("Labels", "IOM registration"),
    DocumentType.NATIONAL_ID: QT_TRANSLATE_NOOP("Labels", "National ID of country of origin"),
    DocumentType.OTHER: QT_TRANSLATE_NOOP("Labels", "Other document"),
    DocumentType.NONE: QT_TRANSLATE_NOOP("Labels", "No document"),
}
VULNERABILITY = {
    Vulnerability.UNACCOMPANIED_MINOR: QT_TRANSLATE_NOOP("Labels", "Unaccompanied minor"),
    Vulnerability.PREGNANT: QT_TRANSLATE_NOOP("Labels", "Pregnant"),
    Vulnerability.DISABILITY: QT_TRANSLATE_NOOP("Labels", "Disability"),
    Vulnerability.VIOLENCE_SURVIVOR: QT_TRANSLATE_NOOP("Labels", "Survivor of violence"),
    Vulnerability.TRAFFICKING: QT_TRANSLATE_NOOP("Labels", "Possible trafficking victim"),
    Vulnerability.ASYLUM: QT_TRANSLATE_NOOP("Labels", "Asylum seeker / refugee"),
}
STATUS = {
    SupportStatus.REQUESTED: QT_TRANSLATE_NOOP("Labels", "Requested"),
    SupportStatus.APPROVED: QT_TRANSLATE_NOOP("Labels", "Approved"),
    SupportStatus.DELIVERED: QT_TRANSLATE_NOOP("Labels", "Delivered"),
    SupportStatus.REJECTED: QT_TRANSLATE_NOOP("Labels", "Rejected"),
    SupportStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}
ORGANIZATION = {
    OrganizationKind.INTERNATIONAL: QT_TRANSLATE_NOOP("Labels", "International agency"),
    OrganizationKind.CIVIL: QT_TRANSLATE_NOOP("Labels", "Civil association / shelter"),
    OrganizationKind.GOVERNMENT: QT_TRANSLATE_NOOP("Labels", "Government body"),
    OrganizationKind.COMPANY: QT_TRANSLATE_NOOP("Labels", "Company"),
    OrganizationKind.FOUNDATION: QT_TRANSLATE_NOOP("Labels", "Foundation"),
    OrganizationKind.EMBASSY: QT_TRANSLATE_NOOP("Labels", "Embassy"),
    OrganizationKind.CONSULATE: QT_TRANSLATE_NOOP("Labels", "Consulate"),
    OrganizationKind.COOPERATION_AGENCY: QT_TRANSLATE_NOOP("Labels", "Cooperation agency"),
    OrganizationKind.MUNICIPALITY: QT_TRANSLATE_NOOP("Labels", "Municipal government"),
}
AGREEMENT_KIND = {
    AgreementKind.CONTRIBUTION: QT_TRANSLATE_NOOP(
        "Labels", "Collaboration and resource contribution"
    ),
    AgreementKind.DONATION: QT_TRANSLATE_NOOP("Labels", "Donation"),
    AgreementKind.COORDINATION: QT_TRANSLATE_NOOP("Labels", "Coordination"),
    AgreementKind.REMAINS: QT_TRANSLATE_NOOP("Labels", "Transfer of remains"),
    AgreementKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other agreement"),
}
AGREEMENT_STATUS = {
    AgreementStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    AgreementStatus.SIGNED: QT_TRANSLATE_NOOP("Labels", "Signed"),
    AgreementStatus.IN_FORCE: QT_TRANSLATE_NOOP("Labels", "In force"),
    AgreementStatus.CONCLUDED: QT_TRANSLATE_NOOP("Labels", "Concluded"),
    AgreementStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled agreement"),
}
ACTIVITY = {
    ActivityKind.WORKSHOP: QT_TRANSLATE_NOOP("Labels", "Workshop"),
    ActivityKind.COURSE: QT_TRANSLATE_NOOP("Labels", "Training course"),
    ActivityKind.EVENT: QT_TRANSLATE_NOOP("Labels", "Outreach event"),
}
ACTION = {
    ActionKind.DIAGNOSTIC: QT_TRANSLATE_NOOP("Labels", "Diagnostic study"),
    ActionKind.MATERIAL: QT_TRANSLATE_NOOP("Labels", "Promotional material"),
    ActionKind.LIAISON: QT_TRANSLATE_NOOP("Labels", "Liaison with an agency or mission"),
    ActionKind.APPROACH: QT_TRANSLATE_NOOP("Labels", "Approach to an embassy or consulate"),
    ActionKind.SPECIAL_GUEST: QT_TRANSLATE_NOOP("Labels", "Attention to special guests"),
    ActionKind.LIAISON_MEETING: QT_TRANSLATE_NOOP("Labels", "Liaison meeting"),
    ActionKind.FOLLOW_UP_MEETING: QT_TRANSLATE_NOOP("Labels", "Project follow-up meeting"),
    ActionKind.FUNDING: QT_TRANSLATE_NOOP("Labels", "Project funding request"),
    ActionKind.MUNICIPAL_MECHANISM: QT_TRANSLATE_NOOP("Labels", "Municipal mechanism installed"),
    ActionKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other action"),
}
AUDIENCE = {
    Audience.OFFICIALS: QT_TRANSLATE_NOOP("Labels", "Public officials"),
    Audience.POLICE: QT_TRANSLATE_NOOP("Labels", "Municipal police"),
    Audience.CIVIL_SOCIETY: QT_TRANSLATE_NOOP("Labels", "Civil society"),
    Audience.MIGRANTS: QT_TRANSLATE_NOOP("Labels", "Migrants"),
    Audience.LIAISONS: QT_TRANSLATE_NOOP("Labels", "Municipal liaisons"),
}
# English names of the seeded catalog; Spanish comes from the database (it prints on receipts).
SUPPORT_TYPE_EN = {
    "FUNERAL": "Funeral services",
    "MED_PROTESIS": "Medical: prosthesis",
    "MED_ESTUDIOS": "Medical: radiology or ultrasound",
    "MED_MEDICAMENTOS": "Medical: medicines",
    "MED_CONSULTA": "Medical: consultation",
    "DESPENSA": "Food supplies",
    "AGUA": "Bottled water",
    "ELECTRODOMESTICO": "Appliance purchase or repair",
    "EQUIPO_COMPUTO": "Computer equipment repair",
    "TRANSPORTE": "Transport",
    "HOSPEDAJE": "Lodging",
    "OTRO": "Other support",
}


def role(value: Role | str) -> str:
    return _t(ROLE[Role(value)])


def organization(value: OrganizationKind | str) -> str:
    return _t(ORGANIZATION[OrganizationKind(value)])


def agreement_kind(value: AgreementKind | str) -> str:
    return _t(AGREEMENT_KIND[AgreementKind(value)])


def agreement_status(value: AgreementStatus | str) -> str:
    return _t(AGREEMENT_STATUS[AgreementStatus(value)])


def activity(value: ActivityKind | str) -> str:
    return _t(ACTIVITY[ActivityKind(value)])


def action(value: ActionKind | str) -> str:
    return _t(ACTION[ActionKind(value)])


def audience(value: Audience | str) -> str:
    return _t(AUDIENCE[Audience(value)])


def sex(value: Sex | str) -> str:
    return _t(SEX[Sex(value)])


def document(value: DocumentType | str) -> str:
    return _t(DOCUMENT[DocumentType(value)])


def first_document(doc_type: DocumentType | None, number: str) -> str:
    return f"{document(doc_type)} {number}".strip() if doc_type else ""


def vulnerability(value: Vulnerability) -> str:
    return _t(VULNERABILITY[value])


def status(value: SupportStatus) -> str:
    return _t(STATUS[value])


def support_type(code: str, stored_name: str, language: str) -> str:
    return SUPPORT_TYPE_EN.get(code, stored_name) if language == "en" else stored_name


def country(code: str | None, language: str) -> str:
    return country_name(code, language) if code else QCoreApplication.translate("Labels", "Unknown")


def money(centavos: int) -> str:
    return format_money(centavos)


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def detail_table(rows: list[tuple[str, str]], columns: int = 1) -> str:
    """Label/value pairs as an HTML table, split into side-by-side ``columns``.

    Values must already be escaped (they may carry markup such as <b>).
    """
    per_column = -(-len(rows) // columns)
    parts = []
    for start in range(0, len(rows), per_column):
        cells = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{k}</td><td>{v}</td></tr>"
            for k, v in rows[start : start + per_column]
        )
        parts.append(f"<td valign='top' style='padding-right:24px'><table>{cells}</table></td>")
    return f"<table><tr>{''.join(parts)}</tr></table>"
