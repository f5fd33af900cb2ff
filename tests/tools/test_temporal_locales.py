"""tools/temporal_locales.py writes the language files the app ships, from dateparser's locale data."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from timeline_app.paths import CHECKOUT, TEMPORAL

_SPEC = importlib.util.spec_from_file_location("temporal_locales", CHECKOUT / "tools" / "temporal_locales.py")
tool = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(tool)

GENERATED = sorted(p.parent for p in TEMPORAL.glob("*/dateparser.txt"))


@pytest.mark.parametrize("folder", GENERATED, ids=lambda p: p.name)
def test_the_shipped_files_are_what_the_tool_writes(folder: Path, tmp_path: Path) -> None:
    written = (folder / "repattern" / "month.txt").read_text(encoding="utf-8")
    version = re.search(r"dateparser (\S+)'s", written).group(1)
    if version != importlib.metadata.version("dateparser"):
        pytest.skip(f"the files were written from dateparser {version}; this is {importlib.metadata.version('dateparser')}")
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    for name in tool.build(copy):
        for sub in ("repattern", "normalization"):
            if (folder / sub / f"{name}.txt").exists():
                assert (copy / sub / f"{name}.txt").read_text(encoding="utf-8") == (
                    folder / sub / f"{name}.txt").read_text(encoding="utf-8"), f"{folder.name}/{sub}/{name}.txt"


def test_abbreviations_are_told_from_inflected_words() -> None:
    assert tool.is_abbreviation("janv", ["janvier", "janv"])
    assert tool.is_abbreviation("Die", ["dienstag", "di", "Die"])
    assert tool.is_abbreviation("пнд", ["понедельник", "пн", "пнд"])
    assert not tool.is_abbreviation("jahr", ["jahr", "Jahre", "Jahren"])
    assert not tool.is_abbreviation("год", ["г", "год", "года", "году"])
    assert not tool.is_abbreviation("يوم", ["يوم", "أيام"])  # Arabic words are short, not cut


def test_leave_out_and_keep_are_read_from_the_language_file(tmp_path: Path) -> None:
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "dateparser.txt").write_text("locales = fr\nleave_out = hier\nkeep = an\n", encoding="utf-8")
    tool.build(folder)
    relative = (folder / "normalization" / "relative.txt").read_text(encoding="utf-8")
    unit = (folder / "normalization" / "unit.txt").read_text(encoding="utf-8")
    assert '"hier"' not in relative and '"demain","DCT+1day"' in relative
    assert '"an","year"' in unit
