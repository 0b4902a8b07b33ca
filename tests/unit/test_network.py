"""How can I reach X, and whom can I not afford to lose: paths and brokers on small webs drawn
by hand (a chain, a diamond, a bridge, an ended tie, a high-risk actor in privacy mode)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from contactkeeper.records import (
    actors,
    channels,
    everyone_withheld,
    guarded_names,
    high_risk_withheld,
    interactions,
    names_by,
    network,
    nobody_withheld,
    relationships,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.records.network import WayIn
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    ActorStatus,
    ChannelKind,
    InteractionKind,
    RelationshipKind,
    Sensitivity,
)
from tests.helpers.text import plain

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
INTRODUCES = RelationshipKind.CAN_INTRODUCE


def _actor(vault: Vault, name: str, **fields: object) -> int:
    return actors.create_actor(vault, NewActor(name, **fields), NOW).id  # type: ignore[arg-type]


def _met(vault: Vault, actor_id: int, days_ago: int) -> None:
    interactions.log_interaction(
        vault,
        occurred_at=NOW - timedelta(days=days_ago),
        kind=InteractionKind.MEETING,
        participants=[actor_id],
    )


def _phone(vault: Vault, actor_id: int, trust: int = 4) -> None:
    channels.add_channel(vault, actor_id, NOW, kind=ChannelKind.PHONE, trust=trust)


def _tie(vault: Vault, a: int, b: int, strength: int = 4, **fields: object) -> None:
    relationships.add_relationship(
        vault, a, b, INTRODUCES, strength=strength, confidence=5, **fields
    )  # type: ignore[arg-type]


def _chains(vault: Vault, target: int, limit: int = 3) -> list[str]:
    return [plain(p.chain()) for p in network.paths_to(vault, target, NOW, limit=limit)]


def test_a_chain_reads_from_you_to_the_actor_with_your_warmth_on_the_first_hop(
    vault: Vault,
) -> None:
    pavel = _actor(vault, "Fr. Pavel")
    nikolai = _actor(vault, "Bishop Nikolai")
    dmitri = _actor(vault, "Dmitri Sokolov")
    _phone(vault, pavel)
    _met(vault, pavel, days_ago=5)
    _tie(vault, pavel, nikolai)
    _tie(vault, nikolai, dmitri)
    (path,) = network.paths_to(vault, dmitri, NOW)
    assert plain(path.chain()) == "you -> Fr. Pavel (warm) -> Bishop Nikolai -> Dmitri Sokolov"
    assert path.weakest == 4
    assert "phone" in path.hops[0].reason
    assert "warm" in path.hops[0].reason


def test_of_two_routes_the_one_whose_weakest_hop_is_stronger_comes_first(vault: Vault) -> None:
    # A diamond: you -> warm Anna -> Dmitri (strong), you -> cold Boris -> Dmitri (strong).
    anna = _actor(vault, "Anna Petrova")
    boris = _actor(vault, "Boris Ivanov")
    dmitri = _actor(vault, "Dmitri Sokolov")
    for person in (anna, boris):
        _phone(vault, person, trust=5)
        _tie(vault, person, dmitri, strength=5)
    _met(vault, anna, days_ago=3)
    _met(vault, boris, days_ago=400)  # long gone cold
    paths = network.paths_to(vault, dmitri, NOW)
    assert [plain(p.chain()) for p in paths] == [
        "you -> Anna Petrova (warm) -> Dmitri Sokolov",
        "you -> Boris Ivanov (cold) -> Dmitri Sokolov",
    ]
    assert [p.weakest for p in paths] == [5, 1]
    assert paths[1].weakest_hop.name == "Boris Ivanov"
    assert "Boris Ivanov: 1/5" in plain(paths[1].why())


def test_a_shorter_route_wins_between_equally_strong_ones(vault: Vault) -> None:
    anna = _actor(vault, "Anna")
    boris = _actor(vault, "Boris")
    target = _actor(vault, "Target")
    for person in (anna, boris):
        _phone(vault, person)
        _met(vault, person, days_ago=1)
    _tie(vault, anna, target)
    _tie(vault, boris, anna)
    assert _chains(vault, target)[0] == "you -> Anna (warm) -> Target"


def test_an_ended_relationship_is_no_way_in(vault: Vault) -> None:
    pavel = _actor(vault, "Fr. Pavel")
    dmitri = _actor(vault, "Dmitri")
    _phone(vault, pavel)
    _met(vault, pavel, days_ago=5)
    relationships.add_relationship(
        vault, pavel, dmitri, INTRODUCES, started_on=date(2020, 1, 1), ended_on=date(2026, 6, 1)
    )
    assert network.paths_to(vault, dmitri, NOW) == []
    relationships.add_relationship(vault, pavel, dmitri, RelationshipKind.FAMILY)
    assert _chains(vault, dmitri) == ["you -> Fr. Pavel (warm) -> Dmitri"]


def test_which_kinds_count_and_their_direction_are_a_setting(vault: Vault) -> None:
    anna = _actor(vault, "Anna")
    target = _actor(vault, "Target")
    _phone(vault, anna)
    _met(vault, anna, days_ago=1)
    # "Target trusts Anna": Anna can vouch for you with Target (the default runs backward).
    relationships.add_relationship(vault, target, anna, RelationshipKind.TRUSTS, strength=4)
    assert _chains(vault, target) == ["you -> Anna (warm) -> Target"]
    network.set_way_in(vault, RelationshipKind.TRUSTS, WayIn.NONE)
    assert network.ways_in(vault)[RelationshipKind.TRUSTS] is WayIn.NONE
    assert _chains(vault, target) == []
    network.set_way_in(vault, RelationshipKind.TRUSTS, WayIn.FORWARD)
    assert _chains(vault, target) == []  # forward runs from Target to Anna, not to Target


def test_an_indirect_channel_is_a_way_in_through_its_intermediaries(vault: Vault) -> None:
    layla = _actor(vault, "Layla Haddad")
    mikhail = _actor(vault, "Mikhail Orlov")
    channels.add_channel(
        vault, mikhail, NOW, kind=ChannelKind.INDIRECT, hops=[Hop(layla, trust=4)], trust=3
    )
    _met(vault, layla, days_ago=10)
    (path,) = network.paths_to(vault, mikhail, NOW)
    assert plain(path.chain()) == "you -> Layla Haddad (warm) -> Mikhail Orlov"
    assert path.weakest == 3  # the channel's own trust on its last hop


def test_a_do_not_contact_actor_is_never_asked_to_pass_you_on(vault: Vault) -> None:
    anna = _actor(vault, "Anna")
    target = _actor(vault, "Target")
    _phone(vault, anna)
    _met(vault, anna, days_ago=1)
    _tie(vault, anna, target)
    assert _chains(vault, target) == ["you -> Anna (warm) -> Target"]
    actors.update_actor(vault, anna, NOW, status=ActorStatus.DO_NOT_CONTACT)
    assert _chains(vault, target) == []
    assert _chains(vault, anna) == ["you -> Anna (warm)"]  # still reachable herself


def test_a_bridge_is_a_broker_and_a_diamond_has_none(vault: Vault) -> None:
    pavel = _actor(vault, "Fr. Pavel")
    dmitri = _actor(vault, "Dmitri")
    ruslan = _actor(vault, "Ruslan")
    anna = _actor(vault, "Anna")
    boris = _actor(vault, "Boris")
    mikhail = _actor(vault, "Mikhail")
    for person in (pavel, anna, boris):
        _phone(vault, person)
    _tie(vault, pavel, dmitri)  # the bridge: only Pavel reaches Dmitri and Ruslan
    _tie(vault, dmitri, ruslan)
    _tie(vault, anna, mikhail)  # the diamond: Anna and Boris both reach Mikhail
    _tie(vault, boris, mikhail)
    found = {b.name: b.cut_off_names for b in network.brokers(vault, NOW)}
    assert found == {"Fr. Pavel": ("Dmitri", "Ruslan"), "Dmitri": ("Ruslan",)}
    assert network.reached_through(vault, pavel, NOW) == [(dmitri, "Dmitri"), (ruslan, "Ruslan")]
    assert network.reached_through(vault, anna, NOW) == []


def test_a_process_s_brokers_count_only_its_participants(vault: Vault) -> None:
    from contactkeeper.records import processes
    from contactkeeper.vault.model import ParticipationRole

    pavel = _actor(vault, "Fr. Pavel")
    dmitri = _actor(vault, "Dmitri")
    ruslan = _actor(vault, "Ruslan")
    mikhail = _actor(vault, "Mikhail")
    _phone(vault, pavel)
    _phone(vault, mikhail)
    _tie(vault, pavel, dmitri)
    _tie(vault, pavel, ruslan)
    process = processes.create_process(vault, "Northern channel")
    for person in (dmitri, mikhail):
        processes.add_participant(vault, process.id, person, ParticipationRole.PARTY)
    total, found = network.process_brokers(vault, process.id, NOW)
    assert total == 2
    (broker,) = found
    assert (
        plain(broker.summary(of=total, what="participants"))
        == "only Fr. Pavel reaches 1 of the 2 participants"
    )
    assert broker.cut_off_names == ("Dmitri",)
    assert broker.betweenness == pytest.approx(0.5)


def test_privacy_mode_names_a_high_risk_actor_by_codename_on_every_path(vault: Vault) -> None:
    pavel = _actor(vault, "Fr. Pavel")
    dmitri = _actor(
        vault, "Dmitri Sokolov", codename="GREY HERON", sensitivity=Sensitivity.HIGH_RISK
    )
    _phone(vault, pavel)
    _met(vault, pavel, days_ago=2)
    _tie(vault, pavel, dmitri)

    def privacy(actor_id: int, name: str, codename: str, sensitivity: Sensitivity) -> str:
        return codename if sensitivity is Sensitivity.HIGH_RISK else name

    (path,) = network.paths_to(vault, dmitri, NOW, name=privacy)
    assert plain(path.chain()) == "you -> Fr. Pavel (warm) -> GREY HERON"
    assert "Sokolov" not in plain(path.chain()) + plain(path.why())
    (broker,) = network.brokers(vault, NOW, name=privacy)
    assert broker.cut_off_names == ("GREY HERON",)


def test_a_high_risk_actor_s_channel_labels_are_never_quoted_where_their_name_is_hidden(
    vault: Vault,
) -> None:
    # you -> Fr. Pavel -> Samir (on the channel to GREY HERON, labelled with who he is)
    # -> GREY HERON, high-risk; and you -> Anna by her own high-risk "safe line".
    pavel = _actor(vault, "Fr. Pavel")
    samir = _actor(vault, "Samir Haddad")
    dmitri = _actor(
        vault, "Dmitri Sokolov", codename="GREY HERON", sensitivity=Sensitivity.HIGH_RISK
    )
    anna = _actor(vault, "Anna Petrova", codename="BLUE LARK")
    channels.add_channel(
        vault,
        dmitri,
        NOW,
        kind=ChannelKind.INDIRECT,
        label="Dmitri's cousin at the port",
        hops=[Hop(pavel, trust=4), Hop(samir, trust=4)],
        trust=4,
    )
    channels.add_channel(
        vault,
        anna,
        NOW,
        kind=ChannelKind.PHONE,
        label="+7 912 555 0199",
        trust=4,
        sensitivity=Sensitivity.HIGH_RISK,
    )
    for person in (pavel, anna):
        _met(vault, person, days_ago=3)
    hidden = "Dmitri's cousin at the port"

    def texts(**rule: object) -> str:
        found = network.paths_to(vault, dmitri, NOW, **rule)  # type: ignore[arg-type]
        found += network.paths_to(vault, anna, NOW, **rule)  # type: ignore[arg-type]
        return "\n".join(plain(p.chain()) + "\n" + plain(p.why()) for p in found)

    # Outside privacy mode, as the desktop and the command line show it by default: the
    # high-risk actor by codename, the label of a channel to them (and of a high-risk
    # channel) withheld; what is not identifying (trust, warmth) still explains the rank.
    shown = texts(name=guarded_names, withheld=high_risk_withheld)
    assert "you -> Fr. Pavel (warm) -> Samir Haddad -> GREY HERON" in shown
    assert hidden not in shown
    assert "555 0199" not in shown
    assert "Sokolov" not in shown
    assert network.WITHHELD in shown
    assert "trust 4" in shown
    # Privacy mode: every name a codename, no label of any channel.
    private = texts(name=names_by(everyone_withheld), withheld=everyone_withheld)
    assert "Fr. Pavel" not in private
    assert "Samir" not in private
    assert hidden not in private
    assert "555 0199" not in private
    # Revealed (after the passphrase): the labels explain the path again.
    revealed = texts(withheld=nobody_withheld)
    assert hidden in revealed
    assert "555 0199" in revealed


def test_a_change_to_the_web_is_seen_at_once(vault: Vault) -> None:
    anna = _actor(vault, "Anna")
    target = _actor(vault, "Target")
    _phone(vault, anna)
    assert _chains(vault, target) == []  # the web is now kept
    _tie(vault, anna, target)
    assert _chains(vault, target) == ["you -> Anna (cold) -> Target"]
    (tie,) = relationships.relationships_of(vault, anna)
    relationships.delete_relationship(vault, tie.id)
    assert _chains(vault, target) == []
