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
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

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
    Sensitivity,
    TransferResult,
)

WARNING = (
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
    return f"{value.day} {value:%B %Y}"


def _span(start: date, end: date | None) -> str:
    if end is None or end == start:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    return f"{_day(start)} – {_day(end)}"


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
            text = self._codename_pattern.sub("[someone]", text)
        return text

    def _replacement(self, word: str, withheld: bool) -> str:
        actor_id = self._named.get(word)
        if withheld or actor_id is None:
            return "[someone]"
        return f"[{self._shown_as[actor_id]}]"

    def side(self, actor_id: int) -> str:
        p = self._by_actor.get(actor_id)
        return self._sides.get(p.side_id, "") if p and p.side_id is not None else ""

    def role(self, actor_id: int) -> str:
        p = self._by_actor.get(actor_id)
        if p is None:
            return "a contact"
        side = self.side(actor_id)
        return f"a {p.role.value}" + (f" from the {side}" if side else "")

    def shown(self, actor_id: int, codename: str, sensitivity: Sensitivity) -> str:
        return codename if sensitivity is Sensitivity.NORMAL else self.role(actor_id)

    def source(self, rule: AttributionRule, people: list[tuple[int, str, Sensitivity]]) -> str:
        """The source of an item as the rule allows it, or "" when withheld."""
        shown = source_shown(rule)
        if shown is SourceShown.AS_USUAL:
            return ", ".join(self.shown(*person) for person in people)
        if shown is SourceShown.SIDE:
            sides = sorted({self.side(a) for a, _, _ in people} - {""})
            return f"someone from the {' and the '.join(sides)}" if sides else ""
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
        title=f"Process brief: {process.name}",
        subtitle=(
            f"The facilitator's findings, {_day(today)}. Participants appear by codename or "
            "by role; what was said under Chatham House or without attribution appears "
            "without its source."
        ),
        warning=WARNING,
        sections=tuple(s for s in sections if s.paragraphs or s.items),
        readiness_points=tuple(_chart(vault, process_id, today)),
        readings=tuple(_per_party(vault, process_id, today)),
        cues=tuple(readiness.process_readiness(vault, process_id).cues),
    )


def _where_it_stands(vault: Vault, process: processes.ProcessInfo, people: _People) -> Section:
    paragraphs = [f"{process.name} is a {process.track.value} process, now {process.phase.value}."]
    theory = reviews.current_theory(vault, process.id)
    if theory:
        paragraphs.append(f"Theory of change: {people.scrub(theory)}")
    if process.description:
        paragraphs.append(people.scrub(process.description))
    return Section("Where the process stands", tuple(paragraphs))


def _parties(process: processes.ProcessInfo, people: _People) -> Section:
    groups: dict[str, list[str]] = defaultdict(list)
    for p in process.participants:
        side = process.side_name(p.side_id) if p.side_id is not None else ""
        groups[side].append(
            f"{people.shown(p.actor_id, p.codename, p.sensitivity)} ({p.role.value})"
            if p.sensitivity is Sensitivity.NORMAL
            else f"a {p.role.value}"
        )
    items = [
        f"{side or 'On no side'}: {', '.join(sorted(names))}"
        for side, names in sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    ]
    return Section("The parties", (), tuple(items))


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
        return Section("Readiness", ("Too few readiness cues were recorded to judge it.",))
    first, last = points[0][1], points[-1][1]
    trend = "rose" if last > first + 0.05 else "fell" if last < first - 0.05 else "held steady"
    return Section(
        "Readiness",
        (
            f"Over the period shown, readiness {trend}, from {first:+.1f} to {last:+.1f} "
            f"across {len(points) - 1} observations (the chart below).",
        ),
    )


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
        where = f" in {event.venue}" if event.venue else ""
        who = [f"convened by {event.convenor}"] if event.convenor else []
        if event.funder:
            who.append(f"funded by {event.funder}")
        attended = event.with_status(InvitationStatus.ATTENDED)
        invited = [i for i in event.invitations if i.status is not InvitationStatus.DECLINED]
        sides = sorted({i.side for i in attended if i.side})
        text = (
            f"{event.title} ({event.kind.value}), {_span(event.starts_on, event.ends_on)}"
            f"{where}{'; ' + ', '.join(who) if who else ''}. "
            f"Under {event.attribution.value} rules."
        )
        if attended:
            text += f" {len(attended)} of {len(invited)} expected took part" + (
                f", from the {' and the '.join(sides)}." if sides else "."
            )
        if event.outcomes:
            text += " What came out of it: " + "; ".join(
                f"{o.kind.value}: {people.scrub(o.text, o.attribution is not ON_RECORD)}"
                for o in event.outcomes
            )
            text = text.rstrip(".") + "."
        paragraphs.append(people.scrub(text))
    return Section("Workshops and dialogue rounds", tuple(paragraphs))


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
            where = f", at the {interaction.event.title}" if interaction.event else ""
            opening = " An opening nobody planned." if interaction.unexpected_opening else ""
            said = f" ({source})" if source else ""
            summary = interaction.summary
            if interaction.attribution is not ON_RECORD:
                summary = people.scrub(summary, withheld=True)
            items.append(
                (
                    interaction.occurred_at,
                    f"{_day(interaction.occurred_at.date())}{where}: "
                    f"{people.scrub(summary).rstrip('.')}{said}.{opening}",
                )
            )
    return Section("What was observed", (), tuple(text for _, text in sorted(items)))


def _transfers(vault: Vault, process_id: int, people: _People) -> Section:
    items = []
    logged = transfers.list_transfers(vault, process_id=process_id)
    for t in reversed(logged):
        to = (
            t.recipient_codename
            if t.recipient_actor_id and t.recipient_sensitivity is Sensitivity.NORMAL
            else t.recipient_organization or "an official"
        )
        origin = f" from {t.origin}" if t.origin else ""
        result = t.result.value + (f" on {_day(t.result_on)}" if t.result_on else "")
        note = f": {t.result_note}" if t.result_note else ""
        withheld = t.attribution is not ON_RECORD
        items.append(
            people.scrub(
                f"{_day(t.passed_on)}: the {t.kind.value} “{people.scrub(t.content, withheld)}”"
                f"{origin} was passed to {to}{' through ' + t.via if t.via else ''}; "
                f"{result}{note}."
            )
        )
    paragraphs: tuple[str, ...] = ()
    if items:
        taken = sum(1 for t in logged if t.result is TransferResult.TAKEN_UP)
        paragraphs = (
            f"What began in track two and was passed to track one: {len(items)} "
            f"{'transfer' if len(items) == 1 else 'transfers'}, {taken} taken up.",
        )
    return Section("Passed to track one", paragraphs, tuple(items))


def _reviews(vault: Vault, process_id: int, people: _People) -> Section:
    items = []
    for r in reversed(reviews.list_reviews(vault, process_id)):
        text = f"{_day(r.held_on)}: decided to {r.decision.value}"
        if r.reasons:
            text += f", because {r.reasons}"
        if r.learnt:
            text += f". Learnt: {r.learnt}"
        items.append(people.scrub(text + "."))
    for opening in reviews.unexpected_openings(vault, process_id):
        items.append(f"{_day(opening.occurred_at.date())}: an opening nobody planned.")
    return Section("Decisions and what was learnt", (), tuple(items))


def _follow_ups(vault: Vault, process_id: int, today: date, people: _People) -> Section:
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(FollowUp.title, FollowUp.due_on)
            .where(FollowUp.process_id == process_id, FollowUp.done_at.is_(None))
            .order_by(FollowUp.due_on)
        ).all()
    items = [
        f"{people.scrub(title)} (due {_day(due)}{', overdue' if due < today else ''})"
        for title, due in rows
    ]
    return Section("Open follow-ups", (), tuple(items))
