"""Under an actor's name: who they are with (role and organization) and the processes they
take part in, each process a link to its page.

A high-risk actor's affiliations are hidden whenever the name is (privacy mode, or until
the passphrase reveals the name): ``show_roles`` is told so by the page, which asks the
context's rule (:meth:`AppContext.affiliation_hidden`). Process names are not hidden: the
process pages show them in privacy mode too.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from contactkeeper import i18n
from contactkeeper.gui.presentation import word
from contactkeeper.i18n import _, isolate, ngettext, pgettext
from contactkeeper.records.actors import AffiliationInfo
from contactkeeper.vault.model import ParticipationRole

LINK_PREFIX = "process:"
SHOWN_AFFILIATIONS = 3  # current affiliations named in the header; the Profile tab has all


def current(affiliations: Sequence[AffiliationInfo], on: date) -> list[AffiliationInfo]:
    """The affiliations held on ``on`` (started, not ended), as given (newest first)."""
    return [
        a
        for a in affiliations
        if (a.started_on is None or a.started_on <= on) and (a.ended_on is None or a.ended_on >= on)
    ]


def _role_at(affiliation: AffiliationInfo) -> str:
    """``Adviser, Ministry of the Interior`` (what the user typed, isolated)."""
    if affiliation.role:
        # Translators: a role held in an organization: "Adviser, Ministry of the Interior".
        return _("{role}, {organization}").format(
            role=isolate(affiliation.role), organization=isolate(affiliation.organization)
        )
    return isolate(affiliation.organization)


def month(day: date) -> str:
    """A month and its year, as the locale writes them: "Mar 2026", "mars 2026"."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMM", day, locale=i18n.formats_locale())


def affiliation_text(affiliations: Sequence[AffiliationInfo], on: date) -> str:
    """``Adviser, Ministry of the Interior · Member, Coastal Forum``; the last one held,
    with its end, when none is current; or that none is recorded."""
    now = current(affiliations, on)
    if now:
        shown = " · ".join(_role_at(a) for a in now[:SHOWN_AFFILIATIONS])
        more = len(now) - SHOWN_AFFILIATIONS
        if more <= 0:
            return shown
        return ngettext(
            "{affiliations} · and {n} more (Profile tab)",
            "{affiliations} · and {n} more (Profile tab)",
            more,
        ).format(affiliations=shown, n=i18n.number(more))
    ended = [a for a in affiliations if a.ended_on is not None and a.ended_on < on]
    if ended:
        last = max(ended, key=lambda a: a.ended_on or date.min)
        assert last.ended_on is not None
        return _("Formerly {affiliation} (until {month})").format(
            affiliation=_role_at(last), month=month(last.ended_on)
        )
    return _("No affiliation recorded")


def processes_html(taking_part: Sequence[tuple[int, str, ParticipationRole]]) -> str:
    """``In: <a>Coastal dialogue</a> (party, adviser) · ...``, one link per process."""
    if not taking_part:
        return _("In no process yet")
    roles: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for process_id, name, role in taking_part:
        names[process_id] = name
        roles.setdefault(process_id, []).append(word(role))
    # Translators: between the items of a short list, "party, adviser".
    comma = pgettext("list separator", ", ")
    links = [
        # Translators: a process (a link) and the actor's roles in it.
        _("{process} ({roles})").format(
            process=f'<a href="{LINK_PREFIX}{process_id}">'
            f"{isolate(html.escape(names[process_id]))}</a>",
            roles=html.escape(comma.join(roles[process_id])),
        )
        for process_id in names
    ]
    # Translators: {processes} are links to the processes an actor takes part in.
    return _("In: {processes}").format(processes=" · ".join(links))


class ActorRoles(QWidget):
    """Two lines: the actor's current affiliation(s), and the processes they are in."""

    process_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.affiliation_label = QLabel()
        self.affiliation_label.setAccessibleName(_("Affiliation and role"))
        self.affiliation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.affiliation_label.setWordWrap(True)
        self.affiliation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.processes_label = QLabel()
        self.processes_label.setAccessibleName(_("Processes this actor takes part in"))
        self.processes_label.setTextFormat(Qt.TextFormat.RichText)
        self.processes_label.setWordWrap(True)
        self.processes_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.processes_label.linkActivated.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.affiliation_label)
        layout.addWidget(self.processes_label)

    def show_roles(
        self,
        affiliations: Sequence[AffiliationInfo],
        taking_part: Sequence[tuple[int, str, ParticipationRole]],
        on: date,
        *,
        hidden: str | None = None,
    ) -> None:
        """Show them; ``hidden``: the affiliations may not be shown now, say this instead."""
        if hidden is not None:
            # Translators: {hidden} says why: "hidden in privacy mode".
            self.affiliation_label.setText(_("Affiliation {hidden}").format(hidden=hidden))
        else:
            self.affiliation_label.setText(affiliation_text(affiliations, on))
        self.processes_label.setText(processes_html(taking_part))

    def clear(self) -> None:
        self.affiliation_label.clear()
        self.processes_label.clear()

    def _link(self, link: str) -> None:
        if link.startswith(LINK_PREFIX) and link[len(LINK_PREFIX) :].isdigit():
            self.process_activated.emit(int(link[len(LINK_PREFIX) :]))
