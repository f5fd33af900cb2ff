"""One language's gazetteer tables (resources/gazetteer/<lang>/) laid over the English lexicon."""

from __future__ import annotations

import logging
from pathlib import Path

from timeline_app.core.extract.actors import ContextWords
from timeline_app.core.extract.groups import NAMES_FILE, OPEN
from timeline_app.core.extract.language_keys import LanguageKeys
from timeline_app.core.extract.lexicon import END, ISSUER_REFS, Alias, Lexicon
from timeline_app.core.reading import load_reading
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError

log = logging.getLogger(__name__)

# The hand-written tables, each replacing the lines of names.tsv (written from CLDR) with the same key;
# the first a key appears in wins over the later ones.
SHARED_OFFICES = "shared_offices.tsv"
_HAND_WRITTEN = ("offices.tsv", "aliases.tsv", "demonyms.tsv")
_KINDS = {"offices.tsv": ("seat", "office", "block"), "aliases.tsv": ("name", "seat", "office", "org", "block"),
          "demonyms.tsv": ("name",)}


class LanguageLexicon:
    """The tables of one language folder over the English ones: its names join the English names in one
    trie (a key it lists is read its way), its context and office words replace the English words."""

    def __init__(self, base: Lexicon, directory: Path) -> None:
        self.directory = directory
        articles = tuple(cols[0] for cols, _ in self._rows("articles.txt", 1, 1)) if (directory / "articles.txt").exists() else ()
        self.keys = LanguageKeys(load_reading(directory), articles)
        self.countries = base.countries
        self.organizations = base.organizations
        self.senses = base.senses
        self.groups = base.groups
        self.org_states = base.org_states
        self.person_ranges = base.person_ranges
        self.generated_until = base.generated_until
        entries: dict[tuple[str, ...], list[Alias]] = {}
        self._load_groups(base, entries)
        for name in _HAND_WRITTEN:
            self._load_aliases(base, name, entries)
        self._load_aliases(base, "names.tsv", entries)
        if (directory / "cities.tsv").exists():  # written from GeoNames where the language has its own script
            self._load_aliases(base, "cities.tsv", entries)
        self._load_persons(entries)
        self.issuer_links = self._load_issuer_refs(entries)
        self.context = {category: frozenset() for category in base.context}
        for (category, words), where in self._rows("context_words.tsv", 2, 2):
            if category not in self.context:
                raise RulesError(f"{where}: unknown category '{category}' (expected one of {sorted(self.context)})")
            self.context[category] = self.context[category] | frozenset(self.keys.key(w) for w in words.split())
        self.role_words = frozenset(self.keys.key(cols[0]) for cols, _ in self._rows("role_words.txt", 1, 1))
        # "franco-allemand", "российско-китайские": a name before a hyphen and an adjective of a state is a party.
        adjectives = frozenset(key[0] for key in entries if len(key) == 1 and key[0].islower())
        self.context["party_suffix"] = self.context["party_suffix"] | adjectives
        self.words = ContextWords(dict(self.context), self.role_words)
        self.keys.compound_heads = tuple(sorted({key[0] for key, aliases in entries.items()
                                                 if any("compound" in a.flags for a in aliases)}, key=len, reverse=True))
        self.keys.compound_tails = self.role_words
        self.keys.shared_offices = self._load_shared(base)
        self.trie = _merged(base.trie, entries)
        words = self.role_words | frozenset().union(*self.context.values())
        self.keys.vocabulary = _vocabulary(self.trie) | words
        self.keys.words = words | frozenset(k for k, node in self.trie.items() if END in node)
        log.debug("gazetteer %s: %d keys of its own", directory.name, len(entries))

    def _rows(self, name: str, min_cols: int, max_cols: int) -> list[tuple[list[str], str]]:
        return read_tsv(self.directory / name, min_cols, max_cols)

    def _key(self, phrase: str) -> tuple[str, ...]:
        return tuple(self.keys.key(m.group()) for m in self.keys.words_pattern.finditer(phrase))

    def _load_aliases(self, base: Lexicon, name: str, entries: dict[tuple[str, ...], list[Alias]]) -> None:
        ncols = 2 if name == "demonyms.tsv" else 3
        own: set[tuple[str, ...]] = set()
        for cols, where in self._rows(name, ncols, 4 if ncols == 3 else 2):
            alias, code = cols[:2]
            kind = cols[2] if ncols == 3 else "name"
            flags = frozenset(f for f in (cols[3].split(",") if len(cols) > 3 else []) if f)
            if name in _KINDS and kind not in _KINDS[name]:
                raise RulesError(f"{where}: kind must be one of {list(_KINDS[name])} in {name}, not '{kind}'")
            base.check_alias(where, alias, code, kind, flags)
            key = self._key(alias)
            if key in entries and key not in own:
                continue  # an earlier table's line for the same words wins
            own.add(key)
            made = base.alias(alias, code, kind, flags)
            tokens = tuple(m.group() for m in self.keys.words_pattern.finditer(alias))  # "EE.UU." is one word, as the text is read
            entries.setdefault(key, []).append(Alias(tokens, made.code, made.kind, made.name, made.flags))

    def _load_issuer_refs(self, entries: dict[tuple[str, ...], list[Alias]]) -> frozenset[str]:
        """The language's issuer_refs.tsv (optional): words that stand for a statement's issuer ("nous", "le
        ministère", "МИД"), tried before any other sense of the same words (with no issuer they name
        nobody and the other sense is read); returns its link words, those that may stand between such an
        office word and the state that owns it instead ("la ministre des Affaires étrangères du Mali")."""
        if not (self.directory / ISSUER_REFS).exists():
            return frozenset()
        links: set[str] = set()
        for (phrase, what), where in self._rows(ISSUER_REFS, 2, 2):
            if what == "link":
                links.update(w.lower() for w in phrase.split())
                continue
            if what not in ("state", "speaker"):
                raise RulesError(f"{where}: what must be 'state', 'speaker' or 'link', not '{what}'")
            key = self._key(phrase)
            if not key:
                raise RulesError(f"{where}: empty phrase")
            tokens = tuple(m.group() for m in self.keys.words_pattern.finditer(phrase))
            entries[key] = [Alias(tokens, what, "issuer", phrase)] + entries.get(key, [])
        return frozenset(links)

    def _load_shared(self, base: Lexicon) -> dict[str, tuple[str, ...]]:
        """The language's shared_offices.tsv (optional): office words several states' offices share, each
        with those states, the first where the text tells none of the others ("Bundesrat": DEU CHE AUT); a word
        stands for the words it begins ("Bundeskanzler" for "Bundeskanzlerin")."""
        if not (self.directory / SHARED_OFFICES).exists():
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for (word, states), where in self._rows(SHARED_OFFICES, 2, 2):
            codes = tuple(states.split())
            unknown = [c for c in codes if c not in base.countries]
            if len(codes) < 2 or unknown:
                raise RulesError(f"{where}: two or more ISO 3166-1 alpha-3 codes wanted, not '{states}'")
            out[word.lower()] = codes
        return out

    def _load_groups(self, base: Lexicon, entries: dict[tuple[str, ...], list[Alias]]) -> None:
        """The language's group_names.tsv (optional): phrases that name a group's members ("die fünf
        UN-Vetomächte", "les Vingt-Sept"), before any other sense of their words, as in English."""
        if not (self.directory / NAMES_FILE).exists():
            return
        for cols, where in self._rows(NAMES_FILE, 3, 4):
            phrase, group, how = cols[:3]
            if how not in ("name", "open") or (group == OPEN) != (how == "open"):
                raise RulesError(f"{where}: how must be 'name' (a group of ../group_members.tsv) or 'open' (group '{OPEN}')")
            if group != OPEN and group not in base.groups.groups():
                raise RulesError(f"{where}: '{group}' is not a group of ../group_members.tsv")
            cues = frozenset(c.strip() for c in (cols[3] if len(cols) > 3 else "").split("|") if c.strip())
            tokens = tuple(m.group() for m in self.keys.words_pattern.finditer(phrase))
            entries.setdefault(self._key(phrase), []).append(
                Alias(tokens, "" if group == OPEN else group, "group", phrase, cues=cues))

    def _load_persons(self, entries: dict[tuple[str, ...], list[Alias]]) -> None:
        for (alias, canonical), where in self._rows("persons.tsv", 2, 2):
            ranges = self.person_ranges.get(canonical)
            if not ranges:
                raise RulesError(f"{where}: '{canonical}' is not a canonical name of persons.tsv or persons_extra.tsv")
            key = self._key(alias)
            if not key:
                raise RulesError(f"{where}: empty alias")
            tokens = tuple(m.group() for m in self.keys.words_pattern.finditer(alias))
            entries.setdefault(key, []).append(Alias(tokens, "", "person", canonical, frozenset(), tuple(ranges)))


def _merged(base: dict, entries: dict[tuple[str, ...], list[Alias]]) -> dict:
    """The English trie with the language's entries, copying only the nodes on their paths: the English
    trie is shared, never changed."""
    trie = dict(base)
    own = {id(trie)}
    for key, variants in entries.items():
        node = trie
        for k in key:
            child = node.get(k)
            if child is None or id(child) not in own:
                child = {} if child is None else dict(child)
                node[k] = child
                own.add(id(child))
            node = child
        node[END] = list(variants)
    return trie


def _vocabulary(trie: dict) -> frozenset[str]:
    """Every key of the trie, at any depth."""
    out: set[str] = set()
    stack = [trie]
    while stack:
        node = stack.pop()
        for k, child in node.items():
            if k != END:
                out.add(k)
                stack.append(child)
    return frozenset(out)
