"""Dask schedulers and workers started apart, unable to import the checkout; a Python without one package."""

from __future__ import annotations

import importlib.metadata
import json
import os
import signal
import subprocess
import time
import venv
from pathlib import Path

import distributed

START_TIMEOUT = 60


def clean_env() -> dict[str, str]:
    """This environment without what would let the checkout or another Python's packages in."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}


class Processes:
    """Processes started from `directory` (outside the checkout), each in its own process group, all
    stopped by stop() with whatever they started (a worker's nanny starts the worker process)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.started: list[subprocess.Popen] = []

    def start(self, name: str, *cmd: str | Path) -> subprocess.Popen:
        log = (self.directory / f"{name}.log").open("wb")
        # -I: no PYTHONPATH, no user site, and neither the current directory nor a script's on sys.path.
        proc = subprocess.Popen([str(c) for c in cmd], cwd=self.directory, env=clean_env(), stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.started.append(proc)
        return proc

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
                         for p in sorted(self.directory.glob("*.log")))

    def stop(self) -> None:
        for proc in self.started:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.started:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)


def start_scheduler(processes: Processes, python: Path | str) -> str:
    """`dask scheduler` on a free port of 127.0.0.1; returns its address once it listens."""
    info = processes.directory / "scheduler.json"
    proc = processes.start("scheduler", python, "-I", "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                           "--port", "0", "--no-dashboard", "--scheduler-file", info)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        if info.exists():
            try:
                return json.loads(info.read_text())["address"]
            except (ValueError, KeyError):
                pass  # being written
        time.sleep(0.2)
    raise AssertionError(f"the scheduler did not start:\n{processes.logs()}")


def start_worker(processes: Processes, python: Path | str, address: str, name: str) -> None:
    """`dask worker` with one thread, named `name`, its scratch space under the processes' directory."""
    processes.start(name, python, "-I", "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                    "--no-dashboard", "--name", name, "--local-directory", processes.directory / name)


def python_without(directory: Path, distribution: str) -> Path:
    """A venv whose site-packages are this Python's (dask included) but for `distribution`, which is
    neither importable nor known to importlib.metadata there. Returns its python."""
    venv.EnvBuilder(with_pip=False).create(directory)
    site = next(directory.glob("lib/python*/site-packages"))
    system_site = Path(distributed.__file__).resolve().parent.parent
    hidden = importlib.metadata.distribution(distribution)
    assert Path(hidden.locate_file("")).resolve() == system_site, "the test expects one site-packages"
    hidden_names = {Path(f).parts[0] for f in hidden.files or []} - {".."}
    for entry in system_site.iterdir():
        if entry.name not in hidden_names and not (site / entry.name).exists():
            (site / entry.name).symlink_to(entry)
    return directory / "bin" / "python"
