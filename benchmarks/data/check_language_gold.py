"""Validate the language evaluation sets: benchmarks/data/<lang>/*.txt and gold.json.

Usage: python benchmarks/data/check_language_gold.py [LANG_OR_FOLDER ...]
With no argument every folder of benchmarks/data that holds a gold.json is checked.

Checks, for each folder: the gold.json layout; every listed file exists, is UTF-8 without BOM and
with "\\n" line ends, and starts with a headline line; every gold mention's offsets give its surface
(text[start:end] == surface, end exclusive), spans do not overlap, values are valid TIMEX3 dates
(2022-12-28, 2022-11, 2022, 2022-W51, 2022-W51-WE, 2022-Q4, 2022-H2, 2022-SU, 201X, optionally
with a time), countries are ISO 3166-1 alpha-3 codes known to pycountry; and the counts the
evaluation asks for: at least 13 articles and 85 dated mentions, exactly 4 held-out articles, news
and official styles each at least 40% of the articles. Prints a summary per language; exit status
1 when anything is wrong.
"""

from __future__ import annotations

import calendar
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pycountry

# Language sets live in folders named by their ISO 639-1 code; other sets (merge, countries) do not.
LANGUAGE_FOLDER = re.compile(r"[a-z]{2}")

HERE = Path(__file__).resolve().parent
MIN_ARTICLES = 13
MIN_MENTIONS = 85
HELDOUT = 4
MIN_STYLE_SHARE = 0.4
STYLES = ("news", "official")

_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)))?(?P<time>T(?:\d{2}(?::\d{2})?|MO|MI|AF|EV|NI|DT))?$"
)
_DECADE = re.compile(r"^\d{3}X$")


def granularity(value: str) -> str | None:
    """'day', 'week', 'month' ... for a valid value, None for an invalid one."""
    if _DECADE.match(value):
        return "decade"
    m = _VALUE.match(value)
    if not m:
        return None
    year = int(m["year"])
    if m["time"] and not m["day"]:
        return None
    if m["time"] and m["time"][1:3].isdigit():
        hh, _, mm = m["time"][1:].partition(":")
        if int(hh) > 24 or (mm and int(mm) > 59):
            return None
    if m["day"]:
        try:
            dt.date(year, int(m["month"]), int(m["day"]))
        except ValueError:
            return None
        return "time" if m["time"] else "day"
    if m["month"]:
        return "month" if 1 <= int(m["month"]) <= 12 else None
    if m["week"]:
        weeks = dt.date(year, 12, 28).isocalendar()[1]
        if not 1 <= int(m["week"]) <= weeks:
            return None
        return "weekend" if m["we"] else "week"
    if m["q"]:
        return "quarter"
    if m["h"]:
        return "half"
    if m["season"]:
        return "season"
    return "year"


def check_folder(folder: Path) -> tuple[list[str], dict]:
    errors: list[str] = []
    gold_path = folder / "gold.json"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{gold_path}: cannot read: {e}"], {}
    for key, kind in (("language", str), ("rules", str), ("docs", list)):
        if not isinstance(gold.get(key), kind):
            errors.append(f"{gold_path}: '{key}' missing or not a {kind.__name__}")
    if errors:
        return errors, {}
    if gold["language"] != folder.name:
        errors.append(f"{gold_path}: language {gold['language']!r} but folder {folder.name!r}")
    stats = {"articles": 0, "styles": collections.Counter(), "heldout_docs": 0, "mentions": 0,
             "heldout_mentions": 0, "granularity": collections.Counter(), "countries": collections.Counter(),
             "no_country": 0, "chars": 0}
    seen_files: set[str] = set()
    for i, doc in enumerate(gold["docs"]):
        where = f"{gold_path.name} docs[{i}]"
        name = doc.get("file")
        if not isinstance(name, str) or not name.endswith(".txt") or "/" in name:
            errors.append(f"{where}: 'file' must be the name of a .txt file in the folder")
            continue
        where = f"{folder.name}/{name}"
        if name in seen_files:
            errors.append(f"{where}: listed twice")
        seen_files.add(name)
        try:
            raw = (folder / name).read_bytes()
        except OSError as e:
            errors.append(f"{where}: {e}")
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            errors.append(f"{where}: starts with a BOM")
        if b"\r" in raw:
            errors.append(f"{where}: has \\r line ends")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            errors.append(f"{where}: not UTF-8: {e}")
            continue
        if not text.split("\n", 1)[0].strip():
            errors.append(f"{where}: the first line (the headline) is empty")
        if "[[" in text or "]]" in text:
            errors.append(f"{where}: annotation markup left in the text")
        try:
            dt.date.fromisoformat(doc.get("published", ""))
        except (TypeError, ValueError):
            errors.append(f"{where}: 'published' is not YYYY-MM-DD: {doc.get('published')!r}")
        if doc.get("style") not in STYLES:
            errors.append(f"{where}: 'style' must be one of {STYLES}: {doc.get('style')!r}")
        if not isinstance(doc.get("heldout"), bool):
            errors.append(f"{where}: 'heldout' must be true or false")
        mentions = doc.get("gold")
        if not isinstance(mentions, list):
            errors.append(f"{where}: 'gold' must be a list")
            continue
        stats["articles"] += 1
        stats["chars"] += len(text)
        stats["styles"][doc.get("style")] += 1
        stats["heldout_docs"] += doc.get("heldout") is True
        last_end = -1
        for g in sorted(mentions, key=lambda g: (g.get("start", -1), g.get("end", -1))):
            label = f"{where} {g.get('surface')!r}@{g.get('start')}"
            start, end, surface = g.get("start"), g.get("end"), g.get("surface")
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(surface, str)):
                errors.append(f"{label}: start, end (int) and surface (str) are required")
                continue
            if not 0 <= start < end <= len(text):
                errors.append(f"{label}: offsets out of range")
            elif text[start:end] != surface:
                errors.append(f"{label}: text[start:end] is {text[start:end]!r}")
            if surface != surface.strip():
                errors.append(f"{label}: surface has leading or trailing space")
            if start < last_end:
                errors.append(f"{label}: overlaps the mention before it")
            last_end = max(last_end, end)
            value = g.get("value")
            gran = granularity(value) if isinstance(value, str) else None
            if gran is None:
                errors.append(f"{label}: invalid TIMEX3 value {value!r}")
            countries = g.get("countries")
            if not isinstance(countries, list):
                errors.append(f"{label}: 'countries' must be a list")
                countries = []
            for code in countries:
                if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code)
                        and pycountry.countries.get(alpha_3=code)):
                    errors.append(f"{label}: unknown ISO 3166-1 alpha-3 code {code!r}")
            if len(set(countries)) != len(countries):
                errors.append(f"{label}: a country listed twice")
            stats["mentions"] += 1
            stats["heldout_mentions"] += doc.get("heldout") is True
            stats["granularity"][gran or "invalid"] += 1
            stats["countries"].update(countries)
            stats["no_country"] += not countries
    unlisted = sorted(p.name for p in folder.glob("*.txt") if p.name not in seen_files)
    for name in unlisted:
        errors.append(f"{folder.name}/{name}: not listed in gold.json")
    if stats["articles"] < MIN_ARTICLES:
        errors.append(f"{folder.name}: {stats['articles']} articles, at least {MIN_ARTICLES} needed")
    if stats["mentions"] < MIN_MENTIONS:
        errors.append(f"{folder.name}: {stats['mentions']} dated mentions, at least {MIN_MENTIONS} needed")
    if stats["heldout_docs"] != HELDOUT:
        errors.append(f"{folder.name}: {stats['heldout_docs']} held-out articles, {HELDOUT} wanted")
    for style in STYLES:
        if stats["articles"] and stats["styles"][style] < MIN_STYLE_SHARE * stats["articles"]:
            errors.append(f"{folder.name}: only {stats['styles'][style]} '{style}' articles of {stats['articles']}")
    return errors, stats


def summary(lang: str, s: dict) -> str:
    grans = ", ".join(f"{k} {v}" for k, v in s["granularity"].most_common())
    return (f"{lang}: {s['articles']} articles ({s['styles']['news']} news, {s['styles']['official']} official; "
            f"{s['heldout_docs']} held out), {s['chars']} characters; {s['mentions']} dated mentions "
            f"({s['mentions'] - s['heldout_mentions']} dev, {s['heldout_mentions']} held out); {grans}; "
            f"{len(s['countries'])} distinct countries, {sum(s['countries'].values())} country labels, "
            f"{s['no_country']} mentions with none")


def main(argv: list[str]) -> int:
    if argv:
        folders = [Path(a) if Path(a).is_dir() else HERE / a for a in argv]
    else:
        folders = sorted(p.parent for p in HERE.glob("*/gold.json") if LANGUAGE_FOLDER.fullmatch(p.parent.name))
    if not folders:
        print(f"no language folder with a gold.json under {HERE}")
        return 1
    bad = 0
    for folder in folders:
        errors, stats = check_folder(folder)
        for e in errors:
            print(f"ERROR {e}")
        if stats:
            print(summary(folder.name, stats) + ("" if not errors else f" -- {len(errors)} errors"))
        bad += bool(errors)
    print("all language sets valid" if not bad else f"{bad} of {len(folders)} language sets have errors")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
