"""A person's own data as a PDF (access right), from privacy.export_person's dictionary: every
section the office holds, the privacy notice, the other ARCO rights, and the receipt of the
request signed by the official who handed it over."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from frontera_desk.domain.clock import on_paper
from frontera_desk.reports.fonts import register
from frontera_desk.reports.paging import PagedCanvas

WIDTH = 175 * mm  # letter, 20 mm margins


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register()
    return {
        "body": ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8, leading=9.8),
        "note": ParagraphStyle("note", fontName=regular, fontSize=9.5, leading=12,
                               spaceBefore=8),
        "small": ParagraphStyle("small", fontName=regular, fontSize=8, leading=10),
        "title": ParagraphStyle("title", fontName=bold, fontSize=14, leading=18, spaceAfter=2),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=11, leading=14,
                                  spaceBefore=9, spaceAfter=3, keepWithNext=1),
        "strong": ParagraphStyle("strong", fontName=bold, fontSize=10, leading=13,
                                 spaceBefore=4),
    }  # fmt: skip


def _table(rows: list[list[Any]], widths: list[float], style: ParagraphStyle) -> Table:
    """Cells are text (escaped here) or already a Paragraph; long texts wrap in their cell."""
    cells = [
        [c if isinstance(c, Paragraph) else Paragraph(escape(str(c)), style) for c in row]
        for row in rows
    ]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0f2f1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip
    return table


def _day(iso: str | None) -> str:
    return "—" if not iso else f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def _widths(*parts: float) -> list[float]:
    return [WIDTH * p / sum(parts) for p in parts]


def write_person_pdf(data: dict[str, Any], target: Path, demo: bool = False) -> Path:
    st = _styles()
    body, cell = st["body"], st["cell"]
    story: list[Any] = [
        Paragraph("Sus datos personales en nuestros registros", st["title"]),
        Paragraph("Respuesta a su solicitud de acceso (derechos ARCO)", body),
        Paragraph(escape(f"{data['oficina']} — generado el {on_paper(data['generado'])}"), body),
    ]
    if demo:
        story.append(Paragraph("DEMOSTRACIÓN — datos ficticios, sin validez.", st["heading"]))
    if data["sin_registros"]:
        story.append(Paragraph(escape(data["sin_registros"]), st["strong"]))

    def section(title: str, header: list[str], rows: list[list[Any]], widths: list[float],
                empty: str = "Sin registros.") -> None:  # fmt: skip
        story.append(Paragraph(escape(title), st["heading"]))  # kept with what follows
        if rows:
            story.append(_table([header, *rows], widths, cell))
        else:
            story.append(Paragraph(escape(empty), body))

    born = _day(data["fecha_de_nacimiento"]) + (" (estimada)" if data["fecha_estimada"] else "")
    section("Identificación", ["Dato", "Valor"], [
        ["Nombre completo", data["nombre_completo"]],
        ["Expediente", f"{data['expediente']} (abierto el {_day(data['expediente_abierto'])})"],
        ["Identificador del registro", data["identificador"]],
        ["Sexo", data["sexo"]],
        ["Fecha de nacimiento", born],
        ["Nacionalidad", data["nombre_nacionalidad"]],
        ["Teléfono", data["telefono"] or "—"],
        ["Se aloja en", data["se_aloja_en"] or "—"],
        ["Vulnerabilidad", ", ".join(data["vulnerabilidad"]) or "—"],
        ["Observaciones", data["observaciones"] or "—"],
    ], _widths(50, 125))  # fmt: skip
    section("Documentos de identidad", ["Tipo", "Número", "Emisor"],
            [[d["tipo"], d["numero"] or "—", d["emisor"] or "—"] for d in data["documentos"]],
            _widths(70, 55, 50))  # fmt: skip
    home = data["hogar"]
    section("Hogar", ["Dato", "Valor"], [
        ["Integrantes del hogar", home["integrantes"]],
        ["Dependientes", home["dependientes"]],
        ["Jefa o jefe del hogar", home["jefe_o_jefa_del_hogar"] or "usted, o sin dato"],
        ["Personas registradas en su hogar",
         "; ".join(home["registrados_a_su_cargo"]) or "ninguna"],
    ], _widths(50, 125))  # fmt: skip
    section("Consentimiento al aviso de privacidad",
            ["Fecha", "Respuesta", "Versión del aviso", "Registró"],
            [[_day(c["fecha"]), c["respuesta"], c["aviso_sha256"][:16], c["registro"]]
             for c in data["consentimientos"]],
            _widths(25, 30, 40, 80), "No se registró su respuesta al aviso.")  # fmt: skip
    section("Apoyos", ["Apoyo", "Importe", "Proveedor", "Fechas", "Folio del recibo", "Estado"],
            [[f"{s['tipo']}: {s['descripcion']}", s["importe"], s["proveedor"] or "—",
              Paragraph("<br/>".join([
                  f"Solicitado {_day(s['fecha_solicitud'])}",
                  f"Autorizado {_day(s['fecha_autorizacion'])}",
                  f"Entregado {_day(s['fecha_entrega'])}"]), cell),
              s["folio"] or "—", s["estado"] + (f" ({s['motivo']})" if s["motivo"] else "")]
             for s in data["apoyos"]],
            _widths(40, 21, 28, 35, 32, 19))  # fmt: skip
    if data["apoyos"]:
        story.append(Paragraph("Importes en pesos mexicanos.", st["small"]))
    section("Talleres, cursos y eventos a los que asistió",
            ["Fecha", "Actividad", "Horas", "Lugar"],
            [[_day(a["fecha"]), f"{a['tipo'].capitalize()}: {a['titulo']}", a["horas"],
              a["lugar"] or "—"] for a in data["actividades"]],
            _widths(22, 90, 13, 50))  # fmt: skip
    section("Convenios que la nombran como beneficiaria", ["Convenio", "Firmado",
            "Contrapartes", "Estado"],
            [[a["titulo"], _day(a["firmado"]), "; ".join(a["contrapartes"]), a["estado"]]
             for a in data["convenios"]], _widths(70, 22, 60, 23))  # fmt: skip
    section("Archivos de su expediente", ["Archivo", "Descripción", "Guardado en", "Fecha"],
            [[f["nombre"] + (" (borrado)" if f["borrado"] else ""), f["descripcion"] or "—",
              f["de"], _day(f["fecha"])] for f in data["archivos"]],
            _widths(60, 60, 30, 25), "Sin archivos.")  # fmt: skip
    changes = len(data["historial_de_cambios"])
    story.append(Paragraph(f"Historial: {changes} cambios registrados en su ficha.", st["note"]))
    notice = data["aviso_de_privacidad"]
    story += [
        Paragraph("Aviso de privacidad", st["heading"]),
        Paragraph(escape(f"Versión vigente: {notice['version_sha256'][:16]}."), body),
        Paragraph(escape(notice["texto"]), st["small"]),
        Paragraph("Rectificación, cancelación y oposición", st["heading"]),
        Paragraph(escape(data["derechos_arco"]), body),
    ]
    receipt = data["acuse"]
    signatures = Table([
        ["", "", ""],
        [Paragraph(escape(receipt["atendio"]) + "<br/>Nombre y firma de quien atendió", cell),
         "", Paragraph("Firma o huella de la persona titular de los datos", cell)],
    ], colWidths=_widths(75, 25, 75), rowHeights=[18 * mm, None])  # fmt: skip
    signatures.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (0, 0), 0.6, colors.black),
        ("LINEBELOW", (2, 0), (2, 0), 0.6, colors.black),
        ("ALIGN", (0, 1), (-1, 1), "CENTER"),
    ]))  # fmt: skip
    story.append(KeepTogether([
        Paragraph("Acuse de recibo de la solicitud", st["heading"]),
        Paragraph(escape(
            f"La persona titular solicitó el acceso a sus datos y recibió este documento el "
            f"{_day(receipt['fecha'])}, en {data['oficina']}."), body),
        Spacer(1, 2 * mm), signatures,
    ]))  # fmt: skip
    document = SimpleDocTemplate(
        str(target), pagesize=LETTER, title="Datos personales", leftMargin=20 * mm,
        rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
    )  # fmt: skip
    document.build(story, canvasmaker=PagedCanvas)
    return target
