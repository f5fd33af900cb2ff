"""Dates and countries in other languages: the app's mentions against the gold of benchmarks/data/<lang>/.

Usage: python benchmarks/languages.py [LANG ...] [--repeat N] [--show-errors N]

For every language folder present (a benchmarks/data/<lang>/gold.json; see README_languages.md),
each article is read and processed in this process the way `python main.py extract` does it
(ingest.iter_articles with the gold publication date, then batch.articles.process_article). System
mentions (the event mentions extract writes, one per placed or unresolved date) are matched one to
one to gold mentions by overlapping span, largest overlap first. Printed per language and for the
dev, held-out and all articles:

- value recall: gold mentions whose matched system mention has exactly the gold TIMEX3 value;
- span recall: gold mentions matched at all;
- mention precision: system mentions that match a gold mention;
- country recall and precision: micro over the country labels of matched mentions;
- the same for each development part data/languages_devN/<lang>/ present ("dev2", "dev3" ..., not part of
  "all"); dev4 onwards were written for an out-of-sample figure (states and kinds of event the earlier
  parts do not use, annotated before the app was run on them);
- docs/s and chars/s (best of --repeat rounds in which every set, English on resources/samples
  included, takes its turn; tables loaded first, memoised phrase readings forgotten before each
  turn), and the ratio to English docs/s. On a shared machine the timings move a lot: compare
  figures from one run.

The last line is the same figures as JSON.
"""

from __future__ import annotations

import re
import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from timeline_app.core.ingest import iter_articles  # noqa: E402
from timeline_app.core.models import Article  # noqa: E402
from timeline_app.core.batch.articles import process_article  # noqa: E402

# Language sets live in folders named by their ISO 639-1 code; other sets (merge, countries) do not.
LANGUAGE_FOLDER = re.compile(r"[a-z]{2}")

DATA = HERE / "data"
# The development parts written after the first sets, data/languages_devN/<lang>/ (build_language_gold.py --devN;
# README_languages.md tells what each holds): dev2 and dev3 to check rules on texts they were not written for,
# dev4 onwards blind, each annotated before the app was run on it. Each is scored apart, in the order of N,
# for whichever languages its folder has; a new part needs no code.
DEV_PART = re.compile(r"languages_(dev\d+)")


def dev_parts() -> list[tuple[str, Path]]:
    """The development parts present, ("dev2", its folder) ..., in the order they were written."""
    found = [(m.group(1), p) for p in DATA.iterdir() if p.is_dir() and (m := DEV_PART.fullmatch(p.name))]
    return sorted(found, key=lambda part: int(part[0][3:]))


SAMPLES = ROOT / "resources" / "samples"


def read_article(path: Path, published: dt.date | None) -> Article:
    items = list(iter_articles([path], published=published))
    articles = [a for a in items if isinstance(a, Article)]
    if len(articles) != 1:
        raise SystemExit(f"error: {path} gave {len(articles)} articles ({items!r})")
    return articles[0]


def run(path: Path, published: dt.date | None) -> tuple[Article, list]:
    """One article as extract handles it: read, then dates, countries, events."""
    article = read_article(path, published)
    return article, list(process_article(article).mentions)


def match(gold: list[dict], system: list) -> list[tuple[dict, object]]:
    """One-to-one pairs of gold and system mentions whose spans overlap, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, m in enumerate(system):
            overlap = min(g["end"], m.date.end) - max(g["start"], m.date.start)
            if overlap > 0:
                pairs.append((-overlap, gi, si))
    used_g, used_s, out = set(), set(), []
    for _, gi, si in sorted(pairs):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gold[gi], system[si]))
    return out


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


class Tally:
    def __init__(self) -> None:
        self.docs = self.gold = self.system = self.matched = self.value_ok = 0
        self.c_tp = self.c_gold = self.c_sys = 0

    def add(self, gold: list[dict], system: list, errors: list[str] | None, name: str, text: str) -> None:
        pairs = match(gold, system)
        self.docs += 1
        self.gold += len(gold)
        self.system += len(system)
        self.matched += len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_sys = {id(m) for _, m in pairs}
        for g, m in pairs:
            ok = m.date.value == g["value"]
            self.value_ok += ok
            gc, sc = set(g["countries"]), set(m.countries)
            self.c_tp += len(gc & sc)
            self.c_gold += len(gc)
            self.c_sys += len(sc)
            if errors is not None and (not ok or gc != sc):
                errors.append(f"{name}: {g['surface']!r} gold {g['value']} {sorted(gc)} | system "
                              f"{m.date.text!r} {m.date.value or '-'} {sorted(sc)}")
        if errors is not None:
            for g in gold:
                if id(g) not in matched_gold:
                    errors.append(f"{name}: MISSED {g['surface']!r} {g['value']} {g['countries']}")
            for m in system:
                if id(m) not in matched_sys:
                    ctx = text[max(0, m.date.start - 30): m.date.end + 30].replace("\n", " ")
                    errors.append(f"{name}: EXTRA {m.date.text!r} {m.date.value or '-'} "
                                  f"{list(m.countries)} ...{ctx}...")

    def figures(self) -> dict:
        return {"docs": self.docs, "gold": self.gold, "system": self.system,
                "value_recall": ratio(self.value_ok, self.gold), "span_recall": ratio(self.matched, self.gold),
                "mention_precision": ratio(self.matched, self.system),
                "country_recall": ratio(self.c_tp, self.c_gold), "country_precision": ratio(self.c_tp, self.c_sys)}


def clear_result_caches() -> None:
    """Forget the memoised readings of phrases and values, so that a timed round does not reuse what
    the round before computed for the same articles (a real import meets each article once)."""
    from timeline_app.core.temporal import resolve, values

    for fn in (getattr(resolve, "calendar_date", None), getattr(values, "describe", None)):
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


def speeds(sets: dict[str, list[tuple[Path, dt.date | None]]], repeat: int) -> dict[str, dict]:
    """docs/s and chars/s of each set, best of `repeat` rounds; the sets take turns in every round,
    so that a burst of load from elsewhere on the machine hits all of them alike."""
    chars = {name: sum(len(read_article(p, d).text) for p, d in jobs) for name, jobs in sets.items()}
    best = {name: float("inf") for name in sets}
    for _ in range(repeat):
        for name, jobs in sets.items():
            clear_result_caches()
            t0 = time.perf_counter()
            for path, published in jobs:
                run(path, published)
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: {"docs_per_s": round(len(sets[name]) / best[name], 2), "chars_per_s": round(chars[name] / best[name])}
            for name in sets}


def language_folders(wanted: list[str]) -> list[Path]:
    folders = sorted(p.parent for p in DATA.glob("*/gold.json") if LANGUAGE_FOLDER.fullmatch(p.parent.name))
    if wanted:
        folders = [f for f in folders if f.name in wanted]
        missing = set(wanted) - {f.name for f in folders}
        if missing:
            raise SystemExit(f"error: no gold.json for {', '.join(sorted(missing))} under {DATA}")
    return folders


def fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("languages", nargs="*", help="language folders to measure (default: all present)")
    ap.add_argument("--repeat", type=int, default=7, help="timed rounds, best kept (default 7)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print up to N wrong, missed and extra mentions per language (dev articles only)")
    opts = ap.parse_args(argv)

    from timeline_app.core.extract.gazetteer import Gazetteer
    from timeline_app.core.temporal import default_rules

    default_rules()  # the tables load once, before any timing, as in extract's workers
    Gazetteer.default()

    english = [(p, None) for p in sorted(SAMPLES.glob("*.txt"))]
    results: dict = {}
    jobs: dict[str, list[tuple[Path, dt.date | None]]] = {"en": english}
    shown: dict[str, list[str]] = {}
    parts = dev_parts()
    for folder in language_folders(opts.languages):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        tallies = {"dev": Tally(), "heldout": Tally(), "all": Tally(), **{part: Tally() for part, _ in parts}}
        errors: list[str] = []
        lang = folder.name
        jobs[lang] = []
        for doc in gold["docs"]:
            published = dt.date.fromisoformat(doc["published"])
            path = folder / doc["file"]
            jobs[lang].append((path, published))
            article, system = run(path, published)
            split = "heldout" if doc["heldout"] else "dev"
            show = errors if opts.show_errors and split == "dev" else None
            tallies[split].add(doc["gold"], system, show, doc["file"], article.text)
            tallies["all"].add(doc["gold"], system, None, doc["file"], article.text)
        for part, root in parts:
            extra = root / lang / "gold.json"
            for doc in json.loads(extra.read_text(encoding="utf-8"))["docs"] if extra.exists() else ():
                article, system = run(extra.parent / doc["file"], dt.date.fromisoformat(doc["published"]))
                show = errors if opts.show_errors else None
                tallies[part].add(doc["gold"], system, show, f"{part}/" + doc["file"], article.text)
        results[lang] = {split: t.figures() for split, t in tallies.items() if t.docs}
        shown[lang] = errors
    timing = speeds(jobs, opts.repeat)
    results = {"en": {"docs": len(english), **timing["en"]}, **results}
    print(f"English (resources/samples, {len(english)} docs): {timing['en']['docs_per_s']} docs/s, "
          f"{timing['en']['chars_per_s']} chars/s")
    header = (f"{'lang':5} {'split':8} {'docs':>4} {'gold':>5} {'sys':>5}  {'value_R':>7} {'span_R':>7} "
              f"{'ment_P':>7} {'ctry_R':>7} {'ctry_P':>7}")
    for lang in shown:
        results[lang].update(timing[lang])
        results[lang]["speed_vs_english"] = round(timing[lang]["docs_per_s"] / timing["en"]["docs_per_s"], 2)
        print()
        print(header)
        for split in ("dev", "heldout", "all", *(part for part, _ in parts)):
            if split not in results[lang]:
                continue
            f = results[lang][split]
            print(f"{lang:5} {split:8} {f['docs']:4} {f['gold']:5} {f['system']:5}  {fmt(f['value_recall']):>7} "
                  f"{fmt(f['span_recall']):>7} {fmt(f['mention_precision']):>7} {fmt(f['country_recall']):>7} "
                  f"{fmt(f['country_precision']):>7}")
        print(f"{lang}: {timing[lang]['docs_per_s']} docs/s, {timing[lang]['chars_per_s']} chars/s "
              f"({results[lang]['speed_vs_english']}x English docs/s)")
        for line in shown[lang][: opts.show_errors]:
            print("   " + line)
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
