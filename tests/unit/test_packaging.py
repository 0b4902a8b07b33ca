"""The packaging files agree with the program: one version, one application id, release
notes for the version being built (the bundles themselves: tests/bundle/)."""

from __future__ import annotations

import configparser
import gzip
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree as ET

import pytest

from contactkeeper import __version__

CHECKOUT = Path(__file__).resolve().parents[2]
PACKAGING = CHECKOUT / "packaging"
APP_ID = "org.contactkeeper.ContactKeeper"


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ck_bundle", PACKAGING / "bundle.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ck_bundle"] = module
    spec.loader.exec_module(module)
    return module


def metainfo() -> ET.Element:
    return ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()  # noqa: S314 - our file


def test_the_newest_release_notes_are_for_this_version() -> None:
    releases = metainfo().findall("releases/release")
    assert releases, "the metainfo has no release notes"
    assert releases[0].get("version") == __version__
    assert releases[0].find("description") is not None


def test_the_metainfo_the_desktop_entry_and_the_program_share_one_id() -> None:
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "contactkeeper"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "contactkeeper"
    assert desktop["Icon"] == APP_ID
    assert {"Name", "Comment", "Comment[fr]", "Comment[ar]"} <= set(desktop)
    app = (CHECKOUT / "contactkeeper" / "gui" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in app  # Wayland matches the window to the entry


def test_the_debian_changelog_is_written_from_the_release_notes(bundle: ModuleType) -> None:
    text = bundle.debian_changelog().decode("utf-8")
    first = text.splitlines()[0]
    assert first == f"contactkeeper ({__version__}) unstable; urgency=medium"
    assert "  * An encrypted vault of actors" in text
    notes = [line for line in text.splitlines() if line.startswith("  ")]
    assert all(len(line) <= 80 for line in notes)  # as lintian wants them
    assert " -- The ContactKeeper developers <" in text
    assert gzip.decompress(bundle.gzip_bytes(text.encode())) == text.encode()


def test_the_control_file_depends_on_debian_for_what_it_leaves_out(bundle: ModuleType) -> None:
    control = bundle.control_file(__version__, 123_456)
    fields = dict(
        line.split(": ", 1) for line in control.splitlines() if line and not line.startswith(" ")
    )
    assert fields["Package"] == "contactkeeper"
    assert fields["Version"] == __version__
    assert fields["Installed-Size"] == "123456"
    depends = fields["Depends"].split(", ")
    for package in bundle.SYSTEM_LIBRARIES.values():
        assert package in depends
    assert "libxcb-cursor0" in depends
    description = [line for line in control.splitlines() if line.startswith(" ")]
    assert all(len(line) <= 80 for line in description)
