"""Follow-ups: tasks with a due date, tied to an actor, an interaction or a process."""

from __future__ import annotations

import functools
import threading
import weakref
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from contactkeeper import records
from contactkeeper.i18n import _
from contactkeeper.records.reading import read_connection
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    FollowUp,
    Interaction,
    Process,
    Sensitivity,
)


@dataclass(frozen=True)
class NewFollowUp:
    title: str
    due_on: date
    actor_id: int | None = None
    process_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    uuid: str
    title: str
    due_on: date
    done_at: datetime | None
    actor_id: int | None
    actor_name: str
    actor_codename: str
    interaction_id: int | None
    process_id: int | None
    process_name: str
    note: str
    actor_sensitivity: Sensitivity  # normal when there is no actor

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def overdue(self, today: date) -> bool:
        return not self.done and self.due_on < today


def add_follow_up(
    session: Session,
    new: NewFollowUp,
    interaction: Interaction | None = None,
    *,
    interaction_id: int | None = None,
) -> FollowUp:
    """Create a follow-up inside an open unit of work, from ``interaction`` (an object of
    this unit of work) or ``interaction_id`` (a row already written) if it came of one."""
    if new.actor_id is not None:
        records.fetch(session, Actor, new.actor_id, "actor")
    if new.process_id is not None:
        records.fetch(session, Process, new.process_id, "process")
    follow_up = FollowUp(
        title=records.text(_("Follow-up"), new.title, max_length=300, required=True),
        due_on=new.due_on,
        actor_id=new.actor_id,
        process_id=new.process_id,
        note=records.text(_("Note"), new.note, max_length=100_000),
    )
    if interaction is not None:
        follow_up.interaction = interaction
    else:
        follow_up.interaction_id = interaction_id
    session.add(follow_up)
    return follow_up


def create_follow_up(vault: Vault, new: NewFollowUp) -> FollowUpInfo:
    with vault.transaction() as session:
        follow_up = add_follow_up(session, new)
        session.flush()
        return follow_up_info(follow_up)


def set_done(vault: Vault, follow_up_id: int, done: bool, now: datetime) -> FollowUpInfo:
    """Tick a follow-up off (or back on)."""
    with vault.transaction() as session:
        follow_up = records.fetch(session, FollowUp, follow_up_id, "follow-up")
        follow_up.done_at = records.aware(_("Done at"), now) if done else None
        session.flush()
        return follow_up_info(follow_up)


def update_follow_up(
    vault: Vault, follow_up_id: int, *, title: str, due_on: date, note: str
) -> FollowUpInfo:
    with vault.transaction() as session:
        follow_up = records.fetch(session, FollowUp, follow_up_id, "follow-up")
        follow_up.title = records.text(_("Follow-up"), title, max_length=300, required=True)
        follow_up.due_on = due_on
        follow_up.note = records.text(_("Note"), note, max_length=100_000)
        session.flush()
        return follow_up_info(follow_up)


def delete_follow_up(vault: Vault, follow_up_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, FollowUp, follow_up_id, "follow-up"))


def list_follow_ups(
    vault: Vault,
    *,
    include_done: bool = False,
    due_by: date | None = None,
    actor_id: int | None = None,
    process_id: int | None = None,
    offset: int = 0,
    limit: int = 500,
    reminders: bool = False,
) -> list[FollowUpInfo]:
    """Follow-ups, earliest due first (open ones first when done ones are included). With
    ``reminders``, only those Today may remind you of: none about a do-not-contact actor."""
    query = _follow_up_query(
        include_done, due_by is not None, actor_id is not None, process_id is not None, reminders
    )
    wanted = {
        "due_by": due_by,
        "actor_id": actor_id,
        "process_id": process_id,
        "offset": offset,
        "limit": limit,
    }
    # Plain rows, not ORM objects: Today lists hundreds of these (benchmarks/README.md).
    with read_connection(vault) as conn:
        return [
            FollowUpInfo(
                id=row.id,
                uuid=row.uuid,
                title=row.title,
                due_on=row.due_on,
                done_at=row.done_at,
                actor_id=row.actor_id,
                actor_name=row.display_name or "",
                actor_codename=row.codename or "",
                interaction_id=row.interaction_id,
                process_id=row.process_id,
                process_name=row.name or "",
                note=row.note,
                actor_sensitivity=row.sensitivity or Sensitivity.NORMAL,
            )
            for row in conn.execute(query, wanted)
        ]


@functools.lru_cache(maxsize=64)
def _follow_up_query(
    include_done: bool, due_by: bool, actor_id: bool, process_id: bool, reminders: bool
) -> sa.Select[*tuple[Any, ...]]:
    """The statement of :func:`list_follow_ups` for the filters given (values bound at each
    call): made once for each combination, so SQLAlchemy and the driver reuse it."""
    query = sa.select(
        FollowUp.id,
        FollowUp.uuid,
        FollowUp.title,
        FollowUp.due_on,
        FollowUp.done_at,
        FollowUp.actor_id,
        FollowUp.interaction_id,
        FollowUp.process_id,
        FollowUp.note,
        Actor.display_name,
        Actor.codename,
        Actor.sensitivity,
        Process.name,
    )
    if not include_done:
        query = query.where(FollowUp.done_at.is_(None))
    if due_by:
        query = query.where(FollowUp.due_on <= sa.bindparam("due_by", type_=sa.Date()))
    if actor_id:
        query = query.where(FollowUp.actor_id == sa.bindparam("actor_id"))
    if process_id:
        query = query.where(FollowUp.process_id == sa.bindparam("process_id"))
    if reminders:
        query = query.where(_not_silenced())
    # Open ones alone: the order of the index of open follow-ups by day, so that the first
    # page is read without sorting every one due (Today, on a large vault).
    order: list[Any] = [FollowUp.due_on, FollowUp.id]
    if include_done:
        order.insert(0, FollowUp.done_at.is_not(None))
    return (
        query.outerjoin(Actor, Actor.id == FollowUp.actor_id)
        .outerjoin(Process, Process.id == FollowUp.process_id)
        .order_by(*order)
        .offset(sa.bindparam("offset", type_=sa.Integer()))
        .limit(sa.bindparam("limit", type_=sa.Integer()))
    )


def _due_by(today: date, within_days: int) -> date:
    return date.fromordinal(today.toordinal() + within_days)


def due(
    vault: Vault, today: date, within_days: int = 7, *, limit: int | None = None
) -> list[FollowUpInfo]:
    """Open follow-ups overdue or due within ``within_days``, earliest first: the Today
    list. ``limit`` keeps only the first ones (Today shows a screenful, with
    :func:`count_due` for the rest); without it, every one (up to 500)."""
    if limit is not None and limit < 0:
        raise ValueError("limit must not be negative")
    return list_follow_ups(
        vault,
        due_by=_due_by(today, within_days),
        limit=500 if limit is None else limit,
        reminders=True,
    )


def count_due(vault: Vault, today: date, within_days: int = 7) -> int:
    """How many open follow-ups are overdue or due within ``within_days`` (all of them).

    Counting reads every open follow-up due, so a vault with years of them would make
    Today slower each year: the answer is kept for the day asked until the next committed
    write to ``follow_ups`` or ``actors`` (marking an actor do not contact silences their
    reminders; :mod:`contactkeeper.vault.generations`)."""
    key = (vault.generations.of("follow_ups", "actors"), today, within_days)
    with _KEPT_LOCK:
        kept = _KEPT_DUE.get(vault)
    if kept is not None and kept[0] == key:
        return kept[1]
    query = (
        sa.select(sa.func.count())
        .select_from(FollowUp)
        .where(FollowUp.done_at.is_(None), FollowUp.due_on <= _due_by(today, within_days))
        .where(_not_silenced())
    )
    with vault.transaction() as session:
        total = session.scalar(query) or 0
    with _KEPT_LOCK:
        _KEPT_DUE[vault] = (key, total)
    return total


_KEPT_DUE: weakref.WeakKeyDictionary[Vault, tuple[tuple[Any, ...], int]] = (
    weakref.WeakKeyDictionary()
)
_KEPT_LOCK: Final = threading.Lock()


def _not_silenced() -> sa.ColumnElement[bool]:
    """Not about an actor marked do not contact, who silences every reminder."""
    silenced = aliased(Actor)
    return sa.or_(
        FollowUp.actor_id.is_(None),
        ~sa.exists().where(
            silenced.id == FollowUp.actor_id, silenced.status == ActorStatus.DO_NOT_CONTACT
        ),
    )


def follow_up_info(follow_up: FollowUp) -> FollowUpInfo:
    actor, process = follow_up.actor, follow_up.process
    return FollowUpInfo(
        id=follow_up.id,
        uuid=follow_up.uuid,
        title=follow_up.title,
        due_on=follow_up.due_on,
        done_at=follow_up.done_at,
        actor_id=follow_up.actor_id,
        actor_name=actor.display_name if actor else "",
        actor_codename=actor.codename if actor else "",
        interaction_id=follow_up.interaction_id,
        process_id=follow_up.process_id,
        process_name=process.name if process else "",
        note=follow_up.note,
        actor_sensitivity=actor.sensitivity if actor else Sensitivity.NORMAL,
    )


def page_of(vault: Vault, follow_up_id: int) -> tuple[str, int] | None:
    """Where a follow-up is shown: the page of its actor, process, event or transfer, as
    ``(kind, id)`` (the first it has, in that order), or None if it is tied to none."""
    with vault.transaction() as session:
        follow_up = records.fetch(session, FollowUp, follow_up_id, "follow-up")
        for kind, record_id in (
            ("actor", follow_up.actor_id),
            ("process", follow_up.process_id),
            ("event", follow_up.event_id),
            ("transfer", follow_up.transfer_id),
        ):
            if record_id is not None:
                return kind, record_id
    return None
