"""Merging reports of one event: the app's events scored against benchmarks/data/merge/gold.json.

Usage: python benchmarks/merge.py [--library LIB] [--assign MODULE:FUNCTION] [--show-errors]
       [--show-heldout-errors] [--workers N] [--gold PATH ...] [--check]

Extracts every article of the evaluation set into a temporary library (core.pipeline.import_inputs,
as `python main.py extract` does), matches each gold mention to the system mention whose span
overlaps it most in the same article, and prints pairwise and B-cubed precision, recall and F1 over the
gold mentions (dev, dev2 to dev13, dev13-kept, held-out, all), the gold events with two or more mentions that
came out as one event, and the near-miss groups whose events stayed apart. The last line is one JSON object.

The set is gold.json (its events dev or held out) and dev2.json to dev13.json, each a part written later
(`"split": "devN"`), most of them before the app was run on them, to check the rules on texts they were not
written for; benchmarks/data/merge/README.md tells what each holds. dev13's events and groups marked
`"kept_back": true` are the dev13-kept split, a check on unseen text whose errors are never listed.
Each file names its own articles folder.

The events come from one function, `system_mentions`: today the event ids the library gives its
mentions (with the user's edits applied, as the GUI and the CLI show them). `--assign M:F` scores
another assignment instead: F(mentions frame) -> a Series of event ids, one per row.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline_app.core.library.store import Library  # noqa: E402
from timeline_app.core.pipeline import import_inputs  # noqa: E402

GOLD = HERE / "data" / "merge" / "gold.json"
DEV2 = HERE / "data" / "merge" / "dev2.json"
DEV3 = HERE / "data" / "merge" / "dev3.json"
DEV4 = HERE / "data" / "merge" / "dev4.json"
DEV5 = HERE / "data" / "merge" / "dev5.json"
DEV6 = HERE / "data" / "merge" / "dev6.json"
DEV7 = HERE / "data" / "merge" / "dev7.json"
DEV8 = HERE / "data" / "merge" / "dev8.json"
DEV9 = HERE / "data" / "merge" / "dev9.json"
DEV10 = HERE / "data" / "merge" / "dev10.json"
DEV11 = HERE / "data" / "merge" / "dev11.json"
DEV12 = HERE / "data" / "merge" / "dev12.json"
DEV13 = HERE / "data" / "merge" / "dev13.json"
DEV_FILES = [GOLD, DEV2, DEV3, DEV4, DEV5, DEV6, DEV7, DEV8, DEV9, DEV10, DEV11, DEV12, DEV13]
SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13",
          "dev13-kept", "held-out")  # "all" is every split together
DEV_SPLITS = SPLITS[:-2]  # whose errors may be read; dev13-kept is dev13's check on unseen text, scored only

# library -> one row per system mention (frames.MENTION_COLUMNS); the scorer reads source_path,
# char_start, char_end and event_id, and --show-errors date_value and countries.
SystemMentions = Callable[[Library], pd.DataFrame]


def system_mentions(library: Library) -> pd.DataFrame:
    """The event of every mention as the app shows it: the library's mentions, edits applied.

    The one place the benchmark takes its event assignment from: a stored-events library plugs in
    here (or through --assign) without touching the scoring.
    """
    return library.curated_mentions()


def assigner(spec: str) -> SystemMentions:
    """`module:function`, a function from the mentions frame to one event id per row."""
    module_name, _, name = spec.partition(":")
    try:
        func = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError) as e:
        raise SystemExit(f"error: --assign {spec}: {e}") from e

    def assign(library: Library) -> pd.DataFrame:
        frame = library.mentions_frame()
        return frame.assign(event_id=pd.Series(func(frame), index=frame.index).astype(str))

    return assign


# ---- gold ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldMention:
    event: str
    file: str
    start: int
    end: int
    surface: str
    heldout: bool
    split: str  # one of SPLITS


@dataclass
class Gold:
    articles: list[Path]
    events: dict[str, dict]
    groups: list[dict]
    mentions: list[GoldMention]
    texts: dict[str, str]


def _split(part: str | None, item: dict) -> str:
    """The split of an event or a group: its file's, "-kept" added for the part kept back as a check
    on unseen text (`"kept_back": true`); a file of no split says dev or held-out per item."""
    if part is None:
        return "held-out" if item["heldout"] else "dev"
    return part + "-kept" if item.get("kept_back") else part


def load_gold(path: Path) -> Gold:
    """The gold file, checked: every file exists, every surface is text[start:end], splits agree."""
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = path.parent / data["articles"]
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))}
    part = data.get("split")  # a file of one split; else each event's "heldout" says
    if part is not None and part not in SPLITS:
        raise SystemExit(f"error: {path.as_posix()}: split '{part}' is not one of {', '.join(SPLITS)}")
    problems: list[str] = []
    mentions: list[GoldMention] = []
    seen: set[tuple[str, int]] = set()
    for eid, event in data["events"].items():
        for m in event["members"]:
            text = texts.get(m["file"])
            if text is None:
                problems.append(f"{eid}: no article {m['file']}")
            elif text[m["start"]:m["end"]] != m["surface"]:
                problems.append(f"{eid}: {m['file']}:{m['start']}-{m['end']} is "
                                f"{text[m['start']:m['end']]!r}, not {m['surface']!r}")
            if (m["file"], m["start"]) in seen:
                problems.append(f"{eid}: {m['file']}:{m['start']} is annotated twice")
            seen.add((m["file"], m["start"]))
            split = _split(part, event)
            mentions.append(GoldMention(eid, m["file"], m["start"], m["end"], m["surface"], bool(event["heldout"]), split))
    for group in data["near_misses"]:
        for eid in group["events"]:
            if eid not in data["events"]:
                problems.append(f"{group['id']}: no event {eid}")
            elif _split(part, data["events"][eid]) != _split(part, group):
                problems.append(f"{group['id']}: {eid} is not in the group's split")
    if problems:
        raise SystemExit("error: " + path.as_posix() + ":\n  " + "\n  ".join(problems))
    groups = [dict(g, split=_split(part, g)) for g in data["near_misses"]]
    return Gold([articles], data["events"], groups, mentions, texts)


def load_gold_files(paths: list[Path]) -> Gold:
    """Several gold files as one set; an event id or an article name may appear in one file only."""
    parts = [load_gold(p) for p in paths]
    gold = Gold([], {}, [], [], {})
    for path, part in zip(paths, parts):
        clash = (gold.events.keys() & part.events.keys()) | (gold.texts.keys() & part.texts.keys())
        if clash:
            raise SystemExit(f"error: {path.as_posix()}: {', '.join(sorted(clash)[:5])} also in another gold file")
        gold.articles += part.articles
        gold.events.update(part.events)
        gold.groups += part.groups
        gold.mentions += part.mentions
        gold.texts.update(part.texts)
    return gold


# ---- matching ------------------------------------------------------------------------------------

def match(gold: Gold, system: pd.DataFrame) -> tuple[list[str], list[int | None]]:
    """The system event of each gold mention ("unmatched:..." when no system span overlaps it)
    and the row of `system` it was matched to."""
    by_file: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    names = system["source_path"].astype(str).map(lambda s: Path(s).name)
    for row, (name, start, end) in enumerate(zip(names, system["char_start"], system["char_end"])):
        by_file[name].append((int(start), int(end), row))
    events: list[str] = []
    rows: list[int | None] = []
    for g in gold.mentions:
        best: tuple[int, int, int] | None = None  # (overlap, -start, row)
        for start, end, row in by_file.get(g.file, ()):
            overlap = min(end, g.end) - max(start, g.start)
            if overlap > 0 and (best is None or (overlap, -start) > best[:2]):
                best = (overlap, -start, row)
        if best is None:
            events.append(f"unmatched:{g.file}:{g.start}")
            rows.append(None)
        else:
            events.append(str(system["event_id"].iloc[best[2]]))
            rows.append(best[2])
    return events, rows


# ---- scores --------------------------------------------------------------------------------------

def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _f1(p: float | None, r: float | None) -> float:
    return 2 * p * r / (p + r) if p and r else 0.0


def scores(gold_ids: list[str], pred_ids: list[str]) -> dict:
    """Pairwise and B-cubed precision, recall and F1 of `pred_ids` against `gold_ids`."""
    both = Counter(zip(gold_ids, pred_ids))
    gold_size, pred_size = Counter(gold_ids), Counter(pred_ids)
    same_both = sum(_pairs(n) for n in both.values())
    pred_pairs = sum(_pairs(n) for n in pred_size.values())
    gold_pairs = sum(_pairs(n) for n in gold_size.values())
    p = same_both / pred_pairs if pred_pairs else None  # no merge at all: nothing to be precise about
    r = same_both / gold_pairs if gold_pairs else None
    n = len(gold_ids)
    b3p = sum(k * k / pred_size[pr] for (_, pr), k in both.items()) / n if n else None
    b3r = sum(k * k / gold_size[g] for (g, _), k in both.items()) / n if n else None
    return {"mentions": n, "pair_p": p, "pair_r": r, "pair_f1": _f1(p, r),
            "b3_p": b3p, "b3_r": b3r, "b3_f1": _f1(b3p, b3r)}


def evaluate(gold: Gold, pred: list[str], split: str | None) -> dict:
    """Scores over the gold mentions of one split (None: all), and the cluster and group counts."""
    chosen = [i for i, g in enumerate(gold.mentions) if split is None or g.split == split]
    result = scores([gold.mentions[i].event for i in chosen], [pred[i] for i in chosen])
    result["matched"] = sum(not pred[i].startswith("unmatched:") for i in chosen)
    pieces: dict[str, set[str]] = defaultdict(set)
    for i in chosen:
        pieces[gold.mentions[i].event].add(pred[i])
    multi = [e for e in pieces if len(gold.events[e]["members"]) > 1]
    result["clusters"] = len(multi)
    result["clusters_merged"] = sum(len(pieces[e]) == 1 and not next(iter(pieces[e])).startswith("unmatched:")
                                    for e in multi)
    groups = [g for g in gold.groups if split is None or g["split"] == split]
    merged = []
    for group in groups:
        owners = [pieces[e] for e in group["events"]]
        if any(a & b for k, a in enumerate(owners) for b in owners[k + 1:]):
            merged.append(group["id"])
    result["near_misses"] = len(groups)
    result["near_misses_apart"] = len(groups) - len(merged)
    result["near_misses_merged"] = merged
    return result


# ---- reporting -----------------------------------------------------------------------------------

def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def print_table(results: dict[str, dict]) -> None:
    print(f"{'split':10} {'mentions':>8} {'matched':>7}   {'pair P':>6} {'R':>5} {'F1':>5}   "
          f"{'B3 P':>5} {'R':>5} {'F1':>5}   {'merged':>7}  {'apart':>6}")
    for split, r in results.items():
        if not r["mentions"]:
            continue
        print(f"{split:10} {r['mentions']:8d} {r['matched']:7d}   {_fmt(r['pair_p']):>6} {_fmt(r['pair_r'])} "
              f"{_fmt(r['pair_f1'])}   {_fmt(r['b3_p'])} {_fmt(r['b3_r'])} {_fmt(r['b3_f1'])}   "
              f"{r['clusters_merged']:3d}/{r['clusters']:<3d}  {r['near_misses_apart']:2d}/{r['near_misses']:<2d}")
    print("merged: gold events with 2+ mentions that came out as one event; "
          "apart: near-miss groups with no two of their events merged")
    for split in DEV_SPLITS:
        failed = results[split]["near_misses_merged"]
        if failed:  # the held-out ones are only counted above: their names would point at their texts
            print(f"{split} near-miss groups merged: {', '.join(failed)}")


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1)
    b = min(x for x in (text.find("\n", end), text.find(". ", end), len(text)) if x >= 0)
    return (text[a:start] + "[" + text[start:end] + "]" + text[end:b + 1]).strip()


def print_errors(gold: Gold, pred: list[str], rows: list[int | None], system: pd.DataFrame,
                 split: str) -> None:
    """Wrong merges (one system event holding several gold events) and missed merges, of one split.

    A system event is listed when one of its mentions belongs to the split, and then only with the
    split's mentions: developing against dev never shows a held-out sentence.
    """
    def line(i: int) -> str:
        g = gold.mentions[i]
        where = "held-out " if g.heldout else ""
        row = rows[i]
        value = f" = {system['date_value'].iloc[row]} [{system['countries'].iloc[row]}]" if row is not None else ""
        return f"    {where}{g.event}  {g.file}:{g.start}{value}\n      {_sentence(gold.texts[g.file], g.start, g.end)}"

    by_pred: dict[str, list[int]] = defaultdict(list)
    by_gold: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(gold.mentions):
        if g.split != split:
            continue
        by_pred[pred[i]].append(i)
        by_gold[g.event].append(i)
    wrong = [(p, idx) for p, idx in by_pred.items() if len({gold.mentions[i].event for i in idx}) > 1]
    print(f"\n{split}: WRONG MERGES: {len(wrong)} system events hold mentions of more than one gold event")
    for p, idx in sorted(wrong):
        print(f"  {p}")
        for i in idx:
            print(line(i))
    missed = [(e, idx) for e, idx in by_gold.items() if len({pred[i] for i in idx}) > 1]
    print(f"\n{split}: MISSED MERGES: {len(missed)} gold events split over several system events")
    for e, idx in sorted(missed):
        parts: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            parts[pred[i]].append(i)
        print(f"  {e}: {len(parts)} pieces")
        for p, members in parts.items():
            print(f"   {p}")
            for i in members:
                print(line(i))


# ---- running -------------------------------------------------------------------------------------

def changed_texts(library: Library, gold: Gold) -> list[str]:
    """Gold articles that are missing from the library, or stored with another text."""
    articles = library.articles_frame()
    stored = {Path(str(path)).name: int(aid) for aid, path in zip(articles["article_id"], articles["source_path"])}
    return [name for name, text in gold.texts.items()
            if name not in stored or library.article(stored[name]).text != text]


def extract(gold: Gold, library_path: Path, workers: int) -> None:
    report = import_inputs(gold.articles, library_path, workers=workers)
    if report.skipped:
        raise SystemExit("error: " + report.details())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, action="append",
                    help="a gold file, once for each (default benchmarks/data/merge/gold.json and dev2.json to dev13.json)")
    ap.add_argument("--library", type=Path, metavar="LIB",
                    help="score this library (it must hold the gold articles); if it does not exist, "
                         "extract the articles into it and keep it")
    ap.add_argument("--assign", metavar="MODULE:FUNCTION",
                    help="score this assignment of the mentions frame to events instead of the library's")
    ap.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    ap.add_argument("--show-errors", action="store_true",
                    help="list the dev and dev2 to dev13 splits' wrong and missed merges with their sentences")
    ap.add_argument("--show-heldout-errors", action="store_true",
                    help="the same for the held-out split: for the final run only")
    ap.add_argument("--check", action="store_true", help="only check the gold file against the articles")
    args = ap.parse_args(argv)

    gold = load_gold_files(args.gold or DEV_FILES)
    n_multi = sum(len(e["members"]) > 1 for e in gold.events.values())
    print(f"gold: {len(gold.texts)} articles, {len(gold.events)} events ({n_multi} with 2+ mentions), "
          f"{len(gold.mentions)} mentions, {len(gold.groups)} near-miss groups "
          f"({sum(g['split'] == 'held-out' for g in gold.groups)} held out, "
          + ", ".join(f"{sum(g['split'] == s for g in gold.groups)} {s}" for s in SPLITS[1:-1]) + ")")
    if args.check:
        return 0
    get_mentions = assigner(args.assign) if args.assign else system_mentions
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        library_path = args.library or Path(tmp) / "library.sqlite3"
        if not library_path.exists():
            extract(gold, library_path, args.workers)
        extracted = time.perf_counter() - started
        with Library(library_path) as library:
            differ = changed_texts(library, gold)
            system = get_mentions(library).reset_index(drop=True)
    if differ:
        print(f"warning: {len(differ)} gold articles differ from the library's text (their offsets will "
              f"not match): {', '.join(differ[:5])}", file=sys.stderr)
    pred, rows = match(gold, system)
    results = {split: evaluate(gold, pred, split) for split in SPLITS} | {"all": evaluate(gold, pred, None)}
    print(f"events from: {args.assign or 'the library (curated_mentions)'}; "
          f"{len(system)} system mentions, {system['event_id'].nunique()} system events\n")
    print_table(results)
    if args.show_errors:
        for split in DEV_SPLITS:
            print_errors(gold, pred, rows, system, split)
    if args.show_heldout_errors:
        print_errors(gold, pred, rows, system, "held-out")
    summary = {"benchmark": "merge", "assign": args.assign or "library", "articles": len(gold.texts),
               "seconds": round(time.perf_counter() - started, 1), "extract_seconds": round(extracted, 1),
               **{split.replace("-", ""): {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()}
                  for split, r in results.items()}}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
