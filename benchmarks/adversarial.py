"""Hostile inputs (issue #18), each imported by `main.py extract` in a fresh process: time, peak memory, outcome.

    python benchmarks/adversarial.py                  # every case
    python benchmarks/adversarial.py --case runon_101k --case zip_3x16x1mb
    python benchmarks/adversarial.py --kill-after 60  # stop a case that runs longer (default 120 s)

Target: every case ends within 10 s and 500 MB, its good articles stored and the rest refused with a reason.
A case that puts its hostile file among good articles is judged on what the hostile file adds: it is run
again without that file, and the CPU time of that run is taken off (both are printed).
Time is judged as CPU time (user + system, of the process and of the worker processes it waited for,
from os.wait4): on this shared 2-core machine the clock also counts other people's work. Wall-clock
seconds and the load average are printed beside it. Peak memory is the largest resident set among
those processes. The last line printed is the whole result as JSON.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_SECONDS = 10.0
MAX_MB = 500.0
PUBLISHED = "2022-03-03"
RUNON = "France met Germany on 4 March 2021 and "
NEWS = "Officials from Japan and India met in Geneva on Tuesday to discuss the trade plan agreed in March 2021. "


@dataclass
class Case:
    name: str
    what: str
    build: Callable[[Path], list[Path]]
    stored: int = 0  # articles that must be stored: the good ones around the hostile part
    workers: int = 1
    options: list[str] = field(default_factory=list)
    # The hostile file among good ones: the case is run again without it, and the CPU time of that run
    # (the good articles' own cost, worker start-ups included) is taken off before the budget is judged.
    hostile: str | None = None


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _runon(folder: Path) -> list[Path]:
    return [_write(folder, "runon.txt", RUNON * 2600)]


def _runon_first(folder: Path) -> list[Path]:
    from tests.core.corpus import write_corpus

    corpus = folder / "corpus"
    write_corpus(corpus, 300)
    _write(corpus, "0000_runon.txt", RUNON * 2600)
    return [corpus]


def _mondays(n: int) -> Callable[[Path], list[Path]]:
    return lambda folder: [_write(folder, "mondays.txt", "on Monday " * n)]


def _long_line(folder: Path) -> list[Path]:
    return [_write(folder, "line.txt", NEWS * (10 * 2**20 // len(NEWS)))]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _nested_zip(folder: Path) -> list[Path]:
    """Three levels: 16 zips of 16 zips of one 1 MB text each (256 MB of text, within the limits)."""
    text = (NEWS * (2**20 // len(NEWS) + 1)).encode()[: 2**20]
    inner = _zip({"article.txt": text})
    middle = _zip({f"part{i:02d}.zip": inner for i in range(16)})
    outer = _zip({f"box{i:02d}.zip": middle for i in range(16)})
    return [_write(folder, "nested.zip", outer)]


def _csv_field(folder: Path) -> list[Path]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "text", "date"])
    writer.writerow(["Huge", NEWS * (10 * 2**20 // len(NEWS)), PUBLISHED])
    writer.writerow(["Small", "Japan and India met in Geneva on Tuesday.", PUBLISHED])
    return [_write(folder, "dump.csv", out.getvalue())]


def _jsonl_bigint(folder: Path) -> list[Path]:
    good = [json.dumps({"title": f"Talks {i}", "text": f"Japan and India met on Tuesday, round {i}."}) for i in range(3)]
    lines = [good[0], '{"title": "Big", "id": ' + "9" * 5000 + "}", *good[1:]]
    return [_write(folder, "dump.jsonl", "\n".join(lines) + "\n")]


def _deep_html(depth: int) -> Callable[[Path], list[Path]]:
    body = "<div>" * depth + "<p>Japan and India met in Geneva on Tuesday.</p>" + "</div>" * depth
    page = f"<!doctype html><html><head><title>Deep</title></head><body>{body}</body></html>"
    return lambda folder: [_write(folder, f"deep{depth}.html", page)]


def _dense(size: int) -> Callable[[Path], list[Path]]:
    """News sentences with two dates each: 990 kB holds 19,000 date expressions, 500 kB 9,600."""
    return lambda folder: [_write(folder, "dense.txt", NEWS * (size // len(NEWS)))]


CASES = [
    Case("runon_101k", "one run-on sentence, 'France met Germany on 4 March 2021 and ' x 2,600", _runon, 1),
    Case("runon_first_of_300", "the run-on file first in a folder of 300 articles, 2 workers", _runon_first, 301, 2,
         hostile="0000_runon.txt"),
    Case("mondays_1m", "'on Monday ' x 1,000,000 (10 MB)", _mondays(1_000_000)),
    Case("mondays_99k", "'on Monday ' x 99,000 (990 kB)", _mondays(99_000)),
    Case("zip_3x16x1mb", "zip of 16 zips of 16 zips of one 1 MB text", _nested_zip),
    Case("line_10mb", "a 10 MB single line of news sentences", _long_line),
    Case("csv_10mb_field", "a CSV whose first row has a 10 MB text field", _csv_field, 1),
    Case("jsonl_bigint", "JSON Lines with a 5,000-digit integer on its 2nd line", _jsonl_bigint, 3),
    Case("html_1990_deep", "a page with its text 1,990 divs deep", _deep_html(1990), 1),
    Case("html_100k_deep", "a page with its text 100,000 divs deep", _deep_html(100_000), 1),
    Case("dense_990k", "990 kB of dated news sentences (over the 10,000 date expressions)", _dense(990_000)),
    Case("dense_500k", "500 kB of dated news sentences (9,600 date expressions)", _dense(500_000), 1),
    Case("dense_500k_budget_1s", "the same with --time-budget 1", _dense(500_000), options=["--time-budget", "1"]),
]


def _extract(case: Case, inputs: list[Path], library: Path, err_path: Path, kill_after: float):
    """Run main.py extract on `inputs`: (killed, wait status, resource usage, wall seconds)."""
    cmd = [sys.executable, str(ROOT / "main.py"), "extract", *map(str, inputs), "--library", str(library),
           "--workers", str(case.workers), "--published", PUBLISHED, "--quiet", *case.options]
    with err_path.open("wb") as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > kill_after:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    return killed, status, usage, time.monotonic() - t0


def run_case(case: Case, kill_after: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="adversarial-") as tmp:
        folder = Path(tmp)
        inputs = case.build(folder)
        err_path = folder / "stderr.txt"
        killed, status, usage, seconds = _extract(case, inputs, folder / "lib.sqlite3", err_path, kill_after)
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        base_cpu = 0.0
        if case.hostile:  # the same run without the hostile file: what the good articles cost on their own
            next(folder.rglob(case.hostile)).unlink()
            _, _, base, _ = _extract(case, inputs, folder / "base.sqlite3", folder / "base.txt", kill_after)
            base_cpu = base.ru_utime + base.ru_stime
    added = re.search(r"^(\d+) articles? added", stderr, re.M)
    skipped = re.findall(r"^skipped: (.*)$", stderr, re.M)
    cpu = usage.ru_utime + usage.ru_stime
    result = {
        "case": case.name, "cpu_seconds": round(cpu, 2), "wall_seconds": round(seconds, 2),
        "load": round(os.getloadavg()[0], 1), "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "exit": None if killed else os.waitstatus_to_exitcode(status), "killed": killed,
        "added": int(added.group(1)) if added else 0, "skipped": len(skipped),
        "reasons": sorted({re.sub(r"^.*?: ", "", s, count=1)[:120] for s in skipped})[:4],
    }
    if case.hostile:
        result["cpu_without_hostile"] = round(base_cpu, 2)
    judged = cpu - base_cpu
    # Exit 1 ("nothing could be read") is right for a case whose only input is refused.
    exits = (0, 1, 2) if case.stored == 0 else (0, 2)
    result["within_target"] = (not killed and judged <= MAX_SECONDS and result["peak_mb"] <= MAX_MB
                               and result["exit"] in exits and result["added"] >= case.stored
                               and (result["added"] + result["skipped"]) > 0)
    if not result["added"] and not result["skipped"]:
        result["stderr_tail"] = stderr[-300:]
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", action="append", choices=[c.name for c in CASES], help="run only this case")
    ap.add_argument("--kill-after", type=float, default=120.0, help="seconds before a case is killed")
    opts = ap.parse_args()
    chosen = [c for c in CASES if not opts.case or c.name in opts.case]
    results = []
    print(f"{'case':<22} {'cpu s':>6} {'wall s':>6} {'load':>4} {'MB':>6}  exit  added skipped  reasons")
    for case in chosen:
        r = run_case(case, opts.kill_after)
        results.append(r)
        status = "killed" if r["killed"] else str(r["exit"])
        mark = "ok " if r["within_target"] else "OVER"
        print(f"{case.name:<22} {r['cpu_seconds']:6.2f} {r['wall_seconds']:6.2f} {r['load']:4.1f} {r['peak_mb']:6.1f}"
              f"  {status:>4}  {r['added']:5d} {r['skipped']:7d}"
              f"  {mark} {'; '.join(r['reasons']) or r.get('stderr_tail', '')!s:.160}"
              + (f"(without the hostile file: {r['cpu_without_hostile']:.2f} s)" if "cpu_without_hostile" in r else ""),
              flush=True)
    within = sum(r["within_target"] for r in results)
    print(f"{within} of {len(results)} cases within {MAX_SECONDS:g} s of CPU and {MAX_MB:g} MB")
    print(json.dumps({"target": {"seconds": MAX_SECONDS, "mb": MAX_MB}, "within": within, "cases": results}))
    return 0 if within == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
