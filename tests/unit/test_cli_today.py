"""``contactkeeper today``: Today in a terminal, from the same computation, under the
privacy rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper.records import actors, channels, followups, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ActorStatus, ChannelKind, InteractionKind, Sensitivity
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Carla 100 days since a meeting (cold), Dmitri (high-risk) 40 days (cooling), Rami
    do not contact, a follow-up due about Dmitri and one about Rami."""
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    path = tmp_path / "desk"
    now = datetime.now(UTC)
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        carla = actors.create_actor(vault, NewActor("Carla Haddad", codename="GREY OWL"), now).id
        dmitri = actors.create_actor(
            vault,
            NewActor("Dmitri Sokolov", codename="RED FOX", sensitivity=Sensitivity.HIGH_RISK),
            now,
        ).id
        rami = actors.create_actor(vault, NewActor("Rami Khoury"), now).id
        channels.add_channel(vault, carla, now, kind=ChannelKind.PHONE, label="+961 1", trust=4)
        for actor, days in ((carla, 100), (dmitri, 40), (rami, 200)):
            interactions.log_interaction(
                vault,
                occurred_at=now - timedelta(days=days),
                kind=InteractionKind.MEETING,
                participants=[actor],
            )
        actors.update_actor(vault, rami, now, status=ActorStatus.DO_NOT_CONTACT)
        today = now.astimezone().date()
        followups.create_follow_up(
            vault, NewFollowUp("Send the draft to Dmitri", today, actor_id=dmitri)
        )
        followups.create_follow_up(vault, NewFollowUp("Ask Rami", today, actor_id=rami))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_today_lists_who_is_going_cold_with_why_and_the_follow_ups_due(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "today", "--vault", str(desk))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    cold = lines.index("Going cold (2)")
    assert lines[cold + 2] == "- Carla Haddad: cold, 40 days past the maximum (phone)"
    assert (
        lines[cold + 3]
        .strip()
        .startswith("Cold: last substantive contact 100 days ago (a meeting on ")
    )
    assert lines[cold + 4] == "- RED FOX: cooling, 20 days before the maximum (no channel)"
    assert "Dmitri Sokolov" not in out  # high-risk: by codename
    assert "Rami" not in out.replace("Ask Rami", "")  # do not contact: no reminder at all
    assert "Ask Rami" not in out
    follow = lines.index("Follow-ups due (1)")
    assert lines[follow + 1].endswith(": Send the draft to Dmitri — RED FOX")


def test_reveal_names_high_risk_actors_and_privacy_hides_names_and_free_text(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "today", "--reveal", "--vault", str(desk))
    assert "- Dmitri Sokolov: cooling" in out
    _, out, _ = run(capsys, "today", "--privacy", "--vault", str(desk))
    assert "Carla" not in out
    assert "Send the draft" not in out
    assert "- GREY OWL: cold, 40 days past the maximum (phone)" in out


def test_today_as_json(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "today", "--json", "--vault", str(desk))
    assert status == 0
    found = json.loads(out)
    cold = found["going_cold"]["actors"]
    assert [a["name"] for a in cold] == ["Carla Haddad", "RED FOX"]
    assert (cold[0]["days_past_maximum"], cold[0]["ideal_days"], cold[0]["maximum_days"]) == (
        40,
        30,
        60,
    )
    assert cold[0]["why"].startswith("Cold: last substantive contact 100 days ago")
    assert "maximum" in found["going_cold"]["order"]
    assert found["follow_ups_due"]["count"] == 1
    assert found["follow_ups_due"]["follow_ups"][0]["actor"] == "RED FOX"
    assert found["readiness_moves"] == []
    assert found["ripening"] == []


def test_a_wrong_passphrase_is_one_line_and_status_1(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase at all")
    status, out, err = run(capsys, "today", "--vault", str(desk))
    assert (status, out) == (1, "")
    assert err.count("\n") == 1
