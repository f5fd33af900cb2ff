"""What the Dask scheduler and workers run before the app is there: code unpacked onto sys.path, its import checked, tasks by name."""

from __future__ import annotations

# Only the standard library and distributed here (tests/core/batch/cluster/test_remote.py): the client
# pickles this module's plugins and functions by value, for a cluster that has neither the app nor
# its requirements yet.

import importlib
import io
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from distributed.diagnostics.plugin import SchedulerPlugin, WorkerPlugin

PACKAGE = "timeline_app"
# The unpacked code of one version lives in <the server's scratch directory>/timeline_app-<digest>.
UNPACKED_PREFIX = f"{PACKAGE}-"


def unpacked_name(digest: str) -> str:
    """The directory name of the code whose zip has this digest."""
    return UNPACKED_PREFIX + digest


@dataclass(frozen=True)
class ByName:
    """A task's function named by module and name, imported where the task runs.

    The scheduler unpickles every task it is given but never runs one: named this way, it imports
    this small module rather than the function's, which would need dateparser and the rest there too.
    """

    module: str
    name: str

    @classmethod
    def of(cls, function: Callable[..., Any]) -> ByName:
        return cls(function.__module__, function.__qualname__)

    @property
    def __name__(self) -> str:  # dask names the task keys after it ("read_chunk-...")
        return self.name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)


def unpack(data: bytes, digest: str, base: str) -> str:
    """The zip unpacked once into base/timeline_app-<digest>; returns that directory."""
    target = os.path.join(os.path.abspath(base), unpacked_name(digest))
    if not os.path.isdir(target):
        # Unpacked aside and renamed: a directory with this name is always complete.
        partial = tempfile.mkdtemp(prefix=".unpacking-", dir=base)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.extractall(partial)
        try:
            os.rename(partial, target)
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)
            if not os.path.isdir(target):  # else unpacked meanwhile by another process sharing `base`
                raise
    return target


def put_first_on_path(directory: str) -> None:
    """`directory` first on sys.path, the other unpacked versions off it, and their modules forgotten,
    so that the next import loads this version whatever ran here before."""
    for entry in [p for p in sys.path if os.path.basename(p).startswith(UNPACKED_PREFIX) or p == directory]:
        sys.path.remove(entry)
    sys.path.insert(0, directory)
    for name, module in list(sys.modules.items()):
        if name == PACKAGE or name.startswith(PACKAGE + "."):
            if not (getattr(module, "__file__", None) or "").startswith(directory + os.sep):
                del sys.modules[name]
    importlib.invalidate_caches()


class CodeOnWorkers(WorkerPlugin):
    """The app's code on every worker, those that join later too (the scheduler sends them its plugins).

    Set up again on every run (not idempotent): a worker that has this version only checks sys.path, and
    one whose unpacking failed on an earlier run gets another chance.
    """

    def __init__(self, data: bytes, digest: str) -> None:
        self.data = data
        self.digest = digest

    def setup(self, worker: Any) -> None:
        put_first_on_path(unpack(self.data, self.digest, worker.local_directory))


class CodeOnScheduler(SchedulerPlugin):
    """The app's code on the scheduler, which unpickles the tasks; other versions' plugins are dropped,
    so that workers that join later get only this one."""

    # A scheduler that has this version keeps it: registering again would only log a warning there.
    idempotent = True

    def __init__(self, data: bytes, digest: str) -> None:
        self.data = data
        self.digest = digest

    def start(self, scheduler: Any) -> None:
        put_first_on_path(unpack(self.data, self.digest, scheduler.local_directory))
        current = unpacked_name(self.digest)
        for name in [n for n in scheduler.worker_plugins if n.startswith(UNPACKED_PREFIX) and n != current]:
            del scheduler.worker_plugins[name]
        for name in [n for n in scheduler.plugins if n.startswith(UNPACKED_PREFIX) and n != current]:
            scheduler.remove_plugin(name)


def import_problem(module: str, digest: str | None, version: str) -> dict[str, str]:
    """{} when `module` imports here, from the unpacked code of `digest` (or, with None, from an installed
    timeline_app of `version`); else {"error": why, "missing": the module not found, if that was it}."""
    try:
        importlib.import_module(module)
    except ImportError as e:
        return {"error": f"{type(e).__name__}: {e}", "missing": e.name or ""}
    except Exception as e:  # noqa: BLE001 - reported to the client, which says what to fix
        return {"error": f"{type(e).__name__}: {e}"}
    package = sys.modules[PACKAGE]
    where = os.path.dirname(os.path.dirname(package.__file__ or ""))
    if digest is not None and os.path.basename(where) != unpacked_name(digest):
        return {"error": f"{PACKAGE} was imported from {where}, not from the code sent"}
    if digest is None and getattr(package, "__version__", None) != version:
        return {"error": f"{PACKAGE} {getattr(package, '__version__', '?')} is installed there, not {version}"}
    return {}
