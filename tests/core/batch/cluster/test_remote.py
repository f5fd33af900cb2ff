"""What runs on the cluster before the app is there must need nothing the cluster may lack."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from dask.utils import funcname

from timeline_app.core.batch import articles
from timeline_app.core.batch.cluster import remote
from timeline_app.core.batch.cluster.remote import ByName


def test_remote_imports_only_the_standard_library_and_distributed():
    # Its plugins and functions are unpickled by a scheduler and workers that have neither the app
    # nor its requirements yet.
    tree = ast.parse(Path(remote.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    tops = {name.split(".")[0] for name in imported} - {"__future__"}
    assert tops and tops <= set(sys.stdlib_module_names) | {"distributed"}, tops


def test_a_task_named_by_module_runs_the_function_and_keeps_its_name():
    task = ByName.of(articles.read_chunk)
    assert task == ByName("timeline_app.core.batch.articles", "read_chunk")
    assert funcname(task) == "read_chunk"  # the dashboard's task names
    assert task([], None, frozenset()) == []
