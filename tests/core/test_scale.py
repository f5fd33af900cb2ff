"""Batch processing: in-process, process pool and Dask give the same rows; interrupted runs resume."""

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.core.corpus import COMPARED, KEY, compared_rows, write_corpus
from timeline_app.core.batch.runners import CHUNK_BYTES, chunked
from timeline_app.core.library.store import Library
from timeline_app.core.pipeline import import_inputs

ROOT = Path(__file__).resolve().parents[2]


def test_three_modes_give_identical_rows(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40)  # enough for tasks of several inputs each
    results = {}
    events = {}
    for name, kwargs in {"inprocess": {"workers": 1}, "pool": {"workers": 2},
                         "dask": {"dask": "local", "workers": 2}}.items():
        lib = tmp_path / f"{name}.sqlite3"
        report = import_inputs([corpus], lib, **kwargs)
        assert report.added == 40, name
        results[name] = compared_rows(lib)
        with Library(lib) as library:  # the events each mention was merged into (issue 15)
            events[name] = library.mentions_frame().sort_values(KEY)["event_id"].tolist()
    assert len(results["inprocess"]) > 40
    assert results["pool"].equals(results["inprocess"])
    assert results["dask"].equals(results["inprocess"])
    assert len(set(events["inprocess"])) < len(events["inprocess"])  # some reports merged
    assert events["pool"] == events["dask"] == events["inprocess"]


def test_parquet_output_holds_every_mention(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 5)
    lib = tmp_path / "lib.sqlite3"
    report = import_inputs([corpus], lib, workers=1, parquet_dir=tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "mentions.parquet").to_pandas()
    assert len(table) == report.mentions == len(compared_rows(lib))
    with Library(lib) as library:
        stored = library.mentions_frame()
    columns = ["article_id", "publication_date", *COMPARED]
    assert table.sort_values(KEY).reset_index(drop=True)[columns].equals(
        stored.sort_values(KEY).reset_index(drop=True)[columns])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupted_run_keeps_its_work_and_resumes(tmp_path, workers):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 1500)
    lib = tmp_path / "lib.sqlite3"
    cmd = [sys.executable, str(ROOT / "main.py"), "extract", str(corpus), "--library", str(lib),
           "--workers", workers, "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    # Wait until the first batch is committed, then interrupt as Ctrl-C would.
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if lib.exists():
            try:
                with Library(lib) as library:
                    if library.article_count() > 0:
                        break
            except Exception:  # noqa: BLE001 - the file may be mid-creation
                pass
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    with Library(lib) as library:
        kept = library.article_count()
    assert 0 < kept < 1500
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{kept} article(s) already in the library were skipped" in again.stderr
    with Library(lib) as library:
        assert library.article_count() == 1500


def test_killed_import_leaves_a_consistent_library(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 1500)
    lib = tmp_path / "lib.sqlite3"
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "extract", str(corpus), "--library", str(lib),
                             "--workers", "1", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    kept = 0
    while time.monotonic() < deadline and not kept:
        time.sleep(0.3)
        if lib.exists():
            try:
                with Library(lib) as library:
                    kept = library.article_count()
            except Exception:  # noqa: BLE001 - the file may be mid-creation
                pass
    proc.kill()  # SIGKILL, in the middle of the import: no clean-up at all
    proc.wait()

    db = sqlite3.connect(lib)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    without_mentions = db.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)"
    ).fetchone()[0]
    db.close()
    assert articles >= kept > 0
    assert without_mentions == 0  # an article is stored with all its mentions, or not at all


def test_tasks_group_small_inputs_and_send_large_ones_alone(tmp_path):
    small = [str(p) for p in write_corpus(tmp_path / "small", 5)]
    big = tmp_path / "dump.jsonl"
    big.write_bytes(b"x" * (CHUNK_BYTES + 1))
    paths = small[:3] + [str(big)] + small[3:] + ["https://example.org/a"]
    assert list(chunked(paths, 2)) == [small[:2], small[2:3], [str(big)], small[3:], ["https://example.org/a"]]


def test_cancelling_a_pool_import_keeps_what_was_done_and_the_rest_follows(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40)  # tasks of two inputs
    lib = tmp_path / "lib.sqlite3"
    seen = []
    report = import_inputs([corpus], lib, workers=2, progress=lambda d, t, m: seen.append(d),
                           cancel=lambda: seen.count(0) < len(seen) - 4)
    # At 0 the count and what comes before the first input (the workers starting), then five inputs, then Cancel.
    assert seen[:2] == [0, 0] and [d for d in seen if d] == [1, 2, 3, 4, 5]
    # The other worker's article may have come in before the fifth input was done: it is kept, and
    # the report says an input was being read.
    assert report.cancelled and report.added in (5, 6)
    assert report.cancelled_inside == (report.added == 6)
    with Library(lib) as library:
        assert library.article_count() == report.added
    rest = import_inputs([corpus], lib, workers=2)
    assert (rest.added, rest.duplicates) == (40 - report.added, report.added)
