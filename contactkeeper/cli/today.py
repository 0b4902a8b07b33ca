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

from contactkeeper.cli import add_vault_arguments, say, say_json, unlock_vault

if TYPE_CHECKING:
    from contactkeeper.records import NameRule
    from contactkeeper.records.followups import FollowUpInfo
    from contactkeeper.records.today import TodaySummary

HIDDEN = "hidden (--privacy)"


def register(subparsers: Any) -> None:
    """Add ``today``."""
    today = subparsers.add_parser(
        "today",
        help="who is going cold, follow-ups due, readiness moves and ripening processes",
        description="What the Today page shows: actors going cold (most urgent first, with "
        "why), the follow-ups due, the processes whose readiness moved and those ripening.",
    )
    add_vault_arguments(today)
    today.add_argument("--json", action="store_true", help="print JSON")
    shown = today.add_mutually_exclusive_group()
    shown.add_argument(
        "--reveal",
        action="store_true",
        help="show high-risk actors by their real names (by default, their codenames)",
    )
    shown.add_argument(
        "--privacy",
        action="store_true",
        help="as privacy mode: every actor by codename, no free text",
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


def _print(summary: TodaySummary, name: NameRule, day: date, *, privacy: bool) -> None:
    from contactkeeper.records.today import ORDER
    from contactkeeper.records.wording import plural

    say(f"Today, {day.isoformat()}")
    say()
    say(f"Going cold ({len(summary.going_cold)})")
    if summary.going_cold:
        say(f"  {ORDER}")
    else:
        say("  Nobody is going cold: every active actor was contacted in good time.")
    for g in summary.going_cold:
        who = name(g.actor_id, g.display_name, g.codename, g.sensitivity)
        channel = "no channel" if g.channel is None else g.channel.lead(name)
        say(f"- {who}: {g.warmth.warmth}, {g.urgency()} ({channel})")
        say(f"    {g.why}")
    say()
    say(f"Follow-ups due ({summary.follow_ups_due})")
    if not summary.follow_ups:
        say("  No follow-up is due this week.")
    for f in summary.follow_ups:
        late = " (overdue)" if f.due_on < day else ""
        about = " · ".join(p for p in (_follow_up_actor(f, name), f.process_name) if p)
        title = HIDDEN if privacy else f.title
        say(f"- {f.due_on.isoformat()}{late}: {title}" + (f" — {about}" if about else ""))
    say()
    say(f"Readiness moved ({len(summary.readiness_moves)})")
    if not summary.readiness_moves:
        say("  No process's readiness moved in the last 30 days.")
    for m in summary.readiness_moves:
        arrow = "▲" if m.change > 0 else "▼"
        say(f"- {m.process_name}: {arrow} {m.change:+.1f} (latest cue {m.latest_on.isoformat()})")
    say()
    say(f"Ripening ({len(summary.ripening)})")
    if not summary.ripening:
        say("  No process is ripening by your threshold, and no moment is flagged.")
    for r in summary.ripening:
        for number, line in enumerate(r.explain(name).splitlines()):
            say(("- " if number == 0 else "    ") + line.strip())
    if summary.follow_ups_due > len(summary.follow_ups):
        say()
        say(f"and {plural(summary.follow_ups_due - len(summary.follow_ups), 'more follow-up')}")


def _follow_up_actor(f: FollowUpInfo, name: NameRule) -> str:
    if f.actor_id is None:
        return ""
    return name(f.actor_id, f.actor_name, f.actor_codename, f.actor_sensitivity)
