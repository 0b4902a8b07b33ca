"""The demo's workshop cycle on the Tal Haroshet water talks: two events (one held, one being
planned), their people, outcomes and checklists; Chatham House and non-attributable
material; ideas passed to track one (one taken up, one awaiting a reaction); a theory of
change, reviews and an unexpected opening. Every person and place is invented."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta

from contactkeeper.i18n import _
from contactkeeper.records import events, followups, organizations, reviews, standing, transfers
from contactkeeper.records.events import NewEvent
from contactkeeper.records.interactions import log_interaction
from contactkeeper.records.transfers import NewTransfer
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    ActorTrack,
    AttributionRule,
    EventKind,
    EventRole,
    InteractionKind,
    InvitationStatus,
    OutcomeKind,
    ReviewDecision,
    TransferKind,
    TransferResult,
)

_ER = EventRole
_IS = InvitationStatus

# Who is invited to the first workshop, in which role, and how it went.
FIRST_LIST = (
    ("dalia", _ER.FACILITATOR, _IS.ATTENDED),
    ("yael", _ER.PARTY_PARTICIPANT, _IS.ATTENDED),
    ("noa", _ER.PARTY_PARTICIPANT, _IS.ATTENDED),
    ("doron", _ER.PARTY_PARTICIPANT, _IS.ATTENDED),
    ("rami", _ER.PARTY_PARTICIPANT, _IS.ATTENDED),
    ("suha", _ER.PARTY_PARTICIPANT, _IS.ATTENDED),
    ("mahmoud", _ER.PARTY_PARTICIPANT, _IS.DECLINED),
    ("ariel", _ER.RESOURCE_PERSON, _IS.ATTENDED),
    ("marisol", _ER.OBSERVER, _IS.ATTENDED),
    ("shira", _ER.NOTE_TAKER, _IS.ATTENDED),
)
SECOND_LIST = (
    ("dalia", _ER.FACILITATOR, _IS.ACCEPTED),
    ("yael", _ER.PARTY_PARTICIPANT, _IS.ACCEPTED),
    ("doron", _ER.PARTY_PARTICIPANT, _IS.ACCEPTED),
    ("rami", _ER.PARTY_PARTICIPANT, _IS.ACCEPTED),
    ("suha", _ER.PARTY_PARTICIPANT, _IS.INVITED),
    ("mahmoud", _ER.PARTY_PARTICIPANT, _IS.INVITED),
    ("ariel", _ER.RESOURCE_PERSON, _IS.INVITED),
)
# (key, track, access, standing, trust in you, personal risk, default rule)
STANDING = (
    ("dalia", ActorTrack.TWO, 4, 5, 5, 2, AttributionRule.ON_RECORD),
    ("suha", ActorTrack.ONE_AND_A_HALF, 4, 5, 4, 3, AttributionRule.CHATHAM_HOUSE),
    ("doron", ActorTrack.ONE_AND_A_HALF, 4, 4, 3, 2, AttributionRule.CHATHAM_HOUSE),
    ("rami", ActorTrack.TWO, 3, 4, 4, 3, AttributionRule.CHATHAM_HOUSE),
    ("mahmoud", ActorTrack.THREE, 2, 5, 2, 4, AttributionRule.NON_ATTRIBUTABLE),
    ("ilan", ActorTrack.ONE, 5, 3, 3, 1, AttributionRule.ON_RECORD),
)


def populate(
    vault: Vault,
    now: datetime,
    process_ids: Mapping[str, int],
    actor_ids: Mapping[str, int],
    org_ids: Mapping[str, int],
) -> None:
    today = now.astimezone(UTC).date()
    water = process_ids["water"]
    _set_standing(vault, actor_ids, org_ids)
    first, pilot, shared_data = _hold_first_workshop(vault, now, today, water, actor_ids)
    _log_contacts(vault, today, water, first, actor_ids)
    _pass_to_track_one(vault, today, first, pilot, shared_data, actor_ids, org_ids)
    _plan_second_round(vault, today, water, actor_ids)
    _review(vault, now, today, water)


def _set_standing(vault: Vault, actor_ids: Mapping[str, int], org_ids: Mapping[str, int]) -> None:
    for key, track, access, stand, trust, risk, rule in STANDING:
        standing.set_standing(
            vault,
            actor_ids[key],
            standing.Standing(track, access, stand, trust, risk, rule),
        )
    organizations.set_official(vault, org_ids["authority"], True)


def _hold_first_workshop(
    vault: Vault, now: datetime, today: date, water: int, actor_ids: Mapping[str, int]
) -> tuple[int, int, int]:
    """The held workshop with its people, checklist and outcomes; its id, and the ids of
    the pilot idea and the shared-data understanding."""
    first = events.create_event(
        vault,
        NewEvent(
            _("Spring-flow workshop"),
            today - timedelta(days=120),
            kind=EventKind.WORKSHOP,
            process_id=water,
            ends_on=today - timedelta(days=118),
            venue=_("Lucerne, Switzerland"),
            convenor=_("Shared Springs Initiative"),
            funder=_("Lakeside Stabilisation Fund"),
            attribution=AttributionRule.CHATHAM_HOUSE,
            ground_rules=_("Chatham House rule; no recording; no press before the last day."),
            agenda=_(
                "Day 1: the spring-flow data. Day 2: metering. Day 3: what to tell the councils."
            ),
        ),
    )
    for key, role, status in FIRST_LIST:
        invitation = events.invite(vault, first, actor_ids[key], role)
        events.set_invitation(vault, invitation, status=status)
    for title, before in ((_("Visas for the eastern delegation"), 40), (_("Book the venue"), 60)):
        task = events.add_checklist_item(vault, first, title, today - timedelta(days=120 + before))
        followups.set_done(vault, task, True, now - timedelta(days=120 + before))
    pilot = events.add_outcome(
        vault, first, OutcomeKind.IDEA, _("A joint metering pilot in two eastern villages")
    )
    shared_data = events.add_outcome(
        vault,
        first,
        OutcomeKind.UNDERSTANDING,
        _("Both banks will work from one shared set of spring-flow data"),
    )
    events.add_outcome(
        vault, first, OutcomeKind.DISAGREEMENT, _("Who pays for the meters on the eastern bank")
    )
    return first, pilot, shared_data


def _log_contacts(
    vault: Vault, today: date, water: int, first: int, actor_ids: Mapping[str, int]
) -> None:
    log_interaction(
        vault,
        occurred_at=_at(today - timedelta(days=119), 19),
        kind=InteractionKind.SIDELINES,
        participants=[actor_ids["suha"]],
        process_id=water,
        event_id=first,
        summary=_("Over dinner: the eastern mayors could accept meters if the data stays joint."),
    )
    log_interaction(
        vault,
        occurred_at=_at(today - timedelta(days=35), 10),
        kind=InteractionKind.CALL,
        participants=[actor_ids["mahmoud"]],
        process_id=water,
        summary=_("The elders will not oppose the pilot if no western inspectors come."),
    )
    log_interaction(
        vault,
        occurred_at=_at(today - timedelta(days=70), 16),
        kind=InteractionKind.SOCIAL,
        participants=[actor_ids["doron"], actor_ids["suha"]],
        process_id=water,
        summary=_(
            "Met by chance at a funeral in Ein Sahra; the two mayors asked for a quiet "
            "channel between their councils."
        ),
        unexpected_opening=True,
    )


def _pass_to_track_one(
    vault: Vault,
    today: date,
    first: int,
    pilot: int,
    shared_data: int,
    actor_ids: Mapping[str, int],
    org_ids: Mapping[str, int],
) -> None:
    taken_up = transfers.log_transfer(
        vault,
        NewTransfer(
            _("A joint metering pilot in two eastern villages"),
            today - timedelta(days=90),
            kind=TransferKind.IDEA,
            event_id=first,
            outcome_id=pilot,
            recipient_actor_id=actor_ids["ilan"],
            recipient_organization_id=org_ids["authority"],
            via=_("Briefing at the authority, with the Shared Springs Initiative"),
        ),
    )
    transfers.record_result(
        vault,
        taken_up,
        TransferResult.TAKEN_UP,
        today - timedelta(days=45),
        _("In the authority's budget for next year as a pilot"),
    )
    awaiting = transfers.log_transfer(
        vault,
        NewTransfer(
            _("Both banks will work from one shared set of spring-flow data"),
            today - timedelta(days=20),
            kind=TransferKind.PROPOSAL,
            event_id=first,
            outcome_id=shared_data,
            recipient_organization_id=org_ids["authority"],
            via=_("Letter from the convenor"),
        ),
    )
    transfers.add_follow_up(
        vault, awaiting, _("Ask the authority about the shared data"), today + timedelta(days=4)
    )


def _plan_second_round(vault: Vault, today: date, water: int, actor_ids: Mapping[str, int]) -> None:
    second = events.create_event(
        vault,
        NewEvent(
            _("Second dialogue round: metering"),
            today + timedelta(days=25),
            kind=EventKind.DIALOGUE_ROUND,
            process_id=water,
            ends_on=today + timedelta(days=26),
            venue=_("Lucerne, Switzerland"),
            convenor=_("Shared Springs Initiative"),
            funder=_("Lakeside Stabilisation Fund"),
            ground_rules=_("Chatham House rule; no recording."),
            agenda=_("The pilot's first readings; the eastern meters' cost."),
        ),
    )
    for key, role, status in SECOND_LIST:
        invitation = events.invite(vault, second, actor_ids[key], role)
        events.set_invitation(vault, invitation, status=status)
    for title, before in (
        (_("Visas for the eastern delegation"), 18),
        (_("Confirm the venue"), 12),
        (_("Travel grants from the fund"), 8),
    ):
        events.add_checklist_item(vault, second, title, today + timedelta(days=25 - before))


def _review(vault: Vault, now: datetime, today: date, water: int) -> None:
    reviews.set_theory_of_change(
        vault,
        water,
        _(
            "If engineers from both banks trust the same data, the councils can agree on "
            "allocation without either side losing face."
        ),
        now - timedelta(days=200),
    )
    reviews.set_theory_of_change(
        vault,
        water,
        _(
            "Shared data first, a joint pilot second: once the councils see the pilot work, they "
            "can agree on allocation without either side losing face."
        ),
        now - timedelta(days=110),
    )
    reviews.set_review_cadence(vault, water, 60)
    reviews.record_review(
        vault,
        water,
        today - timedelta(days=110),
        ReviewDecision.GO_ON,
        _("Both banks came and stayed for all three days."),
        _("The engineers trust each other more than the councils do; start from them."),
    )
    reviews.record_review(
        vault,
        water,
        today - timedelta(days=65),
        ReviewDecision.GO_ON,
        _("The metering idea was taken up by the western authority."),
        _("An idea travels best when an official already wanted it."),
    )


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)
