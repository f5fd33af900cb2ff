"""Countries, organisations and office-holders named in a text, found in one longest-match pass."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import replace
from pathlib import Path

from timeline_app.core.extract.actors import Doc, token_key
from timeline_app.core.extract.roles import count_before, placed_by_adjective, role_of
from timeline_app.core.extract.countries import GAZETTEER_DIR
from timeline_app.core.extract.language_keys import walk
from timeline_app.core.extract.issuer_mentions import JOINERS, co_issuers, issuer_mention
from timeline_app.core.extract.issuer_words import offices_of_others
from timeline_app.core.extract.language_lexicon import LanguageLexicon
from timeline_app.core.extract.lexicon import END, SURNAME, TOKEN, Alias, Lexicon, Sense
from timeline_app.core.extract.person_names import appointee_nationality, is_person_name, learn_names
from timeline_app.core.extract.shared_offices import shared_offices
from timeline_app.core.extract.surnames import initial_gap, surname_mention
from timeline_app.core.extract.venues import hosts_others, is_chaired, is_joined, is_ranked_among, is_venue, state_of_a_place
from timeline_app.core.models import EntityKind, EntityMention, EntityRole, issuer_codes
from timeline_app.paths import resource

ENGLISH = "en"

log = logging.getLogger(__name__)


_NOT_MEMBERS = frozenset({"partners", "neighbours", "neighbors"})  # "partners of ASEAN" are no members


class Gazetteer:
    """Longest-match token table over country, organisation and person names."""

    _default: Gazetteer | None = None
    _languages: dict[str, Gazetteer] = {}

    def __init__(self, directory: Path, lexicon: Lexicon | LanguageLexicon | None = None) -> None:
        self.directory = directory
        lexicon = lexicon or Lexicon(directory)
        self.lexicon = lexicon
        # How another language's words are keyed; None for English, whose words are their token keys.
        self._language = lexicon.keys if isinstance(lexicon, LanguageLexicon) else None
        self._issuer_links = lexicon.issuer_links if isinstance(lexicon, LanguageLexicon) else frozenset()
        self._countries = lexicon.countries
        self._organizations = lexicon.organizations
        self._trie = lexicon.trie
        self._senses = lexicon.senses
        self._context = lexicon.context
        self._role_words = lexicon.role_words
        self._person_ranges = lexicon.person_ranges
        self._words = lexicon.words
        self.groups = lexicon.groups
        self._org_states = lexicon.org_states
        # The first words of the member nouns ("leaders", "foreign"): after a group they name its members.
        self._member_words = frozenset(noun.split()[0] for noun in self.groups.nouns)

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of resources/gazetteer, loaded once."""
        if cls._default is None:
            cls._default = cls(resource(GAZETTEER_DIR))
        return cls._default

    @classmethod
    def for_language(cls, language: str) -> Gazetteer:
        """The gazetteer of an article in `language`: resources/gazetteer/<language>/ over the English
        tables, loaded with the first article of that language; the English one for English and for a
        language without a folder."""
        found = cls._languages.get(language)
        if found is None:
            folder = resource(GAZETTEER_DIR, language) if re.fullmatch(r"[a-z]{2,3}", language or "") else None
            if folder is None or language == ENGLISH or not (folder / "names.tsv").is_file():
                found = cls.default()
            else:
                found = cls(folder, LanguageLexicon(cls.default().lexicon, folder))
            cls._languages[language] = found
        return found

    # ---- public look-ups ---------------------------------------------------------------------

    def countries(self) -> dict[str, str]:
        """Every ISO 3166-1 alpha-3 code (and XKX for Kosovo) with its display name."""
        return dict(self._countries)

    def country_name(self, iso3: str) -> str:
        return self._countries.get(iso3, iso3)

    def person_country(self, name: str, when: dt.date) -> str:
        """The country the person with canonical `name` served at `when` ("" when unknown or not then)."""
        return next((iso for iso, start, end in self._person_ranges.get(name, ()) if start <= when <= end), "")

    def state_of_organization(self, code: str, when: dt.date | None) -> str:
        """The state an organisation governs on `when` (org_states.tsv: the Taliban from 2021-08-15), else ""."""
        if when is None:
            return ""
        return next((iso for iso, start, end in self._org_states.get(code, ()) if start <= when <= end), "")

    def knows_person(self, name: str) -> bool:
        """True for a canonical name of persons.tsv or persons_extra.tsv (with dated offices)."""
        return name in self._person_ranges

    def organizations(self) -> dict[str, str]:
        """Every organisation code with its display name."""
        return dict(self._organizations)

    def is_organization(self, code: str) -> bool:
        return code in self._organizations

    def organization_name(self, code: str) -> str:
        return self._organizations.get(code, code)

    def display_name(self, code: str) -> str:
        """The name of a country or organisation code ("USA" -> "United States"); the code when unknown."""
        return self._countries.get(code) or self._organizations.get(code, code)

    @property
    def role_words(self) -> frozenset[str]:
        """Lower-case words that name an office or a sector (minister, ministry, army ...)."""
        return self._role_words

    def context_words(self, category: str) -> frozenset[str]:
        return self._context[category]

    def word_key(self, word: str) -> str:
        """`word` as the context word lists hold it: lower case, or read the way of the gazetteer's language."""
        return self._language.key(word) if self._language is not None else word.lower()

    # ---- tagging -----------------------------------------------------------------------------

    def tag(self, text: str, when: dt.date | None = None, issuer: str = "") -> list[EntityMention]:
        """Countries, organisations, groups and persons named in `text`, sorted by start offset.

        `when` is the date persons are looked up at: the country they served then, else the last
        one they served before it (a former minister); persons whose offices all began later are
        left out. None takes each person's latest office. `issuer` is the state or organisation
        that issued the text (an official statement): "we", "the Secretary" ... stand for it.
        """
        alternatives: list[tuple[str, ...]] | None = None
        if self._language is None:
            starts: list[int] = []
            ends: list[int] = []
            surfaces: list[str] = []
            for m in TOKEN.finditer(text):
                starts.append(m.start())
                ends.append(m.end())
                surfaces.append(m.group())
            doc = Doc(text, starts, ends, surfaces, [token_key(s) for s in surfaces], issuer)
        else:
            doc, alternatives = self._language.read(text, issuer)
        keys, surfaces = doc.keys, doc.surfaces
        out: list[EntityMention] = []
        found_at: list[tuple[int, int, EntityMention]] = []
        title: EntityMention | None = None  # the last issuer word found, for the name that may follow it
        offices: set[int] = set()  # ids of the mentions an issuer's office word made, in another language
        trie = self._trie
        n = len(keys)
        i = 0
        while i < n:
            found: list[tuple[int, list[Alias], tuple[str, ...]]] = []
            if alternatives is None:
                node = trie.get(keys[i])
                if node is None:
                    i += 1
                    continue
                j = i
                while True:
                    if END in node:
                        found.append((j, node[END], ()))
                    j += 1
                    if j >= n or not (doc.joined(j - 1, j) or initial_gap(doc, j - 1, j)):
                        break
                    node = node.get(keys[j])
                    if node is None:
                        break
            else:
                found = walk(trie, doc, i, alternatives)
            nxt = i + 1
            for last, variants, read in reversed(found):
                span = surfaces[i : last + 1]
                alias = next((v for v in variants if v.case_matches(span) and (v.kind != "person" or v.known_at(when))
                              and (v.kind != "issuer" or issuer)), None)
                if alias is None:
                    continue
                if read:
                    keys[i : last + 1] = read  # "России" was read as "россия": the rules see the name's own key
                mention = self._mention(doc, i, last, alias, when)
                # "the Department of the Treasury": a word for the issuer that names nobody leaves its
                # words to the names that follow.
                nxt = i + 1 if mention is None and alias.kind == "issuer" else last + 1
                if mention is not None and mention.kind is EntityKind.PERSON and mention.code:
                    if alias.name in doc.org_officials or (found_at and self._org_title_before(doc, found_at[-1], i)):
                        # "UN Secretary-General Antonio Guterres": he acts for the UN, not for Portugal.
                        doc.org_officials.add(alias.name)
                        mention = replace(mention, code="")
                if (mention is not None and mention.kind is EntityKind.PERSON and mention.code and out and out[-1] is title
                        and (mention.code != title.code or len(issuer_codes(issuer)) > 1)
                        and not doc.text[title.end : mention.start].strip()):
                    # "Foreign Minister Wang Yi" in a British statement (or a joint one): his title, not the issuer
                    while out and (out[-1].start, out[-1].end) == (title.start, title.end):
                        out.pop()
                    found_at.pop()
                if mention is not None and out and self._compound_of_other(doc, i, out[-1], mention):
                    mention = None  # "der österreichische Bundeskanzler": Austria's office, named by its adjective
                if (mention is not None and mention.role is EntityRole.ACTOR and out and out[-1].role is EntityRole.LOCATION
                        and out[-1].code == mention.code and placed_by_adjective(doc, i, out[-1].end, self._words)):
                    mention = replace(mention, role=EntityRole.LOCATION)  # "im türkischen Antalya": a city its adjective placed
                if mention is not None:
                    out.append(mention)
                    # A surname's mention may begin at its given name ("Chan Santokhi"): its first token.
                    found_at.append((i if mention.start == doc.starts[i] else doc.index_at(mention.start), last, mention))
                    if alias.kind == "issuer":
                        out.extend(co_issuers(doc, mention, self._countries))  # "we" of a joint statement: each co-issuer
                        if self._language is not None and alias.code == "state":
                            offices.update(id(m) for m in out if (m.start, m.end) == (mention.start, mention.end))
                    title = out[-1] if alias.kind == "issuer" else None
                    doc.matched_end = mention.end
                    # A US state is a place wherever it stands, but only one after "in" begins a list of
                    # places: "Texas and Mexico signed" names Mexico as a party, "in Texas and Mexico" not.
                    placed = mention.role is EntityRole.LOCATION and (
                        alias.kind != "usstate" or role_of(doc, i, last, "name", self._words) is EntityRole.LOCATION)
                    doc.last_location_end = mention.end if placed else -1
                break
            i = nxt
        if offices:
            out = offices_of_others(doc.text, out, offices, self._issuer_links)
        out = shared_offices(doc, out, self._language.shared_offices, self._countries) if self._language is not None else out
        learned = learn_names(doc, found_at, self._words, self._is_one_word_alias)
        if learned:
            out = sorted(out + learned, key=lambda m: (m.start, m.end))
        return out

    def _is_one_word_alias(self, key: str) -> bool:
        """True for a word that is a whole alias ("jordan"), not only the start of one ("wang" of "Wang Yi")."""
        return any(SURNAME not in v.flags for v in self._trie.get(key, {}).get(END, ()))

    def _mention(self, doc: Doc, i: int, last: int, alias: Alias, when: dt.date | None) -> EntityMention | None:
        code, kind = alias.code, alias.kind
        key = " ".join(doc.keys[i : last + 1])
        sense = self._senses.get(key)
        if sense is not None and self._prefers_other(doc, i, sense):
            code, kind = sense.other_code, sense.other_kind
        if "person" in alias.flags and is_person_name(doc, i, last, key, self._words, self._is_one_word_name):
            return None
        if code == "-" or kind == "block":
            return None
        if doc.text.startswith("$", doc.ends[last]):
            return None  # "US$ 19,28", "US$ 1,2 bilhão": a currency, not the state
        if kind == "issuer":
            return issuer_mention(doc, i, last, code, self.lexicon)
        if kind == "office" and i >= 3 and doc.keys[i - 1] == "s" and doc.keys[i - 2] == "'" and any(
                v.kind == "name" for v in self._trie.get(doc.keys[i - 3], {}).get(END, ())):
            return None  # "Peru's Congress": the possessor names the state, not the office's own
        if kind == "group" and alias.cues and not doc.cue_positions(alias.cues):
            return None  # "Allies" names NATO's members only in a text about NATO
        start, end = doc.starts[i], doc.ends[last]
        if kind == "group":
            role = EntityRole.LOCATION if is_venue(doc, i, last, self._words) else role_of(doc, i, last, "org", self._words)
            if is_chaired(doc, i, last, self._words) or is_joined(doc, i, last, self._words, self._member_words) or (
                    is_ranked_among(doc, i, self._words)):
                # "la présidence brésilienne du G20", "joined BRICS", "among the first Allies to": the body, not its members
                role = EntityRole.MODIFIER
            count = count_before(doc, i, self._words)
            if 0 < count < len(self.groups.members(code, when)) and count not in self.groups.sizes(code):
                # "the two NATO allies": two states named before, not the alliance; but "the five BRICS
                # countries" of 2023 are all of them then, whatever their number on the publication day.
                role = EntityRole.MODIFIER
            return EntityMention(start, end, doc.text[start:end], code, EntityKind.GROUP, role, alias.name)
        if kind == "person":
            if SURNAME in alias.flags:
                named = surname_mention(doc, i, last, alias.name, alias.ranges, when, self._words)
                if named is None:
                    return None
                start = doc.starts[named[0]]  # "President Chan Santokhi": the given name is part of the name
                return EntityMention(start, end, doc.text[start:end], named[2], EntityKind.PERSON, EntityRole.ACTOR, named[1])
            return EntityMention(start, end, doc.text[start:end], alias.country_at(when), EntityKind.PERSON, EntityRole.ACTOR, alias.name)
        if kind == "org" and code in self.groups.groups() and self._members_around(doc, i, last):
            # "the members of the European Union", "NATO's 32 members": its member states, as "EU members" are.
            return EntityMention(start, end, doc.text[start:end], code, EntityKind.GROUP, EntityRole.ACTOR, alias.name)
        if kind == "org":
            return EntityMention(start, end, doc.text[start:end], code, EntityKind.ORGANIZATION, role_of(doc, i, last, kind, self._words), alias.name)
        name = self._countries[code]
        role = role_of(doc, i, last, kind, self._words)
        if role is EntityRole.ACTOR and hosts_others(doc, i, last, self._words):
            role = EntityRole.MODIFIER  # "Belarus hosted talks between the two sides": the venue, no party
        elif role is EntityRole.ACTOR and appointee_nationality(doc, i, last, self._words):
            role = EntityRole.MODIFIER  # "appointed María Holguín of Colombia as his envoy": her biography
        elif role is EntityRole.ACTOR and state_of_a_place(doc, i, last, self._words):
            role = EntityRole.LOCATION  # "met in Argyle, St Vincent and the Grenadines, on Monday"
        return EntityMention(start, end, doc.text[start:end], code, EntityKind.COUNTRY, role, name)

    def _compound_of_other(self, doc: Doc, i: int, before: EntityMention, mention: EntityMention) -> bool:
        """True for an office compound ("Bundeskanzler", "Bundespräsidentin") right after another state's
        name or adjective: Switzerland and Austria have federal offices too."""
        heads = self._language.compound_heads if self._language is not None else ()
        return (mention.kind is EntityKind.COUNTRY and before.kind is EntityKind.COUNTRY and before.code != mention.code
                and doc.keys[i].startswith(heads) and not doc.text[before.end : mention.start].strip())

    def _members_around(self, doc: Doc, i: int, last: int) -> bool:
        """True when a member noun stands before "of (the)" and the organisation at tokens i..last, or after
        its "'s" and a number: "member states of NATO", "NATO's 32 allies". Not "partners of ASEAN": its
        partners are no members."""
        keys, n = doc.keys, len(doc.keys)
        nouns = [tuple(noun.split()) for noun in self.groups.nouns if noun.split()[-1] not in _NOT_MEMBERS]
        k = i - 1 if i >= 1 and keys[i - 1] == "the" else i
        if k >= 1 and keys[k - 1] == "of" and all(doc.joined(j, j + 1) for j in range(k - 1, i)):
            if any(k - 1 - len(noun) >= 0 and tuple(keys[k - 1 - len(noun) : k - 1]) == noun for noun in nouns):
                return True
        j = last + 3 if last + 2 < n and keys[last + 1] == "'" and keys[last + 2] == "s" else -1
        if j < 0:
            return False
        if j < n and (keys[j].isdigit() or keys[j] in self._words.counts):
            j += 1
        return any(tuple(keys[j : j + len(noun)]) == noun for noun in nouns)



    def _org_title_before(self, doc: Doc, previous: tuple[int, int, EntityMention], i: int) -> bool:
        """True when token i follows an organisation and its office: "NATO's secretary general", "IAEA chief"."""
        _first, org_last, org = previous
        if org.kind is not EntityKind.ORGANIZATION or not org_last < i - 1 <= org_last + 6:
            return False
        titles = self._words.titles
        offices = 0
        for k in range(org_last + 1, i):
            if not doc.joined(k - 1, k):
                return False
            key = doc.keys[k]
            if key in titles and key not in JOINERS:
                offices += 1
            elif key not in ("'", "s", "-"):
                return False
        return offices > 0 and (doc.joined(i - 1, i) or doc.text[doc.ends[i - 1] : doc.starts[i]].strip() == ",")

    def _is_one_word_name(self, key: str) -> bool:
        """True when `key` alone is a name of the gazetteer ("Paris", "NATO"), not only a known surname."""
        return any(SURNAME not in v.flags for v in self._trie.get(key, {}).get(END, ()))

    def _prefers_other(self, doc: Doc, i: int, sense: Sense) -> bool:
        lo = doc.index_at(doc.starts[i] - 300)
        hi = doc.index_at(doc.starts[i] + 300)
        other, default = doc.cue_positions(sense.other_cues), doc.cue_positions(sense.default_cues)
        o = bisect.bisect_left(other, hi) - bisect.bisect_left(other, lo)
        d = bisect.bisect_left(default, hi) - bisect.bisect_left(default, lo)
        if o == d:  # the sentence does not tell: the whole text may
            o, d = len(other), len(default)
        return o > d
