"""Processes: conflict theatres and dialogue initiatives, their phase and participants."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from contactkeeper import records
from contactkeeper.errors import InvalidRecord
from contactkeeper.model import (
    Actor,
    Participation,
    ParticipationRole,
    Process,
    ProcessPhase,
    Sensitivity,
    Track,
)
from contactkeeper.vault import Vault


@dataclass(frozen=True)
class ParticipantRole:
    participation_id: int
    actor_id: int
    display_name: str
    codename: str
    role: ParticipationRole
    note: str
    sensitivity: Sensitivity


@dataclass(frozen=True)
class ProcessInfo:
    id: int
    uuid: str
    name: str
    track: Track
    phase: ProcessPhase
    description: str
    participants: tuple[ParticipantRole, ...]

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
                )
            )
    return [
        ProcessInfo(
            id=p.id,
            uuid=p.uuid,
            name=p.name,
            track=p.track,
            phase=p.phase,
            description=p.description,
            participants=tuple(roles.get(p.id, ())),
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
            raise InvalidRecord("Role", f"this actor already takes part as {role}")
        process.participations.append(
            Participation(
                actor_id=actor_id, role=role, note=records.text("Note", note, max_length=2000)
            )
        )
        session.flush()
        return _info(process)


def remove_participant(vault: Vault, participation_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Participation, participation_id, "participation"))


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
    process.name = records.name("Name", name, max_length=300, required=True)
    process.track = Track(track)
    process.phase = ProcessPhase(phase)
    process.description = records.text("Description", description, max_length=100_000)


def _loaded(query: sa.Select[Process]) -> sa.Select[Process]:
    return query.options(
        selectinload(Process.participations)
        .selectinload(Participation.actor)
        .load_only(Actor.display_name, Actor.codename, Actor.sensitivity)
    )


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
            )
            for p in sorted(process.participations, key=lambda p: p.actor.display_name)
        ),
    )
