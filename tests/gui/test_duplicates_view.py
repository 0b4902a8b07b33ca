"""The "Possible duplicates" view: worked out off the UI thread, each pair with its
evidence, a double-click opening either actor, codenames in privacy mode."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.duplicates import LOOKING, NONE_FOUND, DuplicatesView
from contactkeeper.records import actors, organizations, spellings
from tests.gui.window_helpers import double_click


def _add(context: AppContext, name: str, *variants: str) -> int:
    return actors.create_actor(
        context.vault, actors.NewActor(name, name_variants=variants), context.now()
    ).id


def _rows(view: DuplicatesView) -> list[list[str]]:
    model = view.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _shown(qtbot: QtBot, context: AppContext) -> DuplicatesView:
    view = DuplicatesView(context)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.loaded)
    return view


def test_an_actor_entered_twice_in_two_scripts_is_listed_with_the_evidence(
    qtbot: QtBot, context: AppContext
) -> None:
    latin = _add(context, "Muhammad Abbas")
    arabic = _add(context, "محمد عباس")
    _add(context, "Hussein Abbas")
    council = organizations.create_organization(context.vault, "Harbour Council")
    for someone in (latin, arabic):
        organizations.add_affiliation(context.vault, someone, council.id)
    view = DuplicatesView(context)
    qtbot.addWidget(view)
    view.show()
    assert view.status.text() == LOOKING  # worked out in the background, said meanwhile
    qtbot.waitUntil(lambda: view.loaded)

    ((first, second, names, shared, alike),) = _rows(view)
    assert (first, second) == ("Muhammad Abbas", "محمد عباس")
    assert "muhammad" in names
    assert shared == "Harbour Council"
    assert 0 < int(alike) <= 100
    assert view.status.text().startswith("1 possible duplicate")
    assert not view.progress.isVisible()


def test_a_double_click_opens_the_actor_of_the_column_clicked(
    qtbot: QtBot, context: AppContext
) -> None:
    omar = _add(context, "Omar Farouk")
    umar = _add(context, "Umar Faruq")
    view = _shown(qtbot, context)

    for column, expected in ((0, omar), (1, umar), (2, omar)):
        with qtbot.waitSignal(context.open_actor) as opened:
            double_click(qtbot, view.table, view.model.index(0, column))
        assert opened.args == [expected]


def test_privacy_mode_shows_codenames_and_no_evidence(qtbot: QtBot, context: AppContext) -> None:
    _add(context, "Yitzhak Levi")
    _add(context, "יצחק לוי")
    view = _shown(qtbot, context)
    assert "Yitzhak Levi" in _rows(view)[0]

    context.set_privacy(True)
    qtbot.waitUntil(lambda: view.loaded and view.operation is None)

    codenames = {a.codename for a in actors.list_actors(context.vault, context.now())}
    ((first, second, names, shared, _),) = _rows(view)
    assert {first, second} == codenames
    assert (names, shared) == ("", "")


def test_a_new_spelling_is_found_after_it_is_saved_and_locking_clears_the_list(
    qtbot: QtBot, context: AppContext
) -> None:
    _add(context, "Sergei Ivanov")
    view = _shown(qtbot, context)
    assert view.status.text() == NONE_FOUND

    with context.writing(None):
        actors.create_actor(context.vault, actors.NewActor("Сергей Иванов"), context.now())
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)

    context.lock()
    assert view.model.rowCount() == 0
    assert view.status.text() == ""
    # No name is kept in memory for the duplicate checks once the vault is locked.
    assert spellings.prepared.cache_info().currsize == 0
    assert spellings.judged.cache_info().currsize == 0
