"""Placeholder for the stock view (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.views.base import View


class StockView(View):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel("stock"))

    def refresh(self) -> None:
        self.loaded.emit()
