"""Files on disk: private permissions, durable atomic replacement, a full disk said plainly."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from contactkeeper.errors import DiskFull

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_CHUNK = 64 * 1024


def lock(fd: int, *, wait: bool = True) -> bool:
    """Take an exclusive lock (``flock``) on the open file ``fd``; False if another holder
    has it (only when not ``wait``ing). The system drops it when the file is closed or the
    program dies, however it dies: what a crash leaves is told from what is in use by it
    (see :mod:`contactkeeper.temporaries`). Where there is no ``flock``, always True."""
    if fcntl is None:  # pragma: no cover - not POSIX
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def shred(path: Path) -> None:
    """Overwrite ``path`` with random bytes, flush it to the device, then delete it.

    On SSDs and copy-on-write file systems the old blocks may survive the overwrite; that
    is why only small key material relies on this, never the database's secrecy.
    """
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        remaining = os.fstat(fd).st_size
        while remaining > 0:
            remaining -= os.write(fd, secrets.token_bytes(min(remaining, _CHUNK)))
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
    fsync_dir(path.parent)


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
