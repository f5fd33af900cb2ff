"""Labels that mark a date as the article's own, in every language read ("Published on", "Veröffentlicht am")."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from timeline_app import paths
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError

PUBLISHED = "published"
UPDATED = "updated"
# What may stand between a label and its date: a colon, a dash, a comma or a header's bar ("Date: ...",
# "Posted | ...", "Press release, 5 March 2029").
_AFTER_LABEL = r"\b\s*[:\-\u2013\u2014|,]?\s*"
_MARKUP = re.compile(r"^[\s#>*_\-|\u00b7\u2022]+")


def _word(word: str) -> str:
    """A label's word as a pattern: a final "." may be left out ("pub. date", "pub date")."""
    return re.escape(word[:-1]) + r"\.?" if word.endswith(".") else re.escape(word)


@lru_cache(maxsize=2)
def label_pattern(kind: str, root: Path | None = None) -> re.Pattern[str]:
    """The labels of `kind` (PUBLISHED or UPDATED, files of resources/ingest/date_labels/) as one pattern
    that also takes what follows a label up to its date."""
    path = (paths.INGEST / "date_labels" if root is None else root) / f"{kind}.txt"
    labels = []
    for (label,), where in read_tsv(path, 1):
        if label != label.lower() or "  " in label:  # read_tsv refuses a tab: one label a line
            raise RulesError(f"{where}: write a label in lower case, its words separated by single spaces")
        labels.append(label)
    labels.sort(key=len, reverse=True)  # "published on" before "published": the longer label is the label
    alternatives = "|".join(r"\s+".join(_word(w) for w in label.split()) for label in labels)
    return re.compile(rf"(?<!\w)(?:{alternatives}){_AFTER_LABEL}", re.I)


def is_label(text: str) -> bool:
    """True when `text`, the words before a date on its line, is only a publication or update label."""
    bare = _MARKUP.sub("", text)
    return any(label_pattern(kind).fullmatch(bare) for kind in (PUBLISHED, UPDATED))
