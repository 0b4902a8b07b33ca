"""Sharing records with colleagues: the selection, the payload, the merge.

A practitioner chooses what to share (a process with its participants, or chosen actors,
and for each the kinds of records); :func:`preview_selection` says what goes and what is
left out and why; :func:`build_payload` writes it as canonical JSON (the payload an exchange
bundle carries, described in docs/exchange-format.md). A colleague's payload, once its
envelope is verified, is previewed (:func:`preview_payload`, which writes nothing) and
applied (:func:`apply_payload`, one transaction): records are matched by UUID; each shared
field carries a version vector, so that a newer edit wins field by field, concurrent edits
of one field become a conflict for the user (:func:`pending_conflicts`,
:func:`settle_conflict`), and the losing value is kept in the record's history with where
it came from (:func:`record_history`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from contactkeeper.i18n import _, isolate
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import NO_CHANGES, Changes

# The largest payload built or read (bytes of UTF-8 JSON), and the most records it holds.
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
MAX_PAYLOAD_RECORDS = 200_000
# The version of the payload format written; readers refuse a newer one.
FORMAT_VERSION = 1


class RecordKind(enum.StrEnum):
    """The kinds of records a practitioner chooses to share, for each actor or process."""

    PROFILE = "profile"  # the actor (names, country, judgements) or the process and sides
    CHANNELS = "channels"
    INTERACTIONS = "interactions"
    CUES = "cues"  # readiness cues
    FOLLOW_UPS = "follow_ups"
    EVENTS = "events"  # with their invitation lists


ALL_KINDS: frozenset[RecordKind] = frozenset(RecordKind)


@dataclass(frozen=True)
class Selection:
    """What to share: processes (with their participants) and actors, and which kinds.

    High-risk actors, private notes (an actor's notes, a channel's notes, a participation's
    note) and items whose attribution rule forbids naming their source are left out unless
    the matching ``include_*`` is set.
    """

    process_ids: frozenset[int] = frozenset()
    actor_ids: frozenset[int] = frozenset()
    kinds: frozenset[RecordKind] = ALL_KINDS
    include_high_risk: bool = False
    include_private_notes: bool = False
    include_restricted: bool = False


@dataclass(frozen=True)
class LeftOut:
    """Something the selection touches that will not be shared, and why (for the preview)."""

    line: str  # "Actor ‹Falcon›: high-risk; choose “include high-risk actors” to share"
    kind: RecordKind
    count: int = 1


@dataclass(frozen=True)
class SharePreview:
    """What a selection would share: counts by kind, and what is left out and why."""

    counts: Mapping[RecordKind, int]
    actors: int
    processes: int
    left_out: tuple[LeftOut, ...] = ()

    @property
    def empty(self) -> bool:
        return self.actors == 0 and self.processes == 0

    def lines(self) -> list[str]:
        """The preview in sentences for people (what goes, then what is left out)."""
        from contactkeeper.i18n import ngettext, number

        def count(kind: RecordKind) -> int:
            return self.counts.get(kind, 0)

        lines = [
            ngettext("{n} process", "{n} processes", self.processes).format(
                n=number(self.processes)
            ),
            ngettext("{n} actor", "{n} actors", self.actors).format(n=number(self.actors)),
        ]
        if RecordKind.CHANNELS in self.counts:
            n = count(RecordKind.CHANNELS)
            lines.append(ngettext("{n} channel", "{n} channels", n).format(n=number(n)))
        if RecordKind.INTERACTIONS in self.counts:
            n = count(RecordKind.INTERACTIONS)
            lines.append(ngettext("{n} interaction", "{n} interactions", n).format(n=number(n)))
        if RecordKind.CUES in self.counts:
            n = count(RecordKind.CUES)
            lines.append(ngettext("{n} readiness cue", "{n} readiness cues", n).format(n=number(n)))
        if RecordKind.FOLLOW_UPS in self.counts:
            n = count(RecordKind.FOLLOW_UPS)
            lines.append(ngettext("{n} follow-up", "{n} follow-ups", n).format(n=number(n)))
        if RecordKind.EVENTS in self.counts:
            n = count(RecordKind.EVENTS)
            lines.append(ngettext("{n} event", "{n} events", n).format(n=number(n)))
        if self.left_out:
            lines.append(_("Left out:"))
            lines.extend(item.line for item in self.left_out)
        return lines


@dataclass(frozen=True)
class MergeItem:
    """One record of a received payload as the merge sees it."""

    kind: str  # the record's kind, as :class:`contactkeeper.vault.changes.Kind` names it
    uuid: str
    line: str  # for people: "New actor ‹Falcon›", "Process ‹Valley›: phase, description"
    fields: tuple[str, ...] = ()  # the fields it changes (or that conflict)


@dataclass(frozen=True)
class MergePreview:
    """What applying a payload would do; nothing is written to see it."""

    sender: str
    sent_at: datetime
    new: tuple[MergeItem, ...] = ()
    changed: tuple[MergeItem, ...] = ()
    conflicts: tuple[MergeItem, ...] = ()
    deleted: tuple[MergeItem, ...] = ()  # tombstones: records that would go to the trash
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        """Whether applying would change nothing."""
        return not (self.new or self.changed or self.conflicts or self.deleted)

    def lines(self) -> list[str]:
        """The preview in sentences for people."""
        from contactkeeper.i18n import long_date, ngettext, number

        lines = [
            _("From {sender}, made {date}").format(
                sender=isolate(self.sender), date=long_date(self.sent_at)
            ),
            ngettext("{n} new record", "{n} new records", len(self.new)).format(
                n=number(len(self.new))
            ),
            ngettext("{n} record changed", "{n} records changed", len(self.changed)).format(
                n=number(len(self.changed))
            ),
            ngettext(
                "{n} record in conflict", "{n} records in conflict", len(self.conflicts)
            ).format(n=number(len(self.conflicts))),
            ngettext(
                "{n} record deleted (to the trash)",
                "{n} records deleted (to the trash)",
                len(self.deleted),
            ).format(n=number(len(self.deleted))),
            ngettext("{n} record unchanged", "{n} records unchanged", self.unchanged).format(
                n=number(self.unchanged)
            ),
        ]
        for items in (self.conflicts, self.changed, self.deleted, self.new):
            lines.extend(item.line for item in items)
        return lines


@dataclass(frozen=True)
class MergeReport(MergePreview):
    """What applying a payload did, and what changed for the views to refresh."""

    changes: Changes = field(default=NO_CHANGES)


@dataclass(frozen=True)
class Conflict:
    """Two edits of one field made without seeing each other, waiting for the user."""

    id: int
    kind: str
    uuid: str
    record_id: int | None  # None when the record is no longer in the vault
    label: str  # the record's name (an actor goes by codename when high-risk)
    field: str  # the field's name as stored
    field_label: str  # as shown to people
    ours: str  # each value as shown to people
    theirs: str
    sender: str
    received_at: datetime

    @property
    def line(self) -> str:
        # Translators: a conflict: a record's field, our value and a colleague's value.
        return _("{record}, {field}: yours {ours}; from {sender}: {theirs}").format(
            record=isolate(self.label),
            field=self.field_label,
            ours=isolate(self.ours),
            sender=isolate(self.sender),
            theirs=isolate(self.theirs),
        )


@dataclass(frozen=True)
class HistoryEntry:
    """A value a field had, replaced or lost in a merge, with its provenance."""

    field: str
    field_label: str
    value: str  # as shown to people
    source: str  # the colleague it came from; "" when edited in this vault
    edited_at: datetime | None
    replaced_at: datetime
    reason: str  # "replaced" (a newer edit), "lost" (a settled conflict), "deleted"

    @property
    def line(self) -> str:
        from contactkeeper.i18n import long_date

        if self.source:
            # Translators: a value a field lost in a merge, and where it came from.
            return _("{field}: {value} (from {source}, {date})").format(
                field=self.field_label,
                value=isolate(self.value),
                source=isolate(self.source),
                date=long_date(self.edited_at or self.replaced_at),
            )
        return _("{field}: {value} (edited here, {date})").format(
            field=self.field_label,
            value=isolate(self.value),
            date=long_date(self.edited_at or self.replaced_at),
        )


def preview_selection(vault: Vault, selection: Selection) -> SharePreview:
    """What ``selection`` would share, counted by kind, and what is left out and why."""
    from contactkeeper.exchange.team import selection as chooser

    return chooser.preview(vault, selection)


def build_payload(
    vault: Vault, selection: Selection, *, sender_name: str, now: datetime | None = None
) -> bytes:
    """The payload for ``selection``: UTF-8 canonical JSON (docs/exchange-format.md).

    ``sender_name`` is how the sender names themselves (shown as provenance). Raises
    :class:`contactkeeper.errors.NothingToShare` when the selection shares nothing, and
    :class:`contactkeeper.errors.PayloadTooLarge` beyond :data:`MAX_PAYLOAD_BYTES`.
    """
    from contactkeeper.exchange.team import selection as chooser

    return chooser.build(vault, selection, sender_name, now)


def preview_payload(vault: Vault, payload: bytes, *, sender: str) -> MergePreview:
    """What applying ``payload`` (from the colleague ``sender``) would do; writes nothing.

    Raises :class:`contactkeeper.errors.PayloadInvalid` for a payload that does not follow
    the format (hostile or damaged) and :class:`contactkeeper.errors.PayloadTooNew` for a
    newer format version.
    """
    from contactkeeper.exchange.team import merge

    return merge.preview(vault, payload, sender)


def apply_payload(
    vault: Vault, payload: bytes, *, sender: str, received_at: datetime
) -> MergeReport:
    """Merge ``payload`` into the vault in one transaction; what it did.

    Applying the same payload twice changes nothing; an older payload never overwrites a
    newer edit. Same errors as :func:`preview_payload`.
    """
    from contactkeeper.exchange.team import merge

    return merge.apply(vault, payload, sender, received_at)


def pending_conflicts(vault: Vault) -> list[Conflict]:
    """Conflicts waiting for the user, oldest first."""
    from contactkeeper.exchange.team import merge

    return merge.conflicts(vault)


def settle_conflict(vault: Vault, conflict_id: int, keep: Literal["ours", "theirs"]) -> Changes:
    """Settle a conflict: keep our value or theirs; the other goes to the record's history.

    The settled value is a new local edit: it wins over both sides at the next exchange.
    """
    from contactkeeper.exchange.team import merge

    return merge.settle(vault, conflict_id, keep)


def record_history(vault: Vault, uuid: str) -> list[HistoryEntry]:
    """The values a record lost or had replaced in merges, newest first."""
    from contactkeeper.exchange.team import merge

    return merge.history(vault, uuid)


def record_provenance(vault: Vault, uuid: str) -> list[str]:
    """Where a record's current values came from: one line per colleague and day, naming
    the fields they sent ("From Nour Khalidi, 2 December 2026: country, languages")."""
    from contactkeeper.exchange.team import merge

    return merge.provenance(vault, uuid)


__all__ = [
    "ALL_KINDS",
    "FORMAT_VERSION",
    "MAX_PAYLOAD_BYTES",
    "MAX_PAYLOAD_RECORDS",
    "Conflict",
    "HistoryEntry",
    "LeftOut",
    "MergeItem",
    "MergePreview",
    "MergeReport",
    "RecordKind",
    "Selection",
    "SharePreview",
    "apply_payload",
    "build_payload",
    "pending_conflicts",
    "preview_payload",
    "preview_selection",
    "record_history",
    "record_provenance",
    "settle_conflict",
]
