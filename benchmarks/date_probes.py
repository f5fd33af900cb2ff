"""English news sentences written for the date engine: how many come out with every date right.

Usage: python benchmarks/date_probes.py [--show]
Reads benchmarks/data/date_probes/sentences.tsv (publication date, sentence, the dates it holds);
a sentence counts as right when each expected surface is found with its value and nothing else is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline_app.core.temporal import find_dates  # noqa: E402

DATA = HERE / "data" / "date_probes" / "sentences.tsv"


def read_probes(path: Path = DATA) -> list[tuple[dt.date, str, dict[str, str]]]:
    """(publication date, sentence, {surface: value}) for each line of `path`."""
    probes = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        published, sentence, expected = (line.split("\t") + [""])[:3]
        pairs = [p.strip().rsplit("=", 1) for p in expected.split(";") if p.strip()]
        if any(len(p) != 2 for p in pairs):
            raise SystemExit(f"error: {path}:{no}: expected 'surface=value; ...' in the third column")
        probes.append((dt.date.fromisoformat(published), sentence, dict(pairs)))
    return probes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each sentence that is not right")
    args = ap.parse_args()
    probes = read_probes()
    right = 0
    for published, sentence, expected in probes:
        got = {m.text: m.value for m in find_dates(sentence, published)}
        if got == expected:
            right += 1
        elif args.show:
            print(f"{published} {published:%a}  {sentence}\n    want {expected}\n    got  {got}")
    print(f"{right} of {len(probes)} sentences right ({right / len(probes):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
