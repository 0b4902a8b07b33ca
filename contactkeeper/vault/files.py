"""Files on disk: private permissions, durable atomic replacement, a full disk said plainly."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from contactkeeper.errors import DiskFull, shown_path
from contactkeeper.i18n import _

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_SHRED_CHUNK = 64 * 1024
# Overwrite at most this much of a file before deleting it: far more than any key file
# (64 KiB at most) or device file, so every readable one is overwritten completely, while a
# huge file put in their place cannot make a destroy take hours.
MAX_OVERWRITE = 1024 * 1024

# Opening a file in a vault's folder: never through a symbolic link, never waiting on a
# pipe or a device (O_NONBLOCK makes opening a FIFO return at once), never inherited.
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
SAFE_OPEN = NO_FOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class UnsafeFile(ValueError):
    """What is found under a file's name is not a plain file of a sane size.

    ``reason`` is a short phrase for a person ("it is a symbolic link"); ``too_large`` tells
    a file that is merely far too big apart from something that is no file at all.
    """

    def __init__(self, reason: str, *, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.too_large = too_large


def not_plain(mode: int) -> str:
    """Why a file of ``st_mode`` is refused, as a phrase for a person."""
    if stat.S_ISLNK(mode):
        return _("it is a symbolic link, not a plain file")
    if stat.S_ISDIR(mode):
        return _("it is a folder, not a plain file")
    if stat.S_ISFIFO(mode):
        return _("it is a pipe, not a plain file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a plain file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a plain file")
    return _("it is something unknown, not a plain file")


def read_plain_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the small, plain file ``path``, read without trusting what is there.

    Refuses (:class:`UnsafeFile`) a symbolic link (not followed), a folder, a pipe, a socket
    or a device (none of them waited on), and a file larger than ``max_bytes`` (of which at
    most ``max_bytes + 1`` bytes are read). ``FileNotFoundError`` when nothing is there.
    """
    if not NO_FOLLOW and path.is_symlink():  # where O_NOFOLLOW does not exist
        raise UnsafeFile(_("it is a symbolic link, which ContactKeeper does not follow"))
    try:
        fd = os.open(path, os.O_RDONLY | SAFE_OPEN)
    except FileNotFoundError:
        raise
    except OSError as exc:
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            raise exc from None
        if stat.S_ISLNK(mode):
            raise UnsafeFile(
                _("it is a symbolic link, which ContactKeeper does not follow")
            ) from None
        raise UnsafeFile(not_plain(mode)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(not_plain(info.st_mode))
        if info.st_size > max_bytes:
            raise UnsafeFile(_("it is far too large"), too_large=True)
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise UnsafeFile(_("it is far too large"), too_large=True)
    return data


def lock(fd: int, *, wait: bool = True) -> bool:
    """Take an exclusive lock (``flock``) on the open file ``fd``; False if another holder
    has it (only when not ``wait``ing). The system drops it when the file is closed or the
    program dies, however it dies: what a crash leaves is told from what is in use by it
    (see :mod:`contactkeeper.vault.temporaries`). Where there is no ``flock``, always True."""
    if fcntl is None:  # pragma: no cover - not POSIX
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by this OS user only."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    os.chmod(path, PRIVATE_DIR)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one.

    The new content goes to a private temporary file beside ``path``, is flushed to the
    device, then renamed over ``path``; the directory is synced so the rename survives a
    power cut. A full disk raises :class:`DiskFull` and leaves ``path`` untouched. The
    temporary file is locked while it exists, so that one left by a crash (a key file under
    a passphrase never put in place) is told from one being written, and removed.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        lock(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(path) from None
        raise


def shred(path: Path) -> bool:
    """Overwrite ``path`` with random bytes, flush it to the device, then delete it.

    Never follows a symbolic link and never opens anything but a plain file: a link, a
    pipe, a socket or a device node in its place is only unlinked (what a link points to is
    left untouched), a folder is deleted with its contents. Returns whether a file was
    overwritten. At most :data:`MAX_OVERWRITE` bytes are overwritten.

    On SSDs and copy-on-write file systems the old blocks may survive the overwrite; that
    is why only small key material relies on this, never the database's secrecy.
    """
    try:
        seen = os.lstat(path)
    except FileNotFoundError:
        return False
    overwritten = False
    if stat.S_ISDIR(seen.st_mode):
        remove_tree(path, [])
    else:
        if stat.S_ISREG(seen.st_mode):
            overwritten = _overwrite(path, seen)
        path.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return overwritten


def _overwrite(path: Path, seen: os.stat_result) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | SAFE_OPEN)
    except OSError:
        return False  # replaced by something else meanwhile: it is only unlinked
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != (
            seen.st_dev,
            seen.st_ino,
        ):
            return False
        remaining = min(info.st_size, MAX_OVERWRITE)
        while remaining > 0:
            remaining -= os.write(fd, secrets.token_bytes(min(remaining, _SHRED_CHUNK)))
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def remove_tree(path: Path, left: list[str]) -> None:
    """Delete the folder ``path`` (links inside are removed, never followed); what cannot be
    removed is added to ``left``, one line each, instead of stopping the rest."""

    def note(function: Callable[..., Any], name: str, problem: Any) -> None:
        exc = problem if isinstance(problem, BaseException) else problem[1]
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        where = os.path.relpath(name, path)
        # Translators: a file that could not be removed ({where}) and why ({reason}).
        what = _("the folder itself") if where == "." else shown_path(where)
        left.append(_("{where}: {reason}").format(where=what, reason=reason))

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=note)
    else:
        shutil.rmtree(path, onerror=note)
