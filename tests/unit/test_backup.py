"""Encrypted backups: a practitioner backs up to a stick, and restores on another laptop.

Real vaults, real age files (pyrage), real SQLCipher copies; the only stand-in is the full
disk, simulated by making one write raise ``OSError(ENOSPC)`` (said where it is done).
"""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyrage
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactkeeper.errors import (
    BackupDamaged,
    BackupError,
    BackupExists,
    BackupIncomplete,
    BackupTooNew,
    BackupWrongPassphrase,
    DiskFull,
)
from contactkeeper.exchange import age_child, age_header, backup, database_copy, restore
from contactkeeper.exchange.manifest import Manifest, pack_payload
from contactkeeper.records import actors, interactions, organizations, processes
from contactkeeper.records import relationships as relationships_service
from contactkeeper.records.names import clean
from contactkeeper.vault import Vault, inventory, pre_restore_path, schema_head
from contactkeeper.vault import connection as database
from contactkeeper.vault.keyfile import KeyFile
from contactkeeper.vault.model import (
    InteractionKind,
    OrganizationKind,
    ParticipationRole,
    RelationshipKind,
    Sensitivity,
)
from tests.conftest import FAST_KDF, PASSPHRASE

BACKUP_PASSPHRASE = "a different passphrase for the stick"
NEW_PASSPHRASE = "the passphrase on the new laptop"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
FIXTURE = Path(__file__).parent.parent / "fixtures" / "backup-v1"
GOLDEN_PASSPHRASE = "golden backup passphrase v1"


# -- helpers -----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Verification works in the app's data folder: keep it inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def fill(vault: Vault) -> None:
    """A small vault with every kind of link: tags, variants, affiliations, participants."""
    salih = actors.create_actor(
        vault,
        actors.NewActor(
            "Ахмед Салех",
            codename="HERON",
            sensitivity=Sensitivity.HIGH_RISK,
            notes="Met at the port; prefers tea.",
            tags=["port", "north"],
            name_variants=["أحمد صالح", "Ahmed Salih"],
        ),
        NOW,
    )
    cohen = actors.create_actor(
        vault, actors.NewActor("אורית כהן", codename="WILLOW", tags=["north"]), NOW
    )
    org = organizations.create_organization(vault, "Harbour Council", OrganizationKind.OTHER)
    organizations.add_affiliation(vault, salih.id, org.id, "adviser", date(2024, 3, 1))
    process = processes.create_process(vault, "Coastal talks")
    processes.add_participant(vault, process.id, cohen.id, ParticipationRole.CONVENOR)
    relationships_service.add_relationship(vault, salih.id, cohen.id, RelationshipKind.KNOWS)
    interactions.log_interaction(
        vault,
        occurred_at=NOW,
        kind=InteractionKind.MEETING,
        participants=[salih.id, cohen.id],
        summary="Dinner; both open to a second round.",
        process_id=process.id,
    )


def dump(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (search index included: the tables its virtual tables keep
    their rows in; some of those cannot be scanned), in a stable order."""
    with vault.engine.connect() as conn:
        tables = [
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
            )
        ]
        return {
            table: sorted(
                (tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{table}"')),  # noqa: S608
                key=repr,
            )
            for table in tables
            if table != "vault_settings"
        }


def dump_closed(path: Path, passphrase: str = NEW_PASSPHRASE) -> dict[str, list[tuple[Any, ...]]]:
    with Vault.unlock(path, passphrase) as vault:
        return dump(vault)


def file_hashes(folder: Path) -> dict[str, str]:
    """What is on disk in ``folder``: the name and SHA-256 of every file in it."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def keys() -> tuple[str, str]:
    return backup.new_identity()


@pytest.fixture
def small_backup(vault: Vault, tmp_path: Path, keys: tuple[str, str]) -> Path:
    fill(vault)
    target = tmp_path / "stick" / "backup.age"
    target.parent.mkdir()
    backup.create_backup(vault, target, recipients=[keys[1]])
    return target


# -- round trips -------------------------------------------------------------------------


def test_restoring_a_passphrase_backup_on_a_new_laptop_gives_back_every_record(
    vault: Vault, tmp_path: Path
) -> None:
    fill(vault)
    before = dump(vault)
    target = tmp_path / "stick" / backup.default_name(NOW)
    target.parent.mkdir()
    seen: list[tuple[int, int]] = []

    made = backup.create_backup(
        vault, target, passphrase=BACKUP_PASSPHRASE, progress=lambda d, t: seen.append((d, t))
    )
    new_laptop = tmp_path / "new-laptop" / "vault"
    new_laptop.parent.mkdir()
    restored = backup.restore_backup(
        target, new_laptop, NEW_PASSPHRASE, passphrase=BACKUP_PASSPHRASE, kdf=FAST_KDF
    )

    assert dump_closed(new_laptop) == before
    assert restored.counts == made.counts == inventory.counts(vault)
    assert made.counts["actors"] == 2
    assert made.encrypted_to == "passphrase"
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_vault_remembers_when_it_was_last_backed_up(vault: Vault, small_backup: Path) -> None:
    info = inventory.describe(vault)
    assert info.last_backup_at is not None
    assert info.last_backup_at <= datetime.now(UTC)


def test_a_backup_file_never_holds_a_record_in_clear(
    vault: Vault, small_backup: Path, tmp_path: Path
) -> None:
    data = small_backup.read_bytes()
    for secret in ("Ахмед Салех", "Harbour Council", "Dinner; both open"):
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in data
    assert data.startswith(b"age-encryption.org/v1\n")
    leftovers = [p.name for p in tmp_path.rglob("*") if ".contactkeeper-" in p.name]
    assert leftovers == []


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    # Names a person could store: what is left after cleaning (control characters go) is
    # not blank.
    names = st.text(min_size=1, max_size=30).filter(lambda s: clean(s).strip() != "")
    people = draw(st.lists(names, min_size=1, max_size=4))
    return {
        "people": people,
        "notes": draw(st.lists(st.text(max_size=60), min_size=len(people), max_size=len(people))),
        "tags": draw(
            st.lists(
                st.lists(st.sampled_from(["α", "north", "مرفأ", ""]), max_size=3),
                min_size=len(people),
                max_size=len(people),
            )
        ),
        "meetings": draw(
            st.lists(
                st.tuples(
                    st.sets(st.integers(0, len(people) - 1), min_size=1), st.text(max_size=40)
                ),
                max_size=3,
            )
        ),
    }


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenario=scenarios())
def test_any_records_survive_a_backup_and_restore_exactly(scenario: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        identity, recipient = backup.new_identity()
        with Vault.create(root / "vault", PASSPHRASE, kdf=FAST_KDF) as vault:
            ids = [
                actors.create_actor(
                    vault,
                    actors.NewActor(
                        name, notes=note, tags=[t for t in tags if t], name_variants=[name]
                    ),
                    NOW,
                ).id
                for name, note, tags in zip(
                    scenario["people"], scenario["notes"], scenario["tags"], strict=True
                )
            ]
            for who, summary in scenario["meetings"]:
                interactions.log_interaction(
                    vault,
                    occurred_at=NOW,
                    kind=InteractionKind.SOCIAL,
                    participants=[ids[i] for i in sorted(who)],
                    summary=summary,
                )
            before = dump(vault)
            backup.create_backup(vault, root / "b.age", recipients=[recipient])
        backup.restore_backup(
            root / "b.age", root / "restored", NEW_PASSPHRASE, identities=[identity], kdf=FAST_KDF
        )
        assert dump_closed(root / "restored") == before


@pytest.mark.parametrize("atomic_exchange", [True, False], ids=["exchange", "two renames"])
def test_restoring_over_a_vault_keeps_the_old_one_as_pre_restore(
    vault: Vault,
    small_backup: Path,
    keys: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    atomic_exchange: bool,
) -> None:
    if not atomic_exchange:  # as on macOS, Windows, or a file system without renameat2
        monkeypatch.setattr(restore, "_exchange", lambda first, second: False)
    before = dump(vault)
    actors.create_actor(vault, actors.NewActor("Added after the backup"), NOW)
    vault.close()
    old_files = file_hashes(vault.path)

    backup.restore_backup(
        small_backup, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF,
        confirmed=True,  # the vault changed after the backup: restoring it asks first
    )  # fmt: skip

    assert dump_closed(vault.path) == before
    kept = pre_restore_path(vault.path)
    assert file_hashes(kept) == old_files
    with Vault.unlock(kept, PASSPHRASE) as old:
        assert "Added after the backup" in [a.display_name for a in actors.list_actors(old, NOW)]


def test_a_second_restore_waits_until_the_kept_vault_is_removed(
    vault: Vault, small_backup: Path, keys: tuple[str, str]
) -> None:
    vault.close()
    backup.restore_backup(
        small_backup, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF,
        confirmed=True,
    )  # fmt: skip
    now_there = file_hashes(vault.path)

    with pytest.raises(BackupError, match="pre-restore"):
        backup.restore_backup(
            small_backup, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF
        )
    assert file_hashes(vault.path) == now_there


def test_a_restore_never_moves_a_folder_that_is_not_a_vault(
    small_backup: Path, keys: tuple[str, str], tmp_path: Path
) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "letter.txt").write_text("dear colleague")
    with pytest.raises(BackupError, match="no vault"):
        backup.restore_backup(
            small_backup, documents, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF
        )
    assert [p.name for p in documents.iterdir()] == ["letter.txt"]
    assert not pre_restore_path(documents).exists()


def test_verifying_a_backup_reports_its_contents_and_touches_no_vault(
    vault: Vault, small_backup: Path, keys: tuple[str, str]
) -> None:
    vault.close()
    vault_files = file_hashes(vault.path)
    stick = sorted(p.name for p in small_backup.parent.iterdir())

    report = backup.verify_backup(small_backup, identities=[keys[0]])

    assert report.counts["actors"] == 2
    assert report.counts["interactions"] == 1
    assert report.schema_revision
    assert file_hashes(vault.path) == vault_files
    assert sorted(p.name for p in small_backup.parent.iterdir()) == stick


def test_a_small_vault_is_copied_with_small_pages_and_a_large_one_with_large_pages(
    vault: Vault, tmp_path: Path, keys: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    before = dump(vault)
    small = tmp_path / "small.age"
    backup.create_backup(vault, small, recipients=[keys[1]])
    monkeypatch.setattr(database_copy, "SMALL_VAULT_BYTES", 0)  # as if the vault were large
    large = tmp_path / "large.age"
    backup.create_backup(vault, large, recipients=[keys[1]])

    sizes = {}
    for made, page_size in ((small, 1024), (large, 16384)):
        manifest, image, _ = backup.open_backup(made.read_bytes(), identities=[keys[0]])
        assert manifest.database_page_size == page_size
        assert json.loads(manifest.to_json())["database"]["page_size"] == page_size
        sizes[page_size] = len(image)
        restored = tmp_path / f"restored-{page_size}"
        backup.restore_backup(made, restored, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF)
        assert dump_closed(restored) == before
        with Vault.unlock(restored, NEW_PASSPHRASE) as again, again.engine.connect() as conn:
            assert int(conn.exec_driver_sql("PRAGMA page_size").scalar()) == 4096
    assert sizes[1024] * 2 < sizes[16384]


@pytest.mark.parametrize("page_size", [0, 512, 3000, 1 << 17, "1024", None])
def test_a_manifest_with_a_page_size_sqlcipher_cannot_use_is_refused(
    small_backup: Path, keys: tuple[str, str], page_size: object
) -> None:
    manifest, _, _ = backup.open_backup(small_backup.read_bytes(), identities=[keys[0]])
    body = json.loads(manifest.to_json())
    body["database"]["page_size"] = page_size
    with pytest.raises(BackupDamaged, match="manifest"):
        Manifest.from_json(json.dumps(body).encode())
    del body["database"]["page_size"]  # as in the first backups: SQLCipher's default
    assert Manifest.from_json(json.dumps(body).encode()).database_page_size == 4096


def test_a_backup_can_be_made_for_several_colleagues_keys(vault: Vault, tmp_path: Path) -> None:
    fill(vault)
    mine, colleague = backup.new_identity(), backup.new_identity()
    target = tmp_path / "shared.age"
    backup.create_backup(vault, target, recipients=[mine[1], colleague[1]])
    assert backup.verify_backup(target, identities=[colleague[0]]).counts["actors"] == 2
    assert backup.verify_backup(target, identities=[mine[0]]).counts["actors"] == 2


# -- never overwrite, never a half file --------------------------------------------------


def test_a_backup_never_overwrites_an_earlier_one(
    vault: Vault, small_backup: Path, keys: tuple[str, str]
) -> None:
    earlier = small_backup.read_bytes()
    with pytest.raises(BackupExists):
        backup.create_backup(vault, small_backup, recipients=[keys[1]])
    assert small_backup.read_bytes() == earlier
    assert not backup.partial_path(small_backup).exists()


def test_a_file_that_appears_under_the_name_while_writing_is_not_replaced(
    vault: Vault, tmp_path: Path, keys: tuple[str, str]
) -> None:
    target = tmp_path / "b.age"

    def another_copy_lands(done: int, total: int) -> None:
        if done * 2 > total and not target.exists():  # e.g. a sync tool puts a file there
            target.write_bytes(b"someone else's file")

    with pytest.raises(BackupExists):
        backup.create_backup(vault, target, recipients=[keys[1]], progress=another_copy_lands)
    assert target.read_bytes() == b"someone else's file"
    assert not backup.partial_path(target).exists()


def test_a_full_disk_leaves_no_backup_file_and_the_vault_unchanged(
    vault: Vault, small_backup: Path, keys: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulation: a real full stick cannot be had here, so the write that fills it raises
    # ENOSPC after part of the data went through, as the kernel does.
    earlier = small_backup.read_bytes()
    before = dump(vault)
    last_backup = inventory.describe(vault).last_backup_at
    writes = 0

    def full_disk(fd: int, data: memoryview) -> int:
        nonlocal writes
        writes += 1
        if writes > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return os.write(fd, data[: len(data) // 2])

    monkeypatch.setattr(backup, "_write_all", full_disk)
    target = small_backup.with_name("second.age")

    with pytest.raises(DiskFull):
        backup.create_backup(vault, target, recipients=[keys[1]])

    assert sorted(p.name for p in target.parent.iterdir()) == [small_backup.name]
    assert small_backup.read_bytes() == earlier
    assert dump(vault) == before
    assert inventory.describe(vault).last_backup_at == last_backup


def test_a_stick_pulled_out_while_writing_leaves_no_backup_file(
    vault: Vault, tmp_path: Path, keys: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulation: a removed device makes writes fail with EIO.
    def pulled(fd: int, data: memoryview) -> int:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(backup, "_write_all", pulled)
    target = tmp_path / "gone.age"
    with pytest.raises(OSError, match="Input/output"):
        backup.create_backup(vault, target, recipients=[keys[1]])
    assert list(tmp_path.glob("gone.age*")) == []


KILLER = """
import os, signal, sys
from pathlib import Path
from contactkeeper.exchange import backup
from contactkeeper.vault import keyfile
from contactkeeper.vault import Vault
keyfile.lower_floor_for_tests(keyfile.KdfParams(8192, 1, 1))  # the suite's cheap vault
vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
def progress(done, total):
    if done * 4 > total * 2:  # while the encrypted file is being written
        os.kill(os.getpid(), signal.SIGKILL)
backup.create_backup(vault, Path(sys.argv[3]), recipients=[sys.argv[4]], progress=progress)
"""


def test_killing_the_program_while_it_writes_a_backup_leaves_no_final_file(
    vault: Vault, small_backup: Path, keys: tuple[str, str]
) -> None:
    earlier = small_backup.read_bytes()
    before = dump(vault)
    vault.close()
    target = small_backup.with_name("killed.age")

    run = subprocess.run(
        [sys.executable, "-c", KILLER, str(vault.path), PASSPHRASE, str(target), keys[1]],
        capture_output=True,
        check=False,
    )

    assert run.returncode == -signal.SIGKILL
    assert not target.exists()
    assert small_backup.read_bytes() == earlier
    assert backup.remove_stale_partials(target.parent) == [backup.partial_path(target)]
    assert sorted(p.name for p in target.parent.iterdir()) == [small_backup.name]
    assert dump_closed(vault.path, PASSPHRASE) == before


# -- damaged, truncated, hostile ---------------------------------------------------------


def _restore_is_refused(data: bytes, place: Path, vault_path: Path, identity: str) -> BackupError:
    place.write_bytes(data)
    with pytest.raises(BackupError) as caught:
        backup.restore_backup(
            place, vault_path, NEW_PASSPHRASE, identities=[identity], kdf=FAST_KDF
        )
    return caught.value


def _flips_not_refused(data: bytes, identity: str, positions: range) -> list[tuple[int, str]]:
    """Flip each byte of ``positions`` in turn (one at a time) and open the file in memory
    with the checks restore runs before it touches anything; what was not refused."""
    failures = []
    flipped = bytearray(data)
    for position in positions:
        flipped[position] ^= 0x01
        try:
            backup.open_backup(bytes(flipped), identities=[identity])
        except BackupError:
            pass
        except Exception as exc:  # only our own errors may escape
            failures.append((position, f"{type(exc).__name__}: {exc}"))
        else:
            failures.append((position, "accepted"))
        flipped[position] ^= 0x01
    return failures


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - not Linux


def test_a_backup_with_any_flipped_byte_is_refused_and_no_vault_changes(
    vault: Vault, small_backup: Path, keys: tuple[str, str], tmp_path: Path
) -> None:
    """Every byte of a small backup, flipped one at a time, in memory: about 200,000 checks
    (a small vault's copy has 1 KiB pages), split between two processes where there are
    two cores. All header bytes and a seeded sample of the rest also go through a full
    restore from disk; no vault file changes and no file is left anywhere."""
    data = small_backup.read_bytes()
    # 0006 and 0007 added tables and indexes (a page each) to a small vault, and so did 0011
    # and 0012 (exchange: versions, tombstones, conflicts, history; keys, colleagues,
    # received bundles).
    assert len(data) < 224 * 1024, "a small vault's backup is no longer small"
    header = age_header.parse_header(data).length
    vault.close()
    vault_files = file_hashes(vault.path)
    everything = file_hashes(tmp_path)
    tree = sorted(tmp_path.rglob("*"))  # folders too

    workers = min(2, _cores()) if "fork" in multiprocessing.get_all_start_methods() else 1
    jobs = [(data, keys[0], range(i, len(data), workers)) for i in range(workers)]
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.starmap(_flips_not_refused, jobs)
    else:
        results = [_flips_not_refused(*job) for job in jobs]
    assert sorted(p for job in jobs for p in job[2]) == list(range(len(data)))
    assert [failure for result in results for failure in result] == []

    place = tmp_path / "flipped.age"
    sample = set(range(header + backup.NONCE)) | {len(data) - 1}
    sample |= set(random.Random(5).sample(range(header + backup.NONCE, len(data)), 200))
    for position in sorted(sample):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        _restore_is_refused(bytes(flipped), place, vault.path, keys[0])
    place.unlink()

    assert file_hashes(vault.path) == vault_files
    assert file_hashes(tmp_path) == everything
    assert sorted(tmp_path.rglob("*")) == tree


def test_a_backup_cut_short_at_any_chunk_boundary_or_near_its_end_is_refused(
    vault: Vault, small_backup: Path, keys: tuple[str, str], tmp_path: Path
) -> None:
    data = small_backup.read_bytes()
    header = age_header.parse_header(data).length
    cuts = set(range(len(data) - 64, len(data)))
    cuts |= set(range(header + backup.NONCE, len(data), backup.CHUNK + backup.TAG))
    cuts |= {0, 10, header, header + 5}
    vault.close()
    vault_files = file_hashes(vault.path)

    for cut in sorted(cuts):
        error = _restore_is_refused(data[:cut], tmp_path / "cut.age", vault.path, keys[0])
        if cut >= header:
            assert isinstance(error, BackupIncomplete), cut
        else:
            assert isinstance(error, BackupIncomplete | BackupDamaged), cut
    assert file_hashes(vault.path) == vault_files


@pytest.mark.parametrize("extra", [b"\x00", b"x" * 100, bytes(512), bytes(65552)])
def test_a_backup_with_bytes_added_at_its_end_is_refused(
    small_backup: Path, keys: tuple[str, str], extra: bytes
) -> None:
    small_backup.write_bytes(small_backup.read_bytes() + extra)
    with pytest.raises((BackupIncomplete, BackupDamaged)):
        backup.verify_backup(small_backup, identities=[keys[0]])


def test_a_backup_with_two_chunks_swapped_is_refused(
    small_backup: Path, keys: tuple[str, str]
) -> None:
    data = small_backup.read_bytes()
    start = age_header.parse_header(data).length + backup.NONCE
    size = backup.CHUNK + backup.TAG
    first, second = data[start : start + size], data[start + size : start + 2 * size]
    small_backup.write_bytes(data[:start] + second + first + data[start + 2 * size :])
    with pytest.raises(BackupDamaged):
        backup.verify_backup(small_backup, identities=[keys[0]])


def test_the_wrong_key_and_a_damaged_backup_are_told_apart(
    small_backup: Path, keys: tuple[str, str]
) -> None:
    stranger = backup.new_identity()[0]
    with pytest.raises(BackupWrongPassphrase):
        backup.verify_backup(small_backup, identities=[stranger])

    data = bytearray(small_backup.read_bytes())
    data[len(data) // 2] ^= 0x40
    small_backup.write_bytes(bytes(data))
    with pytest.raises(BackupDamaged):
        backup.verify_backup(small_backup, identities=[keys[0]])


def test_a_wrong_backup_passphrase_is_not_called_damage() -> None:
    golden = FIXTURE / "backup-v1.age"  # a passphrase backup
    with pytest.raises(BackupWrongPassphrase):
        backup.verify_backup(golden, passphrase="not the passphrase at all")
    with pytest.raises(BackupWrongPassphrase, match="passphrase"):
        backup.verify_backup(golden, identities=[backup.new_identity()[0]])


def test_a_key_backup_asked_for_a_passphrase_says_which_key_it_needs(
    small_backup: Path,
) -> None:
    with pytest.raises(BackupWrongPassphrase, match="identity file"):
        backup.verify_backup(small_backup, passphrase=BACKUP_PASSPHRASE)


def _header_with(data: bytes, old: bytes, new: bytes) -> bytes:
    header = age_header.parse_header(data).length
    return data[:header].replace(old, new, 1) + data[header:]


def test_a_hostile_passphrase_work_factor_is_refused_before_any_key_derivation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = (FIXTURE / "backup-v1.age").read_bytes()  # a passphrase backup
    line = data.split(b"\n")[1]
    factor = line.rsplit(b" ", 1)[1]
    hostile = _header_with(data, line, line[: -len(factor)] + b"40")
    derivations: list[object] = []
    monkeypatch.setattr(age_child, "decrypt", lambda *a: derivations.append(a))

    with pytest.raises(BackupDamaged, match="work factor"):
        backup.open_backup(hostile, passphrase=GOLDEN_PASSPHRASE)
    assert derivations == []


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ((b"age-encryption.org/v1", b"age-encryption.org/v7"), BackupTooNew),
        ((b"age-encryption.org/v1", b"rage-encryption.org/"), BackupDamaged),
        ((b"-> X25519", b"-> X25519 " + b"A" * 5000), BackupDamaged),
    ],
)
def test_hostile_or_foreign_headers_are_refused(
    small_backup: Path, keys: tuple[str, str], change: tuple[bytes, bytes], error: type
) -> None:
    hostile = _header_with(small_backup.read_bytes(), *change)
    with pytest.raises(error):
        backup.open_backup(hostile, identities=[keys[0]])


def test_a_header_with_thousands_of_entries_is_refused(keys: tuple[str, str]) -> None:
    stanza = b"-> X25519 " + b"A" * 43 + b"\n" + b"B" * 43 + b"\n"
    hostile = b"age-encryption.org/v1\n" + stanza * 2000 + b"--- " + b"C" * 43 + b"\n" + bytes(100)
    with pytest.raises(BackupDamaged):
        backup.open_backup(hostile, identities=[keys[0]])


def test_an_empty_or_foreign_file_is_not_a_backup(tmp_path: Path, keys: tuple[str, str]) -> None:
    for content in (b"", b"PK\x03\x04 a zip file", b"SQLite format 3\x00"):
        (tmp_path / "x.age").write_bytes(content)
        with pytest.raises(BackupDamaged):
            backup.verify_backup(tmp_path / "x.age", identities=[keys[0]])
    with pytest.raises(BackupError, match="no backup"):
        backup.verify_backup(tmp_path / "missing.age", identities=[keys[0]])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from([b"", b"age-encryption.org/v1\n", b"age-encryption.org/v1\n-> "]),
    body=st.binary(max_size=400),
)
def test_only_backup_errors_escape_the_parser_whatever_the_file_holds(
    prefix: bytes, body: bytes
) -> None:
    identity = backup.new_identity()[0]
    with pytest.raises(BackupError):
        backup.open_backup(prefix + body, identities=[identity])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_only_backup_errors_escape_when_a_real_backup_is_mangled(
    data: st.DataObject, mangle_source: tuple[bytes, str]
) -> None:
    original, identity = mangle_source
    position = data.draw(st.integers(0, len(original) - 1))
    length = data.draw(st.integers(0, 64))
    junk = data.draw(st.binary(max_size=64))
    mangled = original[:position] + junk + original[position + length :]
    if mangled == original:
        return
    with pytest.raises(BackupError):
        backup.open_backup(mangled, identities=[identity])


@pytest.fixture(scope="module")
def mangle_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    folder = tmp_path_factory.mktemp("mangle")
    identity, recipient = backup.new_identity()
    with Vault.create(folder / "vault", PASSPHRASE, kdf=FAST_KDF) as vault:
        fill(vault)
        backup.create_backup(vault, folder / "b.age", recipients=[recipient])
    return (folder / "b.age").read_bytes(), identity


def test_bad_keys_are_refused_with_a_clear_message(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="age public key"):
        backup.create_backup(vault, tmp_path / "b.age", recipients=["ssh-rsa AAAA"])
    with pytest.raises(BackupError, match="passphrase or one or more"):
        backup.create_backup(vault, tmp_path / "b.age")
    (tmp_path / "id.txt").write_text("# created: today\nnot a key\n")
    with pytest.raises(BackupError, match="AGE-SECRET-KEY"):
        backup.read_identity_file(tmp_path / "id.txt")
    assert list(tmp_path.glob("b.age*")) == []


def test_identity_files_written_by_age_keygen_are_read(tmp_path: Path) -> None:
    identity, recipient = backup.new_identity()
    (tmp_path / "key.txt").write_text(
        f"# created: 2026-06-01T09:00:00Z\n# public key: {recipient}\n{identity}\n"
    )
    assert backup.read_identity_file(tmp_path / "key.txt") == [identity]


# -- the golden backup -------------------------------------------------------------------


def test_the_first_format_versions_golden_backup_still_restores(tmp_path: Path) -> None:
    target = tmp_path / "vault"
    report = backup.restore_backup(
        FIXTURE / "backup-v1.age",
        target,
        NEW_PASSPHRASE,
        passphrase=GOLDEN_PASSPHRASE,
        kdf=FAST_KDF,
    )
    assert report.format_version == 1
    assert report.counts["actors"] == 2
    with Vault.unlock(target, NEW_PASSPHRASE) as vault:
        names = sorted(a.display_name for a in actors.list_actors(vault, NOW))
        assert names == sorted(["Ахмед Салех", "אורית כהן"])
        detail = actors.get_actor(vault, actors.list_actors(vault, NOW)[0].id, NOW)
        assert detail.codename in {"HERON", "WILLOW"}
        with vault.transaction() as session:
            assert session.scalar(sa.text("SELECT count(*) FROM interactions")) == 1


def make_golden(folder: Path) -> None:  # pragma: no cover - run by hand, see the README
    """Make ``backup-v1.age`` again (only if the fixture is lost; never for a new format)."""
    with Vault.create(folder / "vault", PASSPHRASE, kdf=FAST_KDF) as vault:
        fill(vault)
        backup.create_backup(vault, folder / "backup-v1.age", passphrase=GOLDEN_PASSPHRASE)


# -- older and newer backups ---------------------------------------------------------------

OLD_VAULT = Path(__file__).parent.parent / "fixtures" / "vault-schema-0001"
OLD_VAULT_PASSPHRASE = "fixture vault schema 0001"


def seal_old_vault(folder: Path, recipient: str, **manifest: Any) -> Path:
    """A backup as ContactKeeper would have made it of the committed schema-0001 vault.

    The vault cannot be opened by this version without being migrated, so its database is
    exported, packed and encrypted with the backup module's own steps."""
    copy = folder / "old-vault"
    shutil.copytree(OLD_VAULT, copy)
    db_key = KeyFile.read(copy / "vault.key").unwrap(OLD_VAULT_PASSPHRASE)
    image, key_hex = folder / "image.db", secrets.token_hex(32)
    raw = database.connect(copy / "vault.db", db_key.hex())
    try:
        database_copy.attach_and_export(raw, image, key_hex)
    finally:
        raw.close()
    revision = manifest.pop("revision", None)
    if revision is not None:
        cx = database.connect(image, key_hex)
        cx.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        cx.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cx.execute("PRAGMA journal_mode = DELETE")
        cx.close()
    data = image.read_bytes()
    fields: dict[str, Any] = {
        "format_version": 1,
        "vault_id": "old-vault",
        "schema_revision": database_copy.revision(image, key_hex),
        "app_version": "0.0.1",
        "created_at": NOW,
        "counts": database_copy.counts(image, key_hex),
        "database_sha256": hashlib.sha256(data).hexdigest(),
        "database_bytes": len(data),
        "database_key": key_hex,
    }
    payload = pack_payload(Manifest(**(fields | manifest)), data)
    target = folder / "old.age"
    target.write_bytes(pyrage.encrypt(payload, [pyrage.x25519.Recipient.from_str(recipient)]))
    return target


def test_a_backup_of_an_older_schema_is_migrated_when_restored(
    tmp_path: Path, keys: tuple[str, str]
) -> None:
    old = seal_old_vault(tmp_path, keys[1])
    report = backup.restore_backup(
        old, tmp_path / "restored", NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF
    )
    assert report.schema_revision == "0001"
    with Vault.unlock(tmp_path / "restored", NEW_PASSPHRASE) as vault:
        assert vault.schema_revision() == schema_head()
        names = [a.display_name for a in actors.list_actors(vault, NOW)]
        assert "Layla Haddad" in names
        assert "ليلى حداد" in [
            v.name
            for a in actors.list_actors(vault, NOW)
            for v in actors.get_actor(vault, a.id, NOW).name_variants
        ]


@pytest.mark.parametrize(
    "change",
    [{"revision": "9999_from_the_future"}, {"format_version": 2}],
    ids=["newer schema", "newer format"],
)
def test_a_backup_from_a_newer_version_is_refused_and_changes_nothing(
    tmp_path: Path, keys: tuple[str, str], make_vault: Any, change: dict[str, Any]
) -> None:
    if "revision" in change:
        change = {**change, "schema_revision": change["revision"]}
    newer = seal_old_vault(tmp_path, keys[1], **change)
    current = make_vault("current")
    current.close()
    before = file_hashes(current.path)
    with pytest.raises(BackupTooNew):
        backup.restore_backup(
            newer, current.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF
        )
    assert file_hashes(current.path) == before
    assert not pre_restore_path(current.path).exists()


# -- no plaintext on disk ----------------------------------------------------------------


def _files_holding(folder: Path, canary: str) -> list[str]:
    needles = [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.lower().encode()]
    return [str(p) for p in folder.rglob("*") if any(n in _bytes_of(p) for n in needles)]


def _bytes_of(path: Path) -> bytes:
    """A file's bytes, or none when it is not a file or is gone by the time it is read (the
    scan runs while the backup works: SQLite removes its -shm and -wal files as it goes)."""
    try:
        return path.read_bytes() if path.is_file() else b""
    except FileNotFoundError:
        return b""


def test_no_file_holds_a_record_in_clear_during_backup_and_restore(
    tmp_path: Path, keys: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    canary = "CANARY-" + secrets.token_hex(8)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    leaks: list[str] = []

    def scan(done: int, total: int) -> None:
        leaks.extend(_files_holding(tmp_path, canary))

    with Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(vault, actors.NewActor(canary, notes=canary, tags=[canary]), NOW)
        vault.checkpoint()
        backup.create_backup(vault, tmp_path / "b.age", recipients=[keys[1]], progress=scan)
    backup.restore_backup(
        tmp_path / "b.age",
        tmp_path / "restored",
        NEW_PASSPHRASE,
        identities=[keys[0]],
        kdf=FAST_KDF,
        progress=scan,
    )
    scan(0, 0)
    assert leaks == []
    with Vault.unlock(tmp_path / "restored", NEW_PASSPHRASE) as restored:
        assert [a.display_name for a in actors.list_actors(restored, NOW)] == [canary]
