"""Language names for people, by the codes the articles carry."""

from __future__ import annotations

from pathlib import Path

from timeline_app.core.languagenames import UNKNOWN, language_label, language_name


def test_a_code_is_shown_by_its_english_name() -> None:
    assert [language_name(c) for c in ("fr", "ar", "de", "ary")] == ["French", "Arabic", "German", "Moroccan Arabic"]
    assert language_label("ru") == "Russian (ru)"


def test_a_code_without_a_name_stays_as_it_is_and_no_language_is_unknown() -> None:
    assert language_name("qqq") == "qqq" and language_label("qqq") == "qqq"
    assert language_name("") == UNKNOWN and language_label("") == UNKNOWN


def test_the_names_come_from_the_table(tmp_path: Path) -> None:
    table = tmp_path / "names.tsv"
    table.write_text("# code<TAB>name\nfr\tFrançais\n", encoding="utf-8")
    assert language_name("fr", table) == "Français"
    assert language_name("de", table) == "de"
