"""Date engine accuracy and speed on the TimeML corpora, side by side with dateparser.search_dates.

Usage: python benchmarks/dates.py [--shared ../shared] [--corpus timebank] [--skip-baseline]
       [--show-errors N]
Needs the shared folder (scorer and corpora); prints the scorer's tables and the speed ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import dates_adapter  # noqa: E402


def _load_scorer(shared: Path):
    path = shared / "eval" / "timex_score.py"
    if not path.is_file():
        raise SystemExit(f"error: the scorer is not at {path}; pass --shared PATH to the shared folder")
    spec = importlib.util.spec_from_file_location("timex_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["timex_score"] = module
    spec.loader.exec_module(module)
    return module


def _run(scorer, docs, extract, label: str, show_errors: int = 0) -> dict:
    outputs, seconds, failures = scorer.run_extractor(extract, docs)
    errors: list[dict] | None = [] if show_errors else None
    rows = [("all types", scorer.evaluate(docs, outputs, None)),
            ("DATE+TIME", scorer.evaluate(docs, outputs, ["DATE", "TIME"], errors))]
    chars = sum(len(d.text) for d in docs)
    speed = {"docs": len(docs), "extract_seconds": seconds, "failures": failures,
             "docs_per_s": len(docs) / seconds if seconds else float("inf"),
             "chars_per_s": chars / seconds if seconds else float("inf")}
    print(f"[{label}]")
    print(scorer.format_table(rows, speed))
    marked = _approx_marks(docs, outputs)
    if marked is not None:
        print(f"marked APPROX: {marked[0]} of {sum(len(o) for o in outputs)} mentions, {marked[1]} of them "
              "with the gold value")
    if errors:
        for kind in ("FP", "FN", "value", "span", "span+value"):
            chosen = [e for e in errors if e["kind"] == kind][:show_errors]
            for e in chosen:
                print(kind, e.get("gold_text", ""), "|", e.get("sys_text", ""), "|",
                      e.get("gold_value", ""), "|", e.get("sys_value", ""), "|", e["dct"], "|", e["context"])
    return {"value_F1": rows[1][1]["value_F1"], "docs_per_s": speed["docs_per_s"]}


def _approx_marks(docs, outputs) -> tuple[int, int] | None:
    """(mentions marked mod=APPROX, those of them whose value is the gold one), or None when the
    extractor gives no modifiers."""
    if not any("mod" in d for out in outputs for d in out):
        return None
    marked = right = 0
    for doc, out in zip(docs, outputs):
        gold = {t.start: t.value for t in doc.timexes}
        for d in out:
            if d.get("mod") == "APPROX":
                marked += 1
                right += gold.get(d["start"]) == d["value"]
    return marked, right


def check_seed(shared: Path) -> bool:
    """The seed article's gold mentions: each must come out with its exact offsets and value."""
    import datetime as dt
    import json

    from timeline_app.core.temporal import find_dates

    gold_path = shared / "data" / "seed" / "gold.json"
    if not gold_path.is_file():
        print(f"seed: no {gold_path}, skipped")
        return True
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (gold_path.parent / gold["file"]).read_bytes().decode("utf-8")
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    found = {(m.start, m.end, m.value) for m in find_dates(text, dt.date.fromisoformat(gold["published"]))}
    ok = 0
    for g in gold["gold"]:
        hit = (g["start"], g["end"], g["value"]) in found
        ok += hit
        if not hit:
            print(f"seed: MISSED {g['surface']!r} {g['start']}-{g['end']} = {g['value']}")
    print(f"seed: {ok} of {len(gold['gold'])} gold mentions with exact offsets and values")
    return ok == len(gold["gold"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared",
                    help="the shared folder with eval/ and data/timeml/ (default ../shared)")
    ap.add_argument("--corpus", action="append", choices=["timebank", "aquaint"],
                    help="corpus to run (default both)")
    ap.add_argument("--skip-baseline", action="store_true", help="do not run dateparser.search_dates")
    ap.add_argument("--show-errors", type=int, default=0, help="print N errors of each kind for our engine")
    args = ap.parse_args(argv)
    scorer = _load_scorer(args.shared)
    seed_ok = check_seed(args.shared)
    summary = []
    for name in args.corpus or ["timebank", "aquaint"]:
        directory = args.shared / "data" / "timeml" / name
        if not directory.is_dir():
            raise SystemExit(f"error: no corpus at {directory}")
        docs = scorer.read_corpus(str(directory))
        print(f"=== {name}: {len(docs)} documents, gold {scorer.gold_stats(docs)}")
        ours = _run(scorer, docs, dates_adapter.extract, "timeline_app find_dates", args.show_errors)
        line = f"{name}: find_dates value F1 (DATE+TIME) {ours['value_F1']:.3f}, {ours['docs_per_s']:.1f} docs/s"
        if not args.skip_baseline:
            base = _run(scorer, docs, dates_adapter.dateparser_search, "dateparser.search_dates")
            ratio = ours["docs_per_s"] / base["docs_per_s"] if base["docs_per_s"] else float("inf")
            line += (f"; search_dates {base['value_F1']:.3f}, {base['docs_per_s']:.1f} docs/s; "
                     f"speed ratio {ratio:.1f}x")
        summary.append(line)
        print()
    print("\n".join(summary))
    return 0 if seed_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
