"""The conflict map: conventions drawn, filters, privacy mode, dragged nodes keep their
place, and an export asks first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.network_map import EdgeItem, MapView
from contactkeeper.records import (
    actors,
    channels,
    interactions,
    network_map,
    organizations,
    processes,
    relationships,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.network_map import LineStyle
from contactkeeper.vault.model import (
    ChannelKind,
    InteractionKind,
    ParticipationRole,
    RelationshipKind,
    Sensitivity,
)
from tests.gui.window_helpers import show_active


def _web(context: AppContext) -> dict[str, int]:
    vault, now = context.vault, context.now()
    ids = {
        name: actors.create_actor(vault, NewActor(name, codename=code, **extra), now).id
        for name, code, extra in (
            ("Fr. Pavel", "GREY OWL", {"influence": 3}),
            ("Bishop Nikolai", "IRON BELL", {"influence": 5}),
            ("Dmitri Sokolov", "RED FOX", {"sensitivity": Sensitivity.HIGH_RISK}),
            ("Viktor Orlov", "BLUE PIKE", {}),
        )
    }
    channels.add_channel(vault, ids["Fr. Pavel"], now, kind=ChannelKind.PHONE)
    interactions.log_interaction(
        vault,
        occurred_at=now - timedelta(days=3),
        kind=InteractionKind.MEETING,
        participants=[ids["Fr. Pavel"]],
    )
    for a, b, kind, ended in (
        ("Fr. Pavel", "Bishop Nikolai", RelationshipKind.TRUSTS, None),
        ("Dmitri Sokolov", "Bishop Nikolai", RelationshipKind.REPORTS_TO, None),
        ("Dmitri Sokolov", "Viktor Orlov", RelationshipKind.RIVAL, None),
        ("Fr. Pavel", "Viktor Orlov", RelationshipKind.KNOWS, date(2020, 1, 1)),
    ):
        relationships.add_relationship(
            vault, ids[a], ids[b], kind, strength=4, confidence=4, ended_on=ended
        )
    church = organizations.create_organization(vault, "Holy Synod").id
    organizations.add_affiliation(vault, ids["Dmitri Sokolov"], church, role="adviser")
    organizations.add_affiliation(vault, ids["Bishop Nikolai"], church, role="member")
    talks = processes.create_process(vault, "Verenia talks").id
    ids["talks"] = talks
    for name in ("Bishop Nikolai", "Dmitri Sokolov"):
        processes.add_participant(vault, talks, ids[name], ParticipationRole.PARTY)
    return ids


def _map(context: AppContext, qtbot: QtBot) -> MapView:
    view = MapView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.reload()
    return view


def _labels(view: MapView) -> set[str]:
    return {item.text.text() for item in view.items.values()}


def _styles(view: MapView) -> dict[str, LineStyle]:
    return {
        item.edge.label: item.edge.style
        for item in view.scene.items()
        if isinstance(item, EdgeItem)
    }


def test_the_map_draws_you_the_actors_and_the_ties_by_their_conventions(
    context: AppContext, qtbot: QtBot
) -> None:
    _web(context)
    view = _map(context, qtbot)
    # Dmitri is high-risk: his codename; his membership is left off while it is hidden.
    assert _labels(view) == {
        "you",
        "Fr. Pavel",
        "Bishop Nikolai",
        "RED FOX",
        "Viktor Orlov",
        "Holy Synod",
    }
    styles = _styles(view)
    assert styles["trusts"] is LineStyle.PLAIN
    assert styles["reports to"] is LineStyle.ARROW
    assert styles["rival"] is LineStyle.ZIGZAG
    assert styles["knows (ended)"] is LineStyle.CROSSED
    assert styles["your channel"] is LineStyle.PLAIN
    members = [
        i for i in view.scene.items() if isinstance(i, EdgeItem) and i.edge.label == "member"
    ]
    assert len(members) == 1  # the bishop's; not the high-risk actor's
    assert "direction of influence" in view.legend.text()
    # Influence sizes the circles.
    bishop = next(i for i in view.items.values() if i.text.text() == "Bishop Nikolai")
    pavel = next(i for i in view.items.values() if i.text.text() == "Fr. Pavel")
    assert bishop.rect().width() > pavel.rect().width()


def test_filters_narrow_the_map(context: AppContext, qtbot: QtBot) -> None:
    ids = _web(context)
    view = _map(context, qtbot)
    view.process_combo.setCurrentIndex(view.process_combo.findData(ids["talks"]))
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.process_combo.activated.emit(view.process_combo.currentIndex())
    assert _labels(view) == {"Bishop Nikolai", "RED FOX", "Holy Synod"}
    view.process_combo.setCurrentIndex(0)
    view.process_id = None
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(RelationshipKind.RIVAL))
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.kind_combo.activated.emit(view.kind_combo.currentIndex())
    assert set(_styles(view)) <= {"rival", "your channel", "member"}
    view.kind_combo.setCurrentIndex(0)
    view.sensitivity_combo.setCurrentIndex(view.sensitivity_combo.findData(Sensitivity.HIGH_RISK))
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.sensitivity_combo.activated.emit(view.sensitivity_combo.currentIndex())
    assert _labels(view) == {"RED FOX"}


def test_privacy_mode_shows_codenames_and_no_organizations(
    context: AppContext, qtbot: QtBot
) -> None:
    _web(context)
    view = _map(context, qtbot)
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        context.set_privacy(True)
    assert _labels(view) == {"you", "GREY OWL", "IRON BELL", "RED FOX", "BLUE PIKE"}
    view.search.setText("iron")
    view.focus_found()
    selected = view.scene.selectedItems()
    assert [i.text.text() for i in selected] == ["IRON BELL"]  # type: ignore[attr-defined]
    assert "IRON BELL" in view.card.text()
    assert "Bishop" not in view.card.text()


def test_a_dragged_node_keeps_its_place(context: AppContext, qtbot: QtBot) -> None:
    _web(context)
    view = _map(context, qtbot)
    pavel = next(i for i in view.items.values() if i.text.text() == "Fr. Pavel")
    view.canvas.centerOn(pavel)
    start = view.canvas.mapFromScene(pavel.pos())
    before = QPointF(pavel.pos())
    qtbot.mousePress(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    end = start + type(start)(60, 40)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        view.canvas.viewport().mapToGlobal(QPointF(end)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.canvas.viewport(), move)
    qtbot.mouseRelease(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    moved = QPointF(pavel.pos())
    assert moved != before
    kept = network_map.kept_positions(context.vault, "all")
    key = pavel.node.key
    assert kept[key] == (round(moved.x(), 1), round(moved.y(), 1))
    # Drawn again (another view, the next session): the node is where it was put.
    other = _map(context, qtbot)
    again = other.items[key].pos()
    assert (round(again.x(), 1), round(again.y(), 1)) == kept[key]


def test_an_export_asks_first_and_writes_png_and_svg(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    _web(context)
    view = _map(context, qtbot)
    asked: list[str] = []
    view.confirm = lambda _parent, _title, text: asked.append(text) or False  # type: ignore[assignment]
    view.choose_file = lambda: str(tmp_path / "map.png")
    assert view.export() is None
    assert asked
    assert "not encrypted" in asked[0]
    assert not (tmp_path / "map.png").exists()
    view.confirm = lambda *_args: True  # type: ignore[assignment]
    assert view.export() == tmp_path / "map.png"
    assert (tmp_path / "map.png").read_bytes()[:4] == b"\x89PNG"
    view.choose_file = lambda: str(tmp_path / "map.svg")
    assert view.export() == tmp_path / "map.svg"
    assert "<svg" in (tmp_path / "map.svg").read_text(encoding="utf-8")


def test_a_process_page_has_the_map_of_its_participants(context: AppContext, qtbot: QtBot) -> None:
    from contactkeeper.gui.views.process_page import ProcessPage

    ids = _web(context)
    page = ProcessPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    show_active(qtbot, page)
    page.show_process(ids["talks"])
    with qtbot.waitSignal(page.map.laid_out, timeout=10_000):
        page.tabs.setCurrentWidget(page.map)
    assert _labels(page.map) == {"Bishop Nikolai", "RED FOX", "Holy Synod"}
    assert not page.map.process_combo.isVisible()


def test_names_are_left_off_while_too_small_to_read_and_come_back_on_zooming_in(
    context: AppContext, qtbot: QtBot
) -> None:
    _web(context)
    view = _map(context, qtbot)
    names = [item.text for item in view.items.values()]
    view.canvas.resetTransform()
    view.canvas.zoom(1.0)
    assert all(name.isVisible() for name in names)
    view.canvas.zoom(0.2)  # a whole large map on screen: names a few pixels high
    assert not any(name.isVisible() for name in names)
    view.canvas.zoom(5.0)
    assert all(name.isVisible() for name in names)
