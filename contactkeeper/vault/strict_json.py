"""JSON read strictly, for the small files in a vault's folder (the key file, the device file).

Python's ``json`` accepts more than these files ever hold, and some of it is dangerous to
whoever reads the result: ``NaN`` and ``Infinity``, ``1e400`` (a float that is infinite),
integers of thousands of digits (slow to convert, refused by Python past 4,300 digits with
an error that is not a ``JSONDecodeError``), duplicate keys (the last one silently wins),
and nesting deep enough to exhaust the recursion limit. :func:`loads` refuses all of these
with one :class:`StrictJsonError` whose ``reason`` is a short phrase for a person; callers
then check the exact fields and types they expect. :func:`canonical`, :func:`b64` and
:func:`unb64` are the other half: how those files write what they authenticate.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any, NoReturn

from contactkeeper.i18n import _

MAX_DEPTH = 8
MAX_INT_DIGITS = 20

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class StrictJsonError(ValueError):
    """The text is not the plain JSON a vault's small files hold; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _refuse(reason: str) -> NoReturn:
    raise StrictJsonError(reason)


def _constant(name: str) -> NoReturn:
    _refuse(_("it holds {name}, which is not a number").format(name=name))


def _float(text: str) -> NoReturn:
    _refuse(_("it holds a fraction where only whole numbers belong"))


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        _refuse(_("it holds a number far too long to be real"))
    return int(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            _refuse(_("it names the field {name} twice").format(name=repr(key)))
        found[key] = value
    return found


def _check_depth(text: str, max_depth: int) -> None:
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub('""', text)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > max_depth:
            _refuse(_("it is nested far deeper than a real one"))


def loads(data: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``data`` (ASCII JSON) strictly; :class:`StrictJsonError` for anything else."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        _refuse(_("it is not plain text"))
    _check_depth(text, max_depth)
    try:
        return json.loads(
            text,
            parse_constant=_constant,
            parse_float=_float,
            parse_int=_int,
            object_pairs_hook=_object,
        )
    except (json.JSONDecodeError, RecursionError):
        _refuse(_("it is not valid JSON"))


__all__ = ["MAX_DEPTH", "StrictJsonError", "loads"]


def canonical(value: object) -> bytes:
    """``value`` as the one byte string its authentication code is computed over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("ascii")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    """Base64 text back to bytes; ``TypeError`` or ``ValueError`` for anything else."""
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)
