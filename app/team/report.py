"""The one-page team workload report for a team meeting, as PDF or XLSX.

Both hold the team table (one row per caseworker and the totals) and the chart of cases per
caseworker stacked by chain phase; the PDF also charts the milestones per week of the next
eight weeks, and the XLSX has the forecast and the impulse inflow on sheets of their own.
Only caseworkers and counts appear: no insured person's name, number or case reference.

The PDF is drawn with reportlab on one A4 page in landscape. A team larger than
``PDF_MAX_ROWS`` shows its most loaded caseworkers and says how many more there are; the
totals always cover the whole team.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from app.base.errors import InvalidInputError
from app.base.i18n import _, decimal
from app.exchange.cells import no_formulas
from app.team.charts import TeamView, team_view
from app.team.rules import FIGURE_LABELS_SV, PHASE_KEYS, PHASE_LABELS_SV
from app.team.table import TeamRow

TITLE_SV = "Teamets arbetsbelastning"
PDF_MAX_ROWS = 24
PHASE_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#bab0ac")

COLUMNS = (
    ("ext_id", "Signatur"),
    ("name", "Handläggare"),
    ("active_cases", FIGURE_LABELS_SV["active_cases"]),
    ("weighted_load", FIGURE_LABELS_SV["weighted_load"]),
    ("unhandled_impulses", FIGURE_LABELS_SV["unhandled_impulses"]),
    ("oldest_impulse_days", FIGURE_LABELS_SV["oldest_impulse_days"]),
    ("overdue_follow_ups", FIGURE_LABELS_SV["overdue_follow_ups"]),
    ("milestones_14", FIGURE_LABELS_SV["milestones_14"]),
    ("milestones_28", FIGURE_LABELS_SV["milestones_28"]),
    ("waiting_for_coordination", FIGURE_LABELS_SV["waiting_for_coordination"]),
    ("no_contact_60", FIGURE_LABELS_SV["no_contact_60"]),
    ("past_181_without_os", FIGURE_LABELS_SV["past_181_without_os"]),
)

# Short headings for the narrow PDF columns.
PDF_HEADINGS = (
    "Sign.", "Handläggare", "Ärenden", "Belastning", "Impulser", "Äldsta\nimpuls (d)",
    "Försenade\nbevakningar", "Milstolpar\n14 d", "Milstolpar\n28 d", "Väntar på\nsamordning",
    "Ingen kontakt\n60+ d", "Dag 181\nutan ÖS",
)  # fmt: skip


def _cells(row: TeamRow) -> list[Any]:
    figures = row.figures()
    out: list[Any] = []
    for key, _label in COLUMNS:
        if key == "ext_id":
            out.append(row.ext_id)
        elif key == "name":
            out.append(row.name)
        else:
            out.append(figures[key])
    return out


def _phases_present(view: TeamView) -> list[str]:
    return [k for k in PHASE_KEYS if k != "none" or view.table.totals.phases["none"]]


def write_team_report(
    conn: sqlite3.Connection,
    on: date,
    path: str | Path,
    *,
    fmt: str | None = None,
    caseworker_ids: Iterable[int] | None = None,
    store: bool = True,
) -> Path:
    """Write the team report for ``on`` to ``path``: ``fmt`` "pdf" or "xlsx", else by the
    file's suffix. Returns the path written."""
    path = Path(path)
    kind = (fmt or path.suffix.lstrip(".")).lower()
    if kind not in ("pdf", "xlsx"):
        raise InvalidInputError(
            _("Rapporten kan skrivas som PDF eller XLSX, inte '{kind}'.").format(kind=kind)
        )
    if path.parent and not path.parent.exists():
        raise InvalidInputError(_("Mappen {parent} finns inte.").format(parent=path.parent))
    view = team_view(conn, on, caseworker_ids=caseworker_ids, store=store)
    try:
        if kind == "pdf":
            team_report_pdf(view, path)
        else:
            team_report_xlsx(view, path)
    except OSError as exc:
        raise InvalidInputError(
            _("Kan inte skriva {path}: {strerror}.").format(path=path, strerror=exc.strerror)
        ) from exc
    return path


# -- XLSX ------------------------------------------------------------------------------------


def team_report_xlsx(view: TeamView, path: Path) -> None:
    """The table on sheet "Team" with the stacked phase chart under it; the chart's data on
    "Faser"; the milestone forecast and the impulse inflow on sheets with a chart each."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    table = view.table
    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Team"
    ws.append([f"{TITLE_SV} {table.on.isoformat()}"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Belastning = fasvikt per ärende + 0,5 per obehandlad impuls + 0,5 per "
               "försenad bevakning + 2 per milstolpe inom 28 dagar + 1 efter dag 181 utan ÖS "
               "+ 0,5 om samordning väntar (resources/rules/team.toml)."])  # fmt: skip
    ws.append([])
    header_row = ws.max_row + 1
    ws.append([label for _key, label in COLUMNS])
    for cell in ws[header_row]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        ws.append(_cells(row))
    ws.append(_cells(table.totals))
    for cell in ws[ws.max_row]:
        cell.font = bold
    last_table_row = ws.max_row
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)
    widths = [10, 24] + [13] * (len(COLUMNS) - 2)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width

    phases = _phases_present(view)
    data = wb.create_sheet("Faser")
    data.append(["Handläggare", *(PHASE_LABELS_SV[k] for k in phases)])
    for row in table.rows:
        data.append([row.ext_id or row.name, *(row.phases[k] for k in phases)])
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Ärenden per handläggare och fas"
    chart.y_axis.title = "Ärenden"
    count = len(table.rows)
    chart.add_data(
        Reference(data, min_col=2, max_col=1 + len(phases), min_row=1, max_row=1 + count),
        titles_from_data=True,
    )
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=1 + count))
    chart.width = max(18.0, min(60.0, 1.2 * count))
    chart.height = 9.0
    ws.add_chart(chart, f"A{last_table_row + 3}")

    forecast = view.forecast
    sheet = wb.create_sheet("Milstolpar per vecka")
    sheet.append(["Handläggare", *(f"v{w} ({m.isoformat()})" for _y, w, m in forecast.weeks)])
    for who, counts in forecast.counts.items():
        sheet.append([who, *counts])
    sheet.append(["Totalt", *forecast.totals])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    weekly = BarChart()
    weekly.type = "col"
    weekly.title = "Milstolpar per vecka, hela teamet"
    total_row = sheet.max_row
    weekly.add_data(
        Reference(sheet, min_col=2, max_col=1 + len(forecast.weeks), min_row=total_row),
        from_rows=True,
        titles_from_data=False,
    )
    weekly.set_categories(Reference(sheet, min_col=2, max_col=1 + len(forecast.weeks), min_row=1))
    weekly.legend = None
    sheet.add_chart(weekly, f"A{total_row + 3}")

    inflow = view.inflow
    flow = wb.create_sheet("Impulser per dag")
    flow.append(["Datum", "Impulser"])
    for day, n in zip(inflow.days, inflow.totals, strict=True):
        flow.append([day.isoformat(), n])
    daily = BarChart()
    daily.type = "col"
    daily.title = "Inkomna impulser per dag"
    daily.add_data(
        Reference(flow, min_col=2, min_row=1, max_row=flow.max_row), titles_from_data=True
    )
    daily.set_categories(Reference(flow, min_col=1, min_row=2, max_row=flow.max_row))
    daily.legend = None
    flow.add_chart(daily, "D2")
    no_formulas(wb)  # a caseworker's name is text, never a formula
    wb.save(path)


# -- PDF -------------------------------------------------------------------------------------


def _pdf_rows(view: TeamView) -> tuple[list[TeamRow], int]:
    rows = view.table.rows
    if len(rows) <= PDF_MAX_ROWS:
        return rows, 0
    top = sorted(rows, key=lambda r: (-r.weighted_load, r.ext_id))[:PDF_MAX_ROWS]
    return sorted(top, key=lambda r: r.ext_id or "~"), len(rows) - PDF_MAX_ROWS


def _phase_chart(view: TeamView, rows: list[TeamRow], width: float, height: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    phases = _phases_present(view)
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, "Ärenden per handläggare och fas", fontName="Helvetica-Bold",
                       fontSize=9))  # fmt: skip
    if not rows or not phases:
        # An empty team has nothing to draw (ReportLab's axis fails on no data).
        drawing.add(String(0, height / 2, "Inga ärenden att visa.", fontSize=9))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 130, height - 50
    chart.data = [[r.phases[k] for r in rows] for k in phases]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [r.ext_id or "–" for r in rows]
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 45 if len(rows) > 12 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(rows) > 12 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 6
    chart.barSpacing = 1
    for i, _key in enumerate(phases):
        chart.bars[i].fillColor = colors.HexColor(PHASE_COLOURS[i])
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 92, height - 30
    legend.fontSize = 7
    legend.alignment = "right"
    legend.columnMaximum = len(phases)
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [
        (colors.HexColor(PHASE_COLOURS[i]), PHASE_LABELS_SV[k]) for i, k in enumerate(phases)
    ]
    drawing.add(legend)
    return drawing


def _forecast_chart(view: TeamView, width: float, height: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    forecast = view.forecast
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, "Milstolpar per vecka (hela teamet)",
                       fontName="Helvetica-Bold", fontSize=9))  # fmt: skip
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 40, height - 50
    chart.data = [forecast.totals or [0]]
    chart.categoryAxis.categoryNames = [f"v{w}" for _y, w, _m in forecast.weeks]
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 6
    chart.bars[0].fillColor = colors.HexColor("#59a14f")
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def _pdf_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return decimal(value)
    return value


def team_report_pdf(view: TeamView, path: Path) -> None:
    """One A4 landscape page: title, the stacked phase chart, the forecast, the table."""
    from reportlab.graphics import renderPDF
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Table, TableStyle

    table = view.table
    page_w, page_h = landscape(A4)
    margin = 28.0
    canvas = Canvas(str(path), pagesize=(page_w, page_h), invariant=1)
    canvas.setTitle(f"{TITLE_SV} {table.on.isoformat()}")
    canvas.setAuthor("Överblick")
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(margin, page_h - margin - 10, f"{TITLE_SV} {table.on.isoformat()}")
    canvas.setFont("Helvetica", 7)
    canvas.drawString(
        margin, page_h - margin - 24,
        "Belastning = fasvikt per ärende (1–90: 1,0, 91–180: 1,5, 181–365: 1,2, 366+: 0,8) "
        "+ 0,5 per obehandlad impuls + 0,5 per försenad bevakning + 2 per milstolpe inom "
        "28 dagar + 1 efter dag 181 utan ÖS + 0,5 om samordning väntar.",
    )  # fmt: skip

    rows, hidden = _pdf_rows(view)
    chart_h = 175.0
    chart_top = page_h - margin - 32
    phase_w = (page_w - 2 * margin) * 0.66
    renderPDF.draw(_phase_chart(view, rows, phase_w, chart_h), canvas, margin, chart_top - chart_h)
    renderPDF.draw(
        _forecast_chart(view, page_w - 2 * margin - phase_w - 10, chart_h),
        canvas, margin + phase_w + 10, chart_top - chart_h,
    )  # fmt: skip

    data: list[list[Any]] = [list(PDF_HEADINGS)]
    for row in [*rows, table.totals]:
        cells = _cells(row)
        cells[1] = (cells[1] or "")[:26]
        data.append([_pdf_cell(v) for v in cells])
    widths = [38, 110] + [(page_w - 2 * margin - 148) / (len(COLUMNS) - 2)] * (len(COLUMNS) - 2)
    grid = Table(data, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 7),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 6.5),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 7),
                ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f2f2f2")]),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    available = chart_top - chart_h - margin - 22
    _w, height = grid.wrapOn(canvas, page_w - 2 * margin, available)
    grid.drawOn(canvas, margin, chart_top - chart_h - 8 - height)
    canvas.setFont("Helvetica", 7)
    footer = "Skapad av Överblick. Endast handläggare och antal; inga uppgifter om försäkrade."
    if hidden:
        footer = (
            f"Visar de {len(rows)} mest belastade handläggarna; {hidden} till finns i "
            f"XLSX-rapporten. Totalen gäller hela teamet. " + footer
        )
    canvas.drawString(margin, margin - 12, footer)
    canvas.showPage()
    canvas.save()
