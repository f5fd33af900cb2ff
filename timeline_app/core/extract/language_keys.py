"""How the words of another language's text become gazetteer keys: folded, proclitics split off, inflected forms read back."""

from __future__ import annotations

import re

from timeline_app.core.extract.actors import Doc, token_key
from timeline_app.core.extract.lexicon import END, TOKEN, Alias
from timeline_app.core.reading import Reading

# Words looked up once per language and process: an import meets the same words again and again.
_CACHE_LIMIT = 200_000
# The English tokens, and abbreviations of doubled letters written with full stops: "EE.UU." is one word.
WORDS = re.compile(r"(?:[^\W\d_]{2,3}\.){2,}|" + TOKEN.pattern)
_JOINING_MARKS = "\u0651"  # the Arabic shadda


class LanguageKeys:
    """The keys a language's words stand for, read with its fold.txt, proclitics.txt, articles.txt
    and inflection.txt: "России" -> "россия", "بالرياض" -> "ب" + "رياض", "Deutschlands" -> "deutschland"."""

    def __init__(self, reading: Reading, articles: tuple[str, ...]) -> None:
        self.reading = reading
        self.articles = tuple(sorted(articles, key=len, reverse=True))
        # The inflection rules on keys: (ending of a form, ending of the form the tables list, the rule's
        # own ending, which the form read back must end with: "(?<=[sz])" takes "portuguesa", not "EUA").
        self.endings = tuple((self._plain(other), self._plain(rule.base), rule.ending) for rule in reading.inflections
                             if rule.base is not None for other in rule.others)
        self.proclitics = tuple(sorted(reading.proclitics, key=len, reverse=True))
        self.vocabulary: frozenset[str] = frozenset()  # every key the tables hold; set once they are read
        # Keys that are words of their own (a one-word name, a context or office word), not only the start
        # of a longer name: a form read as one of them is that word to the rules of the sentence.
        self.words: frozenset[str] = frozenset()
        # German compounds: a listed first part ("Bundes") before an office word names that part's state.
        self.compound_heads: tuple[str, ...] = ()
        self.compound_tails: frozenset[str] = frozenset()
        self.shared_offices: dict[str, tuple[str, ...]] = {}  # office words several states share (shared_offices.tsv)
        self._alternatives: dict[str, tuple[str, ...]] = {}
        # A mark the fold does not read and that doubles a letter (the shadda of "عمّان") is no word character
        # to the regular expressions: the word keeps it, in the text and in the tables alike. Vowel marks stay
        # word breaks: the fold would make "عُمان" (Oman) and "عَمّان" (Amman) one word.
        marks = "".join(m for m in _JOINING_MARKS if reading.fold.get(ord(m), "x") in ("", None))
        self.words_pattern = WORDS if not marks else re.compile(
            WORDS.pattern.replace(r"[^\W_]+", rf"(?:[^\W_]|[{marks}])+", 1))

    def _plain(self, word: str) -> str:
        """The case- and accent-free form of a word, in the language's fold."""
        folded = word.translate(self.reading.fold) if self.reading.fold else word
        key = token_key(folded)
        return folded.lower() if key == folded else key  # scripts token_key cannot make ASCII stay as written

    def key(self, word: str) -> str:
        """The key of a word as the tables list it: plain, without a fused definite article ("الصين" -> "صين")."""
        key = self._plain(word)
        for article in self.articles:
            if key.startswith(article) and len(key) - len(article) >= 2:
                return key[len(article):]
        return key

    def alternatives(self, word: str) -> tuple[str, ...]:
        """The keys of the tables `word` may be a form of, its own first; (its own key,) when none is."""
        found = self._alternatives.get(word)
        if found is None:
            key = self.key(word)
            vocabulary = self.vocabulary
            out = [key] if key in vocabulary else []
            for ending, base, own in self.endings:
                if key.endswith(ending) and len(key) > len(ending) + 1:
                    other = key[: len(key) - len(ending)] + base
                    if other in vocabulary and other not in out and own.search(other):
                        out.append(other)
            if not out and self.compound_heads:
                out.extend(self._compound_head(key))
            if len(out) > 1:  # "französische" is a word of "Französische Süd- und Antarktisgebiete", and "französisch"
                out.sort(key=lambda k: k not in self.words)
            found = tuple(out) or (key,)
            if len(self._alternatives) > _CACHE_LIMIT:
                self._alternatives.clear()
            self._alternatives[word] = found
        return found

    def _compound_head(self, key: str) -> list[str]:
        """The listed first part of a compound that ends in an office word ("bundesregierung" -> "bundes")."""
        for head in self.compound_heads:
            rest = key[len(head):]
            if key.startswith(head) and any(rest[k:] in self.compound_tails for k in range(len(rest) - 3)):
                return [head]
        return []

    def _proclitic(self, word: str) -> int:
        """The length of a proclitic written fused to a word the tables know ("وإيران", "بالرياض"), else 0."""
        for p in self.proclitics:
            if word.startswith(p) and len(word) > len(p) + 1 and self.alternatives(word[len(p):])[0] in self.vocabulary:
                return len(p)
        return 0

    def read(self, text: str, issuer: str) -> tuple[Doc, list[tuple[str, ...]]]:
        """The tokens of `text` (a proclitic apart from its word) and the keys each may stand for."""
        starts: list[int] = []
        ends: list[int] = []
        surfaces: list[str] = []
        for m in self.words_pattern.finditer(text):
            start, word = m.start(), m.group()
            cut = self._proclitic(word) if self.proclitics else 0
            if cut:
                starts.append(start)
                ends.append(start + cut)
                surfaces.append(word[:cut])
            starts.append(start + cut)
            ends.append(m.end())
            surfaces.append(word[cut:])
        alternatives = [self.alternatives(s) for s in surfaces]
        return Doc(text, starts, ends, surfaces, [a[0] for a in alternatives], issuer), alternatives


def walk(trie: dict, doc: Doc, i: int, alternatives: list[tuple[str, ...]]) -> list[tuple[int, list[Alias], tuple[str, ...]]]:
    """Every entry of the trie that the tokens from i spell in some reading of their forms, shortest first
    and, of one length, the reading of the first alternatives last: (last token, the entry's aliases, the keys read)."""
    found: list[tuple[int, tuple[int, ...], list[Alias], tuple[str, ...]]] = []
    n = len(alternatives)
    stack: list[tuple[int, dict, tuple[str, ...], tuple[int, ...]]] = [(i, trie, (), ())]
    while stack:
        j, node, read, rank = stack.pop()
        for r, key in enumerate(alternatives[j]):
            child = node.get(key)
            if child is None:
                continue
            keys, ranks = (*read, key), (*rank, -r)
            if END in child:
                found.append((j, ranks, child[END], keys))
            if j + 1 < n and doc.joined(j, j + 1):
                stack.append((j + 1, child, keys, ranks))
    found.sort(key=lambda f: f[:2])
    return [(j, aliases, keys) for j, _rank, aliases, keys in found]
