"""A person's own data as a PDF (access right), from privacy.export_person's dictionary."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from frontera_desk.domain.money import format_money
from frontera_desk.reports.fonts import register


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    regular, bold = register()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12)
    title = ParagraphStyle("title", fontName=bold, fontSize=14, leading=18, spaceAfter=4)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=11, leading=14, spaceBefore=8)
    return body, title, heading


def _table(rows: list[list[Any]], widths: list[float], body: ParagraphStyle) -> Table:
    cells = [[Paragraph(escape(str(c)), body) for c in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0f2f1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip
    return table


def _day(iso: str | None) -> str:
    return "—" if not iso else f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def write_person_pdf(data: dict[str, Any], target: Path, demo: bool = False) -> Path:
    body, title, heading = _styles()
    story: list[Any] = [
        Paragraph("Sus datos personales en nuestros registros", title),
        Paragraph(escape(f"{data['oficina']} — generado el {_day(data['generado'])}"), body),
    ]
    if demo:
        story.append(Paragraph("DEMOSTRACIÓN — datos ficticios, sin validez.", heading))
    born = _day(data["fecha_de_nacimiento"]) + (" (estimada)" if data["fecha_estimada"] else "")
    household = f"{data['integrantes_del_hogar']} integrantes, {data['dependientes']} dependientes"
    consent = data["consentimiento"]
    if consent is None:
        consent_text = "sin registro"
    else:
        answer = "otorgado" if consent["otorgado"] else "no otorgado"
        consent_text = f"{answer} el {_day(consent['fecha'])}"
    fields = [
        ["Dato", "Valor"],
        ["Nombre completo", data["nombre_completo"]],
        ["Expediente", data["expediente"]],
        ["Sexo", data["sexo"]],
        ["Fecha de nacimiento", born],
        ["Nacionalidad", data["nombre_nacionalidad"]],
        ["Teléfono", data["telefono"] or "—"],
        ["Se aloja en", data["se_aloja_en"] or "—"],
        ["Hogar", household],
        ["Vulnerabilidad", ", ".join(data["vulnerabilidad"]) or "—"],
        ["Observaciones", data["observaciones"] or "—"],
        ["Consentimiento", consent_text],
    ]
    story += [Spacer(1, 4 * mm), _table(fields, [50 * mm, 125 * mm], body)]
    story.append(Paragraph("Documentos de identidad", heading))
    docs = [[d["tipo"], d["numero"], d["emisor"]] for d in data["documentos"]] or [["—", "", ""]]
    story.append(_table([["Tipo", "Número", "Emisor"], *docs], [70 * mm, 55 * mm, 50 * mm], body))
    story.append(Paragraph("Apoyos", heading))
    supports = [
        [_day(s["fecha_solicitud"]), s["tipo"], s["descripcion"],
         format_money(s["importe_centavos"]), s["estado"]]
        for s in data["apoyos"]
    ] or [["—", "", "", "", ""]]  # fmt: skip
    header = ["Solicitud", "Tipo", "Descripción", "Importe", "Estado"]
    widths = [24 * mm, 45 * mm, 56 * mm, 25 * mm, 25 * mm]
    story.append(_table([header, *supports], widths, body))
    files = [[_day(a["fecha"]), a["tipo"], "borrado" if a["borrado"] else a["archivo"]]
             for a in data.get("adjuntos", [])]  # fmt: skip
    story.append(Paragraph("Archivos adjuntos", heading))
    story.append(_table([["Fecha", "Tipo", "Archivo"], *(files or [["—", "", ""]])],
                        [24 * mm, 45 * mm, 106 * mm], body))  # fmt: skip
    changes = len(data["historial_de_cambios"])
    story.append(Paragraph(f"Historial: {changes} cambios registrados.", body))
    document = SimpleDocTemplate(
        str(target), pagesize=LETTER, title="Datos personales", leftMargin=20 * mm,
        rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
    )  # fmt: skip
    document.build(story)
    return target
