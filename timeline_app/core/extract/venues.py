"""Groups or states named as where others met ("at the G20 summit", "Belarus hosted talks between them") or as a body chaired or joined ("BRICS Chair")."""

from __future__ import annotations

import re

from timeline_app.core.extract.actors import ContextWords, Doc

_SENTENCE_END = re.compile(r"[.;:!?]")
_HOST_REACH = 5  # tokens between a state and a venue word ("Nouakchott also served as the venue")
_BETWEEN_REACH = 10  # tokens between "between" and the venue or host word


def is_venue(doc: Doc, i: int, last: int, words: ContextWords) -> bool:
    """True for a group named as where others met: "on the sidelines of the G20 summit", "beim
    G20-Gipfel", "na cúpula do G20", "на саммите G20": a meeting noun after the group (venue_noun,
    maybe after a hyphen) or before it (venue_noun_before, maybe with link words and one other word
    between: "na reunião de chanceleres do G20"), and an opener before both."""
    keys, n = doc.keys, len(doc.keys)
    links = words.of("venue_link")
    after = last + 2 if last + 2 < n and keys[last + 1] == "-" and doc.joined(last, last + 1) else last + 1
    if after < n and keys[after] in words.of("venue_noun") and doc.joined(after - 1, after):
        head = i
    else:
        # Link words and at most one other between the noun and the group: the members who meet
        # ("à margem da reunião de chanceleres do G20", "au sommet des dirigeants du G20").
        head, others = i - 1, 0
        while head >= 0 and i - head <= 4 and keys[head] not in words.of("venue_noun_before"):
            others += keys[head] not in links
            head -= 1
        if not (head >= 0 and others <= 1 and keys[head] in words.of("venue_noun_before")
                and all(doc.joined(j, j + 1) for j in range(head, i))):
            return False
    k = head - 1
    while k >= 0 and head - k <= 3 and keys[k] in links:
        k -= 1
    return (k >= 0 and head - k <= 4 and keys[k] in words.of("venue_opener")
            and all(doc.joined(j, j + 1) for j in range(k, head)))


def is_chaired(doc: Doc, i: int, last: int, words: ContextWords) -> bool:
    """True for a group named as the body someone chairs or joins, not as its members: "la présidence
    brésilienne du G20", "den Vorsitz der G20" (a chair noun before it, link words and at most one
    other word between), "Brazil, as BRICS Chair", "the G20 presidency" (a chair noun right after it),
    "a full member of BRICS" (a member noun before it, link words only between: "member states of
    the EU" are its members)."""
    keys, links, n = doc.keys, words.of("venue_link"), len(doc.keys)
    after = last + 2 if last + 2 < n and keys[last + 1] == "-" and doc.joined(last, last + 1) else last + 1
    if after < n and keys[after] in words.of("chair_noun_after") and doc.joined(after - 1, after):
        return True
    k, others = i - 1, 0
    while k >= 0 and i - k <= 4 and doc.joined(k, k + 1):
        if keys[k] in words.of("chair_noun") or (others == 0 and keys[k] in words.of("member_noun")):
            return True
        if keys[k] not in links:
            others += 1
            if others > 1:
                return False
        k -= 1
    return False


def is_joined(doc: Doc, i: int, last: int, words: ContextWords, member_words: frozenset[str]) -> bool:
    """True for a group named as the body a state joins or leaves: "Egypt and Iran joined BRICS", "left
    the Quad" (a join_verb right before it, maybe with "the"). Not before a member noun: "Macron will join
    G7 leaders" joins the leaders, who act."""
    keys, n = doc.keys, len(doc.keys)
    if last + 1 < n and keys[last + 1] in member_words and doc.joined(last, last + 1):
        return False
    k = i - 2 if i >= 2 and keys[i - 1] == "the" else i - 1
    return k >= 0 and keys[k] in words.of("join_verb") and all(doc.joined(j, j + 1) for j in range(k, i))


def is_ranked_among(doc: Doc, i: int, words: ContextWords) -> bool:
    """True for a group named as the class a state ranks in: "Albania was among the first Allies to ratify", "one of
    the few EU members that" (among_opener, "the", an among_rank word, then the group): the state named is the party,
    not every member. Not "talks among the five Central Asian states": no rank word, the members take part."""
    keys = doc.keys
    k = i - 1
    if k < 2 or keys[k] not in words.of("among_rank") or keys[k - 1] != "the" or keys[k - 2] not in words.of("among_opener"):
        return False
    return all(doc.joined(j, j + 1) for j in range(k - 2, i))


def hosts_others(doc: Doc, i: int, last: int, words: ContextWords) -> bool:
    """True for a state named only as the venue of a meeting between others: "Nouakchott served as the venue
    for talks between Mali and Niger" (a venue word shortly after it, "between" after that), "the talks between
    Armenia and Azerbaijan that Almaty hosted" (a host word right after it, "between" before it). Not "Iraq and
    Oman have hosted talks between the two rivals": a host named first is often their mediator, and so not when
    a host_acts word says it takes part ("hosted and mediated")."""
    keys, n = doc.keys, len(doc.keys)
    venue_words = words.of("venue_word")
    venue = next((k for k in range(last + 1, min(n, last + 1 + _HOST_REACH)) if keys[k] in venue_words), None)
    hosted = last + 1 < n and keys[last + 1] in words.of("host_word") and doc.joined(last, last + 1)
    if venue is None and not hosted:
        return False  # most names: no venue word after them, nor a host word right after
    between, acts = words.of("between_word"), words.of("host_acts")
    if any(keys[k] in acts for k in range(max(0, i - _BETWEEN_REACH), min(n, last + _BETWEEN_REACH))):
        return False
    if venue is not None and not _SENTENCE_END.search(doc.text, doc.ends[last], doc.starts[venue]):
        after = next((k for k in range(venue + 1, min(n, venue + 1 + _BETWEEN_REACH)) if keys[k] in between), None)
        return after is not None and not _SENTENCE_END.search(doc.text, doc.ends[venue], doc.starts[after])
    if not hosted:
        return False
    # "The talks between Armenia and Azerbaijan that Almaty hosted": the meeting named before the host.
    before = next((k for k in range(i - 1, max(-1, i - 1 - _BETWEEN_REACH), -1) if keys[k] in between), None)
    return before is not None and not _SENTENCE_END.search(doc.text, doc.ends[before], doc.starts[i])


def state_of_a_place(doc: Doc, i: int, last: int, words: ContextWords) -> bool:
    """True for a state named after a place and a comma, the place after a locative, the state closing the
    phrase ("met in Argyle, St Vincent and the Grenadines, on Monday", "in Montego Bay, Jamaica."): the
    state the place is in, not a party, whether the gazetteer knows the place or not. Not "In Tbilisi,
    Georgia said" (a verb follows), nor "In January, Mali, Niger and Chad" (a month is no place)."""
    if i < 2 or doc.text[doc.ends[i - 1] : doc.starts[i]].strip() != ",":
        return False
    after = doc.text[doc.ends[last] : doc.ends[last] + 3].lstrip(" ")
    if not after or after[0] not in ",.;\n":
        return False
    k = i - 1
    while k > 0 and i - 1 - k < 3 and doc.joined(k - 1, k) and doc.surfaces[k - 1][:1].isupper():
        k -= 1
    place = doc.keys[k:i]
    return (doc.surfaces[k][:1].isupper() and not words.of("not_a_place").intersection(place)
            and k >= 1 and doc.keys[k - 1] in words.of("place_opener") and doc.joined(k - 1, k))
