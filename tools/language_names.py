"""Write the state and capital names of a language's gazetteer from CLDR (babel's locale data).

Usage: python tools/language_names.py [LANG ...]   (default: every folder of resources/gazetteer/)

For each resources/gazetteer/<lang>/ writes `names.tsv`: every state and territory of
countries.tsv by its CLDR name in that language ("Turquie", "Саудовская Аравия", "المملكة المتحدة"),
and every capital of capitals.tsv by the CLDR exemplar city of its time zone ("Moscou", "Эр-Рияд",
"الرياض"). Nothing is typed by hand: other ways of writing a state (short forms, "RDC", "США"),
adjectives, demonyms and the capitals CLDR has no zone for are in the folder's hand-written files.
The app reads the written file; it never reads babel's data at run time.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from pathlib import Path

import pycountry
from babel import Locale
from babel.dates import get_timezone_location

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the shared per-folder loop in tools/folders.py

from tools.folders import run_each  # noqa: E402

GAZETTEER = ROOT / "resources" / "gazetteer"

# Kosovo has no ISO 3166-1 code; CLDR names it XK, the gazetteer XKX.
_ALPHA2 = {"XKX": "XK"}
# A leading article that contracts with a preposition is no part of the name in running text
# ("Le Caire" -> "au Caire", "El Cairo" -> "del Cairo"); a feminine one stays ("à La Havane").
_CONTRACTING = {"fr": ("Le ", "Les "), "es": ("El ", "Los "), "pt": ("O ", "Os ")}


def _clean(name: str, lang: str) -> str:
    """A CLDR name as news writes it: no qualifier in brackets, no soft hyphen, no contracting article."""
    name = re.sub(r"\s*\([^)]*\)", "", name.replace("\xad", "")).strip()
    for article in _CONTRACTING.get(lang, ()):
        if name.startswith(article) and len(name) > len(article) + 2:
            name = name[len(article):]
    return name


def _table(path: Path, cols: int) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append((line.split("\t") + [""] * cols)[:cols])
    return rows


def build(folder: Path) -> Path:
    """Write folder/names.tsv for the language the folder is named after; return its path."""
    lang = folder.name
    locale = Locale.parse(lang)
    lines: dict[tuple[str, str], None] = {}
    for iso3, _name in _table(GAZETTEER / "countries.tsv", 2):
        alpha2 = _ALPHA2.get(iso3) or pycountry.countries.get(alpha_3=iso3).alpha_2
        name = locale.territories.get(alpha2)
        if name:
            lines[(_clean(name, lang), iso3)] = None
    for iso3, _capital, zone in _table(GAZETTEER / "capitals.tsv", 3):
        if zone:
            lines[(_clean(get_timezone_location(zone, locale=locale, return_city=True), lang), iso3)] = None
    version = importlib.metadata.version("babel")
    out = folder / "names.tsv"
    header = (f"# derived by tools/language_names.py from CLDR (babel {version}): states and territories, then\n"
              "# capitals (exemplar cities of capitals.tsv's zones); do not edit, add names to aliases.tsv\n"
              "# alias<TAB>iso3<TAB>kind\n")
    out.write_text(header + "".join(f"{name}\t{iso3}\tname\n" for name, iso3 in lines), encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    return run_each((GAZETTEER / lang for lang in argv), lambda: (p for p in GAZETTEER.iterdir() if p.is_dir()),
                    lambda folder: None, lambda folder: f"wrote {build(folder).relative_to(ROOT)}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
