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
    app_id = desktop.APP_ID
    entry = data_home / "applications" / f"{app_id}.desktop"
    svg = data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"
    png = data_home / "icons" / "hicolor" / "48x48" / "apps" / f"{app_id}.png"
    metainfo = data_home / "metainfo" / f"{app_id}.metainfo.xml"
    mime = data_home / "mime" / "packages" / f"{app_id}.xml"
    for path in (entry, svg, png, metainfo, mime):
        assert path.is_file(), path
        assert f"installed {path}" in out.stdout
    values = read_entry(entry)
    assert values["Name"] == "Diplomatic Timeline" and values["Icon"] == app_id
    # The desktop gets a command that starts this very installation, whatever PATH it has.
    assert values["Exec"] == desktop.exec_value(desktop.launch_command())
    assert values["TryExec"] == desktop.launch_command()[0]
    assert svg.read_bytes() == (paths.ICONS / f"{app_id}.svg").read_bytes()
    assert mime.read_bytes() == (paths.LINUX_DESKTOP / f"{app_id}.mime.xml").read_bytes()

    out = run_cli("--uninstall-desktop-entry", data_home=data_home)
    assert out.returncode == 0, out.stderr
    assert not any(p.exists() for p in (entry, svg, png, metainfo, mime))
    assert run_cli("--uninstall-desktop-entry", data_home=data_home).stdout.strip() == \
        "no desktop entry was installed"


def _install_as_before(data_home: Path) -> list[Path]:
    """The files that --install-desktop-entry wrote while the app's id was 'diplomatic-timeline'."""
    old = [data_home / "applications" / "diplomatic-timeline.desktop",
           data_home / "metainfo" / "diplomatic-timeline.metainfo.xml",
           data_home / "icons" / "hicolor" / "scalable" / "apps" / "diplomatic-timeline.svg",
           data_home / "icons" / "hicolor" / "48x48" / "apps" / "diplomatic-timeline.png"]
    for path in old:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("old\n", encoding="utf-8")
    return old


def test_installing_replaces_the_entry_an_earlier_version_installed(tmp_path):
    # Else the menu would list the app twice, once under each id.
    old = _install_as_before(tmp_path)
    other = tmp_path / "applications" / "other-app.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    desktop.install_desktop_entry(tmp_path, ["/opt/app/bin/diplomatic-timeline"])
    assert not any(p.exists() for p in old)
    entries = sorted(p.name for p in (tmp_path / "applications").glob("*.desktop"))
    assert entries == [f"{desktop.APP_ID}.desktop", "other-app.desktop"]


def test_uninstalling_removes_an_earlier_versions_entry_too(tmp_path):
    old = _install_as_before(tmp_path)
    assert sorted(desktop.uninstall_desktop_entry(tmp_path)) == sorted(old)
    assert not any(p.exists() for p in old)


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
    out = subprocess.run(["desktop-file-validate", str(tmp_path / "applications" / f"{desktop.APP_ID}.desktop")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "error" not in out.stdout, out.stdout
