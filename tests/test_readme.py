"""The README stays true: its pictures exist and every option its command lines name is one the CLI takes."""

from __future__ import annotations

import re
from pathlib import Path

from timeline_app import commands

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_picture_the_readme_shows_is_in_the_repository() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert pictures, "the README shows the window and an exported picture"
    assert [p for p in pictures if not (ROOT / p).is_file()] == []


def _options(parser) -> set[str]:
    return {s for action in parser._actions for s in action.option_strings}


def test_every_option_of_the_readmes_command_lines_exists() -> None:
    parsers = {"extract": commands.extract_parser(), "export": commands.export_parser(), "rebuild": commands.rebuild_parser()}
    checked = 0
    for line in README.splitlines():
        found = re.match(r"\s+python main\.py (extract|export|rebuild) (.*)", line)
        if not found:
            continue
        known = _options(parsers[found.group(1)])
        named = set(re.findall(r"(--[a-z][a-z-]*)", found.group(2)))
        assert named - known == set(), line
        checked += len(named)
    assert checked >= 20
