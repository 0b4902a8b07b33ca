"""``contactkeeper paths ACTOR``: the best ways in, as chains, under the privacy rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper.records import actors, channels, interactions, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    ChannelKind,
    InteractionKind,
    RelationshipKind,
    Sensitivity,
)
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def web(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """you -> Fr. Pavel (phone) -> Bishop Nikolai -> Dmitri Sokolov (high-risk)."""
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    path = tmp_path / "web"
    now = datetime.now(UTC)
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        pavel = actors.create_actor(vault, NewActor("Fr. Pavel", codename="GREY OWL"), now).id
        nikolai = actors.create_actor(vault, NewActor("Bishop Nikolai"), now).id
        dmitri = actors.create_actor(
            vault,
            NewActor("Dmitri Sokolov", codename="RED FOX", sensitivity=Sensitivity.HIGH_RISK),
            now,
        ).id
        actors.create_actor(vault, NewActor("Dmitri Orlov"), now)
        channels.add_channel(vault, pavel, now, kind=ChannelKind.PHONE, label="+7 900", trust=4)
        interactions.log_interaction(
            vault,
            occurred_at=now - timedelta(days=3),
            kind=InteractionKind.MEETING,
            participants=[pavel],
        )
        for a, b in ((pavel, nikolai), (nikolai, dmitri)):
            relationships.add_relationship(
                vault, a, b, RelationshipKind.CAN_INTRODUCE, strength=4, confidence=5
            )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_paths_print_the_chain_with_high_risk_actors_by_codename(
    web: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "paths", "sokolov", "--vault", str(web))
    assert (status, err) == (0, "")
    first = out.splitlines()[0]
    assert first == ("1. you -> Fr. Pavel (warm) -> Bishop Nikolai -> RED FOX  (weakest hop 4/5)")
    assert "Dmitri Sokolov" not in out
    assert "+7 900" in out  # the reason of the first hop


def test_reveal_shows_the_real_name_and_privacy_hides_every_name_and_reason(
    web: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "paths", "RED FOX", "--reveal", "--vault", str(web))
    assert out.splitlines()[0].endswith("-> Dmitri Sokolov  (weakest hop 4/5)")
    _, out, _ = run(capsys, "paths", "sokolov", "--privacy", "--vault", str(web))
    assert "Fr. Pavel" not in out
    assert "+7 900" not in out
    assert out.splitlines()[0].startswith("1. you -> GREY OWL (warm) -> ")


def test_paths_as_json(web: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "paths", "sokolov", "--json", "--limit", "2", "--vault", str(web))
    assert status == 0
    found = json.loads(out)
    assert found["actor"]["name"] == "RED FOX"
    (path,) = found["paths"]
    assert [h["name"] for h in path["hops"]] == ["Fr. Pavel", "Bishop Nikolai", "RED FOX"]
    assert path["weakest"] == 4


def test_an_ambiguous_or_unknown_actor_is_one_line_and_status_1(
    web: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "paths", "dmitri", "--vault", str(web))
    assert (status, out) == (1, "")
    assert err.startswith("contactkeeper: 2 actors match 'dmitri' (")
    assert "Dmitri Sokolov" not in err
    assert err.count("\n") == 1
    status, _, err = run(capsys, "paths", "zebra", "--vault", str(web))
    assert status == 1
    assert "no actor matches 'zebra'" in err


def test_an_actor_without_a_way_in_says_so(web: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "paths", "orlov", "--vault", str(web))
    assert status == 0
    assert out.startswith("No way in to Dmitri Orlov is known")


def test_a_high_risk_actor_s_channel_label_is_withheld_unless_revealed(
    web: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    with Vault.unlock(web, PASSPHRASE) as vault:
        (pavel,) = [a for a in actors.list_actors(vault, now) if a.display_name == "Fr. Pavel"]
        (dmitri,) = [a for a in actors.list_actors(vault, now) if a.codename == "RED FOX"]
        channels.add_channel(
            vault,
            dmitri.id,
            now,
            kind=ChannelKind.INDIRECT,
            label="Dmitri's sister at the bakery",
            hops=[channels.Hop(pavel.id, trust=5)],
            trust=5,
        )
    _, out, _ = run(capsys, "paths", "sokolov", "--vault", str(web))
    assert "1. you -> Fr. Pavel (warm) -> RED FOX" in out
    assert "bakery" not in out
    assert "(label withheld)" in out
    _, out, _ = run(capsys, "paths", "sokolov", "--reveal", "--vault", str(web))
    assert "Dmitri's sister at the bakery" in out
