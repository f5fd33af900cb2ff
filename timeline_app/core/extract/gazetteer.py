"""Countries, organisations and office-holders named in a text, found in one longest-match pass."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline_app.core.extract.actors import ContextWords, Doc, is_person_name, learn_names, role_of, token_key
from timeline_app.core.extract.countries import GAZETTEER_DIR, read_country_names
from timeline_app.core.models import EntityKind, EntityMention, EntityRole
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

log = logging.getLogger(__name__)

# Dotted acronyms (U.S., U.N.), words, and the joiners that matter for roles ("US-backed").
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|[-\u2010\u2011'\u2019&]")
_END = "\0"  # trie key of the entries that end at a node
_ALIAS_KINDS = frozenset({"name", "seat", "usstate", "org", "block"})
_FLAGS = frozenset({"person"})
_CONTEXT_CATEGORIES = frozenset(
    {"locative", "direction", "location_noun", "location_agent", "intrusion", "treaty_noun", "topic_noun", "modifier_prefix", "party_suffix", "cap_before_ok", "geo_after_ok",
     "title", "name_particle", "speaker"}
)


@dataclass(frozen=True)
class _Alias:
    """One way of writing a name, as listed in a resource file."""

    tokens: tuple[str, ...]  # surface tokens as written in the file: they set the case rule
    code: str  # ISO3, organisation code, or "-" for a blocking phrase
    kind: str  # name, seat, usstate, org, block, person
    name: str
    flags: frozenset[str] = frozenset()
    ranges: tuple[tuple[str, dt.date, dt.date], ...] = ()  # persons: (iso3, from, to)
    # Per token: 2 = written in capitals (an acronym), 1 = capital initial, 0 = any case.
    _case_rules: tuple[int, ...] = field(init=False, default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        rules = []
        for want in self.tokens:
            letters = [c for c in want if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                rules.append(2)  # an acronym: "US" is not "us" or "Us"
            elif want[:1].isupper():
                rules.append(1)  # a proper name: "Turkey" is not the bird "turkey"
            else:
                rules.append(0)
        object.__setattr__(self, "_case_rules", tuple(rules))

    def case_matches(self, surfaces: list[str]) -> bool:
        for rule, got in zip(self._case_rules, surfaces):
            if rule == 1 and not got[:1].isupper():
                return False
            if rule == 2 and not (got.isupper() or got.replace(".", "").isupper()):
                return False
        return True

    def country_at(self, when: dt.date | None) -> str:
        """The state a person served at `when`, else the last one they served before it.

        "" when every office of theirs began after `when`, or when they then served an organisation
        (a range with no state: Stoltenberg led NATO 2014-2024); the latest office when `when` is None.
        """
        if when is None:
            return max(self.ranges, key=lambda r: r[1])[0]
        for iso, start, end in self.ranges:
            if start <= when <= end:
                return iso
        past = [r for r in self.ranges if r[1] <= when]
        return max(past, key=lambda r: r[2])[0] if past else ""

    def known_at(self, when: dt.date | None) -> bool:
        """True once the person's first office (state or organisation) has begun."""
        return when is None or any(start <= when for _iso, start, _end in self.ranges)

# Words of the office lists that also join phrases: "NATO and Stoltenberg" names no office.
_JOINERS = frozenset({"and", "or", "of", "the", "for", "to", "in", "on", "at", "with"})


@dataclass(frozen=True)
class _Sense:
    other_code: str
    other_kind: str
    other_cues: frozenset[str]
    default_cues: frozenset[str]


def _cue_set(raw: str) -> frozenset[str]:
    return frozenset(w.strip() for w in raw.split("|") if w.strip())


class Gazetteer:
    """Longest-match token table over country, organisation and person names."""

    _default: Gazetteer | None = None

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._countries: dict[str, str] = {}
        self._organizations: dict[str, str] = {}
        self._trie: dict = {}
        self._senses: dict[str, _Sense] = {}
        self._context: dict[str, frozenset[str]] = {c: frozenset() for c in _CONTEXT_CATEGORIES}
        self._role_words: frozenset[str] = frozenset()
        self._person_ranges: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
        self._load()

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of resources/gazetteer, loaded once."""
        if cls._default is None:
            cls._default = cls(resource(GAZETTEER_DIR))
        return cls._default

    # ---- public look-ups ---------------------------------------------------------------------

    def countries(self) -> dict[str, str]:
        """Every ISO 3166-1 alpha-3 code (and XKX for Kosovo) with its display name."""
        return dict(self._countries)

    def country_name(self, iso3: str) -> str:
        return self._countries.get(iso3, iso3)

    def person_country(self, name: str, when: dt.date) -> str:
        """The country the person with canonical `name` served at `when` ("" when unknown or not then)."""
        for iso, start, end in self._person_ranges.get(name, ()):
            if start <= when <= end:
                return iso
        return ""

    def organizations(self) -> dict[str, str]:
        """Every organisation code with its display name."""
        return dict(self._organizations)

    def organization_name(self, code: str) -> str:
        return self._organizations.get(code, code)

    @property
    def role_words(self) -> frozenset[str]:
        """Lower-case words that name an office or a sector (minister, ministry, army ...)."""
        return self._role_words

    def context_words(self, category: str) -> frozenset[str]:
        return self._context[category]

    # ---- loading -----------------------------------------------------------------------------

    def _rows(self, name: str, min_cols: int, max_cols: int) -> list[tuple[list[str], str]]:
        return read_tsv(self.directory / name, min_cols, max_cols)

    def _load(self) -> None:
        self._countries = read_country_names(self.directory)
        for cols, where in self._rows("org_codes.tsv", 2, 3):
            if not re.fullmatch(r"[A-Z0-9_]+", cols[0]):
                raise RulesError(f"{where}: organisation code '{cols[0]}' must be capitals, digits and '_'")
            self._organizations[cols[0]] = cols[1]
        for cols, where in self._rows("context_words.tsv", 2, 2):
            if cols[0] not in _CONTEXT_CATEGORIES:
                raise RulesError(f"{where}: unknown category '{cols[0]}' (expected one of {sorted(_CONTEXT_CATEGORIES)})")
            self._context[cols[0]] = self._context[cols[0]] | frozenset(cols[1].split())
        self._role_words = frozenset(cols[0] for cols, _where in self._rows("role_words.txt", 1, 1))

        entries: dict[tuple[str, ...], list[_Alias]] = {}
        overridden: set[tuple[str, ...]] = set()
        for cols, where in self._rows("aliases_extra.tsv", 3, 4):
            alias, code, kind = cols[:3]
            flags = frozenset(f for f in (cols[3].split(",") if len(cols) > 3 else []) if f)
            self._check_alias(where, alias, code, kind, flags)
            key = self._key(alias)
            overridden.add(key)
            entries.setdefault(key, []).append(self._make(alias, code, kind, flags))
        for (alias, code, kind), where in self._rows("aliases.tsv", 3, 3):
            if kind not in ("name", "seat"):
                raise RulesError(f"{where}: kind must be 'name' or 'seat', not '{kind}'")
            self._check_alias(where, alias, code, kind, frozenset())
            key = self._key(alias)
            if key not in overridden:
                entries.setdefault(key, []).append(self._make(alias, code, kind, frozenset()))
        for (alias, code), where in self._rows("organizations.tsv", 2, 2):
            self._check_alias(where, alias, code, "org", frozenset())
            key = self._key(alias)
            if key not in overridden:
                entries.setdefault(key, []).append(self._make(alias, code, "org", frozenset()))
        self._load_persons(entries)
        for key, variants in entries.items():
            node = self._trie
            for k in key:
                node = node.setdefault(k, {})
            node.setdefault(_END, []).extend(variants)
        for cols, where in self._rows("senses.tsv", 5, 5):
            alias, code, kind, other, default = cols
            if self._key(alias) not in entries:
                raise RulesError(f"{where}: '{alias}' is not an alias of the gazetteer")
            self._check_alias(where, alias, code, kind, frozenset())
            for cue in _cue_set(other) | _cue_set(default):
                if len(self._key(cue)) != 1:
                    raise RulesError(f"{where}: the cue '{cue}' must be a single word (no hyphen or apostrophe)")
            self._senses[" ".join(self._key(alias))] = _Sense(code, kind, _cue_set(other), _cue_set(default))
        self._words = ContextWords(dict(self._context), self._role_words)
        log.debug("gazetteer: %d keys, %d countries, %d organisations", len(entries), len(self._countries), len(self._organizations))

    def _load_persons(self, entries: dict[tuple[str, ...], list[_Alias]]) -> None:
        ranges: dict[tuple[str, ...], list[tuple[str, dt.date, dt.date]]] = {}
        surfaces: dict[tuple[str, ...], tuple[str, str]] = {}
        extra_keys: set[tuple[str, ...]] = set()
        for fname in ("persons_extra.tsv", "persons.tsv"):
            for (alias, iso, start, end, canonical), where in self._rows(fname, 5, 5):
                if fname == "persons_extra.tsv" and iso in self._organizations:
                    iso = ""  # years spent leading an organisation: the person acts for no state then
                elif iso not in self._countries:
                    raise RulesError(f"{where}: '{iso}' is not a country code of countries.tsv")
                try:
                    d0 = dt.date.fromisoformat(start) if start else dt.date.min
                    d1 = dt.date.fromisoformat(end) if end else dt.date.max
                except ValueError as e:
                    raise RulesError(f"{where}: dates must be YYYY-MM-DD or empty ({e})") from e
                if d1 < d0:
                    raise RulesError(f"{where}: the period ends before it starts")
                key = self._key(alias)
                if not key:
                    raise RulesError(f"{where}: empty alias")
                if fname == "persons_extra.tsv":
                    extra_keys.add(key)
                elif key in extra_keys:
                    continue
                ranges.setdefault(key, []).append((iso, d0, d1))
                surfaces.setdefault(key, (alias, canonical))
        for key, rs in ranges.items():
            alias, canonical = surfaces[key]
            known = self._person_ranges.setdefault(canonical, [])
            known.extend(r for r in rs if r not in known)
            entries.setdefault(key, []).append(
                _Alias(tuple(m.group() for m in _TOKEN.finditer(alias)), "", "person", canonical, frozenset(), tuple(rs))
            )

    def _check_alias(self, where: str, alias: str, code: str, kind: str, flags: frozenset[str]) -> None:
        if kind not in _ALIAS_KINDS:
            raise RulesError(f"{where}: unknown kind '{kind}' (expected one of {sorted(_ALIAS_KINDS)})")
        if not flags <= _FLAGS:
            raise RulesError(f"{where}: unknown flags {sorted(flags - _FLAGS)}")
        if not self._key(alias):
            raise RulesError(f"{where}: the alias has no word in it")
        if kind == "block" or code == "-":
            if code != "-" and kind == "block":
                raise RulesError(f"{where}: a 'block' line takes the code '-'")
            return
        if kind == "org":
            if code not in self._organizations:
                raise RulesError(f"{where}: '{code}' is not an organisation code of org_codes.tsv")
        elif code not in self._countries:
            raise RulesError(f"{where}: '{code}' is not a country code of countries.tsv")

    @staticmethod
    def _key(alias: str) -> tuple[str, ...]:
        return tuple(token_key(m.group()) for m in _TOKEN.finditer(alias))

    def _make(self, alias: str, code: str, kind: str, flags: frozenset[str]) -> _Alias:
        if kind == "org":
            name = self._organizations[code]
        elif code == "-":
            name = alias
        else:
            name = self._countries[code]
        return _Alias(tuple(m.group() for m in _TOKEN.finditer(alias)), code, kind, name, flags)

    # ---- tagging -----------------------------------------------------------------------------

    def tag(self, text: str, when: dt.date | None = None) -> list[EntityMention]:
        """Countries, organisations and persons named in `text`, sorted by start offset.

        `when` is the date persons are looked up at: the country they served then, else the last
        one they served before it (a former minister); persons whose offices all began later are
        left out. None takes each person's latest office.
        """
        starts: list[int] = []
        ends: list[int] = []
        surfaces: list[str] = []
        for m in _TOKEN.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
            surfaces.append(m.group())
        keys = [token_key(s) for s in surfaces]
        doc = Doc(text, starts, ends, surfaces, keys)
        out: list[EntityMention] = []
        found_at: list[tuple[int, int, EntityMention]] = []
        trie = self._trie
        n = len(keys)
        i = 0
        while i < n:
            node = trie.get(keys[i])
            if node is None:
                i += 1
                continue
            found: list[tuple[int, list[_Alias]]] = []
            j = i
            while True:
                if _END in node:
                    found.append((j, node[_END]))
                j += 1
                if j >= n or not doc.joined(j - 1, j):
                    break
                node = node.get(keys[j])
                if node is None:
                    break
            nxt = i + 1
            for last, variants in reversed(found):
                span = surfaces[i : last + 1]
                alias = next((v for v in variants if v.case_matches(span) and (v.kind != "person" or v.known_at(when))), None)
                if alias is None:
                    continue
                nxt = last + 1
                mention = self._mention(doc, i, last, alias, when)
                if mention is not None and mention.kind is EntityKind.PERSON and mention.code:
                    if alias.name in doc.org_officials or (found_at and self._org_title_before(doc, found_at[-1], i)):
                        # "UN Secretary-General Antonio Guterres": he acts for the UN, not for Portugal.
                        doc.org_officials.add(alias.name)
                        mention = replace(mention, code="")
                if mention is not None:
                    out.append(mention)
                    found_at.append((i, last, mention))
                    doc.matched_end = mention.end
                    doc.last_location_end = mention.end if mention.role is EntityRole.LOCATION else -1
                break
            i = nxt
        learned = learn_names(doc, found_at, self._words, self._is_one_word_alias)
        if learned:
            out = sorted(out + learned, key=lambda m: (m.start, m.end))
        return out

    def _is_one_word_alias(self, key: str) -> bool:
        """True for a word that is a whole alias ("jordan"), not only the start of one ("wang" of "Wang Yi")."""
        return _END in self._trie.get(key, ())

    def _mention(self, doc: Doc, i: int, last: int, alias: _Alias, when: dt.date | None) -> EntityMention | None:
        code, kind = alias.code, alias.kind
        key = " ".join(doc.keys[i : last + 1])
        sense = self._senses.get(key)
        if sense is not None and self._prefers_other(doc, i, sense):
            code, kind = sense.other_code, sense.other_kind
        if "person" in alias.flags and is_person_name(doc, i, last, key, self._words, self._is_one_word_name):
            return None
        if code == "-" or kind == "block":
            return None
        start, end = doc.starts[i], doc.ends[last]
        if kind == "person":
            return EntityMention(start, end, doc.text[start:end], alias.country_at(when), EntityKind.PERSON, EntityRole.ACTOR, alias.name)
        if kind == "org":
            return EntityMention(start, end, doc.text[start:end], code, EntityKind.ORGANIZATION, role_of(doc, i, last, kind, self._words), alias.name)
        name = self._countries[code]
        return EntityMention(start, end, doc.text[start:end], code, EntityKind.COUNTRY, role_of(doc, i, last, kind, self._words), name)

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
            if key in titles and key not in _JOINERS:
                offices += 1
            elif key not in ("'", "s", "-"):
                return False
        return offices > 0 and (doc.joined(i - 1, i) or doc.text[doc.ends[i - 1] : doc.starts[i]].strip() == ",")

    def _is_one_word_name(self, key: str) -> bool:
        """True when `key` alone is a name of the gazetteer ("Paris", "NATO")."""
        return _END in self._trie.get(key, {})

    def _prefers_other(self, doc: Doc, i: int, sense: _Sense) -> bool:
        lo = doc.index_at(doc.starts[i] - 300)
        hi = doc.index_at(doc.starts[i] + 300)
        other, default = doc.cue_positions(sense.other_cues), doc.cue_positions(sense.default_cues)
        o = bisect.bisect_left(other, hi) - bisect.bisect_left(other, lo)
        d = bisect.bisect_left(default, hi) - bisect.bisect_left(default, lo)
        if o == d:  # the sentence does not tell: the whole text may
            o, d = len(other), len(default)
        return o > d

