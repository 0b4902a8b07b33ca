"""Weak passphrases are refused on every path that sets one: a new vault, a passphrase
change, a backup passphrase, a restored vault; in the core and on the command line alike.

Strength is judged by zxcvbn (``contactkeeper.vault.passphrases``): a score below
``MIN_SCORE`` (3 of 4) is refused, and the refusal carries zxcvbn's own advice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.errors import WeakPassphrase
from contactkeeper.exchange import backup, restore
from contactkeeper.vault import Vault, passphrases
from tests.conftest import FAST_KDF, PASSPHRASE

# Long enough for a length rule, and among the first any attacker tries.
COMMON = ("password", "aaaaaaaa", "12345678")
STRONG = "seven wet ravens in a boat"


@pytest.fixture(autouse=True)
def _cheap_and_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setattr(restore, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv("CONTACTKEEPER_BACKUP_PASSPHRASE", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def secret(tmp_path: Path, text: str, name: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


# -- the estimator ---------------------------------------------------------------------------


def test_the_threshold_is_zxcvbns_score_three() -> None:
    assert passphrases.MIN_SCORE == 3
    for weak in (*COMMON, "x", "kiwi", "qwertyuiop"):
        assert not passphrases.strength(weak).acceptable, weak
    for strong in (PASSPHRASE, STRONG, "a different passphrase for the stick"):
        judged = passphrases.strength(strong)
        assert judged.acceptable, strong
        assert judged.score >= 3


def test_a_refusal_says_why_in_zxcvbns_words() -> None:
    with pytest.raises(WeakPassphrase) as caught:
        passphrases.check("password")
    message = str(caught.value)
    assert "top-10 common password" in message  # zxcvbn's warning
    assert "Add another word or two" in message  # and its suggestion
    assert "strength 0 of 4; at least 3 is needed" in message


def test_a_very_long_passphrase_is_judged_without_error_or_delay() -> None:
    # zxcvbn itself refuses more than 72 characters; the first 72 are judged.
    assert passphrases.strength(" ".join([STRONG] * 20)).acceptable
    assert not passphrases.strength("a" * 500).acceptable


# -- the vault --------------------------------------------------------------------------------


@pytest.mark.parametrize("weak", COMMON)
def test_a_common_passphrase_makes_no_vault(tmp_path: Path, weak: str) -> None:
    with pytest.raises(WeakPassphrase):
        Vault.create(tmp_path / "v", weak, kdf=FAST_KDF)
    assert not (tmp_path / "v").exists()


def test_changing_to_a_common_passphrase_is_refused_and_the_old_one_still_opens(
    tmp_path: Path,
) -> None:
    with (
        Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF) as vault,
        pytest.raises(WeakPassphrase),
    ):
        vault.change_passphrase(PASSPHRASE, "12345678", kdf=FAST_KDF)
    Vault.unlock(tmp_path / "v", PASSPHRASE).close()


# -- backups ------------------------------------------------------------------------------------


def test_a_one_letter_backup_passphrase_writes_no_backup(tmp_path: Path) -> None:
    target = tmp_path / "b.age"
    with Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF) as vault:
        for weak in ("x", *COMMON):
            with pytest.raises(WeakPassphrase) as caught:
                backup.create_backup(vault, target, passphrase=weak)
            assert "backup passphrase" in str(caught.value)
    assert list(tmp_path.iterdir()) == [tmp_path / "v"]


# -- the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize("weak", COMMON)
def test_init_refuses_a_common_passphrase_from_a_file_or_the_environment(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    weak: str,
) -> None:
    target = tmp_path / "vault"
    status, _, err = run(
        capsys, "init", "--vault", str(target), "--passphrase-file", secret(tmp_path, weak, "p")
    )
    assert status == 1
    assert err.startswith("contactkeeper: ")
    assert err.count("\n") == 1
    assert "too easy to guess" in err
    assert not target.exists()

    monkeypatch.setenv(cli.PASSPHRASE_ENV, weak)
    assert run(capsys, "init", "--vault", str(target))[0] == 1
    assert not target.exists()


def test_passwd_refuses_a_common_new_passphrase(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "v"
    Vault.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    status, _, err = run(
        capsys,
        "passwd",
        "--vault",
        str(path),
        "--passphrase-file",
        secret(tmp_path, PASSPHRASE, "old"),
        "--new-passphrase-file",
        secret(tmp_path, "aaaaaaaa", "new"),
    )
    assert status == 1
    assert "too easy to guess" in err
    Vault.unlock(path, PASSPHRASE).close()


def test_backup_create_refuses_a_one_letter_backup_passphrase(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "v"
    Vault.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    stick = tmp_path / "stick"
    stick.mkdir()
    vault_args = ["--vault", str(path), "--passphrase-file", secret(tmp_path, PASSPHRASE, "p")]
    status, _, err = run(
        capsys,
        "backup",
        "create",
        str(stick),
        *vault_args,
        "--backup-passphrase-file",
        secret(tmp_path, "x", "b"),
    )
    assert status == 1
    assert "backup passphrase needs at least 8 characters" in err
    monkeypatch.setenv("CONTACTKEEPER_BACKUP_PASSPHRASE", "password")
    status, _, err = run(capsys, "backup", "create", str(stick), *vault_args)
    assert status == 1
    assert "backup passphrase is too easy to guess" in err
    assert list(stick.iterdir()) == []
