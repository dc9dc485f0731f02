"""The rehabilitation chain as a bar: phases, linked periods, milestones and today, in text too."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.chain.state import DUE_SOON, PASSED, TODAY, ChainState, Milestone
from ui.style import ACCENT, PHASE_COLOURS, is_dark_theme, phase_label
from ui.widgets.case_texts import day_text, tr

# Phases by chain day; the bar is coloured per day, so a day's colour is its phase's.
PHASE_SPANS = (("1-90", 1, 90), ("91-180", 91, 180), ("181-365", 181, 365), ("366+", 366, None))
MIN_AXIS_DAYS = 400
AHEAD_DAYS = 60
LATE_MILESTONE = 550
PASSED_COLOUR = "#9e9e9e"
DUE_SOON_COLOUR = "#e65100"


def _days(n: int) -> str:
    return tr("1 dag") if n == 1 else tr("{n} dagar").format(n=n)


def chain_summary(chain: ChainState | None, closed: bool = False) -> str:
    """The timeline in words.

    'Dag 183 av kedjan, fas 181–365; nästa milstolpe dag 240 om 57 dagar'
    """
    if closed:
        return tr("Ärendet är avslutat. Ingen pågående sjukperiod.")
    if chain is None or not chain.intervals:
        return tr("Ingen pågående sjukperiod.")
    parts = [
        tr("Dag {day} av kedjan, fas {phase}").format(day=chain.day, phase=phase_label(chain.phase))
    ]
    nxt = chain.next_milestone
    if nxt is None:
        parts.append(tr("inga fler milstolpar"))
    elif nxt.days_left == 0:
        parts.append(tr("milstolpe dag {day} i dag").format(day=nxt.day))
    else:
        parts.append(
            tr("nästa milstolpe dag {day} om {left}").format(day=nxt.day, left=_days(nxt.days_left))
        )
    if not chain.active:
        parts.append(tr("ingen sjukskrivning i dag, kedjan vilar"))
    if len(chain.intervals) > 1:
        pauses = ", ".join(
            str(b[0] - a[1] - 1) for a, b in zip(chain.intervals, chain.intervals[1:], strict=False)
        )
        parts.append(
            tr("{n} sammanlänkade sjukperioder (uppehåll {pauses} d)").format(
                n=len(chain.intervals), pauses=pauses
            )
        )
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class _Label:
    """Milestones whose labels would overlap are drawn as one ('180/181')."""

    x: float
    text: str
    status: str
    milestones: tuple[Milestone, ...]


_URGENCY = {PASSED: 0, "upcoming": 1, DUE_SOON: 2, TODAY: 3}


class TimelineWidget(QWidget):
    """A horizontal bar from day 1 to the axis end; call ``set_chain`` with fresh data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chain: ChainState | None = None
        self.closed = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)
        # Focusable so a screen reader can land on it and read the summary.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(tr("Tidslinje för rehabiliteringskedjan"))
        self._update_accessible()

    # --- data ---------------------------------------------------------------------------

    def set_chain(self, chain: ChainState | None, closed: bool = False) -> None:
        self.chain = chain
        self.closed = closed
        self._update_accessible()
        self.update()

    def summary(self) -> str:
        return chain_summary(self.chain, self.closed)

    def _update_accessible(self) -> None:
        text = self.summary()
        if self.chain is not None and self.chain.intervals:
            marks = [
                f"{tr('dag')} {m.day} {day_text(m.date, self.chain.on)}"
                + (f" ({tr('passerad')})" if m.status == PASSED else "")
                for m in self.chain.milestones
            ]
            if marks:
                text += ". " + tr("Milstolpar: ") + ", ".join(marks) + "."
        self.setAccessibleDescription(text)

    @property
    def axis_days(self) -> int:
        chain = self.chain
        if chain is None or not chain.intervals:
            return MIN_AXIS_DAYS
        late = any(m.day == LATE_MILESTONE for m in chain.milestones)
        return max(MIN_AXIS_DAYS, chain.day + AHEAD_DAYS, LATE_MILESTONE if late else 0)

    # --- geometry -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(600, self._layout()["height"])

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._layout()["height"])

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _layout(self) -> dict[str, float]:
        line = QFontMetrics(self._small_font()).height()
        top = 6 + line + 6  # milestone labels above the bar
        bar = max(28, line + 12)
        below = top + bar + 6  # 'I dag' and pauses below it
        return {"top": top, "bar": bar, "below": below, "height": max(88, int(below + line + 10))}

    def _x(self, day: float) -> float:
        """Left edge of chain day ``day`` (day 1 starts at the left margin)."""
        left, width = 10.0, max(1.0, self.width() - 20.0)
        return left + (day - 1) / self.axis_days * width

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        geo = self._layout()
        dark = is_dark_theme()
        text_colour = self.palette().color(self.foregroundRole())
        track = QColor("#424242" if dark else "#e6e6e6")
        bar = QRectF(self._x(1), geo["top"], self._x(self.axis_days + 1) - self._x(1), geo["bar"])
        painter.setPen(QPen(QColor("#616161" if dark else "#bdbdbd"), 1))
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        painter.setFont(self._small_font())
        chain = self.chain
        if self.closed or chain is None or not chain.intervals:
            painter.setPen(text_colour)
            painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, self.summary().rstrip("."))
            painter.end()
            return
        today_text, today_rect = self._today_label(chain, geo)
        self._paint_phases(painter, bar, chain, text_colour)
        self._paint_links(painter, bar, chain, geo, text_colour, today_rect)
        self._paint_milestones(painter, bar, chain, text_colour)
        self._paint_today(painter, bar, chain, today_text, today_rect)
        painter.end()

    def _paint_phases(
        self, painter: QPainter, bar: QRectF, chain: ChainState, text_colour: QColor
    ) -> None:
        metrics = painter.fontMetrics()
        for key, first, last in PHASE_SPANS:
            last = min(last or self.axis_days, self.axis_days)
            if first > last:
                continue
            colour = QColor(PHASE_COLOURS[key])
            lived_to = min(last, chain.day)
            if lived_to >= first:  # days already counted: solid phase colour
                painter.fillRect(self._span(bar, first, lived_to), colour)
            if last > chain.day:  # the days ahead, if the chain runs on: a pale preview
                pale = QColor(colour)
                pale.setAlpha(60)
                painter.fillRect(self._span(bar, max(first, chain.day + 1), last), pale)
            # The phase's name inside its stretch, so the colour never stands alone: in
            # the lived part (white on solid) if it fits there, else in the part ahead.
            label = phase_label(key)
            need = metrics.horizontalAdvance(label) + 8
            if lived_to >= first and self._span(bar, first, lived_to).width() > need:
                painter.setPen(QColor("white"))
                painter.drawText(
                    self._span(bar, first, lived_to), Qt.AlignmentFlag.AlignCenter, label
                )
            elif (
                last > chain.day and self._span(bar, max(first, chain.day + 1), last).width() > need
            ):
                painter.setPen(text_colour)
                rect = self._span(bar, max(first, chain.day + 1), last)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _span(self, bar: QRectF, first: int, last: int) -> QRectF:
        return QRectF(
            self._x(first), bar.top() + 1, self._x(last + 1) - self._x(first), bar.height() - 2
        )

    def _paint_links(
        self,
        painter: QPainter,
        bar: QRectF,
        chain: ChainState,
        geo: dict[str, float],
        text_colour: QColor,
        today_rect: QRectF,
    ) -> None:
        """Linked sick periods: a break in the bar where the chain paused, with the gap in days."""
        metrics = painter.fontMetrics()
        counted = 0
        previous_last = None
        window = self.palette().color(self.backgroundRole())
        for first, last in chain.intervals:
            if previous_last is not None:
                x = self._x(counted + 1)
                painter.fillRect(QRectF(x - 1.5, bar.top() - 2, 3, bar.height() + 4), window)
                painter.setPen(QPen(text_colour, 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2))
                note = tr("uppehåll {n} d").format(n=first - previous_last - 1)
                width, height = metrics.horizontalAdvance(note), metrics.height()
                # Right of the break, else left of it; never over 'I dag' (the summary
                # under the bar says the same in words).
                for left in (x + 3, x - 3 - width):
                    rect = QRectF(left, geo["below"], width, height)
                    if (
                        left >= 0
                        and rect.right() <= self.width()
                        and not rect.intersects(today_rect)
                    ):
                        painter.setPen(text_colour)
                        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, note)
                        break
            counted += last - first + 1
            previous_last = last

    def _labels(self, painter: QPainter, chain: ChainState) -> list[_Label]:
        metrics = painter.fontMetrics()
        labels: list[_Label] = []
        for m in chain.milestones:
            x = self._x(m.day) + (self._x(m.day + 1) - self._x(m.day)) / 2
            if labels:
                prev = labels[-1]
                joined = f"{prev.text}/{m.day}"
                if (
                    x - metrics.horizontalAdvance(str(m.day)) / 2
                    < prev.x + metrics.horizontalAdvance(prev.text) / 2 + 4
                ):
                    status = max(prev.status, m.status, key=lambda s: _URGENCY.get(s, 1))
                    labels[-1] = _Label(prev.x, joined, status, (*prev.milestones, m))
                    continue
            labels.append(_Label(x, str(m.day), m.status, (m,)))
        return labels

    def _status_colour(self, status: str, text_colour: QColor) -> QColor:
        return QColor(
            {PASSED: PASSED_COLOUR, DUE_SOON: DUE_SOON_COLOUR, TODAY: ACCENT}.get(
                status, text_colour
            )
        )

    def _paint_milestones(
        self, painter: QPainter, bar: QRectF, chain: ChainState, text_colour: QColor
    ) -> None:
        metrics = painter.fontMetrics()
        base = painter.font()
        for label in self._labels(painter, chain):
            colour = self._status_colour(label.status, text_colour)
            for m in label.milestones:
                x = self._x(m.day) + (self._x(m.day + 1) - self._x(m.day)) / 2
                painter.setPen(QPen(self._status_colour(m.status, text_colour), 1.5))
                painter.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom()))
            font = QFont(base)
            # Weight as well as colour: what is close is bold, what has passed is not.
            font.setBold(label.status in (DUE_SOON, TODAY))
            painter.setFont(font)
            width = QFontMetrics(font).horizontalAdvance(label.text)
            left = min(max(0.0, label.x - width / 2), self.width() - width)
            painter.setPen(colour)
            painter.drawText(QPointF(left, 6 + metrics.ascent()), label.text)
        painter.setFont(base)

    def _today_label(self, chain: ChainState, geo: dict[str, float]) -> tuple[str, QRectF]:
        font = self._today_font()
        text = tr("I dag · dag {day}").format(day=chain.day)
        if not chain.active:
            text += " " + tr("(vilar)")
        width = QFontMetrics(font).horizontalAdvance(text) + 6
        x = self._x(chain.day + 1)
        left = min(max(0.0, x - width / 2), self.width() - width)
        return text, QRectF(left, geo["below"], width, QFontMetrics(font).height())

    def _today_font(self) -> QFont:
        font = self._small_font()
        font.setBold(True)
        return font

    def _paint_today(
        self, painter: QPainter, bar: QRectF, chain: ChainState, text: str, rect: QRectF
    ) -> None:
        x = self._x(chain.day + 1)  # the end of today's day: the filled bar stops here
        accent = QColor(ACCENT)
        painter.setPen(QPen(accent, 2.5))
        painter.drawLine(QPointF(x, bar.top() - 4), QPointF(x, bar.bottom() + 4))
        painter.setFont(self._today_font())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # --- tooltips -----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self._tooltip_at(event.pos().x()), self)
            return True
        return super().event(event)

    def _tooltip_at(self, x: float) -> str:
        chain = self.chain
        if chain is None or not chain.intervals:
            return self.summary()
        near = [m for m in chain.milestones if abs(self._x(m.day) - x) <= 6]
        if not near:
            return self.summary()
        lines = []
        for m in near:
            when = day_text(m.date, chain.on)
            if m.status == PASSED:
                rel = tr("passerad")
            elif m.days_left == 0:
                rel = tr("i dag")
            else:
                rel = tr("om {left}").format(left=_days(m.days_left))
            lines.append(f"{m.label_sv} – {when} ({rel})")
        return "\n".join(lines)
