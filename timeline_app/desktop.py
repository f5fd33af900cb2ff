"""Install and remove the Linux launcher: .desktop entry, AppStream metainfo and hicolor icons."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from timeline_app import paths
from timeline_app.errors import DesktopEntryError

log = logging.getLogger(__name__)

APP_ID = "diplomatic-timeline"
GUI_COMMAND = "diplomatic-timeline"
# Characters that the Desktop Entry Specification says an Exec argument must be quoted for.
_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the XDG spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """How the desktop should start the GUI of this very installation, as absolute paths.

    The desktop session does not see the PATH of a shell (pipx's ~/.local/bin often missing), so
    the entry names the bundle's executable, the launcher beside this interpreter (a venv or pipx),
    this interpreter with -m for an installed package, or the checkout's main.py.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    beside = Path(sys.executable).parent / GUI_COMMAND
    if beside.is_file():
        return [str(beside)]
    if paths.INSTALLED:
        return [sys.executable, "-m", "timeline_app"]
    return [sys.executable, str(paths.CHECKOUT / "main.py")]


def exec_value(command: list[str]) -> str:
    """The Exec= value that runs `command` with the files given (%F), quoted as the spec asks."""
    def quote(arg: str) -> str:
        if not _RESERVED.search(arg):
            return arg
        return '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'

    # Backslashes are escaped once more: the spec applies its string escapes before its quoting rules.
    return " ".join(quote(arg) for arg in command).replace("\\", "\\\\") + " %F"


def desktop_entry(command: list[str]) -> str:
    """packaging/linux's .desktop entry with Exec and TryExec pointing at `command`."""
    text = (paths.LINUX_DESKTOP / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^Exec=.*$", lambda _m: "Exec=" + exec_value(command), text)
    return re.sub(r"(?m)^TryExec=.*$", lambda _m: "TryExec=" + command[0].replace("\\", "\\\\"), text)


def _icon_targets(base: Path) -> dict[Path, Path]:
    """Installed icon path -> bundled icon file: the SVG as scalable, each PNG at its size."""
    hicolor = base / "icons" / "hicolor"
    targets = {hicolor / "scalable" / "apps" / f"{APP_ID}.svg": paths.ICONS / f"{APP_ID}.svg"}
    for png in sorted(paths.ICONS.glob(f"{APP_ID}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        targets[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png
    return targets


def installed_files(base: Path) -> list[Path]:
    """Every file that install_desktop_entry writes under `base`."""
    return [base / "applications" / f"{APP_ID}.desktop", base / "metainfo" / f"{APP_ID}.metainfo.xml",
            *_icon_targets(base)]


def install_desktop_entry(base: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the launcher files under `base` (default $XDG_DATA_HOME); returns the files written."""
    base = data_home() if base is None else base
    command = launch_command() if command is None else command
    entry, metainfo = installed_files(base)[:2]
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(desktop_entry(command), encoding="utf-8")
        metainfo.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.LINUX_DESKTOP / metainfo.name, metainfo)
        for target, source in _icon_targets(base).items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    except OSError as e:
        raise DesktopEntryError(f"cannot install the desktop entry under {base}: {e}") from e
    _refresh_caches(base)
    return installed_files(base)


def uninstall_desktop_entry(base: Path | None = None) -> list[Path]:
    """Remove what install_desktop_entry wrote under `base`; returns the files that were there."""
    base = data_home() if base is None else base
    removed = []
    for path in installed_files(base):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as e:
            raise DesktopEntryError(f"cannot remove {path}: {e}") from e
        removed.append(path)
    if removed:
        _refresh_caches(base)
    return removed


def _refresh_caches(base: Path) -> None:
    """Let the desktop see the change now; without these tools it notices at the next login."""
    for tool, folder in (("update-desktop-database", base / "applications"),
                         ("gtk-update-icon-cache", base / "icons" / "hicolor")):
        exe = shutil.which(tool)
        if exe is None or not folder.is_dir():
            continue
        args = [exe, "-q", str(folder)] if tool == "update-desktop-database" else [exe, "-q", "-t", str(folder)]
        done = subprocess.run(args, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            log.warning("%s %s failed: %s", tool, folder, done.stderr.strip())
