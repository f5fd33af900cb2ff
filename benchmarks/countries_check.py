"""Load and validate the countries evaluation set (benchmarks/data/countries): offsets, values, codes.

Usage: python benchmarks/countries_check.py [--data DIR]
Prints one line per problem (`file: mention: reason`) and a summary; exits 1 when there is a problem.
The scorer (benchmarks/countries.py) loads the set through `load_set`, so it never scores broken data.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent / "data" / "countries"
KINDS = (1, 2, 3, 4, 5)
GENRES = ("statement", "wire", "analysis")
# TIMEX3 values of placeable dates: time of day, day, month, year, week, weekend, quarter, season,
# half, decade.
VALUE = re.compile(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d|TMO|TAF|TEV|TNI)?)?|-W\d\d(-WE)?|-Q[1-4]|-(SP|SU|FA|WI)|-H[12])?"
                   r"|\d{3}X")
ORG_CODE = re.compile(r"[A-Z][A-Z0-9_]*")
WEEKDAYS = [name.lower() for name in calendar.day_name]
ISO3 = frozenset(c.alpha_3 for c in pycountry.countries)


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    surface: str
    value: str
    countries: frozenset[str]
    organizations: frozenset[str]
    kinds: tuple[int, ...]
    note: str = ""


@dataclass(frozen=True)
class GoldText:
    id: str
    heldout: bool
    genre: str
    title: str
    source: str
    issuer: str
    url: str
    published: dt.date
    path: Path
    text: str
    mentions: tuple[GoldMention, ...]


def _real_date(value: str) -> bool:
    """False for a well-formed value that names no real day, month or week (2024-13, 2023-02-30, 2024-W54)."""
    try:
        if re.match(r"\d{4}-\d\d(-\d\d)?($|T)", value):
            day = value.split("T")[0]
            dt.date.fromisoformat(day if len(day) == 10 else day + "-01")
        elif m := re.match(r"(\d{4})-W(\d\d)", value):
            dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        return False
    return True


def _check_mention(text: str, published: dt.date, g: dict) -> list[str]:
    problems = []
    start, end, surface = g.get("start"), g.get("end"), g.get("surface")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"offsets {start}-{end} outside the text ({len(text)} characters)"]
    if text[start:end] != surface:
        problems.append(f"surface {surface!r} but the text has {text[start:end]!r} at {start}-{end}")
    value = g.get("value", "")
    if not VALUE.fullmatch(value) or not _real_date(value):
        problems.append(f"value {value!r} is not a placeable TIMEX3 value")
    bad = [c for c in g.get("countries", []) if c not in ISO3]
    if bad:
        problems.append(f"not ISO 3166-1 alpha-3: {', '.join(bad)}")
    if len(set(g.get("countries", []))) != len(g.get("countries", [])):
        problems.append("a country listed twice")
    if any(not ORG_CODE.fullmatch(o) for o in g.get("organizations", [])):
        problems.append(f"organisation codes are upper-case words: {g.get('organizations')}")
    kinds = g.get("kinds")
    if not isinstance(kinds, list) or any(k not in KINDS for k in kinds) or kinds != sorted(set(kinds)):
        problems.append(f"kinds {kinds!r}: a sorted list of distinct numbers 1-5")
    weekday = str(surface).lower().removeprefix("on ").strip()
    if weekday in WEEKDAYS and VALUE.fullmatch(value) and _real_date(value) and len(value.split("T")[0]) == 10:
        day = dt.date.fromisoformat(value.split("T")[0])
        if WEEKDAYS[day.weekday()] != weekday or abs((day - published).days) > 7:
            problems.append(f"{surface!r} resolved to {value}, a {day:%A} {(day - published).days:+d} days "
                            f"from publication ({published})")
    return problems


def _load_text(directory: Path, entry: dict, problems: list[str]) -> GoldText | None:
    gold_path = directory / "gold" / f"{entry['id']}.json"
    where = gold_path.relative_to(directory)
    try:
        record = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        problems.append(f"{where}: cannot be read: {e}")
        return None
    if record.get("id") != entry["id"]:
        problems.append(f"{where}: id {record.get('id')!r} differs from the manifest's {entry['id']!r}")
    text_path = directory / record.get("file", "")
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        problems.append(f"{where}: text {record.get('file')!r} cannot be read: {e}")
        return None
    if "\r" in text or text.startswith("\ufeff"):
        problems.append(f"{where}: the text must be UTF-8 without BOM, with \\n line ends (offsets count characters)")
    try:
        published = dt.date.fromisoformat(record.get("published", ""))
    except ValueError:
        problems.append(f"{where}: published {record.get('published')!r} is not YYYY-MM-DD")
        return None
    if record.get("genre") not in GENRES or record.get("genre") != entry.get("genre"):
        problems.append(f"{where}: genre {record.get('genre')!r} (manifest {entry.get('genre')!r}; one of {GENRES})")
    issuer = record.get("issuer", "")
    # A joint statement has several issuers, ";"-separated as the app's list cells: "GHA;CIV;TGO".
    for code in filter(None, issuer.split(";")):
        if code not in ISO3 and not ORG_CODE.fullmatch(code):
            problems.append(f"{where}: issuer {code!r} is neither an ISO alpha-3 code nor an organisation code")
    if record.get("url") and not record["url"].startswith(("http://", "https://")):
        problems.append(f"{where}: url {record['url']!r} is not an http(s) address")
    mentions = []
    last_end = -1
    for g in sorted(record.get("gold", []), key=lambda g: g.get("start", -1)):
        found = _check_mention(text, published, g)
        if isinstance(g.get("start"), int) and g["start"] < last_end:
            found.append("overlaps the mention before it")
        problems.extend(f"{where}: {g.get('surface')!r} at {g.get('start')}: {p}" for p in found)
        if found:
            continue
        last_end = g["end"]
        mentions.append(GoldMention(g["start"], g["end"], g["surface"], g["value"], frozenset(g["countries"]),
                                    frozenset(g.get("organizations", [])), tuple(g["kinds"]), g.get("note", "")))
    return GoldText(entry["id"], bool(entry["heldout"]), record["genre"], record.get("title", ""),
                    record.get("source", ""), issuer, record.get("url", ""), published, text_path, text,
                    tuple(mentions))


def load_set(directory: Path = DATA) -> tuple[list[GoldText], list[str]]:
    """The texts of the manifest, in its order, and the problems found (empty when the set is sound)."""
    problems: list[str] = []
    try:
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [], [f"manifest.json: cannot be read: {e}"]
    entries = manifest.get("texts", [])
    ids = [e.get("id") for e in entries]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"manifest.json: {dup!r} listed twice")
    on_disk = {p.stem for p in (directory / "gold").glob("*.json")}
    for missing in sorted(on_disk - set(ids)):
        problems.append(f"gold/{missing}.json: not in the manifest")
    texts = [t for e in entries if (t := _load_text(directory, e, problems)) is not None]
    return texts, problems


def summary(texts: list[GoldText]) -> str:
    """One line: texts, mentions and labels per split, the share of plain mentions, mentions per kind."""
    parts = []
    for name, chosen in (("dev", [t for t in texts if not t.heldout]), ("held-out", [t for t in texts if t.heldout])):
        mentions = [m for t in chosen for m in t.mentions]
        parts.append(f"{name}: {len(chosen)} texts, {len(mentions)} mentions")
    mentions = [m for t in texts for m in t.mentions]
    plain = sum(not m.kinds for m in mentions)
    kinds = ", ".join(f"kind {k}: {sum(k in m.kinds for m in mentions)}" for k in KINDS)
    issuers = len({t.issuer for t in texts if t.issuer})
    return (f"{'; '.join(parts)}; {sum(len(m.countries) for m in mentions)} country labels; "
            f"plain {plain} ({plain / max(1, len(mentions)):.0%}); {kinds}; {issuers} issuers")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help=f"the set's folder (default {DATA})")
    args = ap.parse_args(argv)
    texts, problems = load_set(args.data)
    for problem in problems:
        print(problem)
    print(summary(texts))
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
