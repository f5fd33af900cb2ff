"""tools/folders.py: the table-writing tools build every folder, or stop before writing when one is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.folders import run_each


def _folders(tmp_path: Path, *names: str) -> list[Path]:
    made = [tmp_path / name for name in names]
    for folder in made:
        folder.mkdir()
        (folder / "source.txt").write_text("x", encoding="utf-8")
    return made


def test_no_name_builds_every_folder_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folders = _folders(tmp_path, "fr", "de")
    built: list[str] = []
    status = run_each([], lambda: folders, lambda f: f / "source.txt", lambda f: built.append(f.name) or f"wrote {f.name}")
    assert status == 0 and built == ["de", "fr"]
    assert capsys.readouterr().out.splitlines() == ["wrote de", "wrote fr"]


def test_a_missing_folder_stops_the_run_before_anything_is_written(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folders = _folders(tmp_path, "fr") + [tmp_path / "xx"]
    built: list[str] = []
    status = run_each(folders, lambda: [], lambda f: None, lambda f: built.append(f.name) or "")
    assert status == 1 and built == []
    assert "xx" in capsys.readouterr().err
