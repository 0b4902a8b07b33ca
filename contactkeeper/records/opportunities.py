"""The moment: the practitioner's opportunity flag on a process, dated, with a note and an
expiry. The program suggests (contactkeeper.records.ripeness); only the practitioner sets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contactkeeper import records
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import _
from contactkeeper.records import ripeness
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Process


@dataclass(frozen=True)
class Opportunity:
    process_id: int
    flagged_on: date | None
    until: date | None
    note: str

    def open_on(self, day: date) -> bool:
        return ripeness.opportunity_open(self.flagged_on, self.until, day)


def opportunity(vault: Vault, process_id: int) -> Opportunity:
    with vault.transaction() as session:
        process = records.fetch(session, Process, process_id, "process")
        return Opportunity(
            process.id, process.opportunity_on, process.opportunity_until, process.opportunity_note
        )


def flag_opportunity(
    vault: Vault, process_id: int, flagged_on: date, until: date | None, note: str
) -> Opportunity:
    """The practitioner says the moment has come (the program never does)."""
    if until is not None and until < flagged_on:
        raise InvalidRecord(_("Opportunity"), _("it cannot expire before the day it is flagged"))
    with vault.transaction() as session:
        process = records.fetch(session, Process, process_id, "process")
        process.opportunity_on = flagged_on
        process.opportunity_until = until
        process.opportunity_note = records.text(_("Note"), note, max_length=10_000)
    return Opportunity(process_id, flagged_on, until, note)


def clear_opportunity(vault: Vault, process_id: int) -> None:
    with vault.transaction() as session:
        process = records.fetch(session, Process, process_id, "process")
        process.opportunity_on = None
        process.opportunity_until = None
        process.opportunity_note = ""
