"""Code run in a fresh interpreter, to see which modules it loads (what a start-up or a worker pays for)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def loaded_after(code: str, modules: tuple[str, ...]) -> tuple[str, list[str]]:
    """What `code` printed (stripped) and which of `modules` it had loaded when it ended, run in a new
    Python from the checkout."""
    probe = f"{code}\nimport sys\nprint('\\nloaded:', *sorted(m for m in {modules!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    printed, _, loaded = out.stdout.rpartition("\nloaded:")
    return printed.strip(), loaded.split()
