"""Actors through the service API, on a real vault."""

from __future__ import annotations

from datetime import timedelta

import pytest

from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.records import actors, interactions, organizations, processes
from contactkeeper.records.actors import ActorFilter, NewActor
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    ActorStatus,
    InteractionKind,
    OrganizationKind,
    ParticipationRole,
    Sensitivity,
)
from tests.conftest import FakeClock


def test_a_new_actor_gets_a_unique_codename_and_keeps_every_field(
    vault: Vault, clock: FakeClock
) -> None:
    layla = actors.create_actor(
        vault,
        NewActor(
            "Layla Haddad",
            sensitivity=Sensitivity.HIGH_RISK,
            cadence_days=14,
            country="Eastern Province",
            languages="ar, fr",
            notes="Met through the chamber of commerce.",
            tags=["water", "youth"],
            name_variants=["ليلى حداد", "Leila Hadad"],
        ),
        clock(),
    )
    other = actors.create_actor(vault, NewActor("Karim Nassar"), clock())
    assert layla.codename
    assert other.codename
    assert layla.codename != other.codename
    again = actors.get_actor(vault, layla.id, clock())
    assert again.display_name == "Layla Haddad"
    assert [v.name for v in again.name_variants] == ["ليلى حداد", "Leila Hadad"]
    assert again.tags == ("water", "youth")
    assert again.sensitivity is Sensitivity.HIGH_RISK
    assert again.cadence_days == 14
    assert len(again.uuid) == 36
    assert again.warmth.warmth is Warmth.COLD  # never contacted yet


def test_a_codename_already_in_use_is_refused_with_a_clear_message(
    vault: Vault, clock: FakeClock
) -> None:
    actors.create_actor(vault, NewActor("A", codename="heron"), clock())
    with pytest.raises(InvalidRecord, match="HERON\u2069 is already used"):
        actors.create_actor(vault, NewActor("B", codename="Heron"), clock())


def test_blank_names_and_silly_cadences_are_refused(vault: Vault, clock: FakeClock) -> None:
    with pytest.raises(InvalidRecord, match="Name: must not be empty"):
        actors.create_actor(vault, NewActor("   "), clock())
    with pytest.raises(InvalidRecord, match="Cadence"):
        actors.create_actor(vault, NewActor("X", cadence_days=0), clock())
    assert actors.count_actors(vault, clock()) == 0


def test_editing_an_actor_changes_only_what_was_asked(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("Omar", notes="old"), clock())
    changed = actors.update_actor(
        vault, a.id, clock(), notes="new", status=ActorStatus.DORMANT, tags=["x"]
    )
    assert (changed.notes, changed.status, changed.tags) == ("new", ActorStatus.DORMANT, ("x",))
    assert changed.display_name == "Omar"
    assert changed.codename == a.codename
    with pytest.raises(ValueError, match="no field"):
        actors.update_actor(vault, a.id, clock(), password="x")


def test_deleting_an_actor_removes_them_and_their_name_variants(
    vault: Vault, clock: FakeClock
) -> None:
    a = actors.create_actor(vault, NewActor("Temp", name_variants=["Tmp"]), clock())
    actors.delete_actor(vault, a.id)
    with pytest.raises(RecordNotFound):
        actors.get_actor(vault, a.id, clock())


def test_the_actors_list_pages_sorts_and_filters_in_the_database(
    vault: Vault, clock: FakeClock
) -> None:
    ids = {}
    for name in ["Zoya", "Anton", "Mira", "Boris", "Elif"]:
        ids[name] = actors.create_actor(
            vault, NewActor(name, tags=["t"] if name < "C" else []), clock()
        ).id
    first = actors.list_actors(vault, clock(), limit=2)
    second = actors.list_actors(vault, clock(), after=first[-1].id, limit=2)
    assert [a.display_name for a in first + second] == ["Anton", "Boris", "Elif", "Mira"]
    assert [
        a.display_name for a in actors.list_actors(vault, clock(), filters=ActorFilter(tag="t"))
    ] == ["Anton", "Boris"]

    interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=2),
        kind=InteractionKind.MEETING,
        participants=[ids["Mira"]],
    )
    warm = actors.list_actors(vault, clock(), filters=ActorFilter(warmth=Warmth.WARM))
    assert [a.display_name for a in warm] == ["Mira"]
    cold = actors.count_actors(vault, clock(), ActorFilter(warmth=Warmth.COLD))
    assert cold == 4
    by_urgency = actors.list_actors(vault, clock(), sort="urgency", descending=True)
    assert by_urgency[-1].display_name == "Mira"

    process = processes.create_process(vault, "Highland dialogue")
    processes.add_participant(vault, process.id, ids["Zoya"], ParticipationRole.CONVENOR)
    in_process = actors.list_actors(vault, clock(), filters=ActorFilter(process_id=process.id))
    assert [a.display_name for a in in_process] == ["Zoya"]


def test_the_list_shows_the_current_affiliation(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("Dana"), clock())
    ministry = organizations.create_organization(
        vault, "Ministry of Water", OrganizationKind.MINISTRY
    )
    old = organizations.create_organization(vault, "Old Party", OrganizationKind.PARTY)
    organizations.add_affiliation(vault, a.id, old.id, "member", ended_on=clock().date())
    organizations.add_affiliation(vault, a.id, ministry.id, "adviser")
    [row] = actors.list_actors(vault, clock())
    assert row.affiliation == "adviser, Ministry of Water"
    detail = actors.get_actor(vault, a.id, clock())
    assert {(x.organization, x.current) for x in detail.affiliations} == {
        ("Ministry of Water", True),
        ("Old Party", False),
    }


def test_renaming_a_tag_onto_another_merges_them(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("A", tags=["youth", "water"]), clock())
    b = actors.create_actor(vault, NewActor("B", tags=["Water"]), clock())
    actors.rename_tag(vault, "Water", "water")
    assert actors.all_tags(vault) == ["water", "youth"]
    assert actors.get_actor(vault, b.id, clock()).tags == ("water",)
    assert actors.get_actor(vault, a.id, clock()).tags == ("water", "youth")
    actors.delete_tag(vault, "youth")
    assert actors.get_actor(vault, a.id, clock()).tags == ("water",)
    with pytest.raises(InvalidRecord, match="no tag"):
        actors.rename_tag(vault, "nope", "x")


def test_a_high_risk_actor_is_listed_by_codename_in_name_order(
    vault: Vault, clock: FakeClock
) -> None:
    # The list shows a high-risk actor's codename; sorting by the hidden real name would
    # put "ZINC OWL" between Adel and Boris and give away that the name starts with a B.
    for name, codename, sensitivity in (
        ("Adel Karam", "PINE GATE", Sensitivity.NORMAL),
        ("Bashir Aziz", "ZINC OWL", Sensitivity.HIGH_RISK),
        ("Boris Antonov", "ASH FOX", Sensitivity.SENSITIVE),
    ):
        actors.create_actor(
            vault, NewActor(name, codename=codename, sensitivity=sensitivity), clock()
        )
    assert [a.codename for a in actors.list_actors(vault, clock())] == [
        "PINE GATE",
        "ASH FOX",
        "ZINC OWL",
    ]


def test_a_near_spelling_of_a_name_is_called_similar(vault: Vault, clock: FakeClock) -> None:
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), clock()).id
    actors.create_actor(vault, NewActor("Omar Farouk"), clock())
    assert [a.id for a in actors.similar_names(vault, "Layl", clock())] == [layla]
    assert [a.id for a in actors.similar_names(vault, "Layla Hadad", clock())] == [layla]
    assert actors.similar_names(vault, "Laila Nasser", clock()) == []
