"""Event types in another language: lemmatised trigger words (resources/cameo/<lang>/) and the forms each lemma takes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from timeline_app.core.reading import Reading, load_reading
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Clause-word categories whose verbs are listed as lemmas: each stands for every form forms.tsv gives it.
# (A present reaction, undated_reaction, is listed in the forms it takes: its past is a dated event.)
INFLECTED_CATEGORIES = frozenset({"reporting", "place_party", "auxiliary"})
_KINDS = ("verb", "noun")
# Tiers, best first: a verb says what was done; a noun naming an event, then a statement verb.
_VERB, _NOUN, _STATEMENT = 0, 1, 2


@dataclass(frozen=True)
class Hit:
    """A trigger found in a clause: its CAMEO code and the word as written."""

    code: str
    word: str


class Triggers:
    """The trigger lemmas of one language (triggers.tsv), the forms of its lemmas (forms.tsv, written from
    simplemma's dictionaries by tools/cameo_forms.py) and its proclitics and fold (fold.txt, proclitics.txt)."""

    def __init__(self, folder: Path, codes: frozenset[str]) -> None:
        self.folder = folder
        self.reading: Reading = load_reading(folder)
        self._one_for_one = {c: r for c, r in self.reading.fold.items() if r is not None and len(r) == 1}
        self.lemmas: dict[str, str] = {}  # form -> lemma
        for (form, lemma), _where in read_tsv(folder / "forms.tsv", 2):
            self.lemmas.setdefault(self.fold(form), self.fold(lemma))
        self.codes: dict[str, tuple[str, int]] = {}  # lemma -> (code, tier)
        for (lemma, code, kind), where in read_tsv(folder / "triggers.tsv", 3):
            if code not in codes:
                raise RulesError(f"{where}: '{code}' is not a CAMEO code of codes.tsv")
            if kind not in _KINDS:
                raise RulesError(f"{where}: kind must be one of {list(_KINDS)}, not '{kind}'")
            tier = _STATEMENT if code.startswith("01") else _VERB if kind == "verb" else _NOUN
            self.codes[self.fold(lemma)] = (code, tier)

    def text_fold(self, text: str) -> str:
        """The text as the clause rules read it: the fold's one-for-one characters only, so that every
        offset stays where it was ("،" read as ",", "أ" as "ا"; vowel marks stay)."""
        return text.translate(self._one_for_one) if self._one_for_one else text

    def fold(self, word: str) -> str:
        """A word as the tables are read: lower case, in the language's fold ("أدانت" -> "ادانت")."""
        word = word.lower()
        return word.translate(self.reading.fold) if self.reading.fold else word

    def forms(self, lemma: str) -> list[str]:
        """Every form forms.tsv lists for `lemma`, and those its inflection.txt rules make, the lemma first."""
        key = self.fold(lemma)
        found = [key] + [form for form, of in self.lemmas.items() if of == key and form != key]
        for rule in self.reading.inflections:
            m = rule.ending.search(key) if rule.base is not None else None
            if m is not None and m.end() - m.start() == len(rule.base or ""):
                found.extend(f for f in (key[: m.start()] + other for other in rule.others) if f not in found)
        return found

    def lemma(self, word: str) -> str:
        """The lemma of a word of the text: its own form, the form after a proclitic ("والتقى"), or the
        trigger its inflection.txt reads it as ("expulsé" -> "expulser", which the dictionary lacks); a
        hyphenated word the tables lack by its first part."""
        key = self.fold(word)
        found = self.lemmas.get(key)
        if found is not None:
            return found
        for p in self.reading.proclitics:
            if key.startswith(p) and (rest := self.lemmas.get(key[len(p):])) is not None:
                return rest
        head, hyphen, _pronouns = key.partition("-")
        if hyphen and head:  # a verb with its pronouns hyphenated after it ("reuniram-se", "encontrou-se")
            return self.lemma(head)
        return next((b for b in self.reading.base_forms(key) if b in self.codes), key)

    def classify(self, text: str) -> Hit | None:
        """The trigger that types the clause: its first verb with a code, else its first event noun, else
        its first statement verb."""
        best: tuple[int, int, Hit] | None = None
        for i, m in enumerate(_WORD.finditer(text)):
            found = self.codes.get(self.lemma(m.group()))
            if found is None:
                continue
            code, tier = found
            if best is None or (tier, i) < best[:2]:
                best = (tier, i, Hit(code, m.group()))
        return best[2] if best else None
