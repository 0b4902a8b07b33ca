"""The test suite is strict: a warning, a Qt warning, a logged warning or a passing xfail
fails the test that caused it; only the offscreen plugin's known noise is let through.

A small suite runs in a subprocess with this project's pytest settings and conftest, and
each of its tests must end the way the settings say.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

INNER = """
import logging
import warnings

import pytest
from PySide6.QtCore import qWarning


def test_a_logged_warning_fails():
    logging.getLogger("contactkeeper.somewhere").warning("something odd")


def test_a_logged_error_fails():
    logging.getLogger("contactkeeper.somewhere").error("something wrong")


def test_logged_information_passes():
    logging.getLogger("contactkeeper.somewhere").info("all well")


@pytest.mark.allow_log_warnings
def test_an_expected_warning_passes_when_asserted(caplog):
    logging.getLogger("contactkeeper.somewhere").warning("something odd")
    assert caplog.messages == ["something odd"]


def test_a_python_warning_fails():
    warnings.warn("an old call", DeprecationWarning, stacklevel=1)


@pytest.mark.xfail(reason="expected to fail")
def test_an_xfail_that_passes_fails():
    pass


def test_a_qt_warning_fails(qtbot):
    qWarning("QObject::connect: No such signal")


def test_the_offscreen_plugins_noise_passes(qtbot):
    qWarning("This plugin does not support propagateSizeHints()")
    qWarning("This plugin does not support raise()")
    qWarning("This plugin does not support grabbing the keyboard")


def test_other_unsupported_calls_still_fail(qtbot):
    qWarning("This plugin does not support propagateSizeHints() and more")
"""

EXPECTED = {
    "test_a_logged_warning_fails": "ERROR",  # found when the test's fixtures end
    "test_a_logged_error_fails": "ERROR",
    "test_logged_information_passes": "PASSED",
    "test_an_expected_warning_passes_when_asserted": "PASSED",
    "test_a_python_warning_fails": "FAILED",
    "test_an_xfail_that_passes_fails": "FAILED",
    "test_a_qt_warning_fails": "FAILED",
    "test_the_offscreen_plugins_noise_passes": "PASSED",
    "test_other_unsupported_calls_still_fail": "FAILED",
}


def _outcomes(report: str) -> dict[str, str]:
    """Test name -> PASSED, FAILED or ERROR, from pytest's ``-rA`` summary."""
    outcomes: dict[str, str] = {}
    for line in report.splitlines():
        word, _, rest = line.partition(" ")
        if word in {"PASSED", "FAILED", "ERROR"} and "::" in rest:
            name = rest.split("::", 1)[1].split(" ", 1)[0]
            # A test that passed its call but failed at teardown is reported twice.
            if outcomes.get(name) != "ERROR":
                outcomes[name] = word
    return outcomes


@pytest.fixture
def inner_suite(tmp_path: Path) -> Path:
    """A folder with this project's pytest settings, its conftest and the small suite."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "tests" / "conftest.py")
    (tmp_path / "tests" / "test_inner.py").write_text(INNER)
    return tmp_path


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CONTACTKEEPER_REQUIRE_ALL_TESTS"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_warnings_of_every_kind_fail_the_test_that_caused_them(inner_suite: Path) -> None:
    result = _run(inner_suite, "tests")
    assert _outcomes(result.stdout) == EXPECTED, result.stdout + result.stderr
    assert "unexpected log record(s) of level WARNING or above" in result.stdout
    assert "WARNING contactkeeper.somewhere: something odd" in result.stdout


def test_an_unknown_marker_or_setting_is_an_error(inner_suite: Path) -> None:
    (inner_suite / "tests" / "test_marker.py").write_text(
        "import pytest\n\n\n@pytest.mark.not_declared\ndef test_marked():\n    pass\n"
    )
    result = _run(inner_suite, "tests/test_marker.py")
    assert result.returncode != 0
    assert "'not_declared' not found in `markers` configuration option" in result.stdout

    settings = inner_suite / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("[tool.pytest.ini_options]\n", "[tool.pytest.ini_options]\nno_such = 1\n"),
        encoding="utf-8",
    )
    result = _run(inner_suite, "tests/test_inner.py::test_logged_information_passes")
    assert result.returncode != 0
    assert "Unknown config option: no_such" in result.stdout + result.stderr
