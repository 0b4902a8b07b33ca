"""Run a probe of the speed suite in a child process on an offscreen Qt platform.

The child gets the synthetic vault's known passphrase (``CK_BENCH_PASSPHRASE``) and a
private settings folder (``XDG_CONFIG_HOME``, made in ``folder`` and removed after), so
that no real settings are read or written; it prints one JSON object as its last line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_probe(module: str, arguments: Sequence[str], passphrase: str, folder: Path) -> Any:
    """Run ``python -m module arguments...``; its JSON result. Raises RuntimeError when the
    probe fails, with the last line it wrote."""
    with tempfile.TemporaryDirectory(prefix="probe-settings-", dir=folder) as settings:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": settings,
            "CK_BENCH_PASSPHRASE": passphrase,
            "CK_BENCH_STARTED": repr(time.time()),
        }
        done = subprocess.run(
            [sys.executable, "-m", module, *arguments],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{module} failed ({last[:200]})")
    return json.loads(done.stdout.strip().splitlines()[-1])
