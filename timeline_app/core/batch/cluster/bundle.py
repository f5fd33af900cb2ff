"""The running timeline_app as a zip, its resource files inside the package: what a Dask cluster is sent."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import timeline_app
from timeline_app import paths
from timeline_app.core.batch.samples import FILE_NAME as SAMPLE_ROWS
from timeline_app.core.library.rulestamp import CARRIED

PACKAGE_DIR = Path(timeline_app.__file__).resolve().parent
RULE_STAMP = CARRIED.resolve()
# Workers never show a window, and compiled caches belong to the Python that wrote them.
LEFT_OUT = frozenset({"gui", "__pycache__"})
# Nor do they need the window's icons or the desktop entry (resources/linux, in an installed package only),
# nor the samples' stored rows (core/batch/samples.py: a first start's, in an installed package only),
# nor the merge rules' stamp a built package carries (core/library/rulestamp.py: a library's opening's).
RESOURCES_LEFT_OUT = frozenset({"icons", "linux"})
# Every entry gets the same time and mode: the same code gives the same bytes, hence the same digest,
# and a cluster that has this version already unpacks nothing.
_ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
_ENTRY_MODE = 0o644 << 16


@dataclass(frozen=True)
class CodeZip:
    data: bytes
    digest: str


def code_zip() -> CodeZip:
    """timeline_app's modules and resources/ as timeline_app/resources, zipped (what only the GUI uses left out)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in sorted(_members()):
            info = zipfile.ZipInfo(name, _ENTRY_TIME)
            info.external_attr = _ENTRY_MODE
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    data = buffer.getvalue()
    return CodeZip(data, hashlib.sha256(data).hexdigest()[:16])


def _members() -> Iterator[tuple[str, Path]]:
    """(name in the zip, file) of every member. The resources come from paths.RESOURCES, which is
    resources/ beside the package in a checkout and the package's own copy when installed."""
    for path in _files(PACKAGE_DIR):
        relative = path.relative_to(PACKAGE_DIR)
        if relative.parts[0] not in LEFT_OUT and relative.parts[0] != "resources" and path != RULE_STAMP:
            yield f"{timeline_app.__name__}/{relative.as_posix()}", path
    for path in _files(paths.RESOURCES):
        relative = path.relative_to(paths.RESOURCES)
        if relative.parts[0] not in RESOURCES_LEFT_OUT and relative.name != SAMPLE_ROWS:
            yield f"{timeline_app.__name__}/resources/{relative.as_posix()}", path


def _files(top: Path) -> Iterator[Path]:
    for path in top.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield path
