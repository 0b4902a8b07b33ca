"""Core dumps off while unlocked, and the start-up self-test of the crypto (promise 25)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from contactkeeper.errors import SelfTestFailed
from contactkeeper.vault import hardening

# Run in a child process: disabling core dumps cannot be undone in the process that did it.
_CHILD = """
import json
from contactkeeper.vault import hardening
before = hardening.core_dump_state()
after = hardening.disable_core_dumps()
again = hardening.disable_core_dumps()
print(json.dumps({
    "before": [before.core_limit, before.dumpable, before.protected],
    "after": [after.core_limit, after.dumpable, after.protected],
    "again": again.protected,
}))
"""


def _run_child() -> dict[str, list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, timeout=60
    )
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl exists on Linux only")
def test_an_unlocked_process_writes_no_core_file_and_cannot_be_attached_to() -> None:
    result = _run_child()
    # Control: a fresh process is dumpable, so the check below can fail.
    assert result["before"][1] is True
    assert result["before"][2] is False
    assert result["after"] == [[0, 0], False, True]
    assert result["again"] is True


_UNLOCKING_CHILD = """
import json, sys
from pathlib import Path
from contactkeeper.vault import hardening
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
before = hardening.core_dump_state().protected
Vault.create(Path(sys.argv[1]), PASSPHRASE, kdf=FAST_KDF).close()
print(json.dumps([before, hardening.core_dump_state().protected]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="no core-file limit on Windows")
def test_opening_a_vault_turns_core_dumps_off(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _UNLOCKING_CHILD, str(tmp_path / "vault")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert json.loads(done.stdout) == [False, True]


def test_the_self_test_passes_with_the_libraries_we_ship() -> None:
    report = hardening.require_self_test()
    names = [check.name for check in report.checks]
    assert names == [
        "SQLCipher version",
        "SQLCipher defaults",
        "temporary data in memory (build)",
        "connection hardening",
        "Argon2id (RFC 9106)",
        "AES-256-GCM",
    ]
    assert report.ok
    assert report.problems == []
    assert report.checks[0].detail.startswith("4.")


def test_an_sqlcipher_3_or_5_build_is_refused() -> None:
    assert not hardening.check_cipher_version("3.4.2 community").ok
    assert not hardening.check_cipher_version("5.0.0 community").ok
    assert hardening.check_cipher_version("4.19.0 community").ok


def test_changed_cipher_defaults_are_reported_by_name() -> None:
    settings = dict(hardening.EXPECTED_CIPHER_DEFAULTS, cipher_default_page_size="1024")
    check = hardening.check_cipher_defaults(settings)
    assert not check.ok
    assert "cipher_default_page_size is '1024'" in check.detail


def test_a_build_that_spills_temporary_data_to_files_is_refused() -> None:
    assert not hardening.check_compile_options(["ENABLE_FTS5", "TEMP_STORE=1"]).ok
    assert not hardening.check_compile_options(["ENABLE_FTS5"]).ok
    assert hardening.check_compile_options(["ENABLE_FTS5", "TEMP_STORE=2"]).ok


def test_a_connection_without_secure_delete_or_memory_temp_store_is_refused() -> None:
    assert not hardening.check_connection_pragmas(temp_store=1, secure_delete=1).ok
    assert not hardening.check_connection_pragmas(temp_store=2, secure_delete=0).ok


def test_a_wrong_argon2id_answer_fails_the_known_answer_test() -> None:
    wrong = replace(hardening.ARGON2ID_KAT, iterations=4)
    assert not hardening.argon2id_check(wrong).ok
    assert hardening.argon2id_check().ok


def test_a_wrong_aes_gcm_answer_fails_the_known_answer_test() -> None:
    wrong = replace(hardening.AES_GCM_KAT, key=bytes([1]) + bytes(31))
    assert not hardening.aes_gcm_check(wrong).ok


def test_a_failed_self_test_refuses_with_a_message_for_people(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        hardening, "argon2id_check", lambda: hardening.Check("Argon2id (RFC 9106)", False, "x")
    )
    with pytest.raises(SelfTestFailed, match="reinstall ContactKeeper") as caught:
        hardening.require_self_test()
    assert caught.value.problems == ["Argon2id (RFC 9106): x"]


def test_a_library_that_crashes_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> list[hardening.Check]:
        raise OSError("library missing")

    monkeypatch.setattr(hardening, "_sqlcipher_checks", broken)
    report = hardening.self_test()
    assert not report.ok
    assert report.problems == ["SQLCipher: could not run (OSError)"]
