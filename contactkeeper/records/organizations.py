"""Organizations (ministries, parties, armed groups, NGOs, families, tribes, companies) and
the dated affiliations of actors with them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from contactkeeper import records
from contactkeeper.records.actors import AffiliationInfo
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, Affiliation, Organization, OrganizationKind


@dataclass(frozen=True)
class OrganizationInfo:
    id: int
    uuid: str
    name: str
    kind: OrganizationKind
    country: str
    notes: str
    official: bool = False  # part of the official track (track one)


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
            role=records.name("Role", role, max_length=200),
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


def end_affiliation(vault: Vault, affiliation_id: int, ended_on: date) -> None:
    with vault.transaction() as session:
        affiliation = records.fetch(session, Affiliation, affiliation_id, "affiliation")
        records.date_span(affiliation.started_on, ended_on)
        affiliation.ended_on = ended_on


def delete_affiliation(vault: Vault, affiliation_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Affiliation, affiliation_id, "affiliation"))


def _apply(
    organization: Organization, name: str, kind: OrganizationKind, country: str, notes: str
) -> None:
    organization.name = records.name("Name", name, max_length=300, required=True)
    organization.kind = OrganizationKind(kind)
    organization.country = records.name("Country", country, max_length=100)
    organization.notes = records.text("Notes", notes, max_length=100_000)


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
