"""Countries per dated mention (issue #16): the app against the hand-annotated set in data/countries.

Usage: python benchmarks/countries.py [--show-errors N] [--errors-from dev|dev2|...|dev12|heldout|all] [--data DIR]
                                     [--dev2 DIR] [--dev3 DIR] [--dev4 DIR] [--dev5 DIR] [--dev6 DIR] [--dev7 DIR]
                                     [--dev8 DIR] [--dev9 DIR] [--dev10 DIR] [--dev11 DIR] [--dev12 DIR]

Each text goes through the path of `python main.py extract TEXT --published DATE`: the text reader,
then batch.articles.process_article, then the rows of the mentions CSV (library.rows.mention_rows). The article
also carries the gold file's url and source, as a web page or feed would. System mentions are matched
to gold mentions one-to-one by overlapping span (largest overlap first). Printed for dev, held-out and
the set's dev and held-out texts, and the second to twelfth dev parts (data/countries_dev2 ... _dev12, each written
for a new round of rules in other wordings; "all" stays the first set's dev + held-out, as in earlier measurements):
  date value recall   gold mentions matched by a system mention with the same value (a time of day
                      compared by its date, as the date scorer's DATE+TIME row does) / gold mentions
  mention precision   system mentions matched to a gold mention / system mentions (overall rows only)
  country R / P       micro over country labels on matched mentions: |gold & system| / |gold|, / |system|
  exact               matched mentions whose country set equals the gold set
  baseline R / P      the same, with every country the gazetteer finds in the date's sentence
Rows: all mentions; all but the group mentions (kind 4 carries a third of the country labels); plain
mentions (no error kind); each error kind (a mention with several kinds counts in each).
The last line is a JSON object with every figure.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from countries_check import DATA, KINDS, GoldMention, GoldText, load_set, summary  # noqa: E402

from timeline_app.core.extract.gazetteer import Gazetteer  # noqa: E402
from timeline_app.core.ingest import iter_articles  # noqa: E402
from timeline_app.core.library.rows import MENTION_FIELDS, mention_rows  # noqa: E402
from timeline_app.core.models import Article, EntityKind  # noqa: E402
from timeline_app.core.batch.articles import process_article  # noqa: E402
from timeline_app.core.sentences import split_sentences  # noqa: E402

PARTS = ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12")  # the later dev parts, each data/countries_<part>
KIND_NAMES = {1: "office/issuer", 2: "acted upon", 3: "extra states", 4: "groups", 5: "non-state"}


@dataclass(frozen=True)
class Pair:
    """A gold mention, the system row matched to it (None when missed), and the baseline's countries."""

    text: GoldText
    gold: GoldMention
    row: dict | None
    baseline: frozenset[str]

    @property
    def system(self) -> frozenset[str]:
        return frozenset(self.row["countries"].split(";")) if self.row and self.row["countries"] else frozenset()


def extract_rows(text: GoldText) -> list[dict]:
    """The mentions CSV rows of one text, as `python main.py extract` writes them."""
    items = list(iter_articles([text.path], published=text.published))
    articles = [a for a in items if isinstance(a, Article)]
    if len(articles) != 1:
        raise SystemExit(f"error: {text.path} did not read as one article: {items}")
    article = dataclasses.replace(articles[0], url=text.url, source=text.source)
    if article.text != text.text:
        raise SystemExit(f"error: the reader changed the text of {text.path}: the gold offsets would not hold")
    return [dict(zip(MENTION_FIELDS, row)) for row in mention_rows(process_article(article).mentions)]


def match(gold: Iterable[GoldMention], rows: list[dict]) -> tuple[dict[GoldMention, dict], int]:
    """One-to-one matching by overlapping span, largest overlap first; also the unmatched rows' count."""
    candidates = []
    for g in gold:
        for j, r in enumerate(rows):
            overlap = min(g.end, r["char_end"]) - max(g.start, r["char_start"])
            if overlap > 0:
                candidates.append((-overlap, abs(g.start - r["char_start"]), g.start, j, g))
    matched: dict[GoldMention, dict] = {}
    used: set[int] = set()
    for _, _, _, j, g in sorted(candidates, key=lambda c: c[:4]):
        if g not in matched and j not in used:
            matched[g] = rows[j]
            used.add(j)
    return matched, len(rows) - len(used)


def baseline_countries(text: GoldText, gazetteer: Gazetteer) -> dict[GoldMention, frozenset[str]]:
    """Every country the gazetteer tags in the sentence of each gold mention (a dictionary lookup)."""
    countries = [(e.start, e.code) for e in gazetteer.tag(text.text, text.published) if e.kind is EntityKind.COUNTRY]
    sentences = split_sentences(text.text)
    out = {}
    for g in text.mentions:
        start, end = next(((s, e) for s, e in sentences if s <= g.start < e), (g.start, g.end))
        out[g] = frozenset(code for at, code in countries if start <= at < end)
    return out


def same_value(system: str, gold: str) -> bool:
    """Equal TIMEX3 values, a time of day reduced to its date ("2024-11-27T04:00" is "2024-11-27")."""
    return system.split("T")[0] == gold.split("T")[0]


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def figures(pairs: list[Pair], system_mentions: int | None, unmatched: int | None) -> dict:
    """Date and country figures of a set of gold mentions (mention precision only for whole splits)."""
    matched = [p for p in pairs if p.row is not None]
    out = {"gold_mentions": len(pairs), "matched": len(matched),
           "date_value_recall": _ratio(sum(same_value(p.row["date_value"], p.gold.value) for p in matched), len(pairs))}
    if system_mentions is not None and unmatched is not None:
        out["system_mentions"] = system_mentions
        out["mention_precision"] = _ratio(system_mentions - unmatched, system_mentions)
    for prefix, got in (("", lambda p: p.system), ("baseline_", lambda p: p.baseline)):
        hits = sum(len(p.gold.countries & got(p)) for p in matched)
        out[prefix + "country_recall"] = _ratio(hits, sum(len(p.gold.countries) for p in matched))
        out[prefix + "country_precision"] = _ratio(hits, sum(len(got(p)) for p in matched))
        out[prefix + "exact"] = _ratio(sum(p.gold.countries == got(p) for p in matched), len(matched))
    out["gold_labels"] = sum(len(p.gold.countries) for p in matched)
    return out


def split_figures(pairs: list[Pair], system_mentions: int, unmatched: int) -> dict:
    # Group mentions carry a third of the labels (NATO and EU members): "no_groups" shows the rest.
    rows = {"all": figures(pairs, system_mentions, unmatched),
            "no_groups": figures([p for p in pairs if 4 not in p.gold.kinds], None, None),
            "plain": figures([p for p in pairs if not p.gold.kinds], None, None)}
    for k in KINDS:
        rows[f"kind{k}"] = figures([p for p in pairs if k in p.gold.kinds], None, None)
    return rows


def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def print_table(name: str, rows: dict) -> None:
    print(f"[{name}]")
    print(f"{'mentions':22} {'gold':>5} {'date R':>6} {'ment P':>6} {'ctry R':>6} {'ctry P':>6} {'exact':>6}"
          f"   {'base R':>6} {'base P':>6} {'labels':>6}")
    for key, f in rows.items():
        label = f"{key[4:]} {KIND_NAMES[int(key[4:])]}" if key.startswith("kind") else key.replace("_", " ")
        print(f"{label:22} {f['gold_mentions']:5d} {_fmt(f['date_value_recall']):>6} "
              f"{_fmt(f.get('mention_precision')):>6} {_fmt(f['country_recall']):>6} "
              f"{_fmt(f['country_precision']):>6} {_fmt(f['exact']):>6}   {_fmt(f['baseline_country_recall']):>6} "
              f"{_fmt(f['baseline_country_precision']):>6} {f['gold_labels']:6d}")


def _sentence(text: str, start: int) -> str:
    s, e = next(((s, e) for s, e in split_sentences(text) if s <= start < e), (start, start))
    return " ".join(text[s:e].split())


def print_errors(pairs: list[Pair], n: int, split: str) -> None:
    """The n gold mentions with the most wrong country labels (a missed mention: all its labels)."""
    def cost(p: Pair) -> int:
        if p.row is None:
            return len(p.gold.countries) + 1
        return len(p.gold.countries ^ p.system)

    worst = sorted((p for p in pairs if cost(p)), key=lambda p: (-cost(p), p.text.id, p.gold.start))[:n]
    print(f"\n{len(worst)} worst mentions ({split} texts), most wrong country labels first:")
    for p in worst:
        got = "no mention" if p.row is None else ";".join(sorted(p.system)) or "-"
        print(f"{p.text.id} @{p.gold.start} {p.gold.surface!r} kinds {list(p.gold.kinds) or 'plain'}: "
              f"gold {';'.join(sorted(p.gold.countries)) or '-'}  system {got}")
        if p.row is not None:
            missing, extra = p.gold.countries - p.system, p.system - p.gold.countries
            print(f"    missing {';'.join(sorted(missing)) or '-'}  extra {';'.join(sorted(extra)) or '-'}")
        print(f"    {_sentence(p.text.text, p.gold.start)}")
        if p.gold.note:
            print(f"    note: {p.gold.note}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help=f"the set's folder (default {DATA})")
    for part in PARTS:
        folder = HERE / "data" / f"countries_{part}"
        ap.add_argument(f"--{part}", type=Path, default=folder, help=f"the {part} part's folder (default {folder})")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="list the N worst mentions")
    ap.add_argument("--errors-from", choices=("dev", *PARTS, "heldout", "all"), default="dev",
                    help="which texts --show-errors lists (default dev: the held-out texts stay unseen)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    texts, problems = load_set(args.data)
    sets = {part: load_set(getattr(args, part)) for part in PARTS}
    for folder, found in [(args.data, problems)] + [(getattr(args, p), sets[p][1]) for p in PARTS]:
        if found:
            print("\n".join(found))
            print(f"error: {len(found)} problem(s) in {folder}; run benchmarks/countries_check.py --data {folder}")
            return 1
    print(summary(texts))
    for part in PARTS:
        print(f"{part}: {summary(sets[part][0]).removeprefix('dev: ')}")
    gazetteer = Gazetteer.default()
    splits = ("dev", *PARTS, "heldout")
    pairs: dict[str, list[Pair]] = {s: [] for s in splits}
    system = dict.fromkeys(splits, 0)  # system mentions
    unmatched = dict.fromkeys(splits, 0)  # system mentions matched to no gold mention
    parts = [(t, part) for part in PARTS for t in sets[part][0]]
    for text, split in [(t, "heldout" if t.heldout else "dev") for t in texts] + parts:
        rows = extract_rows(text)
        matched, extra = match(text.mentions, rows)
        base = baseline_countries(text, gazetteer)
        pairs[split].extend(Pair(text, g, matched.get(g), base[g]) for g in text.mentions)
        system[split] += len(rows)
        unmatched[split] += extra
    pairs["all"] = pairs["dev"] + pairs["heldout"]
    system["all"] = system["dev"] + system["heldout"]
    unmatched["all"] = unmatched["dev"] + unmatched["heldout"]
    result = {}
    for name, label in (("dev", "dev"), *((p, p) for p in PARTS), ("heldout", "held-out"), ("all", "all: dev + held-out")):
        result[name] = split_figures(pairs[name], system[name], unmatched[name])
        print_table(f"{label}: {len({p.text.id for p in pairs[name]})} texts", result[name])
        print()
    seconds = time.perf_counter() - started
    if args.show_errors:
        print_errors(pairs[args.errors_from], args.show_errors, args.errors_from)
    a = result["all"]["all"]
    print(f"all texts: date value recall {a['date_value_recall']:.3f}, mention precision "
          f"{a['mention_precision']:.3f}; country recall {a['country_recall']:.3f}, precision "
          f"{a['country_precision']:.3f} (baseline {a['baseline_country_recall']:.3f} / "
          f"{a['baseline_country_precision']:.3f}); {seconds:.1f} s")
    result["seconds"] = round(seconds, 1)
    print(json.dumps(result, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
