"""Reflective practice: each process's theory of change, its reviews, its unplanned openings.

A process has a theory of change (a short text; every version is kept, the newest is the
current one) and a review cadence in days. A review records the decision (go on, pause,
stop), why, and what was learnt; a review is due when the cadence has passed since the last
one (or since the cadence was set, for a process never reviewed). Interactions may be
marked as unexpected openings: several celebrated processes began by accident, and the
process page lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from contactkeeper import records
from contactkeeper.i18n import _
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    AttributionRule,
    Interaction,
    Process,
    Review,
    ReviewDecision,
    TheoryOfChange,
)


@dataclass(frozen=True)
class TheoryVersion:
    id: int
    text: str
    written_at: datetime


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    uuid: str
    process_id: int
    held_on: date
    decision: ReviewDecision
    reasons: str
    learnt: str


@dataclass(frozen=True)
class ReviewDue:
    process_id: int
    process_name: str
    due_on: date
    last_held_on: date | None


@dataclass(frozen=True)
class Opening:
    interaction_id: int
    occurred_at: datetime
    summary: str
    attribution: AttributionRule


def set_theory_of_change(vault: Vault, process_id: int, text: str, now: datetime) -> None:
    """Write a new version of the process's theory of change (the old ones are kept)."""
    with vault.transaction() as session:
        records.fetch(session, Process, process_id, "process")
        session.add(
            TheoryOfChange(
                process_id=process_id,
                text=records.text(_("Theory of change"), text, max_length=20_000, required=True),
                written_at=records.aware(_("Written at"), now),
            )
        )


def theory_history(vault: Vault, process_id: int) -> list[TheoryVersion]:
    """Every version of the theory of change, the current one first."""
    with vault.transaction() as session:
        rows = session.scalars(
            sa.select(TheoryOfChange)
            .where(TheoryOfChange.process_id == process_id)
            .order_by(TheoryOfChange.written_at.desc(), TheoryOfChange.id.desc())
        )
        return [TheoryVersion(t.id, t.text, t.written_at) for t in rows]


def current_theory(vault: Vault, process_id: int) -> str:
    history = theory_history(vault, process_id)
    return history[0].text if history else ""


def set_review_cadence(vault: Vault, process_id: int, days: int | None) -> None:
    with vault.transaction() as session:
        process = records.fetch(session, Process, process_id, "process")
        process.review_every_days = (
            None if days is None else records.positive(_("Review every"), days)
        )


def review_cadence(vault: Vault, process_id: int) -> int | None:
    """Days between reviews of the process, or None when it has no cadence."""
    with vault.transaction() as session:
        return records.fetch(session, Process, process_id, "process").review_every_days


def record_review(
    vault: Vault,
    process_id: int,
    held_on: date,
    decision: ReviewDecision,
    reasons: str = "",
    learnt: str = "",
) -> int:
    with vault.transaction() as session:
        records.fetch(session, Process, process_id, "process")
        review = Review(
            process_id=process_id,
            held_on=held_on,
            decision=ReviewDecision(decision),
            reasons=records.text(_("Why"), reasons, max_length=20_000),
            learnt=records.text(_("What was learnt"), learnt, max_length=20_000),
        )
        session.add(review)
        session.flush()
        return review.id


def delete_review(vault: Vault, review_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Review, review_id, "review"))


def list_reviews(vault: Vault, process_id: int) -> list[ReviewInfo]:
    """A process's reviews, the latest first."""
    with vault.transaction() as session:
        rows = session.scalars(
            sa.select(Review)
            .where(Review.process_id == process_id)
            .order_by(Review.held_on.desc(), Review.id.desc())
        )
        return [
            ReviewInfo(r.id, r.uuid, r.process_id, r.held_on, r.decision, r.reasons, r.learnt)
            for r in rows
        ]


def reviews_due(vault: Vault, today: date) -> list[ReviewDue]:
    """Processes with a review cadence whose next review is due by ``today``."""
    last = (
        sa.select(Review.process_id, sa.func.max(Review.held_on).label("held_on"))
        .group_by(Review.process_id)
        .subquery()
    )
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(
                Process.id,
                Process.name,
                Process.review_every_days,
                Process.created_at,
                last.c.held_on,
            )
            .outerjoin(last, last.c.process_id == Process.id)
            .where(Process.review_every_days.is_not(None))
            .order_by(Process.name)
        ).all()
    due: list[ReviewDue] = []
    for pid, name, every, created_at, held_on in rows:
        since = held_on or created_at.astimezone().date()
        due_on = since + timedelta(days=every)
        if due_on <= today:
            due.append(ReviewDue(pid, name, due_on, held_on))
    return sorted(due, key=lambda d: (d.due_on, d.process_name))


def mark_unexpected_opening(vault: Vault, interaction_id: int, opening: bool = True) -> None:
    """Mark (or unmark) an interaction as an opening nobody planned."""
    with vault.transaction() as session:
        interaction = records.fetch(session, Interaction, interaction_id, "interaction")
        interaction.unexpected_opening = opening


def unexpected_openings(vault: Vault, process_id: int) -> list[Opening]:
    with vault.transaction() as session:
        rows = session.scalars(
            sa.select(Interaction)
            .where(Interaction.process_id == process_id, Interaction.unexpected_opening)
            .order_by(Interaction.occurred_at)
        )
        return [Opening(i.id, i.occurred_at, i.summary, i.attribution) for i in rows]
