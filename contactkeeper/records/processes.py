"""Processes: conflict theatres and dialogue initiatives, their phase and participants."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import _
from contactkeeper.records import wording
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Participation,
    ParticipationRole,
    Process,
    ProcessPhase,
    Sensitivity,
    Side,
    Track,
)


@dataclass(frozen=True)
class ParticipantRole:
    participation_id: int
    actor_id: int
    display_name: str
    codename: str
    role: ParticipationRole
    note: str
    sensitivity: Sensitivity
    side_id: int | None = None


@dataclass(frozen=True)
class SideInfo:
    """A party to the process's conflict; participants belong to one side or to none."""

    id: int
    name: str
    notes: str


@dataclass(frozen=True)
class ProcessInfo:
    id: int
    uuid: str
    name: str
    track: Track
    phase: ProcessPhase
    description: str
    participants: tuple[ParticipantRole, ...]
    sides: tuple[SideInfo, ...] = ()

    def by_side(self) -> dict[int | None, list[ParticipantRole]]:
        """Participants grouped by side id, in the sides' order; ``None`` (no side) last."""
        groups: dict[int | None, list[ParticipantRole]] = {s.id: [] for s in self.sides}
        groups[None] = []
        for participant in self.participants:
            groups.setdefault(participant.side_id, []).append(participant)
        return {side: people for side, people in groups.items() if people}

    def side_name(self, side_id: int | None) -> str:
        return next((s.name for s in self.sides if s.id == side_id), "")

    def by_role(self) -> dict[ParticipationRole, list[ParticipantRole]]:
        """Participants grouped by role, in the catalogue's order of roles."""
        groups: dict[ParticipationRole, list[ParticipantRole]] = {r: [] for r in ParticipationRole}
        for participant in self.participants:
            groups[participant.role].append(participant)
        return {role: people for role, people in groups.items() if people}


def process_names(vault: Vault) -> list[tuple[int, str]]:
    """Every process's id and name, by name (for choosers: no participants loaded)."""
    with vault.transaction() as session:
        rows = session.execute(sa.select(Process.id, Process.name).order_by(Process.name))
        return [(row.id, row.name) for row in rows]


def list_processes(vault: Vault) -> list[ProcessInfo]:
    """Every process with its participants, read as plain rows (the processes list and the
    actors list's filter load them on every unlock; ORM objects for thousands of
    participations cost hundreds of milliseconds, benchmarks/README.md)."""
    with vault.transaction() as session:
        processes = session.execute(
            sa.select(
                Process.id,
                Process.uuid,
                Process.name,
                Process.track,
                Process.phase,
                Process.description,
            ).order_by(Process.name)
        ).all()
        roles: dict[int, list[ParticipantRole]] = {}
        for row in session.execute(
            sa.select(
                Participation.id,
                Participation.process_id,
                Participation.actor_id,
                Actor.display_name,
                Actor.codename,
                Participation.role,
                Participation.note,
                Actor.sensitivity,
                Participation.side_id,
            )
            .join(Actor, Actor.id == Participation.actor_id)
            .order_by(Actor.display_name, Participation.id)
        ):
            roles.setdefault(row.process_id, []).append(
                ParticipantRole(
                    row.id,
                    row.actor_id,
                    row.display_name,
                    row.codename,
                    row.role,
                    row.note,
                    row.sensitivity,
                    row.side_id,
                )
            )
        sides: dict[int, list[SideInfo]] = {}
        for side in session.execute(
            sa.select(Side.id, Side.process_id, Side.name, Side.notes).order_by(
                Side.position, Side.id
            )
        ):
            sides.setdefault(side.process_id, []).append(SideInfo(side.id, side.name, side.notes))
    return [
        ProcessInfo(
            id=p.id,
            uuid=p.uuid,
            name=p.name,
            track=p.track,
            phase=p.phase,
            description=p.description,
            participants=tuple(roles.get(p.id, ())),
            sides=tuple(sides.get(p.id, ())),
        )
        for p in processes
    ]


def get_process(vault: Vault, process_id: int) -> ProcessInfo:
    with vault.transaction() as session:
        process = session.scalar(_loaded(sa.select(Process).where(Process.id == process_id)))
        if process is None:
            process = records.fetch(session, Process, process_id, "process")
        return _info(process)


def create_process(
    vault: Vault,
    name: str,
    track: Track = Track.TWO,
    phase: ProcessPhase = ProcessPhase.EXPLORATORY,
    description: str = "",
) -> ProcessInfo:
    with vault.transaction() as session:
        process = Process()
        _apply(process, name, track, phase, description)
        session.add(process)
        session.flush()
        return _info(process)


def update_process(
    vault: Vault, process_id: int, name: str, track: Track, phase: ProcessPhase, description: str
) -> ProcessInfo:
    with vault.transaction() as session:
        process = records.fetch(session, Process, process_id, "process")
        _apply(process, name, track, phase, description)
        session.flush()
        return _info(process)


def delete_process(vault: Vault, process_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Process, process_id, "process"))


def add_participant(
    vault: Vault, process_id: int, actor_id: int, role: ParticipationRole, note: str = ""
) -> ProcessInfo:
    with vault.transaction() as session:
        process = records.fetch(session, Process, process_id, "process")
        records.fetch(session, Actor, actor_id, "actor")
        role = ParticipationRole(role)
        if any(p.actor_id == actor_id and p.role is role for p in process.participations):
            raise InvalidRecord(
                _("Role"),
                _("this actor already takes part as {role}").format(role=wording.label(role)),
            )
        process.participations.append(
            Participation(
                actor_id=actor_id, role=role, note=records.text(_("Note"), note, max_length=2000)
            )
        )
        session.flush()
        return _info(process)


def remove_participant(vault: Vault, participation_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Participation, participation_id, "participation"))


def add_side(vault: Vault, process_id: int, name: str, notes: str = "") -> ProcessInfo:
    """Add a party to the process's conflict, after the sides it already has."""
    with vault.transaction() as session:
        process = _fetch_loaded(session, process_id)
        cleaned = records.text(_("Side"), name, max_length=200, required=True)
        if any(s.name.casefold() == cleaned.casefold() for s in process.sides):
            raise InvalidRecord(
                _("Side"),
                _("this process already has a side called “{side}”").format(
                    side=i18n.isolate(cleaned)
                ),
            )
        position = max((s.position for s in process.sides), default=-1) + 1
        process.sides.append(
            Side(
                name=cleaned,
                position=position,
                notes=records.text(_("Notes"), notes, max_length=2000),
            )
        )
        session.flush()
        return _info(process)


def rename_side(vault: Vault, side_id: int, name: str, notes: str | None = None) -> ProcessInfo:
    with vault.transaction() as session:
        side = records.fetch(session, Side, side_id, "side")
        cleaned = records.text(_("Side"), name, max_length=200, required=True)
        if any(
            s.id != side.id and s.name.casefold() == cleaned.casefold() for s in side.process.sides
        ):
            raise InvalidRecord(
                _("Side"),
                _("this process already has a side called “{side}”").format(
                    side=i18n.isolate(cleaned)
                ),
            )
        side.name = cleaned
        if notes is not None:
            side.notes = records.text(_("Notes"), notes, max_length=2000)
        session.flush()
        return _info(side.process)


def remove_side(vault: Vault, side_id: int) -> None:
    """Remove a side; its participants stay in the process, on no side."""
    with vault.transaction() as session:
        session.delete(records.fetch(session, Side, side_id, "side"))


def set_participant_side(vault: Vault, participation_id: int, side_id: int | None) -> ProcessInfo:
    """Put a participant on one of their process's sides, or on none (``None``)."""
    with vault.transaction() as session:
        participation = records.fetch(session, Participation, participation_id, "participation")
        if side_id is not None:
            side = records.fetch(session, Side, side_id, "side")
            if side.process_id != participation.process_id:
                raise InvalidRecord(_("Side"), _("is a side of another process"))
        participation.side_id = side_id
        session.flush()
        return _info(participation.process)


def processes_of(vault: Vault, actor_id: int) -> list[tuple[int, str, ParticipationRole]]:
    """(process id, name, role) for every process the actor takes part in."""
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Process.id, Process.name, Participation.role)
            .join(Participation)
            .where(Participation.actor_id == actor_id)
            .order_by(Process.name)
        )
        return [(pid, name, role) for pid, name, role in rows]


def _apply(
    process: Process, name: str, track: Track, phase: ProcessPhase, description: str
) -> None:
    process.name = records.name(_("Name"), name, max_length=300, required=True)
    process.track = Track(track)
    process.phase = ProcessPhase(phase)
    process.description = records.text(_("Description"), description, max_length=100_000)


def _loaded(query: sa.Select[Process]) -> sa.Select[Process]:
    return query.options(
        selectinload(Process.participations)
        .selectinload(Participation.actor)
        .load_only(Actor.display_name, Actor.codename, Actor.sensitivity),
        selectinload(Process.sides),
    )


def _fetch_loaded(session: Session, process_id: int) -> Process:
    process = session.scalar(_loaded(sa.select(Process).where(Process.id == process_id)))
    if process is None:
        process = records.fetch(session, Process, process_id, "process")
    return process


def _info(process: Process) -> ProcessInfo:
    return ProcessInfo(
        id=process.id,
        uuid=process.uuid,
        name=process.name,
        track=process.track,
        phase=process.phase,
        description=process.description,
        participants=tuple(
            ParticipantRole(
                p.id,
                p.actor_id,
                p.actor.display_name,
                p.actor.codename,
                p.role,
                p.note,
                p.actor.sensitivity,
                p.side_id,
            )
            for p in sorted(process.participations, key=lambda p: p.actor.display_name)
        ),
        sides=tuple(SideInfo(s.id, s.name, s.notes) for s in process.sides),
    )
