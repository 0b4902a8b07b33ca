"""Help > About: the version, and the licences of the libraries ContactKeeper is built on."""

from __future__ import annotations

import html
from importlib.metadata import PackageNotFoundError, version

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from contactkeeper import __version__

# (what, distribution to read the version from, licence)
LIBRARIES: tuple[tuple[str, str | None, str], ...] = (
    ("Qt", None, "LGPL-3.0"),
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0"),
    ("SQLCipher (through sqlcipher3)", "sqlcipher3", "BSD-3-Clause; sqlcipher3: zlib"),
    ("SQLite", None, "public domain"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("cryptography", "cryptography", "Apache-2.0 or BSD-3-Clause"),
    ("pyrage (age format)", "pyrage", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("vobject", "vobject", "Apache-2.0"),
    ("icalendar", "icalendar", "BSD-2-Clause"),
    ("RapidFuzz", "rapidfuzz", "MIT"),
    ("NetworkX", "networkx", "BSD-3-Clause"),
    ("Rich", "rich", "MIT"),
)


def library_version(name: str, distribution: str | None) -> str:
    if name == "Qt":
        return qVersion()
    if name == "SQLite":
        import sqlcipher3

        return str(sqlcipher3.sqlite_version)
    if distribution is None:
        return ""
    if distribution == "PySide6-Essentials":
        return str(pyside_version)
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def about_text() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(library_version(name, dist))}</td>"
        f"<td>{html.escape(licence)}</td></tr>"
        for name, dist, licence in LIBRARIES
    )
    return (
        f"<h2>ContactKeeper {html.escape(__version__)}</h2>"
        "<p>A secure relationship manager for track-two diplomacy and mediation.<br>"
        "Licensed under the GNU General Public License, version 3 or later.<br>"
        "Your records stay in an encrypted vault on this computer; "
        "ContactKeeper contains no network code.</p>"
        "<p>Built with:</p>"
        "<table cellspacing='0' cellpadding='3'>"
        "<tr><th align='left'>Library</th><th align='left'>Version</th>"
        f"<th align='left'>Licence</th></tr>{rows}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About ContactKeeper")
        layout = QVBoxLayout(self)
        self.text = QLabel(about_text())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("About ContactKeeper")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
