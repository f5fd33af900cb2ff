"""Events frames made up for timeline tests: many days and months at random, or a varied mix with years."""

from __future__ import annotations

import numpy as np
import pandas as pd


def many_events(n: int, seed: int = 0) -> pd.DataFrame:
    """N events over 50 years in 10 country lanes: one in five a month, the others a day."""
    rng = np.random.default_rng(seed)
    first = np.datetime64("1975-01-01")
    day = first + rng.integers(0, 50 * 365, n).astype("timedelta64[D]")
    codes = np.array(["USA", "RUS", "CHN", "TUR", "SYR", "IRN", "FRA", "DEU", "GBR", "IND"])
    countries = codes[rng.integers(0, len(codes), n)]
    month = rng.random(n) < 0.2
    start = np.where(month, day.astype("datetime64[M]").astype("datetime64[D]"), day)
    end = np.where(month, (day.astype("datetime64[M]") + 1).astype("datetime64[D]") - np.timedelta64(1, "D"), day)
    return pd.DataFrame({
        "event_id": [f"m{i}" for i in range(n)], "date_start": start.astype(str), "date_end": end.astype(str),
        "date_precision": np.where(month, "month", "day"), "open_end": False, "countries": countries,
        "event_type": "Consult", "summary": "generated", "date_text": "", "sources": "gen.txt",
    })


def varied_events(n: int, seed: int = 11) -> pd.DataFrame:
    """Days, months, years and open-ended years in 8 lanes over 6 years, some events in two lanes."""
    rng = np.random.default_rng(seed)
    first = np.datetime64("1998-01-01")
    day = first + rng.integers(0, 6 * 365, n).astype("timedelta64[D]")
    kind = rng.choice(3, n, p=[0.75, 0.18, 0.07])
    months, years = day.astype("datetime64[M]"), day.astype("datetime64[Y]")
    start = np.where(kind == 1, months.astype("datetime64[D]"), np.where(kind == 2, years.astype("datetime64[D]"), day))
    end = np.where(kind == 1, (months + 1).astype("datetime64[D]") - np.timedelta64(1, "D"),
                   np.where(kind == 2, (years + 1).astype("datetime64[D]") - np.timedelta64(1, "D"), day))
    codes = np.array(["USA", "RUS", "CHN", "TUR", "SYR", "IRN", "FRA", "DEU"])
    a, b = codes[rng.integers(0, 8, n)], codes[rng.integers(0, 8, n)]
    countries = np.where(rng.random(n) < 0.3, np.char.add(np.char.add(a, ";"), b), a)
    words = np.array(["met", "warned", "signed an accord with", "held talks with", "sent aid to"])
    summaries = [f"{x} {words[w]} {y} ({i})" for i, (x, y, w) in enumerate(zip(a, b, rng.integers(0, 5, n)))]
    return pd.DataFrame({
        "event_id": [f"v{i}" for i in range(n)], "date_start": start.astype(str), "date_end": end.astype(str),
        "date_precision": np.asarray(["day", "month", "year"])[kind], "open_end": (kind == 2) & (rng.random(n) < 0.3),
        "countries": countries, "event_type": np.asarray(["Consult", "Fight", "Appeal"])[rng.integers(0, 3, n)],
        "summary": summaries, "date_text": "", "sources": "gen.txt",
    })
