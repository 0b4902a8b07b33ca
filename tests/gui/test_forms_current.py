"""Every Qt Designer form in ui/ is compiled, and the compiled file is up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "ui").glob("*.ui"))
UIC = Path(sys.executable).with_name("pyside6-uic")


@pytest.mark.parametrize("form", FORMS, ids=[f.stem for f in FORMS])
def test_the_committed_form_is_what_the_designer_file_compiles_to(form: Path) -> None:
    compiled = ROOT / "contactkeeper" / "gui" / "forms" / f"ui_{form.stem}.py"
    assert compiled.is_file(), f"run: pyside6-uic ui/{form.name} -o {compiled.relative_to(ROOT)}"
    fresh = subprocess.run(
        [str(UIC), str(form.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert fresh == compiled.read_text(encoding="utf-8"), (
        f"ui/{form.name} changed: recompile it with "
        f"pyside6-uic ui/{form.name} -o {compiled.relative_to(ROOT)}"
    )
