"""A statement's word for its own office ("le ministère", "МИД") that a state's name after it makes another state's."""

from __future__ import annotations

from timeline_app.core.models import EntityKind, EntityMention

# Punctuation that ends the office's name: "O Ministro das Relações Exteriores, Mauro Vieira" is the issuer's.
_BREAKS = frozenset(',.;:!?()"«»“”„\n')
_MOST_WORDS = 8  # the words of an office's own name between it and its state ("des Affaires étrangères du")


def offices_of_others(text: str, found: list[EntityMention], offices: set[int],
                      links: frozenset[str]) -> list[EntityMention]:
    """`found` without the office words (ids in `offices`) that a state's name or adjective follows with
    only link words or capitalised words between: "le ministère camerounais", "МИД России", "وزارة
    الخارجية السودانية", "la ministre des Affaires étrangères du Mali" are that state's office, which the
    state's own mention already names."""
    dropped: set[tuple[int, int]] = set()
    for k, mention in enumerate(found):
        if id(mention) not in offices:
            continue
        after = next((m for m in found[k + 1 :] if m.start >= mention.end and id(m) not in offices), None)
        if after is None or after.kind is not EntityKind.COUNTRY:
            continue
        between = text[mention.end : after.start]
        words = [w.split("'")[-1].split("\u2019")[-1] for w in between.split()]
        if (not _BREAKS.intersection(between) and len(words) <= _MOST_WORDS
                and all(w.lower() in links or w[:1].isupper() or not w for w in words)):
            dropped.add((mention.start, mention.end))
    return [m for m in found if id(m) not in offices or (m.start, m.end) not in dropped]
