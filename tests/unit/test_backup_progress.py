"""Making a backup says which stage it is in and how far along, and can be cancelled at any
stage without leaving anything behind: no partial file, no copy of the vault, and the
earlier backups exactly as they were."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from contactkeeper.errors import BackupCancelled
from contactkeeper.exchange import backup
from contactkeeper.records import actors
from contactkeeper.vault import Vault, inventory
from tests.unit.test_backup import BACKUP_PASSPHRASE, NOW, dump, file_hashes, fill


@pytest.fixture(autouse=True)
def _private_temp_and_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every file a backup can write lands in the test's folder, where it can be seen."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))


@pytest.fixture
def keys() -> tuple[str, str]:
    return backup.new_identity()


@pytest.fixture
def stick(vault: Vault, tmp_path: Path, keys: tuple[str, str]) -> Path:
    """A stick holding one earlier backup of a small vault."""
    fill(vault)
    folder = tmp_path / "stick"
    folder.mkdir()
    backup.create_backup(vault, folder / "earlier.age", recipients=[keys[1]])
    return folder


Report = list[tuple[str, float]]


def _stage_order(reports: Report) -> list[str]:
    return list(dict.fromkeys(stage for stage, _ in reports))


def test_a_passphrase_backup_reports_every_stage_in_order(vault: Vault, stick: Path) -> None:
    reports: Report = []
    counts: list[tuple[int, int]] = []
    backup.create_backup(
        vault,
        stick / "new.age",
        passphrase=BACKUP_PASSPHRASE,
        progress=lambda done, total: counts.append((done, total)),
        stages=lambda stage, fraction: reports.append((stage, fraction)),
    )
    assert _stage_order(reports) == [*backup.BACKUP_STAGES, "done"]
    fractions = [fraction for _, fraction in reports]
    assert fractions == sorted(fractions)
    assert (fractions[0], fractions[-1]) == (0.0, 1.0)
    assert [done / total for done, total in counts] == fractions
    starts = {stage: fraction for stage, fraction in reversed(reports)}
    # The slow step of a passphrase backup (age's scrypt, when it seals) gets most of the
    # bar, so that it does not stand still at a fifth while the real work is done.
    assert starts["write"] - starts["encrypt"] > 0.5
    assert set(backup.STAGE_LABELS) == set(backup.BACKUP_STAGES)


def test_a_backup_to_public_keys_reports_every_stage_too(
    vault: Vault, stick: Path, keys: tuple[str, str]
) -> None:
    reports: Report = []
    backup.create_backup(
        vault,
        stick / "new.age",
        recipients=[keys[1]],
        stages=lambda stage, fraction: reports.append((stage, fraction)),
    )
    assert _stage_order(reports) == [*backup.BACKUP_STAGES, "done"]
    fractions = [fraction for _, fraction in reports]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


# (stage, whether to cancel only once some of the file is written)
CANCEL_POINTS = [(stage, False) for stage in backup.BACKUP_STAGES] + [("write", True)]


@pytest.mark.parametrize(("stage", "after_data"), CANCEL_POINTS)
def test_cancelling_at_any_stage_leaves_nothing_behind(
    vault: Vault,
    stick: Path,
    keys: tuple[str, str],
    tmp_path: Path,
    stage: str,
    after_data: bool,
) -> None:
    earlier = file_hashes(stick)
    records = dump(vault)
    last_backup = inventory.describe(vault).last_backup_at
    asked = False
    seen: Report = []

    def report(now_in: str, fraction: float) -> None:
        nonlocal asked
        seen.append((now_in, fraction))
        started = next(f for s, f in seen if s == now_in)
        if now_in == stage and (not after_data or fraction > started):
            asked = True  # the user presses Cancel now

    with pytest.raises(BackupCancelled, match="cancelled"):
        backup.create_backup(
            vault,
            stick / "new.age",
            recipients=[keys[1]],
            stages=report,
            cancelled=lambda: asked,
        )

    assert seen[-1][0] == stage  # it stopped at that very stage
    assert file_hashes(stick) == earlier  # no new file, no .partial, the earlier untouched
    assert not list(stick.glob("*.partial"))
    # No copy of the vault anywhere: not beside the vault, not in the temporary folder.
    assert not [p for p in vault.path.parent.iterdir() if p.name.startswith(".contactkeeper")]
    assert list((tmp_path / "tmp").iterdir()) == []
    assert dump(vault) == records
    assert inventory.describe(vault).last_backup_at == last_backup
    # And the next backup works as if nothing had happened.
    made = backup.create_backup(vault, stick / "new.age", recipients=[keys[1]])
    assert made.counts["actors"] == actors.count_actors(vault, NOW)


def test_once_the_file_has_its_name_the_backup_is_made(
    vault: Vault, stick: Path, keys: tuple[str, str]
) -> None:
    asked = False

    def report(stage: str, fraction: float) -> None:
        nonlocal asked
        asked = asked or stage == "done"  # too late: the file is complete and verified

    backup.create_backup(
        vault, stick / "new.age", recipients=[keys[1]], stages=report, cancelled=lambda: asked
    )
    assert asked
    assert (stick / "new.age").is_file()
    assert inventory.describe(vault).last_backup_at is not None
