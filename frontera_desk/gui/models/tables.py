"""The people and supports table models: columns over the services' id and row queries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from frontera_desk.db import Database
from frontera_desk.db.paging import IdList
from frontera_desk.gui import labels
from frontera_desk.gui.models.lazy import Column, LazyTableModel
from frontera_desk.services import people, supports
from frontera_desk.services.people import PersonRow
from frontera_desk.services.supports import SupportFilter, SupportRow


def _age(row: PersonRow) -> str:
    age = row.age()
    if age is None:
        return "—"
    return f"≈{age}" if row.birth_date_estimated else str(age)


def people_model(db: Database, language: str, parent: Any = None) -> LazyTableModel[PersonRow]:
    """Everyone registered; the filter is the search text (best matches first)."""
    columns = [
        Column(
            QCoreApplication.translate("Tables", "Name"), lambda r: r.full_name, "name", width=260
        ),
        Column(QCoreApplication.translate("Tables", "Sex"), lambda r: labels.sex(r.sex), width=80),
        Column(QCoreApplication.translate("Tables", "Age"), _age, "age", True, width=50),
        Column(
            QCoreApplication.translate("Tables", "Nationality"),
            lambda r: labels.country(r.nationality, language),
            "nationality",
        ),
        Column(
            QCoreApplication.translate("Tables", "Document"),
            lambda r: labels.first_document(r.document_type, r.document_number),
            width=220,
        ),
        Column(QCoreApplication.translate("Tables", "Staying at"), lambda r: r.lodging, width=200),
        Column(
            QCoreApplication.translate("Tables", "Registered"),
            lambda r: labels.day(r.created_on),
            "created",
        ),
    ]

    def query_ids(text: str, sort_key: str | None, descending: bool) -> IdList:
        return people.person_list(text or "", sort_key or "name", descending)

    return LazyTableModel(db, columns, query_ids, people.fetch_rows, "", parent=parent,
                          count=lambda text: people.person_count_query(text or ""))  # fmt: skip


def listed_people_model(db: Database, parent: Any = None) -> LazyTableModel[PersonRow]:
    """People a service listed (show_ids gives their ids): number, name, registration day."""
    columns = [
        Column(QCoreApplication.translate("Tables", "No."), lambda r: str(r.id), None, True, 70),
        Column(QCoreApplication.translate("Tables", "Name"), lambda r: r.full_name, width=300),
        Column(
            QCoreApplication.translate("Tables", "Registered"), lambda r: labels.day(r.created_on)
        ),
    ]
    return LazyTableModel(db, columns, None, people.fetch_rows, parent=parent)


def supports_model(
    db: Database, language: str, parent: Any = None, with_person: bool = True
) -> LazyTableModel[SupportRow]:
    """Supports, newest request first; the filter is a SupportFilter."""
    columns = [
        Column(
            QCoreApplication.translate("Tables", "Requested"),
            lambda r: labels.day(r.requested_on),
            "requested_on",
            width=90,
        ),
        Column(
            QCoreApplication.translate("Tables", "Beneficiary"), lambda r: r.person_name, width=200
        ),
        Column(
            QCoreApplication.translate("Tables", "Support"),
            lambda r: labels.support_type(r.type_code, r.type_name, language),
            "type",
            width=180,
        ),
        Column(
            QCoreApplication.translate("Tables", "Description"), lambda r: r.description, width=180
        ),
        Column(
            QCoreApplication.translate("Tables", "Amount"),
            lambda r: labels.money(r.amount_centavos),
            "amount",
            align_right=True,
            width=100,
        ),
        Column(
            QCoreApplication.translate("Tables", "Status"),
            lambda r: labels.status(r.status),
            "status",
        ),
        Column(
            QCoreApplication.translate("Tables", "Delivered"),
            lambda r: labels.day(r.delivered_on),
            "delivered_on",
        ),
    ]
    if not with_person:  # inside a person's file: who is known, the type says enough
        del columns[3]
        del columns[1]

    def query_ids(f: SupportFilter, sort_key: str | None, descending: bool) -> IdList:
        return supports.support_list(f, sort_key or "requested_on", descending)

    return LazyTableModel(db, columns, query_ids, supports.fetch_rows, SupportFilter(),
                          descending=True, parent=parent, count=supports.support_count)  # fmt: skip
