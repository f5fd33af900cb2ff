"""Countries found by any of their names in any of the gazetteer's languages, folded: "turk" finds Türkiye."""

from __future__ import annotations

import bisect
import functools
import logging
import re
import unicodedata
from pathlib import Path

from timeline_app.core.tables import read_tsv
from timeline_app.paths import resource

log = logging.getLogger(__name__)

_WORD_START = re.compile(r"(?:^|(?<=[\s\-'’.(/]))\w")
# Letters NFKD does not take apart into a base letter and an accent.
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "’": "'"})


def fold(text: str) -> str:
    """Lower case without accents, as a search compares: "Türkiye" and "turkiye" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


class CountryNameIndex:
    """Every name of every country (display name, ISO code, aliases and demonyms from the gazetteer's
    tables), searchable by their start."""

    def __init__(self, display: dict[str, str], aliases: dict[str, set[str]]) -> None:
        # A display name is found by the start of any of its words ("korea" finds South Korea); an
        # alias only by its start, as cities among them would otherwise answer for their words
        # ("turk" would find Greece by "Former Turkish Province of Yunanistan").
        entries = set()
        for code, name in display.items():
            folded = fold(name)
            entries.update((folded[m.start():], code, name) for m in _WORD_START.finditer(folded))
            entries.add((fold(code), code, code))
        for code, spellings in aliases.items():
            entries.update((fold(spelling), code, spelling) for spelling in spellings)
        self._entries = sorted(entries)
        self._keys = [e[0] for e in self._entries]

    @classmethod
    def from_tables(cls, directory: Path) -> CountryNameIndex:
        """Read countries.tsv, aliases.tsv and aliases_extra.tsv of a gazetteer folder, and the names,
        aliases and demonyms of each language folder in it (a folder with a names.tsv)."""
        display = {code: name for (code, name), _where in read_tsv(directory / "countries.tsv", 2)}
        aliases: dict[str, set[str]] = {}
        tables = [(directory / "aliases.tsv", 3, 3), (directory / "aliases_extra.tsv", 3, 4)]
        for folder in sorted(p for p in directory.iterdir() if (p / "names.tsv").is_file()):
            # A journalist who reads Arabic looks for تركيا, one who reads German for Türkei.
            tables += [(path, min_cols, max_cols) for path, min_cols, max_cols in (
                (folder / "names.tsv", 3, 3), (folder / "aliases.tsv", 3, 4), (folder / "demonyms.tsv", 2, 2))
                if path.is_file()]
        for path, min_cols, max_cols in tables:
            for cols, _where in read_tsv(path, min_cols, max_cols):
                alias, code = cols[:2]
                kind = cols[2] if len(cols) > 2 else "name"  # demonyms.tsv: adjective, code
                # Organisations and blocking phrases are not names of a country.
                if code in display and kind in ("name", "seat"):
                    aliases.setdefault(code, set()).add(alias)
        return cls(display, aliases)

    @staticmethod
    @functools.cache
    def default() -> CountryNameIndex:
        """The index of resources/gazetteer and its language folders, built once, at the first search (80-90 ms)."""
        return CountryNameIndex.from_tables(resource("gazetteer"))

    def find(self, text: str) -> dict[str, str]:
        """The countries one of whose names has a word starting with `text`, each with the name that
        matched (the shortest, so that "turk" gives "Turk" rather than "Turkish Republic")."""
        needle = fold(text)
        found: dict[str, str] = {}
        if not needle:
            return found
        for i in range(bisect.bisect_left(self._keys, needle), len(self._keys)):
            if not self._keys[i].startswith(needle):
                break
            _key, code, spelling = self._entries[i]
            if code not in found or len(spelling) < len(found[code]):
                found[code] = spelling
        return found
