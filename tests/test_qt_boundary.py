"""STYLE.md's core rule: nothing outside timeline_app/gui/ imports Qt."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import timeline_app

ROOT = Path(timeline_app.__file__).parent


def _non_gui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(ROOT)], prefix="timeline_app."):
        if not info.name.startswith("timeline_app.gui"):
            names.append(info.name)
    return names


def test_core_modules_do_not_load_pyside6():
    modules = _non_gui_modules()
    assert "timeline_app.core.library.store" in modules and "timeline_app.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"Qt loaded by a core module: {out.stdout.strip()}"


def test_no_qt_import_statement_outside_gui():
    offenders = []
    for path in ROOT.rglob("*.py"):
        if "gui" in path.relative_to(ROOT).parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6", "import shiboken6", "from shiboken6")):
                offenders.append(f"{path.relative_to(ROOT.parent)}: {stripped}")
    assert offenders == []
