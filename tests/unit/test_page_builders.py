"""The hand-built pages are built in named parts, each short enough to read at once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

VIEWS = Path(__file__).resolve().parents[2] / "contactkeeper" / "gui" / "views"
PAGES = ["actor_page.py", "today.py", "process_page.py"]
LONGEST = 100  # lines; a longer function is usually two things


@pytest.mark.parametrize("page", PAGES)
def test_no_function_of_a_hand_built_page_is_over_a_hundred_lines(page: str) -> None:
    tree = ast.parse((VIEWS / page).read_text(encoding="utf-8"))
    long = {
        node.name: node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.end_lineno is not None
        if node.end_lineno - node.lineno + 1 > LONGEST
    }
    assert long == {}
