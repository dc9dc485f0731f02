"""Showing reminders: the banner at the top of the window, the tray message, the full list.

The scheduler (ui.scheduler) decides what is due; these widgets only show it. Each
reminder offers Öppna / Snooza / Klar; the banner forgets a reminder as soon as the table
says it is no longer due (done, snoozed, moved or deleted from anywhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app.base.errors import NotFoundError
from app.followups.reminders import Reminder, due_label, missed_label
from app.followups.store import get_follow_up
from ui.context import AppContext
from ui.models.follow_up_model import tr, when_sv

VISIBLE_ROWS = 3
TRAY_MESSAGE_MS = 10_000
BANNER_STYLE = (
    "QFrame#reminderBanner { background: rgba(255, 179, 0, 0.22);"
    " border: 1px solid rgba(255, 143, 0, 0.9); border-left: 6px solid #ef6c00;"
    " border-radius: 4px; }"
    "QFrame#reminderBanner QLabel { background: transparent; border: none; }"
)


@dataclass(frozen=True, slots=True)
class Entry:
    reminder: Reminder
    missed: bool


def reminder_text(reminder: Reminder) -> str:
    """'SP-2026-000123 – Ring arbetsgivaren' (the kind when there is no note)."""
    what = " ".join((reminder.note or "").split()) or reminder.kind_sv
    return f"{reminder.case_ref} – {what}"


def count_text(entries: list[Entry]) -> str:
    """'2 påminnelser', '3 missade påminnelser', or both."""
    new = sum(1 for e in entries if not e.missed)
    missed = len(entries) - new
    parts = []
    if new:
        parts.append(due_label(new))
    if missed:
        parts.append(missed_label(missed))
    return " · ".join(parts)


class ReminderRow(QWidget):
    """One reminder: the case (a link that opens it), the note, and Öppna / Snooza / Klar."""

    open_requested = Signal(str)
    snooze_requested = Signal(object)
    done_requested = Signal(object)

    def __init__(self, entry: Entry, *, prefix: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        rem = entry.reminder
        head = f"<b>{escape(tr('Bevakning:'))}</b> " if prefix else ""
        what = escape(reminder_text(rem).split(" – ", 1)[1])
        when = tr("missad, förföll %1") if entry.missed else tr("förföll %1")
        when = when.replace("%1", when_sv(rem.fire_at))
        self.label = QLabel(
            f"{head}<a href='{escape(rem.case_ref)}'>{escape(rem.case_ref)}</a> – {what}"
            f" <span style='color: palette(placeholder-text)'>· {escape(when)}</span>"
        )
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.label.setAccessibleName(f"{tr('Bevakning:')} {reminder_text(rem)}")
        self.label.linkActivated.connect(lambda _l: self.open_requested.emit(rem.case_ref))
        self.label.setWordWrap(True)  # a long note wraps; the buttons keep their place
        self.open_button = self._button(tr("Öppna"), tr("Öppna ärendet %1"))
        self.snooze_button = self._button(tr("Snooza…"), tr("Snooza påminnelsen för %1"))
        self.done_button = self._button(tr("Klar"), tr("Markera bevakningen på %1 som klar"))
        self.open_button.clicked.connect(lambda: self.open_requested.emit(rem.case_ref))
        self.snooze_button.clicked.connect(lambda: self.snooze_requested.emit(rem))
        self.done_button.clicked.connect(lambda: self.done_requested.emit(rem))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        for button in (self.open_button, self.snooze_button, self.done_button):
            layout.addWidget(button)

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible.replace("%1", self.entry.reminder.case_ref))
        button.setAutoDefault(False)
        return button


class ReminderBanner(QFrame):
    """A bar above the views: one reminder in full, or 'N påminnelser' with the first few."""

    open_requested = Signal(str)
    snooze_requested = Signal(object)  # Reminder
    done_requested = Signal(object)  # Reminder
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reminderBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName(tr("Påminnelser"))
        self.entries: list[Entry] = []
        self.rows: list[ReminderRow] = []
        self.dialog: RemindersDialog | None = None
        self._generation = 0

        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.more_button = QPushButton()
        self.more_button.setAccessibleName(tr("Visa alla påminnelser"))
        self.more_button.clicked.connect(self.show_all)
        self.close_button = QPushButton(tr("Stäng"))
        self.close_button.setAccessibleName(tr("Stäng påminnelserna"))
        self.close_button.setToolTip(tr("Bevakningarna finns kvar under Bevakningar"))
        self.close_button.clicked.connect(self.clear)
        # 'N påminnelser' and 'Visa alla' above the rows; hidden for a single reminder.
        self.head = QWidget()
        top = QHBoxLayout(self.head)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.more_button)
        self.row_box = QVBoxLayout()
        self.row_box.setContentsMargins(0, 0, 0, 0)
        self.row_box.setSpacing(2)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.head)
        column.addLayout(self.row_box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addLayout(column, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        ctx.data_changed.connect(self.prune)
        self.hide()

    # --- content ------------------------------------------------------------------------

    def add(self, reminders: list[Reminder], *, missed: bool = False) -> None:
        """Show these reminders too (a newer one for the same follow-up replaces the old)."""
        ids = {r.follow_up_id for r in reminders}
        kept = [e for e in self.entries if e.reminder.follow_up_id not in ids]
        self.entries = kept + [Entry(r, missed) for r in reminders]
        self._rebuild()

    def remove(self, follow_up_id: int) -> None:
        before = len(self.entries)
        self.entries = [e for e in self.entries if e.reminder.follow_up_id != follow_up_id]
        if len(self.entries) != before:
            self._rebuild()

    def clear(self) -> None:
        self.entries = []
        self._rebuild()

    def title_text(self) -> str:
        if len(self.entries) == 1:
            return f"{tr('Bevakning:')} {reminder_text(self.entries[0].reminder)}"
        return count_text(self.entries)

    def _rebuild(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        single = len(self.entries) == 1
        for entry in self.entries[:VISIBLE_ROWS]:
            row = self.make_row(entry, prefix=single)
            self.row_box.addWidget(row)
            self.rows.append(row)
        self.title.setText(f"<b>{escape(count_text(self.entries))}</b>")
        self.head.setVisible(not single)
        hidden = len(self.entries) - VISIBLE_ROWS
        self.more_button.setText(tr("Visa alla (%1)…").replace("%1", str(len(self.entries))))
        self.more_button.setVisible(hidden > 0)
        # Reading order: 'Visa alla', each row's link and buttons, then 'Stäng'.
        chain = [self.more_button]
        for row in self.rows:
            chain += [row.open_button, row.snooze_button, row.done_button]
        chain.append(self.close_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setVisible(bool(self.entries))
        self.changed.emit()

    def make_row(self, entry: Entry, *, prefix: bool) -> ReminderRow:
        row = ReminderRow(entry, prefix=prefix)
        row.open_requested.connect(self.open_requested)
        row.snooze_requested.connect(self.snooze_requested)
        row.done_requested.connect(self.done_requested)
        return row

    def show_all(self) -> RemindersDialog:
        """Every reminder in the banner, each with its actions (the missed-reminders list)."""
        if self.dialog is None:
            self.dialog = RemindersDialog(self, self.window())
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
            self.dialog.open()
        return self.dialog

    # --- staying true to the table ------------------------------------------------------

    def prune(self) -> None:
        """Drop reminders the table no longer calls due (done, snoozed, moved, deleted)."""
        if not self.entries:
            return
        self._generation += 1
        generation = self._generation
        ids = [e.reminder.follow_up_id for e in self.entries]
        now = self.ctx.clock.now()

        def work(conn) -> set[int]:
            still = set()
            for follow_up_id in ids:
                try:
                    fu = get_follow_up(conn, follow_up_id)
                except NotFoundError:
                    continue
                if fu.state == "open" and fu.deleted_at is None and fu.fire_at <= now:
                    still.add(follow_up_id)
            return still

        def done(still: set[int]) -> None:
            if generation != self._generation:
                return
            kept = [e for e in self.entries if e.reminder.follow_up_id in still]
            kept += [e for e in self.entries if e.reminder.follow_up_id not in ids]
            if len(kept) != len(self.entries):
                self.entries = kept
                self._rebuild()

        self.ctx.tasks.run(work, done, lambda _exc: None)


class RemindersDialog(QDialog):
    """'12 missade påminnelser': all of them, each with Öppna / Snooza / Klar."""

    def __init__(self, banner: ReminderBanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.setMinimumSize(640, 360)
        self.heading = QLabel()
        self.rows: list[ReminderRow] = []
        self.box = QVBoxLayout()
        self.box.setSpacing(4)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.addLayout(self.box)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        scroll.setAccessibleName(tr("Påminnelser"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Stäng"))
        close.setAccessibleName(tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        banner.changed.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        entries = self.banner.entries
        title = count_text(entries) or tr("Inga påminnelser")
        self.setWindowTitle(title)
        self.heading.setText(f"<b style='font-size:large'>{escape(title)}</b>")
        for entry in entries:
            row = self.banner.make_row(entry, prefix=False)
            row.open_requested.connect(lambda _ref: self.accept())
            self.box.addWidget(row)
            self.rows.append(row)


class TrayNotifier(QObject):
    """A system-tray message when reminders come due; silently nothing without a tray."""

    clicked = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        self.last_message: tuple[str, str] | None = None

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def notify(self, reminders: list[Reminder], *, missed: bool = False) -> bool:
        """Show one message for these reminders; False when there is no system tray."""
        if not reminders:
            return False
        entries = [Entry(r, missed) for r in reminders]
        if len(reminders) == 1:
            title = f"{tr('Bevakning:')} {reminder_text(reminders[0])}"
            body = tr("Förföll %1").replace("%1", when_sv(reminders[0].fire_at))
        else:
            title = count_text(entries)
            body = "\n".join(reminder_text(r) for r in reminders[:VISIBLE_ROWS])
        return self.message(title, body)

    def message(self, title: str, body: str) -> bool:
        """One tray message (reminders, newly imported impulses); False without a tray."""
        self.last_message = (title, body)
        if not self.available():
            return False
        if self.tray is None:
            icon = self.window.windowIcon()
            if icon.isNull():
                icon = self.window.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxInformation
                )
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip("Överblick")
            self.tray.messageClicked.connect(self.clicked)
            self.tray.show()
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS)
        return True
