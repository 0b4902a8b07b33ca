"""A damaged page of the search index: reported in one line, and rebuilt from the records.

The index (SQLite FTS5 tables) is derived from the records, so losing it loses nothing: a
page of it damaged on disk must not make every command fail with a traceback. ``check``
reports it, and ``check --rebuild-index`` makes it again from the records. The damage is
real: one byte flipped in a page of the encrypted file, which SQLCipher's page HMAC then
refuses, exactly as a failing disk would.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.errors import VaultDamaged
from contactkeeper.records import actors, interactions, search
from contactkeeper.vault import DB_NAME, PAGE_SIZE, Vault
from contactkeeper.vault.model import InteractionKind
from tests.conftest import FAST_KDF, PASSPHRASE

# The files and damage these tests plant are set aside with a logged warning: that is the
# behaviour under test, so warnings are allowed here.
pytestmark = pytest.mark.allow_log_warnings

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)


def filled(path: Path) -> tuple[Path, dict[str, int]]:
    """A closed vault with enough words that the index spans several pages; its root pages."""
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        for n in range(120):
            actor = actors.create_actor(
                vault,
                actors.NewActor(
                    f"Person {n}", notes=" ".join(f"harbour{n}x{k}" for k in range(30))
                ),
                NOW,
            )
            if n % 10 == 0:
                interactions.log_interaction(
                    vault,
                    occurred_at=NOW,
                    kind=InteractionKind.MEETING,
                    participants=[actor.id],
                    summary=f"Dinner at the port, round {n}",
                )
        vault.checkpoint()
        with vault.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0"
            ).all()
    roots = {str(name): int(page) for name, page in rows}
    return path, roots


def damage_page(path: Path, page: int) -> None:
    """Flip one byte inside ``page`` of the closed vault's database file."""
    db = path / DB_NAME
    data = bytearray(db.read_bytes())
    data[(page - 1) * PAGE_SIZE + 200] ^= 0x01
    db.write_bytes(bytes(data))


@pytest.fixture(params=["search_index_config", "search_index_data", "search_index_names_idx"])
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path, roots = filled(tmp_path / "vault")
    damage_page(path, roots[request.param])
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def vault_args(path: Path) -> list[str]:
    secret = path.parent / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    return ["--vault", str(path), "--passphrase-file", str(secret)]


def test_check_reports_a_damaged_search_index_in_words_and_no_command_tracebacks(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "check", *vault_args(damaged))
    assert status == 1
    assert "Search index: DAMAGED" in out
    assert "--rebuild-index" in out + err
    assert "Traceback" not in err

    for command in (["info"], ["search", "harbour5x1"]):
        status, out, err = run(capsys, *command, *vault_args(damaged))
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) <= 1
        if command[0] == "search":
            assert status == 1
            assert "search index is damaged" in err
            assert "--rebuild-index" in err


def test_the_index_is_rebuilt_from_the_records_and_every_record_is_found_again(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "check", "--rebuild-index", *vault_args(damaged))
    assert (status, err) == (0, "")
    assert "rebuilt" in out.lower()

    status, out, _ = run(capsys, "check", *vault_args(damaged))
    assert status == 0
    assert "Search index: ok" in out
    with Vault.unlock(damaged, PASSPHRASE) as vault:
        assert len(actors.list_actors(vault, NOW)) == 120
        hits = search.search(vault, "harbour57x3")
        assert [h.title for h in hits] == ["Person 57"]
        assert [h.kind for h in search.search(vault, "dinner round 30")] == ["interaction"]
        actors.create_actor(vault, actors.NewActor("Written after the rebuild"), NOW)
        assert vault.check_integrity().ok


def test_in_the_core_a_damaged_index_opens_is_reported_and_names_what_to_do(
    damaged: Path,
) -> None:
    with Vault.unlock(damaged, PASSPHRASE) as vault:
        report = vault.check_integrity()
        assert not report.ok
        assert report.search_index_problems
        from contactkeeper.errors import SearchIndexDamaged
        from contactkeeper.vault import index_repair

        with pytest.raises(SearchIndexDamaged, match="rebuild"):
            search.search(vault, "harbour5x1")
        index_repair.rebuild_search_index(vault)
        assert vault.check_integrity().ok
        assert search.search(vault, "harbour5x1")


def test_a_rebuild_refuses_when_records_themselves_are_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, roots = filled(tmp_path / "vault")
    damage_page(path, roots["actors"])
    before = hashlib.sha256((path / DB_NAME).read_bytes()).hexdigest()
    from contactkeeper.vault import index_repair

    with Vault.unlock(path, PASSPHRASE) as vault, pytest.raises(VaultDamaged, match="backup"):
        index_repair.rebuild_search_index(vault)

    assert hashlib.sha256((path / DB_NAME).read_bytes()).hexdigest() == before
    assert [p.name for p in path.iterdir() if p.name.startswith(".")] == []


# -- a passphrase file that never ends -------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_passphrase_file_that_never_ends_is_refused_in_one_line(
    device: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    started = time.monotonic()
    status, _out, err = run(
        capsys, "info", "--vault", str(tmp_path / "v"), "--passphrase-file", device
    )
    assert time.monotonic() - started < 5
    assert status == 1
    assert len(err.strip().splitlines()) == 1
    assert "passphrase file" in err


def test_a_fifo_fed_without_end_is_read_only_so_far(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as pipe:
                while not stop.is_set():
                    pipe.write(b"y" * 65536)
        except BrokenPipeError:
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        status, _out, err = run(
            capsys, "info", "--vault", str(tmp_path / "v"), "--passphrase-file", str(fifo)
        )
    finally:
        stop.set()
    feeder.join(timeout=5)
    assert status == 1
    assert len(err.strip().splitlines()) == 1
    assert "too long" in err


def test_a_passphrase_given_through_a_pipe_still_works(tmp_path: Path) -> None:
    """``--passphrase-file <(pass show vault)`` hands over a pipe: read to its end."""
    read, write = os.pipe()
    os.write(write, (PASSPHRASE + "\n").encode())
    os.close(write)
    try:
        assert cli.read_passphrase_file(Path(f"/dev/fd/{read}")) == PASSPHRASE
    finally:
        os.close(read)
