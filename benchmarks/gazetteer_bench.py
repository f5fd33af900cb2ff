"""Gazetteer speed on 1 MB of text, and the seed article's gold mentions checked for their countries."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.core.extract.events import extract_event_mentions  # noqa: E402
from timeline_app.core.extract.gazetteer import Gazetteer  # noqa: E402

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "seed"

# Written for this benchmark: names, demonyms, seats, organisations, persons and traps ("us", "turkey").
PARAGRAPH = (
    "The defense ministers of Syria, Türkiye and Russia held talks in Moscow on Wednesday, while "
    "Washington warned Ankara against a new offensive in northeast Syria. The Kremlin said Erdogan "
    "and Putin would speak soon. Officials said the US-backed SDF had asked Russia to mediate; NATO "
    "and the EU urged restraint. Let us see whether the turkey dinner in Georgia's Atlanta goes ahead, "
    "and whether Jordan, Chad and Niger join the Iranian-made drone ban.\n"
)
# Ordinary prose, written for this benchmark: a name every sentence or two.
PROSE = (
    "The committee met for the third time this month to discuss the budget, and its members said "
    "they expected a vote before the holidays. In Brussels, diplomats from France and Germany "
    "argued over farm subsidies while officials waited for figures from the statistics office. "
    "Nobody expected the talks to end quickly; the chair asked for patience and more data.\n"
)


def _time(gaz: Gazetteer, text: str) -> tuple[float, float, int]:
    """Best wall-clock and CPU seconds of three runs (CPU time is steadier on a shared machine)."""
    wall = cpu = float("inf")
    found = 0
    for _ in range(3):
        w0, c0 = time.perf_counter(), time.process_time()
        found = len(gaz.tag(text, dt.date(2022, 12, 28)))
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu, found


def bench_speed() -> None:
    t0 = time.perf_counter()
    gaz = Gazetteer.default()
    load = time.perf_counter() - t0
    for label, unit in (("name-dense text", PARAGRAPH), ("ordinary prose", PROSE)):
        text = unit * (1_000_000 // len(unit) + 1)
        wall, cpu, found = _time(gaz, text)
        mb = len(text.encode("utf-8")) / 1e6
        print(f"gazetteer: {label}: {mb:.2f} MB in {wall:.3f} s wall, {cpu:.3f} s CPU "
              f"({mb / cpu:.1f} MB/s), {found} mentions")
    print(f"gazetteer: tables loaded in {load:.2f} s")


def check_seed() -> None:
    gold_path = SEED / "gold.json"
    if not gold_path.exists():
        print(f"seed check skipped: {gold_path} not found")
        return
    from timeline_app.core.temporal import find_dates

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (SEED / gold["file"]).read_text(encoding="utf-8").replace("\r\n", "\n")
    published = dt.date.fromisoformat(gold["published"])
    mentions = extract_event_mentions(text, find_dates(text, published), None, published)
    by_span = {(m.date.start, m.date.end): m for m in mentions}
    ok = exact = 0
    for g in gold["gold"]:
        m = by_span.get((g["start"], g["end"]))
        got = set(m.countries) if m else set()
        hit = m is not None and m.date.value == g["value"] and set(g["countries"]) <= got
        ok += hit
        exact += hit and got == set(g["countries"])
        flag = "ok " if hit else "BAD"
        print(f"  {flag} {g['surface']!r:22} gold {','.join(sorted(g['countries'])):12} got "
              f"{(m.date.value if m else '-')!s:11} {','.join(sorted(got)):12} "
              f"{(m.event_type if m else ''):28} {(m.location_country if m else '')}")
    print(f"seed: {ok}/{len(gold['gold'])} gold mentions with value and at least their countries, "
          f"{exact} with exactly them; {len(mentions)} mentions in all")


if __name__ == "__main__":
    bench_speed()
    check_seed()
