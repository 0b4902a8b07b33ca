"""Fixtures shared by every test: vaults on real disk with real SQLCipher, a fake clock."""

from __future__ import annotations

import os

# Every Qt window in the suite is real but offscreen (set before anything imports Qt).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactkeeper.keyfile import KdfParams
from contactkeeper.vault import Vault

# Cheap key derivation so the suite stays fast; tests/unit/test_keyfile.py covers the real,
# calibrated parameters at least once.
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


class FakeClock:
    """A clock tests move by hand instead of sleeping."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **kwargs: float) -> None:
        self.current += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def make_vault(tmp_path: Path) -> Iterator[Callable[..., Vault]]:
    """Create vaults in the test's folder; every one is closed at the end."""
    made: list[Vault] = []

    def factory(name: str = "vault", passphrase: str = PASSPHRASE) -> Vault:
        vault = Vault.create(tmp_path / name, passphrase, kdf=FAST_KDF)
        made.append(vault)
        return vault

    yield factory
    for vault in made:
        vault.close()


@pytest.fixture
def vault(make_vault: Callable[..., Vault]) -> Vault:
    return make_vault()
