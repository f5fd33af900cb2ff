"""Write the English names of languages by their ISO 639 codes from CLDR (babel's locale data).

Usage: python tools/language_labels.py [OUT]   (default: resources/ingest/language_names.tsv)

Every language CLDR names in English whose code is two or three lower-case letters: the codes py3langid
gives an article and the ones a user may type ("fr	French", "ary	Moroccan Arabic"). The window's
language filter and the pictures' captions show these names. The app reads the written file; it never
reads babel's data at run time.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "ingest" / "language_names.tsv"
_CODE = re.compile(r"^[a-z]{2,3}$")


def lines() -> list[str]:
    """The file's lines: a header naming the source and its version, then code and name a line."""
    names = Locale("en").languages
    header = [
        f"# English names of languages by ISO 639 code, from Unicode CLDR (babel {importlib.metadata.version('babel')}, Unicode License v3).",
        "# Written by tools/language_labels.py: run it again rather than edit this file.",
        "# code<TAB>name",
    ]
    return header + [f"{code}\t{name}" for code, name in sorted(names.items()) if _CODE.match(code)]


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else OUT
    out.write_text("\n".join(lines()) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines()) - 3} languages")


if __name__ == "__main__":
    main(sys.argv[1:])
