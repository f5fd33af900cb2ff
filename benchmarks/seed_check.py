"""Check the seed article's gold mentions (../shared/data/seed) against the app's mentions CSV."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "data" / "seed"


def main() -> int:
    gold_path = SEED / "gold.json"
    if not gold_path.exists():
        print(f"no seed data at {SEED}: nothing to check")
        return 0
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "mentions.csv"
        run = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(SEED / gold["file"]),
                              "--mentions-csv", str(out), "--workers", "1"], capture_output=True, text=True)
        if run.returncode not in (0, 2):
            print(run.stderr)
            return 1
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    by_span = {(int(r["char_start"]), int(r["char_end"])): r for r in rows}
    ok = 0
    for g in gold["gold"]:
        r = by_span.get((g["start"], g["end"]))
        if r is None:
            print(f"MISSING  {g['surface']!r} at {g['start']}: expected {g['value']} {g['countries']}")
            continue
        countries = set(r["countries"].split(";")) if r["countries"] else set()
        good = r["date_value"] == g["value"] and set(g["countries"]) <= countries
        ok += good
        print(f"{'OK     ' if good else 'WRONG  '}  {g['surface']!r:22} {r['date_value']:12} "
              f"{r['countries']:15} (gold {g['value']} {';'.join(g['countries'])})")
    extra = [r for r in rows if (int(r["char_start"]), int(r["char_end"])) not in
             {(g["start"], g["end"]) for g in gold["gold"]}]
    for r in extra:
        print(f"EXTRA    {r['date_text']!r} {r['date_value']} {r['countries']}")
    print(f"{ok} of {len(gold['gold'])} gold mentions right, {len(extra)} extra rows")
    return 0 if ok == len(gold["gold"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
