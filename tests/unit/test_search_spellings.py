"""Search finds a name by any spelling, in any script, or by a fragment, and follow-ups by
their text; the best match comes first."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from contactkeeper.records import actors, followups, organizations, search
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault, search_index
from contactkeeper.vault.model import Sensitivity
from tests.conftest import FakeClock


def titles(vault: Vault, query: str, kind: str | None = "actor") -> list[str]:
    kinds = None if kind is None else [kind]
    return [hit.title for hit in search.search(vault, query, kinds=kinds)]


def add(vault: Vault, clock: FakeClock, name: str, *variants: str, **fields: object) -> int:
    new = NewActor(name, name_variants=variants, **fields)  # type: ignore[arg-type]
    return actors.create_actor(vault, new, clock()).id


# -- ranking --------------------------------------------------------------------------------


def test_a_whole_word_comes_before_a_word_that_starts_with_it(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "Dariush Karimi")
    add(vault, clock, "Karim Nassar")
    assert titles(vault, "Karim") == ["Karim Nassar", "Dariush Karimi"]
    assert titles(vault, "karimi") == ["Dariush Karimi"]


def test_a_whole_name_comes_before_a_name_that_holds_its_words(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "Karim Nassar Haddad")
    add(vault, clock, "Karim Nassar")
    assert titles(vault, "nassar karim") == ["Karim Nassar", "Karim Nassar Haddad"]


def test_names_then_word_beginnings_then_fragments_then_notes(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "Omar Shaddad")
    add(vault, clock, "Salma Ibrahim", notes="Met the addad family in Jenin")
    add(vault, clock, "Layla Addadi")
    add(vault, clock, "Rami Addad")
    assert titles(vault, "addad") == ["Rami Addad", "Layla Addadi", "Omar Shaddad", "Salma Ibrahim"]


# -- any spelling, any script ------------------------------------------------------------


def test_any_stored_spelling_finds_the_actor(vault: Vault, clock: FakeClock) -> None:
    add(vault, clock, "Muhammad Abbas", "Mohammed Abbas")
    add(vault, clock, "Mahmoud Darwish")
    assert titles(vault, "mohamed") == ["Muhammad Abbas"]
    assert titles(vault, "Mohamed Abas") == ["Muhammad Abbas"]


def test_a_name_typed_in_arabic_finds_the_actor_written_in_latin(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "Muhammad Abbas")
    add(vault, clock, "Hassan Abbas")
    assert titles(vault, "محمد عباس") == ["Muhammad Abbas"]
    assert set(titles(vault, "عباس")) == {"Muhammad Abbas", "Hassan Abbas"}


def test_a_name_typed_in_latin_finds_the_actor_written_in_arabic(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "محمد عباس", codename="HERON")
    assert titles(vault, "muhammad abbas") == ["محمد عباس"]
    assert titles(vault, "mohammad") == ["محمد عباس"]


def test_a_name_without_the_arabic_article_finds_the_name_with_it(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "سمير الخطيب", codename="KESTREL")
    assert titles(vault, "خطيب") == ["سمير الخطيب"]
    assert titles(vault, "khatib") == ["سمير الخطيب"]


def test_spellings_follow_a_change_of_name(vault: Vault, clock: FakeClock) -> None:
    actor = add(vault, clock, "Muhammad Abbas")
    actors.update_actor(vault, actor, clock(), display_name="Nadia Qassem")
    assert titles(vault, "mohamed") == []
    assert titles(vault, "kasim") == ["Nadia Qassem"]


# -- fragments ------------------------------------------------------------------------------


def test_a_fragment_inside_a_name_finds_it_through_the_fragment_index(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "Layla Haddad", codename="KINGFISHER")
    organizations.create_organization(vault, "Haddad Institute")
    assert titles(vault, "addad") == ["Layla Haddad"]
    assert titles(vault, "addad", "organization") == ["Haddad Institute"]
    assert titles(vault, "ngfish") == ["Layla Haddad"]  # a codename's fragment
    with vault.engine.connect() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT rowid FROM search_index_fragments "
                "WHERE search_index_fragments MATCH '\"addad\"'"
            )
        )
    assert "VIRTUAL TABLE INDEX" in plan  # looked up in the index, not a scan of names


def test_fragments_follow_renames_and_deletes(vault: Vault, clock: FakeClock) -> None:
    actor = add(vault, clock, "Layla Haddad")
    actors.update_actor(vault, actor, clock(), display_name="Layla Nassar")
    assert titles(vault, "addad") == []
    assert titles(vault, "assar") == ["Layla Nassar"]
    actors.delete_actor(vault, actor)
    assert titles(vault, "assar") == []
    with vault.engine.connect() as conn:
        left = conn.execute(sa.text("SELECT count(*) FROM search_index_fragments")).scalar()
    assert left == 0


# -- follow-ups ---------------------------------------------------------------------------


def test_a_follow_up_is_found_by_its_title_and_note(vault: Vault, clock: FakeClock) -> None:
    actor = add(vault, clock, "Karim Nassar", sensitivity=Sensitivity.HIGH_RISK, codename="EGRET")
    made = followups.create_follow_up(
        vault,
        NewFollowUp(
            "Send the harbour memo", date(2026, 12, 9), actor_id=actor, note="ask about ferries"
        ),
    )
    hits = search.search(vault, "harbour memo")
    assert [(h.kind, h.id) for h in hits] == [("follow_up", made.id)]
    assert hits[0].title == "9 Dec 2026 · Send the harbour memo"
    assert "Karim Nassar" in hits[0].subtitle
    assert [h.id for h in search.search(vault, "ferri", kinds=["follow_up"])] == [made.id]


def test_a_follow_up_hit_keeps_names_and_text_private_when_asked(
    vault: Vault, clock: FakeClock
) -> None:
    actor = add(vault, clock, "Karim Nassar", codename="EGRET")
    followups.create_follow_up(
        vault, NewFollowUp("Send the harbour memo", date(2026, 12, 9), actor_id=actor)
    )
    hidden = search.search(
        vault, "harbour", name=lambda i, n, c, s: c, hide_text=True, kinds=["follow_up"]
    )
    assert [(h.title, h.subtitle) for h in hidden] == [("9 Dec 2026", "open · EGRET")]


def test_a_follow_up_changed_or_deleted_is_searched_as_it_now_reads(
    vault: Vault, clock: FakeClock
) -> None:
    made = followups.create_follow_up(vault, NewFollowUp("Call the mayor", date(2026, 12, 9)))
    followups.update_follow_up(
        vault, made.id, title="Call the governor", due_on=date(2026, 12, 9), note=""
    )
    assert titles(vault, "mayor", "follow_up") == []
    assert len(titles(vault, "governor", "follow_up")) == 1
    followups.delete_follow_up(vault, made.id)
    assert titles(vault, "governor", "follow_up") == []


def test_rebuilding_the_index_keeps_spellings_fragments_and_follow_ups(
    vault: Vault, clock: FakeClock
) -> None:
    add(vault, clock, "Muhammad Abbas", "Mohammed Abbas")
    followups.create_follow_up(vault, NewFollowUp("Call the mayor", date(2026, 12, 9)))
    with vault.transaction() as session:
        search_index.reindex_all(session)
    assert titles(vault, "mohamed") == ["Muhammad Abbas"]
    assert titles(vault, "ammad") == ["Muhammad Abbas"]
    assert len(titles(vault, "mayor", "follow_up")) == 1


def test_a_fragment_is_no_reason_to_warn_of_a_duplicate(vault: Vault, clock: FakeClock) -> None:
    add(vault, clock, "Khalil Haddad")
    assert titles(vault, "ali") == ["Khalil Haddad"]  # search finds the fragment
    assert actors.similar_names(vault, "Ali", clock()) == []  # but "Ali" is not Khalil


def test_a_latin_spelling_finds_a_name_written_only_in_arabic_script(
    vault: Vault, clock: FakeClock
) -> None:
    """ "Mohamed" is a near spelling of "muhammad", the reading of "محمد": found, though the
    actor was entered only from a phone's contacts in Arabic script."""
    add(vault, clock, "محمد الخطيب")
    add(vault, clock, "أحمد صالح")
    add(vault, clock, "Mahmoud Darwish")
    add(vault, clock, "Karim Nassar")
    assert titles(vault, "mohamed") == ["محمد الخطيب"]
    assert titles(vault, "ahmed") == ["أحمد صالح"]
    # Near, not anything alike: Mahmoud is another name, and so is Karimi.
    assert "Mahmoud Darwish" not in titles(vault, "mohamed")
    assert titles(vault, "karimi") == []
