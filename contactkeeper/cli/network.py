"""``contactkeeper paths ACTOR``: how can I reach this person? Registered by
:mod:`contactkeeper.cli` (its ``EXTENSIONS``).

The best few ways from the practitioner to the actor, as the desktop application shows them
on the actor's page: ``you -> Fr. Pavel (warm) -> Bishop Nikolai -> Dmitri S.``, each with
the reason for its rank. ACTOR is a name or codename, or the beginning of their words (the
full-text search finds it). As ``search`` does, a high-risk actor goes by codename unless
``--reveal``, and the label of a channel to them is not quoted in a reason; ``--privacy``
names everyone by codename and leaves the reasons out.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from contactkeeper.cli import add_vault_arguments, say, say_json, unlock_vault
from contactkeeper.errors import CommandLineError

if TYPE_CHECKING:
    from contactkeeper.records.search import SearchHit
    from contactkeeper.vault import Vault

CANDIDATES = 5  # actors named in the message when ACTOR matches several


def register(subparsers: Any) -> None:
    """Add ``paths``."""
    paths = subparsers.add_parser(
        "paths",
        help="the best ways from you to an actor, through whom",
        description="The best ways from you to an actor: your channels, then the people who "
        "can pass you on (relationships that count as a way in), ranked by their weakest "
        "hop. ACTOR is a name or codename, or the beginning of its words.",
    )
    add_vault_arguments(paths)
    paths.add_argument("actor", metavar="ACTOR", help="a name or codename, or part of one")
    paths.add_argument("--json", action="store_true", help="print JSON")
    paths.add_argument("--limit", type=int, default=3, metavar="N", help="at most N paths")
    shown = paths.add_mutually_exclusive_group()
    shown.add_argument(
        "--reveal",
        action="store_true",
        help="show high-risk actors by their real names (by default, their codenames)",
    )
    shown.add_argument(
        "--privacy",
        action="store_true",
        help="as privacy mode: every actor by codename, no reasons",
    )
    paths.set_defaults(func=cmd_paths)


def cmd_paths(args: argparse.Namespace) -> int:
    from contactkeeper import records
    from contactkeeper.records import network

    if args.limit < 1:
        raise CommandLineError("--limit must be 1 or more")
    if args.privacy:
        withheld = records.everyone_withheld
    elif args.reveal:
        withheld = records.nobody_withheld
    else:
        withheld = records.high_risk_withheld
    rule = records.names_by(withheld)
    with unlock_vault(args) as vault:
        target = _find_actor(vault, args.actor, rule)
        found = network.paths_to(
            vault, target.id, datetime.now(UTC), limit=args.limit, name=rule, withheld=withheld
        )
    if args.json:
        say_json(
            {
                "actor": {"id": target.id, "name": target.title},
                "paths": [
                    {
                        "chain": path.chain(),
                        "weakest": path.weakest,
                        "hops": [
                            {
                                "actor_id": hop.actor_id,
                                "name": hop.name,
                                "score": hop.score,
                                **({} if args.privacy else {"reason": hop.reason}),
                                "warmth": None if hop.warmth is None else str(hop.warmth),
                            }
                            for hop in path.hops
                        ],
                    }
                    for path in found
                ],
            }
        )
        return 0
    if not found:
        say(f"No way in to {target.title} is known: add a channel, or a relationship.")
        return 0
    for number, path in enumerate(found, 1):
        say(f"{number}. {path.chain()}  (weakest hop {path.weakest}/5)")
        for hop in path.hops:
            reason = "" if args.privacy else f": {hop.reason}"
            say(f"     {hop.name} {hop.score}/5{reason}")
    return 0


def _find_actor(vault: Vault, query: str, rule: Any) -> SearchHit:
    """The one actor ``query`` names: the only match, or the match whose name (as shown)
    is exactly the query."""
    from contactkeeper.records import search

    hits = search.search(vault, query, kinds=["actor"], limit=50, name=rule)
    if not hits:
        raise CommandLineError(f"no actor matches '{query}'; try `contactkeeper search`")
    if len(hits) == 1:
        return hits[0]
    wanted = query.casefold().strip()
    exact = [hit for hit in hits if hit.title.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    named = ", ".join(hit.title for hit in hits[:CANDIDATES])
    more = f" and {len(hits) - CANDIDATES} more" if len(hits) > CANDIDATES else ""
    raise CommandLineError(
        f"{len(hits)} actors match '{query}' ({named}{more}); give more of the name"
    )
