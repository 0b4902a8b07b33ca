"""The transfer log: what track two passed to the official track, and what came of it.

A transfer is an idea, a proposal or a message; where it came from (an event and one of its
outcomes, or an interaction); to whom in track one it was passed (an actor whose track is
one, or an organization marked official); when and through which channel; and its result
(awaiting a reaction, no reply, acknowledged, taken up, rejected), with follow-ups. Its
attribution rule is at least that of where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.i18n import _
from contactkeeper.records.attribution import strictest
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ActorTrack,
    AttributionRule,
    Event,
    EventOutcome,
    FollowUp,
    Interaction,
    Organization,
    Process,
    Sensitivity,
    Transfer,
    TransferKind,
    TransferResult,
)

SETTLED = frozenset({TransferResult.TAKEN_UP, TransferResult.REJECTED, TransferResult.ACKNOWLEDGED})


@dataclass(frozen=True)
class NewTransfer:
    content: str
    passed_on: date
    kind: TransferKind = TransferKind.IDEA
    process_id: int | None = None
    event_id: int | None = None
    outcome_id: int | None = None
    interaction_id: int | None = None
    recipient_actor_id: int | None = None
    recipient_organization_id: int | None = None
    via: str = ""
    attribution: AttributionRule | None = None  # None: that of where it came from


@dataclass(frozen=True)
class TransferInfo:
    id: int
    uuid: str
    kind: TransferKind
    content: str
    passed_on: date
    via: str
    result: TransferResult
    result_on: date | None
    result_note: str
    attribution: AttributionRule
    process_id: int | None
    process_name: str
    event_id: int | None
    event_title: str
    outcome_id: int | None
    interaction_id: int | None
    recipient_actor_id: int | None
    recipient_name: str
    recipient_codename: str
    recipient_sensitivity: Sensitivity
    recipient_organization_id: int | None
    recipient_organization: str
    open_follow_ups: int = 0

    @property
    def awaiting(self) -> bool:
        return self.result is TransferResult.AWAITING

    @property
    def origin(self) -> str:
        """Where it came from, in words."""
        if self.event_title:
            # Translators: where a transfer came from: "the Montreux workshop".
            return _("the {event}").format(event=i18n.isolate(self.event_title))
        if self.interaction_id is not None:
            return _("an interaction")
        return ""


@dataclass(frozen=True)
class Outcome:
    """What came of a transfer, and when (no date while it awaits a reaction)."""

    result: TransferResult
    on: date | None = None
    note: str = ""


def log_transfer(vault: Vault, new: NewTransfer, *, follow_up: NewFollowUp | None = None) -> int:
    """Record that something was passed to track one (with a first follow-up, if given);
    returns the transfer's id."""
    with vault.transaction() as session:
        transfer = Transfer()
        _apply(session, transfer, new)
        session.add(transfer)
        session.flush()
        if follow_up is not None:
            _add_follow_up(session, transfer, follow_up.title, follow_up.due_on)
        return transfer.id


def update_transfer(
    vault: Vault,
    transfer_id: int,
    new: NewTransfer,
    *,
    outcome: Outcome | None = None,
    follow_up: NewFollowUp | None = None,
) -> None:
    """Change a transfer: what, from where, to whom, when, how; what came of it (when
    ``outcome`` is given); and add a follow-up (when ``follow_up`` is given). All or nothing."""
    with vault.transaction() as session:
        transfer = records.fetch(session, Transfer, transfer_id, "transfer")
        _apply(session, transfer, new)
        if outcome is not None:
            _set_outcome(transfer, outcome)
        if follow_up is not None:
            _add_follow_up(session, transfer, follow_up.title, follow_up.due_on)


def record_result(
    vault: Vault, transfer_id: int, result: TransferResult, on: date | None, note: str = ""
) -> None:
    """What came of it: no reply, acknowledged, taken up, rejected (or awaiting again)."""
    with vault.transaction() as session:
        transfer = records.fetch(session, Transfer, transfer_id, "transfer")
        _set_outcome(transfer, Outcome(result, on, note))


def as_new(info: TransferInfo) -> NewTransfer:
    """The fields of a transfer, to edit them (its rule kept: editing never loosens it)."""
    return NewTransfer(
        content=info.content,
        passed_on=info.passed_on,
        kind=info.kind,
        process_id=info.process_id,
        event_id=info.event_id,
        outcome_id=info.outcome_id,
        interaction_id=info.interaction_id,
        recipient_actor_id=info.recipient_actor_id,
        recipient_organization_id=info.recipient_organization_id,
        via=info.via,
        attribution=info.attribution,
    )


def _set_outcome(transfer: Transfer, outcome: Outcome) -> None:
    transfer.result = TransferResult(outcome.result)
    transfer.result_on = None if transfer.result is TransferResult.AWAITING else outcome.on
    transfer.result_note = records.text(_("What came of it"), outcome.note, max_length=10_000)


def delete_transfer(vault: Vault, transfer_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Transfer, transfer_id, "transfer"))


def add_follow_up(vault: Vault, transfer_id: int, title: str, due_on: date) -> int:
    with vault.transaction() as session:
        transfer = records.fetch(session, Transfer, transfer_id, "transfer")
        return _add_follow_up(session, transfer, title, due_on)


def _add_follow_up(session: Session, transfer: Transfer, title: str, due_on: date) -> int:
    follow_up = FollowUp(
        title=records.text(_("Follow-up"), title, max_length=300, required=True),
        due_on=due_on,
        transfer_id=transfer.id,
        process_id=transfer.process_id,
    )
    session.add(follow_up)
    session.flush()
    return follow_up.id


def get_transfer(vault: Vault, transfer_id: int) -> TransferInfo:
    found = _list(vault, Transfer.id == transfer_id)
    if not found:
        raise RecordNotFound("transfer", transfer_id)
    return found[0]


def list_transfers(
    vault: Vault, *, process_id: int | None = None, awaiting_only: bool = False
) -> list[TransferInfo]:
    """The transfer log, latest first."""
    where: list[sa.ColumnElement[bool]] = []
    if process_id is not None:
        where.append(Transfer.process_id == process_id)
    if awaiting_only:
        where.append(Transfer.result == TransferResult.AWAITING)
    return _list(vault, *where)


def _list(vault: Vault, *where: sa.ColumnElement[bool]) -> list[TransferInfo]:
    open_follow_ups = (
        sa.select(sa.func.count(FollowUp.id))
        .where(FollowUp.transfer_id == Transfer.id, FollowUp.done_at.is_(None))
        .scalar_subquery()
    )
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Transfer, open_follow_ups)
            .where(*where)
            .order_by(Transfer.passed_on.desc(), Transfer.id.desc())
            .options(
                selectinload(Transfer.process).load_only(Process.name),
                selectinload(Transfer.event).load_only(Event.title),
                selectinload(Transfer.recipient_actor).load_only(
                    Actor.display_name, Actor.codename, Actor.sensitivity
                ),
                selectinload(Transfer.recipient_organization).load_only(Organization.name),
            )
        )
        return [_info(t, n) for t, n in rows]


def _official(session: Session, new: NewTransfer) -> None:
    if new.recipient_actor_id is None and new.recipient_organization_id is None:
        raise InvalidRecord(_("Passed to"), _("must name someone in the official track"))
    if new.recipient_actor_id is not None:
        actor = records.fetch(session, Actor, new.recipient_actor_id, "actor")
        if actor.actor_track is not ActorTrack.ONE:
            raise InvalidRecord(
                _("Passed to"),
                _("{name} is not marked as track one; set their track first").format(
                    name=i18n.isolate(actor.display_name)
                ),
            )
    if new.recipient_organization_id is not None:
        organization = records.fetch(
            session, Organization, new.recipient_organization_id, "organization"
        )
        if not organization.official:
            raise InvalidRecord(
                _("Passed to"),
                _("{name} is not marked official; mark it first").format(
                    name=i18n.isolate(organization.name)
                ),
            )


def _apply(session: Session, transfer: Transfer, new: NewTransfer) -> None:
    _official(session, new)
    origin_rules: list[AttributionRule | None] = [new.attribution]
    process_id, event_id = new.process_id, new.event_id
    if new.outcome_id is not None:
        outcome = records.fetch(session, EventOutcome, new.outcome_id, "outcome")
        event_id = event_id or outcome.event_id
        if outcome.event_id != event_id:
            raise InvalidRecord(_("Outcome"), _("is an outcome of another event"))
        origin_rules.append(outcome.attribution)
    if event_id is not None:
        event = records.fetch(session, Event, event_id, "event")
        process_id = process_id or event.process_id
        origin_rules.append(event.attribution)
    if new.interaction_id is not None:
        interaction = records.fetch(session, Interaction, new.interaction_id, "interaction")
        process_id = process_id or interaction.process_id
        origin_rules.append(interaction.attribution)
    if process_id is not None:
        records.fetch(session, Process, process_id, "process")
    transfer.kind = TransferKind(new.kind)
    transfer.content = records.text(
        _("What was passed"), new.content, max_length=10_000, required=True
    )
    transfer.passed_on = new.passed_on
    transfer.process_id = process_id
    transfer.event_id = event_id
    transfer.outcome_id = new.outcome_id
    transfer.interaction_id = new.interaction_id
    transfer.recipient_actor_id = new.recipient_actor_id
    transfer.recipient_organization_id = new.recipient_organization_id
    transfer.via = records.name(_("Through"), new.via, max_length=300)
    transfer.attribution = strictest(origin_rules)


def _info(t: Transfer, open_follow_ups: int) -> TransferInfo:
    actor, organization = t.recipient_actor, t.recipient_organization
    return TransferInfo(
        id=t.id,
        uuid=t.uuid,
        kind=t.kind,
        content=t.content,
        passed_on=t.passed_on,
        via=t.via,
        result=t.result,
        result_on=t.result_on,
        result_note=t.result_note,
        attribution=t.attribution,
        process_id=t.process_id,
        process_name=t.process.name if t.process else "",
        event_id=t.event_id,
        event_title=t.event.title if t.event else "",
        outcome_id=t.outcome_id,
        interaction_id=t.interaction_id,
        recipient_actor_id=t.recipient_actor_id,
        recipient_name=actor.display_name if actor else "",
        recipient_codename=actor.codename if actor else "",
        recipient_sensitivity=actor.sensitivity if actor else Sensitivity.NORMAL,
        recipient_organization_id=t.recipient_organization_id,
        recipient_organization=organization.name if organization else "",
        open_follow_ups=open_follow_ups or 0,
    )
