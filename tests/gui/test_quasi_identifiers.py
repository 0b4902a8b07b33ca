"""A codename is no cover if a title, an organization, a phone number or a note beside it
names the person: a high-risk actor's quasi-identifiers are gated like the name itself.

The demo vault (five high-risk actors: a field commander, a political officer, a militia
commander, its quartermaster and a security-service liaison) gets a phone number and a home
address for two of them; then every screen is walked, every actor page with every tab, every
process page, every organization page, the log dialog and the search popup, with privacy
mode on and, outside privacy mode, with no name revealed. Neither time may any of their name
variants, titles with organizations, organizations only they belong to, notes, phone numbers
or addresses appear. Positive controls: the same walk finds other actors' affiliations
outside privacy mode, and a high-risk actor's details once the passphrase reveals them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.demo import create_demo_vault
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import actors, channels, organizations
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, Sensitivity
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window
from tests.gui.test_privacy_mode import names_on_screen

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # the FakeClock's start
PHONE = "mobile: +7 912 555 01 23"
ADDRESS = "home: 14 Tollgate Lane, upper Dry Valley"

Shown = tuple[MainWindow, AppContext, Vault]


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("quasi") / "demo"
    with create_demo_vault(path, PASSPHRASE, NOW, kdf=FAST_KDF) as vault:
        cast = {a.codename: a.id for a in actors.list_actors(vault, NOW, limit=1000)}
        channels.add_channel(vault, cast["GREY KEYHOLE"], NOW, kind=ChannelKind.PHONE, label=PHONE)
        channels.add_channel(
            vault, cast["CINDER TOLL"], NOW, kind=ChannelKind.IN_PERSON, label=ADDRESS
        )
    return path


@pytest.fixture
def shown(qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_path: Path) -> Iterator[Shown]:
    window, context, _settings = make_window(qtbot, tmp_path, clock)
    vault = Vault.unlock(demo_path, PASSPHRASE)
    context.open(vault, demo=True)
    yield window, context, vault
    context.lock()


def high_risk(vault: Vault) -> list[actors.ActorDetail]:
    return [
        actors.get_actor(vault, a.id, NOW)
        for a in actors.list_actors(vault, NOW, limit=1000)
        if a.sensitivity is Sensitivity.HIGH_RISK
    ]


def quasi_identifiers(vault: Vault) -> dict[str, str]:
    """Each high-risk actor's details that name them as surely as their name -> codename:
    name variants, "title, organization", organizations whose members are all high-risk,
    the first sentence of their notes, and the labels of their direct channels."""
    members: dict[str, set[Sensitivity]] = {}
    common_labels: set[str] = set()  # "Personal phone" names nobody
    shared_titles: set[str] = set()  # "Member, Banu Sahil" is also a shown actor's own title
    for summary in actors.list_actors(vault, NOW, limit=1000):
        for affiliation in actors.get_actor(vault, summary.id, NOW).affiliations:
            members.setdefault(affiliation.organization, set()).add(summary.sensitivity)
            if summary.sensitivity is not Sensitivity.HIGH_RISK:
                shared_titles.add(f"{affiliation.role}, {affiliation.organization}")
        if summary.sensitivity is not Sensitivity.HIGH_RISK:
            common_labels |= {c.label for c in channels.list_channels(vault, summary.id, NOW)}
    found: dict[str, str] = {}
    for actor in high_risk(vault):
        texts = [v.name for v in actor.name_variants]
        texts += [actor.notes.split(".")[0]]
        for affiliation in actor.affiliations:
            title = f"{affiliation.role}, {affiliation.organization}"
            if title not in shared_titles:
                texts.append(title)
            if members[affiliation.organization] == {Sensitivity.HIGH_RISK}:
                texts.append(affiliation.organization)
        texts += [
            c.label
            for c in channels.list_channels(vault, actor.id, NOW)
            if not c.indirect and c.label.strip() and c.label not in common_labels
        ]
        found.update({text.casefold(): actor.codename for text in texts if text.strip()})
    return found


def walk(qtbot: QtBot, window: MainWindow, vault: Vault, wanted: dict[str, str]) -> list[str]:
    """Every place on every screen, page, tab and popup that shows one of ``wanted``."""
    workspace = window.workspace
    hits: set[str] = set()
    for row in range(5):  # Today, Actors, Processes, Journal, Follow-ups
        workspace.show_section(row)
        hits.update(names_on_screen(wanted, workspace.current_view()))
    for actor in actors.list_actors(vault, NOW, limit=1000):
        workspace.show_actor(actor.id)
        page = workspace.actor_page
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
        hits.update(names_on_screen(wanted, page))
    for process in workspace.processes.model.rows:
        workspace.show_process(process.id)
        hits.update(names_on_screen(wanted, workspace.process_page))
    for organization in organizations.list_organizations(vault):
        workspace.show_organization(organization.id)
        page = workspace.organization_page
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
        # The organization's own name names no person (as in search).
        hits.update(names_on_screen(wanted, page, skip=[page.name_label, page.name_edit]))

    risky = [a.id for a in high_risk(vault)]
    window.open_log_dialog(risky)
    dialog = window.log_dialog
    assert dialog is not None
    combo = dialog.ui.channelCombo
    texts = [combo.itemText(i) for i in range(combo.count())]
    hits.update(names_on_screen(wanted, dialog))
    hits.update(
        f"{text!r} in the channel list"
        for text in texts
        if any(word in text.casefold() for word in wanted)
    )
    dialog.reject()

    workspace.show_section(0)
    search = workspace.search
    # Real names and words of their notes find them; the hits show codenames only. (An
    # organization found by its own name is shown: it names no person.)
    for query in ("Yusuf Barakat", "Bashir", "commander", "Kirill", "militia"):
        search.clear()
        qtbot.keyClicks(search, query)
        hits.update(names_on_screen(wanted, skip=[search]))
    search.clear()
    return sorted(hits)


def test_privacy_mode_shows_no_quasi_identifier_of_a_high_risk_actor(
    qtbot: QtBot, shown: Shown
) -> None:
    window, context, vault = shown
    wanted = quasi_identifiers(vault)
    assert "commander, dry valley guard" in wanted
    assert "coastal brigades" in wanted
    assert PHONE.casefold() in wanted
    assert ADDRESS.casefold() in wanted
    context.set_privacy(True)
    assert walk(qtbot, window, vault, wanted) == []
    # Like names, every actor's affiliation goes in privacy mode.
    window.workspace.show_section(1)
    model = window.workspace.actors.model
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Affiliation"
    )
    assert all(model.index(r, column).data() in ("", None) for r in range(model.rowCount()))


def test_outside_privacy_mode_a_high_risk_actors_details_stay_hidden_like_the_name(
    qtbot: QtBot, shown: Shown
) -> None:
    window, context, vault = shown
    assert not context.privacy
    wanted = quasi_identifiers(vault)
    assert walk(qtbot, window, vault, wanted) == []

    # The positive control: the same walk sees other actors' titles and organizations.
    window.workspace.show_section(1)
    assert names_on_screen(
        {"director, coastal women's forum": "AMBER WREN"}, window.workspace.actors
    )


def test_the_passphrase_reveals_the_details_with_the_name(shown: Shown) -> None:
    window, context, vault = shown
    bashir = next(a for a in high_risk(vault) if a.codename == "CINDER TOLL")
    window.workspace.show_section(1)
    list_view = window.workspace.actors
    assert not names_on_screen({"commander, dry valley guard": bashir.codename}, list_view)
    window.workspace.show_actor(bashir.id)
    page = window.workspace.actor_page
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
    assert not names_on_screen({"dry valley guard": bashir.codename}, page)

    context.reveal(bashir.id)
    assert page.name_label.text() == "Bashir Hamdan"
    assert names_on_screen({"dry valley guard": bashir.codename}, page)
    assert names_on_screen({ADDRESS.casefold(): bashir.codename}, page)
    assert page.notes.toPlainText() == bashir.notes
    window.workspace.show_section(1)
    assert names_on_screen({"commander, dry valley guard": bashir.codename}, list_view)
