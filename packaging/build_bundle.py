"""Build the PyInstaller one-folder bundle, then run it offscreen and check that it shows events.

Usage: python packaging/build_bundle.py [--dist DIR] [--work DIR] [--no-build] [--repeat 3]
Needs PyInstaller (python -m pip install -r packaging/requirements-bundle.txt). Prints the build
time, the bundle's size and largest parts, and the bundled app's start-up to events drawn; exits
non-zero when a check fails. Takes a few minutes: not part of the test run.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "diplomatic-timeline.spec"
NAME = "diplomatic-timeline"
DRAWN = re.compile(r"^(\d+) events drawn ")
SAMPLE_ROWS = "sample-rows.json"  # core/batch/samples.FILE_NAME, without importing the app here
# An article page of our own, to check that the HTML readers found their data files in the bundle.
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Chile and Peru sign a fisheries accord</title>
<meta property="article:published_time" content="2024-05-08T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Chile and Peru sign a fisheries accord</h1>
<p>The foreign ministers of Chile and Peru signed a fisheries accord in Lima on Tuesday, ending a
dispute that began in 2019.</p>
<p>The two countries will meet again in September to review the catch quotas, officials said.</p>
</article><footer>Contact us</footer></body></html>
"""


class CheckFailed(Exception):
    """The bundle does not do what it must; the message says what."""


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if subprocess.run(cmd, cwd=ROOT).returncode != 0:
        raise CheckFailed("PyInstaller failed (its messages are above)")
    return time.perf_counter() - started


def size_mb(path: Path) -> float:
    if path.is_file() or path.is_symlink():
        return path.lstat().st_size / 1e6
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def report_size(app: Path, largest: int = 10) -> None:
    internal = app / "_internal"
    parts = sorted(((size_mb(p), p.name) for p in internal.iterdir()), reverse=True)
    print(f"bundle: {size_mb(app):.0f} MB (10^6 bytes) in {app}")
    print("largest parts: " + ", ".join(f"{name} {mb:.0f} MB" for mb, name in parts[:largest]))
    qt_libs = sorted(p.name.split(".so")[0] for p in (internal / "PySide6" / "Qt" / "lib").glob("libQt6*"))
    print("Qt libraries: " + " ".join(qt_libs))


def check_contents(app: Path) -> None:
    """What makes the bundle start slower than the installed package must not come back: packages whose
    PyInstaller runtime hooks import them at every start, and modules packed in the PYZ archive."""
    internal = app / "_internal"
    if not (internal / "timeline_app" / "cli.pyc").is_file():
        raise CheckFailed("the app's modules are not .pyc files in _internal (the spec's noarchive=True)")
    present = [name for name in ("setuptools", "pkg_resources", "traitlets") if (internal / name).exists()]
    if present:
        raise CheckFailed(f"the bundle holds {', '.join(present)}: their runtime hooks import them at every "
                          "start (add them to the spec's EXCLUDES)")


def run_app(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str, str, int]:
    """Start the bundled app; seconds until its first stdout line, seconds until it exited, outputs, status."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(exe), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=cwd)
    assert proc.stdout is not None
    first_line = proc.stdout.readline()
    first = time.perf_counter() - started
    rest, err = proc.communicate(timeout=300)
    return first, time.perf_counter() - started, first_line + rest, err, proc.returncode


def check_gui(exe: Path, tmp: Path, repeat: int) -> None:
    """--smoke-test on a fresh data folder (the first start imports the samples), then again (reads them)."""
    times: dict[str, list[float]] = {"cold": [], "warm": []}
    for i in range(repeat):
        cache = tmp / f"cache{i}"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIMELINE_DATA_DIR=str(tmp / f"data{i}"),
                   XDG_CONFIG_HOME=str(tmp / f"config{i}"), TIMELINE_CACHE_DIR=str(cache))
        for label in times:
            first, total, out, err, code = run_app(exe, ["--smoke-test"], env, tmp)
            drawn = DRAWN.match(out.strip())
            if code != 0 or drawn is None or int(drawn.group(1)) == 0 or "Traceback" in err:
                raise CheckFailed(f"{label} start: exit status {code}\nstdout: {out}\nstderr: {err}")
            # A first start stores the samples' rows in the cache only when it had to process them.
            if (cache / SAMPLE_ROWS).exists():
                raise CheckFailed("the first start processed the samples: the rows the bundle carries "
                                  "were not stored for its key (core/batch/samples.py)")
            times[label].append(first)
            print(f"{label} start: {drawn.group(1)} events drawn {first:.2f} s after launch; exited cleanly "
                  f"after {total:.2f} s")
    for label, seconds in times.items():
        print(f"{label} (median of {repeat}): {statistics.median(seconds):.2f} s to events drawn")


def check_cli(exe: Path, tmp: Path) -> None:
    """--version, and extract on the bundled samples (two worker processes) and on an HTML page."""
    env = dict(os.environ, TIMELINE_DATA_DIR=str(tmp / "data"))
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=60)
    if version.returncode != 0 or not version.stdout.startswith("Diplomatic Timeline "):
        raise CheckFailed(f"--version: {version.stdout!r} {version.stderr!r}")
    print(f"--version: {version.stdout.strip()}")
    samples = exe.parent / "_internal" / "timeline_app" / "resources" / "samples"
    page = tmp / "2024-05-08_lima_fisheries.html"
    page.write_text(PAGE, encoding="utf-8")
    for label, inputs, extra in (("samples, 2 workers", [str(samples)], ["--workers", "2", "--parquet", "pq"]),
                                 ("HTML page", [str(page)], ["--workers", "1"])):
        out_csv = tmp / "events.csv"
        done = subprocess.run([str(exe), "extract", *inputs, "--csv", str(out_csv), "-q", *extra],
                              capture_output=True, text=True, env=env, cwd=tmp, timeout=600)
        with out_csv.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        if done.returncode not in (0, 2) or not rows or "Traceback" in done.stderr:
            raise CheckFailed(f"extract {label}: exit status {done.returncode}, {len(rows)} events\n{done.stderr}")
        print(f"extract ({label}): {len(rows)} events")
    if not (tmp / "pq" / "mentions.parquet").is_file():
        raise CheckFailed("extract --parquet wrote no mentions.parquet")
    if not any(r["event_date"] == "2024-05-07" and "CHL" in r["countries"] for r in rows):
        raise CheckFailed("the HTML page's Tuesday (2024-05-07, Chile) was not found")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default build/pyinstaller)")
    parser.add_argument("--no-build", action="store_true", help="check the bundle already in --dist")
    parser.add_argument("--repeat", type=int, default=3, help="cold and warm starts each (default 3)")
    opts = parser.parse_args()
    app = opts.dist / NAME
    exe = app / (NAME + (".exe" if sys.platform == "win32" else ""))
    try:
        if not opts.no_build:
            shutil.rmtree(app, ignore_errors=True)
            print(f"build: {build(opts.dist, opts.work):.0f} s")
        report_size(app)
        check_contents(app)
        with tempfile.TemporaryDirectory(prefix="timeline-bundle-") as tmp:
            check_cli(exe, Path(tmp))
        with tempfile.TemporaryDirectory(prefix="timeline-bundle-") as tmp:
            check_gui(exe, Path(tmp), opts.repeat)
    except CheckFailed as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print("bundle OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
