"""Placeholder for the preview pane (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PreviewPane(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.label = QLabel("Välj ett ärende")
        QVBoxLayout(self).addWidget(self.label)

    def show_case(self, case_ref: str) -> None:
        self.label.setText(case_ref)
