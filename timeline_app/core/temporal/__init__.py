"""The date engine: find date expressions in news text and resolve them against the publication date."""

from timeline_app.core.temporal.engine import find_dates
from timeline_app.core.temporal.rules import ENGLISH, Example, RuleSet, default_rules, languages, load_rules

__all__ = ["ENGLISH", "Example", "RuleSet", "check_example", "default_rules", "find_dates", "languages", "load_rules"]


def check_example(example: Example, rules: RuleSet | None = None) -> str | None:
    """Run one rule file EXAMPLE; None when it holds, else a sentence saying what went wrong."""
    mentions = find_dates(example.sentence, example.published, rules)
    if example.surface is None:
        found = [(m.text, m.value) for m in mentions]
        return f"{example}: expected no date, found {found}" if found else None
    for m in mentions:
        if m.text == example.surface:
            if m.value != example.value:
                return f"{example}: {m.text!r} resolved to {m.value!r}, expected {example.value!r} (rule {m.rule})"
            if m.rule != example.rule:
                return f"{example}: {m.text!r} was found by rule {m.rule}, not by {example.rule}"
            return None
    found = [(m.text, m.value, m.rule) for m in mentions]
    return f"{example}: {example.surface!r} not found; found {found}"
