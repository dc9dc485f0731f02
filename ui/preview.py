"""The case preview on the right: a compact, read-only summary of the selected case."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.base.clock import local_date_of
from app.base.errors import NotFoundError
from app.base.model import FOLLOW_UP_KIND_SV, IMPULSE_TYPE_SV
from app.case.casework import CaseDetail, case_detail
from ui.context import AppContext
from ui.style import ACCENT, chain_text, date_sv, days_left_text, decimal, phase_colour

EMPLOYMENT_SV = {
    "employed": QT_TRANSLATE_NOOP("PreviewPane", "anställd"),
    "unemployed": QT_TRANSLATE_NOOP("PreviewPane", "arbetslös"),
    "self_employed": QT_TRANSLATE_NOOP("PreviewPane", "egenföretagare"),
}
CONTACT_ROLE_SV = {
    "employer": QT_TRANSLATE_NOOP("PreviewPane", "Arbetsgivare"),
    "doctor": QT_TRANSLATE_NOOP("PreviewPane", "Intygsskrivande läkare"),
    "occupational_health": QT_TRANSLATE_NOOP("PreviewPane", "Företagshälsovård"),
    "rehab_coordinator": QT_TRANSLATE_NOOP("PreviewPane", "Rehabkoordinator"),
    "union": QT_TRANSLATE_NOOP("PreviewPane", "Facklig företrädare"),
    "af": QT_TRANSLATE_NOOP("PreviewPane", "Arbetsförmedlingen"),
}
TOP_REASONS = 3
NEWEST_IMPULSES = 2
NEXT_FOLLOW_UPS = 2

GAPS_STYLE = (
    f"QFrame#gapsBox {{ border: 2px solid {ACCENT}; border-radius: 4px;"
    " background: rgba(211, 47, 47, 0.08); }"
)


def _label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


CONSENT_SV = {
    1: QT_TRANSLATE_NOOP("PreviewPane", "Ja"),
    0: QT_TRANSLATE_NOOP("PreviewPane", "Nej"),
    None: QT_TRANSLATE_NOOP("PreviewPane", "Okänt"),
}


class PreviewPane(QWidget):
    """Shows one case (``show_case``); 'Öppna ärendet' asks the window to open it."""

    open_requested = Signal(str)
    shown = Signal(str)  # emitted when a case's summary is on screen (tests, status)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_ref: str | None = None
        self.detail: CaseDetail | None = None
        self._generation = 0

        self.empty = QLabel(self.tr("Välj ett ärende för att se det här."))
        self.empty.setObjectName("previewEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.header = _label("previewHeader")
        self.chain = _label("previewChain")
        self.gaps_title = _label("previewGapsTitle")
        self.gaps_text = _label("previewGaps")
        self.gaps_box = QFrame()
        self.gaps_box.setObjectName("gapsBox")
        self.gaps_box.setStyleSheet(GAPS_STYLE)
        self.gaps_box.setAccessibleName(self.tr("Luckor i utredningen"))
        gaps_layout = QVBoxLayout(self.gaps_box)
        gaps_layout.setContentsMargins(10, 8, 10, 8)
        gaps_layout.addWidget(self.gaps_title)
        gaps_layout.addWidget(self.gaps_text)
        self.score = _label("previewScore")
        self.impulses = _label("previewImpulses")
        self.follow_ups = _label("previewFollowUps")
        self.consent = _label("previewConsent")
        self.planned = _label("previewPlanned")

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(10, 10, 10, 10)
        body.setSpacing(10)
        for widget in (
            self.header,
            self.chain,
            self.gaps_box,
            self.score,
            self.impulses,
            self.follow_ups,
            self.consent,
            self.planned,
        ):
            body.addWidget(widget)
        body.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setAccessibleName(self.tr("Sammanfattning av ärendet"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.scroll)

        self.open_button = QPushButton(self.tr("&Öppna ärendet"))
        self.open_button.setAccessibleName(self.tr("Öppna ärendet"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.open_button)
        self.setMinimumWidth(260)

        ctx.data_changed.connect(self.reload)

    # --- loading ------------------------------------------------------------------------

    def show_case(self, case_ref: str) -> None:
        """Load and show ``case_ref``; an empty string shows the empty state."""
        self.case_ref = case_ref or None
        if not case_ref:
            self.clear()
            return
        self._load(case_ref)

    def clear(self, message: str | None = None) -> None:
        self.case_ref = None
        self.detail = None
        self._generation += 1  # anything still loading is no longer wanted
        self.empty.setText(message or self.tr("Välj ett ärende för att se det här."))
        self.stack.setCurrentWidget(self.empty)
        self.open_button.setEnabled(False)

    def reload(self) -> None:
        """Data changed somewhere: show the same case afresh."""
        if self.case_ref:
            self._load(self.case_ref)

    def _load(self, case_ref: str) -> None:
        self._generation += 1
        generation = self._generation
        on, caseworker = self.ctx.today, self.ctx.caseworker

        def work(conn) -> CaseDetail:
            return case_detail(conn, case_ref, on, caseworker)

        def done(detail: CaseDetail) -> None:
            if generation == self._generation:
                self._show(detail, on)

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            if isinstance(error, NotFoundError):
                self.clear(self.tr("Ärendet finns inte längre."))
            else:
                self.clear(self.tr("Ärendet kunde inte visas: %1").replace("%1", str(error)))

        self.ctx.tasks.load(work, done, failed)

    def _open(self) -> None:
        if self.case_ref:
            self.open_requested.emit(self.case_ref)

    # --- rendering ----------------------------------------------------------------------

    def _show(self, detail: CaseDetail, on: date) -> None:
        self.detail = detail
        self.header.setText(self._header_html(detail))
        self.chain.setText(self._chain_html(detail))
        self._show_gaps(detail)
        self.score.setText(self._score_html(detail))
        self.impulses.setText(self._impulses_html(detail, on))
        self.follow_ups.setText(self._follow_ups_html(detail, on))
        self.consent.setText(self._consent_html(detail))
        self.planned.setText(self._planned_html(detail))
        self.stack.setCurrentWidget(self.scroll)
        self.open_button.setEnabled(True)
        self.shown.emit(detail.row["case_ref"])

    def _header_html(self, d: CaseDetail) -> str:
        row = d.row
        name = escape(row.get("person_name") or "")
        lines = [f"<span style='font-size:large'><b>{escape(row['case_ref'])}</b></span>"]
        if row.get("status") != "open":
            lines[0] += " " + self.tr("(avslutat)")
        lines.append(
            f"<b>{name}</b> · {escape(d.masked_pin)}" if d.masked_pin else f"<b>{name}</b>"
        )
        work = [escape(row["employer"])] if row.get("employer") else []
        work.append(self.tr(EMPLOYMENT_SV.get(row.get("employment") or "", "okänd anställning")))
        if row.get("extent") is not None:
            work.append(self.tr("sjukskriven %1 %").replace("%1", str(row["extent"])))
        lines.append(" · ".join(work))
        return "<br>".join(lines)

    def _chain_html(self, d: CaseDetail) -> str:
        if d.facts is None:
            return f"<b>{self.tr('Kedjan')}</b><br>{self.tr('Ärendet är avslutat.')}"
        chain = d.facts.chain
        colour = phase_colour(chain.phase).name()
        chip = (
            f"<span style='background-color:{colour}; color:#ffffff'>&nbsp;"
            f"{escape(chain_text(chain.day, chain.phase))}&nbsp;</span>"
        )
        lines = [f"<b>{self.tr('Kedjan')}</b> {chip}"]
        nxt = chain.next_milestone
        if nxt is not None:
            label = nxt.label_sv
            if not label.lower().startswith(f"dag {nxt.day}"):
                label = f"Dag {nxt.day} – {label}"  # some labels name their day already
            lines.append(
                self.tr("Nästa: %1, %2 (%3)")
                .replace("%1", escape(label))
                .replace("%2", date_sv(nxt.date))
                .replace("%3", days_left_text(nxt.days_left))
            )
        return "<br>".join(lines)

    def _show_gaps(self, d: CaseDetail) -> None:
        self.gaps_box.setVisible(bool(d.gaps))
        if not d.gaps:
            return
        self.gaps_title.setText(
            f"<b style='color:{ACCENT}'>⚠ "
            + self.tr("Luckor (%1)").replace("%1", str(len(d.gaps)))
            + "</b>"
        )
        self.gaps_text.setText(
            "<br>".join(f"<b>{escape(g.title)}</b>: {escape(g.text)}" for g in d.gaps)
        )

    def _score_html(self, d: CaseDetail) -> str:
        if d.score is None:
            return ""
        head = f"<b>{self.tr('Poäng')} {decimal(d.score.total)}</b>"
        reasons = sorted(
            (c for c in d.score.contributions if c.points > 0), key=lambda c: (-c.points, c.key)
        )[:TOP_REASONS]
        if not reasons:
            return f"{head}<br>{self.tr('Inget som kräver uppmärksamhet i dag.')}"
        return head + "".join(f"<br>• {escape(c.text)}" for c in reasons)

    def _impulses_html(self, d: CaseDetail, on: date) -> str:
        open_ = [i for i in d.impulses if i.get("outcome") is None]
        head = f"<b>{self.tr('Impulser')}</b> "
        if not open_:
            return head + self.tr("inga öppna")
        head += self.tr("%1 öppna").replace("%1", str(len(open_)))
        lines = []
        for impulse in open_[:NEWEST_IMPULSES]:  # newest first already
            kind = escape(IMPULSE_TYPE_SV.get(impulse["type"], impulse["type"]))
            when = date_sv(local_date_of(impulse["received_at"]))
            new = f" <b>({self.tr('ny')})</b>" if impulse.get("read_at") is None else ""
            lines.append(f"• {when}: {kind}{new}")
        return head + "".join(f"<br>{line}" for line in lines)

    def _follow_ups_html(self, d: CaseDetail, on: date) -> str:
        open_ = sorted(
            (f for f in d.follow_ups if f.get("state") == "open"), key=lambda f: f["due_at"]
        )
        head = f"<b>{self.tr('Bevakningar')}</b> "
        if not open_:
            return head + self.tr("inga öppna")
        head += self.tr("%1 öppna").replace("%1", str(len(open_)))
        lines = []
        for follow_up in open_[:NEXT_FOLLOW_UPS]:
            due = local_date_of(follow_up["due_at"])
            who = escape(FOLLOW_UP_KIND_SV.get(follow_up["kind"], follow_up["kind"]))
            note = f" – {escape(follow_up['note'])}" if follow_up.get("note") else ""
            late = f" <b style='color:{ACCENT}'>({self.tr('försenad')})</b>" if due < on else ""
            lines.append(f"• {date_sv(due)}: {who}{note}{late}")
        return head + "".join(f"<br>{line}" for line in lines)

    def _consent_html(self, d: CaseDetail) -> str:
        head = f"<b>{self.tr('Samtycke')}</b>"
        if not d.contacts:
            return f"{head} {self.tr('inga kontakter registrerade')}"
        lines = []
        for contact in d.contacts:
            role = self.tr(CONTACT_ROLE_SV.get(contact["role"], contact["role"]))
            org = f" ({escape(contact['organisation'])})" if contact.get("organisation") else ""
            answer = self.tr(CONSENT_SV.get(contact.get("consent"), CONSENT_SV[None]))
            lines.append(f"• {escape(role)}{org}: <b>{answer}</b>")
        return head + "".join(f"<br>{line}" for line in lines)

    def _planned_html(self, d: CaseDetail) -> str:
        head = f"<b>{self.tr('Planerat')}</b> "
        mine = self.ctx.caseworker.ext_id
        own = [p for p in d.planned if p["caseworker"] == mine]
        others = [p for p in d.planned if p["caseworker"] != mine]
        text = (
            date_sv(date.fromisoformat(own[0]["on_date"][:10]))
            if own
            else self.tr("inte planerat av dig")
        )
        for plan in others:
            when = date_sv(date.fromisoformat(plan["on_date"][:10]))
            text += f"; {escape(plan['caseworker'])}: {when}"
        return head + text
