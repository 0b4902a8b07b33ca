"""``contactkeeper today``: what the Today page shows, in a terminal. Registered by
:mod:`contactkeeper.cli` (its ``EXTENSIONS``).

Going cold (most urgent first, each with why), the follow-ups due, the processes whose
readiness moved and those ripening, worked out by the same
:func:`contactkeeper.records.today.today` as the desktop's Today. As ``paths`` does, a
high-risk actor goes by codename unless ``--reveal``; ``--privacy`` names everyone by
codename and leaves out free text (follow-up titles) and the channels' details, as privacy
mode does on screen.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from contactkeeper import i18n
from contactkeeper.cli import add_vault_arguments, say, say_json, unlock_vault
from contactkeeper.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from contactkeeper.records import NameRule
    from contactkeeper.records.followups import FollowUpInfo
    from contactkeeper.records.today import TodaySummary

HIDDEN = N_("hidden (--privacy)")


def register(subparsers: Any) -> None:
    """Add ``today``."""
    today = subparsers.add_parser(
        "today",
        help=_("who is going cold, follow-ups due, readiness moves and ripening processes"),
        description=_(
            "What the Today page shows: actors going cold (most urgent first, with "
            "why), the follow-ups due, the processes whose readiness moved and those ripening."
        ),
    )
    add_vault_arguments(today)
    today.add_argument("--json", action="store_true", help=_("print JSON"))
    shown = today.add_mutually_exclusive_group()
    shown.add_argument(
        "--reveal",
        action="store_true",
        help=_("show high-risk actors by their real names (by default, their codenames)"),
    )
    shown.add_argument(
        "--privacy",
        action="store_true",
        help=_("as privacy mode: every actor by codename, no free text"),
    )
    today.set_defaults(func=cmd_today)


def cmd_today(args: argparse.Namespace) -> int:
    from contactkeeper import records
    from contactkeeper.records import today

    if args.privacy:
        withheld = records.everyone_withheld
    elif args.reveal:
        withheld = records.nobody_withheld
    else:
        withheld = records.high_risk_withheld
    rule = records.names_by(withheld)
    now = datetime.now(UTC)
    with unlock_vault(args) as vault:
        summary = today.today(vault, now, follow_ups_shown=500)
    day = now.astimezone().date()
    if args.json:
        say_json(_as_json(summary, rule, day, privacy=args.privacy))
    else:
        _print(summary, rule, day, privacy=args.privacy)
    return 0


def _as_json(summary: TodaySummary, name: NameRule, day: date, *, privacy: bool) -> object:
    from contactkeeper.records.today import ORDER

    return {
        "date": day.isoformat(),
        "going_cold": {
            "order": ORDER,
            "actors": [
                {
                    "actor_id": g.actor_id,
                    "name": name(g.actor_id, g.display_name, g.codename, g.sensitivity),
                    "warmth": str(g.warmth.warmth),
                    "days_since_contact": g.warmth.days_since_contact,
                    "days_past_maximum": g.warmth.past_maximum_days,
                    "ideal_days": g.warmth.ideal_days,
                    "maximum_days": g.warmth.max_days,
                    "why": g.why,
                    "urgency": g.urgency(),
                    "ripening": list(g.ripening),
                    "channel": None if g.channel is None else g.channel.lead(name),
                }
                for g in summary.going_cold
            ],
        },
        "follow_ups_due": {
            "count": summary.follow_ups_due,
            "follow_ups": [
                {
                    "id": f.id,
                    "due_on": f.due_on.isoformat(),
                    "overdue": f.due_on < day,
                    "title": HIDDEN if privacy else f.title,
                    "actor": _follow_up_actor(f, name) or None,
                    "process": f.process_name or None,
                }
                for f in summary.follow_ups
            ],
        },
        "readiness_moves": [
            {
                "process_id": m.process_id,
                "process": m.process_name,
                "change": round(m.change, 2),
                "latest_on": m.latest_on.isoformat(),
                "why": m.why,
            }
            for m in summary.readiness_moves
        ],
        "ripening": [
            {
                "process_id": r.process_id,
                "process": r.process_name,
                "why": r.why,
                "flagged": r.flagged,
                "cues": list(r.cues),
                "warm": [
                    name(a.actor_id, a.display_name, a.codename, a.sensitivity) for a in r.warm
                ],
                "to_warm": [
                    name(a.actor_id, a.display_name, a.codename, a.sensitivity) for a in r.to_warm
                ],
            }
            for r in summary.ripening
        ],
    }


def _heading(title: str, count: int) -> str:
    # Translators: a heading of `contactkeeper today` with its count: "Going cold (3)".
    return _("{title} ({n})").format(title=title, n=i18n.number(count))


def _print(summary: TodaySummary, name: NameRule, day: date, *, privacy: bool) -> None:
    from contactkeeper.records.today import ORDER

    say(_("Today, {date}").format(date=i18n.long_date(day)))
    say()
    say(_heading(_("Going cold"), len(summary.going_cold)))
    if summary.going_cold:
        say(f"  {_(ORDER)}")
    else:
        say("  " + _("Nobody is going cold: every active actor was contacted in good time."))
    for g in summary.going_cold:
        who = name(g.actor_id, g.display_name, g.codename, g.sensitivity)
        channel = _("no channel") if g.channel is None else g.channel.lead(name)
        say(
            # Translators: an actor going cold: "- Carla Haddad: cold, 40 days past the
            # maximum (phone)".
            _("- {name}: {warmth}, {urgency} ({channel})").format(
                name=who, warmth=g.warmth.warmth, urgency=g.urgency(), channel=channel
            )
        )
        say(f"    {g.why}")
    say()
    say(_heading(_("Follow-ups due"), summary.follow_ups_due))
    if not summary.follow_ups:
        say("  " + _("No follow-up is due this week."))
    for f in summary.follow_ups:
        due = i18n.short_date(f.due_on)
        when = _("{date} (overdue)").format(date=due) if f.due_on < day else due
        about = " · ".join(p for p in (_follow_up_actor(f, name), f.process_name) if p)
        title = _(HIDDEN) if privacy else f.title
        if about:
            # Translators: a follow-up due: "- 2 Dec 2026: Send the draft — RED FOX".
            say(_("- {date}: {title} — {about}").format(date=when, title=title, about=about))
        else:
            say(_("- {date}: {title}").format(date=when, title=title))
    say()
    say(_heading(_("Readiness moved"), len(summary.readiness_moves)))
    if not summary.readiness_moves:
        say("  " + _("No process's readiness moved in the last 30 days."))
    for m in summary.readiness_moves:
        arrow = "▲" if m.change > 0 else "▼"
        change = ("+" if m.change >= 0 else "-") + i18n.number(abs(m.change), 1)
        say(
            _("- {process}: {arrow} {change} (latest cue {date})").format(
                process=m.process_name,
                arrow=arrow,
                change=change,
                date=i18n.short_date(m.latest_on),
            )
        )
    say()
    say(_heading(_("Ripening"), len(summary.ripening)))
    if not summary.ripening:
        say("  " + _("No process is ripening by your threshold, and no moment is flagged."))
    for r in summary.ripening:
        for number, line in enumerate(r.explain(name).splitlines()):
            say(("- " if number == 0 else "    ") + line.strip())
    if summary.follow_ups_due > len(summary.follow_ups):
        more = summary.follow_ups_due - len(summary.follow_ups)
        say()
        say(
            ngettext("and {n} more follow-up", "and {n} more follow-ups", more).format(
                n=i18n.number(more)
            )
        )


def _follow_up_actor(f: FollowUpInfo, name: NameRule) -> str:
    if f.actor_id is None:
        return ""
    return name(f.actor_id, f.actor_name, f.actor_codename, f.actor_sensitivity)
