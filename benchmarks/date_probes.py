"""English news sentences written for the date engine: how many come out with every date right.

Usage: python benchmarks/date_probes.py [--set sentences|probes2|...|probes9] [--show] [--approx]
Reads benchmarks/data/date_probes/<set>.tsv (publication date, sentence, the dates it holds);
a sentence counts as right when each expected surface is found with its value and nothing else is.
In probes2 to probes9 a value ending in '~' should carry mod=APPROX and one without it should not, so
those sets also score the engine's uncertainty marks. --approx lists every mention marked APPROX.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline_app.core.temporal import find_dates  # noqa: E402

DATA_DIR = HERE / "data" / "date_probes"
DATA = DATA_DIR / "sentences.tsv"
APPROX_MARK = "~"


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
    ap.add_argument("--set", default="sentences", help="the file of benchmarks/data/date_probes to read")
    ap.add_argument("--show", action="store_true", help="print each sentence that is not right")
    ap.add_argument("--approx", action="store_true", help="print each mention marked APPROX")
    args = ap.parse_args()
    probes = read_probes(DATA_DIR / f"{args.set}.tsv")
    scores_mod = any(v.endswith(APPROX_MARK) for _, _, exp in probes for v in exp.values())
    right = mentions = approx = 0
    for published, sentence, expected in probes:
        found = find_dates(sentence, published)
        mentions += len(found)
        approx += sum(m.mod == "APPROX" for m in found)
        if args.approx:
            for m in found:
                if m.mod == "APPROX":
                    print(f"APPROX {published} {published:%a}  {m.text}={m.value}  in: {sentence}")
        mark = (lambda m: APPROX_MARK if m.mod == "APPROX" else "") if scores_mod else (lambda m: "")
        got = {m.text: m.value + mark(m) for m in found}
        if got == expected:
            right += 1
        elif args.show:
            print(f"{published} {published:%a}  {sentence}\n    want {expected}\n    got  {got}")
    print(f"{right} of {len(probes)} sentences right ({right / len(probes):.3f}); "
          f"{approx} of {mentions} mentions marked APPROX")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
