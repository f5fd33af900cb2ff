"""Fixtures of the cluster tests: processes stopped whatever happens, a Python without dateparser."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.core.batch.cluster.processes import Processes, clean_env, python_without


@pytest.fixture
def processes(tmp_path: Path):
    started = Processes(tmp_path / "cluster")
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="session")
def python_without_dateparser(tmp_path_factory) -> Path:
    python = python_without(tmp_path_factory.mktemp("no-dateparser"), "dateparser")
    probe = ("import importlib.metadata as m, importlib.util as u, distributed\n"
             "print(u.find_spec('dateparser'), u.find_spec('timeline_app'))\n"
             "try:\n    m.version('dateparser')\nexcept m.PackageNotFoundError:\n    print('no metadata')\n")
    out = subprocess.run([str(python), "-I", "-c", probe], capture_output=True, text=True, cwd=python.parent,
                         env=clean_env(), timeout=120)
    assert out.stdout.split("\n")[:2] == ["None None", "no metadata"], out.stdout + out.stderr
    return python
