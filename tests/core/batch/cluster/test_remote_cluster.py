"""--dask against a scheduler and workers started apart, where timeline_app is not installed: the code
travels and gives the rows of an in-process run, or the run stops at once saying what to install."""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from distributed import Client

from tests.core.batch.cluster.processes import START_TIMEOUT, start_scheduler, start_worker
from tests.core.corpus import compared_rows, write_corpus
from timeline_app.core.batch import articles
from timeline_app.core.batch.cluster.remote import ByName
from timeline_app.core.library.store import Library
from timeline_app.core.pipeline import import_inputs

ROOT = Path(__file__).resolve().parents[4]


def _worker_named(client: Client, name: str) -> str:
    return next(addr for addr, w in client.scheduler_info(n_workers=-1)["workers"].items() if w["name"] == name)


@pytest.mark.slow
def test_a_cluster_without_the_app_is_sent_its_code_and_gives_the_rows_of_an_in_process_run(
        tmp_path, processes, python_without_dateparser):
    # The scheduler lacks even dateparser: it unpickles the tasks but must not import what they run.
    address = start_scheduler(processes, python_without_dateparser)
    start_worker(processes, sys.executable, address, "first")
    with Client(address, timeout="30s") as client:
        client.wait_for_workers(1, timeout=START_TIMEOUT)
        assert client.run_on_scheduler(find_spec, "timeline_app") is None
        assert list(client.run(find_spec, "timeline_app").values()) == [None]
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 12)

    on_cluster = import_inputs([corpus], tmp_path / "cluster.sqlite3", dask=address)
    here = import_inputs([corpus], tmp_path / "here.sqlite3", workers=1)

    assert on_cluster.added == here.added == 12 and not on_cluster.skipped
    assert len(compared_rows(tmp_path / "here.sqlite3")) > 12
    assert compared_rows(tmp_path / "cluster.sqlite3").equals(compared_rows(tmp_path / "here.sqlite3"))

    # A worker that joins afterwards gets the code from the scheduler, with no client sending it again.
    start_worker(processes, sys.executable, address, "later")
    with Client(address, timeout="30s") as client:
        client.wait_for_workers(2, timeout=START_TIMEOUT)
        inputs = sorted(str(p) for p in corpus.iterdir())[:3]
        done = client.submit(ByName.of(articles.read_chunk), inputs, None, frozenset(),
                             workers=[_worker_named(client, "later")], pure=False).result(timeout=120)
    assert done == articles.read_chunk(inputs, None, frozenset())


@pytest.mark.slow
def test_a_worker_without_dateparser_stops_the_run_before_any_work_saying_what_to_install(
        tmp_path, processes, python_without_dateparser):
    address = start_scheduler(processes, sys.executable)
    start_worker(processes, python_without_dateparser, address, "bare")
    with Client(address, timeout="30s") as client:
        client.wait_for_workers(1, timeout=START_TIMEOUT)
        bare = _worker_named(client, "bare")
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3)
    library = tmp_path / "lib.sqlite3"
    wanted = next(line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
                  if line.startswith("dateparser"))

    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(corpus), "--dask", address,
                          "--library", str(library)], capture_output=True, text=True, cwd=ROOT, timeout=300)

    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert f"dateparser is missing on worker {bare}" in out.stderr
    assert f'python -m pip install "{wanted}"' in out.stderr
    assert out.stderr.startswith("error: ") and out.stderr.count("\n") == 1, out.stderr
    with Library(library) as lib:
        assert lib.article_count() == 0
