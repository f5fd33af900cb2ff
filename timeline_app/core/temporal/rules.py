"""Load and validate the temporal rule data in resources/temporal (patterns, tables, rules, cues)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline_app.core.temporal.functions import FUNCTIONS
from timeline_app.core.temporal.index import can_be_empty, first_chars, first_words, group_names, parse
from timeline_app.core.reading import Reading, load_reading
from timeline_app.errors import RulesError
from timeline_app.paths import TEMPORAL

log = logging.getLogger(__name__)

KINDS = ("DATE", "TIME", "DURATION", "SET")
MODS = ("", "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "EQUAL_OR_LESS", "EQUAL_OR_MORE")
_SEP = " :: "
_SPACE_OUTSIDE_CLASS = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]| \?| ")
_SPACES = {" ": r"\s+", " ?": r"\s*"}  # "3 ?p.m.": "3 p.m." and "3p.m."
_REF = re.compile(r"%([a-z_]+)(?::([a-z_0-9]+))?")
_SLOT = re.compile(r"\{([^{}]*)\}")
_CALL = re.compile(r"^([a-z_0-9]+)\(([a-z_0-9, ]*)\)$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_EXAMPLE = re.compile(r"^//\s*EXAMPLE:\s*(?P<sentence>.+?)\s*=>\s*(?P<expect>.+?)\s*$")
_EXPECT = re.compile(r"^(?P<surface>.+?) = (?P<value>\S*)(?:\s+@\s*(?P<date>\d{4}-\d{2}-\d{2}|none))?$")
_PAIR = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"$')
# Languages other than English have their rules in a folder named by the ISO 639-1 code.
_LANGUAGE = re.compile(r"^[a-z]{2}$")
ENGLISH = "en"


@dataclass(frozen=True)
class Example:
    """One `// EXAMPLE:` line: find_dates(sentence) must give `surface` with `value` (or nothing)."""

    path: Path
    line: int
    rule: str
    sentence: str
    surface: str | None  # None: the sentence must give no date at all
    value: str
    published: dt.date | None

    def __str__(self) -> str:
        return f"{self.path.name}:{self.line} {self.rule}"


@dataclass(frozen=True)
class Rule:
    name: str
    source: str  # the full regular expression, compiled (case-insensitive) when the rule is first tried
    value: str  # template, "-" for a negative rule
    kind: str
    mod: str  # a TIMEX3 mod or a template "{group}"
    open_end: bool
    groups: dict[str, str]  # group name in the pattern -> repattern name (its normalisation table)
    order: int
    path: Path
    line: int
    first: frozenset[str] | None = None  # characters a match can start with; None: any
    words: frozenset[str] | None = None  # first tokens a match can start with (token_key); None: unknown
    emit: str = ""  # the group whose span is the mention (the rest of the match is context)
    # Set by compile(): the pattern and its bound match(text, pos), which the engine calls for every
    # rule it tries. No defaults: a class attribute of either name would keep them from Python's
    # fast attribute path (the 1 MB article took 10% longer).
    compiled: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    match: Callable[[str, int], re.Match[str] | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", None)
        object.__setattr__(self, "match", self._compile_and_match)

    def _compile_and_match(self, text: str, pos: int) -> re.Match[str] | None:
        return self.compile().match(text, pos)

    @property
    def negative(self) -> bool:
        return self.value == "-"

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (case-insensitive)."""
        return self.compiled or self.compile()

    def compile(self) -> re.Pattern[str]:
        """Compile the pattern, once: a rule is compiled when first tried, not at load."""
        # re.compile of every rule was 0.15 of the 0.27 s CPU that loading the English rules took, and
        # a text tries only the rules its words can start (the indexes). The loader has checked the
        # parsed pattern; a test compiles every shipped rule.
        compiled = self.compiled
        if compiled is None:
            compiled = re.compile(self.source, re.IGNORECASE)
            object.__setattr__(self, "compiled", compiled)  # frozen but for these two
            object.__setattr__(self, "match", compiled.match)
        return compiled


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


def _err(path: Path, line: int, reason: str) -> RulesError:
    return RulesError(f"{path}:{line}: {reason}")


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
            raise _err(path, no, f"invalid regular expression {text!r}: {e}") from e
        alternatives.append(text)
        if case_sensitive and text.upper() != text:
            alternatives.append(text.upper() if "\\" not in text else _upper_literal(text))
    if not alternatives:
        raise _err(path, 1, "the file has no alternatives")
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
            raise _err(path, no, 'expected a line "surface","value"')
        key = normalise_key(m.group(1).translate(reading.fold))
        if key in table and table[key] != m.group(2):
            raise _err(path, no, f"{m.group(1)!r} is already mapped to {table[key]!r}")
        table[key] = m.group(2)
    return table


def normalise_key(text: str) -> str:
    """The form under which a surface is looked up in a normalisation table."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def _expand(pattern: str, repatterns: dict[str, str], path: Path, no: int) -> tuple[str, dict[str, str]]:
    groups: dict[str, str] = {}

    def sub(m: re.Match[str]) -> str:
        name, alias = m.group(1), m.group(2) or m.group(1)
        if name not in repatterns:
            raise _err(path, no, f"unknown pattern %{name} (no repattern/{name}.txt)")
        if alias in groups:
            raise _err(path, no, f"group {alias!r} used twice; write %{name}:{alias}2")
        groups[alias] = name
        return f"(?P<{alias}>{repatterns[name]})"

    # A space in a rule stands for any run of whitespace (articles wrap lines mid-sentence);
    # inside a character class it stays one character.
    spaced = _SPACE_OUTSIDE_CLASS.sub(lambda m: _SPACES.get(m.group(0), m.group(0)), pattern)
    return _REF.sub(sub, spaced), groups


def _check_template(template: str, groups: frozenset[str], path: Path, no: int) -> None:
    for m in _SLOT.finditer(template):
        body = m.group(1)
        call = _CALL.match(body)
        names = [a.strip() for a in call.group(2).split(",")] if call else [body]
        if call and call.group(1) not in FUNCTIONS:
            raise _err(path, no, f"unknown function {call.group(1)!r} in {{{body}}}")
        for name in names:
            if name not in groups and not re.match(r"^[a-z_0-9]+$", name):
                raise _err(path, no, f"bad slot {{{body}}}")
            if name not in groups:
                raise _err(path, no, f"slot {{{body}}} names no group of the pattern")


def _parse_rule(line: str, path: Path, no: int, repatterns: dict[str, str], order: int, reading: Reading) -> Rule:
    parts = line.split(_SEP)
    if len(parts) < 3:
        raise _err(path, no, f"expected 'name :: pattern :: value [:: option=value ...]', got {line!r}")
    name, pattern, value = (p.strip() for p in parts[:3])
    pattern = pattern.translate(reading.fold)
    if not _NAME.match(name):
        raise _err(path, no, f"rule name {name!r} must be lower_snake_case")
    options: dict[str, str] = {}
    for opt in parts[3:]:
        key, sep, val = opt.strip().partition("=")
        if not sep or key not in ("kind", "mod", "open_end", "emit"):
            raise _err(path, no, f"unknown option {opt.strip()!r} (kind=, mod=, open_end=, emit=)")
        options[key] = val
    if pattern.endswith((" ", "\\s", "\\s+")):
        raise _err(path, no, "the pattern ends in a space; put what follows in a lookahead: (?= ...)")
    expanded, groups = _expand(pattern, repatterns, path, no)
    source = rf"{reading.left_boundary()}(?:{expanded})(?![\w])"
    try:
        # Parsed once, for the checks and both indexes; compiled when first tried (Rule.pattern).
        parsed = parse(source)
    except re.error as e:
        raise _err(path, no, f"invalid pattern: {e}") from e
    if can_be_empty(parsed):
        raise _err(path, no, "the pattern matches the empty string")
    named = group_names(parsed)
    kind = options.get("kind", "DATE")
    if kind not in KINDS:
        raise _err(path, no, f"kind must be one of {', '.join(KINDS)}")
    mod = options.get("mod", "")
    if mod.startswith("{"):
        _check_template(mod, named, path, no)
    elif mod not in MODS:
        raise _err(path, no, f"mod must be one of {', '.join(m for m in MODS if m)} or a {{group}}")
    if value != "-":
        _check_template(value, named, path, no)
    open_end = options.get("open_end", "no")
    if open_end not in ("yes", "no"):
        raise _err(path, no, "open_end must be yes or no")
    first = first_chars(parsed)
    if first is None:
        raise _err(path, no, "the pattern can start with any character; begin it with a word or a digit")
    words = first_words(parsed)
    emit = options.get("emit", "")
    if emit and emit not in named:
        raise _err(path, no, f"emit={emit} names no group of the pattern")
    rule = Rule(name, source, value, kind, mod, open_end == "yes", groups, order, path, no, first, words)
    return replace(rule, emit=emit) if emit else rule


def _parse_example(text: str, path: Path, no: int) -> tuple[str, str | None, str, dt.date | None]:
    m = _EXAMPLE.match(text)
    if not m:
        raise _err(path, no, "expected '// EXAMPLE: sentence => surface = value [@ YYYY-MM-DD]'")
    expect = m.group("expect")
    if expect == "(none)":
        return m.group("sentence"), None, "", dt.date(2022, 12, 28)
    e = _EXPECT.match(expect)
    if not e:
        raise _err(path, no, "expected 'surface = value [@ YYYY-MM-DD|none]' after '=>'")
    published: dt.date | None = dt.date(2022, 12, 28)
    if e.group("date") == "none":
        published = None
    elif e.group("date"):
        try:
            published = dt.date.fromisoformat(e.group("date"))
        except ValueError as err:
            raise _err(path, no, f"bad publication date {e.group('date')!r}") from err
    if e.group("surface") not in m.group("sentence"):
        raise _err(path, no, f"the surface {e.group('surface')!r} is not in the example sentence")
    return m.group("sentence"), e.group("surface"), e.group("value"), published


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
                    pending.append((no, _parse_example(text, path, no)))
                continue
            rule = _parse_rule(text, path, no, repatterns, len(rules), reading)
            if rule.name in names:
                raise _err(path, no, f"rule name {rule.name!r} is used twice")
            if not pending:
                raise _err(path, no, f"rule {rule.name!r} has no '// EXAMPLE:' line above it")
            names.add(rule.name)
            rules.append(rule)
            for ex_no, (sentence, surface, value, published) in pending:
                examples.append(Example(path, ex_no, rule.name, sentence, surface, value, published))
            pending = []
        if pending:
            raise _err(path, pending[0][0], "EXAMPLE without a rule below it")
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
