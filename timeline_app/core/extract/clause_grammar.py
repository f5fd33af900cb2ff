"""The regexes that cut a sentence into clauses, built per language from its clause_words.tsv."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.tables import longest_first

# Letters of other scripts and of accented Latin: a capital is any upper-case letter, a lower-case
# letter any other one (scripts without case, such as Arabic's, have only lower-case letters here).
_UPPER = "".join(re.escape(chr(c)) for c in range(0x3000) if chr(c).isupper())
_ANY_UPPER = f"[{_UPPER}]"
_ANY_LOWER = f"(?:(?![{_UPPER}])[^\\W\\d_])"


def _alternation(words: dict[str, frozenset[str]], category: str) -> str:
    """A regex alternation of the phrases of one category, longer first, any spaces between words;
    one that never matches for an empty category. It is written as a trie ("sa(?:id|ys)"): a category
    of a language's inflected forms holds hundreds of phrases, which re would try one by one at every
    position (Spanish and Portuguese texts took three times as long as English ones)."""
    trie: dict[str, dict] = {}
    for phrase in words.get(category, ()):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"  # a phrase ends here: longer ones first


class _Letters(NamedTuple):
    upper: str  # a capital letter
    lower: str  # a lower-case letter
    word: str  # a word of letters


def _letters(table: CameoTable) -> _Letters:
    """English reads ASCII letters, as it always has; other languages any letter of their script."""
    if not table.language:
        return _Letters("[A-Z]", "[a-z]", "[A-Za-z]+")
    return _Letters(_ANY_UPPER, _ANY_LOWER, r"[^\W\d_]+")


class ClausePatterns(NamedTuple):
    """The regexes that cut a sentence into clauses and find what refers back, in one language."""

    after_comma: re.Pattern[str]  # ", which ...": a new clause after the comma
    reporting: re.Pattern[str]  # "said that": what was said starts after it
    attribution: re.Pattern[str]  # "..., the Swiss foreign ministry said."
    group: re.Pattern[str]  # "both sides", "the talks": the parties of an earlier event
    person: re.Pattern[str]  # "he", "his counterpart": the person of an earlier clause
    coordination: re.Pattern[str]  # ", and" between two dates
    relative_aside: re.Pattern[str]  # ", who took office in January," before the main verb
    new_subject: re.Pattern[str]  # ", the U.S. Senate approved": a comma before a new capitalised subject
    relative_person: re.Pattern[str]  # "who" opening a clause
    relative_thing: re.Pattern[str]  # "which" opening a clause
    relative: re.Pattern[str]  # either, case-sensitive
    aside: re.Pattern[str]  # "Angola, which had mediated since 2022,": the subject before the aside
    subject_break: re.Pattern[str]  # a sentence end or ", and" between a person and a later name
    lower_word: re.Pattern[str]  # a lower-case word (a verb of the clause, when listed)
    place_party: re.Pattern[str]  # "travelled to", "strikes on": the place after it takes part
    conjoined_subject: re.Pattern[str]  # "and Finland joined": a conjunction before a new capitalised subject
    trailing_clause: re.Pattern[str]  # ", and we have made": after a sentence's last date, a new clause if group "verb" is one
    # "die Ministerin": a title after an article, for the person last named with a title ending in it (group 1)
    title: re.Pattern[str] | None = None
    visit_after: re.Pattern[str] | None = None  # "on a working visit" right after a place: its host takes part
    contact: re.Pattern[str] | None = None  # ", a bloc Mauritania left": a noun, then its own subject and verb
    bare_report: re.Pattern[str] | None = None  # "said Ethiopia attacked": a named subject and its verb after "said"
    object_relative: re.Pattern[str] | None = None  # "the Meeting that Tonga hosted": "that", a named subject, its verb


@lru_cache(maxsize=8)
def clause_patterns(table: CameoTable | None = None) -> ClausePatterns:
    """Regexes built from the clause_words.tsv of `table` (the English one when None)."""
    table = table or CameoTable.default()
    words = table.words
    up, low, _word = _letters(table)

    alternation = functools.partial(_alternation, words)
    relative = alternation("relative_person") + "|" + alternation("relative_thing")
    quote = "".join(re.escape(q) for q in sorted(words.get("opening_quote", ())))

    # Arabic opens a relative clause without a comma ("الحكومة الصومالية التي انتُخب رئيسها في مايو 2022"): its
    # own event, not the main clause's (relative_unmarked; none in English, whose "that" may be a complementizer).
    unmarked = (r"|\s(?=(?:" + alternation("relative_unmarked") + r")\s)") if words.get("relative_unmarked") else ""
    # German puts a relative clause's verb last ("Duda, der im Oktober Russland besucht hatte."), and its
    # pronouns are also the articles of a list ("Saudi-Arabien, die Emirate, Bahrain"): such a pronoun opens
    # a clause when a lower-case word or a number follows it and a lower-case word ends the clause
    # (relative_verb_final; "die 2015 begannen,").
    verb_final = (r"|,\s+(?=(?:" + alternation("relative_verb_final") + r")\s+(?:(?-i:" + low + r")|[0-9])[^,.;:!?]*\s(?-i:" + low
                  + r")[^\W\d_]*\s*[,.;:!?])") if words.get("relative_verb_final") else ""
    after_comma = re.compile(r",\s+(?=(?:" + alternation("after_comma") + r")\b)" + unmarked + verb_final, re.IGNORECASE)
    # A quotation opens what was said when it starts with a capital: "separation" in quotes is a word.
    reporting = re.compile(r"\b(?:" + alternation("reporting") + r")\b(?:\s+[\w\u2019'-]+){0,4}?\s+(?=(?:"
                           + alternation("complementizer") + r")\b|[" + (quote or "\"") + r"](?-i:" + up + r"))", re.IGNORECASE)
    # "..., the Swiss foreign ministry said." names the source, not a party to the event.
    # The verb in lower case: "..., Egypt and the United States." ends with a name, not "states".
    attribution = re.compile(r",\s+(?:[\w\u2019'.-]+\s+){1,6}(?-i:" + alternation("reporting") + r")[\s.\u201d\"]*$", re.IGNORECASE)
    # German writes the event as the head of a compound after an article or a possessive ("Die
    # Gesprächsrunde hatte am Dienstag begonnen", "Seine nächste Sitzung soll ..."): up to two adjectives
    # between, a capitalised noun ending in the head (compound_head; none in English). Only as the
    # clause's first words, its subject: "mit einem Abbruch der Gespräche gedroht" names a topic.
    compound = (r"|^\s*(?:" + alternation("compound_determiner") + r")\s+(?:(?-i:" + low + r")[\w-]*\s+){0,2}(?:(?-i:"
                + up + r")[\w-]*)?(?:" + alternation("compound_head") + r")\b") if words.get("compound_head") else ""
    group = re.compile(r"\b(?:" + alternation("group_reference") + r")\b" + compound, re.IGNORECASE)
    # "His Highness the Amir", "Her Excellency": a title, not a pronoun for someone named before; nor is "the
    # President of the Russian Federation", whose office names its state.
    person = re.compile(r"\b(?:" + alternation("person_reference") + r")\b(?!\s+(?:" + alternation("honorific") + "|"
                        + alternation("title_link") + r")\b)", re.IGNORECASE)
    coordination = re.compile(r",\s+(?=(?:" + alternation("clause_conjunction") + r")\s|(?:" + alternation("fused_conjunction")
                              + r")(?=\w))")
    # A subject of at most `most` capitalised words: two in English ("the U.S. Senate"), more where
    # nouns are capitalised too ("Irans Präsident Ebrahim Raisi reiste").
    # A list goes on after its names ("Israel, den Vereinigten Arabischen Emiraten und Bahrain"): list_word.
    most = max((int(w) for w in words.get("subject_capitals", ()) if w.isdigit()), default=2)
    def capital_subject(list_words: str) -> str:
        return (r"(?:(?:" + alternation("article") + r")\s+)?(?:" + up + r"[\w.'\u2019-]*\s+){1," + str(most)
                + "}(?!(?:" + list_words + r")\b)" + low)

    new_subject = re.compile(r",\s+(?=" + capital_subject(alternation("list_word")) + ")")
    # An aside opened by a relative pronoun ends at the comma before the main verb ("Mahama, who took
    # office in January, has visited Mali"): that comma is followed by a lower-case word, or by the main
    # clause's own subject and its verb ("Unlike Canada, which signed the deal in 2002, Mexico has never").
    # Not a list going on: "NAFTA, which Canada, Mexico and the United States signed".
    listing = alternation("list_word") + "|" + alternation("list_conjunction")
    # So does a pronoun that is the object of its clause (relative_object: "from which", French "que", also a
    # complementizer and so no relative pronoun elsewhere): "Le Rwanda, que Kinshasa accuse d'armer les rebelles, a rejeté".
    aside_opener = relative + ("|" + alternation("relative_object") if words.get("relative_object") else "")
    relative_aside = re.compile(r",\s+(?:" + aside_opener + r")\b[^,;:]*(,)\s+(?=" + low + "|" + capital_subject(listing) + ")")
    # The same without the comma: "Russia invaded Ukraine in February 2022 and Finland joined NATO in
    # April 2023"; the subject's next word in lower case is its verb ("and Jordan in April" is gapped).
    # The subject may be a list ("and Iran and the US agreed", "and Peru, Bolivia and Ecuador signed").
    name = up + r"[\w.'\u2019-]*"
    subject = r"(?:(?:" + alternation("article") + r")\s+)?" + name + r"(?:\s+" + name + r"){0," + str(most - 1) + "}"
    joined = r"(?:,\s+(?:(?:" + alternation("list_conjunction") + r")\s+)?|\s+(?:" + alternation("list_conjunction") + r")\s+)"
    conjoined_subject = re.compile(r"\s(?:" + alternation("subject_conjunction") + r")\s+(?=" + subject + "(?:" + joined + subject
                                   + r")*\s+(?!(?:" + alternation("list_word") + r")\b)" + low + ")")
    # After the last date: a comma, a conjunction, a subject (a name or a pronoun) and its verb.
    trailing_clause = re.compile(r",\s+(?:" + alternation("subject_conjunction") + r")\s+(?=(?:(?:" + alternation("subject_pronoun")
                                 + r")|" + subject + r")\s+(?P<verb>" + low + r"+)\b)")
    # Where a state's adjective follows its noun (owner_after), the word after a place word is its owner
    # ("a embaixada argentina em Caracas", "القوات الروسية في سوريا"), not a state's thing between it and the place.
    # Group "after_party": words that count only after a state or a person named in the clause.
    owner = r"(?:\s+(?-i:" + low + r")[\w-]*)?" if words.get("owner_after") else ""
    place_party = re.compile(r"\b(?:(?P<after_party>" + alternation("place_party_after_party") + ")|"
                             + longest_first(words.get("place_party", ()))
                             + r")\b" + owner, re.IGNORECASE)
    # A noun described by a clause without "that" ("in January 2024, a bloc Mauritania left in 2000"): a named subject
    # and its verb; no preposition in the noun ("Today, ..., a citizen of the French Republic was detained" is the main clause).
    function = r"(?!(?:" + alternation("antecedent_opener") + "|" + alternation("article") + r")\s)"
    contact = re.compile(r",\s+(?:" + alternation("contact_determiner") + r")\s+(?:" + function + r"(?-i:" + low + r")[\w-]*\s+){1,3}(?:(?:"
                         + alternation("article") + r")\s+)?" + name + r"(?:\s+" + name + r"){0,4}\s+(?P<verb>(?-i:" + low
                         + r")+)\b") if words.get("contact_determiner") else None
    bare_report = re.compile(r"\b(?:" + alternation("bare_reporting") + r")\s+(?=(?:(?:" + alternation("article") + r")\s+)?(?-i:"
                             + name + r")(?:\s+(?-i:" + name + r")){0,3}\s+(?P<verb>(?-i:" + low + r")+)\b)",
                             re.IGNORECASE) if words.get("bare_reporting") else None
    # "the Leaders Meeting that Tonga hosted in August", "the talks that Saudi Arabia and the United States convened": a
    # noun's relative clause with a named subject of its own (a list of names allowed) and its verb.
    object_relative = re.compile(r"\s(?:" + alternation("object_relative") + r")\s+(?=" + subject + "(?:" + joined + subject
                                 + r")*\s+(?P<verb>" + low + r"+)\b)") if words.get("object_relative") else None
    return ClausePatterns(
        after_comma, reporting, attribution, group, person, coordination, relative_aside, new_subject,
        re.compile(r"(?:" + alternation("relative_person") + r")\b", re.IGNORECASE),
        re.compile(r"(?:" + alternation("relative_thing") + r")\b", re.IGNORECASE),
        re.compile(r"(?:" + relative + r")\b"),
        re.compile(r"([^,]+),\s+(?:" + relative + r")\b"),
        re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"\u201c" + up[1:-1] + r"])|,\s+(?:" + alternation("subject_conjunction")
                   + r")\s|;"),
        re.compile(r"\b" + low + r"+\b"),
        place_party,
        conjoined_subject,
        trailing_clause,
        re.compile(r"\b(?:" + alternation("article") + r")\s+(" + alternation("title_reference") + r")\b", re.IGNORECASE)
        if words.get("title_reference") else None,
        re.compile(r"\s+(?:" + alternation("visit_after") + r")\b", re.IGNORECASE) if words.get("visit_after") else None,
        contact,
        bare_report,
        object_relative,
    )


@dataclass(frozen=True)
class VerbPhrasePatterns:
    """Patterns for coordinated verb phrases, numbered groups of parties and opening clauses."""

    coordination: re.Pattern[str]  # " and (then) VERB": a coordinated verb phrase
    gapped: re.Pattern[str]  # "and Britain in": a coordinated phrase without its verb ("with Australia in 2022 and Britain in 2023")
    group: re.Pattern[str]  # "the two have", "the three juntas": a number of parties
    verbs: frozenset[str]  # verb forms and auxiliaries
    not_a_group: frozenset[str]
    leaders: re.Pattern[str]  # what "the leaders" refers back to
    pair_subject: re.Pattern[str]  # "Relations broke down": the pair just named
    leading: re.Pattern[str]  # a sentence opening with a subordinate clause
    subordinator: re.Pattern[str]  # "since", "after" ... between two dates: each date its own clause
    subordinate_clause: re.Pattern[str]  # " as Ethiopia began", " after Hamas attacked": a subordinator, a named subject, its verb
    date_prepositions: frozenset[str]  # "in", "on": the words right before a date
    reaction: re.Pattern[str]  # "We welcome", "is appalled by": a present reaction to a dated event
    past_reaction: re.Pattern[str]  # "welcomed the decision of": a past reaction to an event with an actor of its own
    unilateral: re.Pattern[str]  # "ratified", "withdrew from": a state's own act on an agreement, without its other parties
    sizes: dict[str, int]  # "two" -> 2: the count of a group number's last word
    roles: frozenset[str]  # "minister", "leader": a plural of one counts parties even capitalised ("the two Foreign Ministers")
    plural: tuple[str, ...]  # endings of a plural noun after a group number
    conjunction: re.Pattern[str]  # " and " between two dates, where a gapped phrase may start
    there: re.Pattern[str]  # "returned there", "its embassy there": a place named before takes part
    participle: re.Pattern[str] | None  # "before flying on to": a clause without a subject of its own

    def group_size(self, clause: str) -> int:
        """2, 3 or 4 when `clause` refers to that many parties by number ("both have", "the three juntas"), else 0."""
        for m in self.group.finditer(clause):
            word = m.group(3)
            low = word.lower()
            if (m.group("noun") or "").lower() in self.not_a_group:
                continue  # "beide Tage verliefen": German writes the noun that is no party with a capital
            plural = low.endswith(self.plural) and low not in self.not_a_group
            if low in self.verbs or (plural and (word.islower() or any(low.startswith(r) for r in self.roles))):
                return self.sizes.get(m.group(1).split()[-1].lower(), 0)
        return 0


@lru_cache(maxsize=8)
def verb_phrase_patterns(table: CameoTable | None = None) -> VerbPhrasePatterns:
    """The patterns of VerbPhrasePatterns, built from the clause_words.tsv and verbs of `table` (English when None)."""
    table = table or CameoTable.default()
    words = table.words
    up, low, word = _letters(table)

    alternation = functools.partial(_alternation, words)

    adverb = alternation("coordination_adverb")
    verbs = frozenset(table.verbs) | words.get("auxiliary", frozenset())
    conjunction, article = alternation("conjunction"), alternation("article")
    # Lower case only: "and Saudi Arabia" or "and Putin" join names, not verb phrases.
    coordination = re.compile(r"\s+(?:" + conjunction + r")\s+(?:(?:" + adverb + r")\s+)?(" + low + r"+)\b")
    # "and a second with the United Kingdom in": a gapped phrase may open with a word that counts
    # (gapped_lead) and the preposition of the partner (gapped_preposition).
    lead = r"(?:(?:" + alternation("gapped_lead") + r")\s+)?(?:(?:" + alternation("gapped_preposition") + r")\s+)?"
    gapped = re.compile(r"\s*(?:" + conjunction + r")\s+" + lead + r"(?:(?:" + article + r")\s+)?(?:" + up + r"[\w'.-]*\s+){1,4}(?:"
                        + alternation("date_preposition") + r")\s+(?:(?:" + article + r")\s+)?")
    # A name may stand between the number and its noun: "the two NATO allies", "both Gulf monarchies".
    group = re.compile(r"\b(" + alternation("group_number") + r")\s+(?:(?P<noun>(?-i:" + up + r")[\w'.-]*)\s+)?(" + word + r")\b",
                       re.IGNORECASE)
    leaders = re.compile(r"\b(?:" + alternation("leader_titles") + r")", re.IGNORECASE)
    pair_subject = re.compile(r"(?:" + alternation("pair_subject") + r")\b(?!\s+(?:" + alternation("pair_preposition")
                              + r")\b)", re.IGNORECASE)
    leading = re.compile(r"(?:" + alternation("leading_subordinate") + r")\b[^,]*,\s+(?=(?-i:" + low + r"))", re.IGNORECASE)
    # Lower case and mid-sentence: "as" and "once" are too often no subordinator there.
    subordinator = re.compile(r"\s(?=(?:" + alternation("subordinator") + r")\s)")
    # A subordinate clause with a subject of its own: "after Hamas attacked", "as Ethiopia began" ("as" only
    # so: "as BRICS Chair" opens none); its verb is group "verb".
    name = up + r"[\w.'\u2019-]*"
    subordinate_clause = re.compile(r"\s(?=(?:" + alternation("subordinator") + "|" + alternation("subject_subordinator")
                                    + r")\s+(?:(?:" + article + r")\s+)?" + name + r"(?:\s+" + name + r"){0,2}\s+(?P<verb>" + low + r"+)\b)")
    reaction = re.compile(r"\b(?:" + alternation("undated_reaction") + r")\b")
    past_reaction = re.compile(r"\b(?:" + alternation("past_reaction") + r")(?=\s+(?:" + article + r")\s+(?:[\w'\u2019-]+\s+){0,3}?(?:"
                               + alternation("reacted_event") + r")\s+(?:of|by)\s)")
    unilateral = re.compile(r"\b(?:" + alternation("unilateral_act") + r")\s+$", re.IGNORECASE)
    sizes = {w: int(n) for w, _, n in (p.partition("=") for p in words.get("number", ())) if n.isdigit()}
    participle = (re.compile(r"(?:" + alternation("participle_opener") + r")\s+(?-i:" + low + r")+(?:" + alternation("participle_ending")
                             + r")\b", re.IGNORECASE) if words.get("participle_opener") and words.get("participle_ending") else None)
    return VerbPhrasePatterns(
        coordination, gapped, group, verbs, words.get("not_a_group", frozenset()), leaders, pair_subject, leading, subordinator,
        subordinate_clause, words.get("date_preposition", frozenset()), reaction, past_reaction, unilateral,
        sizes, words.get("role_reference", frozenset()), tuple(words.get("plural_ending", ())) or ("\0",),
        re.compile(" (?:" + conjunction + ") "),
        re.compile(r"\b(?:" + alternation("there_party") + r")\s+(?:(?:" + alternation("there_between") + r")\s+)?(?:"
                   + alternation("there") + r")\b", re.IGNORECASE),
        participle,
    )
