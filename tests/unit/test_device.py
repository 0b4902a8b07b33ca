"""Remember on this device: unlock without the passphrase, forget, and every keyring failure.

The keyrings here are in-memory stand-ins (tests/helpers/keyrings.py) and keyring's own
``fail`` and ``null`` backends; the real Secret Service is in tests/integration.
"""

from __future__ import annotations

import argparse
import base64
import json
import logging
import shutil
from collections.abc import Callable
from datetime import UTC, datetime

import keyring
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyring.backends import fail, null

from contactkeeper.cli import device as cli_device
from contactkeeper.errors import KeyringUnavailable, VaultLocked
from contactkeeper.protect import device
from contactkeeper.records import actors
from contactkeeper.vault import KEY_NAME, Vault
from contactkeeper.vault.keyfile import KdfParams, KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.keyrings import (
    BrokenKeyring,
    ChainOfSecure,
    ChainWithPlaintext,
    ForgetfulKeyring,
    LockedKeyring,
    LowPriorityKeyring,
    MemoryKeyring,
    PlaintextKeyring,
    RefusingKeyring,
)

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def memory() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def no_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any passphrase key derivation from here on fails the test."""

    def refuse(*args: object) -> bytes:
        raise AssertionError("the passphrase's key derivation ran")

    monkeypatch.setattr(KdfParams, "derive", refuse)


def _ignored(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the device module logged: a warning that a device file was ignored (never
    any record data)."""
    assert all(r.levelno == logging.WARNING for r in caplog.records)
    assert all(r.name == "contactkeeper.protect.device" for r in caplog.records)
    return [r.getMessage() for r in caplog.records]


def _add_actor(vault: Vault, name: str = "Amira Haddad") -> None:
    actors.create_actor(vault, actors.NewActor(display_name=name), NOW)


def _names(vault: Vault) -> list[str]:
    return [a.display_name for a in actors.list_actors(vault, NOW)]


def test_a_remembered_vault_opens_on_this_device_without_the_passphrase(
    vault: Vault, memory: MemoryKeyring, request: pytest.FixtureRequest
) -> None:
    _add_actor(vault)
    device.remember(vault, memory)
    vault.close()
    request.getfixturevalue("no_kdf")

    reopened = device.unlock_remembered(vault.path, memory)

    assert reopened is not None
    with reopened:
        assert _names(reopened) == ["Amira Haddad"]
    assert device.is_remembered(vault.path, memory)


def test_forgetting_the_device_removes_both_halves_and_asks_for_the_passphrase_again(
    vault: Vault, memory: MemoryKeyring
) -> None:
    device.remember(vault, memory)
    vault.close()

    assert device.forget(vault.path, memory) is True

    assert memory.secrets == {}
    assert not (vault.path / device.DEVICE_NAME).exists()
    assert not device.is_remembered(vault.path, memory)
    assert device.unlock_remembered(vault.path, memory) is None
    with Vault.unlock(vault.path, PASSPHRASE) as again:
        assert again.is_open


def test_a_vault_never_remembered_is_not_remembered_and_forgetting_it_is_harmless(
    vault: Vault, memory: MemoryKeyring
) -> None:
    assert not device.is_remembered(vault.path, memory)
    assert device.unlock_remembered(vault.path, memory) is None
    assert device.forget(vault.path, memory) is False


def test_changing_the_passphrase_keeps_the_device_entry_valid(
    vault: Vault, memory: MemoryKeyring
) -> None:
    _add_actor(vault)
    device.remember(vault, memory)
    vault.change_passphrase(PASSPHRASE, "a completely new passphrase", FAST_KDF)
    vault.close()

    reopened = device.unlock_remembered(vault.path, memory)

    assert reopened is not None
    with reopened:
        assert _names(reopened) == ["Amira Haddad"]


def test_remembering_twice_keeps_one_secret_in_the_keyring(
    vault: Vault, memory: MemoryKeyring
) -> None:
    device.remember(vault, memory)
    device.remember(vault, memory)
    assert len(memory.secrets) == 1
    vault.close()
    reopened = device.unlock_remembered(vault.path, memory)
    assert reopened is not None
    reopened.close()


def test_the_keyring_holds_a_device_secret_named_after_the_vault_not_the_database_key(
    vault: Vault, memory: MemoryKeyring
) -> None:
    device.remember(vault, memory)
    ((service, entry), secret) = next(iter(memory.secrets.items()))
    assert service == device.SERVICE
    assert entry.startswith(vault.vault_id + ":")
    assert bytes.fromhex(secret) != vault.database_key()
    body = json.loads((vault.path / device.DEVICE_NAME).read_text())
    assert body["entry"] == entry
    assert (vault.path / device.DEVICE_NAME).stat().st_mode & 0o777 == 0o600


def test_a_locked_vault_cannot_be_remembered(vault: Vault, memory: MemoryKeyring) -> None:
    vault.close()
    with pytest.raises(VaultLocked):
        device.remember(vault, memory)
    assert memory.secrets == {}


def test_the_default_system_keyring_is_used_when_none_is_given(
    vault: Vault, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("keyring.core._keyring_backend", memory)
    assert keyring.get_keyring() is memory
    assert device.keyring_status().usable
    device.remember(vault)
    vault.close()
    reopened = device.unlock_remembered(vault.path)
    assert reopened is not None
    reopened.close()
    assert device.forget(vault.path)
    assert memory.secrets == {}


# -- keyrings that must not or cannot be used ------------------------------------------


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        pytest.param(fail.Keyring(), "no keyring service is running", id="no-backend"),
        pytest.param(null.Keyring(), "throws secrets away", id="null"),
        pytest.param(PlaintextKeyring(), "keeps secrets in a plain file", id="plaintext"),
        pytest.param(LowPriorityKeyring(), "fallback that is not safe", id="low-priority"),
        pytest.param(LockedKeyring(), "locked and was not unlocked", id="locked"),
        pytest.param(BrokenKeyring(), "could not be opened", id="init-error"),
    ],
)
def test_an_unusable_keyring_is_explained_in_one_line_and_stores_nothing(
    vault: Vault, backend: keyring.backend.KeyringBackend, reason: str
) -> None:
    status = device.keyring_status(backend)
    assert not status.usable
    assert reason in status.reason
    assert "\n" not in status.reason

    with pytest.raises(KeyringUnavailable, match=reason):
        device.remember(vault, backend)

    assert not (vault.path / device.DEVICE_NAME).exists()
    assert getattr(backend, "secrets", {}) == {}
    assert not device.is_remembered(vault.path, backend)


def test_a_chain_of_keyrings_is_refused_if_any_link_is_plaintext() -> None:
    refused = device.keyring_status(ChainWithPlaintext())
    assert not refused.usable
    assert "plain file" in refused.reason
    assert device.keyring_status(ChainOfSecure()).usable


def test_the_settings_page_can_ask_without_touching_a_locked_keyring() -> None:
    # No probe: no unlock prompt; the lock is found out when the key is actually used.
    assert device.keyring_status(LockedKeyring(), probe=False).usable
    assert not device.keyring_status(LockedKeyring()).usable


def test_an_unexpected_keyring_error_is_named_not_raised(vault: Vault) -> None:
    class DBusGone(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise ConnectionResetError("the bus went away")

    status = device.keyring_status(DBusGone())
    assert not status.usable
    assert status.reason == "the keyring did not answer (ConnectionResetError)"
    assert not device.is_remembered(vault.path, DBusGone())


def test_a_usable_keyring_says_so(memory: MemoryKeyring) -> None:
    status = device.keyring_status(memory)
    assert status.usable
    assert "MemoryKeyring" in status.backend


def test_a_keyring_that_refuses_to_store_leaves_no_file(vault: Vault) -> None:
    with pytest.raises(KeyringUnavailable, match="refused to store"):
        device.remember(vault, RefusingKeyring())
    assert not (vault.path / device.DEVICE_NAME).exists()


def test_a_keyring_that_silently_drops_secrets_is_caught(vault: Vault) -> None:
    with pytest.raises(KeyringUnavailable, match="did not keep"):
        device.remember(vault, ForgetfulKeyring())
    assert not (vault.path / device.DEVICE_NAME).exists()


def test_a_keyring_locked_at_unlock_time_falls_back_to_the_passphrase_with_a_reason(
    vault: Vault, memory: MemoryKeyring
) -> None:
    device.remember(vault, memory)
    vault.close()
    with pytest.raises(KeyringUnavailable, match="locked") as caught:
        device.unlock_remembered(vault.path, LockedKeyring())
    assert "passphrase" in str(caught.value)
    assert device.is_remembered(vault.path, memory)


def test_forgetting_while_the_keyring_is_locked_still_destroys_the_device_file(
    vault: Vault, memory: MemoryKeyring
) -> None:
    device.remember(vault, memory)
    vault.close()

    assert device.forget(vault.path, LockedKeyring()) is False

    assert not (vault.path / device.DEVICE_NAME).exists()
    # The secret left in the keyring opens nothing without the device file.
    assert len(memory.secrets) == 1
    assert device.unlock_remembered(vault.path, memory) is None


def test_an_entry_cleared_from_the_keyring_means_asking_for_the_passphrase(
    vault: Vault, memory: MemoryKeyring
) -> None:
    device.remember(vault, memory)
    vault.close()
    memory.secrets.clear()
    assert not device.is_remembered(vault.path, memory)
    assert device.unlock_remembered(vault.path, memory) is None


@pytest.mark.allow_log_warnings
def test_a_tampered_device_file_is_ignored_not_trusted(
    vault: Vault, memory: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    device.remember(vault, memory)
    vault.close()
    path = vault.path / device.DEVICE_NAME
    body = json.loads(path.read_text())
    ciphertext = bytearray(base64.b64decode(body["wrap"]["ciphertext"]))
    ciphertext[5] ^= 0x01
    body["wrap"]["ciphertext"] = base64.b64encode(ciphertext).decode()
    path.write_text(json.dumps(body))
    assert device.unlock_remembered(vault.path, memory) is None
    assert _ignored(caplog) == ["the remembered key for this vault does not match; ignored"]

    caplog.clear()
    path.write_text("not json at all")
    assert device.unlock_remembered(vault.path, memory) is None
    assert not device.is_remembered(vault.path, memory)
    assert set(_ignored(caplog)) == {"vault.device is damaged; ignored"}


@pytest.mark.allow_log_warnings
def test_a_device_file_copied_into_another_vault_does_not_open_it(
    make_vault: Callable[..., Vault], memory: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    first = make_vault("first")
    second = make_vault("second")
    device.remember(first, memory)
    first.close()
    second.close()
    shutil.copy(first.path / device.DEVICE_NAME, second.path / device.DEVICE_NAME)

    assert device.unlock_remembered(second.path, memory) is None
    assert _ignored(caplog) == ["vault.device belongs to another vault; ignored"]


@pytest.mark.allow_log_warnings
def test_the_device_file_is_bound_to_its_keyring_entry(
    make_vault: Callable[..., Vault], memory: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    first = make_vault("first")
    device.remember(first, memory)
    first.close()
    path = first.path / device.DEVICE_NAME
    body = json.loads(path.read_text())
    # Point the file at another (valid) entry of the same vault: the AEAD refuses it.
    other_entry = body["entry"] + "0"
    memory.secrets[(device.SERVICE, other_entry)] = memory.secrets[(device.SERVICE, body["entry"])]
    body["entry"] = other_entry
    path.write_text(json.dumps(body))
    assert device.unlock_remembered(first.path, memory) is None
    assert _ignored(caplog) == ["the remembered key for this vault does not match; ignored"]


# -- the command line ---------------------------------------------------------------------


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    cli_device.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


def test_remember_and_forget_device_on_the_command_line(
    vault: Vault,
    memory: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("keyring.core._keyring_backend", memory)
    monkeypatch.setenv("CONTACTKEEPER_PASSPHRASE", PASSPHRASE)
    vault.close()

    assert _run("remember", "--vault", str(vault.path)) == 0
    assert "without the passphrase" in capsys.readouterr().out
    assert device.is_remembered(vault.path)

    assert _run("forget-device", "--vault", str(vault.path)) == 0
    assert "no longer remembers" in capsys.readouterr().out
    assert memory.secrets == {}
    assert _run("forget-device", "--vault", str(vault.path)) == 0
    assert "nothing to forget" in capsys.readouterr().out


def test_remember_on_the_command_line_without_a_keyring_says_why(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("keyring.core._keyring_backend", fail.Keyring())
    monkeypatch.setenv("CONTACTKEEPER_PASSPHRASE", PASSPHRASE)
    vault.close()
    with pytest.raises(KeyringUnavailable, match="no keyring service"):
        _run("remember", "--vault", str(vault.path))
    assert not (vault.path / device.DEVICE_NAME).exists()


@pytest.mark.allow_log_warnings
def test_a_key_remembered_before_the_vault_got_a_new_key_asks_for_the_passphrase(
    make_vault: Callable[..., Vault], memory: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    # As after a restore: same vault id, a new database key, the old device file left over.
    old = make_vault("old")
    device.remember(old, memory)
    old.close()
    new = make_vault("new")
    new_key = new.database_key()
    new.close()
    KeyFile.wrap(old.vault_id, new_key, PASSPHRASE, FAST_KDF).write(new.path / KEY_NAME)
    shutil.copy(old.path / device.DEVICE_NAME, new.path / device.DEVICE_NAME)

    assert device.unlock_remembered(new.path, memory) is None
    assert _ignored(caplog) == ["the remembered key does not open this vault's database; ignored"]
    with Vault.unlock(new.path, PASSPHRASE) as opened:
        assert opened.vault_id == old.vault_id


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.builds(
            lambda body: json.dumps(body).encode(),
            st.dictionaries(
                st.sampled_from(["format", "version", "vault_id", "service", "entry", "wrap"]),
                st.one_of(st.none(), st.integers(), st.text(max_size=20), st.just({})),
            ),
        ),
    )
)
@pytest.mark.allow_log_warnings
def test_whatever_is_written_in_the_device_file_means_asking_for_the_passphrase(
    vault: Vault, memory: MemoryKeyring, caplog: pytest.LogCaptureFixture, data: bytes
) -> None:
    caplog.clear()
    (vault.path / device.DEVICE_NAME).write_bytes(data)
    assert device.unlock_remembered(vault.path, memory) is None
    assert not device.is_remembered(vault.path, memory)
    assert set(_ignored(caplog)) == {"vault.device is damaged; ignored"}
