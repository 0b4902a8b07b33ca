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

from contactkeeper import i18n
from contactkeeper.cli import add_vault_arguments, say, say_json, unlock_vault
from contactkeeper.errors import CommandLineError
from contactkeeper.i18n import _, ngettext

if TYPE_CHECKING:
    from contactkeeper.records.search import SearchHit
    from contactkeeper.vault import Vault

CANDIDATES = 5  # actors named in the message when ACTOR matches several


def register(subparsers: Any) -> None:
    """Add ``paths``."""
    paths = subparsers.add_parser(
        "paths",
        help=_("the best ways from you to an actor, through whom"),
        description=_(
            "The best ways from you to an actor: your channels, then the people who "
            "can pass you on (relationships that count as a way in), ranked by their weakest "
            "hop. ACTOR is a name or codename, or the beginning of its words."
        ),
    )
    add_vault_arguments(paths)
    paths.add_argument("actor", metavar=_("ACTOR"), help=_("a name or codename, or part of one"))
    paths.add_argument("--json", action="store_true", help=_("print JSON"))
    paths.add_argument("--limit", type=int, default=3, metavar="N", help=_("at most N paths"))
    shown = paths.add_mutually_exclusive_group()
    shown.add_argument(
        "--reveal",
        action="store_true",
        help=_("show high-risk actors by their real names (by default, their codenames)"),
    )
    shown.add_argument(
        "--privacy",
        action="store_true",
        help=_("as privacy mode: every actor by codename, no reasons"),
    )
    paths.set_defaults(func=cmd_paths)


def cmd_paths(args: argparse.Namespace) -> int:
    from contactkeeper import records
    from contactkeeper.records import network

    if args.limit < 1:
        raise CommandLineError(_("--limit must be 1 or more"))
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
        say(
            _("No way in to {name} is known: add a channel, or a relationship.").format(
                name=target.title
            )
        )
        return 0
    for number, path in enumerate(found, 1):
        say(
            _("{number}. {chain}  (weakest hop {score}/5)").format(
                number=i18n.number(number),
                chain=path.chain(),
                score=i18n.number(path.weakest),
            )
        )
        for hop in path.hops:
            score = _("{score}/5").format(score=i18n.number(hop.score))
            if args.privacy:
                say(f"     {hop.name} {score}")
            else:
                # Translators: a hop of a path: "Fr. Pavel 4/5: a warm direct channel".
                hop_line = _("{name} {score}: {reason}")
                say("     " + hop_line.format(name=hop.name, score=score, reason=hop.reason))
    return 0


def _find_actor(vault: Vault, query: str, rule: Any) -> SearchHit:
    """The one actor ``query`` names: the only match, or the match whose name (as shown)
    is exactly the query."""
    from contactkeeper.records import search

    hits = search.search(vault, query, kinds=["actor"], limit=50, name=rule)
    if not hits:
        raise CommandLineError(
            _("no actor matches '{query}'; try `contactkeeper search`").format(query=query)
        )
    if len(hits) == 1:
        return hits[0]
    wanted = query.casefold().strip()
    exact = [hit for hit in hits if hit.title.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    named = _(", ").join(hit.title for hit in hits[:CANDIDATES])
    if len(hits) > CANDIDATES:
        extra = len(hits) - CANDIDATES
        named = ngettext("{names} and {n} more", "{names} and {n} more", extra).format(
            names=named, n=i18n.number(extra)
        )
    raise CommandLineError(
        ngettext(
            "{n} actor matches '{query}' ({names}); give more of the name",
            "{n} actors match '{query}' ({names}); give more of the name",
            len(hits),
        ).format(n=i18n.number(len(hits)), query=query, names=named)
    )
