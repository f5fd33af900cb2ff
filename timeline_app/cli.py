"""Command line: start the GUI, or extract and export in batch without Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from timeline_app import __version__, desktop
from timeline_app.core.batch.articles import TIME_BUDGET
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.ingest.language import check_language
from timeline_app.core.library import columns as col
from timeline_app.core.library import export
from timeline_app.core.library.export import EXPORT_FORMATS
from timeline_app.core.library.filters import FilterIndex, FilterSpec
from timeline_app.core.library.frames import events_from_mentions
from timeline_app.core.library.periods import MONTH, RESOLUTIONS
from timeline_app.core.library.relations import Dyad, RelationsIndex, goldstein_weights, series, undated_events
from timeline_app.core.library.relations_export import series_frame
from timeline_app.core.library.store import Library
from timeline_app.core.timeline.picture import PAGES_MM, ImageOptions
from timeline_app.core.pipeline import import_inputs
from timeline_app.core.shown import shown
from timeline_app.errors import ExportError, TimelineError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOTHING_READ = 1
EXIT_SOME_SKIPPED = 2

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


def _say(message: str) -> None:
    """One line on stderr; names from outside in it (file names, archive members) with their control
    characters escaped, so that none can clear the terminal or forge a line."""
    print(shown(message), file=sys.stderr)


class _PrintableFormatter(logging.Formatter):
    """Log lines as _say writes them; a traceback after one keeps its lines."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return shown(super().formatMessage(record))


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date in the form YYYY-MM-DD") from None


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds above 0")
    return seconds


def _language(value: str) -> str:
    try:
        return check_language(value)
    except TimelineError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python main.py", description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="FILE_OR_FOLDER",
                   help="articles to open (.txt, .md, .html, feeds, JSON/CSV dumps, .zip, folders, URLs)")
    p.add_argument("--library", type=Path, metavar="PATH",
                   help="library file to use (default: library.sqlite3 in your data folder)")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
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


def _extract_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python main.py extract",
        description="Read articles, find their dated events and write them out, without the GUI. "
                    "Exit status: 0 when every input was read, 2 when some were skipped "
                    "(each named on stderr), 1 when nothing could be read.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, .zip archives or URLs")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                   help="publication date for every input (overrides dates found in the articles)")
    p.add_argument("--language", type=_language, metavar="CODE",
                   help="language of every input, an ISO 639-1 code such as fr, es, ar (overrides the "
                        "language told from each article's text)")
    p.add_argument("--library", type=Path, metavar="PATH",
                   help="library to add the articles to (kept; articles already there are skipped). "
                        "Without it a temporary library is used and only the CSV files remain")
    p.add_argument("--csv", type=Path, metavar="EVENTS.csv", help="write one row per event")
    p.add_argument("--mentions-csv", type=Path, metavar="MENTIONS.csv",
                   help="write one row per dated mention, with character offsets into the article text")
    p.add_argument("--workers", type=int, metavar="N",
                   help="worker processes (default: one per core for large inputs; 1 = in-process)")
    p.add_argument("--dask", metavar="local|tcp://HOST:PORT",
                   help="run on a dask.distributed cluster: 'local' starts one here, or give a scheduler "
                        "(its workers need requirements.txt but not the app, whose code is sent to them, and "
                        "must see the inputs at the same paths; the results are written here)")
    p.add_argument("--parquet", type=Path, metavar="DIR",
                   help="also stream every mention to DIR/mentions.parquet as it is extracted")
    p.add_argument("--time-budget", type=_seconds, default=TIME_BUDGET, metavar="SECONDS",
                   help=f"seconds one article may take; a longer one is skipped with a reason (default {TIME_BUDGET:g})")
    p.add_argument("--bom", action="store_true", help="start the CSV files with a UTF-8 byte order mark")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    return p


def _export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python main.py export",
        description="Write the events of a library, filtered as asked, in one or more formats.",
    )
    p.add_argument("--library", type=Path, required=True, metavar="PATH", help="library file to read")
    for fmt in EXPORT_FORMATS:
        p.add_argument(fmt.option, dest=fmt.key, type=Path, metavar="F", help=fmt.help)
    p.add_argument("--by", choices=RESOLUTIONS, default=MONTH,
                   help=f"the periods of {export.RELATIONS_OPTION} (default: month)")
    p.add_argument("--country", action="append", default=[], metavar="ISO3",
                   help="keep events with this country (repeat for several)")
    p.add_argument("--match", choices=("any", "all"), default="any",
                   help="with several --country: events with any of them, or with all of them")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="last day")
    p.add_argument("--type", action="append", default=[], metavar="CODE",
                   help="CAMEO root code (04) or event type name (repeat for several)")
    p.add_argument("--language", action="append", default=[], type=_language, metavar="CODE",
                   help="keep events reported in this language, an ISO 639-1 code (repeat for several)")
    image = p.add_argument_group("the timeline as a picture (drawn offscreen, no display needed)")
    image.add_argument("--image", type=Path, metavar="F", help="a .png, .svg or .pdf of the filtered events")
    image.add_argument("--title", metavar="T", help="its title (default: the countries and years, as in the app)")
    image.add_argument("--width", type=int, default=ImageOptions.width_px, metavar="PX",
                       help=f"its width in pixels (default {ImageOptions.width_px}); it is as tall as its rows need")
    image.add_argument("--page", choices=tuple(PAGES_MM), help="fill a landscape page instead of a width in pixels")
    image.add_argument("--scale", type=float, default=1.0, metavar="N", help="pixels per pixel of a PNG: 2 for high-DPI")
    return p


def _rebuild_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python main.py rebuild",
        description="Merge every mention of a library into events again and rewrite its events from the "
                    "mentions and your corrections (which are kept).",
    )
    p.add_argument("--library", type=Path, required=True, metavar="PATH", help="library file to rebuild")
    return p


def _run_rebuild(opts: argparse.Namespace) -> int:
    if not opts.library.exists():
        print(f"error: there is no library at {opts.library}", file=sys.stderr)
        return EXIT_NOTHING_READ
    started = time.monotonic()
    try:
        with Library(opts.library) as library:
            n = library.rebuild_events()
    except TimelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_NOTHING_READ
    print(f"{n} events rebuilt in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Entry point of main.py: dispatch to a batch command or start the GUI."""
    args = list(sys.argv[1:] if argv is None else argv)
    handler = logging.StreamHandler()
    handler.setFormatter(_PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    try:
        if args and args[0] == "extract":
            return _run_extract(_extract_parser().parse_args(args[1:]))
        if args and args[0] == "export":
            return _run_export(_export_parser().parse_args(args[1:]))
        if args and args[0] == "rebuild":
            return _run_rebuild(_rebuild_parser().parse_args(args[1:]))
        opts = _gui_parser().parse_args(args)
    except TimelineError as e:
        _say(f"error: {e}")
        return EXIT_NOTHING_READ
    if opts.install_desktop_entry or opts.uninstall_desktop_entry:
        return _run_desktop_entry(opts.install_desktop_entry)
    # deferred: Qt and the window take 240 ms at start-up (measured with -X importtime), and the batch
    # commands above must run without them, on machines with no display at all.
    from timeline_app.gui.app import run_gui

    return run_gui(opts.paths, opts.library, opts.published, smoke_test=opts.smoke_test)


def _run_desktop_entry(install: bool) -> int:
    try:
        files = desktop.install_desktop_entry() if install else desktop.uninstall_desktop_entry()
    except TimelineError as e:
        _say(f"error: {e}")
        return EXIT_NOTHING_READ
    for path in files:
        print(shown(f"{'installed' if install else 'removed'} {path}"))
    if not install and not files:
        print("no desktop entry was installed")
    return EXIT_OK


class _ProgressLine:
    """A one-line progress display on stderr; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.shown = 0.0

    def __call__(self, done: int, total: int, message: str) -> None:
        if not self.enabled or total == 0:
            return
        now = time.monotonic()
        # Redrawn ten times a second at most: the process that writes the library has no CPU to spare.
        if now - self.shown < 0.1 and done != total:
            return
        self.shown = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else 0.0
        sys.stderr.write(f"\r{done}/{total} inputs  {rate:5.1f}/s  {left:5.0f} s left ")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _run_extract(opts: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="timeline-extract-") as tmp:
        library_path = opts.library or Path(tmp) / "library.sqlite3"
        try:
            report = import_inputs(opts.paths, library_path, published=opts.published, language=opts.language,
                                   progress=_ProgressLine(not opts.quiet), workers=opts.workers,
                                   dask=opts.dask, parquet_dir=opts.parquet, time_budget=opts.time_budget)
        except KeyboardInterrupt:
            _say("interrupted: what was finished is kept in the library")
            return 130
        except TimelineError as e:
            _say(f"error: {e}")
            return EXIT_NOTHING_READ
        for skipped in report.skipped:
            _say(f"skipped: {skipped.path}: {skipped.reason}")
        with Library(library_path) as library:
            if report.needs_date:
                titles = library.articles_frame().set_index(col.ARTICLE_ID)
                for article_id in report.needs_date:
                    row = titles.loc[article_id]
                    _say(f"no publication date: {row[col.SOURCE_PATH] or row[col.TITLE]} "
                         "(its relative dates are left unresolved; give one with --published)")
            try:
                if opts.mentions_csv:
                    export.write_mentions_csv(library.curated_mentions(), opts.mentions_csv, bom=opts.bom)
                if opts.csv:
                    export.write_events_csv(library.events_frame(), opts.csv, bom=opts.bom)
            except TimelineError as e:
                _say(f"error: {e}")
                return EXIT_NOTHING_READ
    if report.duplicates:
        _say(f"{report.duplicates} article(s) already in the library were skipped")
    _say(report.summary())
    if report.added == 0 and report.duplicates == 0:
        return EXIT_NOTHING_READ
    return EXIT_SOME_SKIPPED if report.skipped else EXIT_OK


def _run_export(opts: argparse.Namespace) -> int:
    targets = {fmt.key: getattr(opts, fmt.key) for fmt in EXPORT_FORMATS if getattr(opts, fmt.key)}
    if not targets and not opts.image:
        options = [fmt.option for fmt in EXPORT_FORMATS] + ["--image"]
        _say(f"error: say what to write: {', '.join(options[:-1])} or {options[-1]}")
        return EXIT_NOTHING_READ
    if not opts.library.exists():
        _say(f"error: there is no library at {opts.library}")
        return EXIT_NOTHING_READ
    spec = FilterSpec(
        countries=frozenset(c.upper() for c in opts.country), match=opts.match,
        date_from=opts.date_from, date_to=opts.date_to, event_types=frozenset(opts.type),
        languages=frozenset(opts.language),
    )
    try:
        with Library(opts.library) as library:
            mentions = library.curated_mentions()  # with the user's corrections, as the GUI shows them
        events = events_from_mentions(mentions)
        kept = events[FilterIndex(events).mask(spec)]
        kept_mentions = mentions[mentions[col.EVENT_ID].isin(kept[col.EVENT_ID])]
        relations = _relations(events, mentions, spec, opts) if export.RELATIONS_CSV in targets else None
        for key, path in targets.items():
            export.write_export(key, kept, kept_mentions, path, relations)
        if opts.image:
            _write_image(kept, spec, opts)
    except TimelineError as e:
        _say(f"error: {e}")
        return EXIT_NOTHING_READ
    if opts.image or set(targets) - {export.RELATIONS_CSV}:
        _say(f"{len(kept)} of {len(events)} events written ({spec.describe()})")
    return EXIT_OK


def _relations(events: pd.DataFrame, mentions: pd.DataFrame, spec: FilterSpec, opts: argparse.Namespace
               ) -> pd.DataFrame:
    """What the Relations dock charts for the first --country, or the first two as a pair, among the
    filtered events; what it leaves out is said on stderr."""
    if not 1 <= len(opts.country) <= 2:
        raise ExportError(f"{export.RELATIONS_OPTION} charts one country or a pair: give one or two --country "
                          f"(not {len(opts.country)}).")
    index = RelationsIndex(events, goldstein_weights(), undated_events(mentions, events[col.EVENT_ID]))
    dyad = Dyad(*(c.upper() for c in opts.country))
    chart = series(index, FilterIndex(events).mask(spec), dyad, opts.by)
    left_out = [f"{chart.too_coarse} dated more loosely than a {opts.by}"] if chart.too_coarse else []
    undated = index.undated_count(dyad, spec)
    if undated:
        left_out.append(f"{undated} undated")
    _say(f"relations: {chart.total} events of {dyad.label()} in {len(chart.events)} {opts.by}s"
         + (f" (left out: {', '.join(left_out)})" if left_out else ""))
    return series_frame(chart)


def _write_image(events: pd.DataFrame, spec: FilterSpec, opts: argparse.Namespace) -> None:
    """The filtered events drawn as in the app's timeline (lanes by country) into opts.image."""
    # deferred: Qt and the timeline's painter take 0.38 s to import (-X importtime) and only --image needs them;
    # the other commands stay free of Qt (the import contracts in .importlinter say so).
    from timeline_app.gui.timeline import render_events

    codes = {c for cell in events[col.COUNTRIES].tolist() for c in col.split_list(cell)} | set(spec.countries)
    gazetteer = Gazetteer.default()
    names = {code: gazetteer.country_name(code) or code for code in codes}
    options = ImageOptions(width_px=opts.width, page=opts.page, scale=opts.scale, title=opts.title)
    plan = render_events(events, opts.image, options, names, spec)
    _say(f"timeline drawn to {opts.image} ({plan.width} x {plan.height} px, {len(plan.pages)} page"
         f"{'s' if len(plan.pages) != 1 else ''})")
