"""run_gui as main.py starts it: first start with the samples, paths from the command line, crash dialog."""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.fresh import loaded_after
from timeline_app.core.daycount import days_from_civil
from timeline_app import cli, desktop, paths
from timeline_app.core.batch.pools import SAMPLES, worker_pool
from timeline_app.paths import sample_paths
from timeline_app.core.library.store import Library
from timeline_app.gui import app as gui_app
from timeline_app.gui.dialogs import CrashDialog
from timeline_app.gui.window.main_window import MainWindow

ARTICLE = """Greece and Turkey restart talks

Published: 2 March 2024

The foreign ministers of Greece and Turkey met in Athens on Thursday and agreed to meet again in June.
"""


@pytest.fixture()
def isolated_settings(tmp_path, monkeypatch):
    """QSettings() in run_gui writes under tmp_path, never in the user's configuration."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "")


def _run(qtbot, monkeypatch, until, argv_paths: list[str], library: Path, pool=None) -> MainWindow:
    """Run run_gui with an exec() that returns once `until(window)` holds, then closes the window."""
    seen: list[MainWindow] = []

    def fake_exec(self=None) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.append(window)
        qtbot.waitUntil(lambda: until(window), timeout=120_000)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert gui_app.run_gui(argv_paths, library, None, pool=pool) == 0
    return seen[0]


@pytest.fixture()
def unfrozen():
    """cli.main freezes what the window's import made (gc.freeze): undone for the rest of the test run."""
    yield
    gc.unfreeze()


def test_the_cli_starts_the_gui_when_no_command_is_given(monkeypatch, tmp_path, unfrozen) -> None:
    calls = []
    monkeypatch.setattr(gui_app, "run_gui", lambda *args, **kwargs: calls.append((args, kwargs)) or 7)
    assert cli.main(["a.txt", "--library", str(tmp_path / "l.sqlite3"), "--published", "2024-03-02"]) == 7
    assert calls == [((["a.txt"], tmp_path / "l.sqlite3", dt.date(2024, 3, 2)), {"smoke_test": False, "pool": None})]


class _FakePool:
    """Stands for a worker pool: records what the app does with it."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.first: list[str] | None = None

    def start(self, fork: bool = False, first: list[str] | None = None) -> None:
        self.calls.append("fork" if fork else "start")
        self.first = first

    def stop(self) -> None:
        self.calls.append("stop")


def test_a_first_start_starts_the_samples_worker_before_the_window(monkeypatch, tmp_path, unfrozen) -> None:
    pools: list[_FakePool] = []
    serving: list[str] = []
    monkeypatch.setattr(cli, "worker_pool",
                        lambda *args, **kwargs: serving.append(kwargs["serving"]) or pools.append(_FakePool()) or pools[-1])
    given = []
    monkeypatch.setattr(gui_app, "run_gui", lambda *args, **kwargs: given.append(kwargs["pool"]) or 0)
    new_library = tmp_path / "new.sqlite3"
    assert cli.main(["--library", str(new_library)]) == 0
    assert len(pools) == 1 and given == [pools[0]] and pools[0].calls == ["fork"]  # forked before Qt loads
    assert pools[0].first == [str(p) for p in sample_paths()]  # read while the window loads
    assert serving == [SAMPLES]  # their stored rows, when they fit (core/batch/samples.py)
    # A library that exists already, or paths to open, start none.
    new_library.touch()
    assert cli.main(["--library", str(new_library)]) == 0
    assert cli.main(["a.txt", "--library", str(tmp_path / "other.sqlite3")]) == 0
    assert len(pools) == 1 and given[1:] == [None, None]


def test_first_start_shows_the_bundled_samples(qtbot, monkeypatch, tmp_path, isolated_settings) -> None:
    library = tmp_path / "first.sqlite3"
    n_samples = len(list(paths.SAMPLES.glob("*.txt")))
    assert n_samples >= 6, "the bundled samples are missing"
    window = _run(qtbot, monkeypatch, lambda w: w.snapshot is not None and len(w.snapshot.articles) == n_samples
                  and w.event_model.rowCount() > 0, [], library)
    assert window.library_path == library
    with Library(library) as lib:
        assert lib.setting(gui_app.SAMPLES_SETTING) == "1"
    # The next start of the same (now non-empty) library adds nothing (the articles come with the mentions).
    window = _run(qtbot, monkeypatch, lambda w: w.snapshot is not None and w.snapshot.complete, [], library)
    assert len(window.snapshot.articles) == n_samples


def test_a_first_start_adds_the_samples_through_the_worker_started_for_them(qtbot, monkeypatch, tmp_path,
                                                                         isolated_settings) -> None:
    pool = worker_pool(1, None, frozenset())
    pool.start(first=[str(p) for p in sample_paths()])
    spawned, ran = [], []
    # run() must not start another: the samples sent ahead are those the window asks for
    monkeypatch.setattr(pool, "_spawn", lambda: spawned.append(1))
    run = pool.run
    monkeypatch.setattr(pool, "run", lambda chunks, ready=None: ran.append(1) or run(chunks, ready))
    library = tmp_path / "first.sqlite3"
    n_samples = len(list(paths.SAMPLES.glob("*.txt")))
    window = _run(qtbot, monkeypatch, lambda w: w.snapshot is not None and len(w.snapshot.articles) == n_samples
                  and w.event_model.rowCount() > 0, [], library, pool)
    assert ran == [1] and spawned == [] and window.event_model.rowCount() > 0
    # The next start of the library adds no samples: the worker started for them is stopped.
    unused = _FakePool()
    _run(qtbot, monkeypatch, lambda w: w.snapshot is not None, [], library, unused)
    assert unused.calls == ["stop"]


def test_paths_on_the_command_line_are_opened(qtbot, monkeypatch, tmp_path, isolated_settings) -> None:
    article = tmp_path / "athens.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    library = tmp_path / "cli.sqlite3"
    window = _run(qtbot, monkeypatch, lambda w: w.snapshot is not None and len(w.snapshot.articles) == 1,
                  [str(article)], library)
    assert window.snapshot.articles["title"].tolist() == ["Greece and Turkey restart talks"]
    # The library given is remembered as the most recent one.
    assert QSettings().value("recent_libraries")[0] == str(library) or \
        QSettings().value("recent_libraries") == str(library)


def test_an_unexpected_error_shows_the_crash_dialog(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    gui_app.install_excepthook()
    try:
        raise ValueError("something impossible")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert len(dialogs) == 1
    assert "ValueError: something impossible" in dialogs[0].details.toPlainText()
    dialogs[0].close()


def test_the_window_starts_without_the_tables_only_an_import_needs() -> None:
    # What a warm start imports (the CLI, which starts the window) leaves out dateparser and the
    # language model: 100-500 ms each, loaded by the first import of articles; and charset-normalizer
    # (15-40 ms), used only for a text in neither UTF-8 nor a Western encoding.
    code = ("import sys\nimport timeline_app.cli, timeline_app.gui.app\n"
            "print(sorted(m for m in ('dateparser', 'py3langid', 'charset_normalizer') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_the_window_imports_pandas_and_the_core_before_qt() -> None:
    # Imported after PySide6 (whose import hook then sees every import) they cost about 0.2 s more.
    code = ("import sys\nimport timeline_app.cli, timeline_app.gui.app\nnames = list(sys.modules)\n"
            "print(names.index('pandas') < names.index('PySide6'),"
            " names.index('timeline_app.core.pipeline') < names.index('PySide6'))")
    assert loaded_after(code, ()) == ("True True", [])


_GC_DURING_THE_WINDOWS_IMPORT = """
import gc, sys
import timeline_app.cli as cli

seen = []


class Watch:
    def find_spec(self, name, path, target=None):
        if name == "timeline_app.gui.app":
            seen.append(gc.isenabled())


sys.meta_path.insert(0, Watch())
with open(sys.argv[2], "w") as quiet:
    sys.stdout = quiet
    code = cli.main(["--smoke-test", "--library", sys.argv[1]])
sys.stdout = sys.__stdout__
print(code, seen, gc.get_freeze_count() > 100_000)
"""


def test_the_collector_is_paused_while_the_window_is_imported_and_then_skips_what_it_made(tmp_path) -> None:
    # Each collection during the window's import walked every object imported before it (0.1 s CPU);
    # frozen afterwards, the window's own collections never walk them.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "TIMELINE_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", _GC_DURING_THE_WINDOWS_IMPORT, str(tmp_path / "l.sqlite3"),
                          str(tmp_path / "smoke.txt")], capture_output=True, text=True, timeout=300, env=env,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0 [False] True"
    assert " events drawn " in (tmp_path / "smoke.txt").read_text()


def test_the_window_imports_no_extraction_of_articles() -> None:
    # The extraction's own modules cost the window's start 0.05-0.1 s CPU; the window processes no
    # article on a first start (the samples' worker does) nor on a later one.
    extraction = ("timeline_app.core.batch.articles", "timeline_app.core.extract.events")
    assert loaded_after("import timeline_app.gui.app", extraction) == ("", [])
    # The first article processed in the window's process imports it (small imports run in this process).
    code = ("import datetime as dt\nimport timeline_app.gui.app\nfrom timeline_app.core import pipeline\n"
            "from timeline_app.core.models import Article\n"
            "article = Article(text='Greece and Turkey met in Athens on Thursday.', title='t', published=dt.date(2024, 3, 2))\n"
            "print(len(pipeline.process_article(article).mentions) > 0)")
    assert loaded_after(code, extraction) == ("True", list(extraction))


def test_the_window_starts_without_the_date_engine_and_loads_it_with_a_typed_date() -> None:
    # The date labels (temporal.values) come without the engine and its rules: 30-60 ms of the start.
    engine = ("timeline_app.core.temporal.engine", "timeline_app.core.temporal.rules")
    assert loaded_after("import timeline_app.gui.app", engine) == ("", [])
    code = ("import timeline_app.gui.app\nfrom timeline_app.core.timeline.navigate import parse_period\n"
            "print(parse_period('15 March 2011'))")
    assert loaded_after(code, engine) == (f"({days_from_civil(2011, 3, 15)}, 'day')", list(engine))


def test_the_window_starts_without_url_fetching_or_parquet_writing() -> None:
    # Measured with -X importtime: urllib.request (http.client, email) 7-35 ms, pyarrow.parquet
    # (pyarrow.fs, ssl) 10-50 ms at every start, for a URL given or an `extract --parquet` only.
    deferred = ("urllib.request", "http.client", "pyarrow.parquet", "pyarrow.fs", "ssl")
    assert loaded_after("import timeline_app.cli\nimport timeline_app.gui.app", deferred) == ("", [])
    # Each comes with its first use: a URL read (refused at once: nothing listens on port 9 of this
    # machine) and a Parquet file written.
    code = ("import tempfile, pathlib\nimport timeline_app.gui.app\n"
            "from timeline_app.core.ingest import read_inputs\n"
            "from timeline_app.core.batch.parquet import ParquetSink\n"
            "print(len(read_inputs(['http://127.0.0.1:9/article']).skipped))\n"
            "ParquetSink(pathlib.Path(tempfile.mkdtemp()) / 'pq').close()")
    assert loaded_after(code, deferred) == ("1", sorted(deferred))


def _given_to_the_gui(monkeypatch, argv: list[str]) -> tuple[int, list[tuple]]:
    calls: list[tuple] = []
    monkeypatch.setattr(gui_app, "run_gui", lambda *args, **kwargs: calls.append(args) or 0)
    return cli.main(argv), calls


def test_a_library_file_given_as_a_path_is_opened_as_the_library(monkeypatch, tmp_path, unfrozen) -> None:
    # As the desktop opens a .dtl file with the app: `diplomatic-timeline FILE.dtl`.
    named = tmp_path / "talks.dtl"
    Library(named).close()
    article = tmp_path / "athens.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert _given_to_the_gui(monkeypatch, [str(named), str(article)]) == (0, [([str(article)], named, None)])
    # A library named as earlier versions named them is known by its SQLite header.
    old_name = tmp_path / "old.sqlite3"
    Library(old_name).close()
    assert _given_to_the_gui(monkeypatch, [str(old_name)]) == (0, [([], old_name, None)])
    # A .dtl name that is not there yet is a new library, as with --library.
    assert _given_to_the_gui(monkeypatch, [str(tmp_path / "new.dtl")]) == (0, [([], tmp_path / "new.dtl", None)])


def test_articles_are_not_taken_for_libraries(monkeypatch, tmp_path, unfrozen) -> None:
    article = tmp_path / "athens.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    lib = tmp_path / "l.sqlite3"
    assert _given_to_the_gui(monkeypatch, [str(article), str(folder), "--library", str(lib)]) == \
        (0, [([str(article), str(folder)], lib, None)])


def test_two_libraries_at_once_are_refused_with_a_reason(monkeypatch, tmp_path, capsys, unfrozen) -> None:
    one, two = tmp_path / "one.dtl", tmp_path / "two.sqlite3"
    Library(one).close()
    Library(two).close()
    assert _given_to_the_gui(monkeypatch, [str(one), str(two)]) == (1, [])
    assert f"error: {one} and {two} are both libraries: open one at a time." in capsys.readouterr().err
    assert _given_to_the_gui(monkeypatch, [str(one), "--library", str(two)]) == (1, [])
    assert f"{one} is a library: give it or --library {two}, not both." in capsys.readouterr().err


def test_settings_stay_where_earlier_versions_kept_them(qtbot, isolated_settings, tmp_path) -> None:
    # Written under the names every earlier version used: the app still reads them after the id changed.
    earlier = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "DiplomaticTimeline",
                        "DiplomaticTimeline")
    earlier.setValue("recent_libraries", [str(tmp_path / "kept.sqlite3")])
    earlier.sync()
    app = QApplication.instance()
    gui_app.name_application(app)
    assert QSettings().fileName() == earlier.fileName()
    assert QSettings().fileName().endswith("/DiplomaticTimeline/DiplomaticTimeline.conf")
    assert QSettings().value("recent_libraries") == [str(tmp_path / "kept.sqlite3")]
    # The desktop entry and the Wayland app id are the one reverse-DNS id.
    assert app.desktopFileName() == desktop.APP_ID
