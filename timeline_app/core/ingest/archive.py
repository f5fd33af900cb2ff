"""Zip archives read in memory, never extracted: unsafe member paths and zip bombs refused."""

from __future__ import annotations

import io
import logging
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from timeline_app.core.ingest.knowledge import knowledge
from timeline_app.core.ingest.limits import Limits, describe_size
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

# Reads one member's bytes: (data, path shown to the user, nesting depth) -> articles and skips.
MemberReader = Callable[[bytes, str, int], Iterator[Article | SkippedInput]]

_DRIVE = re.compile(r"^[A-Za-z]:")
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini"})
_UNIX = 3  # ZipInfo.create_system of archives made on Unix: external_attr then holds st_mode << 16


@dataclass
class ExpansionBudget:
    """Bytes an archive and the archives inside it may still expand to."""

    remaining: int


def unsafe_member_reason(name: str) -> str | None:
    """Why a member name would escape the archive's folder if extracted, or None when it is safe."""
    posix = name.replace("\\", "/")
    if "\x00" in posix:
        return "unsafe member name (NUL character): refused"
    if posix.startswith("/") or _DRIVE.match(posix):
        return "unsafe member path (absolute path): refused"
    if ".." in posix.split("/"):
        return "unsafe member path (\"..\" escapes the archive): refused"
    return None


def _is_junk(name: str) -> bool:
    """Files that archivers and file managers add: macOS resource forks, hidden files, thumbnails."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if any(part == "__MACOSX" for part in parts):
        return True
    base = parts[-1] if parts else ""
    return base.startswith(".") or base.lower() in _JUNK_NAMES


def read_zip(
    source: bytes | Path,
    path: str,
    read_member: MemberReader,
    limits: Limits,
    depth: int = 0,
    budget: ExpansionBudget | None = None,
) -> Iterator[Article | SkippedInput]:
    """Articles from every member of a zip archive, sorted by name; folders inside are walked."""
    budget = budget or ExpansionBudget(limits.max_archive_bytes)
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise InputError(f"damaged zip archive: {e}") from e
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > limits.max_archive_members:
            raise InputError(
                f"zip archive holds {len(members):,} files, more than the limit of {limits.max_archive_members:,}"
            )
        declared = sum(info.file_size for info in members)
        if declared > budget.remaining:
            raise InputError(
                f"zip archive would expand to {describe_size(declared)}, more than the "
                f"{describe_size(limits.max_archive_bytes)} limit (a zip bomb?): refused"
            )
        for info in sorted(members, key=lambda i: i.filename):
            member_path = f"{path}!{info.filename}"
            name = PurePosixPath(info.filename.replace("\\", "/")).name
            if _is_junk(info.filename) or knowledge().folder_document(name):
                continue  # an archive is a folder: its README is not one of its articles
            reason = member_refusal(info, limits)
            if reason:
                yield SkippedInput(member_path, reason)
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(limits.max_file_bytes + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
                yield SkippedInput(member_path, f"damaged archive member: {e}")
                continue
            except NotImplementedError as e:
                yield SkippedInput(member_path, f"unsupported compression in archive member: {e}")
                continue
            except RuntimeError as e:  # encrypted without a password
                yield SkippedInput(member_path, f"archive member cannot be read: {e}")
                continue
            budget.remaining -= len(data)
            if budget.remaining < 0:
                yield SkippedInput(member_path, "zip archive expands past the size limit: the rest is refused")
                return
            yield from read_member(data, member_path, depth + 1)


def member_refusal(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why one member is not read, before anything is decompressed; None when it may be read."""
    reason = unsafe_member_reason(info.filename)
    if reason:
        return reason
    if info.create_system == _UNIX and stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link: skipped"  # its data is the target's path, never an article
    if info.flag_bits & 0x1:
        return "encrypted archive member: cannot be read without its password"
    if info.file_size > limits.max_file_bytes:
        return f"larger than {describe_size(limits.max_file_bytes)}"
    if info.file_size > limits.ratio_floor_bytes:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_archive_ratio:
            return f"compression ratio {ratio:,.0f}:1 looks like a zip bomb: refused"
    return None
