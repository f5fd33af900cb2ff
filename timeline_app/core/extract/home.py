"""The state a story is filed or published from, the unqualified institutions and offices that stand for it, and "the homeland"."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.models import EntityKind, EntityMention, EntityRole
from timeline_app.core.tables import longest_first

_OF_NAME = re.compile(r"\s+(\w+)\s+(?:the\s+)?")  # "of" and a name after an office: "the President of (the) Ghana"
_NAME_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w.'\u2019-]*)+")  # "President Wesley W. Simina": a title before a name


def home_state(prefixes: list[tuple[int, int]], entities: list[EntityMention]) -> str:
    """The one state named by the wire prefixes ("BAMAKO (Wire) -"), "" when none or several are
    ("WASHINGTON/LONDON (Wire) -" was filed from two)."""
    codes = {e.code for e in entities if e.kind is EntityKind.COUNTRY and e.code
             and any(a <= e.start < b for a, b in prefixes)}
    return codes.pop() if len(codes) == 1 else ""


class HomeWords:
    """The phrases of clause_words.tsv's home_institution: an institution named without its state ("the
    junta", "the Supreme Court") is, in a story filed from a state, that state's, as a reader takes it.
    Not when a name follows ("the army of Sudan"; home_of, "of" where a language has none): that name's.

    Languages that inflect the article or write it fused say so in data: an article of home_article may
    stand for the phrase's own ("der Armee", "du Parlement"), the last word may take an ending of
    home_ending ("den Streitkräften", "des Parlaments"), and a proclitic of home_proclitic may be
    written fused before it ("والجيش", "للجيش": ل before the article drops its alif).
    """

    def __init__(self, phrases: frozenset[str], of: frozenset[str] = frozenset({"of"}),
                 articles: frozenset[str] = frozenset(), endings: frozenset[str] = frozenset(),
                 proclitics: frozenset[str] = frozenset(), offices: frozenset[str] = frozenset(),
                 titles: frozenset[str] = frozenset()) -> None:
        alternatives = [self._phrase(p, articles, endings) for p in sorted(phrases, key=len, reverse=True)]
        if proclitics:
            # "ل" + "الجيش" is written "للجيش": the article's alif goes.
            elided = [self._phrase("ل" + p[1:], articles, endings) for p in sorted(phrases) if p.startswith("ال")]
            fused = longest_first(proclitics)
            body = f"(?:{fused})?(?:{'|'.join(alternatives)})" + (f"|(?:{'|'.join(elided)})" if elided else "")
        else:
            body = "|".join(alternatives)
        of_words = longest_first(of)
        self._pattern = (re.compile(r"(?<!\w)(?:" + body + r")\b(?!\s+(?:" + of_words + r")\s)", re.IGNORECASE)
                         if alternatives else None)
        self._of = of
        self._titles = frozenset(t.split()[-1].lower() for t in titles)  # offices that may stand before a person's name
        self._offices = re.compile(r"(?<!\w)(?:" + longest_first(offices) + r")\b", re.IGNORECASE) if offices else None

    @classmethod
    def from_words(cls, words: dict[str, frozenset[str]]) -> HomeWords:
        """The home words of a clause_words.tsv table (its home_* categories)."""
        return cls(words.get("home_institution", frozenset()), words.get("home_of", frozenset({"of"})),
                   words.get("home_article", frozenset()), words.get("home_ending", frozenset()),
                   words.get("home_proclitic", frozenset()), words.get("home_office", frozenset()),
                   words.get("home_title", frozenset()))

    @staticmethod
    def _phrase(phrase: str, articles: frozenset[str], endings: frozenset[str]) -> str:
        words = phrase.split()
        parts = [re.escape(w) for w in words]
        if articles and len(words) > 1 and words[0] in articles:
            parts[0] = "(?:" + longest_first(articles) + ")"
        if endings:
            parts[-1] += "(?:" + longest_first(endings) + ")?"
        return r"\s+".join(parts)

    def names_home(self, text: str, start: int, end: int, name_starts: list[int] = ()) -> bool:
        """True when text[start:end] names an institution without its state. One a name or adjective
        follows right after is that name's ("الجيش السوداني", "die Armee Sudans"); `name_starts` are the
        sorted starts of the names found in the text."""
        if self._pattern is None:
            return False
        for m in self._pattern.finditer(text, start, end):
            after = m.end() + len(text[m.end() : m.end() + 3]) - len(text[m.end() : m.end() + 3].lstrip())
            k = bisect.bisect_left(name_starts, after)
            if not (k < len(name_starts) and name_starts[k] == after):
                return True
        return False

    def names_home_office(self, text: str, sentence_start: int, start: int, end: int, entities: list[EntityMention],
                          starts: list[int], home: str, titled_only: bool = False) -> bool:
        """True when text[start:end] names an office of the home state without its state, written with a
        capital as a paper writes its own government ("The President", "Cabinet will meet", "Government
        accepted"), or a title before a name the gazetteer does not know ("Interior Minister Martin
        Niteretse"; with `titled_only`, as an official statement names its own state's, only that). Not an
        office whose state stands next to it ("Angola's President", "the Kenyan Government", "the President
        of Ghana"), one before a known person ("President Hichilema": his state's), nor one after another
        state or a person of one in its sentence ("Ruto arrived and the President said": that president is
        the one just named)."""
        if self._offices is None or not home:
            return False
        first = bisect.bisect_left(starts, sentence_start)
        for m in self._offices.finditer(text, start, end):
            if not m.group().split()[-1][:1].isupper():
                continue  # "the government" of a story's other state; a paper writes its own with a capital
            name = _NAME_AFTER.match(text, m.end())
            if name is not None and (m.group().split()[-1].lower() not in self._titles or text[max(0, m.start() - 3) : m.start()] == "of "
                                     or bisect.bisect_left(starts, name.end()) > bisect.bisect_left(starts, m.end())):
                continue  # "President Vladimir Putin": a known person's; "Heads of Government Meeting": a name's
            if name is None and titled_only:
                continue
            k = bisect.bisect_left(starts, m.start())
            if (k < len(starts) and starts[k] == m.start()) or (k > first and entities[k - 1].end > m.start()):
                continue  # a name's own words: "President Vladimir Putin" is one person's mention
            if k > first and not text[entities[k - 1].end : m.start()].strip(" '\u2019s"):
                continue  # "Angola's President", "the Kenyan Government"
            after = _OF_NAME.match(text, m.end())
            if after and after.group(1).lower() in self._of and _starts_at(starts, after.end()):
                continue  # "the President of Ghana"
            if any(e.code and e.code != home and e.role is not EntityRole.LOCATION
                   and e.kind in (EntityKind.COUNTRY, EntityKind.PERSON) for e in entities[first:k]):
                continue
            return True
        return False


def _starts_at(starts: list[int], at: int) -> bool:
    k = bisect.bisect_left(starts, at)
    return k < len(starts) and starts[k] == at


def homeland_pattern(words: dict[str, frozenset[str]]) -> re.Pattern[str] | None:
    """The phrases of clause_words.tsv's homeland ("أرض الوطن"), None for a language without them."""
    phrases = words.get("homeland")
    return re.compile(r"(?<!\w)(?:" + longest_first(phrases) + r")(?!\w)") if phrases else None


def returning_home(text: str, span: tuple[int, int], issuers: frozenset[str], referred: frozenset[str],
                   entities: list[EntityMention], starts: list[int]) -> frozenset[str]:
    """The state of whoever returns to "the homeland" (homeland_pattern) in the clause text[span]: "عاد السيد الرئيس
    ... إلى أرض الوطن اليوم بعد زيارة رسمية إلى الجمهورية التركية" is a journey home, that state's alone, not its
    host's. The statement's one issuer, else the state of the person an honorific refers to (`referred`), else that
    of the first person the clause names; none when it names no one."""
    if len(issuers) == 1:
        return issuers
    if referred:
        return referred
    for e in entities[bisect.bisect_left(starts, span[0]) : bisect.bisect_left(starts, span[1])]:
        if e.kind is EntityKind.PERSON and e.code:
            return frozenset({e.code})
    return frozenset()
