"""What an import did: counts, the reason when a file could not be read, and the rejects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ImportResultDialog(QDialog):
    """One line per imported file, and a button that opens the reject report."""

    def __init__(self, results: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importen är klar"))
        self.results = results
        layout = QVBoxLayout(self)
        headers = [self.tr("Fil"), self.tr("Nya"), self.tr("Uppdaterade"),
                   self.tr("Oförändrade"), self.tr("Avvisade")]  # fmt: skip
        self.table = QTableWidget(len(results), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Resultat per fil"))
        self.table.verticalHeader().hide()
        for row, result in enumerate(results):
            values = [Path(result.file).name, result.created, result.updated, result.unchanged,
                      result.rejected]  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        self.summary = QLabel("\n".join(r.summary_sv() for r in results))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_rejects = QPushButton(self.tr("Öppna avvisade rader"))
        self.open_rejects.setAccessibleName(self.tr("Öppna filen med avvisade rader"))
        self.reject_files = [Path(r.reject_file) for r in results if r.reject_file]
        self.open_rejects.setEnabled(bool(self.reject_files))
        self.open_rejects.clicked.connect(self._open_rejects)
        buttons.addButton(self.open_rejects, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 300)

    def _open_rejects(self) -> None:
        for path in self.reject_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ImportHistoryDialog(QDialog):
    """The latest imports: when, file, counts and status."""

    def __init__(self, runs: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importhistorik"))
        headers = [self.tr("När"), self.tr("Fil"), self.tr("Källa"), self.tr("Nya"),
                   self.tr("Uppdaterade"), self.tr("Oförändrade"), self.tr("Avvisade"),
                   self.tr("Status")]  # fmt: skip
        table = QTableWidget(len(runs), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setAccessibleName(self.tr("Importhistorik"))
        table.verticalHeader().hide()
        status = {"ok": self.tr("klar"), "partial": self.tr("delvis"),
                  "failed": self.tr("misslyckad"), "skipped": self.tr("hoppades över")}  # fmt: skip
        for row, run in enumerate(runs):
            values = [run.started_at[:16].replace("T", " "), run.file_name, run.source or "",
                      run.created, run.updated, run.unchanged, run.rejected,
                      status.get(run.status, run.status)]  # fmt: skip
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(str(value)))
        table.resizeColumnsToContents()
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not runs:
            layout.addWidget(QLabel(self.tr("Inga importer ännu.")))
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(760, 360)
