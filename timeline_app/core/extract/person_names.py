"""Persons in a text: a country's name used as a person's ("Michael Jordan"), and persons a text introduces."""

from __future__ import annotations

from collections.abc import Callable

from timeline_app.core.extract.actors import ContextWords, Doc, is_headline
from timeline_app.core.models import EntityKind, EntityMention, EntityRole

# Words of the office list (Phoenix's agents) that join an office to what it is for: "Minister for Africa".
_NOT_OFFICES = frozenset({"for", "of", "and", "the", "to", "in", "on"})


def is_person_name(doc: Doc, i: int, last: int, key: str, words: ContextWords, is_name: Callable[[str], bool]) -> bool:
    """True when a name that is also a person's name is used as one ("Michael Jordan")."""
    ok_before = words.of("cap_before_ok")
    ok_after = words.of("geo_after_ok") | words.role_words
    prev = i - 1
    # In a title every word is capitalised ("Israel Strikes Syria"): a capitalised neighbour says nothing.
    headline = doc.in_headline(doc.starts[i])
    if not headline and prev >= 0 and doc.joined(prev, i):
        s = doc.surfaces[prev]
        if s[:1].isupper() and doc.keys[prev] not in ok_before and doc.keys[prev] not in words.role_words and doc.starts[prev] >= doc.matched_end:
            doc.person_names.add(key)
            return True
    nxt = last + 1
    if not headline and nxt < len(doc.keys) and doc.joined(last, nxt):
        s = doc.surfaces[nxt]
        if s[:1].isupper() and s[1:2].islower() and doc.keys[nxt] not in ok_after and not is_name(doc.keys[nxt]):
            doc.person_names.add(key)
            return True
    if key in doc.person_names:
        before = doc.keys[prev] if prev >= 0 else ""
        return before not in words.of("locative") and before not in ("to", "from", "of", "into")
    return False


def appointee_nationality(doc: Doc, i: int, last: int, words: ContextWords) -> bool:
    """True for a state named only as the nationality of a person being appointed or elected (context_words
    appointment_verb): "appointed María Holguín of Colombia as his envoy", "Shirley Botchwey of Ghana was
    elected", "appointed Carolina Barreiro, a Uruguayan career diplomat,", "replaces a Mexican diplomat".
    Not a state's office-holder ("appointed Foreign Minister Ali of Somalia"): an office names the state."""
    keys, surfaces, n = doc.keys, doc.surfaces, len(doc.keys)
    verbs, titles = words.of("appointment_verb"), words.titles
    if i >= 2 and keys[i - 1] == "of" and doc.joined(i - 1, i):
        first = i - 1  # the person's name before "of": capitalised words, none an office's
        while first > 0 and i - 1 - first < 4 and doc.joined(first - 1, first) and surfaces[first - 1][:1].isupper():
            first -= 1
        if first == i - 1 or any(keys[k] in titles for k in range(first, i - 1)):
            return False
        if first >= 1 and keys[first - 1] in verbs and doc.joined(first - 1, first):
            return True
        k = last + 1  # "... of Ghana was elected", "... of Kenya has been appointed"
        while k < n and k - last <= 2 and keys[k] in ("was", "is", "has", "had", "been", "were"):
            k += 1
        return k > last + 1 and k < n and keys[k] in verbs and doc.joined(k - 1, k)
    # "a Uruguayan career diplomat": an article, the demonym in lower-case company, after the verb or a name and a comma.
    if last + 1 >= n or not surfaces[last + 1][:1].islower() or i < 2:
        return False
    k = i - 1
    while k > 0 and i - k <= 2 and keys[k] not in ("a", "an") and surfaces[k][:1].islower() and keys[k] not in verbs:
        k -= 1
    if keys[k] not in ("a", "an") or not all(doc.joined(j, j + 1) for j in range(k, i)):
        return False
    if keys[k - 1] in verbs:
        return True
    if doc.text[doc.ends[k - 1] : doc.starts[k]].strip() != ",":
        return False
    first = k - 1
    while first > 0 and k - 1 - first < 4 and surfaces[first][:1].isupper() and doc.joined(first - 1, first) \
            and surfaces[first - 1][:1].isupper():
        first -= 1
    return surfaces[first][:1].isupper() and first >= 1 and keys[first - 1] in verbs and doc.joined(first - 1, first)


def learn_names(doc: Doc, found_at: list[tuple[int, int, EntityMention]], words: ContextWords, is_alias: Callable[[str], bool]) -> list[EntityMention]:
    """Persons the text itself introduces: "Turkish Defense Minister Hulusi Akar", then "Akar".

    Known persons named in full are learned the same way: "Kim Jong Un", then "Kim".

    A name after a country's demonym or possessive and an office ("Russian Defense Minister", "his Syrian
    counterpart,", "Mongolia's envoy") belongs to that country wherever the text uses it again, and so does
    a name before one after a comma ("Paul Gallagher, the Holy See's Secretary for Relations with States").
    """
    keys, surfaces, n = doc.keys, doc.surfaces, len(doc.keys)
    titles = words.titles
    particles = words.of("name_particle")
    covered = bytearray(n)
    for i, last, _m in found_at:
        covered[i : last + 1] = b"\x01" * (last + 1 - i)
    learned: dict[str, str] = {}
    out: list[EntityMention] = []
    for i, last, m in found_at:
        if m.kind is not EntityKind.COUNTRY or m.role is not EntityRole.ACTOR:
            continue
        j = _after_possessive(doc, last)
        offices = 0
        while j < n and doc.joined(j - 1, j) and ((keys[j] in titles and keys[j] not in _NOT_OFFICES)
                                                  or (offices and keys[j] in ("of", "-"))):
            offices += keys[j] in titles
            j += 1
        if not offices:
            continue
        _learn_before(doc, i, covered, learned, m.code, words)
        if j >= n:
            continue
        gap = doc.text[doc.ends[j - 1] : doc.starts[j]]
        if not (gap.isspace() and "\n" not in gap) and gap.strip() != ",":
            continue  # "counterpart, Ali Mahmoud Abbas" is allowed; a full stop is not
        first = j
        while j < n and j - first < 6 and (j == first or doc.joined(j - 1, j)):
            s = surfaces[j]
            if s[:1].isupper() and keys[j] not in titles and not covered[j]:
                j += 1
            elif keys[j] in particles and j + 1 < n and surfaces[j + 1][:1].isupper() and j > first:
                j += 1  # "al-Assad", "bin Salman"
            else:
                break
        while j > first and not surfaces[j - 1][:1].isupper():
            j -= 1
        if j == first or is_headline(doc.text, doc.starts[first]):
            continue  # in a headline every word is capitalised: "Syria Defense Ministers Hold"
        start, end = doc.starts[first], doc.ends[j - 1]
        name = doc.text[start:end]
        out.append(EntityMention(start, end, name, m.code, EntityKind.PERSON, EntityRole.ACTOR, name))
        covered[first:j] = b"\x01" * (j - first)
        _learn(learned, keys[j - 1], m.code)
    for i, last, m in found_at:
        if m.kind is EntityKind.PERSON and m.code and last > i:
            # A known person's first and last words ("Kim Jong Un" -> "Kim", "Lopez Obrador" -> "Obrador").
            _learn(learned, keys[i], m.code)
            _learn(learned, keys[last], m.code)
    learned = {k: v for k, v in learned.items() if v and len(k) > 2 and k not in titles and not is_alias(k)}
    if learned:
        for k in range(n):
            if keys[k] in learned and not covered[k] and surfaces[k][:1].isupper():
                code = learned[keys[k]]
                out.append(EntityMention(doc.starts[k], doc.ends[k], surfaces[k], code, EntityKind.PERSON, EntityRole.ACTOR, surfaces[k]))
    return out


def _after_possessive(doc: Doc, last: int) -> int:
    """The token after a name's possessive "'s" ("Mongolia's envoy"), else the token after the name."""
    j = last + 1
    if j + 1 < len(doc.keys) and doc.keys[j] in ("'", "\u2019") and doc.keys[j + 1] == "s" and doc.joined(last, j):
        return j + 2
    return j


def _learn_before(doc: Doc, i: int, covered: bytearray, learned: dict[str, str], code: str, words: ContextWords) -> None:
    """Learn the name that a comma sets before a state's office ("Abdoulaye Diop, Mali's foreign minister")."""
    k = i - 1
    if k >= 0 and doc.keys[k] == "the":
        k -= 1
    if k < 0 or doc.text[doc.ends[k] : doc.starts[k + 1]].strip() != ",":
        return
    first, not_names = k, words.of("cap_before_ok")  # "On Friday, Mali's ...": "On" opens no name
    while (first > 0 and k - first < 3 and doc.joined(first - 1, first) and doc.surfaces[first - 1][:1].isupper()
           and doc.keys[first - 1] not in not_names):
        first -= 1
    if first == k or covered[k] or not doc.surfaces[k][:1].isupper() or doc.keys[k] in words.titles:
        return  # one word alone ("Yesterday, Mali's minister") is no name
    _learn(learned, doc.keys[k], code)


def _learn(learned: dict[str, str], key: str, code: str) -> None:
    """Record that the name word `key` stands for a person of `code`; two countries for one word: neither."""
    if learned.get(key, code) != code:
        learned[key] = ""
    else:
        learned.setdefault(key, code)
