"""The global search finds events (by title, venue, agenda and outcomes) and transfers (by
what was passed), follows their edits, and shows them by the same privacy rules as the rest."""

from __future__ import annotations

from datetime import date

from contactkeeper import records
from contactkeeper.records import actors, events, search, transfers
from contactkeeper.records.events import NewEvent
from contactkeeper.records.transfers import NewTransfer
from contactkeeper.vault import Vault, search_index
from contactkeeper.vault.model import AttributionRule, OutcomeKind, Sensitivity
from tests.helpers.track_two import NOW, build


def _found(vault: Vault, query: str, **kwargs: object) -> list[tuple[str, int]]:
    return [(h.kind, h.id) for h in search.search(vault, query, **kwargs)]  # type: ignore[arg-type]


def test_an_event_is_found_by_its_title_venue_agenda_and_outcomes(vault: Vault) -> None:
    story = build(vault)
    events.update_event(
        vault,
        story.event,
        NewEvent(
            "Lakeside workshop",
            date(2026, 10, 5),
            process_id=story.process,
            venue="Montreux",
            agenda="Day one: groundwater sharing; day two: pumping quotas",
        ),
    )
    for query in ("lakeside", "montreux", "groundwater quotas", "pumping stations"):
        assert ("event", story.event) in _found(vault, query), query

    hit = next(h for h in search.search(vault, "montreux") if h.kind == "event")
    assert hit.title == "Lakeside workshop"
    assert hit.subtitle == "workshop · 5 Oct 2026 · Valley Water Dialogue"


def test_an_outcome_added_changed_or_removed_is_searched_as_it_now_reads(vault: Vault) -> None:
    story = build(vault)
    added = events.add_outcome(vault, story.event, OutcomeKind.UNDERSTANDING, "Seasonal quotas")
    assert ("event", story.event) in _found(vault, "seasonal")

    events.update_outcome(
        vault, added, OutcomeKind.UNDERSTANDING, "Monthly quotas", AttributionRule.CHATHAM_HOUSE
    )
    assert ("event", story.event) not in _found(vault, "seasonal")
    assert ("event", story.event) in _found(vault, "monthly")

    events.remove_outcome(vault, added)
    assert ("event", story.event) not in _found(vault, "monthly")


def test_a_transfer_is_found_by_what_was_passed_and_what_came_of_it(vault: Vault) -> None:
    story = build(vault)
    assert ("transfer", story.transfer) in _found(vault, "aquifer", kinds=["transfer"])
    info = transfers.get_transfer(vault, story.transfer)
    transfers.update_transfer(
        vault,
        story.transfer,
        NewTransfer(
            "A joint hydrological survey",
            info.passed_on,
            event_id=info.event_id,
            outcome_id=info.outcome_id,
            recipient_actor_id=info.recipient_actor_id,
            via="Embassy briefing",
        ),
    )
    assert _found(vault, "aquifer", kinds=["transfer"]) == []
    assert _found(vault, "hydrological") == [("transfer", story.transfer)]
    assert _found(vault, "embassy") == [("transfer", story.transfer)]

    hit = search.search(vault, "hydrological")[0]
    assert hit.title == "20 Oct 2026 · A joint hydrological survey"
    assert hit.subtitle == "idea · to Marta Lindqvist"


def test_a_transfer_names_its_recipient_by_the_privacy_rule_and_never_its_source(
    vault: Vault,
) -> None:
    story = build(vault)
    actors.update_actor(vault, story.envoy, NOW, sensitivity=Sensitivity.HIGH_RISK)

    shown = search.search(
        vault, "aquifer", kinds=["transfer"], name=records.names_by(records.high_risk_withheld)
    )
    assert [(h.title, h.subtitle) for h in shown] == [
        ("20 Oct 2026 · A joint survey of the aquifer", "idea · to BLUE FINCH")
    ]
    text = " ".join(f"{h.title} {h.subtitle}" for h in search.search(vault, "aquifer"))
    for source in ("Ilan Peretz", "GREY HERON", "Suha Mansour", "RED KITE"):
        assert source not in text
    # Privacy mode: no words of what was passed.
    hidden = search.search(
        vault,
        "aquifer",
        kinds=["transfer"],
        name=records.names_by(records.everyone_withheld),
        hide_text=True,
    )
    assert [(h.title, h.subtitle) for h in hidden] == [("20 Oct 2026", "idea · to BLUE FINCH")]


def test_rebuilding_the_index_keeps_events_and_transfers(vault: Vault) -> None:
    story = build(vault)
    with vault.transaction() as session:
        search_index.reindex_all(session)
    assert ("event", story.event) in _found(vault, "pumping")
    assert ("transfer", story.transfer) in _found(vault, "aquifer")
