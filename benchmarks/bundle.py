"""The bundle's rows: its size, and its start to the unlock window beside the checkout's.

    python -m benchmarks.bundle [--repeat N] [--output FILE]    (also run by ``make bench``)

Needs ``dist/bundle/ContactKeeper`` (``make bundle``; made here if missing) and Xvfb. Each
round starts the bundle's ``contactkeeper`` and the checkout's (``.venv/bin/contactkeeper``)
one after the other, on the same virtual X screen, each with a fresh home folder holding a
vault at the default place (so the unlock window, not the welcome, is the first window),
and times the process start to the moment the window is mapped and visible (polled every
20 ms with ``xdotool``). Rows and table as :mod:`benchmarks.run` writes them, into
``benchmarks/results/bundle.json``.

The vaults are empty, made by the bundle's own ``init`` under a known passphrase; nothing
else is written. There is no network code.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.run import RESULTS, Row, _p95, write_results

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
APP = DIST / "bundle" / "ContactKeeper"
CHECKOUT = ROOT / ".venv" / "bin" / "contactkeeper"
OUTPUT = RESULTS.with_name("bundle.json")
BUDGET_MB = 250
RATIO_TARGET = 1.2
PASSPHRASE = "bundle benchmark: an empty vault"  # a throwaway, empty vault
WINDOW_TIMEOUT_S = 60.0


# -- a virtual screen -----------------------------------------------------------------------


@contextmanager
def xvfb(width: int = 1366, height: int = 768) -> Iterator[str]:
    """A private Xvfb screen; yields its DISPLAY (":N"), chosen by Xvfb itself."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",  # stays up between programs (a reset refuses connections a moment)
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as chosen:
            number = chosen.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def visible_window(display: str, name: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def bare_environment(home: Path, **extra: str) -> dict[str, str]:
    """What ``env -i`` leaves, plus a home folder: no .venv, no Python, no network settings."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", **extra}


def start_to_window(
    program: Path, home: Path, display: str, name: str = "ContactKeeper"
) -> tuple[float, subprocess.Popen[bytes]]:
    """Seconds from starting ``program`` (no argument: the desktop) to its window shown;
    the process is returned still running."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(program)],
        env=bare_environment(home, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    while not visible_window(display, name):
        if process.poll() is not None:
            raise RuntimeError(f"{program} ended before showing a window: {stop(process)}")
        if time.perf_counter() - started > WINDOW_TIMEOUT_S:
            stop(process)
            raise RuntimeError(f"{program} showed no window in {WINDOW_TIMEOUT_S:.0f} s")
        time.sleep(0.02)
    return time.perf_counter() - started, process


def stop(process: subprocess.Popen[bytes]) -> str:
    """End a program :func:`start_to_window` started; what it wrote on standard error."""
    process.terminate()
    try:
        _out, errors = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, errors = process.communicate()
    return (errors or b"").decode(errors="replace")


def home_with_vault(program: Path, parent: Path) -> Path:
    """A fresh home folder with an empty vault at the default place, made by ``program``."""
    home = Path(tempfile.mkdtemp(dir=parent))
    secret = home / "passphrase"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    secret.chmod(0o600)
    subprocess.run(
        [str(program), "init", "--passphrase-file", str(secret)],
        env=bare_environment(home),
        check=True,
        capture_output=True,
    )
    return home


# -- the rows -------------------------------------------------------------------------------


def folder_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def size_row(app: Path = APP, dist: Path = DIST) -> Row:
    unpacked = folder_mb(app)
    archives = sorted(dist.glob("contactkeeper*.tar.gz")) + sorted(dist.glob("contactkeeper*.deb"))
    packed = "; ".join(f"{a.name}: {a.stat().st_size / 1e6:.0f} MB" for a in archives)
    return Row(
        operation="bundle size, unpacked (every unused Qt module left out)",
        median_ms=None,
        p95_ms=None,
        target=f"<= {BUDGET_MB} MB",
        baseline_ms=None,
        ratio=None,
        met=unpacked <= BUDGET_MB,
        note=f"{unpacked:.0f} MB unpacked; compressed: {packed or 'no archive built'}"
        "; not a time, so the time columns are empty",
        samples=1,
    )


def start_rows(repeat: int, app: Path = APP, checkout: Path = CHECKOUT) -> list[Row]:
    bundled: list[float] = []
    checked_out: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ck-bundle-bench-") as scratch, xvfb() as display:
        parent = Path(scratch)
        homes = {
            "bundle": home_with_vault(app / "contactkeeper", parent),
            "checkout": home_with_vault(checkout, parent),
        }
        for round_number in range(repeat + 1):  # the first round warms the disk cache
            for kind, program, samples in (
                ("bundle", app / "contactkeeper", bundled),
                ("checkout", checkout, checked_out),
            ):
                seconds, process = start_to_window(program, homes[kind], display)
                stop(process)
                if round_number:
                    samples.append(seconds * 1000)
    median = statistics.median(bundled)
    base = statistics.median(checked_out)
    ratio = median / base
    return [
        Row(
            operation="bundle: process start to unlock window shown (X11, Xvfb)",
            median_ms=round(median, 1),
            p95_ms=round(_p95(bundled), 1),
            target=f"<= {RATIO_TARGET}x the checkout",
            baseline_ms=round(base, 1),
            ratio=round(ratio, 2),
            met=ratio <= RATIO_TARGET,
            note="baseline: the checkout's .venv/bin/contactkeeper, same screen, same rounds "
            f"(checkout p95 {_p95(checked_out):.0f} ms); polled every 20 ms",
            samples=len(bundled),
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bundle", description=__doc__)
    parser.add_argument("--repeat", type=int, default=10, help="rounds of each start")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not (APP / "contactkeeper").is_file():
        print("no bundle yet: building it (make bundle, a few minutes)", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "packaging" / "bundle.py")], check=True)
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (Debian: apt-get install xvfb xdotool)")
    rows = [size_row(), *start_rows(max(1, args.repeat))]
    write_results(args.output, rows, repeat=args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
