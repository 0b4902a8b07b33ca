"""Who a participant is, in the terms that decide whether track two works.

Besides influence (:mod:`contactkeeper.records.processes`), an actor has their track (one:
official; one and a half; two: unofficial; three: grassroots), their access to
decision-makers, their standing with their own community, their trust in the practitioner
(the facilitator is the "repository of trust" of a process) and the personal risk contact
with them carries, each judged 1 (low) to 5 (high), or not judged. Their side is per process
(``Participation.side_id``). Personal risk also sets the default sensitivity: a risk of 4
makes the actor at least sensitive, 5 high-risk; judging a lower risk never lowers it.
Their attribution rule is the default for what they say.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from contactkeeper import records
from contactkeeper.i18n import _
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ActorTrack,
    AttributionRule,
    Participation,
    Process,
    Sensitivity,
    Side,
)

_LEVELS = (Sensitivity.NORMAL, Sensitivity.SENSITIVE, Sensitivity.HIGH_RISK)


@dataclass(frozen=True)
class Standing:
    actor_track: ActorTrack | None = None
    access: int | None = None
    standing: int | None = None
    trust_in_me: int | None = None
    personal_risk: int | None = None
    attribution: AttributionRule = AttributionRule.ON_RECORD


@dataclass(frozen=True)
class SideInProcess:
    process_id: int
    process_name: str
    side: str  # "" when on no side


def sensitivity_for_risk(risk: int | None) -> Sensitivity:
    if risk is not None and risk >= 5:
        return Sensitivity.HIGH_RISK
    if risk is not None and risk >= 4:
        return Sensitivity.SENSITIVE
    return Sensitivity.NORMAL


def get_standing(vault: Vault, actor_id: int) -> Standing:
    with vault.transaction() as session:
        actor = records.fetch(session, Actor, actor_id, "actor")
        return Standing(
            actor.actor_track,
            actor.access,
            actor.standing,
            actor.trust_in_me,
            actor.personal_risk,
            actor.attribution,
        )


def set_standing(vault: Vault, actor_id: int, standing: Standing) -> Sensitivity:
    """Record the actor's track-two attributes; returns their sensitivity afterwards."""
    with vault.transaction() as session:
        actor = records.fetch(session, Actor, actor_id, "actor")
        actor.actor_track = (
            None if standing.actor_track is None else ActorTrack(standing.actor_track)
        )
        actor.access = _judged(_("Access"), standing.access)
        actor.standing = _judged(_("Standing"), standing.standing)
        actor.trust_in_me = _judged(_("Trust in you"), standing.trust_in_me)
        actor.personal_risk = _judged(_("Personal risk"), standing.personal_risk)
        actor.attribution = AttributionRule(standing.attribution)
        floor = sensitivity_for_risk(actor.personal_risk)
        if _LEVELS.index(floor) > _LEVELS.index(actor.sensitivity):
            actor.sensitivity = floor
        return actor.sensitivity


def sides_of(vault: Vault, actor_id: int) -> list[SideInProcess]:
    """The actor's side in each process they take part in."""
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Process.id, Process.name, Side.name)
            .join(Participation, Participation.process_id == Process.id)
            .outerjoin(Side, Side.id == Participation.side_id)
            .where(Participation.actor_id == actor_id)
            .order_by(Process.name)
            .distinct()
        )
        return [SideInProcess(pid, name, side or "") for pid, name, side in rows]


def _judged(field: str, value: int | None) -> int | None:
    return None if value is None else records.scale(field, value)
