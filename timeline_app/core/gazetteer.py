"""Countries, organisations and office-holders named in a text, found in one longest-match pass."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from timeline_app.core.models import EntityKind, EntityMention, EntityRole
from timeline_app.errors import RulesError
from timeline_app.paths import resource

log = logging.getLogger(__name__)

GAZETTEER_DIR = "gazetteer"
# Dotted acronyms (U.S., U.N.), words, and the joiners that matter for roles ("US-backed").
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|[-\u2010\u2011'\u2019&]")
_END = "\0"  # trie key of the entries that end at a node
_ALIAS_KINDS = frozenset({"name", "seat", "usstate", "org", "block"})
_FLAGS = frozenset({"person"})
_CONTEXT_CATEGORIES = frozenset(
    {"locative", "direction", "location_noun", "modifier_prefix", "party_suffix", "cap_before_ok", "geo_after_ok",
     "title", "name_particle", "speaker"}
)


def token_key(surface: str) -> str:
    """Case- and accent-free key of one token: "Türkiye" and "TURKIYE" share "turkiye"."""
    if surface.isascii():
        return surface.lower()
    if surface in "\u2019\u2010\u2011":
        return "'" if surface == "\u2019" else "-"
    return unicodedata.normalize("NFKD", surface).encode("ascii", "ignore").decode().lower() or surface


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

        "" when every office of theirs began after `when`; the latest office when `when` is None.
        """
        if when is None:
            return max(self.ranges, key=lambda r: r[1])[0]
        for iso, start, end in self.ranges:
            if start <= when <= end:
                return iso
        past = [r for r in self.ranges if r[1] <= when]
        return max(past, key=lambda r: r[2])[0] if past else ""


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

    def _rows(self, name: str, min_cols: int, max_cols: int) -> list[tuple[int, list[str], str]]:
        path = self.directory / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise RulesError(f"{path}: cannot read the gazetteer file ({e.strerror}); reinstall the app's resources.") from e
        rows = []
        for no, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not min_cols <= len(cols) <= max_cols:
                raise RulesError(f"{path}:{no}: expected {min_cols} to {max_cols} tab-separated columns, found {len(cols)}")
            rows.append((no, [c.strip() for c in cols], f"{path}:{no}"))
        return rows

    def _load(self) -> None:
        for _no, (code, name), where in self._rows("countries.tsv", 2, 2):
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise RulesError(f"{where}: '{code}' is not an ISO 3166-1 alpha-3 code")
            self._countries[code] = name
        for _no, cols, where in self._rows("org_codes.tsv", 2, 3):
            if not re.fullmatch(r"[A-Z0-9_]+", cols[0]):
                raise RulesError(f"{where}: organisation code '{cols[0]}' must be capitals, digits and '_'")
            self._organizations[cols[0]] = cols[1]
        for _no, cols, where in self._rows("context_words.tsv", 2, 2):
            if cols[0] not in _CONTEXT_CATEGORIES:
                raise RulesError(f"{where}: unknown category '{cols[0]}' (expected one of {sorted(_CONTEXT_CATEGORIES)})")
            self._context[cols[0]] = self._context[cols[0]] | frozenset(cols[1].split())
        path = self.directory / "role_words.txt"
        try:
            self._role_words = frozenset(
                w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")
            )
        except OSError as e:
            raise RulesError(f"{path}: cannot read the gazetteer file ({e.strerror}); reinstall the app's resources.") from e

        entries: dict[tuple[str, ...], list[_Alias]] = {}
        overridden: set[tuple[str, ...]] = set()
        for _no, cols, where in self._rows("aliases_extra.tsv", 3, 4):
            alias, code, kind = cols[:3]
            flags = frozenset(f for f in (cols[3].split(",") if len(cols) > 3 else []) if f)
            self._check_alias(where, alias, code, kind, flags)
            key = self._key(alias)
            overridden.add(key)
            entries.setdefault(key, []).append(self._make(alias, code, kind, flags))
        for _no, (alias, code, kind), where in self._rows("aliases.tsv", 3, 3):
            if kind not in ("name", "seat"):
                raise RulesError(f"{where}: kind must be 'name' or 'seat', not '{kind}'")
            self._check_alias(where, alias, code, kind, frozenset())
            key = self._key(alias)
            if key not in overridden:
                entries.setdefault(key, []).append(self._make(alias, code, kind, frozenset()))
        for _no, (alias, code), where in self._rows("organizations.tsv", 2, 2):
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
        for _no, cols, where in self._rows("senses.tsv", 5, 5):
            alias, code, kind, other, default = cols
            if self._key(alias) not in entries:
                raise RulesError(f"{where}: '{alias}' is not an alias of the gazetteer")
            self._check_alias(where, alias, code, kind, frozenset())
            for cue in _cue_set(other) | _cue_set(default):
                if len(self._key(cue)) != 1:
                    raise RulesError(f"{where}: the cue '{cue}' must be a single word (no hyphen or apostrophe)")
            self._senses[" ".join(self._key(alias))] = _Sense(code, kind, _cue_set(other), _cue_set(default))
        log.debug("gazetteer: %d keys, %d countries, %d organisations", len(entries), len(self._countries), len(self._organizations))

    def _load_persons(self, entries: dict[tuple[str, ...], list[_Alias]]) -> None:
        ranges: dict[tuple[str, ...], list[tuple[str, dt.date, dt.date]]] = {}
        surfaces: dict[tuple[str, ...], tuple[str, str]] = {}
        extra_keys: set[tuple[str, ...]] = set()
        for fname in ("persons_extra.tsv", "persons.tsv"):
            for _no, (alias, iso, start, end, canonical), where in self._rows(fname, 5, 5):
                if iso not in self._countries:
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
        doc = _Doc(text, starts, ends, surfaces, keys)
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
                alias = next((v for v in variants if v.case_matches(span) and (v.kind != "person" or v.country_at(when))), None)
                if alias is None:
                    continue
                nxt = last + 1
                mention = self._mention(doc, i, last, alias, when)
                if mention is not None:
                    out.append(mention)
                    found_at.append((i, last, mention))
                    doc.matched_end = mention.end
                    doc.last_location_end = mention.end if mention.role is EntityRole.LOCATION else -1
                break
            i = nxt
        learned = self._learn_names(doc, found_at)
        if learned:
            out = sorted(out + learned, key=lambda m: (m.start, m.end))
        return out

    def _learn_names(self, doc: _Doc, found_at: list[tuple[int, int, EntityMention]]) -> list[EntityMention]:
        """Persons the text itself introduces: "Turkish Defense Minister Hulusi Akar", then "Akar".

        A name after a country's demonym and an office ("Russian Defense Minister", "his Syrian
        counterpart,") belongs to that country wherever the text uses it again.
        """
        keys, surfaces, n = doc.keys, doc.surfaces, len(doc.keys)
        titles = self._role_words | self._context["title"]
        particles = self._context["name_particle"]
        covered = bytearray(n)
        for i, last, _m in found_at:
            covered[i : last + 1] = b"\x01" * (last + 1 - i)
        learned: dict[str, str] = {}
        out: list[EntityMention] = []
        for i, last, m in found_at:
            if m.kind is not EntityKind.COUNTRY or m.role is not EntityRole.ACTOR:
                continue
            j = last + 1
            offices = 0
            while j < n and doc.joined(j - 1, j) and (keys[j] in titles or (offices and keys[j] in ("of", "-"))):
                offices += keys[j] in titles
                j += 1
            if not offices or j >= n:
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
            if j == first or _is_headline(doc.text, doc.starts[first]):
                continue  # in a headline every word is capitalised: "Syria Defense Ministers Hold"
            start, end = doc.starts[first], doc.ends[j - 1]
            name = doc.text[start:end]
            out.append(EntityMention(start, end, name, m.code, EntityKind.PERSON, EntityRole.ACTOR, name))
            covered[first:j] = b"\x01" * (j - first)
            surname = keys[j - 1]
            if learned.get(surname, m.code) != m.code:
                learned[surname] = ""  # two countries for one name: use neither
            else:
                learned.setdefault(surname, m.code)
        learned = {k: v for k, v in learned.items() if v and k not in self._trie}
        if learned:
            for k in range(n):
                if keys[k] in learned and not covered[k] and surfaces[k][:1].isupper():
                    code = learned[keys[k]]
                    out.append(EntityMention(doc.starts[k], doc.ends[k], surfaces[k], code, EntityKind.PERSON, EntityRole.ACTOR, surfaces[k]))
        return out

    def _mention(self, doc: _Doc, i: int, last: int, alias: _Alias, when: dt.date | None) -> EntityMention | None:
        code, kind = alias.code, alias.kind
        key = " ".join(doc.keys[i : last + 1])
        sense = self._senses.get(key)
        if sense is not None and self._prefers_other(doc, i, sense):
            code, kind = sense.other_code, sense.other_kind
        if "person" in alias.flags and self._is_person_name(doc, i, last, key):
            return None
        if code == "-" or kind == "block":
            return None
        start, end = doc.starts[i], doc.ends[last]
        if kind == "person":
            return EntityMention(start, end, doc.text[start:end], alias.country_at(when), EntityKind.PERSON, EntityRole.ACTOR, alias.name)
        if kind == "org":
            return EntityMention(start, end, doc.text[start:end], code, EntityKind.ORGANIZATION, self._role(doc, i, last, kind), alias.name)
        name = self._countries[code]
        return EntityMention(start, end, doc.text[start:end], code, EntityKind.COUNTRY, self._role(doc, i, last, kind), name)

    def _prefers_other(self, doc: _Doc, i: int, sense: _Sense) -> bool:
        lo = doc.index_at(doc.starts[i] - 300)
        hi = doc.index_at(doc.starts[i] + 300)
        other, default = doc.cue_positions(sense.other_cues), doc.cue_positions(sense.default_cues)
        o = bisect.bisect_left(other, hi) - bisect.bisect_left(other, lo)
        d = bisect.bisect_left(default, hi) - bisect.bisect_left(default, lo)
        if o == d:  # the sentence does not tell: the whole text may
            o, d = len(other), len(default)
        return o > d

    def _is_person_name(self, doc: _Doc, i: int, last: int, key: str) -> bool:
        """True when a name that is also a person's name is used as one ("Michael Jordan")."""
        ok_before = self._context["cap_before_ok"]
        ok_after = self._context["geo_after_ok"] | self._role_words
        prev = i - 1
        if prev >= 0 and doc.joined(prev, i):
            s = doc.surfaces[prev]
            if s[:1].isupper() and doc.keys[prev] not in ok_before and doc.keys[prev] not in self._role_words and doc.starts[prev] >= doc.matched_end:
                doc.person_names.add(key)
                return True
        nxt = last + 1
        if nxt < len(doc.keys) and doc.joined(last, nxt):
            s = doc.surfaces[nxt]
            if s[:1].isupper() and s[1:2].islower() and doc.keys[nxt] not in ok_after and _END not in self._trie.get(doc.keys[nxt], {}):
                doc.person_names.add(key)
                return True
        if key in doc.person_names:
            before = doc.keys[prev] if prev >= 0 else ""
            return before not in self._context["locative"] and before not in ("to", "from", "of", "into")
        return False

    def _role(self, doc: _Doc, i: int, last: int, kind: str) -> EntityRole:
        if kind == "usstate":
            return EntityRole.LOCATION
        keys, n = doc.keys, len(doc.keys)
        # "US-backed", "Iranian-made", "Russian-language"; but "US-Russia talks" names two actors.
        if last + 2 < n and keys[last + 1] == "-" and doc.joined(last, last + 1) and doc.joined(last + 1, last + 2):
            after = doc.surfaces[last + 2]
            if (after[:1].islower() or after.isdigit()) and keys[last + 2] not in self._context["party_suffix"]:
                return EntityRole.MODIFIER
            if last + 3 < n and keys[last + 3] in self._context["location_noun"] and doc.joined(last + 2, last + 3):
                return EntityRole.LOCATION  # "the Turkish-Syrian border"
        if i >= 2 and keys[i - 1] == "-" and doc.joined(i - 2, i - 1) and doc.joined(i - 1, i):
            if keys[i - 2] in self._context["modifier_prefix"]:
                return EntityRole.MODIFIER
        possessor = last + 2 < n and keys[last + 1] == "'" and keys[last + 2] == "s" and doc.joined(last, last + 1)
        if kind != "seat" and not possessor:  # "in Chile's favour" names Chile as a party, not a place
            direction, locative = self._context["direction"], self._context["locative"]
            k = i - 1
            steps = 0
            while k >= 0 and steps < 6 and doc.joined(k, k + 1):
                if keys[k] in locative:
                    if k >= 1 and keys[k - 1] in self._context["speaker"] and doc.joined(k - 1, k):
                        return EntityRole.ACTOR  # "officials in Washington said": the government speaks
                    return EntityRole.LOCATION
                if keys[k] not in direction:
                    break
                k -= 1
                steps += 1
            if last + 1 < n and keys[last + 1] in self._context["location_noun"] and doc.joined(last, last + 1):
                return EntityRole.LOCATION
            # "in Baghdad and Oman": a name joined to a location by "and", "or" or a comma is one too.
            if doc.last_location_end >= 0 and i >= 1 and keys[i - 1] in ("and", "or") and doc.joined(i - 1, i):
                gap = doc.text[doc.last_location_end : doc.starts[i - 1]]
                if gap.strip() in ("", ","):
                    return EntityRole.LOCATION
            if doc.last_location_end >= 0 and doc.text[doc.last_location_end : doc.starts[i]].strip() == ",":
                # "in Geneva, Vienna and Doha", but not "in Syria, Iran said"
                follow = doc.text[doc.ends[last] : doc.ends[last] + 6].lstrip()
                if follow.startswith((",", "and ", "or ")):
                    return EntityRole.LOCATION
        return EntityRole.ACTOR


def _is_headline(text: str, offset: int) -> bool:
    """True when the line around `offset` has most of its words capitalised, as a title does."""
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    words = re.findall(r"[^\W\d_]{3,}", text[a : len(text) if b < 0 else b])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


class _Doc:
    """The tokens of one text being tagged, with the facts gathered about it along the way."""

    __slots__ = ("text", "starts", "ends", "surfaces", "keys", "person_names", "matched_end", "last_location_end", "_cue_counts", "_index")

    def __init__(self, text: str, starts: list[int], ends: list[int], surfaces: list[str], keys: list[str]) -> None:
        self.text, self.starts, self.ends, self.surfaces, self.keys = text, starts, ends, surfaces, keys
        self.person_names: set[str] = set()
        self.matched_end = -1  # end of the last name found: a name before a name is no first name
        self.last_location_end = -1  # end of the last name found, when it was a location
        self._cue_counts: dict[frozenset[str], list[int]] = {}
        self._index: dict[str, list[int]] | None = None

    def cue_positions(self, cues: frozenset[str]) -> list[int]:
        """Sorted token positions of the cue words, found once per text through a token index."""
        if cues not in self._cue_counts:
            if self._index is None:
                self._index = {}
                for pos, k in enumerate(self.keys):
                    self._index.setdefault(k, []).append(pos)
            hits: list[int] = []
            for cue in cues:
                found = self._index.get(token_key(cue), [])
                if cue.islower():  # a lower-case cue matches in any case
                    hits.extend(found)
                else:  # a capitalised cue matches exactly
                    hits.extend(p for p in found if self.surfaces[p] == cue)
            self._cue_counts[cues] = sorted(set(hits))
        return self._cue_counts[cues]

    def joined(self, a: int, b: int) -> bool:
        """True when tokens a and b (a < b, adjacent) are separated only by blanks on one line."""
        gap = self.text[self.ends[a] : self.starts[b]]
        return not gap or (gap.isspace() and "\n" not in gap)

    def index_at(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, max(0, offset))
