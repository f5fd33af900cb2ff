"""The gazetteer's tables from resources/gazetteer: names in a token trie, senses, context words, persons, groups."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from timeline_app.core.extract.actors import ContextWords, token_key
from timeline_app.core.extract.countries import read_country_names
from timeline_app.core.extract.groups import OPEN, GroupTable
from timeline_app.core.extract.surnames import surname_table
from timeline_app.core.tables import collector_paused, date_period, read_tsv
from timeline_app.errors import RulesError

log = logging.getLogger(__name__)

# Dotted acronyms (U.S., U.N.), words, and the joiners that matter for roles ("US-backed").
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|[-\u2010\u2011'\u2019&]")
END = "\0"  # trie key of the entries that end at a node
_ALIAS_KINDS = frozenset({"name", "seat", "office", "usstate", "org", "block"})
# person: also a person's name ("Jordan"); compound: the first part of compounds with an office word
# ("Bundes" of "Bundesregierung"), in a language whose tables list such parts.
_FLAGS = frozenset({"person", "compound"})
SURNAME = "surname"  # flag of a person's alias made from part of a name: it needs an office or an initial before it
ISSUER_REFS = "issuer_refs.tsv"
_CONTEXT_CATEGORIES = frozenset(
    {"locative", "direction", "location_noun", "location_agent", "intrusion", "intrusion_noun", "side_noun", "side_opener", "treaty_noun", "topic_noun", "modifier_prefix", "party_suffix", "cap_before_ok", "geo_after_ok",
     "title", "name_particle", "speaker", "topic_verb", "topic_opener", "topic_end", "envoy_title",
     "venue_opener", "venue_noun", "venue_noun_before", "venue_link", "modifier_noun", "modifier_noun_before", "chair_noun",
     "chair_noun_after", "member_noun", "join_verb", "among_opener", "among_rank", "feeling", "former", "member_from", "formal_name",
     "count", "locative_bare", "location_noun_before", "name_noun_before", "name_link",
     "comparison", "comparison_opening", "comparison_apposition", "language_noun", "currency_noun", "non_state_noun", "firm_noun", "firm_sector", "firm_target", "host_word", "venue_word", "between_word", "host_acts", "list_glue", "home_article",
     "honorific", "office_end", "common_word", "appointment_verb", "place_opener", "not_a_place", "feature_noun", "private_people"}
)


@dataclass(frozen=True)
class Alias:
    """One way of writing a name, as listed in a resource file."""

    tokens: tuple[str, ...]  # surface tokens as written in the file: they set the case rule
    code: str  # ISO3, organisation code, or "-" for a blocking phrase
    kind: str  # name, seat, usstate, org, block, person
    name: str
    flags: frozenset[str] = frozenset()
    ranges: tuple[tuple[str, dt.date, dt.date], ...] = ()  # persons: (iso3, from, to)
    cues: frozenset[str] = frozenset()  # groups: words one of which the text must hold

    @functools.cached_property
    def _case_rules(self) -> tuple[int, ...]:
        # Per token (see case_rule); worked out at the first match, not for the 27,000 persons' lines.
        return tuple(map(case_rule, self.tokens))

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



@dataclass(frozen=True)
class Sense:
    other_code: str
    other_kind: str
    other_cues: frozenset[str]
    default_cues: frozenset[str]


def _cue_set(raw: str) -> frozenset[str]:
    return frozenset(w.strip() for w in raw.split("|") if w.strip())


class Lexicon:
    """Every table of one gazetteer folder, checked line by line (errors name `path:line`)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.countries: dict[str, str] = {}
        self.organizations: dict[str, str] = {}
        self.trie: dict = {}
        self.senses: dict[str, Sense] = {}
        self.context: dict[str, frozenset[str]] = {c: frozenset() for c in _CONTEXT_CATEGORIES}
        self.role_words: frozenset[str] = frozenset()
        self.person_ranges: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
        # The day after the last date persons.tsv writes: its open terms are known to run to that day, not beyond.
        self.generated_until = dt.date.max
        with collector_paused():
            self._load()

    def _rows(self, name: str, min_cols: int, max_cols: int) -> list[tuple[list[str], str]]:
        return read_tsv(self.directory / name, min_cols, max_cols)

    def _load(self) -> None:
        self.countries = read_country_names(self.directory)
        for cols, where in self._rows("org_codes.tsv", 2, 3):
            if not re.fullmatch(r"[A-Z0-9_]+", cols[0]):
                raise RulesError(f"{where}: organisation code '{cols[0]}' must be capitals, digits and '_'")
            self.organizations[cols[0]] = cols[1]
        for cols, where in self._rows("context_words.tsv", 2, 2):
            if cols[0] not in _CONTEXT_CATEGORIES:
                raise RulesError(f"{where}: unknown category '{cols[0]}' (expected one of {sorted(_CONTEXT_CATEGORIES)})")
            self.context[cols[0]] = self.context[cols[0]] | frozenset(cols[1].split())
        self.role_words = frozenset(cols[0] for cols, _where in self._rows("role_words.txt", 1, 1))
        self.first_surname_states = frozenset(self._state_column("first_surnames.tsv"))

        entries: dict[tuple[str, ...], list[Alias]] = {}
        overridden: set[tuple[str, ...]] = set()
        self.groups = GroupTable(self.directory, frozenset(self.countries))
        self.org_states: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
        for (org, iso, start, end), where in self._rows("org_states.tsv", 4, 4):
            if org not in self.organizations or iso not in self.countries:
                raise RulesError(f"{where}: '{org}' must be a code of org_codes.tsv and '{iso}' one of countries.tsv")
            self.org_states.setdefault(org, []).append((iso, *date_period(start, end, where)))
        for phrase, group in self.groups.phrases():
            # A group phrase comes before any other sense of its words: "G7" names seven states.
            key = key_of(phrase)
            overridden.add(key)
            code = "" if group.group == OPEN else group.group
            entries.setdefault(key, []).append(
                Alias(tuple(TOKEN.findall(phrase)), code, "group", phrase, cues=group.cues))
        for (phrase, what), where in self._rows(ISSUER_REFS, 2, 2):
            if what not in ("state", "speaker", "members", "organisation", "opening"):
                raise RulesError(f"{where}: what must be 'state', 'speaker', 'members', 'organisation' or 'opening', "
                                 f"not '{what}'")
            key = key_of(phrase)
            overridden.add(key)
            entries.setdefault(key, []).append(Alias(tuple(TOKEN.findall(phrase)), what, "issuer", phrase))
        for fname in ("offices.tsv", "aliases_extra.tsv"):
            self._load_extra(fname, entries, overridden)
        for (alias, code, kind), where in self._rows("aliases.tsv", 3, 3):
            if kind not in ("name", "seat"):
                raise RulesError(f"{where}: kind must be 'name' or 'seat', not '{kind}'")
            self.check_alias(where, alias, code, kind, frozenset())
            key = key_of(alias)
            if key not in overridden:
                entries.setdefault(key, []).append(self.alias(alias, code, kind, frozenset()))
        for (alias, code), where in self._rows("organizations.tsv", 2, 2):
            self.check_alias(where, alias, code, "org", frozenset())
            key = key_of(alias)
            if key not in overridden:
                entries.setdefault(key, []).append(self.alias(alias, code, "org", frozenset()))
        self._load_persons(entries)
        for key, variants in entries.items():
            node = self.trie
            for k in key:
                node = node.setdefault(k, {})
            node.setdefault(END, []).extend(variants)
        for cols, where in self._rows("senses.tsv", 5, 5):
            alias, code, kind, other, default = cols
            if key_of(alias) not in entries:
                raise RulesError(f"{where}: '{alias}' is not an alias of the gazetteer")
            self.check_alias(where, alias, code, kind, frozenset())
            for cue in _cue_set(other) | _cue_set(default):
                if len(key_of(cue)) != 1:
                    raise RulesError(f"{where}: the cue '{cue}' must be a single word (no hyphen or apostrophe)")
            self.senses[" ".join(key_of(alias))] = Sense(code, kind, _cue_set(other), _cue_set(default))
        self.words = ContextWords(dict(self.context), self.role_words)
        log.debug("gazetteer: %d keys, %d countries, %d organisations", len(entries), len(self.countries), len(self.organizations))

    def _state_column(self, fname: str) -> list[str]:
        """The first column of a table of states, each checked against countries.tsv."""
        out = []
        for (iso, _name), where in self._rows(fname, 2, 2):
            if iso not in self.countries:
                raise RulesError(f"{where}: '{iso}' is not a country code of countries.tsv")
            out.append(iso)
        return out

    def _load_extra(self, fname: str, entries: dict[tuple[str, ...], list[Alias]], overridden: set[tuple[str, ...]]) -> None:
        """Hand-written lines (offices.tsv, aliases_extra.tsv): each replaces the generated lines of its alias."""
        for cols, where in self._rows(fname, 3, 4):
            alias, code, kind = cols[:3]
            flags = frozenset(f for f in (cols[3].split(",") if len(cols) > 3 else []) if f)
            self.check_alias(where, alias, code, kind, flags)
            key = key_of(alias)
            overridden.add(key)
            entries.setdefault(key, []).append(self.alias(alias, code, kind, flags))

    def _load_persons(self, entries: dict[tuple[str, ...], list[Alias]]) -> None:
        # 27,000 lines, the largest table of all, read by every worker at start-up: each alias is
        # tokenised once, and each period read once however many persons share it.
        ranges: dict[tuple[str, ...], list[tuple[str, dt.date, dt.date]]] = {}
        surfaces: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}
        periods: dict[tuple[str, str], tuple[dt.date, dt.date]] = {}
        extra_keys: set[tuple[str, ...]] = set()
        last_written = ""
        open_keys: set[tuple[str, ...]] = set()  # generated aliases with an open term
        for fname in ("persons_extra.tsv", "persons.tsv"):
            for (alias, iso, start, end, canonical), where in self._rows(fname, 5, 5):
                if fname == "persons_extra.tsv" and iso in self.organizations:
                    iso = ""  # years spent leading an organisation: the person acts for no state then
                elif iso not in self.countries:
                    raise RulesError(f"{where}: '{iso}' is not a country code of countries.tsv")
                period = periods.get((start, end))
                if period is None:
                    period = periods[start, end] = date_period(start, end, where)
                tokens = tuple(TOKEN.findall(alias))
                key = tuple(map(str.lower, tokens)) if alias.isascii() else tuple(map(token_key, tokens))
                if not key:
                    raise RulesError(f"{where}: empty alias")
                if fname == "persons_extra.tsv":
                    extra_keys.add(key)
                elif key in extra_keys:
                    continue
                else:
                    last_written = max(last_written, start, end)
                    if not end:
                        open_keys.add(key)
                ranges.setdefault(key, []).append((iso, *period))
                surfaces.setdefault(key, (tokens, canonical))
        for key, rs in ranges.items():
            tokens, canonical = surfaces[key]
            known = self.person_ranges.setdefault(canonical, [])
            known.extend(r for r in rs if r not in known)
            entries.setdefault(key, []).append(Alias(tokens, "", "person", canonical, frozenset(), tuple(rs)))
        # After every table: a surname that is also a place, a state, an organisation or a common word stays unread.
        blocked = self.role_words.union(*self.context.values())
        if last_written:
            self.generated_until = dt.date.fromisoformat(last_written) + dt.timedelta(days=1)
        # A generated open term ends, for a surname read alone, on generated_until (surname_state).
        until = self.generated_until
        rows = ((surfaces[k][0], surfaces[k][1], [(iso, a, min(b, until)) for iso, a, b in rs] if k in open_keys else rs)
                for k, rs in ranges.items())
        for key, (surface, canonical, periods, alone) in surname_table(rows, entries, blocked, self.first_surname_states).items():
            entries[key] = [Alias(surface, "", "person", canonical, frozenset() if alone else frozenset({SURNAME}), periods)]

    def check_alias(self, where: str, alias: str, code: str, kind: str, flags: frozenset[str]) -> None:
        """RulesError naming `where` unless the kind, flags and code of a table's alias line are known."""
        if kind not in _ALIAS_KINDS:
            raise RulesError(f"{where}: unknown kind '{kind}' (expected one of {sorted(_ALIAS_KINDS)})")
        if not flags <= _FLAGS:
            raise RulesError(f"{where}: unknown flags {sorted(flags - _FLAGS)}")
        if not key_of(alias):
            raise RulesError(f"{where}: the alias has no word in it")
        if kind == "block" or code == "-":
            if code != "-" and kind == "block":
                raise RulesError(f"{where}: a 'block' line takes the code '-'")
            return
        if kind == "org":
            if code not in self.organizations:
                raise RulesError(f"{where}: '{code}' is not an organisation code of org_codes.tsv")
        elif code not in self.countries:
            raise RulesError(f"{where}: '{code}' is not a country code of countries.tsv")

    def alias(self, alias: str, code: str, kind: str, flags: frozenset[str]) -> Alias:
        """The Alias of a checked table line, named by its country's or organisation's display name."""
        if kind == "org":
            name = self.organizations[code]
        elif code == "-":
            name = alias
        else:
            name = self.countries[code]
        return Alias(tuple(TOKEN.findall(alias)), code, kind, name, flags)


def key_of(alias: str) -> tuple[str, ...]:
    """The trie key of a phrase: its tokens' case- and accent-free keys."""
    return tuple(map(token_key, TOKEN.findall(alias)))


def case_rule(token: str) -> int:
    """How a text's token must be written to match `token` of a table: 2 in capitals, 1 with a
    capital initial, 0 in any case."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return 2  # an acronym: "US" is not "us" or "Us"
    if token[:1].isupper():
        return 1  # a proper name: "Turkey" is not the bird "turkey"
    return 0
