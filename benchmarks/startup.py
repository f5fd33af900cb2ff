"""Start-up of the installed app: launch to the window with the sample library drawn, cold and warm.

Usage: python benchmarks/startup.py [--repeat 3] [--command PATH] [--importtime-ms 50]

Without --command the checkout is installed into a temporary venv first (as tests/test_packaging.py
does: pip install --no-deps, the dependencies come from this Python), so the figures are those of
the installed package, resources read from site-packages. Each run is `diplomatic-timeline
--smoke-test` offscreen, timed from launch to its "N events drawn" line:
  cold: a fresh data folder, settings and cache, so the first start imports the bundled samples;
  warm: the same folder again, the library read back.
Then a cold and a warm start under `python -X importtime` list the imports costing more than
--importtime-ms (cumulative, nested as Python imported them); the last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAWN = re.compile(r"^(\d+) events drawn ")
IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def install(into: Path) -> Path:
    """The checkout installed into a venv at `into`; returns the venv's bin folder."""
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(into)
    bin_dir = into / "bin"
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--no-deps", "--no-build-isolation",
                    "--no-index", "--quiet", str(ROOT)], check=True, cwd=into)
    return bin_dir


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def smoke(cmd: list[str], data: Path) -> tuple[float, float, int, str]:
    """Seconds from launch to the smoke test's line, the CPU seconds of the whole run (all threads,
    to its exit just after that line), the events it drew, and its stderr."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    # A cache folder of its own too: a cold start is a first start on this machine, with what the
    # package carries (core/batch/samples.py) and nothing an earlier run left in ~/.cache.
    env.update(QT_QPA_PLATFORM="offscreen", TIMELINE_DATA_DIR=str(data / "data"),
               XDG_CONFIG_HOME=str(data / "config"), XDG_CACHE_HOME=str(data / "cache"))
    # stderr goes to a file: -X importtime writes more than a pipe holds before the smoke test's
    # line, and a child blocked on a full stderr pipe would never print it.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        cpu_before = _children_cpu()
        started = time.perf_counter()
        proc = subprocess.Popen([*cmd, "--smoke-test"], stdout=subprocess.PIPE, stderr=errors,
                                text=True, env=env, cwd=data)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - started
        proc.communicate(timeout=300)
        cpu = _children_cpu() - cpu_before
        errors.seek(0)
        err = errors.read()
    drawn = DRAWN.match(line)
    if proc.returncode != 0 or drawn is None:
        raise SystemExit(f"error: the smoke test failed (exit {proc.returncode}): {line}{err}")
    return elapsed, cpu, int(drawn.group(1)), err


def slow_imports(stderr: str, threshold_ms: float) -> list[tuple[int, float, str]]:
    """(nesting depth, cumulative ms, module) of every import over the threshold, in import order."""
    found = []
    for line in stderr.splitlines():
        m = IMPORT_LINE.match(line)
        if m and int(m.group(2)) / 1000 >= threshold_ms:
            found.append(((len(m.group(3)) - 1) // 2, int(m.group(2)) / 1000, m.group(4)))
    # importtime prints a module after its children: reversed, every parent comes before its children.
    return found[::-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="cold and warm runs each (default 3)")
    parser.add_argument("--command", type=Path, help="an installed diplomatic-timeline to time instead")
    parser.add_argument("--importtime-ms", type=float, default=50.0, help="list imports costing more")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="timeline-startup-") as tmp:
        if opts.command:
            launcher, python = [str(opts.command)], None
        else:
            bin_dir = install(Path(tmp) / "venv")
            launcher, python = [str(bin_dir / "diplomatic-timeline")], str(bin_dir / "python")
        print(f"timing {launcher[0]} (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
        cold, warm, cold_cpu, warm_cpu = [], [], [], []
        processed: list[bool] = []
        for i in range(opts.repeat):
            data = Path(tmp) / f"run{i}"
            data.mkdir()
            seconds, cpu, events, _ = smoke(launcher, data)
            cold.append(seconds)
            cold_cpu.append(cpu)
            # A first start stores the samples' rows in its cache only when it had to process them
            # (core/batch/samples.py): the rows the package carries were not for its key.
            processed.append(any((data / "cache").rglob("sample-rows.json")))
            seconds, cpu, events, _ = smoke(launcher, data)
            warm.append(seconds)
            warm_cpu.append(cpu)
            print(f"run {i + 1}: cold {cold[-1]:.2f} s (CPU {cold_cpu[-1]:.2f} s), "
                  f"warm {warm[-1]:.2f} s (CPU {warm_cpu[-1]:.2f} s) ({events} events drawn; the samples "
                  f"{'processed' if processed[-1] else 'as stored'} in the first start)")
        # Wall time moves with what else the machine runs; CPU time much less.
        print(f"cold (first start, samples imported): median {statistics.median(cold):.2f} s, best {min(cold):.2f} s,"
              f" CPU median {statistics.median(cold_cpu):.2f} s")
        print(f"warm (library read back): median {statistics.median(warm):.2f} s, best {min(warm):.2f} s,"
              f" CPU median {statistics.median(warm_cpu):.2f} s")
        slow: dict[str, dict[str, int]] = {}
        if python is not None:
            data = Path(tmp) / "importtime"
            data.mkdir()
            for label in ("cold", "warm"):  # the cold start also imports what reads the samples
                _s, _c, _e, err = smoke([python, "-X", "importtime", "-m", "timeline_app"], data)
                found = slow_imports(err, opts.importtime_ms)
                print(f"imports over {opts.importtime_ms:.0f} ms in a {label} start (cumulative, -X importtime):")
                for depth, ms, name in found:
                    print(f"  {'  ' * depth}{name}: {ms:.0f} ms")
                slow[label] = {name: round(ms) for _d, ms, name in found}
    print(json.dumps({"load_average": os.getloadavg()[0], "cold_s": round(statistics.median(cold), 3),
                      "warm_s": round(statistics.median(warm), 3),
                      "cold_cpu_s": round(statistics.median(cold_cpu), 3), "warm_cpu_s": round(statistics.median(warm_cpu), 3),
                      "samples_processed": sum(processed),
                      "slow_imports_ms": slow}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
