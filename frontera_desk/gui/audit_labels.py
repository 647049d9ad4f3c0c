"""The audit log as an auditor reads it: actions, records and fields named in words, values
shown as the rest of the program shows them (money, dates, yes/no, catalog labels).

The log stores short Spanish codes (``emitir_recibo``, ``birth_date``); a code that has no
label here (a newer feature's) is still shown readably, its underscores turned to spaces."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from frontera_desk.domain.enums import Role, Sex, SupportStatus
from frontera_desk.gui import labels


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


ACTION = {
    "acceso_fallido": QT_TRANSLATE_NOOP("AuditLabels", "Failed sign-in"),
    "adjuntar": QT_TRANSLATE_NOOP("AuditLabels", "File attached"),
    "anonimizar": QT_TRANSLATE_NOOP("AuditLabels", "Anonymized"),
    "autorizar": QT_TRANSLATE_NOOP("AuditLabels", "Support authorized"),
    "cambiar_contrasena": QT_TRANSLATE_NOOP("AuditLabels", "Password changed"),
    "cambiar_cargo": QT_TRANSLATE_NOOP("AuditLabels", "Job title changed"),
    "cambiar_llave": QT_TRANSLATE_NOOP("AuditLabels", "Database key changed"),
    "cancelar": QT_TRANSLATE_NOOP("AuditLabels", "Support cancelled"),
    "cancelar_constancia": QT_TRANSLATE_NOOP("AuditLabels", "Certificate voided"),
    "cancelar_recibo": QT_TRANSLATE_NOOP("AuditLabels", "Receipt voided"),
    "cerrar_mes": QT_TRANSLATE_NOOP("AuditLabels", "Month closed"),
    "configurar": QT_TRANSLATE_NOOP("AuditLabels", "Settings changed"),
    "consentimiento": QT_TRANSLATE_NOOP("AuditLabels", "Consent recorded"),
    "crear": QT_TRANSLATE_NOOP("AuditLabels", "Created"),
    "crear_demo": QT_TRANSLATE_NOOP("AuditLabels", "Demonstration data created"),
    "crear_llave_de_oficina": QT_TRANSLATE_NOOP("AuditLabels", "Office key created"),
    "denegado": QT_TRANSLATE_NOOP("AuditLabels", "Action refused (no permission)"),
    "desactivar": QT_TRANSLATE_NOOP("AuditLabels", "Account disabled"),
    "emitir_constancia": QT_TRANSLATE_NOOP("AuditLabels", "Certificate issued"),
    "emitir_recibo": QT_TRANSLATE_NOOP("AuditLabels", "Receipt issued"),
    "entregar": QT_TRANSLATE_NOOP("AuditLabels", "Support delivered"),
    "exportar": QT_TRANSLATE_NOOP("AuditLabels", "Personal data exported"),
    "exportar_paquete": QT_TRANSLATE_NOOP("AuditLabels", "Monthly package exported"),
    "fijar_plan": QT_TRANSLATE_NOOP("AuditLabels", "Budget and targets set"),
    "guardar": QT_TRANSLATE_NOOP("AuditLabels", "Saved"),
    "importar_paquete": QT_TRANSLATE_NOOP("AuditLabels", "Package received"),
    "imprimir_constancia": QT_TRANSLATE_NOOP("AuditLabels", "Certificate printed"),
    "imprimir_recibo": QT_TRANSLATE_NOOP("AuditLabels", "Receipt printed"),
    "iniciar_sesion": QT_TRANSLATE_NOOP("AuditLabels", "Signed in"),
    "inscribir_oficina": QT_TRANSLATE_NOOP("AuditLabels", "Office enrolled"),
    "llave_de_oficina_distinta": QT_TRANSLATE_NOOP("AuditLabels", "Office key mismatch"),
    "llaves_alteradas": QT_TRANSLATE_NOOP("AuditLabels", "Key file altered"),
    "ministrar": QT_TRANSLATE_NOOP("AuditLabels", "Disbursement recorded"),
    "modificar": QT_TRANSLATE_NOOP("AuditLabels", "Modified"),
    "mudar_a_servidor": QT_TRANSLATE_NOOP("AuditLabels", "Moved to a server"),
    "reabrir_mes": QT_TRANSLATE_NOOP("AuditLabels", "Month reopened"),
    "rechazar": QT_TRANSLATE_NOOP("AuditLabels", "Support rejected"),
    "recuperar_acceso": QT_TRANSLATE_NOOP("AuditLabels", "Access recovered"),
    "reimprimir_constancia": QT_TRANSLATE_NOOP("AuditLabels", "Certificate reprinted"),
    "reimprimir_recibo": QT_TRANSLATE_NOOP("AuditLabels", "Receipt reprinted"),
    "reinscribir_oficina": QT_TRANSLATE_NOOP("AuditLabels", "Office enrolled again"),
    "restablecer_contrasena": QT_TRANSLATE_NOOP("AuditLabels", "Password reset"),
    "restaurar_respaldo": QT_TRANSLATE_NOOP("AuditLabels", "Backup restored"),
    "solicitar": QT_TRANSLATE_NOOP("AuditLabels", "Support requested"),
}
ENTITY = {
    "apoyo": QT_TRANSLATE_NOOP("AuditLabels", "Support"),
    "archivo_de_llaves": QT_TRANSLATE_NOOP("AuditLabels", "Key file"),
    "base_de_datos": QT_TRANSLATE_NOOP("AuditLabels", "Database"),
    "constancia": QT_TRANSLATE_NOOP("AuditLabels", "Certificate"),
    "actividad": QT_TRANSLATE_NOOP("AuditLabels", "Activity"),
    "convenio": QT_TRANSLATE_NOOP("AuditLabels", "Agreement"),
    "mes": QT_TRANSLATE_NOOP("AuditLabels", "Month"),
    "oficina": QT_TRANSLATE_NOOP("AuditLabels", "Office"),
    "organizacion": QT_TRANSLATE_NOOP("AuditLabels", "Organization"),
    "paquete": QT_TRANSLATE_NOOP("AuditLabels", "Package"),
    "permiso": QT_TRANSLATE_NOOP("AuditLabels", "Permission"),
    "persona": QT_TRANSLATE_NOOP("AuditLabels", "Person"),
    "programas": QT_TRANSLATE_NOOP("AuditLabels", "Programs and budget lines"),
    "recibo": QT_TRANSLATE_NOOP("AuditLabels", "Receipt"),
    "respaldo": QT_TRANSLATE_NOOP("AuditLabels", "Backup"),
    "usuario": QT_TRANSLATE_NOOP("AuditLabels", "User account"),
}
FIELD = {
    "accion": QT_TRANSLATE_NOOP("AuditLabels", "action"),
    "actividad": QT_TRANSLATE_NOOP("AuditLabels", "activity"),
    "birth_date": QT_TRANSLATE_NOOP("AuditLabels", "birth date"),
    "birth_date_estimated": QT_TRANSLATE_NOOP("AuditLabels", "birth date estimated"),
    "cargo": QT_TRANSLATE_NOOP("AuditLabels", "job title"),
    "dependents": QT_TRANSLATE_NOOP("AuditLabels", "dependents"),
    "documents": QT_TRANSLATE_NOOP("AuditLabels", "documents"),
    "estado": QT_TRANSLATE_NOOP("AuditLabels", "status"),
    "first_surname": QT_TRANSLATE_NOOP("AuditLabels", "first surname"),
    "folio": QT_TRANSLATE_NOOP("AuditLabels", "folio"),
    "given_names": QT_TRANSLATE_NOOP("AuditLabels", "given names"),
    "household_head_id": QT_TRANSLATE_NOOP("AuditLabels", "household head"),
    "household_size": QT_TRANSLATE_NOOP("AuditLabels", "household size"),
    "importe": QT_TRANSLATE_NOOP("AuditLabels", "amount"),
    "impresion": QT_TRANSLATE_NOOP("AuditLabels", "print no."),
    "intento": QT_TRANSLATE_NOOP("AuditLabels", "attempt"),
    "lodging": QT_TRANSLATE_NOOP("AuditLabels", "lodging"),
    "motivo": QT_TRANSLATE_NOOP("AuditLabels", "reason"),
    "nationality": QT_TRANSLATE_NOOP("AuditLabels", "nationality"),
    "nombre": QT_TRANSLATE_NOOP("AuditLabels", "name"),
    "notes": QT_TRANSLATE_NOOP("AuditLabels", "notes"),
    "pantalla_de_bloqueo": QT_TRANSLATE_NOOP("AuditLabels", "at the lock screen"),
    "phone": QT_TRANSLATE_NOOP("AuditLabels", "phone"),
    "rechazado_por_bloqueo": QT_TRANSLATE_NOOP("AuditLabels", "refused by the lock-out"),
    "rol": QT_TRANSLATE_NOOP("AuditLabels", "role"),
    "second_surname": QT_TRANSLATE_NOOP("AuditLabels", "second surname"),
    "sex": QT_TRANSLATE_NOOP("AuditLabels", "sex"),
    "usuario": QT_TRANSLATE_NOOP("AuditLabels", "user name"),
    "vulnerabilities": QT_TRANSLATE_NOOP("AuditLabels", "vulnerabilities"),
}
MONEY_FIELDS = {"importe", "amount", "monto", "amount_centavos"}


def _code(code: str) -> str:
    return code.replace("_", " ")


def action(code: str) -> str:
    return _t(ACTION[code]) if code in ACTION else _code(code).capitalize()


def entity(code: str) -> str:
    return _t(ENTITY[code]) if code in ENTITY else _code(code).capitalize()


def field(code: str) -> str:
    return _t(FIELD[code]) if code in FIELD else _code(code)


def value(key: str, raw: Any, language: str) -> str:
    """One recorded value as the program shows it elsewhere."""
    if raw is None or raw == "":
        return "—"
    if isinstance(raw, bool):
        return _t("Yes") if raw else _t("No")
    if key in MONEY_FIELDS and isinstance(raw, int):
        return labels.money(raw)
    if key == "rol" and raw in Role._value2member_map_:
        return labels.role(raw)
    if key == "sex" and raw in Sex._value2member_map_:
        return labels.sex(raw)
    if key == "estado" and raw in SupportStatus._value2member_map_:
        return labels.status(SupportStatus(raw))
    if key == "nationality" and isinstance(raw, str) and len(raw) == 2:
        return labels.country(raw, language)
    if isinstance(raw, str) and len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
        try:
            return labels.day(date.fromisoformat(raw))
        except ValueError:
            pass
    if isinstance(raw, list):
        return ", ".join(value(key, item, language) for item in raw)
    return str(raw)


def changes(text: str, language: str) -> str:
    """The recorded changes, ``field: before → after`` or ``field: value``, in words."""
    if not text:
        return ""
    try:
        values = json.loads(text)
    except ValueError:
        return text
    if not isinstance(values, dict):
        return text
    return "; ".join(
        f"{field(k)}: {value(k, v[0], language)} → {value(k, v[1], language)}"
        if isinstance(v, list) and len(v) == 2 and k not in ("campos",)
        else f"{field(k)}: {value(k, v, language)}"
        for k, v in values.items()
    )
