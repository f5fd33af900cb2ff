"""A text's language told by its words without the model: the lists' examples, the loader's checks, the model left unloaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fresh import loaded_after
from timeline_app.core.ingest.evident import MIN_WORDS, Example, evident_words, load_evident_words
from timeline_app.errors import RulesError

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "resources" / "samples"


@pytest.mark.parametrize("example", evident_words().examples, ids=lambda e: e.where.rsplit("/", 1)[-1])
def test_every_example_line_of_the_lists_holds(example: Example) -> None:
    told = evident_words().language_of(example.text)
    assert told == (example.code if example.evident else None), example.where


def test_the_lists_have_examples_both_ways() -> None:
    examples = evident_words().examples
    assert {e.evident for e in examples} == {True, False}


def test_a_short_english_text_is_left_to_the_model() -> None:
    words = "The ministers said that the talks with the delegation had been useful and that it is their aim"
    assert len(words.split()) < MIN_WORDS
    assert evident_words().language_of(words) is None
    assert evident_words().language_of(f"{words} to meet again after the summit, which is to be held in the spring.") == "en"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("en.txt", "# header\nthe\nThe\n", "en.txt:3: expected one word in lower case"),
    ("en.txt", "the\nof\nthe\n", "en.txt:3: 'the' is listed twice"),
    ("en.txt", "the of\n", "en.txt:1: expected one word"),
    ("english.txt", "the\n", "english.txt:0: the file's name must be an ISO 639-1 code"),
    ("en.txt", "# only a header\n", "en.txt:0: no words listed"),
    ("en.txt", "# EXAMPLE: maybe | The text.\nthe\n", "en.txt:1: expected '# EXAMPLE: yes|no | text'"),
])
def test_the_loader_names_the_line_of_a_bad_list(tmp_path: Path, name: str, text: str, reason: str) -> None:
    with pytest.raises(RulesError, match=reason.replace("|", r"\|")):
        load_evident_words(_write(tmp_path, name, text))


def test_a_good_list_loads_with_its_examples(tmp_path: Path) -> None:
    loaded = load_evident_words(_write(tmp_path, "en.txt", "# EXAMPLE: no | Short.\nthe\nof\n"))
    assert loaded.words == {"en": frozenset({"the", "of"})}
    assert [(e.code, e.evident, e.text) for e in loaded.examples] == [("en", False, "Short.")]


def _told(text_file: Path) -> tuple[str, list[str]]:
    """The language told of the file, and whether the model was loaded for it, in a fresh interpreter."""
    code = ("from timeline_app.core.ingest.language import detect_language\n"
            f"print(detect_language(open({str(text_file)!r}, encoding='utf-8').read()))")
    return loaded_after(code, ("py3langid",))


def test_an_evidently_english_sample_is_told_without_loading_the_model() -> None:
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    assert _told(sample) == ("en", [])


def test_a_french_text_is_still_told_by_the_model(tmp_path: Path) -> None:
    french = ("Les deux ministres des Affaires étrangères ont déclaré mardi que les pourparlers avaient été utiles "
              "et qu'ils se retrouveraient après le sommet d'Oslo, sans donner de date pour l'accord que leurs "
              "gouvernements recherchent depuis des années, a indiqué le porte-parole du ministère à Paris.")
    assert _told(_write(tmp_path, "fr.txt", french) / "fr.txt") == ("fr", ["py3langid"])
