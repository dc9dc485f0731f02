"""The keyboard shortcut overlay (F1 or ?)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

SHORTCUTS = (
    ("Ctrl+1 … Ctrl+5", "Idag, Impulser, Ärendestock, Bevakningar, Team"),
    (
        "Ctrl+I / Ctrl+E",
        "Importera filer / Exportera ärendestocken (eller dra filer till fönstret)",
    ),
    ("J / K eller ↓ / ↑", "Nästa / föregående ärende (förhandsvisas)"),
    ("Enter", "Öppna ärendet"),
    ("Esc", "Tillbaka"),
    ("/", "Sök"),
    ("O", "Registrera utfall för impulsen"),
    ("1 / 2 / 3", "Åtgärdad / Annan aktör / Inte relevant"),
    ("F", "Ny bevakning"),
    ("Ctrl+4", "Bevakningar"),
    ("Delete / Ctrl+Z", "Ta bort bevakning / Ångra (i Bevakningar)"),
    ("Ctrl+Z", "Ångra senaste ändringen i det öppna ärendet (samtycke, läge, checklista, dag 181)"),
    ("P", "Planera till…"),
    ("W", "Varför? (alla bidrag till prioriteten)"),
    ("F5", "Uppdatera"),
    ("F1 eller ?", "Den här hjälpen"),
)


class ShortcutHelp(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kortkommandon"))
        rows = "".join(
            f"<tr><td style='padding-right:16px'><b>{key}</b></td><td>{self.tr(what)}</td></tr>"
            for key, what in SHORTCUTS
        )
        label = QLabel(f"<table>{rows}</table>")
        label.setAccessibleName(self.tr("Lista över kortkommandon"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
