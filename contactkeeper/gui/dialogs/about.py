"""Help > About: the version, and the licences of the libraries ContactKeeper is built on."""

from __future__ import annotations

import html
from importlib.metadata import PackageNotFoundError, version

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from contactkeeper import __version__
from contactkeeper.i18n import N_, _

# (what, distribution to read the version from, licence)
LIBRARIES: tuple[tuple[str, str | None, str], ...] = (
    ("Qt", None, "LGPL-3.0"),
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0"),
    (N_("SQLCipher (through sqlcipher3)"), "sqlcipher3", "BSD-3-Clause; sqlcipher3: zlib"),
    ("SQLite", None, N_("public domain")),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("cryptography", "cryptography", N_("Apache-2.0 or BSD-3-Clause")),
    (N_("pyrage (age format)"), "pyrage", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("vobject", "vobject", "Apache-2.0"),
    ("icalendar", "icalendar", "BSD-2-Clause"),
    ("RapidFuzz", "rapidfuzz", "MIT"),
    ("NetworkX", "networkx", "BSD-3-Clause"),
    ("Rich", "rich", "MIT"),
    ("segno", "segno", "BSD-3-Clause"),
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
        f"<tr><td>{html.escape(_(name))}</td>"
        f"<td>{html.escape(library_version(name, dist))}</td>"
        f"<td>{html.escape(_(licence))}</td></tr>"
        for name, dist, licence in LIBRARIES
    )
    return (
        _("<h2>ContactKeeper {version}</h2>").format(version=html.escape(__version__))
        + _(
            "<p>A secure relationship manager for track-two diplomacy and mediation.<br>"
            "Licensed under the GNU General Public License, version 3 or later.<br>"
            "Your records stay in an encrypted vault on this computer; "
            "ContactKeeper contains no network code.</p>"
        )
        + _("<p>Built with:</p>")
        + "<table cellspacing='0' cellpadding='3'>"
        + "<tr><th align='left'>{library}</th><th align='left'>{version}</th>"
        "<th align='left'>{licence}</th></tr>".format(
            library=_("Library"), version=_("Version"), licence=_("Licence")
        )
        + f"{rows}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About ContactKeeper"))
        layout = QVBoxLayout(self)
        self.text = QLabel(about_text())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(_("About ContactKeeper"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
