"""Build benchmarks/data/<lang>/*.txt and gold.json from the annotated sources in language_gold_src/<lang>/.

The sources are how the evaluation articles were written: plain text with each dated mention marked
inline as [[surface|value|ISO3,ISO3]] (countries may be empty: [[surface|value|]]). The value is a
TIMEX3 value or a shorthand resolved against the article's publication date:

    <wed   the last Wednesday on or before publication (a weekday told in the past)
    <<wed  the last Wednesday strictly before publication ("mercredi dernier" said on a Wednesday)
    >fri   the next Friday after publication (a weekday told in the future)
    d-1 d0 d+1     day offsets          w-1 w0 w+2   ISO week offsets
    m-1 m0 m+1     month offsets        y-1 y0 y+1   year offsets

Each source starts with a header (file, published, style, heldout) and a line "---". The builder
writes the plain text (markup removed) and the gold with offsets into it, checks that a full date
whose surface names a weekday falls on that weekday, and lists every mention for review.

Usage: python benchmarks/build_language_gold.py fr es pt [--quiet] [--unmarked] [--dev2 | ... | --dev11]
(--unmarked lists words outside the marks that may be dates, for review; --dev2 builds the second
development part, language_gold_src/dev2/<lang>/ -> data/languages_dev2/<lang>/: short articles written
after the first sets' errors were read, each to check a rule on a text it was not written for; --dev3 the
third, language_gold_src/dev3/<lang>/ -> data/languages_dev3/<lang>/, written the same way after dev2;
--dev4 the fourth, written after dev3 for an out-of-sample measure: states and kinds of event the earlier
parts do not use, annotated before the app was run on it; --dev5 the fifth, written the same way after
dev4 had been tuned on; --dev6 the sixth, written blind after dev5 had been tuned on, three texts a language in
all six, official statements with their issuers' own words and news; --dev7 the seventh, written the same
way after dev6 had been tuned on; --dev8 the eighth, written the same way after dev7 had been tuned on; --dev9 the ninth,
written the same way after dev8 had been tuned on; --dev10 the tenth, written the same way after dev9 had been tuned on; --dev11
the eleventh, written the same way after dev10 had been tuned on.)
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "language_gold_src"
OUT = HERE / "data"

RULES = (
    "Gold holds every date expression a reader would place on a timeline: days, weeks, months, "
    "seasons, quarters, halves and years, absolute or relative. Durations ('pendant trois ans') and "
    "sets ('chaque année') are not annotated, nor numbers that are not dates (resolution and article "
    "numbers, 'les 27', law numbers). Span: the expression without a leading preposition or "
    "preposition-article contraction (en, depuis, a, au, desde, em, no, na, nesta); articles and "
    "modifiers that are part of it stay ('le 3 mars', 'el pasado miércoles', 'la semaine dernière', "
    "'fin 2019', 'há dois anos', 'terça-feira (24)'). Value: TIMEX3 resolved against the "
    "publication date, granularity as written (2022-12-28, 2022-W51, 2022-11, 2022-SU, 2022-Q4, "
    "2022-H2, 2022); a modifier such as 'fin', 'début', 'mi-' keeps the value of its period ('fin "
    "2019' = 2019). A bare weekday told in the past is the last such day on or before publication, "
    "one told in the future the next after it; 'il y a deux semaines' = the ISO week 14 days "
    "before, 'il y a deux ans' = that year. Seasons: YYYY-WI is December YYYY to February YYYY+1. "
    "Countries: ISO 3166-1 alpha-3 of the states whose governments act, are acted upon or are "
    "parties of the dated event (a leader or minister stands for their state; a clause that refers "
    "back takes the parties it refers to); not states merely named as places, topics or "
    "comparisons; organisations (UE, ONU, CEDEAO, Mercosul) are not states."
)

WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# Weekday names as the surfaces write them, for the consistency check only.
WEEKDAY_WORDS = {
    0: ("lundi", "lunes", "segunda-feira", "segunda"),
    1: ("mardi", "martes", "terça-feira", "terça"),
    2: ("mercredi", "miércoles", "quarta-feira", "quarta"),
    3: ("jeudi", "jueves", "quinta-feira", "quinta"),
    4: ("vendredi", "viernes", "sexta-feira", "sexta"),
    5: ("samedi", "sábado"),
    6: ("dimanche", "domingo"),
}
# Words a span must not start with (the rule leaves a leading preposition out of the span).
PREPOSITIONS = {"en", "à", "au", "aux", "depuis", "dès", "jusqu'à", "jusqu'au", "pour", "avant", "après",
                "desde", "hasta", "a", "al", "del", "de", "durante", "em", "no", "na", "nos", "nas",
                "nesta", "neste", "nessa", "nesse", "naquele", "naquela", "ao", "do", "da", "até",
                "d'ici", "por", "pelo", "pela"}
# Words that may be a date outside the markup: listed for review, so that no date is left unmarked.
CANDIDATE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    r"diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"segunda|terça|quarta|quinta|sexta|hier|demain|aujourd'hui|ayer|mañana|hoy|ontem|amanhã|hoje|"
    r"semaine|semana|mois|mes|mês|année|an|año|ano|veille|víspera|véspera|été|hiver|automne|printemps|"
    r"verano|invierno|otoño|primavera|verão|inverno|outono|trimestre|semestre)\b", re.IGNORECASE)
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]*)\|([^\[\]|]*)\]\]")


def shift_month(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def resolve(spec: str, pub: dt.date) -> str:
    m = re.fullmatch(r"(<<|<|>)(mon|tue|wed|thu|fri|sat|sun)", spec)
    if m:
        target = WEEKDAYS[m.group(2)]
        if m.group(1) == ">":
            delta = (target - pub.weekday()) % 7 or 7
            return (pub + dt.timedelta(days=delta)).isoformat()
        back = (pub.weekday() - target) % 7
        if m.group(1) == "<<" and back == 0:
            back = 7
        return (pub - dt.timedelta(days=back)).isoformat()
    m = re.fullmatch(r"([dwmy])([+-]\d+|0)", spec)
    if m:
        unit, n = m.group(1), int(m.group(2))
        if unit == "d":
            return (pub + dt.timedelta(days=n)).isoformat()
        if unit == "w":
            y, w, _ = (pub + dt.timedelta(weeks=n)).isocalendar()
            return f"{y}-W{w:02d}"
        if unit == "m":
            y, mo = shift_month(pub, n)
            return f"{y}-{mo:02d}"
        return str(pub.year + n)
    return spec


def parse_source(path: Path) -> tuple[dict, str, list[dict]]:
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    pub = dt.date.fromisoformat(meta["published"])
    body = body.strip("\n") + "\n"
    text_parts: list[str] = []
    gold: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(body):
        before = body[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        surface, spec, countries = m.group(1), m.group(2).strip(), m.group(3)
        codes = sorted({c.strip() for c in countries.split(",") if c.strip()})
        first = surface.split()[0].lower()
        if first in PREPOSITIONS:
            print(f"{path.name}: span starts with a preposition: {surface!r}")
        gold.append({"start": length, "end": length + len(surface), "surface": surface,
                     "value": resolve(spec, pub), "countries": codes})
        text_parts.append(surface)
        length += len(surface)
        pos = m.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts)
    inside = [False] * len(text)
    for g in gold:
        inside[g["start"] : g["end"]] = [True] * (g["end"] - g["start"])
    meta["unmarked"] = [(m.start(), text[max(0, m.start() - 25) : m.end() + 25].replace("\n", " "))
                        for m in CANDIDATE.finditer(text) if not inside[m.start()]]
    if "[[" in text or "]]" in text:
        raise SystemExit(f"{path}: unparsed markup left: {text[text.find('[['):][:60]!r}")
    return meta, text, gold


def check_weekday(surface: str, value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return ""
    day = dt.date.fromisoformat(value).weekday()
    low = surface.lower()
    for wd, words in WEEKDAY_WORDS.items():
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words) and wd != day:
            return f"weekday mismatch: {value} is a {dt.date.fromisoformat(value):%A}"
    return ""


def build(lang: str, quiet: bool, src: Path = SRC, out: Path = OUT) -> int:
    sources = sorted((src / lang).glob("*.ann"))
    if not sources:
        print(f"{lang}: no sources in {src / lang}")
        return 1
    out_dir = out / lang
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = []
    problems = 0
    for src in sources:
        meta, text, gold = parse_source(src)
        pub = dt.date.fromisoformat(meta["published"])
        (out_dir / meta["file"]).write_text(text, encoding="utf-8", newline="\n")
        docs.append({"file": meta["file"], "published": meta["published"], "style": meta["style"],
                     "heldout": meta.get("heldout", "false").lower() == "true", "gold": gold})
        if not quiet:
            print(f"== {meta['file']} ({meta['published']}, {pub:%A}, {meta['style']})")
        for g in gold:
            warn = check_weekday(g["surface"], g["value"])
            problems += bool(warn)
            if not quiet or warn:
                print(f"   {g['surface']!r:40} {g['value']:12} {','.join(g['countries']):20} {warn}")
        if "--unmarked" in sys.argv:
            for at, context in meta["unmarked"]:
                print(f"   unmarked? {at:5} ...{context}...")
    gold_doc = {"language": lang, "rules": RULES, "docs": docs}
    (out_dir / "gold.json").write_text(json.dumps(gold_doc, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8", newline="\n")
    n = sum(len(d["gold"]) for d in docs)
    print(f"{lang}: {len(docs)} articles, {n} mentions, {problems} problems")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    # Any --devN names the part language_gold_src/devN/ (dev2 to dev11 so far); new parts need no code.
    part = next((a[2:] for a in argv if re.fullmatch(r"--dev\d+", a)), None)
    src, out = (SRC / part, OUT / f"languages_{part}") if part else (SRC, OUT)
    langs = [a for a in argv if not a.startswith("--")] or sorted(
        p.name for p in src.iterdir() if p.is_dir() and not re.fullmatch(r"dev\d+", p.name))
    return max(build(lang, quiet, src, out) for lang in langs)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
