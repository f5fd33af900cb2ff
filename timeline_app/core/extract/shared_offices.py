"""Offices that several states share ("Bundesrat", "Bundeskanzler"): the state the article or the person named tells."""

from __future__ import annotations

from dataclasses import replace

from timeline_app.core.extract.actors import Doc
from timeline_app.core.extract.issuer_words import header_lines
from timeline_app.core.models import LIST_SEPARATOR, EntityKind, EntityMention


def home_states(doc: Doc, mentions: list[EntityMention]) -> set[str]:
    """The states an official statement speaks for: its issuer's, else those named on a header line that
    holds a date ("Bern, 20.09.2024", "Wien, 2. Juni 2023"); none for a news text with neither."""
    if doc.issuer:
        return set(doc.issuer.split(LIST_SEPARATOR))
    spans = []
    at = 0
    for line in header_lines(doc.text):
        at = doc.text.find(line, at)
        if any(c.isdigit() for c in line):
            spans.append((at, at + len(line)))
        at += len(line)
    return {m.code for m in mentions if m.kind is EntityKind.COUNTRY and m.code
            and any(start <= m.start and m.end <= end for start, end in spans)}


def shared_states(word: str, shared: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The states of the longest shared office word that `word` starts with ("bundeskanzlerin": "bundeskanzler")."""
    for start in sorted((w for w in shared if word.startswith(w)), key=len, reverse=True):
        return shared[start]
    return ()


def shared_offices(doc: Doc, mentions: list[EntityMention], shared: dict[str, tuple[str, ...]],
                   names: dict[str, str]) -> list[EntityMention]:
    """`mentions` with each shared office word's state decided: the state of the person it titles when that
    is another of the states sharing it ("Bundeskanzler Karl Nehammer" is Austria's), else the one of those
    states the article speaks for (a Swiss statement's "Der Bundesrat"), else the one of them whose persons
    such an office titled before it in a news text ("Bundespräsidentin Karin Keller-Sutter ... Der Bundesrat"
    is Switzerland's), else the table's first state."""
    if not shared:
        return mentions
    home: set[str] | None = None
    titled: set[str] = set()  # the states of persons a shared office titled so far
    out: list[EntityMention] = []
    for k, m in enumerate(mentions):
        states = shared_states(doc.surfaces[doc.index_at(m.start)].lower(), shared) if m.kind is EntityKind.COUNTRY else ()
        if not states or m.code != states[0]:
            out.append(m)
            continue
        after = mentions[k + 1] if k + 1 < len(mentions) else None
        if (after is not None and after.kind is EntityKind.PERSON and after.code in states
                and not doc.text[m.end : after.start].strip()):
            titled.add(after.code)
            if after.code != m.code:
                continue  # the person's own state names the office
        if home is None:
            home = home_states(doc, mentions)
        own = [s for s in states if s in (home or titled)]
        out.append(replace(m, code=own[0], name=names[own[0]]) if len(own) == 1 else m)
    return out
