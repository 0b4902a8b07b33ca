"""No core file, and no debugger attached: a process that will hold keys or records.

:func:`disable_core_dumps` sets the core-file size limit to zero and, on Linux, marks the
process not dumpable (which also stops other processes of the same user from attaching a
debugger to it), as KeePassXC does; harmless where these calls do not exist (Windows:
nothing is changed). It lives apart from :mod:`contactkeeper.vault.hardening` (which
re-exports it) because it needs nothing but the standard library: the program's child
processes (:mod:`contactkeeper.exchange.age_child`) call it first thing, before they import
anything else or read a byte.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys
from dataclasses import dataclass

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


@dataclass(frozen=True)
class CoreDumpState:
    """``core_limit`` is (soft, hard) for RLIMIT_CORE, ``None`` where there is none;
    ``dumpable`` is Linux's PR_GET_DUMPABLE, ``None`` elsewhere."""

    core_limit: tuple[int, int] | None
    dumpable: bool | None

    @property
    def protected(self) -> bool:
        return self.core_limit in (None, (0, 0)) and self.dumpable in (None, False)


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None


def core_dump_state() -> CoreDumpState:
    limit: tuple[int, int] | None = None
    if sys.platform != "win32":
        import resource

        limit = resource.getrlimit(resource.RLIMIT_CORE)
    dumpable: bool | None = None
    libc = _libc()
    if libc is not None:
        value = libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
        dumpable = None if value < 0 else bool(value)
    return CoreDumpState(limit, dumpable)


def disable_core_dumps() -> CoreDumpState:
    """No core file from this process from now on; returns the resulting state.

    Called first thing by the program's entry point (:func:`contactkeeper.cli.main`, for
    the command line and the desktop application alike, and by
    :func:`contactkeeper.gui.app.main`), before any passphrase is read, so that a crash
    during the first key derivation dumps nothing; called again whenever a vault is opened
    (for callers of the library), and left in force until the program ends: memory freed at
    lock time is not wiped, so a later crash could still dump it.
    """
    if sys.platform != "win32":
        import resource

        with contextlib.suppress(ValueError, OSError):  # reported through the result
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    libc = _libc()
    if libc is not None:
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    return core_dump_state()
