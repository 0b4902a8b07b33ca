"""The installed ``contactkeeper`` console script, run as a person runs it: a new process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault, schema_head
from contactkeeper.vault.keyfile import (
    FLOOR,
    FLOOR_ITERATIONS,
    FLOOR_LANES,
    FLOOR_MEMORY_KIB,
    KeyFile,
)
from tests.conftest import PASSPHRASE

SCRIPT = Path(sys.executable).with_name("contactkeeper")
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def run(
    tmp_path: Path, *argv: str, passphrase: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CONTACTKEEPER_", "XDG_"))
    }
    env["HOME"] = str(tmp_path / "home")
    if passphrase is not None:
        env["CONTACTKEEPER_PASSPHRASE"] = passphrase
    return subprocess.run(
        [str(SCRIPT), *argv],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    # The weakest settings a real program opens (the suite's cheaper ones are refused by the
    # console script, which does not lower the floor as the suite's own process does).
    path = tmp_path / "filled"
    with Vault.create(path, PASSPHRASE, kdf=FLOOR) as vault:
        actors.create_actor(
            vault, NewActor("Михаил Орлов", codename="SLATE BRIDGE", notes="deputy minister"), NOW
        )
        actors.create_actor(vault, NewActor("Yael Ben-Ami", name_variants=["יעל בן-עמי"]), NOW)
    return path


def test_the_console_script_is_installed() -> None:
    assert SCRIPT.is_file()


def test_init_makes_a_vault_with_calibrated_key_derivation_that_info_describes(
    tmp_path: Path,
) -> None:
    made = run(tmp_path, "init", "--vault", str(tmp_path / "v"), passphrase=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    assert "Created a vault" in made.stdout
    kdf = KeyFile.read(tmp_path / "v" / "vault.key").kdf
    assert kdf.memory_kib >= FLOOR_MEMORY_KIB
    assert kdf.iterations >= FLOOR_ITERATIONS
    assert kdf.lanes >= FLOOR_LANES
    info = run(tmp_path, "info", "--json", "--vault", str(tmp_path / "v"), passphrase=PASSPHRASE)
    assert info.returncode == 0, info.stderr
    body = json.loads(info.stdout)
    assert body["schema_revision"] == schema_head()
    assert body["counts"]["actors"] == 0
    assert body["kdf"]["iterations"] == kdf.iterations


def test_info_and_search_read_the_vault(tmp_path: Path, filled: Path) -> None:
    info = run(tmp_path, "info", "--vault", str(filled), passphrase=PASSPHRASE)
    assert info.returncode == 0, info.stderr
    assert "actors:" in info.stdout
    assert "2" in next(line for line in info.stdout.splitlines() if line.startswith("actors:"))
    found = run(tmp_path, "search", "орл", "--vault", str(filled), passphrase=PASSPHRASE)
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines() == ["actor  Михаил Орлов  (SLATE BRIDGE)"]
    hebrew = run(tmp_path, "search", "יעל", "--json", "--vault", str(filled), passphrase=PASSPHRASE)
    assert [h["title"] for h in json.loads(hebrew.stdout)] == ["Yael Ben-Ami"]


def test_a_wrong_passphrase_is_one_line_and_exit_status_1(tmp_path: Path, filled: Path) -> None:
    result = run(tmp_path, "info", "--vault", str(filled), passphrase="guess guess guess")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("contactkeeper: That passphrase does not open this vault.")
    assert result.stderr.count("\n") == 1


def test_passwd_changes_which_passphrase_opens_the_vault(tmp_path: Path, filled: Path) -> None:
    new_file = tmp_path / "new.txt"
    new_file.write_text("a brand new passphrase\n", encoding="utf-8")
    changed = run(
        tmp_path,
        "passwd",
        "--vault",
        str(filled),
        "--new-passphrase-file",
        str(new_file),
        passphrase=PASSPHRASE,
    )
    assert changed.returncode == 0, changed.stderr
    old = run(tmp_path, "info", "--vault", str(filled), passphrase=PASSPHRASE)
    assert old.returncode == 1
    new = run(tmp_path, "info", "--vault", str(filled), passphrase="a brand new passphrase")
    assert new.returncode == 0, new.stderr


def test_no_passphrase_and_no_terminal_is_a_clear_error(tmp_path: Path, filled: Path) -> None:
    result = run(tmp_path, "info", "--vault", str(filled))
    assert result.returncode == 1
    assert "contactkeeper: no passphrase given" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_mistakes_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path, "info", "--no-such-option")
    assert result.returncode == 2
    assert "usage:" in result.stderr
