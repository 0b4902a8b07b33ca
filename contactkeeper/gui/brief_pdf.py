"""The process brief drawn to PDF with Qt's own writer (QTextDocument and QPdfWriter).

What the brief says and withholds is decided in :mod:`contactkeeper.exchange.brief`; this
module only lays it out: headings, paragraphs, lists and the readiness chart (the process
page's chart, drawn to an image). The PDF is made in memory and written with
:func:`contactkeeper.vault.files.write_atomic` (private to this user, never over an existing
file). A page can also be drawn to PNG, for the README's pictures.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.exchange.brief import Brief
from contactkeeper.gui.widgets.readiness_chart import ReadinessChart
from contactkeeper.vault import files

CHART_URL = QUrl("brief://readiness.png")
RESOLUTION = 150  # dots per inch of the PDF
PAGE_WIDTH_PX = 900  # the layout width the text is set in


def _html(brief: Brief, with_chart: bool) -> str:
    e = html.escape
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>",
        f"<h1 style='font-size: 18pt;'>{e(brief.title)}</h1>",
        f"<p><i>{e(brief.subtitle)}</i></p>",
        f"<p style='color: #8a2a0a; font-size: 8pt;'>{e(brief.warning)}</p>",
    ]
    for section in brief.sections:
        parts.append(f"<h2 style='font-size: 13pt;'>{e(section.heading)}</h2>")
        parts.extend(f"<p>{e(paragraph)}</p>" for paragraph in section.paragraphs)
        if section.items:
            parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in section.items) + "</ul>")
        if section.chart and with_chart:
            parts.append(f"<p><img src='{CHART_URL.toString()}' width='600'></p>")
    parts.append("</body></html>")
    return "".join(parts)


def _chart_image(brief: Brief) -> QImage:
    chart = ReadinessChart()
    chart.resize(1200, 440)
    chart.show_readiness(list(brief.readings), list(brief.cues))
    image = chart.grab().toImage()
    chart.deleteLater()
    return image


def document(brief: Brief) -> QTextDocument:
    """The brief laid out as a text document, its chart included when there is one."""
    doc = QTextDocument()
    if i18n.right_to_left():  # Arabic: paragraphs start on the right
        option = QTextOption(doc.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        doc.setDefaultTextOption(option)
    with_chart = len(brief.readiness_points) >= 2
    if with_chart:
        doc.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, _chart_image(brief))
    doc.setHtml(_html(brief, with_chart))
    doc.setTextWidth(PAGE_WIDTH_PX)
    return doc


def pdf_bytes(brief: Brief) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(brief.title)
    writer.setCreator("ContactKeeper")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document(brief).print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_pdf(brief: Brief, path: Path) -> None:
    """Write the brief as a new PDF file (never over an existing one)."""
    path = Path(path)
    if path.exists():
        raise ContactKeeperError(
            i18n._("{path} already exists; choose a new file name for the brief.").format(
                path=i18n.isolate(str(path))
            )
        )
    if not path.parent.is_dir():
        raise ContactKeeperError(
            i18n._("The folder {folder} does not exist.").format(
                folder=i18n.isolate(str(path.parent))
            )
        )
    files.write_atomic(path, pdf_bytes(brief))


def first_page_image(brief: Brief, width: int = 1100) -> QImage:
    """The brief's first page, as an A4-shaped picture ``width`` pixels wide."""
    doc = document(brief)
    height = int(width * 297 / 210)
    doc.setPageSize(QSizeF(PAGE_WIDTH_PX, PAGE_WIDTH_PX * 297 / 210))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = width * 0.06
    scale = (width - 2 * margin) / PAGE_WIDTH_PX
    painter.translate(margin, margin)
    painter.scale(scale, scale)
    painter.setClipRect(0, 0, PAGE_WIDTH_PX, int((height - 2 * margin) / scale))
    doc.drawContents(painter)
    painter.end()
    return image
