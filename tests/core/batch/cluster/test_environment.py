"""What a cluster must have installed: the app's ranges against the versions its machines report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from timeline_app.core.batch.cluster import environment
from timeline_app.core.batch.cluster.environment import check_versions, named_workers, worker_requirements
from timeline_app.errors import ClusterError

ROOT = Path(__file__).resolve().parents[4]
HERE = f"{sys.version_info.major}.{sys.version_info.minor}"
NEEDED = [Requirement("dateparser>=1.2,<2"), Requirement("numpy>=1.26,<3")]


def _machine(python: str = f"{HERE}.7.final.0", **packages: str | None) -> dict:
    return {"host": {"python": python}, "packages": {"python": python, **packages}}


def _versions(scheduler: dict, **workers: dict) -> dict:
    return {"scheduler": scheduler, "workers": {f"tcp://10.0.0.{n}:4000": w for n, w in workers.items()},
            "client": _machine()}


def _message(versions: dict) -> str:
    with pytest.raises(ClusterError) as caught:
        check_versions("tcp://sched:8786", versions, NEEDED)
    return str(caught.value)


def test_a_cluster_with_every_requirement_in_range_passes():
    good = _machine(dateparser="1.5.0", numpy="2.1.0")
    check_versions("tcp://sched:8786", _versions(_machine(), **{"1": good, "2": good}), NEEDED)


def test_a_package_missing_on_one_worker_is_named_with_that_worker_and_the_pip_command():
    message = _message(_versions(_machine(), **{"1": _machine(dateparser="1.5.0", numpy="2.1.0"),
                                                "2": _machine(dateparser=None, numpy="2.1.0")}))
    assert message.startswith("The Dask cluster at tcp://sched:8786 cannot run the extraction: ")
    assert "dateparser is missing on worker tcp://10.0.0.2:4000" in message
    assert 'install on every worker: python -m pip install "dateparser>=1.2,<2".' in message
    assert "numpy" not in message


def test_a_version_outside_the_range_is_named_with_the_range():
    message = _message(_versions(_machine(), **{"1": _machine(dateparser="1.5.0", numpy="1.25.2"),
                                                "2": _machine(dateparser="1.5.0", numpy="1.25.2")}))
    assert "numpy 1.25.2 on all 2 workers is outside >=1.26,<3" in message
    assert 'python -m pip install "numpy>=1.26,<3"' in message


def test_another_python_on_the_scheduler_or_a_worker_is_named_and_no_package_is_blamed_for_it():
    other = "3.10.13.final.0" if HERE != "3.10" else "3.12.1.final.0"
    message = _message(_versions(_machine(other), **{"1": _machine(other, dateparser="1.5.0", numpy="2.1.0")}))
    assert f"the scheduler runs Python {other[:4]}, this machine {HERE}" in message
    assert f"Python {other[:4]} runs on worker tcp://10.0.0.1:4000" in message
    assert f"start the scheduler and the workers with Python {HERE}" in message
    assert "pip install" not in message


def test_the_requirements_of_a_worker_are_requirements_txt_without_the_gui():
    listed = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    names = {Requirement(line).name for line in listed if line}
    needed = {r.name: r for r in worker_requirements()}
    assert set(needed) == names - {"PySide6"}
    assert needed["dateparser"].specifier.contains("1.5.0") and not needed["dateparser"].specifier.contains("2.0")


def test_a_missing_module_leads_back_to_its_requirement():
    assert environment.missing_requirement(["dateparser.conf"], NEEDED) == [NEEDED[0]]
    assert environment.missing_requirement(["no_such_module_here"], NEEDED) == []


def test_workers_are_named_few_at_a_time():
    assert named_workers(["tcp://a:1"], 1) == "worker tcp://a:1"
    assert named_workers(["tcp://a:1", "tcp://b:1"], 2) == "all 2 workers"
    assert named_workers([f"tcp://w{n}:1" for n in range(5)], 9) == \
        "workers tcp://w0:1, tcp://w1:1, tcp://w2:1 and 2 more"
