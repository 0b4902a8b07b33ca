"""Organizations (ministries, parties, armed groups, NGOs, families, tribes, companies) and
the dated affiliations of actors with them.

An organization's page (:func:`organization_overview`) gathers what the practitioner reads
there: its members over time (current first, then past, each with their role and dates),
the relationships of its members, and the processes its members take part in. Members come
with their codename and sensitivity, so that the page shows each by the privacy rule; an
affiliation is a quasi-identifier of its actor, so a member whose identity is withheld
should not be listed beside the organization at all (the page does that, not this module).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from contactkeeper import records
from contactkeeper.i18n import _
from contactkeeper.records.actors import AffiliationInfo
from contactkeeper.records.relationships import RelationshipInfo, relationships_among
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    Organization,
    OrganizationKind,
    Participation,
    ParticipationRole,
    Process,
    ProcessPhase,
    Sensitivity,
)


@dataclass(frozen=True)
class OrganizationInfo:
    id: int
    uuid: str
    name: str
    kind: OrganizationKind
    country: str
    notes: str
    official: bool = False  # part of the official track (track one)


@dataclass(frozen=True)
class MemberInfo:
    """One affiliation of an actor with the organization: who, in what role, when."""

    affiliation_id: int
    actor_id: int
    display_name: str
    codename: str
    sensitivity: Sensitivity
    role: str
    started_on: date | None
    ended_on: date | None

    def current(self, today: date) -> bool:
        """A member now: the affiliation has not ended by ``today``."""
        return self.ended_on is None or self.ended_on > today


@dataclass(frozen=True)
class MemberProcess:
    """A process one of the organization's members takes part in, and in which role."""

    process_id: int
    process_name: str
    phase: ProcessPhase
    actor_id: int
    display_name: str
    codename: str
    sensitivity: Sensitivity
    role: ParticipationRole


@dataclass(frozen=True)
class OrganizationOverview:
    """What an organization's page shows."""

    info: OrganizationInfo
    members: tuple[MemberInfo, ...]  # current members by name, then past ones, latest first
    relationships: tuple[RelationshipInfo, ...]  # every tie from or to a member
    processes: tuple[MemberProcess, ...]  # by process name, then member
    # Where its members are now, outside it: actor id -> "role, organization" of each of
    # their current affiliations elsewhere (a past member's new post, a member's other hat).
    elsewhere: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    def current_members(self, today: date) -> list[MemberInfo]:
        return [m for m in self.members if m.current(today)]

    def past_members(self, today: date) -> list[MemberInfo]:
        return [m for m in self.members if not m.current(today)]


def get_organization(vault: Vault, organization_id: int) -> OrganizationInfo:
    with vault.transaction() as session:
        return _info(records.fetch(session, Organization, organization_id, "organization"))


def organization_overview(vault: Vault, organization_id: int, today: date) -> OrganizationOverview:
    """The organization, its members over time, their relationships and their processes."""
    with vault.transaction() as session:
        info = _info(records.fetch(session, Organization, organization_id, "organization"))
        rows = session.execute(
            sa.select(
                Affiliation.id,
                Affiliation.actor_id,
                Actor.display_name,
                Actor.codename,
                Actor.sensitivity,
                Affiliation.role,
                Affiliation.started_on,
                Affiliation.ended_on,
            )
            .join(Actor, Actor.id == Affiliation.actor_id)
            .where(Affiliation.organization_id == organization_id)
        ).all()
        members = [MemberInfo(*row) for row in rows]
        member_ids = sorted({m.actor_id for m in members})
        taking_part = session.execute(
            sa.select(
                Process.id,
                Process.name,
                Process.phase,
                Actor.id,
                Actor.display_name,
                Actor.codename,
                Actor.sensitivity,
                Participation.role,
            )
            .join(Participation, Participation.process_id == Process.id)
            .join(Actor, Actor.id == Participation.actor_id)
            .where(Participation.actor_id.in_(member_ids))
            .order_by(Process.name, Actor.display_name)
        ).all()
        other_posts = session.execute(
            sa.select(Affiliation.actor_id, Affiliation.role, Organization.name)
            .join(Organization, Organization.id == Affiliation.organization_id)
            .where(
                Affiliation.actor_id.in_(member_ids),
                Affiliation.organization_id != organization_id,
                sa.or_(Affiliation.ended_on.is_(None), Affiliation.ended_on > today),
            )
            .order_by(Affiliation.actor_id, Organization.name)
        ).all()
    elsewhere: dict[int, tuple[str, ...]] = {}
    for actor_id, role, name in other_posts:
        elsewhere[actor_id] = (*elsewhere.get(actor_id, ()), f"{role}, {name}" if role else name)
    now_members = sorted(
        (m for m in members if m.current(today)), key=lambda m: m.display_name.casefold()
    )
    past = sorted(
        (m for m in members if not m.current(today)),
        key=lambda m: (m.ended_on or today, m.display_name.casefold()),
        reverse=True,
    )
    return OrganizationOverview(
        info,
        (*now_members, *past),
        tuple(relationships_among(vault, member_ids)),
        tuple(MemberProcess(*row) for row in taking_part),
        elsewhere,
    )


def list_organizations(vault: Vault) -> list[OrganizationInfo]:
    with vault.transaction() as session:
        return [
            _info(o) for o in session.scalars(sa.select(Organization).order_by(Organization.name))
        ]


def create_organization(
    vault: Vault,
    name: str,
    kind: OrganizationKind = OrganizationKind.OTHER,
    country: str = "",
    notes: str = "",
) -> OrganizationInfo:
    with vault.transaction() as session:
        organization = Organization()
        _apply(organization, name, kind, country, notes)
        session.add(organization)
        session.flush()
        return _info(organization)


def update_organization(
    vault: Vault, organization_id: int, name: str, kind: OrganizationKind, country: str, notes: str
) -> OrganizationInfo:
    with vault.transaction() as session:
        organization = records.fetch(session, Organization, organization_id, "organization")
        _apply(organization, name, kind, country, notes)
        session.flush()
        return _info(organization)


def set_official(vault: Vault, organization_id: int, official: bool) -> None:
    """Mark an organization as part of the official track (or not): transfers go to it."""
    with vault.transaction() as session:
        records.fetch(session, Organization, organization_id, "organization").official = official


def official_organizations(vault: Vault) -> list[tuple[int, str]]:
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Organization.id, Organization.name)
            .where(Organization.official)
            .order_by(Organization.name)
        )
        return [(r.id, r.name) for r in rows]


def delete_organization(vault: Vault, organization_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Organization, organization_id, "organization"))


def add_affiliation(
    vault: Vault,
    actor_id: int,
    organization_id: int,
    role: str = "",
    started_on: date | None = None,
    ended_on: date | None = None,
) -> AffiliationInfo:
    records.date_span(started_on, ended_on)
    with vault.transaction() as session:
        records.fetch(session, Actor, actor_id, "actor")
        organization = records.fetch(session, Organization, organization_id, "organization")
        affiliation = Affiliation(
            actor_id=actor_id,
            organization=organization,
            role=records.name(_("Role"), role, max_length=200),
            started_on=started_on,
            ended_on=ended_on,
        )
        session.add(affiliation)
        session.flush()
        return AffiliationInfo(
            affiliation.id,
            organization.id,
            organization.name,
            affiliation.role,
            started_on,
            ended_on,
        )


def get_affiliation(vault: Vault, affiliation_id: int) -> AffiliationInfo:
    with vault.transaction() as session:
        return _affiliation(records.fetch(session, Affiliation, affiliation_id, "affiliation"))


def update_affiliation(
    vault: Vault,
    affiliation_id: int,
    role: str,
    started_on: date | None,
    ended_on: date | None,
) -> AffiliationInfo:
    """Correct an affiliation: its role and its dates (``ended_on`` None: it goes on)."""
    records.date_span(started_on, ended_on)
    with vault.transaction() as session:
        affiliation = records.fetch(session, Affiliation, affiliation_id, "affiliation")
        affiliation.role = records.name(_("Role"), role, max_length=200)
        affiliation.started_on = started_on
        affiliation.ended_on = ended_on
        session.flush()
        return _affiliation(affiliation)


def end_affiliation(vault: Vault, affiliation_id: int, ended_on: date) -> None:
    with vault.transaction() as session:
        affiliation = records.fetch(session, Affiliation, affiliation_id, "affiliation")
        records.date_span(affiliation.started_on, ended_on)
        affiliation.ended_on = ended_on


def delete_affiliation(vault: Vault, affiliation_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Affiliation, affiliation_id, "affiliation"))


def _affiliation(affiliation: Affiliation) -> AffiliationInfo:
    return AffiliationInfo(
        affiliation.id,
        affiliation.organization_id,
        affiliation.organization.name,
        affiliation.role,
        affiliation.started_on,
        affiliation.ended_on,
    )


def _apply(
    organization: Organization, name: str, kind: OrganizationKind, country: str, notes: str
) -> None:
    organization.name = records.name(_("Name"), name, max_length=300, required=True)
    organization.kind = OrganizationKind(kind)
    organization.country = records.name(_("Country"), country, max_length=100)
    organization.notes = records.text(_("Notes"), notes, max_length=100_000)


def _info(organization: Organization) -> OrganizationInfo:
    return OrganizationInfo(
        organization.id,
        organization.uuid,
        organization.name,
        organization.kind,
        organization.country,
        organization.notes,
        organization.official,
    )
