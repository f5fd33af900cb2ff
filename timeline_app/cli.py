"""Command line: start the GUI, or extract and export in batch without Qt."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from timeline_app import __version__, desktop
from timeline_app.core.batch.pools import SAMPLES, worker_pool
from timeline_app.core.library.opening import LIBRARY_SUFFIX, is_sqlite_file
from timeline_app.console import EXIT_NOTHING_READ, EXIT_OK, PrintableFormatter, date_arg, say
from timeline_app.core.shown import shown
from timeline_app.errors import TimelineError, UsageError
from timeline_app.paths import default_library_path, sample_paths

log = logging.getLogger(__name__)

BATCH_COMMANDS = ("extract", "export", "rebuild")

_DESCRIPTION = """\
Diplomatic Timeline: finds the dated events in news articles, resolves every date against the
article's publication date, ties each event to the countries taking part, and shows them on a
zoomable timeline.

  python main.py [FILE_OR_FOLDER ...]        start the app (with the bundled samples on first start)
  python main.py extract PATH ... [options]  read articles and write events without the GUI
  python main.py export --library LIB ...    write the events of a library as CSV, JSON or Excel
  python main.py rebuild --library LIB       merge the library's mentions into events again

Run "python main.py extract --help" or "python main.py export --help" for their options.
"""


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python main.py", description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="FILE_OR_FOLDER",
                   help="articles to open (.txt, .md, .html, feeds, JSON/CSV dumps, .zip, folders, URLs), "
                        f"or one library ({LIBRARY_SUFFIX} or any library file) to open instead of the last one")
    p.add_argument("--library", type=Path, metavar="PATH",
                   help="library file to use (default: library.sqlite3 in your data folder)")
    p.add_argument("--published", type=date_arg, metavar="YYYY-MM-DD",
                   help="publication date for the articles opened from the command line")
    p.add_argument("--version", action="version", version=f"Diplomatic Timeline {__version__}")
    desktop = p.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop-entry", action="store_true",
                         help="add the app to the desktop's menu (.desktop entry, icons, metainfo under "
                              "$XDG_DATA_HOME, default ~/.local/share) and exit")
    desktop.add_argument("--uninstall-desktop-entry", action="store_true",
                         help="remove what --install-desktop-entry added and exit")
    p.add_argument("--smoke-test", action="store_true",
                   help="start as usual, wait until the timeline shows events, print how many and how "
                        "long it took, and quit (exit status 1 when none came)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of main.py: dispatch to a batch command or start the GUI."""
    args = list(sys.argv[1:] if argv is None else argv)
    handler = logging.StreamHandler()
    handler.setFormatter(PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    try:
        if args and args[0] in BATCH_COMMANDS:
            # deferred: the batch commands' modules (pandas, the library, the pipeline: 0.6 s) are not
            # what starting the window needs first, and a worker process the window starts imports
            # this module again (measured with -X importtime)
            from timeline_app import commands

            return commands.run(args[0], args[1:])
        opts = _gui_parser().parse_args(args)
        opts.paths, library = _library_among(opts.paths)
        if library is not None:
            if opts.library is not None:
                raise UsageError(f"{library} is a library: give it or --library {opts.library}, not both.")
            opts.library = library
    except TimelineError as e:
        say(f"error: {e}")
        return EXIT_NOTHING_READ
    if opts.install_desktop_entry or opts.uninstall_desktop_entry:
        return _run_desktop_entry(opts.install_desktop_entry)
    pool = None
    if not opts.paths and not (opts.library or default_library_path()).exists():
        # A first start adds the samples: their worker process starts now and, on the other core
        # while Qt and the window load here, reads their stored rows (core.batch.samples) or loads
        # its tables (about 1 s) and processes them; their rows wait in the pipe until the window's
        # import asks for them. The window stops it if the library it opens (the last one used)
        # needs no samples. Forked (on Linux) while this process has one thread and few modules: Qt
        # has not started yet.
        pool = worker_pool(1, None, frozenset(), serving=SAMPLES)
        pool.start(fork=True, first=[str(p) for p in sample_paths()])
    # The window's imports (Qt, pandas, the core) make some 300,000 objects that all live as long as
    # the app, and each collection during the import walked all those made before it: paused, the
    # import took 0.67-0.83 s CPU instead of 0.82-1.00 s (five runs each, at load 5). Then frozen, so
    # that no collection walks them again: the window's collector (gui/workers.py, which keeps
    # automatic collection off) would otherwise find 160,000 of them in its first pass (0.06 s).
    collecting = gc.isenabled()
    gc.disable()
    try:
        # deferred: Qt and the window take 240 ms at start-up (measured with -X importtime), and the
        # batch commands above must run without them, on machines with no display at all.
        from timeline_app.gui.app import run_gui
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    return run_gui(opts.paths, opts.library, opts.published, smoke_test=opts.smoke_test, pool=pool)


def _library_among(paths: list[str]) -> tuple[list[str], Path | None]:
    """The paths that are articles, and the one that is a library (None when none is).

    The desktop opens a library file this way (`diplomatic-timeline FILE.dtl`): it is an SQLite file,
    which no article is, or a file name ending in .dtl that does not exist yet (a new library).
    """
    libraries = [p for p in paths if is_sqlite_file(Path(p))
                 or (p.lower().endswith(LIBRARY_SUFFIX) and not Path(p).exists())]
    if len(libraries) > 1:
        raise UsageError(f"{libraries[0]} and {libraries[1]} are both libraries: open one at a time.")
    articles = [p for p in paths if p not in libraries]
    return articles, Path(libraries[0]) if libraries else None


def _run_desktop_entry(install: bool) -> int:
    try:
        files = desktop.install_desktop_entry() if install else desktop.uninstall_desktop_entry()
    except TimelineError as e:
        say(f"error: {e}")
        return EXIT_NOTHING_READ
    for path in files:
        print(shown(f"{'installed' if install else 'removed'} {path}"))
    if not install and not files:
        print("no desktop entry was installed")
    return EXIT_OK
