"""`make screenshots` draws every main screen of the demo vault, and none is blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from contactkeeper.gui.screenshots import BRIEF_WIDTH, SIZE, render

SCREENS = {
    "welcome",
    "create-vault",
    "unlock",
    "today",
    "actors",
    "actor-page",
    "processes",
    "process-page",
    "journal",
    "follow-ups",
    "search",
    "log-dialog",
    "event-page",
    "transfer-log",
    "process-brief",
}


@pytest.mark.slow
def test_every_main_screen_is_rendered_at_full_size_and_shows_something(
    qapp: object, tmp_path: Path
) -> None:
    saved = render(tmp_path / "shots")
    assert {p.stem for p in saved} == SCREENS
    for path in saved:
        image = QImage(str(path))
        size = (BRIEF_WIDTH, BRIEF_WIDTH * 297 // 210) if path.stem == "process-brief" else SIZE
        assert (image.width(), image.height()) == size, path.name
        # A blank pane is one colour; a drawn screen has many.
        colours = {image.pixel(x, y) for x in range(0, size[0], 37) for y in range(0, size[1], 23)}
        assert len(colours) > 5, path.name
    # Only the pictures land there: the demo vault lived in a temporary folder, now gone.
    assert sorted(p.name for p in (tmp_path / "shots").iterdir()) == sorted(
        f"{name}.png" for name in SCREENS
    )
