"""Load and validate the temporal rule data in resources/temporal (patterns, tables, rules, cues)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline_app.core.temporal.rule_line import Example, Rule, line_error, parse_example, parse_rule
from timeline_app.core.reading import Reading, load_reading
from timeline_app.errors import RulesError
from timeline_app.paths import TEMPORAL

__all__ = ["ENGLISH", "Example", "Rule", "RuleSet", "default_rules", "languages", "load_rules", "normalise_key", "rules_folder"]

log = logging.getLogger(__name__)

_PAIR = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"$')
# Languages other than English have their rules in a folder named by the ISO 639-1 code.
_LANGUAGE = re.compile(r"^[a-z]{2}$")
ENGLISH = "en"


@dataclass
class RuleSet:
    """Everything the engine needs, loaded once."""

    rules: list[Rule]
    tables: dict[str, dict[str, str]]
    cues: dict[str, re.Pattern[str]]
    examples: list[Example] = field(default_factory=list)
    by_first_char: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    by_first_word: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    reading: Reading = field(default_factory=Reading)  # folding, proclitics, inflection

    def __post_init__(self) -> None:
        chars: dict[str, list[Rule]] = {}
        words: dict[str, list[Rule]] = {}
        for rule in self.rules:
            if rule.words is not None:
                for w in rule.words:
                    words.setdefault(w, []).append(rule)
            else:
                for c in rule.first or ():
                    chars.setdefault(c, []).append(rule)
        self.by_first_char = {c: tuple(rs) for c, rs in chars.items()}
        self.by_first_word = {w: tuple(rs) for w, rs in words.items()}


def _content_lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RulesError(f"{path}:0: cannot read the file ({e}); reinstall the application's resources") from e
    return [(i, line.rstrip("\n")) for i, line in enumerate(raw.split("\n"), 1)]


def _load_alternatives(path: Path, reading: Reading) -> str:
    """A repattern or cue file as one regex group body, longest alternative first.

    `# flags: case-sensitive` keeps the alternatives to the case written; `# flags: inflected`
    gives the plain words the endings of their inflection class (the folder's inflection.txt).
    """
    alternatives: list[str] = []
    case_sensitive = inflected = False
    for no, line in _content_lines(path):
        text = line.strip().translate(reading.fold)
        if not text:
            continue
        if text.startswith("#"):
            flags = re.match(r"#\s*flags:\s*(.*?)\s*$", text)
            case_sensitive = case_sensitive or bool(flags and "case-sensitive" in flags.group(1))
            inflected = inflected or bool(flags and "inflected" in flags.group(1))
            continue
        if inflected:
            text = reading.inflect(text)
        try:
            re.compile(text)
        except re.error as e:
            raise line_error(path, no, f"invalid regular expression {text!r}: {e}") from e
        alternatives.append(text)
        if case_sensitive and text.upper() != text:
            alternatives.append(text.upper() if "\\" not in text else _upper_literal(text))
    if not alternatives:
        raise line_error(path, 1, "the file has no alternatives")
    alternatives.sort(key=len, reverse=True)
    body = "|".join(alternatives)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _upper_literal(text: str) -> str:
    """Upper-case the letters of a regex without touching escapes ("Jan\\.?" -> "JAN\\.?")."""
    return re.sub(r"(?<!\\)[a-z]", lambda m: m.group(0).upper(), text)


def _load_table(path: Path, reading: Reading) -> dict[str, str]:
    table: dict[str, str] = {}
    for no, line in _content_lines(path):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        m = _PAIR.match(text)
        if not m:
            raise line_error(path, no, 'expected a line "surface","value"')
        key = normalise_key(m.group(1).translate(reading.fold))
        if key in table and table[key] != m.group(2):
            raise line_error(path, no, f"{m.group(1)!r} is already mapped to {table[key]!r}")
        table[key] = m.group(2)
    return table


def normalise_key(text: str) -> str:
    """The form under which a surface is looked up in a normalisation table."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def load_rules(root: Path | None = None) -> RuleSet:
    """Load and validate every file under `root` (resources/temporal, or one language's folder in
    it); RulesError names path:line."""
    root = root or TEMPORAL
    for sub in ("repattern", "normalization", "rules", "cues"):
        if not (root / sub).is_dir():
            raise RulesError(f"{root / sub}:0: folder missing; reinstall the application's resources")
    reading = load_reading(root)
    repatterns = {p.stem: _load_alternatives(p, reading) for p in sorted((root / "repattern").glob("*.txt"))}
    tables = {p.stem: _load_table(p, reading) for p in sorted((root / "normalization").glob("*.txt"))}
    left = reading.left_boundary().replace(r"[\w$£€¥]", r"\w")
    cues = {
        p.stem: re.compile(rf"{left}(?:{_load_alternatives(p, reading)})(?!\w)", re.IGNORECASE)
        for p in sorted((root / "cues").glob("*.txt"))
    }
    rules: list[Rule] = []
    examples: list[Example] = []
    names: set[str] = set()
    for path in sorted((root / "rules").glob("*.txt")):
        # Several EXAMPLE lines may stand above one rule: each runs as a test of that rule.
        pending: list[tuple[int, tuple[str, str | None, str, dt.date | None]]] = []
        for no, line in _content_lines(path):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            if text.startswith("//"):
                if "EXAMPLE" in text:
                    pending.append((no, parse_example(text, path, no)))
                continue
            rule = parse_rule(text, path, no, repatterns, len(rules), reading)
            if rule.name in names:
                raise line_error(path, no, f"rule name {rule.name!r} is used twice")
            if not pending:
                raise line_error(path, no, f"rule {rule.name!r} has no '// EXAMPLE:' line above it")
            names.add(rule.name)
            rules.append(rule)
            for ex_no, (sentence, surface, value, published) in pending:
                examples.append(Example(path, ex_no, rule.name, sentence, surface, value, published))
            pending = []
        if pending:
            raise line_error(path, pending[0][0], "EXAMPLE without a rule below it")
    if not rules:
        raise RulesError(f"{root / 'rules'}:0: no rules found; reinstall the application's resources")
    log.debug("loaded %d temporal rules and %d tables from %s", len(rules), len(tables), root)
    missing = {"future", "past"} - cues.keys()
    if missing:
        raise RulesError(f"{root / 'cues'}:0: missing cue files: {', '.join(sorted(missing))}")
    return RuleSet(rules, tables, cues, examples, reading=reading)


def languages() -> list[str]:
    """The languages the date engine has rules for: English and every folder of resources/temporal
    named by an ISO 639-1 code."""
    return [ENGLISH, *sorted(p.name for p in TEMPORAL.iterdir() if _LANGUAGE.match(p.name) and (p / "rules").is_dir())]


def rules_folder(language: str) -> Path | None:
    """The folder of a language's rules (the English ones at the top), None when there is none."""
    if language == ENGLISH:
        return TEMPORAL
    folder = TEMPORAL / language
    return folder if _LANGUAGE.match(language) and (folder / "rules").is_dir() else None


def default_rules(language: str = ENGLISH) -> RuleSet:
    """The application's rules for `language`, loaded once per process. A language without rules
    of its own is read with the English ones, which still find its numbers and ISO dates."""
    # One cache key however it is called: lru_cache keys default_rules() and default_rules("en")
    # apart, and the English rules (0.25 s) were loaded twice at every first import.
    return _rules_of(language)


@functools.lru_cache(maxsize=16)
def _rules_of(language: str) -> RuleSet:
    folder = rules_folder(language)
    if folder is None:
        log.info("no date rules for language %r: reading it with the English rules", language)
        return _rules_of(ENGLISH)
    return load_rules(folder)
