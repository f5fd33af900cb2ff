"""The app's code as sent to a cluster: the package with its resources, importable from where it is unpacked."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.core.batch.cluster.processes import clean_env
from timeline_app import paths
from timeline_app.core.batch import articles
from timeline_app.core.batch.cluster.bundle import code_zip

ROOT = Path(__file__).resolve().parents[4]


def test_the_zip_holds_the_core_and_its_resources_and_not_the_gui():
    code = code_zip()
    names = set(zipfile.ZipFile(io.BytesIO(code.data)).namelist())
    assert "timeline_app/core/batch/articles.py" in names and "timeline_app/paths.py" in names
    resources = {f"timeline_app/resources/{p.relative_to(paths.RESOURCES).as_posix()}"
                 for p in paths.RESOURCES.rglob("*") if p.is_file() and p.parts[len(paths.RESOURCES.parts)] != "icons"}
    assert "timeline_app/resources/temporal/rules/absolute.txt" in resources and resources <= names
    assert not any(n.startswith(("timeline_app/gui/", "timeline_app/resources/icons/")) or n.endswith(".pyc")
                   for n in names)
    assert code_zip().digest == code.digest  # the same code, the same digest: nothing sent twice


@pytest.mark.slow
def test_unpacked_code_replaces_another_version_and_finds_its_resources_inside_itself(tmp_path):
    code = code_zip()
    (tmp_path / "code.zip").write_bytes(code.data)
    sample = sorted(paths.SAMPLES.glob("*.txt"))[0]
    # A process that first imported the checkout (as a worker started with PYTHONPATH would), then
    # unpacks the code and imports it again.
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from timeline_app.core.batch.cluster import remote
import timeline_app.paths
print(timeline_app.paths.__file__)
remote.put_first_on_path(remote.unpack(open("code.zip", "rb").read(), {code.digest!r}, {str(tmp_path)!r}))
from timeline_app import paths
from timeline_app.core.batch import articles
print(paths.__file__)
print(paths.INSTALLED, paths.RESOURCES)
print(repr(articles.read_chunk([{str(sample)!r}], None, frozenset())))
"""
    out = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True, cwd=tmp_path,
                         env=clean_env(), timeout=300)
    assert out.returncode == 0, out.stderr
    before, after, resources, rows = out.stdout.split("\n")[:4]
    unpacked = tmp_path / f"timeline_app-{code.digest}"
    assert Path(before).is_relative_to(ROOT)
    assert Path(after).is_relative_to(unpacked)
    assert resources == f"True {unpacked / 'timeline_app' / 'resources'}"
    assert rows == repr(articles.read_chunk([str(sample)], None, frozenset()))
