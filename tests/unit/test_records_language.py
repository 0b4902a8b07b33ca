"""The records speak the chosen language: the default cue kinds are ContactKeeper's words and
read translated, what the practitioner typed reads as typed, and the sentences that explain
warmth, paths and readiness are whole translatable sentences."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from contactkeeper import i18n
from contactkeeper.errors import InvalidRecord
from contactkeeper.records import cue_catalogue, names, processes, readiness
from contactkeeper.records.cue_kind_names import DEFAULT_KINDS, cue_kind_name, is_default
from contactkeeper.records.readiness import NewCue
from contactkeeper.records.warmth import History, explain, reading
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Direction, InteractionKind

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)


@pytest.fixture
def pseudo() -> Iterator[None]:
    """The pseudo-language: every translated word reads ⟦…⟧; the test ends in English."""
    i18n.set_language(i18n.PSEUDO)
    yield
    i18n.set_language(i18n.ENGLISH)


def _kind(vault: Vault, key: str) -> readiness.CueKindInfo:
    return next(k for k in readiness.cue_kinds(vault) if k.key == key)


def test_every_kind_a_new_vault_is_given_is_recognised_as_a_default(vault: Vault) -> None:
    stored = {k.key: (k.label, k.description) for k in readiness.cue_kinds(vault)}
    assert stored == DEFAULT_KINDS


def test_a_default_kind_reads_translated_and_a_kind_typed_by_the_user_as_typed(
    vault: Vault, pseudo: None
) -> None:
    hardening = _kind(vault, "hardening")
    assert hardening.name == i18n.pseudo("Hardening")
    assert hardening.shown_description.startswith(i18n.PSEUDO_OPEN)
    assert hardening.label == "Hardening"  # what the vault holds stays as it was written
    added = readiness.add_cue_kind(vault, "Militia commanders ask about amnesty", Direction.TOWARD)
    assert added.name == "Militia commanders ask about amnesty"
    renamed = readiness.update_cue_kind(vault, hardening.id, "Hard line in public")
    assert renamed.name == "Hard line in public"
    # Renamed back to the default's words, it reads translated again.
    assert readiness.update_cue_kind(vault, hardening.id, "Hardening").name == hardening.name


def test_a_cue_and_the_catalogue_name_the_kind_as_shown(vault: Vault, pseudo: None) -> None:
    talks = processes.create_process(vault, "Highland talks").id
    way_out = _kind(vault, "way-out")
    cue = readiness.record_cue(vault, NewCue(way_out.id, date(2026, 5, 1), process_id=talks))
    assert cue.kind_name == i18n.pseudo("Way out perceived")
    assert cue.kind_label == "Way out perceived"
    [family] = [f for f in cue_catalogue.catalogue(vault) if f.key == "way-out"]
    assert family.label == i18n.pseudo("Way out perceived")
    move = readiness.process_readiness(vault, talks).explain_move(date(2026, 5, 10))
    assert i18n.pseudo("Way out perceived") in move


def test_only_the_default_words_under_their_own_key_are_translated() -> None:
    assert is_default("hardening", "Hardening")
    assert not is_default("hardening", "Durcissement")
    assert not is_default("hardening-2", "Hardening")  # a kind added under that name
    assert cue_kind_name("my-kind", "Hardening") == "Hardening"


def test_a_new_kind_may_not_read_like_a_default_kind_shown_translated(
    vault: Vault, pseudo: None
) -> None:
    shown = _kind(vault, "hardening").name
    with pytest.raises(InvalidRecord, match="already in the catalogue"):
        readiness.add_cue_kind(vault, shown, Direction.AWAY)


def test_why_an_actor_is_cold_is_one_translated_sentence(pseudo: None) -> None:
    found = reading(30, NOW - timedelta(days=130), NOW - timedelta(days=120), NOW, 60)
    history = History(InteractionKind.MEETING, date(2026, 1, 22), (InteractionKind.MESSAGE,) * 2)
    why = explain(found, history, on=NOW.date())
    assert why.startswith(i18n.PSEUDO_OPEN)
    assert why.endswith(i18n.PSEUDO_CLOSE)
    # Each part is translated whole, never glued from English pieces.
    assert "last substantive contact" in why
    assert "⟦a meeting" in why
    assert "messages since count as" in why


def test_the_command_line_prints_isolated_names_without_escapes() -> None:
    sentence = f"only {i18n.isolate('محمد عباس')} reaches 2 actors"
    assert names.printable(sentence) == "only محمد عباس reaches 2 actors"
    # Other bidi controls are still shown as escapes.
    assert names.printable("a\u202eb") == "a\\u202eb"
