"""An interview's first person: "nous", "wir", "мы" in the answers stand for the interviewee's state."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.issuer_words import in_quotation
from timeline_app.core.models import EntityKind, EntityMention, EntityRole

_QUESTION_END = ("?", "\u061f")  # "?", and the Arabic question mark "؟"
_MOST_LABEL = 40  # characters at most before the colon of a speaker's label ("Maxime Prévot :")
_LEAST_QUESTIONS = 2  # one question may be a quotation or a rhetorical one; two laid out as such make an interview


def _lines(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of `text` as (start, end), their surrounding blanks left out."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((m.start() + lead, m.start() + len(line.rstrip())))
    return out


def _opens_with(line: str, labels: Iterable[str]) -> bool:
    """True when `line` starts with a question label: a word followed by its colon ("Question :", "س:"),
    or a dash of dialogue ("— Как шли переговоры?")."""
    low = line.lower()
    for label in labels:
        if not low.startswith(label):
            continue
        rest = low[len(label) :]
        if not label[-1:].isalpha():
            return rest[:1].isspace()
        if rest.lstrip(" \u00a0\u202f").startswith(":"):
            return True
    return False


def _first_person(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for the language's first-person words: whole words, an elided one before its word ("j'ai")."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        if w.endswith(("'", "\u2019")):
            parts.append(re.escape(w[:-1]) + "['\u2019](?=\\w)")
        else:
            parts.append(re.escape(w) + r"(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE) if parts else None


def interviewee_state(text: str, entities: list[EntityMention], questions: list[tuple[int, int]]) -> str | None:
    """The state of the person interviewed: the one state named before the first question outside its
    quotations ("Le ministre béninois des Affaires étrangères répond à nos questions"), with the persons
    of the answers' speaker labels ("Maxime Prévot : Non."); None when they name none or several."""
    first = questions[0][0]
    codes = set()
    for e in entities:
        if e.kind not in (EntityKind.COUNTRY, EntityKind.PERSON) or not e.code:
            continue
        before_first = e.start < first and e.role is not EntityRole.LOCATION and not in_quotation(text, e.start)
        line_start = text.rfind("\n", 0, e.start) + 1
        label = (e.kind is EntityKind.PERSON and e.start > first and e.start - line_start <= _MOST_LABEL
                 and text[e.end : e.end + 3].lstrip(" \u00a0\u202f").startswith(":"))
        if before_first or label:
            codes.add(e.code)
    return codes.pop() if len(codes) == 1 else None


def interview_mentions(text: str, entities: list[EntityMention], language: str) -> list[EntityMention]:
    """The interviewee's state at each first-person word of the answers of an interview laid out in questions
    and answers (`interview_question` labels, at least two questions): "Nous avions prévenu l'ambassade du
    Niger la veille" is Benin's act when Benin's minister answers; the words are `language`'s clause words.
    Questions, the lead and quotations inside the answers are left alone: there the first person is the
    paper's or another speaker's."""
    table = CameoTable.for_language(language)
    words = table.words
    folded = table.triggers.text_fold(text) if table.triggers is not None else text  # one character for one
    labels = words.get("interview_question", frozenset())
    pattern = _first_person(words.get("first_person", frozenset()))
    if not labels or pattern is None:
        return []
    lines = _lines(folded)
    questions = [(s, e) for s, e in lines
                 if folded[s:e].endswith(_QUESTION_END) and _opens_with(folded[s:e], labels)]
    if len(questions) < _LEAST_QUESTIONS:
        return []
    code = interviewee_state(text, entities, questions)
    if code is None:
        return []
    asked = set(questions)
    out = []
    for s, e in lines:
        if s < questions[0][0] or (s, e) in asked:
            continue
        for m in pattern.finditer(folded, s, e):
            if not in_quotation(text, m.start()):
                out.append(EntityMention(m.start(), m.end(), text[m.start() : m.end()], code, EntityKind.COUNTRY,
                                         EntityRole.ACTOR, Gazetteer.default().country_name(code)))
    return out


def only_first_person(span: tuple[int, int], entities: list[EntityMention], starts: list[int],
                      spoken: frozenset[int]) -> bool:
    """True when the states a clause names as more than a place are all an interview's first-person words
    (starts in `spoken`): "Wir treffen uns Anfang September in Berlin" names the other party no more than a
    clause that names none."""
    named = [e for e in entities[bisect.bisect_left(starts, span[0]) : bisect.bisect_left(starts, span[1])]
             if e.kind in (EntityKind.COUNTRY, EntityKind.PERSON) and e.role is not EntityRole.LOCATION]
    return bool(named) and all(e.start in spoken for e in named)
