"""The journal narrowed to interactions whose summary holds some words."""

from __future__ import annotations

from datetime import timedelta

from contactkeeper.records import actors, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.records.interactions import JournalFilter
from contactkeeper.vault import Vault
from contactkeeper.vault.model import InteractionKind
from tests.conftest import FakeClock


def _log(vault: Vault, clock: FakeClock) -> int:
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), clock()).id
    for days, summary in (
        (3, "Talked about the fishing harbour and the port closure"),
        (2, "Dinner; the port was not mentioned"),
        (1, "Call about the visa for her son"),
        (0, "لقاء في الميناء"),
    ):
        interactions.log_interaction(
            vault,
            occurred_at=clock() - timedelta(days=days),
            kind=InteractionKind.MEETING,
            participants=[layla],
            summary=summary,
        )
    return layla


def test_the_journal_finds_interactions_by_words_of_their_summary(
    vault: Vault, clock: FakeClock
) -> None:
    _log(vault, clock)
    found = interactions.journal(vault, JournalFilter(text="port"))
    assert [i.summary for i in found] == [
        "Dinner; the port was not mentioned",
        "Talked about the fishing harbour and the port closure",
    ]
    assert interactions.count_journal(vault, JournalFilter(text="port clos")) == 1
    assert interactions.count_journal(vault, JournalFilter(text="الميناء")) == 1


def test_text_combines_with_the_other_filters_and_punctuation_alone_filters_nothing(
    vault: Vault, clock: FakeClock
) -> None:
    layla = _log(vault, clock)
    since = (clock() - timedelta(days=2)).date()
    narrowed = JournalFilter(actor_id=layla, text="port", since=since)
    assert [i.summary for i in interactions.journal(vault, narrowed)] == [
        "Dinner; the port was not mentioned"
    ]
    assert interactions.count_journal(vault, JournalFilter(text='"*:-')) == 4
    assert interactions.count_journal(vault, JournalFilter(text="nothing-like-this")) == 0
