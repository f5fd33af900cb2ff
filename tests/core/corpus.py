"""Small, varied test articles (our own template sentences) for scale tests, and the rows runs are compared by."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd

from timeline_app.core.library.store import Library

_COUNTRIES = [("France", "French", "Paris"), ("Japan", "Japanese", "Tokyo"), ("India", "Indian", "New Delhi"),
              ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"), ("Egypt", "Egyptian", "Cairo"),
              ("Poland", "Polish", "Warsaw"), ("Mexico", "Mexican", "Mexico City"), ("Turkey", "Turkish", "Ankara"),
              ("Germany", "German", "Berlin")]
_VERBS = ["met", "held talks", "signed a trade agreement", "agreed to restore flights", "discussed sanctions"]
_WHEN = ["on Monday", "on Tuesday", "last week", "earlier this year", "in March", "back in 2015", "since 2011",
         "two days later", "next month", "on {day} {month}"]


# The mention columns two runs over the same inputs must agree on, and the order they are compared in.
KEY = ["source_path", "char_start"]
COMPARED = ["source_path", "char_start", "char_end", "date_text", "date_value", "date_start", "date_end",
            "date_precision", "countries", "evidence"]


def compared_rows(library: Path) -> pd.DataFrame:
    """The library's mentions, COMPARED columns only, sorted by KEY."""
    with Library(library) as lib:
        mentions = lib.mentions_frame()
    return mentions.sort_values(KEY).reset_index(drop=True)[COMPARED]


def article_text(i: int, published: dt.date, rng: random.Random) -> str:
    (a, adj_a, cap_a), (b, _, cap_b) = rng.sample(_COUNTRIES, 2)
    lines = [f"{a} and {b} talks, report {i}", f"Published: {published.day} {published:%B %Y}", ""]
    for _ in range(rng.randint(3, 7)):
        when = rng.choice(_WHEN).format(day=rng.randint(1, 28), month=rng.choice(["January", "June", "October"]))
        lines.append(f"The {adj_a} foreign minister {rng.choice(_VERBS)} with officials from {b} in {cap_b} "
                     f"{when}, a spokesperson in {cap_a} said.")
        lines.append("")
    return "\n".join(lines)


def write_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        path = folder / f"{published.isoformat()}_report_{i:06d}.txt"
        path.write_text(article_text(i, published, rng), encoding="utf-8")
        paths.append(path)
    return paths
