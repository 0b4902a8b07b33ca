"""The warmth badge: a coloured pill with the word, in tables and on pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QColor

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.actors import WARMTH_COLUMN, ActorsView
from contactkeeper.gui.widgets.warmth_badge import COLOURS, WarmthBadge, describe
from contactkeeper.records import actors, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.records.warmth import reading
from contactkeeper.vault.model import InteractionKind


def test_the_actors_table_paints_each_warmth_in_its_colour(qtbot, context: AppContext) -> None:
    amal = actors.create_actor(context.vault, NewActor("Amal Haddad"), context.now()).id
    actors.create_actor(context.vault, NewActor("Boris Antonov"), context.now())
    interactions.log_interaction(
        context.vault,
        occurred_at=context.now() - timedelta(days=1),
        kind=InteractionKind.MEETING,
        participants=[amal],
    )
    view = ActorsView(context)
    qtbot.addWidget(view)
    view.resize(1100, 400)
    view.show()
    qtbot.waitExposed(view)
    view.reload()
    picture = view.table.viewport().grab().toImage()
    for row, warmth in ((0, "warm"), (1, "cold")):
        assert view.model.index(row, WARMTH_COLUMN).data() == warmth
        cell = view.table.visualRect(view.model.index(row, WARMTH_COLUMN))
        inside_pill = picture.pixelColor(cell.x() + 12, cell.center().y())
        assert inside_pill.name() == QColor(COLOURS[warmth][0]).name()


def test_the_badge_widget_says_the_warmth_in_words(qtbot) -> None:
    badge = WarmthBadge()
    qtbot.addWidget(badge)
    now = datetime(2026, 6, 1, tzinfo=UTC)
    cooling = reading(30, now - timedelta(days=40), now - timedelta(days=40), now)
    badge.show_reading(cooling)
    assert badge.text() == "cooling"
    assert badge.toolTip() == describe(cooling) == "cooling: 40 d ago, 10 d overdue"
    assert badge.accessibleName() == "Warmth cooling: 40 d ago, 10 d overdue"
    badge.show_reading(None)
    assert badge.text() == ""
    assert badge.isHidden()
