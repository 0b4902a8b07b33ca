"""The layers hold: the core never imports Qt, nothing talks to a network, the GUI runs no SQL.

Read from the source itself (every file's syntax tree), and for the core also by importing
every module in a fresh interpreter and looking at what came along.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import contactkeeper

PACKAGE = Path(contactkeeper.__file__).resolve().parent
GUI = PACKAGE / "gui"
QT = ("PySide6", "shiboken6")
NETWORK = ("socket", "http", "urllib.request", "ssl", "ftplib", "smtplib", "PySide6.QtNetwork")
# Alembic's migration scripts are data shipped with the package, not core modules; forms
# compiled by pyside6-uic are generated code inside the GUI.
NOT_PYTHON_MODULES = ("_data",)


def _sources(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*.py")
        if not any(part in NOT_PYTHON_MODULES for part in path.relative_to(root).parts)
    )


def _core_sources() -> list[Path]:
    return [path for path in _sources(PACKAGE) if GUI not in path.parents]


def _imported(path: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything ``path`` imports, ``from a import b`` as ``a.b``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module",)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def _is_within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(f"{p}.") for p in packages)


def _where(path: Path, line: int) -> str:
    shown = path.relative_to(PACKAGE.parent) if PACKAGE in path.parents else path
    return f"{shown}:{line}"


def test_the_sources_are_found() -> None:
    core = {p.relative_to(PACKAGE).as_posix() for p in _core_sources()}
    assert {"vault/__init__.py", "vault/keyfile.py", "cli/__init__.py", "demo/__init__.py"} <= core
    assert not any(name.startswith("gui/") for name in core)
    assert any(p.name == "context.py" for p in _sources(GUI))


def test_no_core_module_imports_qt() -> None:
    offenders = [
        f"{_where(path, line)} imports {name}"
        for path in _core_sources()
        for line, name in _imported(path)
        if _is_within(name, QT)
    ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in _core_sources()
        if path.name != "__main__.py"  # running it would start the program
    )
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=PACKAGE.parent,
    )
    assert result.returncode == 0, result.stderr
    assert len(modules) >= 20
    assert json.loads(result.stdout) == []


def test_nothing_in_contactkeeper_has_network_code() -> None:
    offenders = [
        f"{_where(path, line)} imports {name}"
        for path in _sources(PACKAGE)
        for line, name in _imported(path)
        if _is_within(name, NETWORK)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import socket", "socket"),
        ("from urllib import request", "urllib.request"),
        ("from http.client import HTTPSConnection", "http.client"),
        ("from PySide6 import QtNetwork", "PySide6.QtNetwork"),
        ("importlib.import_module('ssl')", "ssl"),
    ],
)
def test_the_network_check_sees_every_way_of_importing(
    source: str, found: str, tmp_path: Path
) -> None:
    path = tmp_path / "sample.py"
    path.write_text(source + "\n")
    names = [name for _, name in _imported(path)]
    assert found in names
    assert any(_is_within(name, NETWORK) for name in names)


_SQL_TEXT = re.compile(
    r"\b(SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\b[\s\S]*\bSET|DELETE\s+FROM|PRAGMA)\b"
)
_SQL_CALLS = frozenset({"execute", "exec_driver_sql", "scalars", "scalar", "transaction"})


def _sql_in_gui(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for line, name in _imported(path):
        if _is_within(name, ("sqlalchemy", "alembic")):
            yield f"{_where(path, line)} imports {name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _SQL_CALLS:
                yield f"{_where(path, node.lineno)} calls .{func.attr}()"
            if isinstance(func, ast.Name) and func.id == "select":
                yield f"{_where(path, node.lineno)} calls select()"
        if isinstance(node, ast.Attribute) and node.attr in ("engine", "session"):
            yield f"{_where(path, node.lineno)} reaches for .{node.attr}"
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _SQL_TEXT.search(node.value)
        ):
            yield f"{_where(path, node.lineno)} holds SQL text"


def test_the_gui_runs_no_sql_and_holds_no_session() -> None:
    offenders = [problem for path in _sources(GUI) for problem in _sql_in_gui(path)]
    assert offenders == []


def test_the_sql_check_recognises_a_view_running_a_query(tmp_path: Path) -> None:
    sample = tmp_path / "view.py"
    sample.write_text(
        "import sqlalchemy as sa\n"
        "def rows(vault):\n"
        "    with vault.transaction() as s:\n"
        "        return s.execute(sa.text('SELECT name FROM actors')).all()\n"
    )
    problems = " ".join(_sql_in_gui(sample))
    assert "imports sqlalchemy" in problems
    assert ".transaction()" in problems
    assert ".execute()" in problems
    assert "SQL text" in problems
