"""Sweep the matcher's weights, link threshold, text range and date factors on the merge evaluation set.

Usage: python benchmarks/merge_sweep.py LIB [--grid weights|dates|one_side]

LIB is a library of the evaluation set's articles (`python benchmarks/merge.py --library LIB` makes
it). Each setting patches the constants of core.library.matching (and the modules that import them)
in this process and clusters the library's mentions again. Printed per setting, one JSON line:
pair P/R/F1 on dev+dev2 pooled (where settings are chosen), dev3 to dev10 pair P/R (where a
choice is checked) and the near-miss groups apart per dev split. Held-out figures are not printed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import merge as bench  # noqa: E402
from timeline_app.core.library import blocks, matching, merge, pairs  # noqa: E402
from timeline_app.core.library.store import Library  # noqa: E402

GRIDS = {
    "weights": dict(LINK=[0.5, 0.525, 0.55, 0.575, 0.6], PARTY_WEIGHT=[0.3, 0.4, 0.5], TYPE_WEIGHT=[0.1, 0.2, 0.3],
                    TEXT_FLOOR=[25.0, 30.0, 35.0], TEXT_CEILING=[70.0, 75.0, 80.0]),
    "dates": dict(LINK=[0.5, 0.55, 0.6], PARTY_WEIGHT=[0.3, 0.4, 0.5], TYPE_WEIGHT=[0.1, 0.2, 0.3],
                  WEEK=[0.8, 0.9, 1.0], MONTH=[0.65, 0.75, 0.85]),
    "one_side": dict(LINK=[0.5, 0.55, 0.6], PARTY_WEIGHT=[0.4], TYPE_WEIGHT=[0.2],
                     ONE_SIDE=[0.0, 0.6, 0.7, 0.8, 0.9, 1.0], ONE_SIDE_TEXT=[0.3, 0.5, 0.7, 0.9]),
}


def setting(values: dict) -> dict:
    """The module constants of one grid point (text weight: what party and type leave)."""
    kw = dict(values)
    if "WEEK" in kw:
        kw["DATE_FACTOR"] = ((3, 1.0), (7, kw.pop("WEEK")), (matching.FINE_SPAN_DAYS, kw.pop("MONTH")))
    kw["TEXT_WEIGHT"] = round(1.0 - kw["PARTY_WEIGHT"] - kw["TYPE_WEIGHT"], 3)
    return kw


def run(gold: bench.Gold, frame, kw: dict) -> dict:
    for name, value in kw.items():
        for module in (matching, pairs, merge, blocks):
            if hasattr(module, name):
                setattr(module, name, value)
    system = frame.assign(event_id=merge.assign_event_ids(frame).astype(str))
    pred, _ = bench.match(gold, system)
    pooled = [i for i, g in enumerate(gold.mentions) if g.split in ("dev", "dev2")]
    p_r = bench.scores([gold.mentions[i].event for i in pooled], [pred[i] for i in pooled])
    out = {"setting": kw, "dev+dev2": [round(p_r["pair_p"], 3), round(p_r["pair_r"], 3), round(p_r["pair_f1"], 3)]}
    for split in ("dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10"):
        r = bench.evaluate(gold, pred, split)
        out[split] = [round(r["pair_p"] or 0.0, 3), round(r["pair_r"] or 0.0, 3)]
    out["apart"] = {s: bench.evaluate(gold, pred, s)["near_misses_apart"] for s in bench.DEV_SPLITS}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--grid", choices=sorted(GRIDS), default="weights")
    args = ap.parse_args()
    gold = bench.load_gold_files(bench.DEV_FILES)
    with Library(args.library) as library:
        frame = library.mentions_frame()
    grid = GRIDS[args.grid]
    for combo in itertools.product(*grid.values()):
        kw = setting(dict(zip(grid, combo)))
        if kw["TEXT_WEIGHT"] > 0:
            print(json.dumps(run(gold, frame, kw)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
