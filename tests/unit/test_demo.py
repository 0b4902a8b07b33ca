"""The demo vault: a believable, entirely fictional year of work, the same every time."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactkeeper.demo import ACTORS, create_demo_vault, is_demo
from contactkeeper.errors import VaultExists
from contactkeeper.records import actors, channels, followups, processes, readiness, search
from contactkeeper.records import today as today_view
from contactkeeper.records.interactions import journal
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault import Vault, inventory
from contactkeeper.vault.model import ActorStatus, InteractionKind, Register, Sensitivity
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.text import plain

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    vault = create_demo_vault(
        tmp_path_factory.mktemp("demo") / "vault", PASSPHRASE, NOW, kdf=FAST_KDF
    )
    yield vault
    vault.close()


def _scripts(text: str) -> set[str]:
    found = set()
    for char in text:
        if char.isalpha():
            found.add(unicodedata.name(char).split()[0])
    return found


def test_the_demo_holds_a_whole_practice(demo: Vault) -> None:
    counts = inventory.counts(demo)
    assert counts["actors"] >= 55
    assert counts["organizations"] >= 20
    assert counts["affiliations"] >= 40
    assert 3 <= counts["processes"] <= 4
    assert 180 <= counts["interactions"] <= 300
    assert counts["relationships"] >= 40
    assert counts["readiness cues"] >= 40
    assert counts["follow-ups"] >= 25


def test_names_are_written_in_latin_arabic_hebrew_and_cyrillic(demo: Vault) -> None:
    scripts: set[str] = set()
    for summary in actors.list_actors(demo, NOW, limit=1000):
        detail = actors.get_actor(demo, summary.id, NOW)
        scripts |= _scripts(detail.display_name)
        for variant in detail.name_variants:
            scripts |= _scripts(variant.name)
    assert {"LATIN", "ARABIC", "HEBREW", "CYRILLIC"} <= scripts


def test_name_variants_say_which_script_they_are_in(demo: Vault) -> None:
    karim = next(
        a for a in actors.list_actors(demo, NOW, limit=1000) if a.codename == "CEDAR HERON"
    )
    variants = {v.name: v.script for v in actors.get_actor(demo, karim.id, NOW).name_variants}
    assert variants == {"كريم نصار": "Arabic", "Kareem Nasser": "Latin"}


def test_a_name_in_arabic_script_finds_the_actor(demo: Vault) -> None:
    hits = search.search(demo, "كريم", kinds=("actor",))
    assert [h.title for h in hits] == ["Karim Nassar"]


def test_every_actor_is_marked_fictional_and_some_are_high_risk(demo: Vault) -> None:
    every = actors.list_actors(demo, NOW, limit=1000)
    details = [actors.get_actor(demo, a.id, NOW) for a in every]
    assert all("Fictional" in d.notes for d in details)
    assert sum(d.sensitivity is Sensitivity.HIGH_RISK for d in details) >= 2
    assert {d.status for d in details} == set(ActorStatus)
    assert all(d.tags for d in details)
    assert len({d.cadence_days for d in details}) >= 4


def test_today_shows_some_actors_going_cold_while_others_stay_warm(demo: Vault) -> None:
    view = today_view.today(demo, NOW)
    warmths = {g.warmth.warmth for g in view.going_cold}
    assert warmths == {Warmth.COLD, Warmth.COOLING}
    warm = actors.count_actors(demo, NOW, actors.ActorFilter(warmth=Warmth.WARM))
    assert warm >= 5


def test_every_actors_latest_contact_is_the_one_the_scenario_plans(demo: Vault) -> None:
    """Earlier contacts (and the others who joined them) never outrun an actor's latest;
    an intermediary's latest contact is the later of their own and the latest word they
    carried (a relay counts as a light contact with them too)."""
    names = {spec.key: spec.name for spec in ACTORS}
    planned = {spec.name: spec.last_days for spec in ACTORS}
    for spec in ACTORS:
        if spec.last_kind is InteractionKind.VIA_INTERMEDIARY:
            for key in spec.via:
                planned[names[key]] = min(planned[names[key]], spec.last_days)
    seen = {
        a.display_name: a.warmth.days_since_contact
        for a in actors.list_actors(demo, NOW, limit=1000)
    }
    assert seen == planned


def test_follow_ups_are_overdue_due_soon_and_done(demo: Vault) -> None:
    day = NOW.date()
    every = followups.list_follow_ups(demo, include_done=True)
    assert sum(f.overdue(day) for f in every) >= 3
    assert sum(not f.done and day <= f.due_on <= day + timedelta(days=7) for f in every) >= 3
    assert sum(f.done for f in every) >= 3
    assert today_view.today(demo, NOW).follow_ups


def test_some_actors_are_reached_only_through_a_chain_of_intermediaries(demo: Vault) -> None:
    chains = [
        channel
        for summary in actors.list_actors(demo, NOW, limit=1000)
        for channel in channels.list_channels(demo, summary.id, NOW)
        if channel.indirect
    ]
    assert sum(len(c.hops) == 2 for c in chains) >= 3
    assert sum(len(c.hops) == 1 for c in chains) >= 3
    yusuf = next(c for c in chains if c.actor_name == "Yusuf Barakat")
    assert plain(yusuf.chain()) == "you -> Layla Haddad -> Sheikh Tariq al-Masri -> Yusuf Barakat"


def test_processes_have_phases_and_participants_in_several_roles(demo: Vault) -> None:
    every = processes.list_processes(demo)
    assert len({p.phase for p in every}) >= 3
    for process in every:
        assert len(process.by_role()) >= 3


def test_readiness_timelines_move_both_ways_and_recently(demo: Vault) -> None:
    for process in processes.list_processes(demo):
        levels = [level for _, level in readiness.timeline(demo, process.id, NOW.date())]
        assert max(levels) - min(levels) > 2.0
    moves = readiness.recent_moves(demo, NOW.date())
    assert any(m.change > 0 for m in moves)
    assert any(m.change < 0 for m in moves)


def test_a_year_of_interactions_of_every_kind_and_register(demo: Vault) -> None:
    history = journal(demo, limit=1000)
    assert {i.kind for i in history} == set(InteractionKind)
    assert {i.register for i in history} == set(Register)
    assert all(NOW - timedelta(days=366) < i.occurred_at < NOW for i in history)
    assert any(len(i.participants) > 1 for i in history)
    assert any(i.channel_label.startswith("Through ") for i in history)


def test_the_demo_is_labelled_as_such(demo: Vault, vault: Vault) -> None:
    assert is_demo(demo)
    assert not is_demo(vault)


def test_the_same_day_and_seed_give_the_same_scenario(tmp_path: Path, demo: Vault) -> None:
    with create_demo_vault(tmp_path / "again", PASSPHRASE, NOW, kdf=FAST_KDF) as again:
        first = [(i.occurred_at, i.kind, i.summary) for i in journal(demo, limit=1000)]
        second = [(i.occurred_at, i.kind, i.summary) for i in journal(again, limit=1000)]
        assert first == second


def test_the_demo_never_fills_a_folder_that_holds_something(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(VaultExists):
        create_demo_vault(target, PASSPHRASE, NOW, kdf=FAST_KDF)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
