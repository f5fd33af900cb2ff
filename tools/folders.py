"""The per-language loop the table-writing tools share: every folder named on the command line, or all of them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path


def run_each(named: Iterable[Path], every: Callable[[], Iterable[Path]], needs: Callable[[Path], Path | None],
             build: Callable[[Path], str]) -> int:
    """Build each folder named (all from `every` when none is) and print what was written.

    `needs(folder)` gives the file or folder that must exist for the folder to be built, or None when the
    folder itself is that; a missing one stops the run with exit status 1 before anything is written.
    """
    folders = list(named) or sorted(every())
    for folder in folders:
        required = needs(folder) or folder
        if not required.exists():
            print(f"error: no {required}", file=sys.stderr)
            return 1
    for folder in folders:
        print(build(folder))
    return 0
