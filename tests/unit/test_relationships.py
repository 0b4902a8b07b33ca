"""Relationships: a tie reads as a sentence in its direction, and can be changed, even
turned around, keeping every field that was not named."""

from __future__ import annotations

from datetime import date

import pytest

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import actors, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import RelationshipKind
from tests.conftest import FakeClock
from tests.helpers.text import plain


def _pair(vault: Vault, clock: FakeClock) -> tuple[int, int]:
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), clock()).id
    layla = actors.create_actor(vault, NewActor("Layla Haddad", codename="SILVER HERON"), clock())
    return karim, layla.id


def test_a_tie_reads_as_a_sentence_in_its_direction(vault: Vault, clock: FakeClock) -> None:
    karim, layla = _pair(vault, clock)
    tie = relationships.add_relationship(vault, karim, layla, RelationshipKind.CAN_INTRODUCE)
    assert plain(tie.sentence()) == "Karim Nassar can introduce Layla Haddad"
    by_codename = plain(tie.sentence(lambda _id, name, codename, _s: codename or name))
    assert by_codename.endswith("can introduce SILVER HERON")
    family = plain(relationships.sentence(RelationshipKind.FAMILY, "Karim", "Layla"))
    assert family == "Karim is family of Layla"
    assert set(relationships.SENTENCES) == set(RelationshipKind)


def test_changing_one_field_keeps_the_others(vault: Vault, clock: FakeClock) -> None:
    karim, layla = _pair(vault, clock)
    tie = relationships.add_relationship(
        vault,
        karim,
        layla,
        RelationshipKind.TRUSTS,
        strength=4,
        confidence=2,
        started_on=date(2020, 5, 1),
        source="her brother",
    )
    changed = relationships.update_relationship(vault, tie.id, source="Karim himself")
    assert changed.source == "Karim himself"
    assert (changed.kind, changed.strength, changed.confidence) == (
        RelationshipKind.TRUSTS,
        4,
        2,
    )
    assert changed.started_on == date(2020, 5, 1)
    assert relationships.get_relationship(vault, tie.id) == changed


def test_a_tie_saved_the_wrong_way_round_is_turned_around(vault: Vault, clock: FakeClock) -> None:
    karim, layla = _pair(vault, clock)
    tie = relationships.add_relationship(vault, layla, karim, RelationshipKind.CAN_INTRODUCE)
    turned = relationships.update_relationship(
        vault, tie.id, from_actor_id=karim, to_actor_id=layla
    )
    assert plain(turned.sentence()) == "Karim Nassar can introduce Layla Haddad"
    assert turned.uuid == tie.uuid  # the same tie, not a new one
    assert relationships.relationships_of(vault, layla) == [turned]


def test_a_change_that_makes_no_sense_is_refused_and_changes_nothing(
    vault: Vault, clock: FakeClock
) -> None:
    karim, layla = _pair(vault, clock)
    tie = relationships.add_relationship(vault, karim, layla, RelationshipKind.KNOWS)
    with pytest.raises(InvalidRecord, match="themselves"):
        relationships.update_relationship(vault, tie.id, to_actor_id=karim)
    with pytest.raises(InvalidRecord, match="Strength"):
        relationships.update_relationship(vault, tie.id, strength=7)
    with pytest.raises(InvalidRecord, match="end date"):
        relationships.update_relationship(
            vault, tie.id, ended_on=date(1999, 1, 1), started_on=date(2000, 1, 1)
        )
    with pytest.raises(ValueError, match="colour"):
        relationships.update_relationship(vault, tie.id, colour="red")
    assert relationships.get_relationship(vault, tie.id) == tie
