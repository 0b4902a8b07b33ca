"""How the conflict map draws its nodes and lines, and the one item that draws a large map.

A small map is a scene of items, one per node and one per line (``gui.views.network_map``),
and Qt does the rest (hit-testing, dragging, selection). That does not scale: on a web of
2,000 nodes and 4,000 lines (some 8,000 items, names included), Qt's first paint, each item
drawn and cached on its own and the scene's index built, blocked the event loop for 100 to
150 ms, and later paints for 45 to 65 ms. So a large map is ONE item, :class:`MapLayer`,
whose ``paint`` draws everything in a few calls:

- zoomed out (below :data:`SMOOTH_FROM_SCALE`), the lines of each pen as one path, one
  pixel wide and not antialiased (they are narrower than a pixel there anyway); zoomed in,
  only the lines in sight, as straight segments at their own width, antialiased;
- the nodes in sight as stamps: each look (colour, shape, size) drawn once per zoom into a
  small picture, copied where each node is (an export draws them in vectors);
- the names only from :data:`LABELS_FROM_SCALE` on and while at most
  :data:`LABELS_AT_MOST` nodes are in sight (more would be piled on each other,
  unreadable), each laid out once; the selected node's name always; an export, every name.

Hit-testing is by position: a grid of :data:`CELL`-sized cells lists the nodes over it, so
that a click, a double-click, a drag or a tooltip finds its node in a few comparisons. The
layer does what the small map's items do: a click selects a node (the view shows its card)
and rings it; a double-click opens it; a dragged node's lines follow it and the view keeps
its place; a press on the background is left to the view, which pans; the tooltip (asked
by the view's canvas, :meth:`MapLayer.tip_at`) names the node or line under the pointer.

Both ways share what a node and a line look like: :func:`radius`, :func:`node_colour`,
:func:`line_pen`, :func:`line_path` and the colours below.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from contactkeeper.records.network_map import LineStyle, MapEdge, MapNode
from contactkeeper.records.warmth import Warmth

WARMTH_COLOURS = {
    Warmth.WARM: QColor("#d9822b"),
    Warmth.COOLING: QColor("#c9b458"),
    Warmth.COLD: QColor("#5b84b1"),
}
YOU_COLOUR = QColor("#2d2d2d")
ORGANIZATION_COLOUR = QColor("#8a8a8a")
LINE_COLOUR = QColor("#555555")
DISCORD_COLOUR = QColor("#b03a2e")
NAME_COLOUR = QColor("#202020")
SELECTED_COLOUR = QColor("#1f6feb")
LABELS_FROM_SCALE = 0.45  # names are drawn from this zoom on (smaller text is unreadable)
SMOOTH_FROM_SCALE = 1.0  # a large map's lines are antialiased from this zoom on
CELL = 64.0  # the side of a cell of the grid that finds a node by position
NEAR_LINE = 4.0  # how near a line (in scene units) the pointer names it
LABELS_AT_MOST = 400  # names are drawn while at most this many nodes are in sight
STAMP_MARGIN = 2.0  # pixels around a node's stamp, for its outline
NAME_REACH = 150.0  # how far a name may reach left and right of its node, in scene units


def radius(node: MapNode) -> float:
    """A node's radius in scene units: an actor's grows with their influence."""
    if node.kind == "you":
        return 16.0
    if node.kind == "organization":
        return 14.0
    return 9.0 + 4.0 * (node.influence or 1)


def node_colour(node: MapNode) -> QColor:
    """You in black, an organization in grey, an actor in the colour of your warmth."""
    if node.kind == "you":
        return YOU_COLOUR
    if node.kind == "organization":
        return ORGANIZATION_COLOUR
    return WARMTH_COLOURS.get(node.warmth or Warmth.COLD, ORGANIZATION_COLOUR)


def line_pen(edge: MapEdge) -> QPen:
    """The pen of a line: red for discord, dotted when informal, wider when stronger."""
    colour = DISCORD_COLOUR if edge.style is LineStyle.ZIGZAG else LINE_COLOUR
    pen = QPen(colour, 0.8 + 0.3 * edge.strength)
    if edge.style is LineStyle.DOTTED:
        pen.setStyle(Qt.PenStyle.DotLine)
    return pen


def line_path(style: LineStyle, a: QPointF, b: QPointF, target_radius: float) -> QPainterPath:
    """The path of a link from ``a`` to ``b`` in one of the conventional styles."""
    path = QPainterPath()
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    if length < 1:
        return path
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux  # the normal
    if style is LineStyle.DOUBLE:
        for side in (-2.5, 2.5):
            path.moveTo(a.x() + nx * side, a.y() + ny * side)
            path.lineTo(b.x() + nx * side, b.y() + ny * side)
        return path
    if style is LineStyle.ZIGZAG:
        steps = max(2, int(length / 10))
        path.moveTo(a)
        for i in range(1, steps):
            t = i / steps
            side = 4.0 if i % 2 else -4.0
            path.lineTo(a.x() + dx * t + nx * side, a.y() + dy * t + ny * side)
        path.lineTo(b)
        return path
    path.moveTo(a)
    path.lineTo(b)
    if style is LineStyle.ARROW:
        tip = QPointF(b.x() - ux * target_radius, b.y() - uy * target_radius)
        back = QPointF(tip.x() - ux * 10, tip.y() - uy * 10)
        head = QPolygonF(
            [
                tip,
                QPointF(back.x() + nx * 5, back.y() + ny * 5),
                QPointF(back.x() - nx * 5, back.y() - ny * 5),
                tip,
            ]
        )
        path.addPolygon(head)
    elif style is LineStyle.CROSSED:
        mid = QPointF(a.x() + dx / 2, a.y() + dy / 2)
        for sx, sy in ((1, 1), (1, -1)):
            ox = (ux * sx + nx * sy) * 6
            oy = (uy * sx + ny * sy) * 6
            path.moveTo(mid.x() - ox, mid.y() - oy)
            path.lineTo(mid.x() + ox, mid.y() + oy)
    return path


@dataclass(eq=False)
class _Spot:
    """A node of the layer: where it is, how it is drawn (its look: an index into the
    layer's pens and brushes), its name laid out once, and its lines."""

    node: MapNode
    label: str
    x: float
    y: float
    r: float
    rank: int  # its place in the drawing order
    look: int
    lines: list[int] = field(default_factory=list)
    moved: bool = False
    _text: QStaticText | None = None

    @property
    def bounds(self) -> QRectF:
        return QRectF(self.x - self.r, self.y - self.r, 2 * self.r, 2 * self.r)

    def name(self) -> tuple[QPointF, QStaticText]:
        """Its name, laid out the first time it is drawn, and where: centred below."""
        if self._text is None:
            self._text = QStaticText(self.label)
            self._text.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        width = self._text.size().width()
        return QPointF(self.x - width / 2, self.y + self.r + 2), self._text


@dataclass(eq=False)
class _Line:
    """A line of the layer: its conventional path (:func:`line_path`) as straight
    segments, kept as plain numbers (x1, y1, x2, y2, ...).

    Plain numbers, because a map keeps thousands of lines: a Qt object per segment (some
    14,000 on the reference map) made the garbage collector scan the whole program while
    the map was being made, 20 ms and more in one turn of the event loop."""

    edge: MapEdge
    source: _Spot
    target: _Spot
    pen: int  # index into the layer's pens
    coordinates: tuple[float, ...] = ()
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom

    def __post_init__(self) -> None:
        self.follow()

    def follow(self) -> None:
        """Draw it again between its nodes where they are now."""
        ax, ay, bx, by = self.source.x, self.source.y, self.target.x, self.target.y
        path = line_path(self.edge.style, QPointF(ax, ay), QPointF(bx, by), self.target.r)
        self.coordinates = segments(path)
        m = 12.0  # the farthest a line's drawing strays from its ends (a cross, a head)
        self.box = (min(ax, bx) - m, min(ay, by) - m, max(ax, bx) + m, max(ay, by) + m)

    def pieces(self) -> Iterator[QLineF]:
        c = self.coordinates
        return (QLineF(c[i], c[i + 1], c[i + 2], c[i + 3]) for i in range(0, len(c), 4))


def segments(path: QPainterPath) -> tuple[float, ...]:
    """The straight pieces of a path made of moves and lines (as :func:`line_path`'s), as
    x1, y1, x2, y2 of each in turn."""
    found: list[float] = []
    x = y = 0.0
    for index in range(path.elementCount()):
        element = path.elementAt(index)
        if element.isLineTo():
            found.extend((x, y, element.x, element.y))
        x, y = element.x, element.y
    return tuple(found)


class MapLayer(QGraphicsItem):
    """A whole large map as one item (see the module's docstring). Nodes and lines are
    added one at a time (:meth:`add_node`, :meth:`add_line`) so that a view can make the
    layer a batch per turn of the event loop; it is drawn once added to a scene."""

    def __init__(
        self,
        selected: Callable[[MapNode], None],
        opened: Callable[[MapNode], None],
        dropped: Callable[[], None],
    ) -> None:
        super().__init__()
        self._selected_callback = selected
        self._opened = opened
        self._dropped = dropped
        self.spots: dict[str, _Spot] = {}
        self._order: list[_Spot] = []  # drawing order: a later node lies over an earlier
        self._lines: list[_Line] = []
        self._pens: list[QPen] = []
        self._thin: list[QPen] = []  # the same pens one pixel wide, for zoomed out
        self._looks: list[tuple[QPen, QBrush]] = []
        self._look_index: dict[tuple[str, int], int] = {}
        self._pen_index: dict[tuple[LineStyle, int], int] = {}
        self._joined: list[QPainterPath] = []  # each pen's lines, joined again when stale
        self._stale: set[int] = set()
        self._grid: dict[tuple[int, int], list[_Spot]] = {}
        self._stamps: dict[tuple[int, float], QPixmap] = {}  # see _stamp_nodes
        self._stamps_scale = (0.0, 0.0)
        self._bounds = QRectF()
        self.selected: _Spot | None = None
        self._dragging: _Spot | None = None
        self._grab = QPointF()
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    # -- making it ----------------------------------------------------------------------

    def add_node(self, node: MapNode, label: str, x: float, y: float) -> None:
        colour = node_colour(node)
        look = self._look_index.get((node.kind, colour.rgb()))
        if look is None:
            look = self._look_index[(node.kind, colour.rgb())] = len(self._looks)
            self._looks.append((QPen(colour.darker(150), 1.5), QBrush(colour)))
        spot = _Spot(node, label, x, y, radius(node), len(self._order), look)
        self.spots[node.key] = spot
        self._order.append(spot)
        self._place(spot)
        self._grow(spot)

    def add_line(self, edge: MapEdge) -> bool:
        """Add a line between two nodes already added; False when one of them is not."""
        source, target = self.spots.get(edge.source), self.spots.get(edge.target)
        if source is None or target is None:
            return False
        pen = self._pen_for(edge)
        line = _Line(edge, source, target, pen)
        source.lines.append(len(self._lines))
        target.lines.append(len(self._lines))
        self._lines.append(line)
        self._stale.add(pen)
        return True

    def _pen_for(self, edge: MapEdge) -> int:
        key = (edge.style, edge.strength)
        index = self._pen_index.get(key)
        if index is None:
            index = self._pen_index[key] = len(self._pens)
            pen = line_pen(edge)
            thin = QPen(pen)
            thin.setCosmetic(True)
            thin.setWidthF(1.0)
            self._pens.append(pen)
            self._thin.append(thin)
            self._joined.append(QPainterPath())
        return index

    def _grow(self, spot: _Spot) -> None:
        """Widen the bounds to take in ``spot`` and its name (room below it)."""
        box = spot.bounds.adjusted(-NAME_REACH, -4, NAME_REACH, 24)
        if self._bounds.contains(box):
            return
        self.prepareGeometryChange()
        self._bounds = box if self._bounds.isNull() else self._bounds.united(box)

    # -- the grid -------------------------------------------------------------------------

    def _cells(self, spot: _Spot) -> Iterable[tuple[int, int]]:
        left, top = math.floor((spot.x - spot.r) / CELL), math.floor((spot.y - spot.r) / CELL)
        right, bottom = math.floor((spot.x + spot.r) / CELL), math.floor((spot.y + spot.r) / CELL)
        return ((i, j) for i in range(left, right + 1) for j in range(top, bottom + 1))

    def _place(self, spot: _Spot) -> None:
        for cell in self._cells(spot):
            self._grid.setdefault(cell, []).append(spot)

    def _lift(self, spot: _Spot) -> None:
        for cell in self._cells(spot):
            self._grid[cell].remove(spot)

    def node_at(self, point: QPointF) -> MapNode | None:
        """The node drawn at ``point`` (scene coordinates), the topmost if several."""
        spot = self._spot_at(point)
        return None if spot is None else spot.node

    def _spot_at(self, point: QPointF) -> _Spot | None:
        x, y = point.x(), point.y()
        found: _Spot | None = None
        rank = -1
        for spot in self._grid.get((math.floor(x / CELL), math.floor(y / CELL)), ()):
            dx, dy = x - spot.x, y - spot.y
            inside = (
                abs(dx) <= spot.r and abs(dy) <= spot.r
                if spot.node.kind == "organization"
                else dx * dx + dy * dy <= spot.r * spot.r
            )
            if inside and spot.rank > rank:
                found, rank = spot, spot.rank
        return found

    def line_at(self, point: QPointF) -> MapEdge | None:
        """The line passing within :data:`NEAR_LINE` of ``point``, if any."""
        x, y = point.x(), point.y()
        best, nearest = None, NEAR_LINE
        for line in self._lines:
            ax, ay, bx, by = line.source.x, line.source.y, line.target.x, line.target.y
            left, top, right, bottom = line.box
            if not (left <= x <= right and top <= y <= bottom):
                continue
            dx, dy = bx - ax, by - ay
            span = dx * dx + dy * dy
            t = 0.0 if span == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / span))
            distance = math.hypot(x - ax - t * dx, y - ay - t * dy)
            if distance <= nearest:
                best, nearest = line.edge, distance
        return best

    def tip_at(self, point: QPointF) -> str:
        """What the tooltip says at ``point``: the node's name, else the line's kind."""
        spot = self._spot_at(point)
        if spot is not None:
            return spot.label
        edge = self.line_at(point)
        return "" if edge is None else edge.label

    # -- where nodes are --------------------------------------------------------------------

    def position(self, key: str) -> QPointF:
        spot = self.spots[key]
        return QPointF(spot.x, spot.y)

    def move(self, key: str, x: float, y: float) -> None:
        """Put a node at (x, y); its lines follow."""
        spot = self.spots[key]
        self._lift(spot)
        spot.x, spot.y = x, y
        self._place(spot)
        self._grow(spot)
        for index in spot.lines:
            line = self._lines[index]
            line.follow()
            self._stale.add(line.pen)
        self.update()

    def moved(self) -> dict[str, tuple[float, float]]:
        """The nodes dragged since :meth:`forget_moved`, and where they are now."""
        return {key: (s.x, s.y) for key, s in self.spots.items() if s.moved}

    def forget_moved(self, keys: Iterable[str] | None = None) -> None:
        for key in self.spots if keys is None else keys:
            self.spots[key].moved = False

    def select(self, key: str | None) -> None:
        """Ring the node ``key`` (None: no node) and tell the view, which shows its card."""
        spot = None if key is None else self.spots.get(key)
        if spot is self.selected:
            return
        self.selected = spot
        self.update()
        if spot is not None:
            self._selected_callback(spot.node)

    # -- drawing ------------------------------------------------------------------------------

    def joining(self) -> Iterator[None]:
        """Join the lines of each pen whose lines changed into one path, a pen at a time
        (yielding after each): the view does it before the first paint, a pen per turn of
        the event loop."""
        while self._stale:
            index = min(self._stale)
            joined = QPainterPath()
            move, line_to = joined.moveTo, joined.lineTo
            for line in self._lines:
                if line.pen == index:
                    c = line.coordinates
                    for i in range(0, len(c), 4):
                        move(c[i], c[i + 1])
                        line_to(c[i + 2], c[i + 3])
            self._joined[index] = joined
            self._stale.discard(index)
            yield None

    def join_lines(self) -> None:
        """Join every pen's lines that changed (after a drag: by the next paint)."""
        for _ in self.joining():
            pass

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        shown = option.exposedRect
        if shown.isEmpty():
            shown = self.boundingRect()
        smooth = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if scale >= SMOOTH_FROM_SCALE:
            # Zoomed in: the lines in sight, smooth and as wide as their strength says, as
            # segments (Qt strokes a wide pen along thousands of joined paths slowly).
            left, top, right, bottom = shown.left(), shown.top(), shown.right(), shown.bottom()
            in_sight: list[list[QLineF]] = [[] for _ in self._pens]
            for line in self._lines:
                x1, y1, x2, y2 = line.box
                if x1 <= right and x2 >= left and y1 <= bottom and y2 >= top:
                    in_sight[line.pen].extend(line.pieces())
            for pen, pieces in zip(self._pens, in_sight, strict=True):
                if pieces:
                    painter.setPen(pen)
                    painter.drawLines(pieces)
        else:
            # Zoomed out: every line one pixel wide (narrower than a pixel otherwise), each
            # pen's lines as one path.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            self.join_lines()
            for pen, path in zip(self._thin, self._joined, strict=True):
                painter.setPen(pen)
                painter.drawPath(path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        around = shown.adjusted(-NAME_REACH, -40, NAME_REACH, 40)  # nodes and names reaching in
        left, top = around.left(), around.top()
        right, bottom = around.right(), around.bottom()
        visible = [s for s in self._order if left <= s.x <= right and top <= s.y <= bottom]
        transform = painter.worldTransform()
        if widget is not None and not transform.isRotating():
            self._stamp_nodes(painter, visible, scale)
        else:  # an export (SVG stays drawn in vectors), or a turned view
            for spot in visible:
                self._draw_node(painter, spot, spot.look)
        if self.selected is not None:
            self._draw_node(painter, self.selected, -1)
        if scale < LABELS_FROM_SCALE:
            return
        painter.setPen(NAME_COLOUR)
        crowded = widget is not None and len(visible) > LABELS_AT_MOST  # an export: every name
        named = [] if crowded else visible
        if self.selected is not None and self.selected not in named:
            named.append(self.selected)
        for spot in named:
            painter.drawStaticText(*spot.name())

    def _draw_node(self, painter: QPainter, spot: _Spot, look: int) -> None:
        """A node in vectors in its look; look -1: the blue ring of the selected node."""
        if look < 0:
            painter.setPen(QPen(SELECTED_COLOUR, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(self._looks[look][0])
            painter.setBrush(self._looks[look][1])
        if spot.node.kind == "organization":
            painter.drawRoundedRect(spot.bounds, 4, 4)
        else:
            painter.drawEllipse(spot.bounds)

    def _stamp_nodes(self, painter: QPainter, spots: list[_Spot], scale: float) -> None:
        """Draw ``spots`` as stamps: each look and size drawn once at this zoom into a
        small picture, then copied where each node is (a copy costs a fraction of drawing
        a smooth circle, and the nodes are thousands while the stamps are a dozen)."""
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        if self._stamps_scale != (scale, ratio):
            self._stamps = {}
            self._stamps_scale = (scale, ratio)
        t = painter.worldTransform()
        m11, m22, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
        painter.save()
        painter.resetTransform()
        for spot in spots:
            key = (spot.look, spot.r)
            stamp = self._stamps.get(key)
            if stamp is None:
                stamp = self._stamps[key] = self._stamp(spot, scale, ratio)
            half = spot.r * scale + STAMP_MARGIN
            painter.drawPixmap(QPointF(spot.x * m11 + dx - half, spot.y * m22 + dy - half), stamp)
        painter.restore()

    def _stamp(self, spot: _Spot, scale: float, ratio: float) -> QPixmap:
        side = 2 * (spot.r * scale + STAMP_MARGIN)
        stamp = QPixmap(math.ceil(side * ratio), math.ceil(side * ratio))
        stamp.setDevicePixelRatio(ratio)
        stamp.fill(Qt.GlobalColor.transparent)
        painter = QPainter(stamp)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(side / 2, side / 2)
        painter.scale(scale, scale)
        painter.translate(-spot.x, -spot.y)
        self._draw_node(painter, spot, spot.look)
        painter.end()
        return stamp

    # -- the mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        spot = self._spot_at(event.scenePos())
        if spot is None:
            self.select(None)
            event.ignore()  # the view pans
            return
        self.select(spot.node.key)
        self._dragging = spot
        self._grab = event.scenePos() - QPointF(spot.x, spot.y)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        spot = self._dragging
        if spot is None:
            return
        at = event.scenePos() - self._grab
        self.move(spot.node.key, at.x(), at.y())
        spot.moved = True

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._dragging is not None:
            self._dragging = None
            self._dropped()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        spot = self._spot_at(event.scenePos())
        if spot is None:
            event.ignore()
            return
        self._opened(spot.node)

    def __repr__(self) -> str:
        return f"MapLayer({len(self.spots)} nodes, {len(self._lines)} lines)"
