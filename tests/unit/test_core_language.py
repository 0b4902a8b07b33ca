"""The core speaks the language chosen at start: errors are worded when they are raised,
the vocabulary's choices have translated labels while the vault keeps its stored values,
counts have real plural forms, and the process brief is written in the chosen language.

The pseudo-language (every translated string wrapped in ⟦…⟧) shows what was marked without
depending on the state of any catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from contactkeeper import i18n
from contactkeeper.errors import (
    CueKindInUse,
    NotAVault,
    RecordNotFound,
    UnlockThrottled,
    VaultDamaged,
    WrongPassphrase,
    embed,
)
from contactkeeper.exchange import brief
from contactkeeper.vault import Vault, inventory
from contactkeeper.vault.vocabulary import (
    OrganizationKind,
    ParticipationRole,
    Sensitivity,
    Track,
    label,
)
from tests.helpers.track_two import build


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.set_language(i18n.PSEUDO)
    try:
        yield
    finally:
        i18n.set_language(i18n.ENGLISH)


def translated(text: str) -> bool:
    return text.startswith(i18n.PSEUDO_OPEN) and text.endswith(i18n.PSEUDO_CLOSE)


def test_an_error_is_worded_in_the_language_spoken_when_it_is_raised() -> None:
    before = str(WrongPassphrase())
    i18n.set_language(i18n.PSEUDO)
    try:
        during = str(WrongPassphrase())
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert not translated(before)
    assert translated(during)
    assert before in during


@pytest.mark.usefixtures("pseudo")
def test_every_kind_of_core_error_is_translated() -> None:
    for error in (
        NotAVault("/tmp/x", "it has no key file (vault.key)"),
        VaultDamaged("database", "it is empty"),
        VaultDamaged("key file", "its checksum does not match its contents"),
        RecordNotFound("actor", 7),
        UnlockThrottled(3),
        CueKindInUse("Statement", 2),
    ):
        assert translated(str(error)), error


def test_a_wait_is_counted_in_whole_words() -> None:
    assert "Wait 1 second before" in str(UnlockThrottled(1))
    assert "Wait 20 seconds before" in str(UnlockThrottled(20))


def test_a_vault_part_stays_a_key_that_callers_compare() -> None:
    i18n.set_language(i18n.PSEUDO)
    try:
        damaged = VaultDamaged("database", "it is empty")
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert damaged.part == "database"


def test_the_vocabulary_is_shown_by_label_and_stored_by_value(pseudo: None) -> None:
    assert translated(Sensitivity.HIGH_RISK.label)
    assert "high-risk" in label(Sensitivity.HIGH_RISK)
    assert str(Sensitivity.HIGH_RISK) == "high-risk"  # what the vault stores
    # Two enums may share a stored word ("party") yet not its translation.
    assert str(OrganizationKind.PARTY) == str(ParticipationRole.PARTY)
    assert "party" in OrganizationKind.PARTY.label
    assert "party" in ParticipationRole.PARTY.label


def test_labels_follow_a_change_of_language() -> None:
    assert Track.TWO.label == "track two"
    i18n.set_language(i18n.PSEUDO)
    try:
        assert translated(Track.TWO.label)
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert Track.TWO.label == "track two"


def test_counts_of_records_have_real_plural_forms() -> None:
    assert inventory.counted("actors", 1) == "1 actor"
    assert inventory.counted("readiness cues", 2) == "2 readiness cues"
    assert inventory.counts_text({"actors": 1, "processes": 1234}) == "1 actor, 1,234 processes"
    assert inventory.counts_text({"actors": 0}) == "no records"


def test_text_typed_in_a_right_to_left_script_is_isolated_in_a_sentence() -> None:
    assert embed("Valley Water Dialogue") == "Valley Water Dialogue"
    assert embed("حوار المياه") == "\u2068حوار المياه\u2069"


def test_the_brief_is_written_in_the_chosen_language(vault: Vault) -> None:
    story = build(vault)
    i18n.set_language(i18n.PSEUDO)
    try:
        composed = brief.compose(vault, story.process, date(2026, 11, 20))
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert translated(composed.title)
    assert translated(composed.warning)
    assert composed.sections
    for section in composed.sections:
        assert translated(section.heading), section.heading
    # The PDF finds the readiness chart's place by a flag, not by the heading's words.
    english = brief.compose(vault, story.process, date(2026, 11, 20))
    assert [s.chart for s in english.sections] == [
        s.heading == "Readiness" for s in english.sections
    ]
    assert [s.chart for s in composed.sections] == [s.chart for s in english.sections]
