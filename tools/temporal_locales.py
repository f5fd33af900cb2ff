"""Write the month, weekday, unit and relative-word files of a language's date rules from dateparser's locale data.

Usage: python tools/temporal_locales.py [LANG ...]   (default: every folder with a dateparser.txt)

For each resources/temporal/<lang>/ that has a `dateparser.txt` (which locales to read, which
repatterns take inflected endings, what to leave out and why), writes:
  repattern/month.txt, normalization/month.txt        month names -> "01".."12"
  repattern/weekday.txt, normalization/weekday.txt    weekday names -> "1".."7" (ISO, Monday 1)
  repattern/weekday_short.txt, normalization/...      "segunda" of "segunda-feira" (where there are such)
  repattern/unit.txt, normalization/unit.txt          day, week, month, year words -> "day" ...
  repattern/relative.txt, normalization/relative.txt  "hier", "в прошлом году" -> "DCT-1day" ...
  repattern/ago.txt                                   "il y a", "hace", "назад" ...
  repattern/hijri_month.txt, normalization/hijri_month.txt   (hijri = yes: from hijridate)
The names come from the locale and all its regional variants (ar-IQ's آذار, ar-DZ's جويلية).
Abbreviations are left out: news prose writes names in full, and dateparser's abbreviations collide
with common words (German "Die", "Mit", "So"; French "sept"; Portuguese "segunda").
The app reads the written files; it never reads dateparser's locale data at run time.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the shared per-folder loop in tools/folders.py

from tools.folders import run_each  # noqa: E402

TEMPORAL = ROOT / "resources" / "temporal"

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNITS = ["day", "week", "month", "year"]
# dateparser's relative phrases: "1 day ago", "in 1 week", "0 year ago".
_RELATIVE = re.compile(r"^(?:(?P<in>in) )?(?P<n>\d+) (?P<unit>day|week|month|year)(?P<ago> ago)?$")


def read_settings(path: Path) -> dict[str, list[str]]:
    """`key = value | value ...` lines of a dateparser.txt; # starts a comment."""
    out: dict[str, list[str]] = {}
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise SystemExit(f"{path}:{no}: expected 'key = value'")
        out.setdefault(key.strip(), []).extend(v.strip() for v in value.split("|") if v.strip())
    return out


def locale_data(locale: str) -> list[dict]:
    """The locale's data and that of each of its regional variants."""
    info = importlib.import_module(f"dateparser.data.date_translation_data.{locale}").info
    return [info, *info.get("locale_specific", {}).values()]


def _plain(word: str) -> str:
    """Lower case without accents, for comparing forms ("mês" and "meses", "Sab" and "sábado")."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def is_abbreviation(entry: str, others: list[str]) -> bool:
    """Whether `entry` shortens another name of the list ("janv" for "janvier", "Die" for
    "dienstag", "Mrz", "пнд"), rather than being a word with its inflected forms beside it
    ("jahr", "Jahren"; "год", "года")."""
    if len(entry) < 2 or any(c.isdigit() for c in entry) or entry.endswith("."):
        return True
    low = _plain(entry)
    longer = [_plain(o) for o in others if len(o) > len(entry)]
    for o in longer:
        rest = o[len(low):]
        if o.startswith(low) and (len(rest) >= 3 or rest[0] in "- "):
            return True
    # A short form that no longer form starts with, in a script that abbreviates (dateparser's
    # Arabic has no abbreviations, and its three-letter words are words: يوم، عام، شهر).
    inflected = any(o.startswith(low) and len(o) >= 4 for o in longer)
    return entry.lower() != entry.upper() and len(entry) <= 3 and bool(longer) and not inflected


def names(data: list[dict], key: str, leave_out: set[str], keep: set[str]) -> list[str]:
    entries: list[str] = []
    for d in data:
        entries += [e.strip() for e in d.get(key, []) if e.strip()]
    kept = [e for e in entries if (e.lower() in keep or not is_abbreviation(e, entries)) and e.lower() not in leave_out]
    return list({e.lower(): e for e in reversed(kept)}.values())[::-1]


def regex_unit_words(data: list[dict], unit: str) -> list[str]:
    """The unit words of dateparser's counted phrases, the word after the count ("قبل (\\d+) أسابيع"
    -> "أسابيع", "vor (\\d+) wochen" -> "wochen"): the plural and counted forms its name lists lack."""
    words: list[str] = []
    for d in data:
        for spec, patterns in d.get("relative-type-regex", {}).items():
            if not re.fullmatch(rf"(?:in )?\\1 {unit}(?: ago)?", spec):
                continue
            for pattern in patterns:
                m = re.search(r"\)\S*\s+(\w+)", pattern)
                if m and m.group(1).isalpha():
                    words.append(m.group(1))
    return [w for w in dict.fromkeys(words) if not is_abbreviation(w, words)]


def short_names(data: list[dict], key: str) -> list[str]:
    """The first word of a name written in two ("segunda" of "segunda-feira"), given as a name of its
    own by dateparser: a rule reads it where nothing else can be meant ("na segunda, em Brasília")."""
    entries = [e.strip() for d in data for e in d.get(key, []) if e.strip()]
    return list({e.lower(): e for e in entries
                 if any(len(o) > len(e) and _plain(o).startswith(_plain(e)) and o[len(e)] in "- " for o in entries)}.values())


def relative_words(data: list[dict], leave_out: set[str]) -> list[tuple[str, str]]:
    """(phrase, value) of dateparser's relative phrases of days, weeks, months and years."""
    out: dict[str, str] = {}
    specs: dict[str, list[str]] = {}
    for d in data:
        for spec, phrases in d.get("relative-type", {}).items():
            specs.setdefault(spec, []).extend(phrases)
    for spec, phrases in specs.items():
            m = _RELATIVE.match(spec)
            if m is None or (m.group("in") is None) == (m.group("ago") is None):
                continue
            sign = "+" if m.group("in") else "-" if int(m.group("n")) else "+"
            value = f"DCT{sign}{m.group('n')}{m.group('unit')}"
            words = {_plain(w) for p in phrases for w in p.split()}
            for phrase in phrases:
                # "в пр г", "esta sem": a phrase with an abbreviated word, given in full beside it
                cut = any(len(w) <= 4 and any(o.startswith(_plain(w)) and len(o) > len(w) for o in words)
                          for w in phrase.split())
                if cut or phrase.lower() in leave_out:
                    continue
                out.setdefault(phrase, value)
    return list(out.items())


def header(kind: str, lang: str, source: str) -> str:
    return (f"# {kind} ({lang}), written by tools/temporal_locales.py from {source}: do not edit.\n"
            f"# Change {lang}/dateparser.txt and run the tool again.\n")


def write_pair(folder: Path, name: str, pairs: list[tuple[str, str]], kind: str, lang: str, source: str,
               flags: str) -> None:
    head = header(kind, lang, source)
    pattern = head + "# Line: one alternative.\n" + (f"# flags: {flags}\n" if flags else "")
    pattern += "".join(f"{re.escape(s).replace(chr(92) + ' ', ' ')}\n" for s, _ in pairs)
    table = head + '# Line: "surface","value" (surface compared case-insensitively).\n'
    table += "".join(f'"{s}","{v}"\n' for s, v in pairs)
    (folder / "repattern" / f"{name}.txt").write_text(pattern, encoding="utf-8")
    (folder / "normalization" / f"{name}.txt").write_text(table, encoding="utf-8")


def build(folder: Path) -> list[str]:
    """Write the generated files of one language folder; return their names."""
    lang = folder.name
    settings = read_settings(folder / "dateparser.txt")
    leave_out = {w.strip().lower() for w in settings.get("leave_out", [])}
    keep = {w.strip().lower() for w in settings.get("keep", [])}
    inflected = set(settings.get("inflected", []))
    data = [d for loc in settings.get("locales", [lang]) for d in locale_data(loc)]
    source = f"dateparser {importlib.metadata.version('dateparser')}'s locale data ({' '.join(settings.get('locales', [lang]))})"
    for sub in ("repattern", "normalization"):
        (folder / sub).mkdir(exist_ok=True)

    def flags(name: str) -> str:
        return "inflected" if name in inflected else ""

    written = []
    month = [(n, f"{i:02d}") for i, key in enumerate(MONTHS, 1) for n in names(data, key, leave_out, keep)]
    write_pair(folder, "month", month, "Month names", lang, source, flags("month"))
    weekday = [(n, str(i)) for i, key in enumerate(WEEKDAYS, 1) for n in names(data, key, leave_out, keep)]
    write_pair(folder, "weekday", weekday, "Weekday names", lang, source, flags("weekday"))
    short = [(n, str(i)) for i, key in enumerate(WEEKDAYS, 1) for n in short_names(data, key)]
    if short:
        write_pair(folder, "weekday_short", short, "First words of two-word weekday names", lang, source, "")
        written.append("weekday_short")
    unit = [(n, key) for key in UNITS
            for n in dict.fromkeys([*names(data, key, leave_out, keep),
                                    *(w for w in regex_unit_words(data, key) if w.lower() not in leave_out)])]
    unit = list({n.lower(): (n, v) for n, v in reversed(unit)}.values())[::-1]
    write_pair(folder, "unit", unit, "Words for a day, week, month, year", lang, source, flags("unit"))
    write_pair(folder, "relative", relative_words(data, leave_out), "Relative day, week, month and year words",
               lang, source, flags("relative"))
    written += ["month", "weekday", "unit", "relative"]
    ago = list(dict.fromkeys(a for d in data for a in d.get("ago", []) if a.lower() not in leave_out))
    if ago:
        text = header("Words that count back from now ('ago')", lang, source) + "# Line: one alternative.\n"
        (folder / "repattern" / "ago.txt").write_text(text + "".join(f"{re.escape(a).replace(chr(92) + ' ', ' ')}\n" for a in ago),
                                                      encoding="utf-8")
        written.append("ago")
    if settings.get("hijri") == ["yes"]:
        from hijridate import Hijri

        hijri_source = f"hijridate {importlib.metadata.version('hijridate')}'s month names"
        months = [(Hijri(1444, m, 1).month_name("ar"), f"{m:02d}") for m in range(1, 13)]
        write_pair(folder, "hijri_month", months, "Hijri month names", lang, hijri_source, "")
        written.append("hijri_month")
    return written


def main(argv: list[str]) -> int:
    return run_each((TEMPORAL / lang for lang in argv), lambda: (p.parent for p in TEMPORAL.glob("*/dateparser.txt")),
                    lambda folder: folder / "dateparser.txt", lambda folder: f"{folder.name}: wrote {', '.join(build(folder))}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
