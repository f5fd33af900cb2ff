"""Write the forms of a language's event and clause verbs from simplemma's dictionaries.

Usage: python tools/cameo_forms.py [LANG ...]   (default: every folder of resources/cameo/ with a triggers.tsv)

For each resources/cameo/<lang>/ writes `forms.tsv`: every form simplemma's dictionary of that
language reads as one of the lemmas the folder lists (the triggers of triggers.tsv and the verbs of
the inflected categories of clause_words.tsv: reporting, place_party, auxiliary),
so that "se sont réunis", "встретились", "التقيا" are read as "réunir", "встретиться", "التقى". The
app reads the written file; it never loads simplemma's dictionaries (100 MB a language) at run time.
"""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

ROOT = Path(__file__).resolve().parent.parent
CAMEO = ROOT / "resources" / "cameo"
sys.path.insert(0, str(ROOT))

from tools.folders import run_each  # noqa: E402

from timeline_app.core.extract.triggers import INFLECTED_CATEGORIES  # noqa: E402


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def lemmas(folder: Path) -> set[str]:
    """The lemmas of a language folder: its triggers and the one-word verbs of its inflected categories."""
    found = {cols[0].strip() for cols in _rows(folder / "triggers.tsv")}
    for cols in _rows(folder / "clause_words.tsv"):
        if cols[0] in INFLECTED_CATEGORIES and len(cols) > 1:
            found |= {p.strip() for p in cols[1].split("|") if p.strip() and " " not in p.strip()}
    return found


def build(folder: Path) -> Path:
    """Write folder/forms.tsv for the language the folder is named after; return its path."""
    wanted = lemmas(folder)
    dictionary = DefaultDictionaryFactory().get_dictionary(folder.name)
    pairs = {(lemma, lemma) for lemma in wanted}
    lowered = {w.lower(): w for w in wanted}
    for form, lemma in dictionary.items():
        if lemma.lower() in lowered:  # German nouns: the dictionary's "Sanktion" is the table's "sanktion"
            pairs.add((form, lowered[lemma.lower()]))
    version = importlib.metadata.version("simplemma")
    out = folder / "forms.tsv"
    header = (f"# derived by tools/cameo_forms.py from simplemma {version}'s dictionary; do not edit, list lemmas in\n"
              "# triggers.tsv and clause_words.tsv and run the tool again\n# form<TAB>lemma\n")
    out.write_text(header + "".join(f"{form}\t{lemma}\n" for form, lemma in sorted(pairs)), encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    return run_each((CAMEO / lang for lang in argv), lambda: (p.parent for p in CAMEO.glob("*/triggers.tsv")),
                    lambda folder: folder / "triggers.tsv", lambda folder: f"wrote {build(folder).relative_to(ROOT)}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
