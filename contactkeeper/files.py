"""Files on disk: private permissions, durable atomic replacement, a full disk said plainly."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from contactkeeper.errors import DiskFull

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600

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


def kind_of(mode: int) -> str:
    """What a file's ``st_mode`` says it is, in words."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a plain file" if stat.S_ISREG(mode) else "something unknown"


def read_plain_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the small, plain file ``path``, read without trusting what is there.

    Refuses (:class:`UnsafeFile`) a symbolic link (not followed), a folder, a pipe, a socket
    or a device (none of them waited on), and a file larger than ``max_bytes`` (of which at
    most ``max_bytes + 1`` bytes are read). ``FileNotFoundError`` when nothing is there.
    """
    if not NO_FOLLOW and path.is_symlink():  # where O_NOFOLLOW does not exist
        raise UnsafeFile("it is a symbolic link, which ContactKeeper does not follow")
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
            raise UnsafeFile("it is a symbolic link, which ContactKeeper does not follow") from None
        raise UnsafeFile(f"it is {kind_of(mode)}, not a plain file") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"it is {kind_of(info.st_mode)}, not a plain file")
        if info.st_size > max_bytes:
            raise UnsafeFile("it is far too large", too_large=True)
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
        raise UnsafeFile("it is far too large", too_large=True)
    return data


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
    power cut. A full disk raises :class:`DiskFull` and leaves ``path`` untouched.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
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
