"""The architecture holds: the import-linter contracts in .importlinter are kept, and no import cycle exists."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / ".importlinter"

def test_the_import_contracts_are_kept() -> None:
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(CONTRACTS)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    config = configparser.ConfigParser()
    config.read(CONTRACTS, encoding="utf-8")
    contracts = [s for s in config.sections() if s.startswith("importlinter:contract:")]
    assert len(contracts) >= 4
    assert re.search(rf"Contracts: {len(contracts)} kept, 0 broken", out.stdout), out.stdout


def test_importing_the_cli_loads_no_gui_module() -> None:
    code = (
        "import sys\n"
        "import timeline_app.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith(('timeline_app.gui', 'PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def find_cycle(imports: dict[str, set[str]]) -> list[str]:
    """One import cycle of `imports` (module -> the modules it imports) as a path back to its start,
    e.g. [a, b, a]; [] when there is none."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" after
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        path.append(module)
        for imported in sorted(imports.get(module, ())):
            if state.get(imported) == "open":
                return path[path.index(imported):] + [imported]
            if imported not in state:
                cycle = visit(imported)
                if cycle:
                    return cycle
        path.pop()
        state[module] = "done"
        return []

    for module in sorted(imports):
        if module not in state:
            cycle = visit(module)
            if cycle:
                return cycle
    return []


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set(), "d": {"c"}}) == []
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"x": {"x"}}) == ["x", "x"]


def test_no_import_cycle_anywhere_in_the_package() -> None:
    graph = grimp.build_graph("timeline_app", cache_dir=None)
    modules = set(graph.modules)
    assert {"timeline_app.cli", "timeline_app.gui.app", "timeline_app.gui.window.main_window",
            "timeline_app.gui.timeline.painter", "timeline_app.core.pipeline"} <= modules
    imports = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    cycle = find_cycle(imports)
    assert cycle == [], "import cycle: " + " -> ".join(cycle)
