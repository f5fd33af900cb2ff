"""The batch commands (extract, export, rebuild): their options and what they run, without Qt."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from timeline_app.console import EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_SKIPPED, date_arg, say
from timeline_app.core.budget import TIME_BUDGET
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
from timeline_app.errors import ExportError, TimelineError


def run(command: str, args: list[str]) -> int:
    """Run one batch command ("extract", "export" or "rebuild") with its arguments; its exit status."""
    if command == "extract":
        return _run_extract(extract_parser().parse_args(args))
    if command == "export":
        return _run_export(export_parser().parse_args(args))
    return _run_rebuild(rebuild_parser().parse_args(args))


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


def extract_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python main.py extract",
        description="Read articles, find their dated events and write them out, without the GUI. "
                    "Exit status: 0 when every input was read, 2 when some were skipped "
                    "(each named on stderr), 1 when nothing could be read.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, .zip archives or URLs")
    p.add_argument("--published", type=date_arg, metavar="YYYY-MM-DD",
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


def export_parser() -> argparse.ArgumentParser:
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
    p.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD", help="last day")
    p.add_argument("--type", action="append", default=[], metavar="CODE",
                   help="CAMEO root code (04) or event type name (repeat for several)")
    p.add_argument("--language", action="append", default=[], type=_language, metavar="CODE",
                   help="keep events reported in this language, an ISO 639-1 code (repeat for several)")
    p.add_argument("--uncertain-only", action="store_true",
                   help="keep only events whose date is uncertain (date_mod APPROX: \"next Friday\" told on a Wednesday)")
    image = p.add_argument_group("the timeline as a picture (drawn offscreen, no display needed)")
    image.add_argument("--image", type=Path, metavar="F", help="a .png, .svg or .pdf of the filtered events")
    image.add_argument("--title", metavar="T", help="its title (default: the countries and years, as in the app)")
    image.add_argument("--width", type=int, default=ImageOptions.width_px, metavar="PX",
                       help=f"its width in pixels (default {ImageOptions.width_px}); it is as tall as its rows need")
    image.add_argument("--page", choices=tuple(PAGES_MM), help="fill a landscape page instead of a width in pixels")
    image.add_argument("--scale", type=float, default=1.0, metavar="N", help="pixels per pixel of a PNG: 2 for high-DPI")
    return p


def rebuild_parser() -> argparse.ArgumentParser:
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


class ProgressLine:
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
                                   progress=ProgressLine(not opts.quiet), workers=opts.workers,
                                   dask=opts.dask, parquet_dir=opts.parquet, time_budget=opts.time_budget)
        except KeyboardInterrupt:
            say("interrupted: what was finished is kept in the library")
            return 130
        except TimelineError as e:
            say(f"error: {e}")
            return EXIT_NOTHING_READ
        for skipped in report.skipped:
            say(f"skipped: {skipped.path}: {skipped.reason}")
        with Library(library_path) as library:
            if report.needs_date:
                titles = library.articles_frame().set_index(col.ARTICLE_ID)
                for article_id in report.needs_date:
                    row = titles.loc[article_id]
                    say(f"no publication date: {row[col.SOURCE_PATH] or row[col.TITLE]} "
                         "(its relative dates are left unresolved; give one with --published)")
            try:
                if opts.mentions_csv:
                    export.write_mentions_csv(library.curated_mentions(), opts.mentions_csv, bom=opts.bom)
                if opts.csv:
                    export.write_events_csv(library.events_frame(), opts.csv, bom=opts.bom)
            except TimelineError as e:
                say(f"error: {e}")
                return EXIT_NOTHING_READ
    if report.duplicates:
        say(f"{report.duplicates} article(s) already in the library were skipped")
    say(report.summary())
    if report.added == 0 and report.duplicates == 0:
        return EXIT_NOTHING_READ
    return EXIT_SOME_SKIPPED if report.skipped else EXIT_OK


def _run_export(opts: argparse.Namespace) -> int:
    targets = {fmt.key: getattr(opts, fmt.key) for fmt in EXPORT_FORMATS if getattr(opts, fmt.key)}
    if not targets and not opts.image:
        options = [fmt.option for fmt in EXPORT_FORMATS] + ["--image"]
        say(f"error: say what to write: {', '.join(options[:-1])} or {options[-1]}")
        return EXIT_NOTHING_READ
    if not opts.library.exists():
        say(f"error: there is no library at {opts.library}")
        return EXIT_NOTHING_READ
    spec = FilterSpec(
        countries=frozenset(c.upper() for c in opts.country), match=opts.match,
        date_from=opts.date_from, date_to=opts.date_to, event_types=frozenset(opts.type),
        languages=frozenset(opts.language), uncertain_only=opts.uncertain_only,
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
        say(f"error: {e}")
        return EXIT_NOTHING_READ
    if opts.image or set(targets) - {export.RELATIONS_CSV}:
        say(f"{len(kept)} of {len(events)} events written ({spec.describe()})")
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
    say(f"relations: {chart.total} events of {dyad.label()} in {len(chart.events)} {opts.by}s"
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
    say(f"timeline drawn to {opts.image} ({plan.width} x {plan.height} px, {len(plan.pages)} page"
         f"{'s' if len(plan.pages) != 1 else ''})")
