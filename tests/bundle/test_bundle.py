"""The bundles work on a machine that has nothing else (run by .ci/run after ``make test``).

Builds ``make bundle`` (PyInstaller's one-folder application, the ``.tar.gz`` and the
``.deb``), then, for the unpacked ``.tar.gz`` and for the ``.deb`` extracted with
``dpkg-deb -x``, runs the program as a practitioner would from a USB stick: with an empty
environment (what ``env -i`` leaves, a fresh home folder, ``PATH=/usr/bin:/bin``, no
``.venv``) and no network (``unshare --net``: a network namespace with no interface up):
``--version``, ``self-test``, ``init``, ``demo``, ``backup create`` and ``backup verify``;
then the desktop on a virtual X screen (Xvfb, the same X11 platform plugin a desktop uses),
whose unlock window is saved as a PNG in ``dist/bundle-test/`` (to look at). The ``.deb``
passes lintian with no error, its desktop entry ``desktop-file-validate`` and its
metainfo ``appstreamcli validate``. Finally the bundle's benchmark rows come out.

``CONTACTKEEPER_REUSE_BUNDLE=1`` skips the build when ``dist/`` already has one (to iterate
on these tests; CI always builds).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import platform
import re
import struct
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest

from benchmarks import bundle as bench

pytestmark = [pytest.mark.slow, pytest.mark.bundle]

CHECKOUT = Path(__file__).resolve().parents[2]
DIST = CHECKOUT / "dist"
SCREENSHOTS = DIST / "bundle-test"
VERSION = version("contactkeeper")
APP_ID = "org.contactkeeper.ContactKeeper"
PASSPHRASE = "a practitioner's vault on a stick"
BACKUP_PASSPHRASE = "the backup's own passphrase, for a colleague"


@dataclass(frozen=True)
class Built:
    tarball: Path
    deb: Path


@pytest.fixture(scope="module")
def built() -> Built:
    tarball = DIST / f"contactkeeper-{VERSION}-linux-{platform.machine().lower()}.tar.gz"
    deb = next(iter(DIST.glob(f"contactkeeper_{VERSION}_*.deb")), DIST / "missing.deb")
    if not (os.environ.get("CONTACTKEEPER_REUSE_BUNDLE") and tarball.is_file() and deb.is_file()):
        result = subprocess.run(
            [sys.executable, str(CHECKOUT / "packaging" / "bundle.py")],
            cwd=CHECKOUT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-4000:]
        # It prints the checksum of each artefact; the files beside them say the same.
        for line in result.stdout.splitlines()[1:]:
            digest, name = line.split()[-2:]
            assert (DIST / f"{name}.sha256").read_text() == f"{digest}  {name}\n"
        deb = next(DIST.glob(f"contactkeeper_{VERSION}_*.deb"))
    return Built(tarball, deb)


@pytest.fixture(scope="module", params=["tar.gz", "deb"])
def program(
    request: pytest.FixtureRequest, built: Built, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The ``contactkeeper`` command of the unpacked tarball, or of the extracted .deb (its
    /usr/bin link into /usr/lib/contactkeeper)."""
    place = tmp_path_factory.mktemp(f"installed-{request.param}")
    if request.param == "tar.gz":
        subprocess.run(["tar", "-xzf", str(built.tarball), "-C", str(place)], check=True)
        command = place / "ContactKeeper" / "contactkeeper"
    else:
        subprocess.run(["dpkg-deb", "-x", str(built.deb), str(place)], check=True)
        command = place / "usr" / "bin" / "contactkeeper"
        assert command.is_symlink()
    assert os.access(command, os.X_OK)
    return command


def bare(
    program: Path, *args: str, home: Path, timeout: float = 300, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run ``program`` with an empty environment and no network."""
    return subprocess.run(
        ["unshare", "--net", str(program), *args],
        env=bench.bare_environment(home, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def secret_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def test_the_bundle_checks_itself_and_tells_its_version(program: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    told = bare(program, "--version", home=home)
    assert told.returncode == 0, told.stderr
    assert told.stdout.strip() == f"contactkeeper {VERSION}"
    checked = bare(program, "self-test", home=home)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert lines[0] == f"ContactKeeper {VERSION}"
    assert lines[-1] == "All 10 checks passed."
    assert "shipped files: " in checked.stdout
    assert str(program.resolve().parent / "_internal") in checked.stdout  # its own files
    assert "translations: English, Français, العربية" in checked.stdout


def test_a_vault_a_demo_and_a_verified_backup_from_the_bundle(
    program: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    phrase = secret_file(tmp_path, "passphrase", PASSPHRASE)
    backup_phrase = secret_file(tmp_path, "backup-passphrase", BACKUP_PASSPHRASE)
    vault = tmp_path / "vault"
    made = bare(program, "init", "--vault", str(vault), "--passphrase-file", str(phrase), home=home)
    assert made.returncode == 0, made.stderr
    assert (vault / "vault.key").is_file()
    info = bare(
        program,
        "info",
        "--vault",
        str(vault),
        "--passphrase-file",
        str(phrase),
        "--json",
        home=home,
    )
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["counts"]["actors"] == 0

    demo = tmp_path / "demo"
    filled = bare(
        program, "demo", "--vault", str(demo), "--passphrase-file", str(phrase), home=home
    )
    assert filled.returncode == 0, filled.stderr
    today = bare(
        program,
        "today",
        "--vault",
        str(demo),
        "--passphrase-file",
        str(phrase),
        "--json",
        home=home,
    )
    assert today.returncode == 0, today.stderr
    assert json.loads(today.stdout)["going_cold"], "the demo's story has channels going cold"

    backup = tmp_path / "stick" / "demo.age"
    backup.parent.mkdir()
    created = bare(
        program,
        "backup",
        "create",
        str(backup),
        "--vault",
        str(demo),
        "--passphrase-file",
        str(phrase),
        "--backup-passphrase-file",
        str(backup_phrase),
        home=home,
    )
    assert created.returncode == 0, created.stderr
    assert backup.read_bytes().startswith(b"age-encryption.org/v1\n")
    verified = bare(
        program,
        "backup",
        "verify",
        str(backup),
        "--backup-passphrase-file",
        str(backup_phrase),
        home=home,
    )
    assert verified.returncode == 0, verified.stderr
    assert "actors" in verified.stdout
    wrong = secret_file(tmp_path, "wrong", "not the backup's passphrase")
    refused = bare(
        program,
        "backup",
        "verify",
        str(backup),
        "--backup-passphrase-file",
        str(wrong),
        home=home,
    )
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def grab_window(display: str, window: int, target: Path) -> None:
    """Save an X11 window as a PNG, with Qt on the X11 platform (this checkout's Qt, in a
    child process: the test process itself runs Qt offscreen)."""
    script = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "assert app.primaryScreen().grabWindow(int(sys.argv[1])).save(sys.argv[2])\n"
    )
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    subprocess.run(
        [sys.executable, "-c", script, str(window), str(target)], env=env, check=True, timeout=60
    )


def test_the_desktop_starts_on_the_unlock_window(
    program: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    phrase = secret_file(tmp_path, "passphrase", PASSPHRASE)
    # A vault at the default place, so that the desktop opens on its unlock window.
    made = bare(program, "init", "--passphrase-file", str(phrase), home=home)
    assert made.returncode == 0, made.stderr
    with bench.xvfb() as display:
        _seconds, process = bench.start_to_window(program, home, display)
        try:
            x11 = {"DISPLAY": display, "PATH": "/usr/bin:/bin"}
            found = ["xdotool", "search", "--onlyvisible", "--name", "ContactKeeper"]
            window = int(
                subprocess.run(
                    found, env=x11, capture_output=True, text=True, check=True
                ).stdout.split()[0]
            )
            names = subprocess.run(
                ["xdotool", "getwindowname", str(window)],
                env=x11,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            kind = request.node.callspec.params["program"]
            shot = SCREENSHOTS / f"unlock-{kind.replace('.', '-')}.png"
            grab_window(display, window, shot)
        finally:
            errors = bench.stop(process)
    assert "ContactKeeper" in names
    width, height = png_size(shot)
    assert 600 <= width <= 1366  # the window, on a 1366x768 screen
    assert 400 <= height <= 768
    # A drawn window, not a black screen: many distinct bytes in the image's data.
    assert len(set(shot.read_bytes()[100:])) > 200
    assert "Traceback" not in errors
    assert "Could not load the Qt platform plugin" not in errors


@pytest.fixture(scope="module")
def deb_tree(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    place = tmp_path_factory.mktemp("deb-tree")
    subprocess.run(["dpkg-deb", "-x", str(built.deb), str(place)], check=True)
    return place


def test_the_debian_package_is_clean(built: Built, deb_tree: Path) -> None:
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(built.deb), "Package", "Version", "Architecture", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Package: contactkeeper\n" in fields
    assert f"Version: {VERSION}\n" in fields
    assert "libxcb-cursor0" in fields  # what the bundled Qt needs from the system
    lintian = subprocess.run(
        ["lintian", "--fail-on", "error", "--no-tag-display-limit", str(built.deb)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in lintian.stdout.splitlines() if line.startswith("E:")]
    assert not errors, lintian.stdout
    assert lintian.returncode == 0, lintian.stdout + lintian.stderr
    desktop = deb_tree / "usr/share/applications" / f"{APP_ID}.desktop"
    checked = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout
    assert not checked.stdout.strip(), checked.stdout  # not even a hint
    metainfo = deb_tree / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml"
    # --no-net: no network here; the screenshots' addresses are not fetched.
    valid = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_the_package_installs_the_command_the_entry_and_every_icon(deb_tree: Path) -> None:
    command = deb_tree / "usr/bin/contactkeeper"
    assert os.readlink(command) == "../lib/contactkeeper/contactkeeper"
    assert (deb_tree / "usr/lib/contactkeeper/_internal").is_dir()
    entry = (deb_tree / "usr/share/applications" / f"{APP_ID}.desktop").read_text()
    assert "Exec=contactkeeper\n" in entry
    assert f"Icon={APP_ID}\n" in entry
    icons = deb_tree / "usr/share/icons/hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert png_size(icons / f"{size}x{size}/apps/{APP_ID}.png") == (size, size)
    assert (icons / f"scalable/apps/{APP_ID}.svg").is_file()
    changelog = deb_tree / "usr/share/doc/contactkeeper/changelog.gz"
    assert gzip.decompress(changelog.read_bytes()).startswith(f"contactkeeper ({VERSION})".encode())
    assert (deb_tree / "usr/share/doc/contactkeeper/copyright").is_file()


def test_every_artefact_has_its_checksum_beside_it(built: Built) -> None:
    for artefact in (built.tarball, built.deb):
        line = (artefact.parent / f"{artefact.name}.sha256").read_text()
        digest = hashlib.sha256(artefact.read_bytes()).hexdigest()
        assert line == f"{digest}  {artefact.name}\n"
        assert re.fullmatch(r"contactkeeper[-_]" + re.escape(VERSION) + r"[-_].+", artefact.name)


def test_the_bundle_rows_come_out(built: Built, tmp_path: Path) -> None:
    output = tmp_path / "bundle.json"
    assert bench.main(["--repeat", "1", "--output", str(output)]) == 0
    rows = {row["operation"]: row for row in json.loads(output.read_text())["rows"]}
    size = rows["bundle size, unpacked (every unused Qt module left out)"]
    assert size["met"], size["note"]  # within the 250 MB budget
    start = rows["bundle: process start to unlock window shown (X11, Xvfb)"]
    assert start["median_ms"] > 0
    assert start["baseline_ms"] > 0
    assert start["ratio"] == pytest.approx(start["median_ms"] / start["baseline_ms"], abs=0.01)
