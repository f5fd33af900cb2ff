"""tools/language_labels.py writes the language names the app ships, from CLDR."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re

import pytest

from timeline_app.paths import CHECKOUT

pytest.importorskip("babel")
_SPEC = importlib.util.spec_from_file_location("language_labels", CHECKOUT / "tools" / "language_labels.py")
tool = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(tool)


def test_the_shipped_file_is_what_the_tool_writes() -> None:
    shipped = tool.OUT.read_text(encoding="utf-8")
    version = re.search(r"babel (\S+),", shipped).group(1)
    if version != importlib.metadata.version("babel"):
        pytest.skip(f"written from babel {version}; this is {importlib.metadata.version('babel')}")
    assert shipped == "\n".join(tool.lines()) + "\n"


def test_every_line_is_a_code_and_a_name() -> None:
    rows = [line.split("\t") for line in tool.lines() if not line.startswith("#")]
    assert all(len(r) == 2 and re.fullmatch(r"[a-z]{2,3}", r[0]) and r[1] for r in rows)
    assert ["fr", "French"] in rows and not any(r[0] == "zh_Hant" for r in rows)
