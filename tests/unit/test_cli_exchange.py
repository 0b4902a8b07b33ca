"""``contactkeeper backup|import|export``, run in-process: what a person types and reads."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.exchange import backup, restore
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
BACKUP_PASSPHRASE = "a passphrase for the backup stick"
GOLDEN_PASSPHRASE = "golden backup passphrase v1"  # tests/fixtures/backup-v1/README.md
NEW_PASSPHRASE = "the passphrase of the restored vault"
FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def _cheap_and_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the KDF cheap and the commands off the real home."""
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setattr(restore, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv("CONTACTKEEPER_BACKUP_PASSPHRASE", raising=False)


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "existing"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(vault, NewActor("Layla Haddad", codename="AMBER WREN"), NOW)
        actors.create_actor(vault, NewActor("Karim Nassar", name_variants=["كريم نصار"]), NOW)
    return path


def secret_file(tmp_path: Path, text: str, name: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def vault_args(existing: Path, tmp_path: Path) -> list[str]:
    return ["--vault", str(existing), "--passphrase-file", secret_file(tmp_path, PASSPHRASE, "p")]


# -- backup ------------------------------------------------------------------------------


def test_backing_up_to_a_folder_verifying_and_restoring_from_the_command_line(
    tmp_path: Path,
    existing: Path,
    vault_args: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    identity, recipient = backup.new_identity()
    key_args = ["--identity", secret_file(tmp_path, identity, "key.txt")]

    status, out, err = run(
        capsys, "backup", "create", str(stick), "--recipient", recipient, *vault_args
    )
    assert (status, err) == (0, "")
    (made,) = stick.iterdir()
    assert made.name.startswith("backup-")
    assert "2 actors" in out

    status, out, _ = run(capsys, "backup", "verify", str(made), *key_args)
    assert status == 0
    assert "complete and intact" in out
    assert "Schema: exactly as ContactKeeper makes it at revision" in out

    new_pass = secret_file(tmp_path, NEW_PASSPHRASE, "np")
    # The vault's files were written after the backup began (the backup itself is noted in
    # the vault), so replacing it from a script needs --yes.
    status, out, _ = run(
        capsys, "backup", "restore", str(made), "--vault", str(existing),
        "--passphrase-file", new_pass, "--yes", *key_args,
    )  # fmt: skip
    assert status == 0
    assert ".pre-restore" in out
    with Vault.unlock(existing, NEW_PASSPHRASE) as restored:
        assert sorted(a.display_name for a in actors.list_actors(restored, NOW)) == [
            "Karim Nassar",
            "Layla Haddad",
        ]


def test_a_passphrase_backup_is_verified_and_restored_with_its_own_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    golden = FIXTURES / "backup-v1" / "backup-v1.age"
    pass_args = ["--backup-passphrase-file", secret_file(tmp_path, GOLDEN_PASSPHRASE, "bp")]
    status, out, _ = run(capsys, "backup", "verify", str(golden), *pass_args)
    assert status == 0
    assert "2 actors" in out

    target = tmp_path / "restored"
    new_pass = secret_file(tmp_path, NEW_PASSPHRASE, "np")
    status, _, err = run(
        capsys, "backup", "restore", str(golden), "--vault", str(target),
        "--passphrase-file", new_pass, *pass_args,
    )  # fmt: skip
    assert (status, err) == (0, "")
    with Vault.unlock(target, NEW_PASSPHRASE) as restored:
        assert "Ахмед Салех" in [a.display_name for a in actors.list_actors(restored, NOW)]


def test_on_a_new_laptop_a_backup_is_restored_into_the_default_vault_folder(
    tmp_path: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    identity, recipient = backup.new_identity()
    key_file = secret_file(tmp_path, identity, "key.txt")
    target = tmp_path / "b.age"
    run(capsys, "backup", "create", str(target), "--recipient", recipient, *vault_args)
    new_pass = secret_file(tmp_path, NEW_PASSPHRASE, "np")

    status, out, err = run(
        capsys, "backup", "restore", str(target), "--identity", key_file,
        "--passphrase-file", new_pass,
    )  # fmt: skip

    assert (status, err) == (0, "")
    assert "pre-restore" not in out
    with Vault.unlock(cli.default_vault_path(), NEW_PASSPHRASE) as restored:
        assert len(actors.list_actors(restored, NOW)) == 2


def test_a_backup_for_a_colleagues_key_is_verified_with_their_identity_file(
    tmp_path: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    identity, recipient = backup.new_identity()
    key_file = secret_file(tmp_path, f"# public key: {recipient}\n{identity}", "key.txt")
    target = tmp_path / "org.age"

    status, _, err = run(
        capsys, "backup", "create", str(target), "--recipient", recipient, *vault_args
    )
    assert (status, err) == (0, "")
    status, out, _ = run(capsys, "backup", "verify", str(target), "--identity", key_file)
    assert status == 0
    assert "2 actors" in out


def test_a_key_pair_made_by_keygen_opens_a_backup_made_for_its_public_key(
    tmp_path: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "org-key.txt"
    status, out, _ = run(capsys, "backup", "keygen", str(key_file))
    assert status == 0
    recipient = out.strip()
    assert recipient.startswith("age1")
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    target = tmp_path / "org.age"
    run(capsys, "backup", "create", str(target), "--recipient", recipient, *vault_args)
    status, out, _ = run(capsys, "backup", "verify", str(target), "--identity", str(key_file))
    assert status == 0
    assert "complete and intact" in out


def test_verifying_a_damaged_backup_says_so_in_one_line(
    tmp_path: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    identity, recipient = backup.new_identity()
    key_file = secret_file(tmp_path, identity, "key.txt")
    target = tmp_path / "b.age"
    run(capsys, "backup", "create", str(target), "--recipient", recipient, *vault_args)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x08
    target.write_bytes(bytes(data))

    status, out, err = run(capsys, "backup", "verify", str(target), "--identity", key_file)
    assert status == 1
    assert out == ""
    assert err.startswith("contactkeeper: This backup is damaged")
    assert err.count("\n") == 1


def test_the_command_line_never_overwrites_a_backup(
    tmp_path: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    recipient = backup.new_identity()[1]
    target = tmp_path / "b.age"
    target.write_bytes(b"an earlier backup")
    status, _, err = run(
        capsys, "backup", "create", str(target), "--recipient", recipient, *vault_args
    )
    assert status == 1
    assert "never overwrites" in err
    assert target.read_bytes() == b"an earlier backup"


def test_a_backup_passphrase_typed_differently_twice_writes_nothing(
    tmp_path: Path,
    vault_args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = iter([BACKUP_PASSPHRASE, BACKUP_PASSPHRASE + "?"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="", stream=None: next(answers))
    status, _, err = run(capsys, "backup", "create", str(tmp_path / "b.age"), *vault_args)
    assert status == 1
    assert "differ" in err
    assert not list(tmp_path.glob("b.age*"))


# -- import ------------------------------------------------------------------------------


def test_import_prints_the_plan_and_imports_after_yes(
    existing: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys, "import", str(FIXTURES / "import" / "outlook.csv"), "--yes", *vault_args
    )
    assert status == 0
    assert "line 2: Олег Смирнов" in out
    assert "Imported 2 actors." in out
    with Vault.unlock(existing, PASSPHRASE) as vault:
        assert "Олег Смирнов" in [a.display_name for a in actors.list_actors(vault, NOW)]


def test_import_asks_before_writing_and_a_no_imports_nothing(
    existing: Path,
    vault_args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("builtins.input", lambda prompt="": "n")
    status, out, _ = run(capsys, "import", str(FIXTURES / "import" / "outlook.csv"), *vault_args)
    assert status == 1
    assert "Nothing was imported." in out
    with Vault.unlock(existing, PASSPHRASE) as vault:
        assert len(actors.list_actors(vault, NOW)) == 2


def test_a_file_with_invalid_entries_is_reported_with_lines_and_imports_nothing(
    existing: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(
        capsys, "import", str(FIXTURES / "import" / "malformed.vcf"), "--yes", *vault_args
    )
    assert status == 1
    assert "line 11: this vCard has no name (FN or N)" in out
    assert "--skip-invalid" in err
    with Vault.unlock(existing, PASSPHRASE) as vault:
        assert len(actors.list_actors(vault, NOW)) == 2

    status, out, _ = run(
        capsys,
        "import",
        str(FIXTURES / "import" / "malformed.vcf"),
        "--yes",
        "--skip-invalid",
        *vault_args,
    )
    assert status == 0
    assert "Imported 1 actor." in out


# -- export ------------------------------------------------------------------------------


def test_an_export_in_clear_needs_the_explicit_flag(
    tmp_path: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.json"
    status, _, err = run(capsys, "export", "--format", "json", str(target), *vault_args)
    assert status == 1
    assert "--i-understand-this-is-plaintext" in err
    assert not target.exists()

    status, _, err = run(
        capsys,
        "export",
        "--format",
        "json",
        str(target),
        "--i-understand-this-is-plaintext",
        *vault_args,
    )
    assert status == 0
    assert "not encrypted" in err
    names = [a["display_name"] for a in json.loads(target.read_text("utf-8"))["tables"]["actors"]]
    assert sorted(names) == ["Karim Nassar", "Layla Haddad"]


def test_a_redacted_export_needs_no_flag_and_holds_codenames_only(
    tmp_path: Path, vault_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "share.json"
    status, _, _ = run(capsys, "export", "--format", "redacted", str(target), *vault_args)
    assert status == 0
    text = target.read_text("utf-8")
    assert "AMBER WREN" in text
    assert "Layla" not in text
