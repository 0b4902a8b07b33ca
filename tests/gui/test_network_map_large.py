"""A large conflict map (thousands of nodes and lines) is drawn as one item: what a user
does on it works as on a small map. A click on a node where it is drawn shows its card and
rings it, a double-click opens the actor, a drag moves the node and its lines and the
place is kept, a press on the background pans, the tooltip names the node or line under the
pointer, search focuses a node, privacy mode shows codenames, and the export has the map."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.network_map import DRAW_BATCH, EdgeItem, MapView, NodeItem
from contactkeeper.gui.widgets.map_items import SELECTED_COLOUR, MapLayer
from contactkeeper.records import network_map
from contactkeeper.records.network_map import LineStyle, MapData, MapEdge, MapNode, actor_key
from contactkeeper.records.warmth import Warmth
from tests.gui.shown_text import visible as seen
from tests.gui.test_network_map import _web
from tests.gui.window_helpers import show_active

SIDE = 45  # a grid of 45 x 45 places, 80 units apart: 2,000 nodes that do not overlap
STYLES = list(LineStyle)


def _generated(count: int = 2_000) -> tuple[MapData, dict[str, tuple[float, float]]]:
    """A web of ``count`` actors on a grid, each tied to its right and lower neighbours
    (about 4,000 lines), in every line style and warmth."""
    warmths = list(Warmth)
    nodes = tuple(
        MapNode(
            actor_key(i),
            "actor",
            i,
            f"Actor {i}",
            codename=f"CODE {i}",
            influence=1 + i % 5,
            warmth=warmths[i % len(warmths)],
        )
        for i in range(1, count + 1)
    )
    positions = {
        node.key: (80.0 * ((i - 1) % SIDE), 80.0 * ((i - 1) // SIDE))
        for i, node in enumerate(nodes, 1)
    }
    edges = []
    for i in range(1, count + 1):
        for j in (i + 1, i + SIDE):
            if j <= count and (j != i + 1 or i % SIDE):
                style = STYLES[(i + (0 if j == i + 1 else 3)) % len(STYLES)]
                edges.append(MapEdge(actor_key(i), actor_key(j), style, f"tie {i}-{j}"))
    return MapData(nodes, tuple(edges), 0), positions


def _view(context: AppContext, qtbot: QtBot) -> MapView:
    view = MapView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    show_active(qtbot, view)
    return view


def _draw_generated(view: MapView, qtbot: QtBot) -> dict[str, tuple[float, float]]:
    data, positions = _generated()
    with qtbot.waitSignal(view.laid_out, timeout=30_000):
        view.draw(data, positions, batch=DRAW_BATCH)
    return positions


def _at(view: MapView, key: str) -> QPoint:
    """Where the node ``key`` is drawn in the canvas's viewport."""
    assert view.layer is not None
    return view.canvas.mapFromScene(view.layer.position(key))


def _blue_near(view: MapView, at: QPoint, reach: int = 36) -> int:
    """How many pixels of the selection's blue are drawn around ``at``."""
    image: QImage = view.canvas.viewport().grab().toImage()
    wanted = SELECTED_COLOUR.rgb()
    return sum(
        1
        for x in range(at.x() - reach, at.x() + reach + 1)
        for y in range(at.y() - reach, at.y() + reach + 1)
        if image.valid(x, y) and QColor(image.pixel(x, y)).rgb() == wanted
    )


def _drag(view: MapView, qtbot: QtBot, start: QPoint, end: QPoint) -> None:
    viewport = view.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        viewport.mapToGlobal(QPointF(end)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_a_map_of_2000_nodes_is_one_item_and_a_click_on_a_node_shows_its_card(
    context: AppContext, qtbot: QtBot
) -> None:
    view = _view(context, qtbot)
    _draw_generated(view, qtbot)
    assert isinstance(view.layer, MapLayer)
    assert len(view.scene.items()) == 1  # not 8,000 items
    assert "2,000 actors" in seen(view.status.text())
    view.canvas.resetTransform()  # zoomed in as a user would to pick one node
    key = actor_key(1234)
    view.canvas.centerOn(view.layer.position(key))
    qtbot.wait(1)
    at = _at(view, key)
    assert _blue_near(view, at) == 0
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert "<b>Actor 1234</b>" in seen(view.card.text())
    assert "influence: 5/5" in seen(view.card.text())
    qtbot.wait(1)
    assert _blue_near(view, at) > 20  # ringed
    # The neighbour to its right, drawn 80 units away, is another node.
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=_at(view, "a1235"))
    assert "<b>Actor 1235</b>" in seen(view.card.text())
    assert _blue_near(view, at) == 0


def test_a_double_click_on_a_node_of_a_large_map_opens_the_actor(
    context: AppContext, qtbot: QtBot
) -> None:
    view = _view(context, qtbot)
    _draw_generated(view, qtbot)
    view.canvas.resetTransform()
    view.canvas.centerOn(view.layer.position("a77"))  # type: ignore[union-attr]
    at = _at(view, "a77")
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
        qtbot.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert opened.args == [77]


def test_a_node_dragged_on_a_large_map_keeps_its_place_and_its_lines_follow(
    context: AppContext, qtbot: QtBot
) -> None:
    view = _view(context, qtbot)
    positions = _draw_generated(view, qtbot)
    layer = view.layer
    assert layer is not None
    view.canvas.resetTransform()
    key = actor_key(500)
    view.canvas.centerOn(layer.position(key))
    start = _at(view, key)
    end = start + QPoint(30, 20)
    _drag(view, qtbot, start, end)
    moved = layer.position(key)
    assert (moved.x(), moved.y()) == (positions[key][0] + 30, positions[key][1] + 20)
    assert layer.node_at(view.canvas.mapToScene(end)) == layer.spots[key].node
    assert layer.node_at(QPointF(*positions[key])) is None  # nothing left where it was
    # A line to it now ends where it is: the tooltip finds the line halfway to its new place.
    left = layer.position(actor_key(499))
    halfway = QPointF((left.x() + moved.x()) / 2, (left.y() + moved.y()) / 2)
    assert layer.tip_at(halfway) == "tie 499-500"
    kept = network_map.kept_positions(context.vault, view.current_filter().view_key())
    assert kept == {key: (round(moved.x(), 1), round(moved.y(), 1))}


def test_a_press_on_the_background_of_a_large_map_pans_it(
    context: AppContext, qtbot: QtBot
) -> None:
    view = _view(context, qtbot)
    _draw_generated(view, qtbot)
    view.canvas.resetTransform()
    layer = view.layer
    assert layer is not None
    centre = layer.position("a1000")
    view.canvas.centerOn(centre.x() + 40, centre.y() + 40)  # between four nodes
    start = view.canvas.viewport().rect().center()
    assert layer.node_at(view.canvas.mapToScene(start)) is None
    scrolled = view.canvas.horizontalScrollBar().value()
    _drag(view, qtbot, start, start + QPoint(-100, 0))
    assert view.canvas.horizontalScrollBar().value() == scrolled + 100
    assert layer.moved() == {}


def test_the_tooltip_of_a_large_map_names_the_node_or_the_line(
    context: AppContext, qtbot: QtBot
) -> None:
    view = _view(context, qtbot)
    _draw_generated(view, qtbot)
    view.canvas.resetTransform()
    layer = view.layer
    assert layer is not None
    view.canvas.centerOn(layer.position("a10"))
    viewport = view.canvas.viewport()

    def tip(at: QPoint) -> str:
        QToolTip.hideText()
        event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
        QApplication.sendEvent(viewport, event)
        return QToolTip.text() if QToolTip.isVisible() else ""

    assert tip(_at(view, "a10")) == "Actor 10"
    halfway = (_at(view, "a10") + _at(view, "a11")) / 2
    assert tip(halfway) == "tie 10-11"


def test_find_on_a_large_map_rings_and_centres_the_node(context: AppContext, qtbot: QtBot) -> None:
    view = _view(context, qtbot)
    _draw_generated(view, qtbot)
    view.canvas.resetTransform()  # zoomed in: the node found is brought into the middle
    view.search.setText("actor 1012")
    view.focus_found()
    assert seen(view.status.text()) == "Found Actor 1012"
    assert "<b>Actor 1012</b>" in seen(view.card.text())
    at = _at(view, "a1012")
    assert (at - view.canvas.viewport().rect().center()).manhattanLength() <= 2
    qtbot.wait(1)
    assert _blue_near(view, at) > 0


def test_the_web_drawn_as_a_large_map_keeps_privacy_and_exports(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """The threshold is lowered so that the small web of the map tests takes the large
    map's way: names (and codenames in privacy mode), the dragged place kept across
    views, and the export."""
    ids = _web(context)
    view = _view(context, qtbot)
    view.large_from = 1
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.reload()
    layer = view.layer
    assert layer is not None
    assert not any(isinstance(i, NodeItem | EdgeItem) for i in view.scene.items())
    assert {s.label for s in layer.spots.values()} == {
        "you",
        "Fr. Pavel",
        "Bishop Nikolai",
        "RED FOX",
        "Viktor Orlov",
        "Holy Synod",
    }
    pavel = actor_key(ids["Fr. Pavel"])
    start = _at(view, pavel)
    _drag(view, qtbot, start, start + QPoint(50, 30))
    placed = layer.position(pavel)
    other = MapView(context)
    qtbot.addWidget(other)
    other.large_from = 1
    with qtbot.waitSignal(other.laid_out, timeout=10_000):
        other.reload()
    assert other.layer is not None
    again = other.layer.position(pavel)
    assert (round(again.x(), 1), round(again.y(), 1)) == (
        round(placed.x(), 1),
        round(placed.y(), 1),
    )
    view.confirm = lambda *_args: True  # type: ignore[assignment]
    view.choose_file = lambda: str(tmp_path / "map.svg")
    assert view.export() == tmp_path / "map.svg"
    assert "Bishop Nikolai" in (tmp_path / "map.svg").read_text(encoding="utf-8")
    view.choose_file = lambda: str(tmp_path / "map.png")
    assert view.export() == tmp_path / "map.png"
    image = QImage(str(tmp_path / "map.png"))
    assert any(
        QColor(image.pixel(x, y)) != QColor("white")
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        context.set_privacy(True)
    assert view.layer is not None
    assert {s.label for s in view.layer.spots.values()} == {
        "you",
        "GREY OWL",
        "IRON BELL",
        "RED FOX",
        "BLUE PIKE",
    }
    view.search.setText("iron")
    view.focus_found()
    assert "IRON BELL" in seen(view.card.text())
    assert "Bishop" not in view.card.text()
    view.choose_file = lambda: str(tmp_path / "private.svg")
    assert view.export() == tmp_path / "private.svg"
    drawn = (tmp_path / "private.svg").read_text(encoding="utf-8")
    assert "IRON BELL" in drawn
    assert "Bishop" not in drawn


def test_an_export_of_a_large_map_has_every_name(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """On screen, names are left off while thousands of nodes are in sight (piled on each
    other); the exported drawing, which can be zoomed, has them all."""
    view = _view(context, qtbot)
    _draw_generated(view, qtbot)
    view.confirm = lambda *_args: True  # type: ignore[assignment]
    view.choose_file = lambda: str(tmp_path / "map.svg")
    assert view.export() == tmp_path / "map.svg"
    drawn = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert all(f">Actor {i}<" in drawn for i in (1, 1000, 2000))
