"""The command line and track two: ``info`` counts events and transfers, and ``search``
finds them without naming the source of what was said under Chatham House."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.track_two import EAST_NAMES, WEST_NAMES, build


@pytest.fixture
def vault_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        build(vault)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def test_info_counts_events_and_transfers(
    vault_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = dict(
        line.split(":", 1) for line in _run(capsys, "info", "--vault", str(vault_path)).splitlines()
    )
    assert (lines["events"].strip(), lines["transfers"].strip()) == ("1", "1")
    body = json.loads(_run(capsys, "info", "--vault", str(vault_path), "--json"))
    assert (body["counts"]["events"], body["counts"]["transfers"]) == (1, 1)


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_search_finds_the_workshop_and_the_transfer_but_no_source(
    as_json: bool, vault_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["search", "aquifer", "--vault", str(vault_path), *(["--json"] if as_json else [])]
    out = _run(capsys, *argv)
    assert "Lakeside workshop" in out  # an outcome of the workshop mentions the aquifer
    assert "A joint survey of the aquifer" in out  # the transfer
    for name in (*WEST_NAMES, *EAST_NAMES):
        assert name not in out
