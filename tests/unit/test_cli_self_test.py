"""``contactkeeper self-test``: what a colleague runs on a copy from a USB stick."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contactkeeper import __version__, cli
from contactkeeper.vault import resources


def test_every_check_passes_on_a_complete_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["self-test"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"ContactKeeper {__version__}"
    checks = [line for line in lines if line.startswith(("ok ", "FAIL "))]
    # The crypto known answers, age, the schema, the shipped files and the translations.
    assert len(checks) == 10
    assert all(line.startswith("ok ") for line in checks)
    assert any("schema: revision " in line for line in checks)
    assert any(line.startswith("keyring: ") for line in lines)  # reported, never a failure
    assert lines[-1] == "All 10 checks passed."


def test_a_copy_missing_its_files_fails_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy whose ui folder lost its style sheet and guide, as a damaged USB stick may.
    damaged = tmp_path / "ui"
    shutil.copytree(resources.ui_dir(), damaged)
    (damaged / "style.qss").unlink()
    (damaged / "guide.html").unlink()
    monkeypatch.setattr(resources, "ui_dir", lambda: damaged)
    assert cli.main(["self-test"]) == 1
    captured = capsys.readouterr()
    assert "FAIL shipped files: missing: style.qss, guide.html" in captured.out
    assert "1 check failed" in captured.err
    assert "install it again from a trusted copy" in captured.err


def test_a_missing_catalogue_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from contactkeeper import i18n

    partial = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, partial)
    shutil.rmtree(partial / "ar")
    monkeypatch.setattr(i18n, "LOCALE_DIR", partial)
    assert cli.main(["self-test"]) == 1
    assert "FAIL translations: missing: ar" in capsys.readouterr().out
