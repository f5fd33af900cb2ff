"""How a name takes part in its sentence: actor, modifier (topic, comparison, title) or location."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.extract.actors import ContextWords, Doc
from timeline_app.core.models import EntityRole


# Words after the last name of a list of places that keep the list going: "in Geneva, Vienna, and Doha for talks".
_LIST_GOES_ON = frozenset({"for", "to", "in", "on", "at", "from", "with", "of", "by", "and", "or", "near"})


def role_of(doc: Doc, i: int, last: int, kind: str, words: ContextWords) -> EntityRole:
    """How the name at tokens i..last takes part in its sentence."""
    if kind == "usstate":
        return EntityRole.LOCATION
    if kind == "issuer":
        return EntityRole.ACTOR
    keys, n = doc.keys, len(doc.keys)
    # "US-backed", "Iranian-made", "Russian-language"; but "US-Russia talks" names two actors.
    if last + 2 < n and keys[last + 1] == "-" and doc.joined(last, last + 1) and doc.joined(last + 1, last + 2):
        after = doc.surfaces[last + 2]
        if (after[:1].islower() or after.isdigit()) and keys[last + 2] not in words.of("party_suffix"):
            return EntityRole.MODIFIER
        if keys[last + 2] in words.of("modifier_noun"):
            return EntityRole.MODIFIER  # German joins the name to the noun: "die Westsahara-Frage", a question
        if last + 3 < n and keys[last + 3] in words.of("location_noun") and doc.joined(last + 2, last + 3):
            return EntityRole.LOCATION  # "the Turkish-Syrian border"
    if i >= 2 and keys[i - 1] == "-" and doc.joined(i - 2, i - 1) and doc.joined(i - 1, i):
        if keys[i - 2] in words.of("modifier_prefix"):
            return EntityRole.MODIFIER
    compound = (i >= 2 and keys[i - 1] == "-" and doc.surfaces[i - 2][:1].isupper() and doc.joined(i - 2, i - 1)
                and doc.joined(i - 1, i))
    if last + 1 < n and (keys[last + 1] in words.of("treaty_noun") or (keys[last + 1] in words.of("feature_noun") and doc.surfaces[
            last + 1][:1].isupper())) and doc.joined(last, last + 1) and not compound:
        # "the Brussels agreement", "the Paris Agreement": a treaty's name, "the Phoenix Islands" a place's; but the states
        # joined in "the United States-Mexico-Canada Agreement" are its parties.
        return EntityRole.MODIFIER
    if _inside_a_name(doc, i, words):
        return EntityRole.MODIFIER
    # "le peuple palestinien", "القضية الفلسطينية", "das palästinensische Volk": a people, a cause, an
    # opposition named by its state's adjective is no party (the adjective before or after its noun).
    if (i >= 1 and keys[i - 1] in words.of("modifier_noun_before") and doc.joined(i - 1, i)) or (
            last + 1 < n and keys[last + 1] in words.of("modifier_noun") and doc.joined(last, last + 1)):
        return EntityRole.MODIFIER
    if (i >= 1 and keys[i - 1] in words.of("home_article") and doc.joined(i - 1, i) and doc.surfaces[i][:1].islower()
            and last + 1 < n and doc.surfaces[last + 1][:1].isupper() and doc.joined(last, last + 1)):
        return EntityRole.MODIFIER  # "a francesa TotalEnergies": the home of the firm or person named after it
    possessor = last + 2 < n and keys[last + 1] == "'" and keys[last + 2] == "s" and doc.joined(last, last + 1)
    if is_topic(doc, i, words) or _in_envoy_title(doc, i, words) or _in_former_title(doc, i, words) or is_compared(doc, i, words):
        # "Yoon's remarks on Taiwan", "Ambassador to the Philippines", "a former Foreign Minister of Uruguay",
        # "Unlike Denmark": no party
        return EntityRole.MODIFIER
    if last + 1 < n and keys[last + 1] in words.of("language_noun") and doc.joined(last, last + 1):
        return EntityRole.MODIFIER  # "its French initials", "the Russian name": a language, not the state
    if last + 1 < n and keys[last + 1] in words.of("currency_noun") and doc.joined(last, last + 1):
        return EntityRole.MODIFIER  # "4.1 billion US dollars", "the Canadian dollar": a currency, not the state
    if kind != "org" and last + 1 < n and keys[last + 1] in words.of("non_state_noun") and doc.joined(last, last + 1):
        return EntityRole.MODIFIER  # "Syrian rebels", "Palestinian militants": people of a state, not the state
    if kind != "org" and last + 1 < n and keys[last + 1] in words.of("private_people") and doc.joined(last, last + 1) and not any(
            keys[k] in words.of("firm_target") for k in range(max(0, i - 4), i)):
        return EntityRole.MODIFIER  # "Haitian migrants"; but "sanctions on three Russian businessmen" target Russia's
    if kind != "org" and _names_a_firm(doc, last, words) and not any(
            doc.keys[k] in words.of("firm_target") for k in range(max(0, i - 4), i)):
        return EntityRole.MODIFIER  # "Taiwanese firms", "the Danish shipping group Maersk": a firm's home
    # "in Chile's favour" names Chile as a party, not a place; "in Kazakhstan's largest city" a place.
    venue = possessor and any(keys[k] in words.of("location_noun") for k in range(last + 3, min(n, last + 6)))
    if kind not in ("seat", "office") and (not possessor or venue):
        if (i >= 2 and keys[i - 1] == "of" and keys[i - 2] in words.of("location_noun") and doc.joined(i - 2, i - 1)
                and doc.joined(i - 1, i) and doc.last_location_end >= 0
                and not doc.text[doc.last_location_end : doc.starts[i - 2]].strip()):
            return EntityRole.LOCATION  # "the Polish city of Gdansk": the place its demonym began
        direction, locative = words.of("direction"), words.of("locative")
        # "à Moscou" is a place, "à la Russie" a party: such a preposition counts right before the name only.
        bare = words.of("locative_bare")
        k = i - 1
        steps = 0
        while k >= 0 and steps < 6 and doc.joined(k, k + 1):
            if keys[k] in locative or (k == i - 1 and keys[k] in bare):
                if k >= 1 and keys[k - 1] in words.of("speaker") and doc.joined(k - 1, k):
                    return EntityRole.ACTOR  # "officials in Washington said": the government speaks
                if k >= 1 and keys[k - 1] in words.of("firm_noun") and any(
                        keys[j] in words.of("firm_target") for j in range(max(0, k - 5), k - 1)):
                    return EntityRole.ACTOR  # "sanctioned four companies in the UAE": the targets' state is acted upon
                return EntityRole.LOCATION
            if keys[k] not in direction:
                break
            k -= 1
            steps += 1
        # Where the adjective follows its noun: "le territoire ukrainien", "la capitale russe".
        if i >= 1 and keys[i - 1] in words.of("location_noun_before") and doc.joined(i - 1, i):
            return EntityRole.LOCATION
        # "the Chinese coast" is a place; "Chinese coast guard ships", "Polish border guards" act.
        agent = last + 2 < n and keys[last + 2] in words.of("location_agent") and doc.joined(last + 1, last + 2)
        if last + 1 < n and keys[last + 1] in words.of("location_noun") and doc.joined(last, last + 1) and not agent:
            # "fired rockets into Thai territory", "violated Polish airspace": the state intruded on
            # is a target, and a target takes part.
            if not _intruded_on(doc, i, words):
                return EntityRole.LOCATION
        if last + 1 < n and keys[last + 1] in words.of("side_noun") and doc.joined(last, last + 1) and _side_is_a_place(
                doc, i, last, words):
            return EntityRole.LOCATION
        # "in Baghdad and Oman": a name joined to a location by "and", "or" or a comma is one too.
        if doc.last_location_end >= 0 and i >= 1 and keys[i - 1] in ("and", "or") and doc.joined(i - 1, i):
            gap = doc.text[doc.last_location_end : doc.starts[i - 1]]
            # ", and Iran offered": a comma before "and" and a verb after the name open a new clause.
            verb_after = last + 1 < n and doc.surfaces[last + 1].islower() and keys[last + 1] not in _LIST_GOES_ON
            if gap.strip() == "" or (gap.strip() == "," and not verb_after):
                return EntityRole.LOCATION
        if doc.last_location_end >= 0 and _comma_and_formal_name(doc.text[doc.last_location_end : doc.starts[i]], words):
            # "in Geneva, Vienna and Doha", "in Abuja, Federal Republic of Nigeria, on", but not "in Syria, Iran said"
            follow = doc.text[doc.ends[last] : doc.ends[last] + 6].lstrip()
            if follow.startswith((",", "and ", "or ")):
                return EntityRole.LOCATION
    return EntityRole.ACTOR


def placed_by_adjective(doc: Doc, i: int, adjective_end: int, words: ContextWords) -> bool:
    """True for a name right after a state's adjective that ends at `adjective_end`, maybe past a place
    noun and a link: "im türkischen Antalya", "in der türkischen Stadt Antalya", "la ville turque
    d'Antalya". Only an adjective in lower case counts: after a capitalised name ("im Iran Teheran")
    another phrase begins."""
    prev = doc.index_at(adjective_end) - 1
    if prev < 0 or prev >= i or doc.ends[prev] != adjective_end or not doc.surfaces[prev][:1].islower():
        return False
    between = doc.keys[prev + 1 : i]
    nouns = words.of("location_noun") | words.of("location_noun_before") | words.of("name_link") | {"'"}
    return len(between) <= 2 and all(k in nouns for k in between) and all(doc.joined(j, j + 1) for j in range(prev, i))


def _comma_and_formal_name(gap: str, words: ContextWords) -> bool:
    """True for the words between a place and the next name when they are a comma, maybe with the start
    of a state's formal name: ", " or ", Federal Republic of " ("in Abuja, Federal Republic of Nigeria")."""
    head, comma, rest = gap.strip().partition(",")
    formal = words.of("formal_name")
    return not head and bool(comma) and all(w[:1].isupper() or w in ("of", "the") for w in rest.split()) and all(
        w.lower() in formal for w in rest.split())


def _intruded_on(doc: Doc, i: int, words: ContextWords) -> bool:
    """Whether an intrusion word stands right before the name at i, maybe with "the": "violated
    Polish airspace", "into Thai territory"; or an intrusion noun and "of": "violations of Polish airspace"."""
    keys = doc.keys
    k = i - 2 if i >= 2 and keys[i - 1] == "the" else i - 1
    if k >= 0 and keys[k] in words.of("intrusion") and all(doc.joined(j, j + 1) for j in range(k, i)):
        return True
    return (k >= 1 and keys[k] == "of" and keys[k - 1] in words.of("intrusion_noun")
            and all(doc.joined(j, j + 1) for j in range(k - 1, i)))


def _side_is_a_place(doc: Doc, i: int, last: int, words: ContextWords) -> bool:
    """Whether "<demonym> side" is a place ("on the Syrian side", "the Syrian side of the border"),
    not the state's government ("the Polish side summoned our envoy")."""
    keys, n = doc.keys, len(doc.keys)
    if last + 2 < n and keys[last + 2] == "of" and doc.joined(last + 1, last + 2):
        return True
    k = i - 2 if i >= 2 and keys[i - 1] == "the" else i - 1
    return k >= 0 and keys[k] in words.of("side_opener") and all(doc.joined(j, j + 1) for j in range(k, i))


def _inside_a_name(doc: Doc, i: int, words: ContextWords) -> bool:
    """True for a name that ends the name of a treaty, a square or a street begun by a capitalised noun, in
    the languages that put that noun first: "el Tratado de Utrecht", "la Plaza San Martín", "Vertrag von
    Lissabon". A lower-case noun does not count: "el acuerdo de Colombia con Venezuela" names a party."""
    k = i - 1
    if k >= 1 and doc.keys[k] in words.of("name_link") and doc.joined(k, i):
        k -= 1
    return (k >= 0 and doc.keys[k] in words.of("name_noun_before") and doc.surfaces[k][:1].isupper()
            and doc.joined(k, k + 1))


def _word_before(doc: Doc, i: int) -> int:
    """The token before the name at token i, past a "the", on the same line; -1 when there is none."""
    k = i - 1
    if k >= 0 and doc.keys[k] == "the" and doc.joined(k, i):
        k -= 1
    return k if k >= 0 and doc.joined(k, k + 1) else -1


def is_topic(doc: Doc, i: int, words: ContextWords) -> bool:
    """True when the name at token i is what was talked about: "remarks on the Ukraine crisis", "the
    situation in Darfur", "discussed Gaza with Macron", "spoke with Ruto about the mission to Haiti"."""
    keys = doc.keys
    k = _word_before(doc, i)
    if k < 0:
        return False
    if keys[k] in words.of("topic_verb"):
        return True
    if keys[k] in ("on", "about", "over", "in") and k >= 1 and doc.joined(k - 1, k):
        before = k - 2 if keys[k - 1] == "the" and k >= 2 else k - 1
        if keys[k - 1] in words.of("topic_noun") or (keys[k] != "in" and keys[before] in words.of("topic_noun")):
            return True
    # The openers' positions come from the text's token index, built once: no scan back per name.
    positions = doc.cue_positions(words.of("topic_opener"))
    at = bisect.bisect_left(positions, i) - 1
    if at < 0 or i - positions[at] > 10:
        return False
    opener = positions[at]
    if opener >= 1 and keys[opener - 1] in words.of("feeling") and doc.joined(opener - 1, opener):
        return False  # "concerned about the incursion launched by Israel": a reaction to the event, not a topic
    # "a conferência sobre Gaza organizada pelo Governo egípcio": the agent after the topic is a party.
    ends = words.of("topic_end")
    return all(doc.joined(j, j + 1) and keys[j + 1] not in ends for j in range(opener, i))


def is_compared(doc: Doc, i: int, words: ContextWords) -> bool:
    """True for a name something is compared with: "Unlike Denmark, the Netherlands will ...", "faster
    than Germany", "Like the G20, the group ...". "Like" counts only opening a clause: "would like
    Iran to" and "countries like Iran and Iraq" are no comparison."""
    keys = doc.keys
    k = _word_before(doc, i)
    if k < 0:
        return False
    if keys[k] in words.of("comparison"):
        return True
    if _compared_in_apposition(doc, k, i, words):
        return True
    if keys[k] in ("with", "to") and k >= 1 and keys[k - 1] in words.of("comparison") and doc.joined(k - 1, k):
        return True  # "compared with Japan"
    return keys[k] in words.of("comparison_opening") and (k == 0 or not doc.joined(k - 1, k))


# An apposition between commas that compares its state with another: "Montenegro, Beitrittskandidat wie Albanien,".
_APPOSITION_HEAD = re.compile(r"[^\W\d_][^,;:.!?()\n]{0,40}$")
_APPOSITION_TAIL = re.compile(r"[^\W\d_][^\W\d_ '\u2019-]*(?:[ -][^\W\d_]+){0,2},")


def _compared_in_apposition(doc: Doc, k: int, i: int, words: ContextWords) -> bool:
    """True for a name after a comparison_apposition word ("wie", "comme"; maybe with an article between) in an
    apposition set off by commas after a name: "Montenegro, Beitrittskandidat wie Albanien, hatte", "la Hongrie,
    membre de l'UE comme la Croatie, a". "Staaten wie Albanien und Serbien" and "Länder, wie Polen," are lists."""
    compare = words.of("comparison_apposition")
    if not compare:
        return False
    if doc.keys[k] not in compare:
        if not (k >= 1 and doc.keys[k - 1] in compare and len(doc.keys[k]) <= 3 and doc.surfaces[k].islower()):
            return False
        k -= 1
    text = doc.text
    comma = text.rfind(",", 0, doc.starts[k])
    head = text[comma + 1 : doc.starts[k]]
    return (comma > 0 and text[comma - 1].isalpha() and 1 <= len(head.split()) <= 4
            and _APPOSITION_HEAD.match(head.strip()) is not None and _APPOSITION_TAIL.match(text, doc.starts[i]) is not None)


def count_before(doc: Doc, i: int, words: ContextWords) -> int:
    """The number just before token i ("the two NATO allies": 2; "the 27 EU members": 27), else 0."""
    if i < 1 or not doc.joined(i - 1, i):
        return 0
    key = doc.keys[i - 1]
    if key.isdigit():
        return int(key)
    return words.counts.get(key, 0)


def _names_a_firm(doc: Doc, last: int, words: ContextWords) -> bool:
    """True when a firm noun follows the name at `last`, right after it or after one or two sector words."""
    keys, n = doc.keys, len(doc.keys)
    k = last + 1
    while k < n and k - last <= 3 and doc.joined(k - 1, k) and doc.surfaces[k][:1].islower():
        if keys[k] in words.of("firm_noun"):
            return True
        if keys[k] not in words.of("firm_sector"):
            return False
        k += 1
    return False


def _in_envoy_title(doc: Doc, i: int, words: ContextWords) -> bool:
    """True for the state in a capitalised title of an envoy of another: "Ambassador to the Philippines"."""
    keys = doc.keys
    k = i - 1
    if k >= 0 and keys[k] == "the":
        k -= 1
    return (k >= 1 and keys[k] == "to" and keys[k - 1] in words.of("envoy_title") and doc.surfaces[k - 1][:1].isupper()
            and all(doc.joined(j, j + 1) for j in range(k - 1, i)))


def _in_former_title(doc: Doc, i: int, words: ContextWords) -> bool:
    """True for the state in the title of a person who no longer holds it: "a former Foreign Minister of
    Uruguay" (a `former` word, up to four words of an office, at least one a title word, then "of")."""
    keys = doc.keys
    k = i - 2 if i >= 2 and keys[i - 1] == "the" else i - 1
    if k < 2 or keys[k] != "of" or not all(doc.joined(j, j + 1) for j in range(k, i)):
        return False
    j = k - 1
    while j >= 0 and k - j <= 4 and doc.joined(j, j + 1) and keys[j] not in words.of("former"):
        j -= 1
    return (j >= 0 and keys[j] in words.of("former") and doc.joined(j, j + 1)
            and any(keys[t] in words.titles for t in range(j + 1, k)))
