"""The Linux launcher: --install-desktop-entry and --uninstall-desktop-entry under a temporary XDG_DATA_HOME."""

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app import desktop, paths

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, data_home: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(data_home.parent), "XDG_DATA_HOME": str(data_home)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, cwd=data_home.parent, timeout=120)


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in .desktop files
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_install_then_uninstall_through_the_command_line(tmp_path):
    data_home = tmp_path / "share"
    out = run_cli("--install-desktop-entry", data_home=data_home)
    assert out.returncode == 0, out.stderr
    entry = data_home / "applications" / "diplomatic-timeline.desktop"
    svg = data_home / "icons" / "hicolor" / "scalable" / "apps" / "diplomatic-timeline.svg"
    png = data_home / "icons" / "hicolor" / "48x48" / "apps" / "diplomatic-timeline.png"
    metainfo = data_home / "metainfo" / "diplomatic-timeline.metainfo.xml"
    for path in (entry, svg, png, metainfo):
        assert path.is_file(), path
        assert f"installed {path}" in out.stdout
    values = read_entry(entry)
    assert values["Name"] == "Diplomatic Timeline" and values["Icon"] == "diplomatic-timeline"
    # The desktop gets a command that starts this very installation, whatever PATH it has.
    assert values["Exec"] == desktop.exec_value(desktop.launch_command())
    assert values["TryExec"] == desktop.launch_command()[0]
    assert svg.read_bytes() == (paths.ICONS / "diplomatic-timeline.svg").read_bytes()

    out = run_cli("--uninstall-desktop-entry", data_home=data_home)
    assert out.returncode == 0, out.stderr
    assert not entry.exists() and not svg.exists() and not png.exists() and not metainfo.exists()
    assert run_cli("--uninstall-desktop-entry", data_home=data_home).stdout.strip() == \
        "no desktop entry was installed"


def test_the_launcher_beside_the_interpreter_is_preferred(monkeypatch, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    # A checkout, as these tests run: its main.py works from any folder, `-m timeline_app` would not.
    assert desktop.launch_command() == [str(bin_dir / "python"), str(ROOT / "main.py")]
    (bin_dir / "diplomatic-timeline").write_text("#!/bin/sh\n", encoding="utf-8")
    assert desktop.launch_command() == [str(bin_dir / "diplomatic-timeline")]


def test_exec_quotes_paths_as_the_desktop_entry_spec_asks():
    assert desktop.exec_value(["/opt/app/bin/diplomatic-timeline"]) == "/opt/app/bin/diplomatic-timeline %F"
    assert desktop.exec_value(["/home/a b/bin/python", "-m", "timeline_app"]) == \
        '"/home/a b/bin/python" -m timeline_app %F'
    # A quoted $ is escaped, then every backslash once more (string escapes come first).
    assert desktop.exec_value(["/x/$y"]) == '"/x/\\\\$y" %F'


def test_xdg_data_home_must_be_absolute(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop.data_home() == tmp_path / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert desktop.data_home() == tmp_path / "xdg"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_installed_entry_is_valid(tmp_path):
    desktop.install_desktop_entry(tmp_path, ["/opt/my apps/diplomatic-timeline"])
    out = subprocess.run(["desktop-file-validate", str(tmp_path / "applications" / "diplomatic-timeline.desktop")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "error" not in out.stdout, out.stdout
