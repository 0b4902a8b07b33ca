"""The process brief: a process as its facilitator would describe it to a funder or a colleague.

:func:`compose` decides what the brief says and what it withholds; it returns a structured
document (headings, paragraphs, a few tables and the readiness chart's points) that the GUI
draws to PDF with Qt's own writer. It is written as findings, in words (what was observed,
passed on and learnt), not as counts to fill boxes.

What is withheld
    - People appear by codename, or by their role and side when they are sensitive or
      high-risk; never by name, and never with the details that identify them.
    - Every attribution rule is honoured (:mod:`contactkeeper.records.attribution`): the
      source of an observation appears only when it is on the record (by codename or role);
      a non-attributable one is described by its side at most; a Chatham House or
      summary-only one has no source at all.
    - Officials who received a transfer appear by codename, or by their organization.

Free text a person typed (summaries, outcomes, reviews) is copied as written: the brief is a
plaintext file, with the same warning as every other export.

The brief is written in the language the program speaks (a practitioner prints it for their
own readers): its headings, sentences, dates and numbers; what was typed stays as typed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from contactkeeper.errors import embed
from contactkeeper.i18n import (
    N_,
    _,
    formats_locale,
    long_date,
    ngettext,
    number,
    pgettext,
)
from contactkeeper.records import events, processes, readiness, reviews, transfers
from contactkeeper.records.attribution import SourceShown, source_shown
from contactkeeper.records.ripeness import Cue, ProcessReading
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    AttributionRule,
    Event,
    FollowUp,
    Interaction,
    InteractionEvent,
    InvitationStatus,
    NameVariant,
    ParticipationRole,
    ReviewDecision,
    Sensitivity,
    TransferResult,
)
from contactkeeper.vault.vocabulary import label

# Translate where shown: compose puts ``_(WARNING)`` in the brief.
WARNING = N_(
    "This brief is a plaintext document: anyone who obtains the file can read it. Keep it, "
    "send it and delete it with the care the vault itself gets."
)
CHART_MONTHS = 12
ON_RECORD = AttributionRule.ON_RECORD
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
OBSERVATIONS_SHOWN = 12  # the latest contacts besides those at events and the openings
_AT_EVENTS = sa.select(InteractionEvent.interaction_id)


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # a bulleted list
    chart: bool = False  # the readiness chart, if any, is drawn after it (not by heading)


@dataclass(frozen=True)
class Brief:
    title: str
    subtitle: str
    warning: str
    sections: tuple[Section, ...]
    readiness_points: tuple[tuple[date, float], ...]  # the least ready party's, oldest first
    # Readiness per party, day by day, and the cues behind it: what the process chart draws.
    readings: tuple[ProcessReading, ...] = ()
    cues: tuple[Cue, ...] = ()

    def text(self) -> str:
        """The whole brief as plain text (what the PDF shows, in words)."""
        lines = [self.title, self.subtitle, self.warning, ""]
        for section in self.sections:
            lines.append(section.heading)
            lines.extend(section.paragraphs)
            lines.extend(f"- {item}" for item in section.items)
            lines.append("")
        return "\n".join(lines)


def _day(value: date) -> str:
    return long_date(value)


def _span(start: date, end: date | None) -> str:
    """From ``start`` to ``end``, as the language writes a span of days ("2–4 Dec 2026")."""
    if end is None or end == start:
        return _day(start)
    from babel.dates import format_interval

    return str(format_interval(start, end, "yMMMMd", locale=formats_locale()))


def _signed(value: float) -> str:
    """A readiness value with its sign and one decimal: "+0.4", "−0,2"."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="+0.0;-0.0", locale=formats_locale()))


def _a_role(role: ParticipationRole) -> str:
    """Someone by their role in the process, as a noun phrase: "an adviser"."""
    phrases = {
        ParticipationRole.PARTY: pgettext("brief: someone by their role", "a party"),
        ParticipationRole.ADVISER: pgettext("brief: someone by their role", "an adviser"),
        ParticipationRole.CONVENOR: pgettext("brief: someone by their role", "a convenor"),
        ParticipationRole.INTERMEDIARY: pgettext("brief: someone by their role", "an intermediary"),
        ParticipationRole.SPOILER: pgettext("brief: someone by their role", "a spoiler"),
        ParticipationRole.OBSERVER: pgettext("brief: someone by their role", "an observer"),
    }
    return phrases.get(role, label(role))


def _sides(sides: list[str]) -> str:
    """Sides of a conflict as one list: "the Eastern villages and the Western bank"."""
    from babel.lists import format_list

    return str(format_list([embed(s) for s in sides], locale=formats_locale()))


class _People:
    """How the brief names each participant: codename, or role and side when sensitive.

    It also scrubs free text: a person's name typed into a summary, an outcome or a review
    (their display name, a name variant, or any capitalised word of those of three letters
    or more) is replaced by how the brief shows them, or by "[someone]" in an item whose
    source is withheld (where their codename is scrubbed too).
    """

    def __init__(self, vault: Vault, process: processes.ProcessInfo) -> None:
        self._sides = {s.id: s.name for s in process.sides}
        self._by_actor: dict[int, processes.ParticipantRole] = {}
        for p in process.participants:
            self._by_actor.setdefault(p.actor_id, p)
        self._named: dict[str, int | None] = {}  # a name or word: its actor (None: several)
        self._codenames: dict[str, int] = {}
        self._shown_as: dict[int, str] = {}
        with vault.transaction() as session:
            variants: dict[int, list[str]] = defaultdict(list)
            for actor_id, name in session.execute(
                sa.select(NameVariant.actor_id, NameVariant.name)
            ):
                variants[actor_id].append(name)
            for actor_id, display, codename, sensitivity in session.execute(
                sa.select(Actor.id, Actor.display_name, Actor.codename, Actor.sensitivity)
            ):
                self._shown_as[actor_id] = self.shown(actor_id, codename, sensitivity)
                self._codenames[codename] = actor_id
                for name in (display, *variants[actor_id]):
                    for word in {name, *_WORD.findall(name)}:
                        if len(word) >= 3 and not word[0].islower():
                            known = self._named.get(word, actor_id)
                            self._named[word] = known if known == actor_id else None
        names = sorted(self._named, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
            if names
            else None
        )
        codenames = sorted(self._codenames, key=len, reverse=True)
        self._codename_pattern = (
            re.compile("|".join(map(re.escape, codenames))) if codenames else None
        )

    def scrub(self, text: str, withheld: bool = False) -> str:
        """``text`` with every person's name replaced (see the class)."""
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: self._replacement(m.group(0), withheld), text)
        if withheld and self._codename_pattern is not None:
            someone = _("[someone]")
            text = self._codename_pattern.sub(lambda _match: someone, text)
        return text

    def _replacement(self, word: str, withheld: bool) -> str:
        actor_id = self._named.get(word)
        if withheld or actor_id is None:
            return _("[someone]")
        return f"[{self._shown_as[actor_id]}]"

    def side(self, actor_id: int) -> str:
        p = self._by_actor.get(actor_id)
        return self._sides.get(p.side_id, "") if p and p.side_id is not None else ""

    def role(self, actor_id: int) -> str:
        p = self._by_actor.get(actor_id)
        if p is None:
            return _("a contact")
        side = self.side(actor_id)
        if not side:
            return _a_role(p.role)
        # Translators: {role} is "an adviser", "a party"...; {side} a side of the conflict.
        return _("{role} from the {side}").format(role=_a_role(p.role), side=embed(side))

    def shown(self, actor_id: int, codename: str, sensitivity: Sensitivity) -> str:
        return codename if sensitivity is Sensitivity.NORMAL else self.role(actor_id)

    def source(self, rule: AttributionRule, people: list[tuple[int, str, Sensitivity]]) -> str:
        """The source of an item as the rule allows it, or "" when withheld."""
        shown = source_shown(rule)
        if shown is SourceShown.AS_USUAL:
            separator = pgettext("list separator", ", ")
            return separator.join(self.shown(*person) for person in people)
        if shown is SourceShown.SIDE:
            sides = sorted({self.side(a) for a, _c, _s in people} - {""})
            if len(sides) == 1:
                return _("someone from the {side}").format(side=embed(sides[0]))
            if sides:
                return _("someone from the {sides}").format(sides=_sides(sides))
        return ""


def compose(vault: Vault, process_id: int, today: date) -> Brief:
    process = processes.get_process(vault, process_id)
    people = _People(vault, process)
    sections = [
        _where_it_stands(vault, process, people),
        _parties(process, people),
        _readiness(vault, process_id, today),
        _events(vault, process_id, today, people),
        _observations(vault, process_id, people),
        _transfers(vault, process_id, people),
        _reviews(vault, process_id, people),
        _follow_ups(vault, process_id, today, people),
    ]
    return Brief(
        title=_("Process brief: {name}").format(name=embed(process.name)),
        subtitle=_(
            "The facilitator's findings, {date}. Participants appear by codename or by role; "
            "what was said under Chatham House or without attribution appears without its "
            "source."
        ).format(date=_day(today)),
        warning=_(WARNING),
        sections=tuple(s for s in sections if s.paragraphs or s.items),
        readiness_points=tuple(_chart(vault, process_id, today)),
        readings=tuple(_per_party(vault, process_id, today)),
        cues=tuple(readiness.process_readiness(vault, process_id).cues),
    )


def _where_it_stands(vault: Vault, process: processes.ProcessInfo, people: _People) -> Section:
    # Translators: {track} is "track two"..., {phase} "exploratory", "negotiation"...
    stands = _("{name} is a {track} process, now {phase}.").format(
        name=embed(process.name), track=label(process.track), phase=label(process.phase)
    )
    paragraphs = [stands]
    theory = reviews.current_theory(vault, process.id)
    if theory:
        paragraphs.append(_("Theory of change: {theory}").format(theory=people.scrub(theory)))
    if process.description:
        paragraphs.append(people.scrub(process.description))
    return Section(_("Where the process stands"), tuple(paragraphs))


def _parties(process: processes.ProcessInfo, people: _People) -> Section:
    groups: dict[str, list[str]] = defaultdict(list)
    for p in process.participants:
        side = process.side_name(p.side_id) if p.side_id is not None else ""
        groups[side].append(
            # Translators: a participant by codename, and their role ("adviser").
            _("{name} ({role})").format(
                name=people.shown(p.actor_id, p.codename, p.sensitivity), role=label(p.role)
            )
            if p.sensitivity is Sensitivity.NORMAL
            else _a_role(p.role)
        )
    separator = pgettext("list separator", ", ")
    items = [
        # Translators: a side of the conflict, and who is on it.
        _("{side}: {names}").format(
            side=embed(side) if side else _("On no side"), names=separator.join(sorted(names))
        )
        for side, names in sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    ]
    return Section(_("The parties"), (), tuple(items))


def _per_party(vault: Vault, process_id: int, today: date) -> list[ProcessReading]:
    start = today - timedelta(days=31 * CHART_MONTHS)
    series = readiness.process_readiness(vault, process_id).series(today)
    return [r for r in series if r.on >= start]


def _chart(vault: Vault, process_id: int, today: date) -> list[tuple[date, float]]:
    points = readiness.timeline(vault, process_id, today)
    start = today - timedelta(days=31 * CHART_MONTHS)
    return [(d, v) for d, v in points if d >= start]


def _readiness(vault: Vault, process_id: int, today: date) -> Section:
    points = _chart(vault, process_id, today)
    if len(points) < 2:
        too_few = _("Too few readiness cues were recorded to judge it.")
        return Section(_("Readiness"), (too_few,), chart=True)
    first, last = points[0][1], points[-1][1]
    n = len(points) - 1
    if last > first + 0.05:
        trend = ngettext(
            "Over the period shown, readiness rose, from {first} to {last} across {n} "
            "observation (the chart below).",
            "Over the period shown, readiness rose, from {first} to {last} across {n} "
            "observations (the chart below).",
            n,
        )
    elif last < first - 0.05:
        trend = ngettext(
            "Over the period shown, readiness fell, from {first} to {last} across {n} "
            "observation (the chart below).",
            "Over the period shown, readiness fell, from {first} to {last} across {n} "
            "observations (the chart below).",
            n,
        )
    else:
        trend = ngettext(
            "Over the period shown, readiness held steady, from {first} to {last} across "
            "{n} observation (the chart below).",
            "Over the period shown, readiness held steady, from {first} to {last} across "
            "{n} observations (the chart below).",
            n,
        )
    sentence = trend.format(first=_signed(first), last=_signed(last), n=number(n))
    return Section(_("Readiness"), (sentence,), chart=True)


def _events(vault: Vault, process_id: int, today: date, people: _People) -> Section:
    paragraphs: list[str] = []
    with vault.transaction() as session:
        ids = list(
            session.scalars(
                sa.select(Event.id).where(Event.process_id == process_id).order_by(Event.starts_on)
            )
        )
    for event_id in ids:
        event = events.get_event(vault, event_id, datetime.combine(today, time(12), tzinfo=UTC))
        # Translators: an event's title, its kind ("workshop") and its dates.
        head = _("{title} ({kind}), {dates}").format(
            title=embed(event.title),
            kind=label(event.kind),
            dates=_span(event.starts_on, event.ends_on),
        )
        if event.venue:
            head = _("{event} in {venue}").format(event=head, venue=embed(event.venue))
        if event.convenor and event.funder:
            head = _("{event}; convened by {convenor}, funded by {funder}").format(
                event=head, convenor=embed(event.convenor), funder=embed(event.funder)
            )
        elif event.convenor:
            head = _("{event}; convened by {convenor}").format(
                event=head, convenor=embed(event.convenor)
            )
        elif event.funder:
            head = _("{event}; funded by {funder}").format(event=head, funder=embed(event.funder))
        # Translators: {rule} is an attribution rule ("Chatham House", "on the record").
        sentences = [
            _("{event}.").format(event=head),
            _("Under {rule} rules.").format(rule=label(event.attribution)),
        ]
        attended = event.with_status(InvitationStatus.ATTENDED)
        invited = [i for i in event.invitations if i.status is not InvitationStatus.DECLINED]
        sides = sorted({i.side for i in attended if i.side})
        if attended:
            came, expected = len(attended), len(invited)
            if sides:
                took_part = ngettext(
                    "{n} of {expected} expected took part, from the {sides}.",
                    "{n} of {expected} expected took part, from the {sides}.",
                    came,
                ).format(n=number(came), expected=number(expected), sides=_sides(sides))
            else:
                took_part = ngettext(
                    "{n} of {expected} expected took part.",
                    "{n} of {expected} expected took part.",
                    came,
                ).format(n=number(came), expected=number(expected))
            sentences.append(took_part)
        if event.outcomes:
            outcomes = pgettext("separator of outcomes", "; ").join(
                # Translators: an outcome's kind ("idea", "understanding") and its text.
                _("{kind}: {text}").format(
                    kind=label(o.kind),
                    text=people.scrub(o.text, o.attribution is not ON_RECORD).rstrip("."),
                )
                for o in event.outcomes
            )
            sentences.append(_("What came out of it: {outcomes}.").format(outcomes=outcomes))
        paragraphs.append(people.scrub(" ".join(sentences)))
    return Section(_("Workshops and dialogue rounds"), tuple(paragraphs))


def _observations(vault: Vault, process_id: int, people: _People) -> Section:
    """What was said at the process's events, the openings nobody planned, and the latest
    other contacts (OBSERVATIONS_SHOWN), oldest first."""
    notable = sa.or_(Interaction.unexpected_opening, Interaction.id.in_(_AT_EVENTS))
    base = sa.select(Interaction).where(
        Interaction.process_id == process_id, Interaction.summary != ""
    )
    options = (
        selectinload(Interaction.participants).load_only(Actor.codename, Actor.sensitivity),
        selectinload(Interaction.event).load_only(Event.title),
    )
    items: list[tuple[datetime, str]] = []
    with vault.transaction() as session:
        chosen = list(session.scalars(base.where(notable).options(*options)))
        chosen += session.scalars(
            base.where(sa.not_(notable))
            .order_by(Interaction.occurred_at.desc())
            .limit(OBSERVATIONS_SHOWN)
            .options(*options)
        )
        for interaction in chosen:
            source = people.source(
                interaction.attribution,
                [(a.id, a.codename, a.sensitivity) for a in interaction.participants],
            )
            when = _day(interaction.occurred_at.date())
            if interaction.event:
                # Translators: a date, and the event something was said at.
                when = _("{date}, at the {event}").format(
                    date=when, event=embed(interaction.event.title)
                )
            summary = interaction.summary
            if interaction.attribution is not ON_RECORD:
                summary = people.scrub(summary, withheld=True)
            summary = people.scrub(summary).rstrip(".")
            if source:
                # Translators: when, what was said, and who said it (a codename, a role).
                text = _("{when}: {summary} ({source}).").format(
                    when=when, summary=summary, source=source
                )
            else:
                text = _("{when}: {summary}.").format(when=when, summary=summary)
            if interaction.unexpected_opening:
                text += " " + _("An opening nobody planned.")
            items.append((interaction.occurred_at, text))
    return Section(_("What was observed"), (), tuple(text for _at, text in sorted(items)))


def _transfers(vault: Vault, process_id: int, people: _People) -> Section:
    items = []
    logged = transfers.list_transfers(vault, process_id=process_id)
    for t in reversed(logged):
        to = (
            t.recipient_codename
            if t.recipient_actor_id and t.recipient_sensitivity is Sensitivity.NORMAL
            else embed(t.recipient_organization or "") or _("an official")
        )
        withheld = t.attribution is not ON_RECORD
        content = people.scrub(t.content, withheld)
        day = _day(t.passed_on)
        # Translators: {kind} is "idea", "proposal" or "message"; {content} what was passed.
        if t.origin:
            passed = _("{date}: the {kind} “{content}” from {origin} was passed to {recipient}")
        else:
            passed = _("{date}: the {kind} “{content}” was passed to {recipient}")
        passed = passed.format(
            date=day,
            kind=label(t.kind),
            content=content,
            origin=embed(t.origin or ""),
            recipient=to,
        )
        if t.via:
            passed = _("{passed} through {via}").format(passed=passed, via=embed(t.via))
        result = label(t.result)
        if t.result_on:
            # Translators: a transfer's result ("acknowledged") and when it came.
            result = _("{result} on {date}").format(result=result, date=_day(t.result_on))
        if t.result_note:
            result = _("{result}: {note}").format(result=result, note=t.result_note)
        items.append(people.scrub(_("{passed}; {result}.").format(passed=passed, result=result)))
    paragraphs: tuple[str, ...] = ()
    if items:
        taken = sum(1 for t in logged if t.result is TransferResult.TAKEN_UP)
        paragraphs = (
            ngettext(
                "What began in track two and was passed to track one: {n} transfer, {taken} "
                "taken up.",
                "What began in track two and was passed to track one: {n} transfers, {taken} "
                "taken up.",
                len(items),
            ).format(n=number(len(items)), taken=number(taken)),
        )
    return Section(_("Passed to track one"), paragraphs, tuple(items))


def _reviews(vault: Vault, process_id: int, people: _People) -> Section:
    items = []
    for r in reversed(reviews.list_reviews(vault, process_id)):
        decided = {
            ReviewDecision.GO_ON: _("{date}: decided to go on"),
            ReviewDecision.PAUSE: _("{date}: decided to pause"),
            ReviewDecision.STOP: _("{date}: decided to stop"),
        }[r.decision]
        text = decided.format(date=_day(r.held_on))
        if r.reasons:
            text = _("{decision}, because {reasons}").format(
                decision=text, reasons=r.reasons.rstrip(".")
            )
        if r.learnt:
            text = _("{decision}. Learnt: {learnt}").format(
                decision=text, learnt=r.learnt.rstrip(".")
            )
        items.append(people.scrub(_("{review}.").format(review=text)))
    for opening in reviews.unexpected_openings(vault, process_id):
        items.append(
            _("{date}: an opening nobody planned.").format(date=_day(opening.occurred_at.date()))
        )
    return Section(_("Decisions and what was learnt"), (), tuple(items))


def _follow_ups(vault: Vault, process_id: int, today: date, people: _People) -> Section:
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(FollowUp.title, FollowUp.due_on)
            .where(FollowUp.process_id == process_id, FollowUp.done_at.is_(None))
            .order_by(FollowUp.due_on)
        ).all()
    items = [
        (_("{title} (due {date}, overdue)") if due < today else _("{title} (due {date})")).format(
            title=people.scrub(title), date=_day(due)
        )
        for title, due in rows
    ]
    return Section(_("Open follow-ups"), (), tuple(items))
