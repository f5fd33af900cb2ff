"""How a language's text is read by the rules and tables: character folding, proclitics and inflected endings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline_app.errors import RulesError

_PAIR = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"$')
_INFLECTION = re.compile(r"^(?P<ending>.*?)\s*=>\s*(?P<others>\S.*)$")
# An alternative of a repattern that is a plain word (letters, maybe a hyphen or an apostrophe):
# only those take inflected endings; a regex alternative says its forms itself.
_PLAIN_WORD = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")


@dataclass(frozen=True)
class Inflection:
    """Words ending in `ending` (a regex anchored at the word's end) also take the `others` endings."""

    ending: re.Pattern[str]
    others: tuple[str, ...]
    base: str | None  # what a form's ending is replaced by to get back the word: the plain ending, "" for a lookbehind


@dataclass(frozen=True)
class Reading:
    """The language settings of a rule folder; the English root has none of the three files."""

    fold: dict[int, str | None] = field(default_factory=dict)  # str.translate table
    deletes: bool = False  # the fold removes characters (offsets must be mapped back)
    proclitics: tuple[str, ...] = ()  # longest first
    inflections: tuple[Inflection, ...] = ()

    def fold_text(self, text: str) -> tuple[str, list[int] | None]:
        """The text as the rules read it, and where each of its characters stands in `text` (None:
        at the same place, the fold removed nothing)."""
        if not self.fold:
            return text, None
        folded = text.translate(self.fold)
        if len(folded) == len(text):
            return folded, None
        positions = [i for i, c in enumerate(text) if self.fold.get(ord(c), c) != ""]
        positions.append(len(text))
        return folded, positions

    def left_boundary(self) -> str:
        """What may stand before a rule or cue: no word character, or a proclitic that starts a word."""
        plain = r"(?<![\w$£€¥])"
        if not self.proclitics:
            return plain
        fused = "|".join(f"(?<=(?<!\\w){re.escape(p)})" for p in self.proclitics)
        return f"(?:{plain}|{fused})"

    def inflect(self, alternative: str) -> str:
        """A plain word with the endings of its inflection class ("март" -> "март(?:а|у|е|...)?")."""
        if not _PLAIN_WORD.match(alternative):
            return alternative
        # The rule whose ending is longest speaks: "прошлый" is an adjective in -ый, not a noun in -й.
        found = [(m.end() - m.start(), -i, m, rule) for i, rule in enumerate(self.inflections)
                 if (m := rule.ending.search(alternative)) is not None]
        if not found:
            return alternative
        _, _, m, rule = max(found, key=lambda f: f[:2])
        stem, own = alternative[: m.start()], alternative[m.start():]
        forms = sorted({re.escape(own), *rule.others} - {""}, key=lambda f: (-len(f), f))
        optional = "?" if own == "" else ""
        return f"{re.escape(stem)}(?:{'|'.join(forms)}){optional}"

    def base_forms(self, key: str) -> list[str]:
        """The forms `key` may be an inflection of, by the inflection rules read backwards
        ("марте" -> "март", "марть", ...); the table lookup tries each in turn."""
        out = []
        for rule in self.inflections:
            if rule.base is None:
                continue
            for other in rule.others:
                if key.endswith(other) and len(key) > len(other) + 1:
                    out.append(key[: -len(other)] + rule.base)
        return out


def load_reading(root: Path) -> Reading:
    """The optional fold.txt, proclitics.txt and inflection.txt of a rule folder, validated."""
    fold: dict[int, str | None] = {}
    deletes = False
    path = root / "fold.txt"
    for no, text in _lines(path):
        m = _PAIR.match(text)
        if not m or len(m.group(1)) != 1 or len(m.group(2)) > 1:
            raise RulesError(f'{path}:{no}: expected a line "c","d": one character and what it becomes (one or none)')
        fold[ord(m.group(1))] = m.group(2)
        deletes = deletes or m.group(2) == ""
    path = root / "proclitics.txt"
    proclitics = []
    for no, text in _lines(path):
        if not _PLAIN_WORD.match(text):
            raise RulesError(f"{path}:{no}: a proclitic is letters only, got {text!r}")
        proclitics.append(text.translate(fold))
    path = root / "inflection.txt"
    inflections = []
    for no, text in _lines(path):
        m = _INFLECTION.match(text)
        if not m:
            raise RulesError(f"{path}:{no}: expected 'ending => other|endings'")
        try:
            ending = re.compile(f"(?:{m.group('ending')})$")
        except re.error as e:
            raise RulesError(f"{path}:{no}: invalid ending {m.group('ending')!r}: {e}") from e
        others = tuple(sorted((o.strip() for o in m.group("others").split("|") if o.strip()), key=len, reverse=True))
        raw = m.group("ending")
        base = raw if _PLAIN_WORD.match(raw) else "" if raw.startswith("(?<") and raw.endswith(")") else None
        inflections.append(Inflection(ending, others, base))
    return Reading(fold, deletes, tuple(sorted(proclitics, key=len, reverse=True)), tuple(inflections))


def _lines(path: Path) -> list[tuple[int, str]]:
    if not path.exists():
        return []
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RulesError(f"{path}:0: cannot read the file ({e}); reinstall the application's resources") from e
    return [(no, s) for no, line in enumerate(raw.split("\n"), 1) if (s := line.strip()) and not s.startswith("#")]
