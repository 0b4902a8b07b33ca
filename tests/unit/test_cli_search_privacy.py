"""``contactkeeper search`` follows the privacy rule of the desktop application.

A high-risk actor goes by their codename: a search shows the codename, never the real name
beside it (which would pair a codename with a name on the screen, in a terminal's
scrollback or a script's log), in hits for the actor and in the participants of an
interaction, in text and in JSON. A real name still finds them, as in the application.
``--reveal`` shows real names, on purpose.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper.records import actors, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import InteractionKind, Sensitivity
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
HIDDEN = ("Михаил", "Орлов", "Mikhail")


@pytest.fixture
def vault_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        orlov = actors.create_actor(
            vault,
            NewActor(
                "Михаил Орлов",
                codename="SLATE BRIDGE",
                sensitivity=Sensitivity.HIGH_RISK,
                name_variants=["Mikhail Orlov"],
            ),
            NOW,
        )
        actors.create_actor(vault, NewActor("Yael Ben-Ami", codename="BLUE HERON"), NOW)
        interactions.log_interaction(
            vault,
            occurred_at=NOW,
            kind=InteractionKind.MEETING,
            participants=[orlov.id],
            summary="Harbour ceasefire terms discussed",
        )
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    return path


def _search(capsys: pytest.CaptureFixture[str], vault_path: Path, *argv: str) -> str:
    status = cli.main(["search", *argv, "--vault", str(vault_path)])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


@pytest.mark.parametrize("query", ["орлов", "mikhail", "slate", "harbour"])
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_a_high_risk_actor_goes_by_codename_only(
    query: str, as_json: bool, vault_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _search(capsys, vault_path, query, *(["--json"] if as_json else []))
    assert "SLATE BRIDGE" in out
    for name in HIDDEN:
        assert name not in out


def test_other_actors_show_their_names(
    vault_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _search(capsys, vault_path, "yael", "--json")
    assert [(h["title"], h["subtitle"]) for h in json.loads(out)] == [
        ("Yael Ben-Ami", "BLUE HERON")
    ]


def test_reveal_shows_real_names_on_purpose(
    vault_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _search(capsys, vault_path, "slate", "--reveal")
    assert out.splitlines() == ["actor  Михаил Орлов  (SLATE BRIDGE)"]
    meeting = _search(capsys, vault_path, "harbour", "--reveal", "--json")
    assert "Михаил Орлов" in json.loads(meeting)[0]["subtitle"]
