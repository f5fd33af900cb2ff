"""What a Dask cluster must have installed: the app's requirement ranges against the versions its machines report."""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Iterable

# packaging comes with distributed, which --dask needs anyway (only the Dask runner imports this module).
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from timeline_app import paths
from timeline_app.errors import ClusterError

DISTRIBUTION = "diplomatic-timeline"
# Only timeline_app/gui imports Qt (tests/test_qt_boundary.py), and workers never import the GUI.
GUI_ONLY = frozenset({"pyside6"})
# Addresses named in a message, at most; the rest are counted.
NAMED = 3


def worker_requirements() -> list[Requirement]:
    """The requirements a worker needs, with their ranges: requirements.txt in a checkout, the installed
    package's metadata otherwise (none when a bundle carries no metadata: the import check remains)."""
    if paths.INSTALLED:
        try:
            lines = importlib.metadata.requires(DISTRIBUTION) or []
        except importlib.metadata.PackageNotFoundError:
            lines = []
    else:
        text = (paths.CHECKOUT / "requirements.txt").read_text(encoding="utf-8")
        lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    needed = [Requirement(line) for line in lines if line]
    return [r for r in needed if canonicalize_name(r.name) not in GUI_ONLY
            and (r.marker is None or r.marker.evaluate({"extra": ""}))]


def version_range(requirement: Requirement) -> str:
    """">=1.2,<2": the lower bound first, as people write it (packaging sorts "<2,>=1.2")."""
    specs = sorted(requirement.specifier, key=lambda s: (not s.operator.startswith(">"), str(s)))
    return ",".join(str(s) for s in specs)


def pip_argument(requirement: Requirement) -> str:
    """"dateparser>=1.2,<2", quoted for the shell."""
    return f'"{requirement.name}{version_range(requirement)}"'


def named_workers(addresses: list[str], total: int) -> str:
    """"all 2 workers", "worker tcp://a:1", "workers tcp://a:1, tcp://b:2 and 3 more"."""
    if total > 1 and len(addresses) == total:
        return f"all {total} workers"
    shown = ", ".join(sorted(addresses)[:NAMED])
    more = f" and {len(addresses) - NAMED} more" if len(addresses) > NAMED else ""
    return f"worker{'s' if len(addresses) > 1 else ''} {shown}{more}"


def check_versions(address: str, versions: dict, needed: list[Requirement]) -> None:
    """Raise ClusterError naming what the cluster lacks (Python, packages, versions) and how to fix it."""
    workers = {addr: info or {} for addr, info in versions.get("workers", {}).items()}
    problems: list[str] = []
    fixes: list[str] = []
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    other_python = _python_mismatches(versions.get("scheduler") or {}, workers, here)
    if other_python:
        problems.extend(other_python)
        fixes.append(f"start the scheduler and the workers with Python {here}, as here: the app's code and "
                     "its tasks travel pickled, which needs the same Python on both sides")
    to_install: list[Requirement] = []
    for requirement in needed:
        found = _package_problems(requirement, workers)
        if found:
            problems.extend(found)
            to_install.append(requirement)
    if to_install:
        fixes.append("install on every worker: python -m pip install "
                     + " ".join(pip_argument(r) for r in to_install))
    if problems:
        raise ClusterError(f"The Dask cluster at {address} cannot run the extraction: {'; '.join(problems)}. "
                           f"To fix it, {'; and '.join(fixes)}.")


def _python_mismatches(scheduler: dict, workers: dict[str, dict], here: str) -> list[str]:
    out = []
    theirs = _python(scheduler)
    if theirs is not None and theirs != here:
        out.append(f"the scheduler runs Python {theirs}, this machine {here}")
    by_version: dict[str, list[str]] = {}
    for addr, info in workers.items():
        version = _python(info)
        if version is not None and version != here:
            by_version.setdefault(version, []).append(addr)
    for version, addrs in sorted(by_version.items()):
        out.append(f"Python {version} runs on {named_workers(addrs, len(workers))}, {here} here")
    return out


def _python(info: dict) -> str | None:
    """"3.11" from a get_versions entry ("3.11.7.final.0"), None when the entry has none."""
    full = (info.get("host") or {}).get("python")
    return ".".join(full.split(".")[:2]) if full else None


def _package_problems(requirement: Requirement, workers: dict[str, dict]) -> list[str]:
    missing: list[str] = []
    outside: dict[str, list[str]] = {}
    for addr, info in workers.items():
        # get_versions(packages=...) answers under the names asked, None for a package not installed.
        version = (info.get("packages") or {}).get(requirement.name)
        if version is None:
            missing.append(addr)
        elif not _within(version, requirement):
            outside.setdefault(version, []).append(addr)
    out = []
    if missing:
        out.append(f"{requirement.name} is missing on {named_workers(missing, len(workers))}")
    for version, addrs in sorted(outside.items()):
        out.append(f"{requirement.name} {version} on {named_workers(addrs, len(workers))} "
                   f"is outside {version_range(requirement)}")
    return out


def _within(version: str, requirement: Requirement) -> bool:
    try:
        return requirement.specifier.contains(Version(version), prereleases=True)
    except InvalidVersion:
        return False


def missing_requirement(modules: Iterable[str], needed: list[Requirement]) -> list[Requirement]:
    """The requirements that provide these modules (ModuleNotFoundError.name), as far as this machine knows."""
    providers = importlib.metadata.packages_distributions()
    names = {canonicalize_name(d) for m in modules for d in providers.get(m.split(".")[0], [])}
    return [r for r in needed if canonicalize_name(r.name) in names]
