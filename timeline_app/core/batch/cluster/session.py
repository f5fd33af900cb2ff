"""A Dask client ready for the extraction: its cluster checked and given the app's code, the inputs where its workers see them."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain

import cloudpickle
from distributed import Client, LocalCluster
from packaging.requirements import Requirement

from timeline_app import __version__
from timeline_app.core.batch import articles
from timeline_app.core.batch.cluster import bundle, environment, remote
from timeline_app.errors import ClusterError

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = "20s"
# Seconds a scheduler may stay without a worker before the run gives up.
WORKER_WAIT = 30
SCHEDULER = "the scheduler"


@contextmanager
def ready_client(address: str, workers: int | None) -> Iterator[Client]:
    """A client of a LocalCluster started here ("local") or of the scheduler at `address`, its cluster
    checked and given the app's code; closed on exit, and the LocalCluster stopped."""
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except OSError as e:
        raise ClusterError(f"Cannot reach the Dask scheduler at {address}: {e}.") from e
    try:
        # A LocalCluster's workers are started by this interpreter, with its sys.path: nothing to send.
        if cluster is None:
            prepare(client, address)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def prepare(client: Client, address: str) -> None:
    """Check the cluster's Python and requirements, send the app's code, and check that it imports
    there, before any task: raise ClusterError saying what to install otherwise."""
    _wait_for_workers(client, address)
    needed = environment.worker_requirements()
    environment.check_versions(address, client.get_versions(packages=[r.name for r in needed]), needed)
    code = bundle.code_zip()
    refused = _send(client, code)
    problems = _import_problems(client, None if refused else code.digest)
    if problems:
        raise ClusterError(_import_message(address, problems, refused, needed, len(client.ncores())))
    if refused:
        log.warning("the Dask cluster at %s refused the app's code (%s); it has timeline_app %s installed, "
                    "which runs the tasks", address, refused, __version__)


def inputs_for(client: Client, address: str, chunks: Iterable[list[str]]) -> Iterator[list[str]]:
    """The chunks as a remote cluster's workers need them: with absolute paths (a worker does not share
    this directory), once every worker sees the first local input that exists here; ClusterError
    otherwise. (An input missing here too is the reader's to report, as in the other modes.)"""
    if address == "local":
        return iter(chunks)
    absolute = ([p if "://" in p else os.path.abspath(p) for p in chunk] for chunk in chunks)
    first = next(absolute, None)
    if first is None:
        return iter(())
    local = next((p for p in first if "://" not in p and os.path.exists(p)), None)
    if local is not None:
        seen = client.run(os.path.exists, local)
        blind = [addr for addr, ok in seen.items() if not ok]
        if blind:
            raise ClusterError(
                f"The Dask workers cannot see {local} ({environment.named_workers(blind, len(seen))}): workers "
                "read the inputs themselves, so keep them on a file system every worker mounts at the same "
                "path, or give URLs.")
    return chain([first], absolute)


def _wait_for_workers(client: Client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError as e:
        raise ClusterError(f"The Dask scheduler at {address} has no worker after {WORKER_WAIT} s: start one "
                           f"with `dask worker {address}` where the app's requirements are installed.") from e


def _send(client: Client, code: bundle.CodeZip) -> str:
    """'' once the scheduler and every worker have the code (workers that join later get it from the
    scheduler), else what the cluster answered."""
    # The plugins and remote's functions travel by value: the cluster has no timeline_app to find them in.
    cloudpickle.register_pickle_by_value(remote)
    name = remote.unpacked_name(code.digest)
    try:
        client.register_plugin(remote.CodeOnScheduler(code.data, code.digest), name=name)
        client.register_plugin(remote.CodeOnWorkers(code.data, code.digest), name=name)
    except Exception as e:  # noqa: BLE001 - any refusal: the import check below decides what to do
        return f"{type(e).__name__}: {e}"
    return ""


def _import_problems(client: Client, digest: str | None) -> dict[str, dict[str, str]]:
    """Where the code does not import (SCHEDULER or a worker's address) -> remote.import_problem's answer."""
    found: dict[str, dict[str, str]] = {}
    try:
        # The scheduler only unpickles the tasks, whose functions are remote.ByName.
        found[SCHEDULER] = client.run_on_scheduler(remote.import_problem, remote.__name__, digest, __version__)
    except Exception as e:  # noqa: BLE001 - reported with the others
        found[SCHEDULER] = {"error": f"{type(e).__name__}: {e}"}
    answers = client.run(remote.import_problem, articles.__name__, digest, __version__, on_error="return")
    for addr, answer in answers.items():
        found[addr] = {"error": f"{type(answer).__name__}: {answer}"} if isinstance(answer, Exception) else answer
    return {where: problem for where, problem in found.items() if problem}


def _import_message(address: str, problems: dict[str, dict[str, str]], refused: str,
                    needed: list[Requirement], n_workers: int) -> str:
    by_error: dict[str, list[str]] = {}
    for where, problem in problems.items():
        by_error.setdefault(problem["error"], []).append(where)
    said = "; ".join(f"{error} {_on(places, n_workers)}" for error, places in by_error.items())
    missing = environment.missing_requirement([p["missing"] for p in problems.values() if p.get("missing")],
                                              needed)
    install = ("install on every worker: python -m pip install "
               + " ".join(environment.pip_argument(r) for r in missing)) if missing else ""
    if refused:
        return (f"The Dask cluster at {address} refused the app's code ({refused}), and cannot run the "
                f"timeline_app {__version__} installed there: {said}. Let it take the code (plugins "
                f"registered by clients), or install Diplomatic Timeline {__version__} on the scheduler and "
                "every worker (python -m pip install . in a checkout of this version)"
                + (f"; and {install}." if install else "."))
    return (f"The Dask cluster at {address} cannot import the app's code: {said}. "
            + (f"To fix it, {install}." if install else
               "To fix it, give the scheduler and the workers what the error names, then run this again."))


def _on(places: list[str], n_workers: int) -> str:
    workers = [p for p in places if p != SCHEDULER]
    parts = [f"on {SCHEDULER}"] if SCHEDULER in places else []
    if workers:
        parts.append(f"on {environment.named_workers(workers, n_workers)}")
    return " and ".join(parts)
