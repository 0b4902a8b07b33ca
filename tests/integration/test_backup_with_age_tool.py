"""Interoperability: a backup opens with the standard `age` tool, as docs/backup-format.md says.

Runs the real `age` binary (Debian package `age`, installed by .ci/run) in a subprocess.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlcipher3

from contactkeeper.errors import BackupError
from contactkeeper.exchange import backup
from contactkeeper.records import actors
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Sensitivity

AGE = shutil.which("age")
pytestmark = pytest.mark.skipif(
    AGE is None, reason="the `age` command-line tool is not installed (Debian package `age`)"
)
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Verification works in the app's data folder: keep it inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def _age_decrypt(backup_file: Path, identity_file: Path) -> bytes:
    assert AGE is not None
    run = subprocess.run(
        [AGE, "--decrypt", "--identity", str(identity_file), str(backup_file)],
        capture_output=True,
        check=True,
    )
    return run.stdout


def test_the_age_tool_decrypts_a_backup_and_sqlcipher_opens_the_data_inside(
    vault: Vault, tmp_path: Path
) -> None:
    actors.create_actor(
        vault,
        actors.NewActor(
            "Ахмед Салех", codename="HERON", sensitivity=Sensitivity.HIGH_RISK, tags=["port"]
        ),
        NOW,
    )
    identity, recipient = backup.new_identity()
    key_file = tmp_path / "org-key.txt"
    key_file.write_text(f"# public key: {recipient}\n{identity}\n")
    target = tmp_path / "backup.age"
    backup.create_backup(vault, target, recipients=[recipient])

    # As the format doc says: age -d -i KEYFILE FILE | tar -xf -
    payload = _age_decrypt(target, key_file)
    recovered = tmp_path / "recovered"
    recovered.mkdir(mode=0o700)
    with tarfile.open(fileobj=io.BytesIO(payload), mode="r:") as tar:
        assert tar.getnames() == ["manifest.json", "vault.db"]
        tar.extractall(recovered, filter="data")
    manifest = json.loads((recovered / "manifest.json").read_text("utf-8"))
    assert manifest["format"] == "contactkeeper-backup"
    assert manifest["format_version"] == 1
    assert manifest["counts"]["actors"] == 1
    # A small vault's copy has 1 KiB pages; the reader sets the page size the manifest gives.
    assert manifest["database"]["page_size"] == 1024

    cx = sqlcipher3.connect(str(recovered / "vault.db"))
    try:
        cx.execute(f"PRAGMA key = \"x'{manifest['database']['key']}'\"")
        cx.execute("PRAGMA cipher_compatibility = 4")
        cx.execute(f"PRAGMA cipher_page_size = {int(manifest['database']['page_size'])}")
        rows = cx.execute("SELECT display_name, codename, sensitivity FROM actors").fetchall()
    finally:
        cx.close()
    assert rows == [("Ахмед Салех", "HERON", "high-risk")]


def test_the_age_tool_refuses_a_backup_made_for_someone_else(vault: Vault, tmp_path: Path) -> None:
    recipient = backup.new_identity()[1]
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(backup.new_identity()[0] + "\n")
    target = tmp_path / "backup.age"
    backup.create_backup(vault, target, recipients=[recipient])
    with pytest.raises(subprocess.CalledProcessError):
        _age_decrypt(target, stranger)


def test_a_backup_encrypted_by_the_age_tool_is_recognised_as_foreign_but_authentic(
    tmp_path: Path,
) -> None:
    """A plain age file (not made by ContactKeeper) is refused, never half-restored."""
    assert AGE is not None
    identity, recipient = backup.new_identity()
    source = tmp_path / "notes.txt"
    source.write_text("not a backup\n" * 100)
    target = tmp_path / "notes.age"
    subprocess.run([AGE, "-r", recipient, "-o", str(target), str(source)], check=True)
    with pytest.raises(BackupError):
        backup.verify_backup(target, identities=[identity])
