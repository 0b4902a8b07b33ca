"""`make screenshots` draws every main screen of the demo vault, at full size and on a
1024x600 screen, and none is blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from contactkeeper.gui.screenshots import (
    BRIEF_WIDTH,
    LANGUAGES,
    MAIN_SCREENS,
    SIZE,
    SMALL_DIR,
    SMALL_SIZE,
    render,
)

SCREENS = {
    "welcome",
    "create-vault",
    "unlock",
    "today",
    "actors",
    "actor-page",
    "processes",
    "process-page",
    "process-track-two",
    "journal",
    "follow-ups",
    "search",
    "log-dialog",
    "help-guide",
    "help-shortcuts",
    "privacy-mode",
    "event-page",
    "transfer-log",
    "process-brief",
    "process-brokers",
    "map",
    "actor-paths",
    "organization-page",
    "readiness-chart",
    "readiness-why",
    "today-ripening",
}
# Parts of a screen, drawn at their own size: the chart, its why, Today's Ripening panel.
PARTS = {"readiness-chart", "readiness-why", "today-ripening"}


def _shows_something(image: QImage, size: tuple[int, int]) -> bool:
    """A blank pane is one colour; a drawn screen has many."""
    colours = {image.pixel(x, y) for x in range(0, size[0], 11) for y in range(0, size[1], 7)}
    return len(colours) > 5


@pytest.mark.slow
def test_every_main_screen_is_rendered_at_full_size_and_small_and_shows_something(
    qapp: object, tmp_path: Path
) -> None:
    out = tmp_path / "shots"
    saved = render(out)
    full = [p for p in saved if p.parent == out]
    small = [p for p in saved if p.parent == out / SMALL_DIR]
    languages = {code: [p for p in saved if p.parent == out / code] for code in LANGUAGES}
    assert len(full) + len(small) + sum(map(len, languages.values())) == len(saved)
    for code, pictures in languages.items():
        # The main screens in French and Arabic, each at full size and showing something.
        assert {p.stem for p in pictures} == MAIN_SCREENS, code
        for path in pictures:
            image = QImage(str(path))
            assert (image.width(), image.height()) == SIZE, path
            assert _shows_something(image, SIZE), path
    brief = (BRIEF_WIDTH, BRIEF_WIDTH * 297 // 210)  # a page of the brief, A4
    for pictures, size in ((full, SIZE), (small, SMALL_SIZE)):
        assert {p.stem for p in pictures} == SCREENS
        for path in pictures:
            image = QImage(str(path))
            if path.stem in PARTS:
                assert _shows_something(image, (image.width(), image.height())), path.name
                continue
            expected = brief if path.stem == "process-brief" else size
            assert (image.width(), image.height()) == expected, path.name
            assert _shows_something(image, expected), path.name
    # Only the pictures land there: the demo vault lived in a temporary folder, now gone.
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{name}.png" for name in SCREENS] + [SMALL_DIR, *LANGUAGES]
    )
    assert sorted(p.name for p in (out / SMALL_DIR).iterdir()) == sorted(
        f"{name}.png" for name in SCREENS
    )
