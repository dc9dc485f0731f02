"""Arkiv → Säkerhetskopior: list the backups, take one now, restore one (after asking)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.style import decimal

REASONS_SV = {
    "manual": "manuell",
    "daily": "daglig",
    "pre-migration": "före uppgradering",
    "pre-import": "före import",
    "pre-restore": "före återställning",
}


class BackupsDialog(QDialog):
    """The database's backups, newest first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Säkerhetskopior"))
        self.backups: list[Any] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Tagen"), self.tr("Varför"),
                                              self.tr("Storlek")])  # fmt: skip
        self.table.setAccessibleName(self.tr("Säkerhetskopior, nyaste först"))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.status = QLabel(
            self.tr("Säkerhetskopiorna ligger i mappen backups bredvid databasen.")
        )
        self.status.setWordWrap(True)
        self.take = QPushButton(self.tr("Ta säkerhetskopia &nu"))
        self.take.clicked.connect(self.take_now)
        self.restore = QPushButton(self.tr("&Återställ vald…"))
        self.restore.clicked.connect(self.ask_restore)
        row = QHBoxLayout()
        row.addWidget(self.take)
        row.addWidget(self.restore)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self.reload()

    def reload(self) -> None:
        db_path = self.ctx.db_path

        def work(_conn: Any) -> list[Any]:
            from app.safety.backups import list_backups

            return list_backups(db_path)

        self.ctx.tasks.run(work, self._show)

    def _show(self, backups: list[Any]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            values = [info.taken_at.strftime("%Y-%m-%d %H:%M"),
                      self.tr(REASONS_SV.get(info.reason, info.reason)),
                      f"{decimal(info.size / 1_000_000)} MB"]  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.restore.setEnabled(bool(backups))
        if backups:
            self.table.selectRow(0)

    def take_now(self) -> None:
        clock = self.ctx.clock

        def work(conn: Any) -> Any:
            from app.safety.backups import take_backup

            return take_backup(conn, "manual", clock)

        def done(path: Any) -> None:
            self.status.setText(self.tr("Säkerhetskopia tagen: %1").replace("%1", path.name))
            self.reload()

        self.ctx.tasks.run(work, done, self._failed)

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def ask_restore(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Återställ säkerhetskopia"),
            self.tr(
                "Återställa databasen till säkerhetskopian från %1?\n\nDet som gjorts efter "
                "den försvinner ur databasen, men nuvarande läge sparas först som en egen "
                "säkerhetskopia."
            ).replace("%1", info.taken_at.strftime("%Y-%m-%d %H:%M")),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(info.path)

    def restore_from(self, backup: Any) -> None:
        db_path, clock = self.ctx.db_path, self.ctx.clock

        def work(_conn: Any) -> Any:
            from app.safety.backups import restore_backup

            return restore_backup(db_path, backup, clock)

        def done(result: Any) -> None:
            self.status.setText(
                self.tr("Återställd från %1. Läget före finns i %2.")
                .replace("%1", result.restored_from.name)
                .replace("%2", result.pre_restore.name if result.pre_restore else "-")
            )
            self.ctx.changed()
            self.reload()

        self.ctx.tasks.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
