"""The wheel, installed somewhere else, finds its migrations and forms and opens a vault.

The wheel is built from the checkout without network (``--no-isolation``: the build backend
comes from the project's own environment), installed with ``--no-deps`` into a fresh virtual
environment, and run from a folder outside the checkout. The fresh environment reaches the
dependencies through a ``.pth`` file naming the project environment's site-packages, never
the checkout itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
UV = CHECKOUT / ".tools" / "bin" / "uv"

pytestmark = pytest.mark.slow

SCRIPT = r"""
import json, sys
from pathlib import Path

import contactkeeper
from contactkeeper.records import actors, search
from contactkeeper.vault import resources
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.keyfile import KdfParams
from contactkeeper.vault import Vault, schema_head
from datetime import UTC, datetime

place = Path("made-by-the-wheel")
# The weakest key-derivation settings a real program opens again (64 MiB, 3 passes, 4 lanes).
with Vault.create(place, "wheel test passphrase", kdf=KdfParams(65536, 3, 4)) as vault:
    actors.create_actor(vault, NewActor("Layla Haddad"), datetime.now(UTC))
with Vault.unlock(place, "wheel test passphrase") as vault:
    revision = vault.schema_revision()
    hits = [h.title for h in search.search(vault, "layl")]
ui, migrations = resources.ui_dir(), resources.migrations_dir()
print(json.dumps({
    "package": contactkeeper.__file__,
    "version": contactkeeper.__version__,
    "modules": sorted(
        m.__file__ for name, m in sys.modules.items()
        if name.split(".")[0] == "contactkeeper" and getattr(m, "__file__", None)
    ),
    "revision": revision,
    "head": schema_head(),
    "hits": hits,
    "ui": str(ui),
    "forms": sorted(p.name for p in ui.glob("*.ui")),
    "migrations": str(migrations),
    "versions": sorted(p.name for p in (migrations / "versions").glob("*.py")),
    "sys_path": sys.path,
}))
"""


def _run(argv: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{argv[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh environment with only the wheel installed; (its python, an env to run it)."""
    root = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CONTACTKEEPER_"))}
    env["HOME"] = str(root / "home")
    env["UV_CACHE_DIR"] = str(root / "uv-cache")
    _run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            root / "dist",
            CHECKOUT,
        ],
        cwd=root,
        env=env,
    )
    (wheel,) = (root / "dist").glob("contactkeeper-*.whl")
    venv = root / "venv"
    _run([sys._base_executable, "-m", "venv", "--without-pip", venv], cwd=root, env=env)
    python = venv / "bin" / "python"
    if UV.is_file():
        _run(
            [UV, "pip", "install", "--python", python, "--no-deps", "--offline", wheel],
            cwd=root,
            env=env,
        )
    else:  # no uv beside the checkout: pip from the standard library's bundled wheel
        _run([python, "-m", "ensurepip"], cwd=root, env=env)
        _run([python, "-m", "pip", "install", "--no-deps", "--no-index", wheel], cwd=root, env=env)
    site = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=root,
        env=env,
    ).strip()
    dependencies = sysconfig.get_paths()["purelib"]  # the project environment's
    assert Path(dependencies).resolve() != CHECKOUT
    (Path(site) / "contactkeeper_test_dependencies.pth").write_text(dependencies + "\n")
    return python, env


def test_the_installed_wheel_creates_and_reopens_a_vault_outside_the_checkout(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    python, env = installed
    venv = python.parent.parent
    report = json.loads(_run([python, "-c", SCRIPT], cwd=tmp_path, env=env))

    package = Path(report["package"]).parent
    assert venv in package.parents
    assert all(venv in Path(module).parents for module in report["modules"])
    assert str(CHECKOUT) not in report["sys_path"]
    assert report["version"] != "0.0.0"  # the installed distribution's metadata is found

    assert report["revision"] == report["head"]
    assert report["hits"] == ["Layla Haddad"]
    assert package in Path(report["migrations"]).parents
    assert package in Path(report["ui"]).parents
    assert "0001_the_first_schema.py" in report["versions"]
    assert "unlock.ui" in report["forms"]
    assert (tmp_path / "made-by-the-wheel" / "vault.key").is_file()


def test_the_installed_console_script_reads_the_vault(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    python, env = installed
    _run([python, "-c", SCRIPT], cwd=tmp_path, env=env)
    script = python.parent / "contactkeeper"
    assert script.is_file()
    env = {**env, "CONTACTKEEPER_PASSPHRASE": "wheel test passphrase"}
    out = _run(
        [script, "info", "--json", "--vault", tmp_path / "made-by-the-wheel"], cwd=tmp_path, env=env
    )
    assert json.loads(out)["counts"]["actors"] == 1
