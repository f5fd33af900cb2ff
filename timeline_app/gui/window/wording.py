"""Counts in the window's messages, with the noun in the number they need: "1 article", "3 articles"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """"1 article", "1,204 articles"; `plural` for nouns that do not take an s ("1 entry", "2 entries")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def its_or_their(n: int) -> str:
    """"its" for one thing, "their" for several: "1 article and its events"."""
    return "its" if n == 1 else "their"
