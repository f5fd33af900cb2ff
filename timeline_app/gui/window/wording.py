"""Words the window's messages share: counts with the noun in their number ("1 article"), what stopping a job leaves."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """"1 article", "1,204 articles"; `plural` for nouns that do not take an s ("1 entry", "2 entries")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def its_or_their(n: int) -> str:
    """"its" for one thing, "their" for several: "1 article and its events"."""
    return "its" if n == 1 else "their"


def stopping_leaves(description: str) -> str:
    """What stopping the job described ("importing 3 inputs", "exporting to events.csv", "saving the
    timeline to t.png") leaves behind, as a sentence; "" for a job that keeps nothing of its own."""
    if description.startswith("importing"):
        return "What has been read so far is kept, and importing the same files again skips it."
    if description.startswith(("exporting", "saving")):
        return "No file is written, and a file of that name stays as it was."
    return ""
