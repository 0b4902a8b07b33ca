"""age's passphrase encryption in a child process, so that the program's own threads run on.

pyrage holds Python's interpreter lock for the whole of a call. Sealing a vault's image to
a passphrase (scrypt at the work factor rage picks, up to 2^20 and 1 GiB of memory, then
ChaCha20-Poly1305 over every byte) holds it for 3 to 5 seconds on a two-core laptop, and
opening one as long: no other thread of the program runs meanwhile, so the desktop's window
stops answering and the checks a backup runs beside its seal wait for it (measured in
``benchmarks/README.md``, "Rows that miss"). A child process has an interpreter, and a
lock, of its own.

The child is the program itself: ``python -I -B -m contactkeeper.exchange.age_child`` from
a checkout or an installed wheel, or the bundle's own executable given
:data:`CHILD_ARGUMENT` (``packaging/launcher.py``). Before it reads anything it makes
itself as hard to read as the program makes itself (no core file; not dumpable, so no other
process of the user can attach to it: :func:`contactkeeper.core_dumps.disable_core_dumps`).
The passphrase and the data reach it through its standard input and the result comes back
through its standard output: pipes, never a file. When age refuses, the child's error
output carries age's own message, which holds no secret. It imports nothing but pyrage and
the standard library.

Encrypting to public keys stays in the program's process: X25519 has no work factor, and
its ChaCha20 over a vault's image holds the lock for a fraction of a second.

rage picks scrypt's work factor from one timed scrypt of 1 MiB (about a millisecond),
doubled until it would take a second: a few milliseconds' wait for the processor (a
backup's checks run beside the seal on a two-core laptop) make it pick 2^16 or 2^17
instead of 2^19 or 2^20, a passphrase sixteen times cheaper to guess. The child seals again
when the work factor is under ``LEAST_WORK_FACTOR`` (2^18, what age's reference
implementation always uses), at most ``ATTEMPTS`` times in all, and keeps the strongest.
"""

from __future__ import annotations

import contextlib
import re
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO, Final

# The argument that makes the bundle's executable the child (``packaging/launcher.py``).
CHILD_ARGUMENT: Final = "--age-passphrase-child"

_ENCRYPT: Final = b"e"
_DECRYPT: Final = b"d"
_LENGTH: Final = struct.Struct(">I")  # the passphrase's length in bytes, before it
_SIZE: Final = struct.Struct(">Q")  # the data's length in bytes, before it
PIPE_BYTES: Final = 1 << 20  # Linux's default most for a pipe (/proc/sys/fs/pipe-max-size)

# The least scrypt work factor (log2) a seal is kept at when a try or two more reach it.
LEAST_WORK_FACTOR: Final = 18
ATTEMPTS: Final = 3
_SCRYPT_STANZA: Final = re.compile(rb"^-> scrypt \S+ ([0-9]+)$", re.MULTILINE)

# The child's exit statuses.
OK: Final = 0
DECRYPT_FAILED: Final = 3  # age refused to decrypt (wrong passphrase, damaged file)
FAILED: Final = 4  # anything else age refused, or a request the child cannot read


class ChildFailed(RuntimeError):
    """The child could not be started, or ended without answering (killed, say, by the
    system when memory ran out)."""


class AgeRefused(RuntimeError):
    """age refused the request for a reason other than a failed decryption; its message."""


def encrypt(data: bytes, passphrase: str) -> bytes:
    """``pyrage.passphrase.encrypt(data, passphrase)``, in a child process."""
    return _run(_ENCRYPT, data, passphrase)


def decrypt(data: bytes, passphrase: str) -> bytes:
    """``pyrage.passphrase.decrypt(data, passphrase)``, in a child process; raises
    ``pyrage.DecryptError`` with age's own message when age refuses."""
    return _run(_DECRYPT, data, passphrase)


def work_factor(sealed: bytes) -> int | None:
    """The scrypt work factor (log2) in an age file's header; ``None`` when it has no
    passphrase entry. Reads the header's text only, no cryptography."""
    header = sealed[: sealed.find(b"\n--- ") + 1]
    match = _SCRYPT_STANZA.search(header)
    return int(match.group(1)) if match else None


def command() -> list[str]:
    """How to start the child: isolated from the environment's Python settings and from
    the current folder (``-I``), writing no bytecode (``-B``)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_ARGUMENT]
    return [sys.executable, "-I", "-B", "-m", __name__]


def _run(operation: bytes, data: bytes, passphrase: str) -> bytes:
    secret = passphrase.encode("utf-8")
    try:
        child = subprocess.Popen(
            command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    except OSError as exc:
        raise ChildFailed(f"could not start: {exc.strerror or exc}") from None
    assert child.stdin is not None
    assert child.stdout is not None
    assert child.stderr is not None
    _widen(child.stdin, child.stdout)
    # The request is written by a thread of its own while this one reads the answer (each
    # pipe holds 64 KiB); in two writes, so the image is not copied to put the header first.
    writer = threading.Thread(
        target=_send,
        args=(
            child.stdin,
            operation + _LENGTH.pack(len(secret)) + secret + _SIZE.pack(len(data)),
            data,
        ),
    )
    writer.start()
    try:
        answer = child.stdout.read()
        message = child.stderr.read().decode("utf-8", "replace").strip()
        status = child.wait()
    finally:
        writer.join()
        if child.poll() is None:  # pragma: no cover - only when reading itself failed
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            stream.close()
    if status == DECRYPT_FAILED:
        import pyrage  # type: ignore[import-untyped]

        raise pyrage.DecryptError(message)
    if status == FAILED:
        raise AgeRefused(message)
    if status != OK:
        raise ChildFailed(message or f"exit status {status}")
    return answer


def _widen(*pipes: IO[bytes]) -> None:
    """Pipes of 1 MiB instead of 64 KiB where Linux allows it: a vault's image crosses them
    in a sixteenth of the turns. Best effort: elsewhere, or refused, they stay as they are."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Windows
        return
    resize: int | None = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if resize is None:
        return
    for pipe in pipes:
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe.fileno(), resize, PIPE_BYTES)


def _send(stream: IO[bytes], header: bytes, data: bytes) -> None:
    with contextlib.suppress(BrokenPipeError):  # the child stopped early: its status says why
        try:
            stream.write(header)
            stream.write(data)
        finally:
            stream.close()


def seal_strongly(encrypt: Callable[[bytes, str], bytes], data: bytes, passphrase: str) -> bytes:
    """``encrypt(data, passphrase)`` (pyrage's), again while the work factor rage picked is
    under ``LEAST_WORK_FACTOR``, at most ``ATTEMPTS`` times; the strongest seal made."""
    best = encrypt(data, passphrase)
    for _attempt in range(ATTEMPTS - 1):
        if (work_factor(best) or 0) >= LEAST_WORK_FACTOR:
            break
        sealed = encrypt(data, passphrase)
        if (work_factor(sealed) or 0) > (work_factor(best) or 0):
            best = sealed
        del sealed
    return best


def child_main() -> int:
    """The child: harden the process, read the request, answer it (see the module)."""
    from contactkeeper.core_dumps import disable_core_dumps

    disable_core_dumps()  # before a byte of the passphrase or the data is read
    import pyrage

    request = sys.stdin.buffer
    operation = request.read(1)
    size = request.read(_LENGTH.size)
    if operation not in (_ENCRYPT, _DECRYPT) or len(size) != _LENGTH.size:
        sys.stderr.write("not a request\n")
        return FAILED
    secret = request.read(_LENGTH.unpack(size)[0])
    length = request.read(_SIZE.size)
    if len(length) != _SIZE.size:
        sys.stderr.write("not a request\n")
        return FAILED
    data = request.read(_SIZE.unpack(length)[0])  # into one object of its size, no regrowing
    try:
        passphrase = secret.decode("utf-8")
        if operation == _ENCRYPT:
            answer = seal_strongly(pyrage.passphrase.encrypt, data, passphrase)
        else:
            answer = pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError as exc:
        sys.stderr.write(f"{exc}\n")
        return DECRYPT_FAILED
    except Exception as exc:  # age's other refusals; the message holds no secret
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        return FAILED
    del data, passphrase, secret
    sys.stdout.buffer.write(answer)
    sys.stdout.buffer.flush()
    return OK


if __name__ == "__main__":
    sys.exit(child_main())
