"""The Team tab's charts, painted with QPainter (no QtCharts): phases, milestones, impulses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.team.charts import MilestoneForecast
from ui.style import ACCENT, NO_PHASE_COLOUR, PHASE_COLOURS, phase_label, week_label

PHASE_ORDER = ("1-90", "91-180", "181-365", "366+", "none")
INFLOW_COLOUR = "#00838f"  # not a phase colour, so the bars do not read as a phase
TOTAL_COLOUR = "#90a4ae"  # the team's bars; the selected caseworker's are drawn in ACCENT


class Chart(QWidget):
    """A titled chart area; subclasses paint the plot and keep the accessible description
    (the numbers in words, so the chart can be read without seeing it)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        self.setMinimumSize(220, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so a screen reader user can reach it

    def sizeHint(self) -> QSize:
        return QSize(300, 200)

    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(self.text_colour())
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        line = self.fontMetrics().height()
        p.drawText(QRectF(4, 2, self.width() - 8, line), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        self.paint_plot(p, QRectF(4, line + 6, self.width() - 8, self.height() - line - 10))
        p.end()

    def paint_plot(self, p: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def _legend(self, p: QPainter, area: QRectF, items: list[tuple[str, QColor]]) -> float:
        """Colour squares each with their text, wrapping; returns the height used."""
        fm = self.fontMetrics()
        x, y, size = area.left(), area.top(), fm.height() - 4
        for text, colour in items:
            width = size + 4 + fm.horizontalAdvance(text) + 12
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + fm.height() + 2
            p.fillRect(QRectF(x, y + 2, size, size), colour)
            p.setPen(self.text_colour())
            p.drawText(QRectF(x + size + 4, y, width, fm.height()), text)
            x += width
        return y + fm.height() + 4 - area.top()


class PhaseChart(Chart):
    """Cases per caseworker, stacked by chain phase (horizontal bars, total at the end)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ärenden per handläggare och fas"), parent)
        self.counts: dict[str, dict[str, int]] = {}

    def set_counts(self, counts: dict[str, dict[str, int]]) -> None:
        self.counts = counts
        parts = []
        for who, phases in counts.items():
            text = ", ".join(f"{phase_label(k)} {phases[k]}" for k in PHASE_ORDER if k in phases)
            parts.append(f"{who}: {sum(phases.values())} ärenden ({text})")
        self.setAccessibleDescription("; ".join(parts) or self.tr("Inga ärenden."))
        self.update()

    def paint_plot(self, p: QPainter, area: QRectF) -> None:
        used = {k for phases in self.counts.values() for k, n in phases.items() if n}
        legend = [
            (phase_label(k), QColor(PHASE_COLOURS.get(k, NO_PHASE_COLOUR)))
            for k in PHASE_ORDER
            if k in used or k != "none"
        ]
        area = area.adjusted(0, self._legend(p, area, legend), 0, 0)
        if not self.counts:
            return
        fm = self.fontMetrics()
        label_w = max(fm.horizontalAdvance(w) for w in self.counts) + 6
        number_w = fm.horizontalAdvance("0000") + 4
        most = max(1, *(sum(v.values()) for v in self.counts.values()))
        step = min(area.height() / len(self.counts), fm.height() * 2.0)
        plot_w = area.width() - label_w - number_w
        for i, (who, phases) in enumerate(self.counts.items()):
            y = area.top() + i * step
            bar_h = step * 0.7
            p.setPen(self.text_colour())
            p.drawText(QRectF(area.left(), y, label_w, bar_h), Qt.AlignmentFlag.AlignVCenter, who)
            x = area.left() + label_w
            for key in PHASE_ORDER:
                n = phases.get(key, 0)
                if n:
                    w = plot_w * n / most
                    p.fillRect(
                        QRectF(x, y, w, bar_h), QColor(PHASE_COLOURS.get(key, NO_PHASE_COLOUR))
                    )
                    x += w
            p.setPen(self.text_colour())
            p.drawText(QRectF(x + 4, y, number_w, bar_h), Qt.AlignmentFlag.AlignVCenter,
                       str(sum(phases.values())))  # fmt: skip


class ForecastChart(Chart):
    """Milestones per ISO week for the team; the selected caseworker's share in the accent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Milstolpar per vecka (8 veckor)"), parent)
        self.forecast: MilestoneForecast | None = None
        self.selected: str | None = None

    def set_forecast(self, forecast: MilestoneForecast, selected: str | None = None) -> None:
        self.forecast = forecast
        self.set_selected(selected)

    def set_selected(self, ext_id: str | None) -> None:
        self.selected = ext_id
        f = self.forecast
        if f is None:
            return
        own = f.counts.get(ext_id or "", [0] * len(f.weeks))
        parts = []
        for i, (_y, week, _monday) in enumerate(f.weeks):
            text = f"{week_label(week)}: {f.totals[i]}"
            if ext_id:
                text += f" ({ext_id} {own[i]})"
            parts.append(text)
        self.setAccessibleDescription(self.tr("Teamets milstolpar per vecka: ") + ", ".join(parts))
        self.update()

    def paint_plot(self, p: QPainter, area: QRectF) -> None:
        f = self.forecast
        if f is None:
            return
        legend = [(self.tr("Teamet"), QColor(TOTAL_COLOUR))]
        if self.selected:
            legend.append((self.selected, QColor(ACCENT)))
        area = area.adjusted(0, self._legend(p, area, legend), 0, 0)
        fm = self.fontMetrics()
        line = fm.height()
        plot = area.adjusted(0, line, 0, -line - 2)  # numbers above, week labels below
        most = max(1, *f.totals)
        own = f.counts.get(self.selected or "", [0] * len(f.weeks))
        slot = plot.width() / len(f.weeks)
        for i, (_y, week, _monday) in enumerate(f.weeks):
            x = plot.left() + i * slot + slot * 0.15
            w = slot * 0.7
            h = plot.height() * f.totals[i] / most
            p.fillRect(QRectF(x, plot.bottom() - h, w, h), QColor(TOTAL_COLOUR))
            if self.selected and own[i]:
                oh = plot.height() * own[i] / most
                p.fillRect(QRectF(x + w * 0.25, plot.bottom() - oh, w * 0.5, oh), QColor(ACCENT))
            p.setPen(self.text_colour())
            p.drawText(QRectF(x - 6, plot.bottom() - h - line, w + 12, line),
                       Qt.AlignmentFlag.AlignHCenter, str(f.totals[i]))  # fmt: skip
            p.drawText(QRectF(x - 6, plot.bottom() + 2, w + 12, line),
                       Qt.AlignmentFlag.AlignHCenter, week_label(week))  # fmt: skip


class InflowChart(Chart):
    """Impulses received per day over the last 30 days (the whole team)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Impulser per dag (30 dagar)"), parent)
        self.days: list[date] = []
        self.totals: list[int] = []

    def set_inflow(self, days: list[date], totals: list[int]) -> None:
        self.days, self.totals = list(days), list(totals)
        parts = [f"{d.isoformat()}: {n}" for d, n in zip(days, totals, strict=True)]
        self.setAccessibleDescription(
            self.tr("Impulser per dag, totalt {n}: ").format(n=sum(totals)) + ", ".join(parts)
        )
        self.update()

    def paint_plot(self, p: QPainter, area: QRectF) -> None:
        if not self.totals:
            return
        fm = self.fontMetrics()
        line = fm.height()
        p.setPen(self.text_colour())
        most = max(1, *self.totals)
        p.drawText(QRectF(area.left(), area.top(), area.width(), line),
                   self.tr("Totalt {n}, som mest {m} på en dag").format(
                       n=sum(self.totals), m=max(self.totals)))  # fmt: skip
        plot = area.adjusted(0, line + 4, 0, -line - 2)
        slot = plot.width() / len(self.totals)
        for i, n in enumerate(self.totals):
            h = plot.height() * n / most
            p.fillRect(QRectF(plot.left() + i * slot + 1, plot.bottom() - h, max(slot - 2, 1), h),
                       QColor(INFLOW_COLOUR))  # fmt: skip
        p.setPen(self.text_colour())
        # A date under the first bar of each week and under today, so the axis reads.
        for i, day in enumerate(self.days):
            if i == len(self.days) - 1 or (i % 7 == 0 and i < len(self.days) - 4):
                x = plot.left() + i * slot + slot / 2
                text = f"{day.day}/{day.month}"
                w = fm.horizontalAdvance(text) + 4
                p.drawText(QRectF(min(x - w / 2, plot.right() - w), plot.bottom() + 2, w, line),
                           Qt.AlignmentFlag.AlignHCenter, text)  # fmt: skip
