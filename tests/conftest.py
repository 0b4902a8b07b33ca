"""Fixtures shared by every test: vaults on real disk with real SQLCipher, a fake clock."""

from __future__ import annotations

import logging
import os

# Every Qt window in the suite is real but offscreen (set before anything imports Qt).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite reads English whatever the machine's locale; tests of the other languages choose
# theirs (tests/unit/test_i18n.py, tests/gui/test_languages.py). Children inherit it.
os.environ["CONTACTKEEPER_LANGUAGE"] = "en"

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactkeeper import i18n
from contactkeeper.vault import Vault, keyfile
from contactkeeper.vault.keyfile import KdfParams

# Cheap key derivation so the suite stays fast; tests/unit/test_keyfile.py covers the real,
# calibrated parameters at least once.
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
# A real program refuses key files below the RFC 9106 floor (64 MiB, 3 passes, 4 lanes);
# the suite's own process (and any child that imports this module) accepts its cheap
# vaults. tests/unit/test_kdf_floor.py puts the real floor back to test it, and checks that
# a fresh process has it.
keyfile.lower_floor_for_tests(FAST_KDF)
# English with its default formats ("2 Dec 2026"), as a started program or command has it,
# whichever test runs first.
i18n.set_language()
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


@pytest.fixture(autouse=True)
def fail_on_logged_warning(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A warning in the log is a defect unless the test is about it: a test fails when a
    record of level WARNING or above was logged while it (or its fixtures) ran. A test whose
    subject is such a warning says so with ``@pytest.mark.allow_log_warnings`` and asserts
    the warning itself (through ``caplog``)."""
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    logged = [
        record
        for when in ("setup", "call", "teardown")
        for record in caplog.get_records(when)
        if record.levelno >= logging.WARNING
    ]
    if logged:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in logged)
        pytest.fail(
            f"{len(logged)} unexpected log record(s) of level WARNING or above:\n{lines}\n"
            "Fix the cause, or mark the test @pytest.mark.allow_log_warnings and assert them.",
            pytrace=False,
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI (.ci/run sets CONTACTKEEPER_REQUIRE_ALL_TESTS) a skipped test is a failure: the
    real keyring, the age tool and the session bus are installed there, so no proof may
    quietly stay away."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CONTACTKEEPER_REQUIRE_ALL_TESTS"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {report.longrepr}"
