"""The package as a user installs it: pip install of the checkout into a fresh venv, then its commands."""

import csv
import io
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

import timeline_app
from timeline_app.core.batch.cluster import bundle, environment
from timeline_app.desktop import APP_ID

ROOT = Path(__file__).resolve().parent.parent


def run(*cmd: str | Path, cwd: Path, timeout: int = 300, **extra_env: str) -> subprocess.CompletedProcess:
    # PYTHONPATH would let the checkout in: only what pip installed may be imported.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")} | extra_env
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv holding the checkout, installed as `pip install .` does (dependencies come from the system)."""
    env_dir = tmp_path_factory.mktemp("venv")
    # --system-site-packages: the dependencies and the build backend are already here, nothing is downloaded.
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    out = run(python, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "--quiet",
              ROOT, cwd=env_dir)
    assert out.returncode == 0, "pip install failed (is requirements-dev.txt installed? it brings the " \
                                f"build backend):\n{out.stdout}\n{out.stderr}"
    return env_dir


@pytest.mark.slow
def test_resources_load_from_the_installed_package(installed, tmp_path):
    code = "from timeline_app import paths; print(paths.INSTALLED); print(paths.RESOURCES)"
    out = run(installed / "bin" / "python", "-c", code, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    flag, resources = out.stdout.split("\n")[:2]
    assert flag == "True"
    assert Path(resources).is_relative_to(installed) and not Path(resources).is_relative_to(ROOT)
    for sub in ("temporal/rules", "gazetteer", "cameo", "ingest", "samples", "icons", "linux"):
        assert (Path(resources) / sub).is_dir(), sub
    for suffix in (".desktop", ".metainfo.xml", ".mime.xml"):
        assert (Path(resources) / "linux" / f"{APP_ID}{suffix}").is_file(), suffix


@pytest.mark.slow
def test_the_installed_package_carries_the_samples_rows_for_its_own_resources_and_code(installed, tmp_path):
    # Made when the wheel was built (hatch_build.py); a first start's worker hands them back instead of
    # loading its tables. Their key, worked out again from the installed files, must be the one they carry.
    code = ("from timeline_app.core.batch import samples\nfrom timeline_app import paths\n"
            "print(samples.prebuilt_file().is_file(), samples.load([p.name for p in paths.sample_paths()]) is not None)")
    out = run(installed / "bin" / "python", "-c", code, cwd=tmp_path, TIMELINE_CACHE_DIR=str(tmp_path / "cache"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True"]


@pytest.mark.slow
def test_installed_commands_extract_and_tell_their_version(installed, tmp_path):
    bin_dir = installed / "bin"
    sample = next(installed.glob("lib/python*/site-packages/timeline_app/resources/samples/"
                                 "2023-11-22_tallinn_expulsion.txt"))
    out = run(bin_dir / "diplomatic-timeline-cli", "extract", sample, "--csv", "out.csv", "--workers", "1",
              cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as fh:
        events = list(csv.DictReader(fh))
    assert events, "no events extracted"
    assert any("EST" in row["countries"] and row["event_date"].startswith("2023-11") for row in events)

    expected = f"Diplomatic Timeline {timeline_app.__version__}"
    for cmd in ([bin_dir / "diplomatic-timeline", "--version"],
                [bin_dir / "python", "-m", "timeline_app", "--version"]):
        out = run(*cmd, cwd=tmp_path)
        assert out.returncode == 0 and out.stdout.strip() == expected, (cmd, out.stdout, out.stderr)


@pytest.mark.slow
def test_installed_desktop_entry_starts_the_installed_launcher(installed, tmp_path):
    out = run(installed / "bin" / "diplomatic-timeline", "--install-desktop-entry", cwd=tmp_path,
              XDG_DATA_HOME=str(tmp_path / "share"))
    assert out.returncode == 0, out.stderr
    entry = (tmp_path / "share" / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"\nExec={installed / 'bin' / 'diplomatic-timeline'} %F\n" in entry
    assert (tmp_path / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (tmp_path / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()


@pytest.mark.slow
def test_the_installed_app_sends_a_cluster_what_the_checkout_sends(installed, tmp_path):
    # Its code from the package, its worker requirements from the package's metadata.
    code = ("import io, zipfile\n"
            "from timeline_app.core.batch.cluster import bundle, environment\n"
            "from packaging.utils import canonicalize_name as name\n"
            "print(sorted(name(r.name) + str(r.specifier) for r in environment.worker_requirements()))\n"
            "print(sorted(zipfile.ZipFile(io.BytesIO(bundle.code_zip().data)).namelist()))\n")
    out = run(installed / "bin" / "python", "-c", code, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    requirements, names = out.stdout.split("\n")[:2]
    assert requirements == str(sorted(canonicalize_name(r.name) + str(r.specifier)
                                      for r in environment.worker_requirements()))
    assert names == str(sorted(zipfile.ZipFile(io.BytesIO(bundle.code_zip().data)).namelist()))


@pytest.mark.slow
def test_the_installed_package_carries_the_merge_rules_code_stamp(installed, tmp_path):
    # Made when the wheel was built (hatch_build.py): a first start reads no syntax tree for its stamp.
    code = ("from timeline_app.core.library import rulestamp\n"
            "rulestamp.code_digest = lambda sources: 'read again'\nprint(rulestamp.code_part())")
    out = run(installed / "bin" / "python", "-c", code, cwd=tmp_path, TIMELINE_CACHE_DIR=str(tmp_path / "cache"))
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.strip()) == 32 and out.stdout.strip() != "read again"
