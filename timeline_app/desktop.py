"""Install and remove the Linux launcher: .desktop entry, AppStream metainfo, library MIME type and icons."""

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

# The app's one reverse-DNS id (AppStream asks for one): the name of the .desktop entry, the metainfo
# and MIME files, the icon, and Qt's desktopFileName (Wayland's app id). The commands keep their names.
APP_ID = "io.github.diplomatic_timeline.DiplomaticTimeline"
# What --install-desktop-entry wrote before the id was reverse-DNS: removed, or the menu shows two entries.
OLD_ID = "diplomatic-timeline"
GUI_COMMAND = "diplomatic-timeline"
LIBRARY_MIME_TYPE = "application/x-diplomatic-timeline-library"
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


def _icon_targets(base: Path, app_id: str = APP_ID) -> dict[Path, Path]:
    """Installed icon path -> bundled icon file: the SVG as scalable, each PNG at its size."""
    hicolor = base / "icons" / "hicolor"
    targets = {hicolor / "scalable" / "apps" / f"{app_id}.svg": paths.ICONS / f"{APP_ID}.svg"}
    for png in sorted(paths.ICONS.glob(f"{APP_ID}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        targets[hicolor / f"{size}x{size}" / "apps" / f"{app_id}.png"] = png
    return targets


def installed_files(base: Path, app_id: str = APP_ID) -> list[Path]:
    """Every file that install_desktop_entry writes under `base` (with `app_id` in their names)."""
    return [base / "applications" / f"{app_id}.desktop", base / "metainfo" / f"{app_id}.metainfo.xml",
            base / "mime" / "packages" / f"{app_id}.xml", *_icon_targets(base, app_id)]


def install_desktop_entry(base: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the launcher files under `base` (default $XDG_DATA_HOME); returns the files written.

    Files an earlier version wrote under the old id are removed.
    """
    base = data_home() if base is None else base
    command = launch_command() if command is None else command
    _remove(installed_files(base, OLD_ID))
    entry, metainfo, mime = installed_files(base)[:3]
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(desktop_entry(command), encoding="utf-8")
        metainfo.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.LINUX_DESKTOP / metainfo.name, metainfo)
        mime.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.LINUX_DESKTOP / f"{APP_ID}.mime.xml", mime)
        for target, source in _icon_targets(base).items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    except OSError as e:
        raise DesktopEntryError(f"cannot install the desktop entry under {base}: {e}") from e
    _refresh_caches(base)
    return installed_files(base)


def uninstall_desktop_entry(base: Path | None = None) -> list[Path]:
    """Remove what install_desktop_entry wrote under `base`, by this version or under the old id;
    returns the files that were there."""
    base = data_home() if base is None else base
    removed = _remove(installed_files(base) + installed_files(base, OLD_ID))
    if removed:
        _refresh_caches(base)
    return removed


def _remove(files: list[Path]) -> list[Path]:
    """Delete those of `files` that exist; returns them."""
    removed = []
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as e:
            raise DesktopEntryError(f"cannot remove {path}: {e}") from e
        removed.append(path)
    return removed


def _refresh_caches(base: Path) -> None:
    """Let the desktop see the change now; without these tools it notices at the next login."""
    for args, folder in ((["update-desktop-database", "-q"], base / "applications"),
                         (["gtk-update-icon-cache", "-q", "-t"], base / "icons" / "hicolor"),
                         (["update-mime-database"], base / "mime")):
        exe = shutil.which(args[0])
        if exe is None or not folder.is_dir():
            continue
        done = subprocess.run([exe, *args[1:], str(folder)], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            log.warning("%s %s failed: %s", args[0], folder, done.stderr.strip())
