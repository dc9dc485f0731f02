"""Placeholder for the full case view (being built)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.views.base import View


class CaseView(View):
    back_requested = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.label = QLabel("case")
        QVBoxLayout(self).addWidget(self.label)
        self.case_ref: str | None = None

    def open_case(self, case_ref: str) -> None:
        self.case_ref = case_ref
        self.label.setText(case_ref)

    def refresh(self) -> None:
        self.loaded.emit()
