"""The conflict map: the web of actors, organizations and ties, drawn as practitioners draw
conflict maps (Fisher et al., *Working with Conflict*).

You sit on the map; circles are actors, sized by influence and coloured by your warmth with
them; rounded boxes are organizations. Lines follow ``records.network_map.CONVENTIONS``
(plain: close link, double: alliance, dotted: informal, arrow: direction of influence,
zig-zag: discord, crossed: broken connection), and the legend says so on screen.

Filters (process, side, kind of relationship, warmth, sensitivity) and a search that
focuses a node; the wheel zooms, dragging the background pans, "Fit" shows everything. A
click shows a node's card, a double-click opens the actor's (or organization's) page. Nodes
dragged by hand keep their place: positions are saved in the vault per view (the whole web,
or one process). The map is read and laid out off the UI thread
(``operations.run_in_background``) and drawn :data:`DRAW_BATCH` items per turn of the event
loop, so that the window never stalls while a large map appears. A small map is an item per
node and per line; from :data:`LARGE_MAP_FROM` nodes and lines on, the map is one item
(``widgets.map_items.MapLayer``), which paints thousands of nodes and lines in a few calls
and finds a node by its position (Qt's first paint of 8,000 items stalled the window).

Names follow the context's rule: in privacy mode everyone goes by codename and
organizations (quasi-identifiers) are left off; a high-risk actor's memberships are left
off while their name is hidden. Exports (PNG, SVG) are not encrypted and ask first.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QImage,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyleOptionGraphicsItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.ways_in import WaysInDialog
from contactkeeper.gui.operations import Operation, run_in_background
from contactkeeper.gui.presentation import Confirm, ask, error_label, show_error
from contactkeeper.gui.record_words import word
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.widgets.map_items import (
    LABELS_FROM_SCALE,
    MapLayer,
    line_path,
    line_pen,
    node_colour,
    radius,
)
from contactkeeper.records import network, network_map, processes
from contactkeeper.records.network_map import (
    CONVENTIONS,
    YOU,
    MapData,
    MapEdge,
    MapFilter,
    MapNode,
)
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import RelationshipKind, Sensitivity

SHOWS = frozenset(
    {
        Kind.ACTOR,
        Kind.RELATIONSHIP,
        Kind.CHANNEL,
        Kind.ORGANIZATION,
        Kind.AFFILIATION,
        Kind.PROCESS,
        Kind.PARTICIPANT,
    }
)
CARD_NAMES = 6  # people named on a broker's card, at most
DRAW_BATCH = 150  # items made per turn of the event loop while a map is drawn
BATCH_SECONDS = 0.008  # and for at most this long a turn
LARGE_MAP_FROM = 1500  # nodes and lines from which a map is drawn as one item (MapLayer)
EXPORT_WARNING = i18n.N_(
    "The exported map is not encrypted: anyone who gets the file sees the names and ties on "
    "it. (In privacy mode it shows codenames only.) Export it anyway?"
)
# The lines' samples are isolated left to right (&#x2066;…&#x2069;): the map is not mirrored
# in a right-to-left language, so neither is the arrow that shows the direction of influence.
LEGEND = i18n.N_(
    "<b>Legend</b> &nbsp; ● you &nbsp; ○ actor (size: influence; colour: your warmth — "
    "<span style='color:#d9822b'>warm</span>, <span style='color:#c9b458'>cooling</span>, "
    "<span style='color:#5b84b1'>cold</span>) &nbsp; ▢ organization<br>"
    "&#x2066;———&#x2069; close link &nbsp; &#x2066;═══&#x2069; alliance &nbsp; "
    "&#x2066;┈┈┈&#x2069; informal or intermittent &nbsp; "
    "&#x2066;——▶&#x2069; direction of influence &nbsp; "
    "<span style='color:#b03a2e'>&#x2066;∿∿∿&#x2069;</span> discord "
    "&nbsp; &#x2066;—✕—&#x2069; broken connection (ended)"
)


class NodeItem(QGraphicsEllipseItem):
    """One node: a circle (you, an actor) or a rounded box (an organization), its name
    below. Movable; tells the view when it moved."""

    def __init__(self, view: MapView, node: MapNode, label: str) -> None:
        r = radius(node)
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.view = view
        self.node = node
        self.edges: list[EdgeItem] = []
        self.moved = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)
        colour = node_colour(node)
        self.setBrush(QBrush(colour))
        self.setPen(QPen(colour.darker(150), 1.5))
        # A node's name, hidden while the map is zoomed out too far to read it (thousands
        # of unreadable names would only slow the drawing; MapCanvas.zoomed shows them).
        self.text = QGraphicsSimpleTextItem(label, self)
        self.text.setVisible(view.canvas.names_readable)
        self.text.setBrush(QBrush(QColor("#202020")))
        width = self.text.boundingRect().width()
        self.text.setPos(-width / 2, r + 2)
        self.setToolTip(label)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None
    ) -> None:
        if self.node.kind == "organization":
            painter.setPen(self.pen())
            painter.setBrush(self.brush())
            painter.drawRoundedRect(self.rect(), 4, 4)
            if self.isSelected():
                painter.setPen(QPen(QColor("#1f6feb"), 2.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(self.rect(), 4, 4)
            return
        super().paint(painter, option, widget)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.adjust()
            if self.view.dragging:
                self.moved = True
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged and value:
            self.view.show_card(self.node)
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.view.dragging = True
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.view.dragging = False
        self.view.keep_moved()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.view.open_node(self.node)


class EdgeItem(QGraphicsPathItem):
    """One link, drawn by its conventional style (not cached: a long line's cache would
    be a picture the size of the map)."""

    def __init__(self, edge: MapEdge, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self.setZValue(1)
        self.setPen(line_pen(edge))
        self.setToolTip(edge.label)
        source.edges.append(self)
        target.edges.append(self)
        self.adjust()

    def adjust(self) -> None:
        a, b = self.source.pos(), self.target.pos()
        self.setPath(line_path(self.edge.style, a, b, radius(self.target.node)))


class MapCanvas(QGraphicsView):
    """The scene, with wheel zoom and drag to pan."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setAccessibleName(i18n._("Conflict map"))
        self._names_shown = True  # the nodes' names are visible (see zoomed)

    def viewportEvent(self, event: QEvent) -> bool:
        """A large map's tooltip names the node or line under the pointer (its one item
        has no tooltip of its own)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            layer = self.itemAt(event.pos())
            if isinstance(layer, MapLayer):
                tip = layer.tip_at(self.mapToScene(event.pos()))
                if tip:
                    QToolTip.showText(event.globalPos(), tip, self.viewport())
                else:
                    QToolTip.hideText()
                return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)
        self.zoomed()

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if not rect.isEmpty():
            self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomed()

    @property
    def names_readable(self) -> bool:
        """Whether the nodes' names are large enough on screen to be read."""
        return self.transform().m11() >= LABELS_FROM_SCALE

    def zoomed(self) -> None:
        """Show the nodes' names once they can be read, hide them when they cannot."""
        readable = self.names_readable
        if readable == self._names_shown:
            return
        self._names_shown = readable
        for item in self.scene().items():
            if isinstance(item, NodeItem):
                item.text.setVisible(readable)


class MapView(QWidget):
    """The map, its filters, legend and card. ``process_id`` fixes it to one process (the
    tab of a process page); without it, the process is a filter."""

    laid_out = Signal()  # the map was drawn (tests and screenshots wait for it)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, fixed_process: bool = False
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.fixed_process = fixed_process
        self.process_id: int | None = None
        self.data: MapData | None = None
        self.items: dict[str, NodeItem] = {}  # a small map's nodes
        self.layer: MapLayer | None = None  # a large map (see widgets.map_items)
        self.large_from = LARGE_MAP_FROM
        self.dragging = False
        self.operation: Operation | None = None
        self._pending = False
        self._drawing = 0  # which drawing is under way (a newer one stops an older)
        self.confirm: Confirm = ask
        self.choose_file: Callable[[], str] = self._choose_file
        self._build()
        self.refresh = Refresh(self, context, self.reload, SHOWS)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self.reload)
        # The status shown when the map has been read formats its count of nodes: the first
        # number formatted loads Babel's data (50 to 300 ms, the interpreter's lock held
        # while its modules are compiled), paid here, as the view is made, rather than in
        # the turn that hands the map over (or, in a thread, in the middle of the read).
        i18n.prepare_numbers()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_filters()
        self._build_canvas()
        self._lay_out()
        self._connect()

    def _build_filters(self) -> None:
        """The filter combos, the find field and the Fit, Rearrange and Export buttons."""
        self.process_combo = QComboBox()
        self.process_combo.setAccessibleName(i18n._("Process"))
        self.side_combo = QComboBox()
        self.side_combo.setAccessibleName(i18n._("Side"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(i18n._("Kind of relationship"))
        self.kind_combo.addItem(i18n._("Every tie"), None)
        for kind in RelationshipKind:
            # Translators: a kind of tie and how the map draws it: "knows (informal … link)".
            text = i18n._("{kind} ({line})").format(kind=word(kind), line=word(CONVENTIONS[kind]))
            self.kind_combo.addItem(text, kind)
        self.warmth_combo = QComboBox()
        self.warmth_combo.setAccessibleName(i18n._("Warmth"))
        self.warmth_combo.addItem(i18n._("Any warmth"), None)
        for warmth in Warmth:
            self.warmth_combo.addItem(word(warmth), warmth)
        self.sensitivity_combo = QComboBox()
        self.sensitivity_combo.setAccessibleName(i18n._("Sensitivity"))
        self.sensitivity_combo.addItem(i18n._("Any sensitivity"), None)
        for sensitivity in Sensitivity:
            self.sensitivity_combo.addItem(word(sensitivity), sensitivity)
        self.search = QLineEdit()
        self.search.setPlaceholderText(i18n._("Find on the map…"))
        self.search.setAccessibleName(i18n._("Find a node on the map"))
        self.search.setClearButtonEnabled(True)
        self.fit_button = QPushButton(i18n._("&Fit"))
        self.fit_button.setToolTip(i18n._("Show the whole map"))
        self.relayout_button = QPushButton(i18n._("Re&arrange"))
        self.relayout_button.setToolTip(
            i18n._("Forget the places you gave nodes and lay out again")
        )
        self.export_button = QPushButton(i18n._("&Export…"))
        self.export_button.setToolTip(
            i18n._("Save the map as a PNG or SVG picture (not encrypted)")
        )
        self.ways_button = QPushButton(i18n._("&Ways in…"))
        self.ways_button.setToolTip(i18n._("Which relationships count as a way in, and which way"))
        for button in (self.fit_button, self.relayout_button, self.export_button, self.ways_button):
            button.setAutoDefault(False)

    def _build_canvas(self) -> None:
        """The scene and its canvas, the legend, the selected node's card and the status."""
        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.canvas = MapCanvas(self.scene)
        self.legend = QLabel(i18n._(LEGEND))
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(i18n._("Legend"))
        self.card = QLabel()
        self.card.setWordWrap(True)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.card.setAccessibleName(i18n._("Selected node"))
        self.card.setMinimumWidth(180)
        self.status = QLabel()
        self.status.setAccessibleName(i18n._("Map status"))
        self.message = error_label()

    def _lay_out(self) -> None:
        # Two rows, and combos as narrow as a few letters allow: the map fits a 1024-pixel
        # screen beside the process page's participants.
        for combo in (
            self.process_combo,
            self.side_combo,
            self.kind_combo,
            self.warmth_combo,
            self.sensitivity_combo,
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        filters = QVBoxLayout()
        chosen = QHBoxLayout()
        for combo in (
            self.process_combo,
            self.side_combo,
            self.kind_combo,
            self.warmth_combo,
            self.sensitivity_combo,
        ):
            chosen.addWidget(combo, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.search, 1)
        actions.addWidget(self.fit_button)
        actions.addWidget(self.relayout_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.ways_button)
        filters.addLayout(chosen)
        filters.addLayout(actions)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.canvas)
        body.addWidget(self.card)
        body.setStretchFactor(0, 4)
        body.setSizes([800, 200])
        layout = QVBoxLayout(self)
        if not self.fixed_process:
            title = QLabel(i18n._("Map"))
            title.setObjectName("viewTitle")
            layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(body, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        self.process_combo.setVisible(not self.fixed_process)

    def _connect(self) -> None:
        self.process_combo.activated.connect(lambda _i: self._process_chosen())
        for combo in (
            self.side_combo,
            self.kind_combo,
            self.warmth_combo,
            self.sensitivity_combo,
        ):
            combo.activated.connect(lambda _i: self.reload())
        self.search.returnPressed.connect(self.focus_found)
        self.fit_button.clicked.connect(self.canvas.fit)
        self.relayout_button.clicked.connect(self.rearrange)
        self.export_button.clicked.connect(self.export)
        self.ways_button.clicked.connect(self.choose_ways_in)

    # -- filters ------------------------------------------------------------------------

    def show_process(self, process_id: int | None) -> None:
        self.process_id = process_id
        self._fill_sides()
        self.reload()

    def _fill_processes(self) -> None:
        current = self.process_combo.currentData()
        self.process_combo.clear()
        self.process_combo.addItem(i18n._("Every process"), None)
        for process_id, name in processes.process_names(self.context.vault):
            self.process_combo.addItem(name, process_id)
        index = self.process_combo.findData(current)
        self.process_combo.setCurrentIndex(max(index, 0))

    def _process_chosen(self) -> None:
        self.process_id = self.process_combo.currentData()
        self._fill_sides()
        self.reload()

    def _fill_sides(self) -> None:
        self.side_combo.clear()
        self.side_combo.addItem(i18n._("Every side"), None)
        if self.process_id is not None and self.context.unlocked:
            try:
                info = processes.get_process(self.context.vault, self.process_id)
            except ContactKeeperError:
                info = None
            for side in info.sides if info is not None else ():
                self.side_combo.addItem(side.name, side.id)
        self.side_combo.setVisible(self.side_combo.count() > 1)

    def ensure_loaded(self) -> None:
        """Drawn on first showing (not on every unlock)."""
        if self.data is None and self.context.unlocked and self.operation is None:
            self.reload()

    def current_filter(self) -> MapFilter:
        kind = self.kind_combo.currentData()
        return MapFilter(
            process_id=self.process_id,
            side_id=self.side_combo.currentData(),
            kinds=None if kind is None else frozenset({kind}),
            warmth=self.warmth_combo.currentData(),
            sensitivity=self.sensitivity_combo.currentData(),
            organizations=not self.context.privacy,
        )

    # -- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the map and lay it out off the UI thread, then draw it a batch at a time."""
        if not self.context.unlocked:
            self.clear()
            return
        self.refresh.fresh()
        if not self.fixed_process:
            self._fill_processes()
        if self.operation is not None:
            self._pending = True  # read again once the running work is done
            return
        self._drawing += 1  # a drawing still under way stops
        vault, now, chosen = self.context.vault, self.context.now(), self.current_filter()
        self.status.setText(i18n._("Reading the map…"))

        def read() -> MapData:
            return network_map.map_data(vault, now, chosen)

        self.operation = run_in_background(self, read, self._read, self._failed)

    def _read(self, data: MapData) -> None:
        self.operation = None
        if self._pending:
            self._pending = False
            self.reload()
            return
        if not self.context.unlocked:
            return
        show_error(self.message, "")
        self.status.setText(_laying_out(len(data.nodes)))
        # What privacy hides is left off in the background too (2,000 nodes and 4,000 lines
        # are too many to sift on the UI thread), by the rule as it stands now.
        hidden, privacy = self.context.names_hidden_now(), self.context.privacy

        def lay_out() -> tuple[MapData, dict[str, tuple[float, float]]]:
            shown = private(data, hidden, privacy)
            return shown, network_map.layout(shown)

        self.operation = run_in_background(self, lay_out, self._laid_out, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.operation = None
        self._pending = False
        show_error(self.message, getattr(exc, "message", i18n._("The map could not be drawn.")))

    def _laid_out(self, result: tuple[MapData, dict[str, tuple[float, float]]]) -> None:
        self.operation = None
        if self._pending:
            self._pending = False
            self.reload()
            return
        if not self.context.unlocked:
            return
        data, positions = result
        self.draw(data, positions, batch=DRAW_BATCH)

    def draw(
        self,
        data: MapData,
        positions: dict[str, tuple[float, float]],
        *,
        batch: int | None = None,
    ) -> None:
        """Put ``data`` on the canvas at ``positions``; ``laid_out`` is emitted when done.

        With ``batch``, the items are made that many at a time (or for :data:`BATCH_SECONDS`),
        one batch per turn of the event loop, so that a map of thousands of nodes never
        stalls the window; a new reload stops a drawing under way."""
        self._drawing += 1
        token = self._drawing
        self.data = data
        self.scene.clear()
        self.items = {}
        self.layer = None
        large = len(data.nodes) + len(data.edges) >= self.large_from
        steps = self._layer(data, positions) if large else self._items(data, positions)
        self.canvas.viewport().setUpdatesEnabled(False)  # one paint at the end, not one a batch

        def next_batch() -> None:
            if token != self._drawing:
                return
            until = time.perf_counter() + BATCH_SECONDS
            for _ in itertools.repeat(None, batch) if batch else itertools.count():
                if next(steps, None) is None:
                    self._drawn(data)
                    return
                if batch and time.perf_counter() > until:
                    break
            QTimer.singleShot(0, self, next_batch)

        next_batch()

    def _items(self, data: MapData, positions: dict[str, tuple[float, float]]) -> Iterator[bool]:
        """Make the map's items one by one (yielding after each)."""
        for node in data.nodes:
            item = NodeItem(self, node, self.label(node))
            x, y = positions.get(node.key, (0.0, 0.0))
            item.setPos(x, y)
            self.scene.addItem(item)
            self.items[node.key] = item
            yield True
        for edge in data.edges:
            source, target = self.items.get(edge.source), self.items.get(edge.target)
            if source is not None and target is not None:
                self.scene.addItem(EdgeItem(edge, source, target))
                yield True

    def _layer(self, data: MapData, positions: dict[str, tuple[float, float]]) -> Iterator[bool]:
        """Make a large map's one item, a node or line at a time (yielding after each),
        and put it on the scene once complete."""
        layer = MapLayer(self.show_card, self.open_node, self.keep_moved)
        for node in data.nodes:
            x, y = positions.get(node.key, (0.0, 0.0))
            layer.add_node(node, self.label(node), x, y)
            yield True
        for edge in data.edges:
            if layer.add_line(edge):
                yield True
        for _ in layer.joining():
            yield True
        self.layer = layer
        self.scene.addItem(layer)

    def _drawn(self, data: MapData) -> None:
        self.canvas.viewport().setUpdatesEnabled(True)
        for item in self.items.values():
            item.moved = False
        if self.layer is not None:
            self.layer.forget_moved()
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-200, -200, 200, 200))
        self.canvas.fit()
        actors_shown = sum(1 for n in data.nodes if n.kind == "actor")
        self.status.setText(
            _counted(actors_shown, len(data.edges))
            if data.nodes
            else i18n._(
                "Nothing to map: add actors and their relationships, or loosen the filters."
            )
        )
        self.laid_out.emit()

    def label(self, node: MapNode) -> str:
        if node.kind == "you":
            return i18n.pgettext("map", "you")
        if node.kind == "organization":
            return node.display_name
        return self.context.shown_name(
            node.record_id, node.display_name, node.codename, node.sensitivity
        )

    def clear(self) -> None:
        self._drawing += 1
        self.canvas.viewport().setUpdatesEnabled(True)
        self.data = None
        self.items = {}
        self.layer = None
        self.scene.clear()
        self.card.clear()
        self.status.clear()
        self.process_combo.clear()
        self.search.clear()
        show_error(self.message, "")

    # -- acting ---------------------------------------------------------------------------

    def show_card(self, node: MapNode) -> None:
        name = self.label(node)
        if node.kind == "you":
            self.card.setText(i18n._("<b>you</b><br>Lines from you lead to whom you reach first."))
            return
        if node.kind == "organization":
            self.card.setText(
                _in_direction(self.card)
                + i18n._("<b>{name}</b><br>organization<br><i>Double-click to open.</i>").format(
                    name=_html(i18n.isolate(name))
                )
            )
            return
        lines = [f"{_in_direction(self.card)}<b>{_html(i18n.isolate(name))}</b>"]
        if name != node.codename:
            lines.append(i18n._("codename {codename}").format(codename=_html(node.codename)))
        lines.append(
            i18n._("warmth: {warmth}").format(warmth=word(node.warmth))
            if node.warmth
            else i18n._("never contacted")
        )
        lines.append(
            # Translators: an actor's influence on a scale of 1 to 5: "influence: 4/5".
            i18n._("influence: {n}/5").format(n=i18n.number(node.influence))
            if node.influence
            else i18n._("influence not judged")
        )
        lines.append(
            i18n._("sensitivity: {sensitivity}").format(sensitivity=word(node.sensitivity))
        )
        lines.extend(self._carries(node))
        lines.append(i18n._("<i>Double-click to open.</i>"))
        self.card.setText("<br>".join(lines))

    def _carries(self, node: MapNode) -> list[str]:
        """Whom you reach only through this actor (a broker), as the card's last line."""
        if not self.context.unlocked:
            return []
        try:
            reached = network.reached_through(
                self.context.vault, node.record_id, self.context.now(), name=self.context.shown_name
            )
        except ContactKeeperError:
            return []
        if not reached:
            return []
        separator = i18n.pgettext("list separator", ", ")
        names = separator.join(_html(i18n.isolate(name)) for _, name in reached[:CARD_NAMES])
        more = len(reached) - CARD_NAMES
        if more > 0:
            # Translators: whom you reach only through this actor (a broker), and how many more.
            text = i18n.ngettext(
                "<b>only through them:</b> {names} and {n} more",
                "<b>only through them:</b> {names} and {n} more",
                more,
            )
            return [text.format(names=names, n=i18n.number(more))]
        return [i18n._("<b>only through them:</b> {names}").format(names=names)]

    def open_node(self, node: MapNode) -> None:
        if node.kind == "actor":
            self.context.open_actor.emit(node.record_id)
        elif node.kind == "organization":
            self.context.open_organization.emit(node.record_id)

    def choose_ways_in(self) -> WaysInDialog | None:
        if not self.context.unlocked:
            return None
        dialog = WaysInDialog(self.context, self)
        dialog.open()
        return dialog

    def focus_found(self) -> None:
        """Select and centre the first node whose shown name contains the search text."""
        wanted = self.search.text().strip().casefold()
        if not wanted:
            return
        if self.layer is not None:
            nodes = {key: spot.node for key, spot in self.layer.spots.items()}
        else:
            nodes = {key: item.node for key, item in self.items.items()}
        for key, node in nodes.items():
            if wanted in self.label(node).casefold():
                self._focus(key)
                self.status.setText(
                    i18n._("Found {name}").format(name=i18n.isolate(self.label(node)))
                )
                return
        self.status.setText(i18n._("Nobody on the map by that name."))

    def _focus(self, key: str) -> None:
        """Select the node ``key`` (its card shows) and bring it to the middle."""
        if self.layer is not None:
            self.layer.select(key)
            self.canvas.centerOn(self.layer.position(key))
            return
        item = self.items[key]
        self.scene.clearSelection()
        item.setSelected(True)
        self.canvas.centerOn(item)

    def keep_moved(self) -> None:
        """Save where the user put the nodes they dragged."""
        moved = {key: (i.pos().x(), i.pos().y()) for key, i in self.items.items() if i.moved}
        if self.layer is not None:
            moved.update(self.layer.moved())
        if not moved or not self.context.unlocked:
            return
        try:
            with self.context.writing(self):
                network_map.save_positions(
                    self.context.vault, self.current_filter().view_key(), moved
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        for key in moved:
            if key in self.items:
                self.items[key].moved = False
        if self.layer is not None:
            self.layer.forget_moved(moved)

    def rearrange(self) -> None:
        if not self.context.unlocked:
            return
        with self.context.writing(self):
            network_map.forget_positions(self.context.vault, self.current_filter().view_key())
        self.reload()

    def export(self) -> Path | None:
        """Save the map as PNG or SVG (by the file's extension), after the warning."""
        drawn = bool(self.items) or self.layer is not None
        if not drawn or not self.confirm(self, i18n._("Export the map"), i18n._(EXPORT_WARNING)):
            return None
        chosen = self.choose_file()
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        rect = self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        if path.suffix.lower() == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(QSize(int(rect.width()), int(rect.height())))
            generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            generator.setTitle(i18n._("Conflict map"))
            painter = QPainter(generator)
            self.scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
            painter.end()
        else:
            scale = min(1.0, 8000 / max(rect.width(), rect.height(), 1))
            image = QImage(
                int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32
            )
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.scene.render(painter, QRectF(image.rect()), rect)
            painter.end()
            if not image.save(str(path)):
                show_error(
                    self.message,
                    i18n._("The map could not be saved to {path}.").format(
                        path=i18n.isolate(str(path))
                    ),
                )
                return None
        self.context.status.emit(
            i18n._("Map exported to {path} (not encrypted).").format(path=i18n.isolate(str(path)))
        )
        return path

    def _choose_file(self) -> str:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            i18n._("Export the map"),
            "conflict-map.png",
            # Translators: the kinds of file offered; keep "(*.png)", "(*.svg)" and ";;".
            i18n._("PNG picture (*.png);;SVG drawing (*.svg)"),
        )
        return chosen


def _in_direction(widget: QWidget) -> str:
    """A mark that sets a card's direction to the widget's (mirrored in a right-to-left
    language): otherwise the name on its first line, in the Latin or the Arabic script, would
    decide the direction and alignment of the whole card."""
    right_to_left = widget.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return "\u200f" if right_to_left else "\u200e"  # right-to-left or left-to-right mark


def _laying_out(nodes: int) -> str:
    return i18n.ngettext("Laying out {n} node…", "Laying out {n} nodes…", nodes).format(
        n=i18n.number(nodes)
    )


def _counted(actors: int, links: int) -> str:
    """What the map shows, in the status line: "12 actors, 30 links"."""
    shown = i18n.ngettext("{n} actor", "{n} actors", actors).format(n=i18n.number(actors))
    lines = i18n.ngettext("{n} link", "{n} links", links).format(n=i18n.number(links))
    # Translators: "12 actors, 30 links": how many actors and links the map shows.
    return i18n._("{actors}, {links}").format(actors=shown, links=lines)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["YOU", "MapView", "line_path"]


def private(data: MapData, hidden: Callable[[int, Sensitivity], bool], privacy: bool) -> MapData:
    """Leave off what the privacy rule hides: the memberships of an actor whose name is
    hidden (an organization names a person as surely), and organizations left with no
    member shown. ``hidden`` is :meth:`AppContext.names_hidden_now`."""
    hidden_keys = {
        node.key
        for node in data.nodes
        if node.kind == "actor" and hidden(node.record_id, node.sensitivity)
    }
    edges = tuple(
        e
        for e in data.edges
        if not (e.target.startswith("o") and (e.source in hidden_keys or privacy))
    )
    linked = {e.target for e in edges} | {e.source for e in edges}
    nodes = tuple(n for n in data.nodes if n.kind != "organization" or n.key in linked)
    return replace(data, nodes=nodes, edges=edges)
