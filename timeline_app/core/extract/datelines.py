"""Lines that date the article rather than an event: "Published: 15 March 2023", "ANKARA, July 19 (Reuters) -"."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.datelabels import is_label
from timeline_app.core.models import DateMention, EntityKind, EntityMention

_WORDS = re.compile(r"[^\W\d_]{2,}")
# A wire dateline opening a paragraph: a place in capitals ("ANKARA,", "NEW YORK/GENEVA,", "KYIV, Ukraine,"),
# the date, then an optional year, agency in brackets, and a dash or colon before the story starts.
_WIRE_PLACE = re.compile(r"[ \t]*[A-Z][A-Z.'/ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?,[ \t]*(?:[A-Z][a-z]{2,8}\.?,?[ \t]+)?")
_PLACE_MOST = 200
# The separator of a header's fields right before or after its date ("Media release | 14 August 2025").
_HEADER_FIELD = re.compile(r"[ \t]*[|\u00b7\u2022]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIELD_WORDS = 4  # the most words of a header's field after its opening date ("Security Council")
# A place of up to four words with a capital initial, a comma, and an optional word before the date ("le").
_PLACE_COMMA = re.compile(r"[ \t]*(?P<place>[^\W\d_][^\W\d_'\u2019.-]*(?:[ -][^\W\d_][^\W\d_'\u2019.-]*){0,3})(?P<comma>,)?"
                          r"[ \t]*(?:(?P<article>[^\W\d_]{1,4})[ \t]+)?")
_END = re.compile(r"[.!?][\"'\u201d\u2019]?[ \t]*$", re.MULTILINE)
_WIRE_AFTER = re.compile(r",?[ \t]*(?:\d{4}[ \t]*)?(?:\([^()\n]{1,40}\)[ \t]*)?(?:-{1,2}|\u2013|\u2014|:)[ \t]")
# The same prefix without a date ("VIENNA (Reuters) -", "WASHINGTON \u2014", "BRUSELAS (EFE) -", "МОСКВА -",
# "Washington, D.C. -"): a
# place in capitals of any script opening a line, or capitalised words before an agency ("Wien (Reuters) -",
# "Doha/Tel Aviv (Reuters) -"), an optional agency, a dash, and a sentence starting; the place must name
# only states or cities, so that "NATO \u2014 The alliance ..." stays a sentence about NATO. A script without
# case writes the place as any other words ("الخرطوم - ", "مسقط (وكالات) - "): up to three of them.
_UP = "[" + "".join(re.escape(chr(c)) for c in range(0x3000) if chr(c).isupper()) + "]"
_NOT_UP = "(?!" + _UP + ")[^\\W\\d_]"  # a lower-case letter, or one of a script without case
_CASELESS = "[" + "".join(re.escape(chr(c)) for c in range(0x3000) if chr(c).isalpha() and not chr(c).isupper()
                          and not chr(c).islower()) + "]"  # Arabic and Hebrew letters: a sentence may start with one
_UNDATED_WIRE = re.compile(r"(?m)^[ \t]*(?P<place>" + _UP + "(?:" + _UP + r"|[.'/ -]){1,40}?(?:,[ \t]*" + _UP
                           + r"(?:[^\W\d_]|[. ]){1,30}?)?|" + _UP + r"[^\W\d_]+(?:[ /-]" + _UP + r"[^\W\d_]+){0,3}(?=[ \t]*\()|"
                           # "Washington, D.C. -", "Ottawa, Ontario -": a capitalised place and its region
                           + _UP + r"[^\W\d_]+(?: " + _UP + r"[^\W\d_]+){0,2},[ \t]*" + _UP + r"[^\W\d_.]*\.?(?:" + _UP + r"\.)*(?=[ \t]+[-\u2013\u2014])|"
                           + _CASELESS + r"[^\W\d_]*(?:[ /]" + _CASELESS + r"[^\W\d_]*){0,2})[ \t]*"
                           r"(?:\([^()\n]{1,40}\)[ \t]*)?(?:-{1,2}|\u2013|\u2014)[ \t]+(?=" + _UP + "(?:" + _NOT_UP + r"|[ \t])|" + _CASELESS + ")")


# The same in a script without case (Arabic agencies' copy): a place of up to three words opening a line, maybe
# "في" or a Hijri date and "الموافق" before the day, then the agency's tag: between slashes ("الدوحة في 19 مارس
# /قنا/", "/ وام /"), in brackets before a dash or the line's end ("(أ ش أ) -"), or one word ending the line
# ("الرياض ١٤ جمادى الأولى ١٤٤٦ هـ الموافق ١٦ نوفمبر ٢٠٢٤ م واس"). Without a tag the line is a statement's own
# header ("بغداد ٢٨ آب ٢٠٢١"), which dates its issue (place_header).
_CASELESS_WIRE_PLACE = re.compile(r"[ \t]*" + _CASELESS + r"[^\W\d_]*(?:[ \t]+" + _CASELESS + r"[^\W\d_]*){0,3}[ \t]+"
                                  r"(?:[^\n]{1,40}?[ \t]الموافق[ \t]+)?")
_CASELESS_WIRE_AFTER = re.compile(r"[ \t]*(?:/[ \t]*[^\W\d_]{2,15}(?:[ \t][^\W\d_]{1,15}){0,2}[ \t]*/[ \t]*"
                                  r"|\([^()\n]{1,30}\)[ \t]*(?:(?:-{1,2}|\u2013|\u2014)[ \t]*|(?=\n|$))"
                                  r"|" + _CASELESS + r"[^\W\d_]{1,11}[ \t]*(?=\n|$))")
# A dated prefix of a wire in that script with a comma after its place ("القاهرة، 12 مارس 2023 (رويترز) -"): up to
# three words and a comma (the Arabic one too) before the date. Nothing tells its words from a sentence's opening
# ("في القاهرة، 12 مارس 2023، ..."), so only the dash after the date (_WIRE_AFTER) makes it a prefix.
_CASELESS_WIRE_COMMA = re.compile(r"[ \t]*" + _CASELESS + r"[^\W\d_]*(?:[ /]" + _CASELESS + r"[^\W\d_]*){0,2}"
                                  r"[ \t]*[,\u060c][ \t]*")


def is_dateline(text: str, sent: tuple[int, int], d: DateMention,
                header_articles: frozenset[str] | None = None) -> bool:
    """True for a line that only dates the article: "Published: 15 March 2023", "BUDAPEST, March 12 (Xinhua)".

    Also the wire prefix of a first paragraph: "ANKARA, July 19 (Reuters) - Turkey said on Wednesday ...".
    `header_articles` is given for a language whose statements head their text with where and when they
    were issued ("Berlin, 13. September 2024", "Bruxelles, le 5 juin 2024"): such a line dates the
    statement, an event of its issuer, not only the article (the words that may stand before the date).
    """
    if _wire_prefix(text, d):
        return True
    if text.find("\n", sent[0], sent[1]) >= 0:
        return False
    if _HEADER_FIELD.search(text, sent[0], d.start) or _HEADER_FIELD.match(text, d.end):
        # "Media release | 14 August 2025", "Press Statement · June 10, 2026": a header's fields, whatever their words
        return _sentence_end(text, sent) is None
    if is_label(text[sent[0] : d.start]) and _sentence_end(text, sent) is None:
        # "Published on 3 March 2021", "Veröffentlicht am 3. März 2021": a label of the article's date,
        # whatever its words' case
        return True
    if header_articles is not None and place_header(text, d, header_articles):
        return False
    if _opens_fields(text, sent, d):
        return True
    words: list[str] = []
    for a, b in ((sent[0], d.start), (d.end, sent[1])):
        for m in _WORDS.finditer(text, a, b):
            words.append(m.group())
            if len(words) > 3:  # a sentence, whatever its length
                return False
    # A header is written in capitals ("NEW YORK, March 3"); a script without case (Arabic) has no such
    # headers, and its words read as lower case: "ويزور ميقاتي نيقوسيا الشهر المقبل" is a sentence.
    return len(words) < 2 or not any(w.islower() or w.lower() == w.upper() for w in words)


def dates_the_issue(text: str, sent: tuple[int, int], d: DateMention) -> bool:
    """True for a dateline of an official statement's own header that dates its issue ("Busan, 26 November
    2023", "June 21, 2024", "Media release | 14 August 2025"): the act of its issuers, an event a user wants
    on the timeline. A label ("Published: 15 March 2023") and a wire prefix date a report, not an act."""
    return not _wire_prefix(text, d) and not is_label(text[sent[0] : d.start])


def place_header(text: str, d: DateMention, articles: frozenset[str]) -> bool:
    """True when `d` is the day of a line that holds only a place and that day ("Oslo, 9. April 2025",
    "Asunción, 29 de enero de 2025", "Bruxelles, le 5 juin 2024"): where and when a statement was issued."""
    if not _DAY.fullmatch(d.value or ""):
        return False  # "Berlin, im März 2024" is no statement's date
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    if text[d.end : len(text) if line_end < 0 else line_end].strip(" \t.") != "":
        return False
    head = _PLACE_COMMA.fullmatch(text, line_start, d.start)
    if head is None:
        return False
    place = head.group("place")
    if re.match(_CASELESS, place):
        return True  # Arabic writes the place and the day without a comma: "بغداد ٢٨ آب ٢٠٢١", "الجزائر في 8 أبريل 2025"
    if head.group("comma") is None or not place[:1].isupper() or place.isupper():
        return False  # "BERLIN, 3. März" is a wire dateline: the story's, not a statement's
    article = head.group("article")
    return article is None or article.lower() in articles


def statement_prefix(text: str, d: DateMention) -> bool:
    """True when `d` is a full day after a place opening a line and a dash follows it ("Basseterre, 23 May
    2025 - The Minister ..."): a statement's header run into its first sentence, so the day is the issue's.
    Not a place in capitals ("NASSAU, Jan 29 -"): a wire's dateline."""
    if not _DAY.fullmatch(d.value or ""):
        return False
    head = _PLACE_COMMA.fullmatch(text, text.rfind("\n", 0, d.start) + 1, d.start)
    if head is None or head.group("comma") is None or head.group("article") is not None:
        return False
    place = head.group("place")
    return place[:1].isupper() and not place.isupper() and _WIRE_AFTER.match(text, d.end) is not None


def _opens_fields(text: str, sent: tuple[int, int], d: DateMention) -> bool:
    """True when `d` opens a line of short comma-separated fields ("10 September 2030, Security Council,
    10118th meeting"): a release's header naming when and where it was issued, not a sentence."""
    if text[sent[0] : d.start].strip() or _sentence_end(text, sent) is not None:
        return False
    rest = text[d.end : sent[1]].strip()
    if not rest.startswith(","):
        return False
    fields = [f.strip() for f in rest[1:].split(",")]
    return all(0 < len(f.split()) <= _FIELD_WORDS for f in fields)


def _sentence_end(text: str, sent: tuple[int, int]) -> re.Match[str] | None:
    """The full stop, question or exclamation mark that ends a sentence (a header line has none)."""
    return _END.search(text, sent[0], sent[1])


def _wire_prefix(text: str, d: DateMention) -> tuple[int, int] | None:
    """The span of the wire prefix ("ANKARA, July 19 (Reuters) -") that `d` dates, if it dates one."""
    # A place, its country and the blanks before them take far fewer characters: no need to look further back.
    reach = max(0, d.start - _PLACE_MOST)
    line_start = text.rfind("\n", reach, d.start) + 1
    if not (line_start or reach == 0):
        return None
    if _WIRE_PLACE.fullmatch(text, line_start, d.start):
        after = _WIRE_AFTER.match(text, d.end)
        if after:
            return line_start, after.end()
    elif _CASELESS_WIRE_PLACE.fullmatch(text, line_start, d.start):
        after = _CASELESS_WIRE_AFTER.match(text, d.end)
        if after:
            return line_start, after.end()
    elif _CASELESS_WIRE_COMMA.fullmatch(text, line_start, d.start):
        after = _WIRE_AFTER.match(text, d.end)
        if after:
            return line_start, after.end()
    return None


def wire_prefixes(text: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    """The spans of the wire prefixes ("ANKARA, July 19 (Reuters) -") that some of `dates` date."""
    return [p for p in (_wire_prefix(text, d) for d in dates) if p]


def undated_wire_prefixes(text: str, entities: list[EntityMention]) -> list[tuple[int, int]]:
    """The spans of wire prefixes without a date ("VIENNA (Reuters) - "): the place where the story was
    filed, not a party to it; `entities` tell a place ("VIENNA") from an organisation ("NATO")."""
    spans = []
    ordered: list[EntityMention] | None = None
    starts: list[int] = []
    for m in _UNDATED_WIRE.finditer(text):
        if ordered is None:  # sorted once, and only for a text that has such a line
            ordered = sorted(entities, key=lambda e: e.start)
            starts = [e.start for e in ordered]
        a, b = m.span("place")
        # By binary search, as outside_wire_prefixes: a text of wire stories has thousands of prefixes.
        inside = [e for e in ordered[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if e.end <= b]
        if inside and all(e.kind is EntityKind.COUNTRY for e in inside):
            spans.append(m.span())
    return spans


def after_prefixes(text: str, prefixes: list[tuple[int, int]], start: int, clause_start: int) -> int:
    """Where a sentence starting at `start` starts after a wire prefix ("ANKARA, July 19 (Reuters) -") that
    opens it or stands before its clause (at `clause_start`)."""
    for a, b in prefixes:
        if a <= start < b or (start <= a and b <= clause_start and not text[start:a].strip()):
            start = b
    return start


def outside_wire_prefixes(prefixes: list[tuple[int, int]], entities: list[EntityMention]) -> list[EntityMention]:
    """`entities` less those in wire prefixes: "BEIJING, April 6 (Reuters) -" names where the story was filed."""
    if not prefixes:
        return entities
    spans = sorted(prefixes)
    starts = [a for a, _ in spans]

    def inside(offset: int) -> bool:  # by binary search: a text of wire stories has thousands of prefixes
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    return [e for e in entities if not inside(e.start)]
