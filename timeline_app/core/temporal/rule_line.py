"""One line of a rule file: the rule or the EXAMPLE it gives, parsed and checked."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline_app.core.temporal.functions import FUNCTIONS
from timeline_app.core.temporal.index import can_be_empty, first_chars, first_words, group_names, parse
from timeline_app.core.reading import Reading
from timeline_app.errors import RulesError

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


def line_error(path: Path, line: int, reason: str) -> RulesError:
    return RulesError(f"{path}:{line}: {reason}")



def _expand(pattern: str, repatterns: dict[str, str], path: Path, no: int) -> tuple[str, dict[str, str]]:
    groups: dict[str, str] = {}

    def sub(m: re.Match[str]) -> str:
        name, alias = m.group(1), m.group(2) or m.group(1)
        if name not in repatterns:
            raise line_error(path, no, f"unknown pattern %{name} (no repattern/{name}.txt)")
        if alias in groups:
            raise line_error(path, no, f"group {alias!r} used twice; write %{name}:{alias}2")
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
            raise line_error(path, no, f"unknown function {call.group(1)!r} in {{{body}}}")
        for name in names:
            if name not in groups and not re.match(r"^[a-z_0-9]+$", name):
                raise line_error(path, no, f"bad slot {{{body}}}")
            if name not in groups:
                raise line_error(path, no, f"slot {{{body}}} names no group of the pattern")


def parse_rule(line: str, path: Path, no: int, repatterns: dict[str, str], order: int, reading: Reading) -> Rule:
    parts = line.split(_SEP)
    if len(parts) < 3:
        raise line_error(path, no, f"expected 'name :: pattern :: value [:: option=value ...]', got {line!r}")
    name, pattern, value = (p.strip() for p in parts[:3])
    pattern = pattern.translate(reading.fold)
    if not _NAME.match(name):
        raise line_error(path, no, f"rule name {name!r} must be lower_snake_case")
    options: dict[str, str] = {}
    for opt in parts[3:]:
        key, sep, val = opt.strip().partition("=")
        if not sep or key not in ("kind", "mod", "open_end", "emit"):
            raise line_error(path, no, f"unknown option {opt.strip()!r} (kind=, mod=, open_end=, emit=)")
        options[key] = val
    if pattern.endswith((" ", "\\s", "\\s+")):
        raise line_error(path, no, "the pattern ends in a space; put what follows in a lookahead: (?= ...)")
    expanded, groups = _expand(pattern, repatterns, path, no)
    source = rf"{reading.left_boundary()}(?:{expanded})(?![\w])"
    try:
        # Parsed once, for the checks and both indexes; compiled when first tried (Rule.pattern).
        parsed = parse(source)
    except re.error as e:
        raise line_error(path, no, f"invalid pattern: {e}") from e
    if can_be_empty(parsed):
        raise line_error(path, no, "the pattern matches the empty string")
    named = group_names(parsed)
    kind = options.get("kind", "DATE")
    if kind not in KINDS:
        raise line_error(path, no, f"kind must be one of {', '.join(KINDS)}")
    mod = options.get("mod", "")
    if mod.startswith("{"):
        _check_template(mod, named, path, no)
    elif mod not in MODS:
        raise line_error(path, no, f"mod must be one of {', '.join(m for m in MODS if m)} or a {{group}}")
    if value != "-":
        _check_template(value, named, path, no)
    open_end = options.get("open_end", "no")
    if open_end not in ("yes", "no"):
        raise line_error(path, no, "open_end must be yes or no")
    first = first_chars(parsed)
    if first is None:
        raise line_error(path, no, "the pattern can start with any character; begin it with a word or a digit")
    words = first_words(parsed)
    emit = options.get("emit", "")
    if emit and emit not in named:
        raise line_error(path, no, f"emit={emit} names no group of the pattern")
    rule = Rule(name, source, value, kind, mod, open_end == "yes", groups, order, path, no, first, words)
    return replace(rule, emit=emit) if emit else rule


def parse_example(text: str, path: Path, no: int) -> tuple[str, str | None, str, dt.date | None]:
    m = _EXAMPLE.match(text)
    if not m:
        raise line_error(path, no, "expected '// EXAMPLE: sentence => surface = value [@ YYYY-MM-DD]'")
    expect = m.group("expect")
    if expect == "(none)":
        return m.group("sentence"), None, "", dt.date(2022, 12, 28)
    e = _EXPECT.match(expect)
    if not e:
        raise line_error(path, no, "expected 'surface = value [@ YYYY-MM-DD|none]' after '=>'")
    published: dt.date | None = dt.date(2022, 12, 28)
    if e.group("date") == "none":
        published = None
    elif e.group("date"):
        try:
            published = dt.date.fromisoformat(e.group("date"))
        except ValueError as err:
            raise line_error(path, no, f"bad publication date {e.group('date')!r}") from err
    if e.group("surface") not in m.group("sentence"):
        raise line_error(path, no, f"the surface {e.group('surface')!r} is not in the example sentence")
    return m.group("sentence"), e.group("surface"), e.group("value"), published
