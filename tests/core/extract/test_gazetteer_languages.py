"""Tests of the gazetteer in other languages: the EXAMPLE lines of resources/gazetteer/<lang>/ read by Gazetteer.for_language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.language_lexicon import LanguageLexicon
from timeline_app.errors import RulesError
from timeline_app.paths import resource

LANGUAGES = sorted(p.name for p in resource("gazetteer").iterdir() if p.is_dir())
# Files whose EXAMPLE lines have a format of their own, run by tests/core/extract/test_issuer.py and test_shared_offices.py.
OWN_FORMAT = frozenset({"issuers.tsv", "issuer_refs.tsv", "shared_offices.tsv"})


def _examples() -> list[tuple[str, str, str, str]]:
    out = []
    for lang in LANGUAGES:
        for path in sorted(resource("gazetteer", lang).iterdir()):
            if path.name in OWN_FORMAT:
                continue
            for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                sentence, arrow, expected = line.removeprefix("# EXAMPLE:").partition("=>")
                if line.startswith("# EXAMPLE:") and arrow and "Name:CODE" not in expected:
                    out.append((lang, f"{lang}/{path.name}:{no}", sentence.strip(), expected.strip()))
    return out


def test_the_six_languages_have_a_folder() -> None:
    assert LANGUAGES == ["ar", "de", "es", "fr", "pt", "ru"]


@pytest.mark.parametrize("lang, where, sentence, expected", _examples())
def test_example_lines_of_the_language_folders(lang: str, where: str, sentence: str, expected: str) -> None:
    found = Gazetteer.for_language(lang).tag(sentence)
    got = ", ".join(f"{m.text}:{m.code}:{m.role.value}" for m in found) or "-"
    assert got == expected, where


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_folder_has_examples_of_names_and_places(lang: str) -> None:
    files = {where.split(":")[0].split("/")[1] for example_lang, where, _s, _e in _examples() if example_lang == lang}
    assert {"aliases.tsv", "context_words.tsv", "demonyms.tsv", "offices.tsv", "persons.tsv"} <= files


@pytest.mark.parametrize(("line", "error"), [
    ("Vetomächte\tP6\tname", "'P6' is not a group"),
    ("Vetomächte\tP5\tmembers", "how must be 'name'"),
])
def test_a_language_group_name_of_no_known_group_is_refused_with_its_line(tmp_path: Path, line: str, error: str) -> None:
    folder = tmp_path / "de"
    shutil.copytree(resource("gazetteer", "de"), folder)
    (folder / "group_names.tsv").write_text("# phrase\tgroup\thow\n" + line + "\n", encoding="utf-8")
    with pytest.raises(RulesError, match=error) as caught:
        LanguageLexicon(Gazetteer.default().lexicon, folder)
    assert "group_names.tsv:2" in str(caught.value)


def test_a_word_with_a_shadda_is_one_word_to_the_arabic_tables() -> None:
    found = Gazetteer.for_language("ar").tag("وصل الوزير إلى عمّان أمس")
    assert [(m.text, m.code) for m in found] == [("عمّان", "JOR")]


def test_vowel_marks_still_keep_oman_from_amman() -> None:
    # The fold would make "عُمان" (Oman) and "عمّان" (Amman) one word: a vowel mark is not joined.
    found = Gazetteer.for_language("ar").tag("زار الوزير عُمان أمس")
    assert all(m.code != "JOR" for m in found)
