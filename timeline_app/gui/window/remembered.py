"""What the window remembers between sessions besides its layout: recent libraries and the last folder."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

MAX_RECENT = 8


class Remembered:
    """The recent libraries (most recent first) and the folder of the last file dialog, in `settings`."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def recent_libraries(self) -> list[str]:
        value = self._settings.value("recent_libraries", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember_library(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_libraries() if p != str(path)]
        self._settings.setValue("recent_libraries", recent[:MAX_RECENT])

    def last_dir(self) -> str:
        return str(self._settings.value("last_dir", str(Path.home())))

    def set_last_dir(self, folder: Path) -> None:
        self._settings.setValue("last_dir", str(folder))
