"""CAMEO event types: the code table and the verb, pattern and noun triggers that pick a code."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from timeline_app.core.extract.triggers import INFLECTED_CATEGORIES, Triggers
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

log = logging.getLogger(__name__)

CAMEO_DIR = "cameo"
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_WINDOW = 8  # tokens after a verb in which a pattern's words must appear
# Tiers: a verb with a matching pattern says most, then a noun naming the event, then a verb alone.
_PATTERN, _NOUN, _VERB, _STATEMENT = 0, 1, 2, 3
_SUBORDINATE = 4  # added to the tier of a trigger inside a trailing participle clause
# The categories of clause_words.tsv every language's file must have (a category may be left empty).
CLAUSE_CATEGORIES = ("after_comma", "reporting", "group_reference", "person_reference")
_PARTICIPLE_OPENING = re.compile(r"\s*,\s*[^\W_]+ing\b")


@dataclass(frozen=True)
class CameoCode:
    code: str  # "040"
    root: str  # "04"
    name: str  # "Consult" for a root, "Make a visit" for a leaf
    goldstein: float
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict


@dataclass(frozen=True)
class EventType:
    """The type of one statement: its CAMEO code, its root's name and the word that triggered it."""

    code: str
    root_name: str
    quad_class: int
    trigger: str


def read_codes(directory: Path) -> dict[str, CameoCode]:
    """The code table (codes.tsv) alone, validated: what the relations chart weighs events with.

    Cheap (a third of a millisecond) next to the whole CameoTable with its triggers (about 30 ms).
    """
    codes: dict[str, CameoCode] = {}
    for (code, root, name, goldstein, quad), where in read_tsv(directory / "codes.tsv", 5):
        if not re.fullmatch(r"\d{2,4}", code) or not code.startswith(root):
            raise RulesError(f"{where}: '{code}' is not a CAMEO code under root '{root}'")
        try:
            entry = CameoCode(code, root, name, float(goldstein or 0), int(quad))
        except ValueError as e:
            raise RulesError(f"{where}: Goldstein score and QuadClass must be numbers ({e})") from e
        if not -10 <= entry.goldstein <= 10:
            raise RulesError(f"{where}: the Goldstein score {goldstein} is outside the scale's -10 to +10")
        if entry.quad_class not in (1, 2, 3, 4):
            raise RulesError(f"{where}: QuadClass {quad} is not one of 1, 2, 3, 4")
        codes[code] = entry
    return codes


def quad_class(codes: dict[str, CameoCode], code: str) -> int:
    """The QuadClass of `code` (1-4), 0 for a code the table does not know (or none)."""
    found = codes.get(code)
    return found.quad_class if found else 0


def _modifying_participle(words: list[str], i: int, progressive: frozenset[str]) -> bool:
    """True for an -ing verb form that no form of "be" carries: it qualifies a noun ("a network
    procuring parts", "accused of supplying drones"), it is not what the clause's subject did."""
    return i > 0 and words[i].endswith("ing") and not progressive.intersection(words[max(0, i - 2) : i])


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class CameoTable:
    """CAMEO codes and the triggers of resources/cameo, loaded once; for another language, the codes with
    the trigger lemmas and clause words of resources/cameo/<lang>/."""

    _default: CameoTable | None = None
    _languages: dict[str, CameoTable] = {}

    def __init__(self, directory: Path, language: Path | None = None) -> None:
        self.directory = directory
        self.language = language.name if language else ""
        self.codes: dict[str, CameoCode] = read_codes(directory)
        self.verbs: dict[str, tuple[str, str]] = {}  # form -> (block, code)
        self.patterns: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
        self.nouns: dict[tuple[str, ...], str] = {}
        self.firm_patterns: set[tuple[str, tuple[frozenset[str], ...], str]] = set()  # patterns_extra.tsv
        self.words: dict[str, frozenset[str]] = {}
        self.triggers: Triggers | None = None
        if language is None:
            self._load_english()
            self._load_words(directory / "clause_words.tsv")
        else:
            self.triggers = Triggers(language, frozenset(self.codes))
            self._load_words(language / "clause_words.tsv")
            # The verb forms the clause rules know ("and then met", "the two have signed").
            self.verbs = {form: ("", code) for lemma, (code, _tier) in self.triggers.codes.items()
                          for form in self.triggers.forms(lemma)}

    @classmethod
    def default(cls) -> CameoTable:
        if cls._default is None:
            cls._default = cls(resource(CAMEO_DIR))
        return cls._default

    @classmethod
    def for_language(cls, language: str) -> CameoTable:
        """The table of an article in `language`: resources/cameo/<language>/ with the CAMEO codes, loaded
        with the first article of that language; the English one for a language without a folder."""
        found = cls._languages.get(language)
        if found is None:
            folder = resource(CAMEO_DIR, language) if re.fullmatch(r"[a-z]{2,3}", language or "") else None
            if folder is None or not (folder / "triggers.tsv").is_file():
                found = cls.default()
            else:
                found = cls(resource(CAMEO_DIR), folder)
            cls._languages[language] = found
        return found

    def _rows(self, name: str, ncols: int) -> list[tuple[list[str], str]]:
        return read_tsv(self.directory / name, ncols)

    def _check_code(self, code: str, where: str, allow_empty: bool = False) -> None:
        if allow_empty and not code:
            return
        if code not in self.codes:
            raise RulesError(f"{where}: '{code}' is not a CAMEO code of codes.tsv")

    def _load_english(self) -> None:
        # The hand-written verbs first: where both files list a form, theirs stands.
        for (form, block, code), where in self._rows("verbs_extra.tsv", 3) + self._rows("verbs.tsv", 3):
            self._check_code(code, where, allow_empty=True)
            self.verbs.setdefault(form, (block, code))
        # The hand-written patterns first, each block's longest first; they also outrank a reporting verb.
        for name in ("patterns_extra.tsv", "patterns.tsv"):
            found: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
            for (block, words, code), where in self._rows(name, 3):
                self._check_code(code, where)
                slots = tuple(frozenset(_stem(w) for w in slot.split("|")) for slot in words.split())
                found.setdefault(block, []).append((slots, code))
            for block, plist in found.items():
                plist.sort(key=lambda p: (-len(p[0]), p[1]))
                self.patterns.setdefault(block, []).extend(plist)
                if name == "patterns_extra.tsv":
                    self.firm_patterns.update((block, slots, code) for slots, code in plist)
        for (noun, code), where in self._rows("nouns.tsv", 2):
            self._check_code(code, where)
            self.nouns[tuple(noun.lower().split())] = code

    def _load_words(self, path: Path) -> None:
        for (category, phrases), _where in read_tsv(path, 2):
            found = frozenset(p.strip() for p in phrases.split("|") if p.strip())
            if self.triggers is not None:
                found = frozenset(self.triggers.fold(p) for p in found)  # the text is read folded (text_fold)
                if category in INFLECTED_CATEGORIES:
                    # "déclarer" stands for "déclaré", "déclare", "déclarent" ...: the lemma's forms.
                    found = frozenset(f for p in found for f in (self.triggers.forms(p) if " " not in p else [p]))
            self.words[category] = found
        for needed in CLAUSE_CATEGORIES:
            if needed not in self.words:
                raise RulesError(f"{path}:0: the category '{needed}' is missing")

    def root_name(self, code: str) -> str:
        root = self.codes.get(code[:2])
        return root.name if root else ""

    def quad_class(self, code: str) -> int:
        return quad_class(self.codes, code)

    def classify(self, text: str) -> EventType | None:
        """The CAMEO type of a clause, from its verbs (with their object patterns) and event nouns.

        Blank out the date expression first: "March" and "May" are verbs in the dictionary.
        """
        if self.triggers is not None:
            hit = self.triggers.classify(text)
            return EventType(hit.code, self.root_name(hit.code), self.quad_class(hit.code), hit.word) if hit else None
        found = list(_WORD.finditer(text))
        raw = [m.group() for m in found]
        words = [w.lower() for w in raw]
        # ", ending a rift", ", killing two": a trailing participle clause says what the main verb did;
        # ", as attacks continue", "firms which bought parts": a subordinate or relative clause gives
        # the background. Their triggers count only when the main clause has none.
        subordinators = self.words.get("leading_subordinate", frozenset())
        relatives = self.words.get("relative_person", frozenset()) | self.words.get("relative_thing", frozenset())
        complementizers = self.words.get("complementizer", frozenset())
        reporting = self.words["reporting"]
        near_comma = {k + d for k in range(1, len(found)) if "," in text[found[k - 1].end() : found[k].start()]
                      for d in range(3)}  # the first three words after a comma
        trailing = next((i for i, m in enumerate(found) if i and (
            (words[i].endswith("ing") and _PARTICIPLE_OPENING.match(text, found[i - 1].end(), m.end()))
            # ", as attacks continue", ", a decade after the war": within three words of a comma
            or (words[i] in subordinators and i in near_comma)
            # "the envoy, whose visit ...", "firms which supplied drones": a relative clause
            or words[i] in relatives
            # "firms that Washington says sold parts": "that" with a saying right after its subject
            or (words[i] in complementizers and bool(reporting.intersection(words[i + 2 : i + 4]))))), len(found))
        progressive = self.words.get("progressive_auxiliary", frozenset())
        stems = [_stem(w) for w in words]
        # In running text a capitalised word past the first is a name ("March", "Hold"), not a verb;
        # in a headline every word is capitalised.
        headline = sum(1 for w in raw if w[:1].isupper()) > 0.6 * max(1, len(raw))
        weak = self.words.get("weak_verb", frozenset())
        noun_openers = self.words.get("noun_opener", frozenset())
        topic_words = self.words.get("topic_preposition", frozenset())
        compounds = self.words.get("compound_noun", frozenset())
        best: tuple[int, int, str, str] | None = None  # (tier, position, code, trigger)
        for i, w in enumerate(words):
            cand: tuple[int, int, str, str] | None = None
            for n in (3, 2, 1):
                if tuple(words[i : i + n]) in self.nouns:
                    code = self.nouns[tuple(words[i : i + n])]
                    tier = _NOUN if not code.startswith("01") else _STATEMENT
                    if tier == _NOUN and topic_words.intersection(words[max(0, i - 3) : i]):
                        tier = _VERB  # "warned of a regional war": the topic of a statement, not the event
                    cand = (tier, i, code, " ".join(words[i : i + n]))
                    break
            noun = cand  # what the nouns gave: a candidate other than this comes from the verb
            is_verb = (w in self.verbs and (i == 0 or headline or not raw[i][:1].isupper())
                       and (i == 0 or (words[i - 1] not in noun_openers and f"{words[i - 1]} {w}" not in compounds)))
            if is_verb and (cand is None or cand[0] != _NOUN):
                block, code = self.verbs[w]
                pattern, firm = self._pattern(block, stems, i + 1)
                if w in weak:
                    code = ""
                if w in reporting and not firm:
                    cand = (_STATEMENT, i, "010", w)
                elif pattern:
                    cand = (_PATTERN if not pattern.startswith("01") else _STATEMENT, i, pattern, w)
                elif code and cand is None:
                    cand = (_VERB if not code.startswith("01") else _STATEMENT, i, code, w)
            if cand and (i >= trailing or (cand is not noun and _modifying_participle(words, i, progressive))):
                cand = (cand[0] + _SUBORDINATE, *cand[1:])
            if cand and (best is None or cand[:2] < best[:2]):
                best = cand
        if best is None:
            return None
        _tier, _pos, code, trigger = best
        return EventType(code, self.root_name(code), self.quad_class(code), trigger)

    def _pattern(self, block: str, stems: list[str], start: int) -> tuple[str, bool]:
        """The code of the first pattern of `block` whose words follow, and whether it is hand-written."""
        window = stems[start : start + _WINDOW]
        for slots, code in self.patterns.get(block, ()):
            k = 0
            for s in window:
                if s in slots[k]:
                    k += 1
                    if k == len(slots):
                        return code, (block, slots, code) in self.firm_patterns
        return "", False
