"""The timeline's packages stay a plan: no import cycles among their modules, one public entry to the widget."""

from __future__ import annotations

import grimp
import pytest

PACKAGES = ("timeline_app.gui.timeline", "timeline_app.core.timeline")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("timeline_app", cache_dir=None)


def test_no_import_cycles_among_the_timeline_modules(graph: grimp.ImportGraph) -> None:
    # Imports under TYPE_CHECKING count too: a cycle hidden there is still a cycle between two ideas.
    modules = sorted(m for m in graph.modules if m.startswith(PACKAGES) and m not in PACKAGES)
    assert len(modules) > 20
    cycles = [(a, b) for a in modules for b in modules
              if a < b and graph.chain_exists(a, b) and graph.chain_exists(b, a)]
    assert cycles == []


def test_the_rest_of_the_app_imports_the_widget_from_the_package(graph: grimp.ImportGraph) -> None:
    outside = [(m, imported) for m in sorted(graph.modules) if not m.startswith("timeline_app.gui.timeline")
               for imported in graph.find_modules_directly_imported_by(m)
               if imported.startswith("timeline_app.gui.timeline.")]
    assert outside == []
    assert graph.find_modules_directly_imported_by("timeline_app.gui.window.main_window") >= {"timeline_app.gui.timeline"}
