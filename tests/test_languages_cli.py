"""A typical short article in each language of diplomacy, through `python main.py extract`: its dates,
countries and event types come out right, with offsets into the text as written, and the article's
language in its rows.

The articles (tests/data/languages/) were written for these tests in news style, one a language;
the file name gives the publication date; each holds one number that is no date.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "languages"

EXPECTED = {
    "fr": {"mercredi": "2024-03-13", "le 2 février": "2024-02-02", "décembre 2022": "2022-12",
           "l'été 2023": "2023-SU", "la semaine prochaine": "2024-W12", "juin": "2024-06",
           "la fin de l'année": "2024"},
    "es": {"el viernes": "2023-06-09", "el pasado 3 de marzo": "2023-03-03", "1941": "1941",
           "Hace dos semanas": "2023-W21", "el próximo lunes": "2023-06-12", "finales de julio": "2023-07"},
    "pt": {"quinta-feira (13)": "2023-04-13", "janeiro": "2023-01", "ano passado": "2022",
           "22 de maio": "2023-05-22", "segundo semestre": "2023-H2"},
    "de": {"Dienstagabend": "2024-01-23TEV", "Mai 2022": "2022-05", "vergangenen Jahr": "2023",
           "Ende März 2023": "2023-03", "kommenden Montag": "2024-01-29", "05.02.2024": "2024-02-05"},
    "ru": {"пятницу": "2022-07-22", "13 июля": "2022-07-13", "В прошлом году": "2021",
           "на следующей неделе": "2022-W30", "начале августа": "2022-08"},
    "ar": {"أمس الاثنين": "2024-12-09", "عام ٢٠١٨": "2018", "٥ ديسمبر": "2024-12-05",
           "كانون الثاني/يناير المقبل": "2025-01", "أيلول/سبتمبر الماضي": "2024-09"},
}

# Countries and CAMEO code of mentions whose sentence names its parties, or refers back to the
# headline that does ("Переговоры начались 13 июля при посредничестве Турции": the talks of Russia and
# Ukraine the headline names); benchmarks/languages.py measures the others.
EVENTS = {
    "fr": {"mercredi": ("DZA;FRA", "043"), "le 2 février": ("DZA;FRA", "")},
    "es": {"el viernes": ("COL;VEN", "057"), "el pasado 3 de marzo": ("COL;VEN", "046")},
    "pt": {"quinta-feira (13)": ("ARG;BRA", "043"), "janeiro": ("ARG;BRA", "057")},
    "de": {"Dienstagabend": ("SWE;TUR", ""), "Mai 2022": ("SWE", "")},
    "ru": {"13 июля": ("RUS;TUR;UKR", "046")},
    "ar": {"أمس الاثنين": ("SAU;TUR", "043")},
}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    """The mentions CSV of one `main.py extract` over the six articles, by language."""
    out = tmp_path_factory.mktemp("languages") / "mentions.csv"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(ARTICLES), "--mentions-csv",
                           str(out), "--workers", "1", "-q"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_language: dict[str, list[dict]] = {}
    for row in rows:
        by_language.setdefault(row["language"], []).append(row)
    return by_language


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_a_typical_article_s_dates_come_out_right(extracted: dict[str, list[dict]], lang: str) -> None:
    rows = extracted[lang]
    assert {r["date_text"]: r["date_value"] for r in rows} == EXPECTED[lang]
    [path] = ARTICLES.glob(f"*_{lang}_*.txt")
    text = path.read_text(encoding="utf-8")
    for r in rows:
        assert text[int(r["char_start"]) : int(r["char_end"])] == r["date_text"]


@pytest.mark.parametrize("lang", sorted(EVENTS))
def test_a_typical_article_s_countries_and_event_types_come_out_right(extracted: dict[str, list[dict]], lang: str) -> None:
    found = {r["date_text"]: (r["countries"], r["cameo_code"]) for r in extracted[lang]}
    assert {text: found.get(text) for text in EVENTS[lang]} == EVENTS[lang]


def test_the_language_option_overrides_detection(tmp_path: Path) -> None:
    out = tmp_path / "mentions.csv"
    [french] = ARTICLES.glob("*_fr_*.txt")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(french), "--language", "de",
                           "--mentions-csv", str(out), "--workers", "1", "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["language"] for r in rows} == {"de"}
    assert "mercredi" not in {r["date_text"] for r in rows}  # the German rules know no French weekday
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(french), "--language", "french"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert bad.returncode != 0 and "ISO 639-1" in bad.stderr


def test_export_keeps_the_events_of_one_language(tmp_path: Path) -> None:
    library, out = tmp_path / "l.sqlite3", tmp_path / "events.csv"
    run = [sys.executable, str(ROOT / "main.py")]
    done = subprocess.run([*run, "extract", str(ARTICLES), "--library", str(library), "--workers", "1", "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([*run, "export", "--library", str(library), "--language", "ar", "--csv", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["event_date"] for r in rows} == set(EXPECTED["ar"].values())
    assert {r["language"] for r in rows} == {"ar"}
