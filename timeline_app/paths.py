"""The only module that knows where resources/ and the user's data directory are."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SAMPLES = RESOURCES / "samples"
TEMPORAL = RESOURCES / "temporal"
INGEST = RESOURCES / "ingest"

APP_NAME = "DiplomaticTimeline"


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
