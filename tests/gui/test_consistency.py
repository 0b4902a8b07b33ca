"""The program reads the same way everywhere: one short and one long date form (from the
locale), real plurals, the program's name once in the title, every view starting afresh
in each vault, empty lists that say so in a line, scales in words, plain words for a cue's
direction, and the full path of the vault being unlocked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QTableView
from pytestqt.qtbot import QtBot

from contactkeeper import APP_NAME, i18n
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs import records as record_dialogs
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.main_window import FOLLOW_UPS_SECTION, MainWindow
from contactkeeper.gui.presentation import date_format, date_time_format
from contactkeeper.gui.views.followups import DONE
from contactkeeper.records import actors, followups, processes
from contactkeeper.records.actors import ActorFilter, NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ProcessPhase, Track
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window, settings_in

Opened = tuple[MainWindow, AppContext]


@pytest.fixture
def us_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[QLocale]:
    """The program run by someone whose desktop is in American English."""
    before = QLocale()
    monkeypatch.setenv(i18n.ENVIRONMENT, "en_US")
    i18n.set_language()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield QLocale()
    QLocale.setDefault(before)
    monkeypatch.undo()
    i18n.set_language()


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault) -> Opened:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    return window, context


# -- dates -------------------------------------------------------------------------------

# The American short form, with the full year, and its short time: "Jun 1, 2026, 9:00 AM".
SHORT_US = re.compile(r"^[A-Z][a-z]{2} \d{1,2}, \d{4}(, \d{1,2}:\d{2}\W?[AP]M)?$")
LONG_US = re.compile(r"^[A-Z][a-z]+ \d{1,2}, \d{4}$")
DATE_COLUMNS = {"When", "Due", "Latest", "Observed", "Last contact", "Since", "Until"}


def _date_cells(table: QTableView) -> list[str]:
    model: QAbstractItemModel = table.model()
    cells = []
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal) not in DATE_COLUMNS:
            continue
        for row in range(model.rowCount()):
            text = model.index(row, column).data()
            if text and text not in ("now", "never") and "ago" not in text:
                cells.append(text)
    return cells


def _every_table(window: MainWindow, context: AppContext) -> Iterator[QTableView]:
    workspace = window.workspace
    for row in range(5):
        window.show_section(row)
    layla = actors.list_actors(context.vault, context.now(), filters=ActorFilter(text="layla"))[
        0
    ].id
    context.open_actor.emit(layla)
    context.open_process.emit(processes.list_processes(context.vault)[0].id)
    yield from workspace.findChildren(QTableView)


def test_every_date_reads_in_the_locale_s_one_short_form(
    us_locale: QLocale, opened: Opened
) -> None:
    window, context = opened
    seen = []
    for table in _every_table(window, context):
        for text in _date_cells(table):
            seen.append(text)
            assert SHORT_US.match(text), (table.accessibleName(), text)
    assert len(seen) > 100
    facts = window.workspace.actor_page.facts_label.text()
    last = facts.split("last contact ")[1].split(" · ")[0]
    assert SHORT_US.match(last), facts
    # Interactions found by the search field too.
    search = window.workspace.search
    search.setText("liturgy")
    search.search_for("liturgy")
    popup = search.popup
    assert popup is not None
    hits = [popup.item(i).text() for i in range(popup.count())]
    days = [hit.split(" · ")[0] for hit in hits if "Interaction" in hit]
    assert days
    assert all(SHORT_US.match(day) for day in days), days


def test_the_day_on_today_reads_in_the_locale_s_long_form(
    us_locale: QLocale, opened: Opened
) -> None:
    window, _ = opened
    heading = window.workspace.today.heading.text()
    assert heading.startswith("Today · ")
    assert LONG_US.match(heading.removeprefix("Today · ")), heading


def test_date_editors_take_dates_in_the_same_short_form(
    us_locale: QLocale, opened: Opened, qtbot: QtBot
) -> None:
    window, context = opened
    assert date_format() == "M/d/yyyy"
    journal = window.workspace.journal
    layla = actors.list_actors(context.vault, context.now(), filters=ActorFilter(text="la"))[0]
    dialogs = [
        LogDialog(context, window, [layla.id]),
        record_dialogs.AffiliationDialog(context, layla.id, window),
        record_dialogs.FollowUpDialog(context, layla.id, window),
        record_dialogs.CueDialog(context, processes.list_processes(context.vault)[0].id, window),
    ]
    editors = [journal.since, journal.until]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        editors += dialog.findChildren(QDateEdit)
    assert len(editors) >= 7
    for editor in editors:
        wanted = date_time_format() if editor.displayFormat().endswith("AP") else date_format()
        assert editor.displayFormat() == wanted, editor.accessibleName()


# -- plurals -----------------------------------------------------------------------------


def test_counts_agree_with_their_nouns(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    from contactkeeper.gui.views.followups import FollowUpsView
    from contactkeeper.gui.views.journal import JournalView
    from contactkeeper.gui.views.processes import ProcessesView
    from contactkeeper.records import interactions
    from contactkeeper.vault.model import InteractionKind

    vault, now = context.vault, context.now()
    amal = actors.create_actor(vault, NewActor("Amal Haddad"), now).id
    followups.create_follow_up(vault, NewFollowUp("Send the agenda", now.date(), actor_id=amal))
    interactions.log_interaction(
        vault, occurred_at=now, kind=InteractionKind.CALL, participants=[amal]
    )
    process = processes.create_process(vault, "Harbour talks", Track.TWO, ProcessPhase.EXPLORATORY)
    processes.add_participant(vault, process.id, amal, processes.ParticipationRole.PARTY)
    views = [FollowUpsView(context), JournalView(context), ProcessesView(context)]
    for view in views:
        qtbot.addWidget(view)
    follow_ups, journal, process_list = views
    assert follow_ups.count_label.text() == "1 follow-up"
    assert journal.count_label.text() == "1 interaction"
    process_list.reload()
    assert process_list.model.index(0, 3).data() == "1 participant"


# -- the window's title ------------------------------------------------------------------


def _as_the_desktop_shows(title: str) -> str:
    """Qt adds the application's display name after a window's title, unless the title
    already ends with it (QPlatformWindow::formatWindowTitle)."""
    return title if title.endswith(APP_NAME) else f"{title} — {APP_NAME}"


def test_the_title_names_the_program_once(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    assert _as_the_desktop_shows(window.windowTitle()) == APP_NAME
    demo = tmp_path / "demo-copy"
    Vault.create(demo, PASSPHRASE, kdf=FAST_KDF).close()
    context.open(Vault.unlock(demo, PASSPHRASE), demo=True)
    shown = _as_the_desktop_shows(window.windowTitle())
    assert "DEMO" in shown
    assert shown.count(APP_NAME) == 1


# -- a new vault, a fresh view -----------------------------------------------------------


def test_no_filter_carries_over_into_another_vault(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    workspace = window.workspace
    follow_ups, journal, actor_list = workspace.follow_ups, workspace.journal, workspace.actors
    follow_ups.filter.setCurrentIndex(follow_ups.filter.findData(DONE))
    journal.kind.setCurrentIndex(2)
    journal.register.setCurrentIndex(1)
    journal.since.setDate(journal.since.date().addYears(125))
    journal.text.setText("liturgy")
    for combo in (actor_list.warmth_combo, actor_list.sensitivity_combo, actor_list.status_combo):
        combo.setCurrentIndex(1)
    context.lock()

    other = make_other_vault(tmp_path, clock)
    context.open(other)
    assert follow_ups.filter.currentText() == "Open"
    assert journal.kind.currentIndex() == 0
    assert journal.register.currentIndex() == 0
    assert journal.since.day() is None
    assert journal.text.text() == ""
    for combo in (actor_list.warmth_combo, actor_list.sensitivity_combo, actor_list.status_combo):
        assert combo.currentIndex() == 0, combo.accessibleName()
    workspace.show_section(FOLLOW_UPS_SECTION)  # the list loads when first shown
    assert follow_ups.count_label.text() == "1 follow-up"


def make_other_vault(tmp_path: Path, clock: FakeClock) -> Vault:
    """Another vault: one actor and one follow-up."""
    vault = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    amal = actors.create_actor(vault, NewActor("Amal Haddad"), clock()).id
    followups.create_follow_up(vault, NewFollowUp("Send the agenda", clock().date(), actor_id=amal))
    return vault


# -- empty lists on Today ----------------------------------------------------------------


def test_empty_lists_on_today_say_so_in_a_line_under_their_heading(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    actors.create_actor(vault, NewActor("Amal Haddad", cadence_days=30), clock())
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(vault)
    today = window.workspace.today
    qtbot.waitUntil(today.going_cold.table.isVisible)
    for section in (today.follow_ups, today.moves, today.cues):
        assert section.placeholder.isVisible(), section.title
        gap = section.placeholder.geometry().top() - section.heading.geometry().bottom()
        assert 0 <= gap <= 12, (section.title, gap)
    # A list of one is as tall as its row, and the next heading follows it closely.
    table = today.going_cold.table
    assert table.height() <= 3 * table.verticalHeader().defaultSectionSize() + 40
    gap = today.brokers.heading.geometry().top() - table.geometry().bottom()
    assert gap <= 16
    gap = today.cues.heading.geometry().top() - today.moves.placeholder.geometry().bottom()
    assert gap <= 16


# -- forms -------------------------------------------------------------------------------


def test_an_affiliation_s_start_is_optional_and_empty_at_first(
    qtbot: QtBot, context: AppContext
) -> None:
    amal = actors.create_actor(context.vault, NewActor("Amal Haddad"), context.now()).id
    dialog = record_dialogs.AffiliationDialog(context, amal, None)
    qtbot.addWidget(dialog)
    assert dialog.started.day() is None
    assert dialog.started.text() == "not known"
    # Its calendar opens on this month, not on the earliest date it could hold.
    dialog.show()
    started = dialog.started
    qtbot.mouseClick(
        started, Qt.MouseButton.LeftButton, pos=QPoint(started.width() - 8, started.height() // 2)
    )
    calendar = started.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    this_month = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (this_month.year(), this_month.month())
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert started.day() is None
    dialog.organization.setEditText("Ministry of Ports")
    dialog._save()
    detail = actors.get_actor(context.vault, amal, context.now())
    assert [a.started_on for a in detail.affiliations] == [None]


def _choices(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_trust_and_strength_are_chosen_by_words(qtbot: QtBot, context: AppContext) -> None:
    amal = actors.create_actor(context.vault, NewActor("Amal Haddad"), context.now()).id
    channel = record_dialogs.ChannelDialog(context, amal, None)
    tie = record_dialogs.RelationshipDialog(context, amal, None)
    log = LogDialog(context, None, [amal])
    for dialog in (channel, tie, log):
        qtbot.addWidget(dialog)
    assert _choices(channel.trust) == ["1 · none", "2 · little", "3 · some", "4 · good", "5 · full"]
    assert channel.trust.currentText() == "3 · some"
    assert _choices(tie.strength)[0] == "1 · very weak"
    assert _choices(tie.strength)[-1] == "5 · very strong"
    assert _choices(log.ui.cueStrengthCombo) == _choices(tie.strength)
    assert all(" · " in text for text in _choices(tie.confidence))


def test_a_cue_s_direction_is_said_plainly(qtbot: QtBot, context: AppContext) -> None:
    amal = actors.create_actor(context.vault, NewActor("Amal Haddad"), context.now()).id
    process = processes.create_process(
        context.vault, "Harbour talks", Track.TWO, ProcessPhase.EXPLORATORY
    )
    log = LogDialog(context, None, [amal])
    cue = record_dialogs.CueDialog(context, process.id, None)
    for dialog in (log, cue):
        qtbot.addWidget(dialog)
    for kinds, directions in (
        (log.ui.cueKindCombo, log.ui.cueDirectionCombo),
        (cue.kind, cue.direction),
    ):
        assert not any("Its usual" in text for text in _choices(directions))
        seen = set()
        for index in range(kinds.count()):
            kinds.setCurrentIndex(index)
            first = directions.itemText(0)
            assert re.fullmatch(r"As usual for this signal: (toward|away from) readiness", first)
            seen.add(first)
        assert len(seen) == 2  # some kinds point toward readiness, some away


# -- the lock screen ---------------------------------------------------------------------


def test_the_lock_screen_shows_the_vault_s_full_path_elided_to_fit(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / ("a folder with a long name to show that it is cut " * 2) / "vault"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    settings = settings_in(tmp_path)
    settings.remember_vault(folder)
    window, _, _ = make_window(qtbot, tmp_path, clock, settings=settings)
    label: QLabel = window.start.unlock_page.ui.vaultLabel
    qtbot.waitUntil(label.isVisible)
    text = label.text()
    assert text.startswith(f"Vault: {str(tmp_path)[:8]}")
    assert "…" in text
    assert text.endswith("/vault")
    assert label.fontMetrics().horizontalAdvance(text) <= label.width()
    assert label.toolTip() == str(folder)
