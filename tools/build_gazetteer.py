"""Derive the compact gazetteer and CAMEO tables in resources/ from the Phoenix/ICEWS dictionaries.

Usage: python tools/build_gazetteer.py [EVENTDATA_DIR]   (default: ../shared/data/eventdata)

Reads the MIT-licensed petrarch2 actor and verb dictionaries and the icews CAMEO code table and
writes, under resources/:
  gazetteer/countries.tsv      ISO3, display name (ISO codes validated with pycountry)
  gazetteer/aliases.tsv        alias, ISO3, kind (name / seat) from the country dictionary
  gazetteer/persons.tsv        alias, ISO3, from, to, canonical name (state roles with dates)
  gazetteer/organizations.tsv  alias, organisation code (for the organisations in org_codes.tsv)
  gazetteer/role_words.txt     single words that name an office or a sector (Phoenix agents)
  cameo/codes.tsv              code, root, name, Goldstein score, QuadClass
  cameo/verbs.tsv              verb form, verb block, code
  cameo/patterns.tsv           verb block, object words, code
The hand-written files (aliases_extra.tsv, persons_extra.tsv, org_codes.tsv, senses.tsv,
context_words.tsv, cameo/nouns.tsv) are inputs and are never overwritten. The app never reads
the source dictionaries at run time.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.cameo_tables import CODES_HEADER, build_codes, build_verbs, known_code  # noqa: E402

OUT_GAZ = ROOT / "resources" / "gazetteer"
OUT_CAMEO = ROOT / "resources" / "cameo"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "eventdata"

# CAMEO codes that are not ISO 3166-1 alpha-3; None drops the entry (a state that no longer exists).
NON_ISO = {"KSV": "XKX", "DDR": None, "KNT": None, "SCG": None, "USR": None, "CSK": None, "YUG": None}
# Sectors of a state: an entry coded with one of these speaks for the country (the Kremlin -> RUS).
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "SPY", "COP")
SMALL_WORDS = {"of", "the", "and", "de", "du", "del", "des", "la", "le", "da", "do", "dos", "das", "al", "el", "y", "van", "von", "der", "bin", "ibn", "on"}
# Names that differ from pycountry's `common_name`/`name` in news usage.
DISPLAY_NAMES = {
    "TUR": "Türkiye", "RUS": "Russia", "SYR": "Syria", "IRN": "Iran", "KOR": "South Korea",
    "PRK": "North Korea", "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania", "MDA": "Moldova",
    "VNM": "Vietnam", "LAO": "Laos", "XKX": "Kosovo", "PSE": "Palestine", "CZE": "Czechia",
    "TWN": "Taiwan", "USA": "United States", "GBR": "United Kingdom", "VAT": "Vatican City",
    "FSM": "Micronesia", "COD": "DR Congo", "COG": "Republic of the Congo", "BRN": "Brunei",
    "CPV": "Cabo Verde", "SWZ": "Eswatini", "CIV": "Côte d'Ivoire", "MKD": "North Macedonia",
    "MMR": "Myanmar", "FLK": "Falkland Islands", "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands", "MAC": "Macau", "HKG": "Hong Kong", "SHN": "Saint Helena",
}
PLURAL_ENDINGS = ("an", "i", "k", "h")


@dataclass
class Entry:
    """One entry of a Phoenix actor dictionary: its names and its (code, from, to) codes."""

    line: int
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)


def _date(text: str) -> dt.date | None:
    text = text.strip()
    try:
        if len(text) == 6:
            yy = int(text[:2])
            return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return None


def _parse_code(raw: str) -> tuple[str, dt.date | None, dt.date | None] | None:
    raw = raw.strip()
    m = re.fullmatch(r"([A-Z]{3,}|---)\s*(?:(<|>)\s*(\d+)|(\d+)-(\d+))?", raw)
    if not m or m.group(1) == "---":
        return None
    code = m.group(1)
    start = end = None
    if m.group(2) == ">":
        start = _date(m.group(3))
    elif m.group(2) == "<":
        end = _date(m.group(3))
    elif m.group(4):
        start, end = _date(m.group(4)), _date(m.group(5))
        if start is None or end is None:
            return None
    return code, start, end


def parse_actor_file(path: Path) -> list[Entry]:
    """Entries of a TABARI/PETRARCH .actors file."""
    entries: list[Entry] = []
    current: Entry | None = None
    for no, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [c for c in (_parse_code(x) for x in re.findall(r"\[([^\]]*)\]", line)) if c]
        name = re.sub(r"\[[^\]]*\]", "", line).strip()
        if raw[0] in " \t" and not name:
            if current is not None:
                current.codes.extend(codes)
            continue
        if name.startswith("+"):
            if current is not None:
                current.names.append(name[1:])
                current.codes.extend(codes)
            continue
        current = Entry(no, [name], list(codes))
        entries.append(current)
    return entries


def normal(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def clean_alias(raw: str) -> str | None:
    """A dictionary phrase as it is written in text, or None when it cannot be matched reliably."""
    text = raw.replace("_", " ").strip()
    text = re.sub(r"\s+", " ", text)
    if not text or any(ch in text for ch in "(),/!\"") or len(text) < 2:
        return None
    words = text.split(" ")
    if words[0].upper() == "THE":
        words = words[1:]
    if not words:
        return None
    out = []
    for w in words:
        letters = re.sub(r"[^A-Za-z]", "", w)
        if "." in w and len(letters) <= 4:
            out.append(w.upper())  # U.S., U.K.
        elif len(words) == 1 and (len(w) <= 3 or not re.search(r"[AEIOUY]", w.upper())):
            out.append(w.upper())  # US, UK, UAE, DPRK: written in capitals in news text
        elif w.lower() in SMALL_WORDS and out:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def iso_code(code: str) -> str | None:
    if code in NON_ISO:
        return NON_ISO[code]
    return code if pycountry.countries.get(alpha_3=code) else None


def display_name(iso3: str) -> str:
    if iso3 in DISPLAY_NAMES:
        return DISPLAY_NAMES[iso3]
    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or c.name


def build_countries(src: Path) -> tuple[dict, list, list]:
    """Aliases and persons from the country dictionary."""
    aliases: dict[str, set[tuple[str, str]]] = defaultdict(set)
    persons: list[tuple[str, str, str, str, str]] = []
    today = dt.date(2014, 6, 1)  # the dictionary's date: open periods still ran then
    for e in parse_actor_file(src / "Phoenix.Countries.actors.txt"):
        names = [n for n in (clean_alias(x) for x in e.names) if n]
        if not names or not e.codes:
            continue
        country_codes = [c for c in e.codes if len(c[0]) == 3]
        role_codes = [c for c in e.codes if len(c[0]) > 3]
        current = [c for c in country_codes if c[2] is None or c[2] >= today]
        if current:
            iso = iso_code(current[-1][0])
            if iso:
                for n in names:
                    aliases[n].add((iso, "name"))
            continue
        dated = [c for c in role_codes if c[1] or c[2]]
        state = [c for c in role_codes if c[0][3:6] in STATE_SECTORS]
        if dated:
            canonical = names[0]
            for code, start, end in dated:
                if code[3:6] not in STATE_SECTORS:
                    continue
                iso = iso_code(code[:3])
                if not iso or (start and end and end < start):
                    continue  # a state that no longer exists, or a period mistyped in the source
                for n in names:
                    persons.append((n, iso, start.isoformat() if start else "", end.isoformat() if end else "", canonical))
        elif state:
            iso = iso_code(state[0][0][:3])
            if iso:
                for n in names:
                    aliases[n].add((iso, "seat"))
    return aliases, persons, []


def add_plurals(aliases: dict[str, set[tuple[str, str]]]) -> None:
    """Demonym plurals the dictionary lacks: Americans, Turks, Iraqis."""
    keys = {normal(a) for a in aliases}
    for alias, codes in list(aliases.items()):
        if " " in alias or len(codes) != 1 or alias.isupper():
            continue
        if alias.lower().endswith(PLURAL_ENDINGS) and normal(alias + "s") not in keys:
            aliases[alias + "s"] = set(codes)


def drop_given_names(persons: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, str, str, str]]:
    """Drop one-word aliases that are given names elsewhere ("Abdullah", "Hassan", "Albert")."""
    firsts: dict[str, int] = defaultdict(int)
    for alias in {p[0] for p in persons}:
        words = alias.split(" ")
        if len(words) > 1:
            firsts[normal(words[0])] += 1
    dropped = {p[0] for p in persons if " " not in p[0] and firsts[normal(p[0])] >= 2}
    if dropped:
        print(f"{len(dropped)} one-word person aliases dropped as given names: {sorted(dropped)}")
    return [p for p in persons if p[0] not in dropped]


def build_orgs(src: Path) -> list[tuple[str, str]]:
    """Aliases of the organisations listed in org_codes.tsv, by CAMEO code or by entry name."""
    wanted_codes: dict[str, str] = {}
    wanted_entries: dict[str, str] = {}
    for line in (OUT_GAZ / "org_codes.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _name, sources = (line.split("\t") + ["", ""])[:3]
        for s in filter(None, (x.strip() for x in sources.split(","))):
            kind, _, value = s.partition(":")
            (wanted_codes if kind == "cameo" else wanted_entries)[value] = code
    out: set[tuple[str, str]] = set()
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for e in parse_actor_file(src / fname):
            org = wanted_entries.get(e.names[0].strip().rstrip("_").upper())
            undated = [c for c in e.codes if not c[1] and not c[2]]
            if org is None and undated and undated[0][0] in wanted_codes:
                org = wanted_codes[undated[0][0]]
            if org is None:
                continue
            for n in e.names:
                a = clean_alias(n)
                if a:
                    out.add((a, org))
    return sorted(out)


def build_role_words(src: Path) -> list[str]:
    words: set[str] = set()
    for line in (src / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z][A-Z_!]*?)\s*\[", line)
        if not m:
            continue
        for w in m.group(1).replace("!PERSON!", "").replace("!MINIST!", "_MINISTER").split("_"):
            if len(w) > 2 and w.isalpha():
                words.add(w.lower())
    return sorted(words)


# ---- CAMEO ----------------------------------------------------------------------------------

def write_tsv(path: Path, header: str, rows: list[tuple]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header.rstrip("\n") + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows")


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    aliases, persons, _ = build_countries(src)
    add_plurals(aliases)
    alias_rows = []
    dropped = []
    for alias, found in sorted(aliases.items()):
        isos = {c for c, _ in found}
        if len(isos) > 1:
            dropped.append(f"{alias}: {sorted(isos)}")
            continue
        kind = "name" if any(k == "name" for _, k in found) else "seat"
        alias_rows.append((alias, isos.pop(), kind))
    if dropped:
        print(f"{len(dropped)} aliases dropped as ambiguous between countries, e.g. {dropped[:8]}")
    used = {r[1] for r in alias_rows} | {p[1] for p in persons}
    countries = sorted({(c.alpha_3, display_name(c.alpha_3)) for c in pycountry.countries} | {("XKX", "Kosovo")})
    missing = used - {c for c, _ in countries}
    if missing:
        raise SystemExit(f"codes not in pycountry: {sorted(missing)}")
    src_note = "# derived by tools/build_gazetteer.py from petrarch2 Phoenix dictionaries (MIT); do not edit, edit the *_extra files\n"
    write_tsv(OUT_GAZ / "countries.tsv", "# iso3<TAB>display name; derived by tools/build_gazetteer.py (pycountry codes + news names)", countries)
    write_tsv(OUT_GAZ / "aliases.tsv", src_note + "# alias<TAB>iso3<TAB>kind (name|seat); written as in text: CAPITALS must match exactly", alias_rows)
    persons = drop_given_names(persons)
    write_tsv(OUT_GAZ / "persons.tsv", src_note + "# alias<TAB>iso3<TAB>from (YYYY-MM-DD or empty)<TAB>to<TAB>canonical name", sorted(set(persons)))
    write_tsv(OUT_GAZ / "organizations.tsv", src_note + "# alias<TAB>organisation code (see org_codes.tsv)", build_orgs(src))
    role_words = build_role_words(src)
    with open(OUT_GAZ / "role_words.txt", "w", encoding="utf-8") as f:
        f.write("# one lower-case word a line: offices and sectors (Phoenix.agents.txt, MIT); derived by tools/build_gazetteer.py\n")
        f.write("\n".join(role_words) + "\n")
    print(f"resources/gazetteer/role_words.txt: {len(role_words)} words")
    codes = build_codes(src)
    known = {c[0] for c in codes}
    write_tsv(OUT_CAMEO / "codes.tsv", CODES_HEADER, codes)
    verbs, patterns = build_verbs(src)
    verbs = [(f, b, known_code(c, known)) for f, b, c in verbs]
    patterns = sorted({(b, w, known_code(c, known)) for b, w, c in patterns if known_code(c, known)})
    write_tsv(OUT_CAMEO / "verbs.tsv", "# verb form<TAB>verb block<TAB>code (empty: only patterns give a code); from petrarch2 CAMEO.2.0.txt (MIT)", verbs)
    write_tsv(OUT_CAMEO / "patterns.tsv", "# verb block<TAB>words after the verb, in order ('|' separates alternatives)<TAB>code; from petrarch2 CAMEO.2.0.txt (MIT)", patterns)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
