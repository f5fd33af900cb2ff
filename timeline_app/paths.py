"""The only module that knows where resources/ and the user's data directory are."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP_NAME = "DiplomaticTimeline"

# A checkout keeps resources/ and packaging/ beside the package; an installed wheel or a bundle
# carries them as package data in timeline_app/resources (pyproject.toml maps them there).
CHECKOUT = Path(__file__).resolve().parent.parent


def _package_resources() -> Path | None:
    """timeline_app/resources when the package carries its data (wheel, PyInstaller bundle), else None."""
    carried = resources.files("timeline_app") / "resources"
    # A zip import would give a Traversable that is not a Path: the loaders need real files.
    if isinstance(carried, Path) and carried.is_dir():
        return carried
    return None


_CARRIED = _package_resources()
INSTALLED = _CARRIED is not None
RESOURCES = _CARRIED if _CARRIED is not None else CHECKOUT / "resources"
SAMPLES = RESOURCES / "samples"
TEMPORAL = RESOURCES / "temporal"
INGEST = RESOURCES / "ingest"
ICONS = RESOURCES / "icons"
# The .desktop entry and AppStream metainfo live in packaging/linux/ where packagers look for them.
LINUX_DESKTOP = RESOURCES / "linux" if _CARRIED is not None else CHECKOUT / "packaging" / "linux"


def sample_paths() -> list[Path]:
    """The bundled sample articles (resources/samples/*.txt, without the folder's README), sorted."""
    return sorted(SAMPLES.glob("*.txt"))


def resource(*parts: str) -> Path:
    """Path of a file under resources/."""
    return RESOURCES.joinpath(*parts)


def default_library_path() -> Path:
    """The library file in the user's data directory (TIMELINE_DATA_DIR overrides it, for tests)."""
    override = os.environ.get("TIMELINE_DATA_DIR")
    if override:
        base = Path(override)
    else:
        base = Path(user_data_dir(APP_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base / "library.sqlite3"


def cache_dir() -> Path:
    """The user's cache folder, for what the app can make again (TIMELINE_CACHE_DIR overrides it, for tests)."""
    override = os.environ.get("TIMELINE_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir(APP_NAME, appauthor=False))
