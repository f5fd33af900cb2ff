"""The country name index behind the filter panel's search: every name of a country, folded."""

from pathlib import Path

from timeline_app.core.extract.country_search import CountryNameIndex, fold


def test_fold_drops_case_and_accents() -> None:
    assert fold("Türkiye") == fold("TURKIYE") == "turkiye"
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    assert fold("Łódź") == "lodz"


def test_display_names_by_any_word_aliases_by_their_start(tmp_path: Path) -> None:
    (tmp_path / "countries.tsv").write_text("# iso3\tname\nKOR\tSouth Korea\nGRC\tGreece\nTUR\tTürkiye\n",
                                            encoding="utf-8")
    (tmp_path / "aliases.tsv").write_text("# alias\tiso3\tkind\nTurkey\tTUR\tname\nTurkish Republic\tTUR\tname\n"
                                          "Former Turkish Province of Yunanistan\tGRC\tname\n", encoding="utf-8")
    (tmp_path / "aliases_extra.tsv").write_text("# alias\tcode\tkind\tflags\nNATO\tNATO\torg\n", encoding="utf-8")
    index = CountryNameIndex.from_tables(tmp_path)
    assert index.find("korea") == {"KOR": "South Korea"}
    assert index.find("turk") == {"TUR": "Turkey"}  # the shortest name that matched; not Greece
    assert index.find("TUR") == {"TUR": "TUR"}
    assert index.find("nato") == {}
    assert index.find("  ") == {}


def test_names_in_each_language_folder_are_found_too(tmp_path: Path) -> None:
    (tmp_path / "countries.tsv").write_text("# iso3\tname\nTUR\tTürkiye\nJOR\tJordan\n", encoding="utf-8")
    (tmp_path / "aliases.tsv").write_text("# alias\tiso3\tkind\nTurkey\tTUR\tname\n", encoding="utf-8")
    (tmp_path / "aliases_extra.tsv").write_text("# alias\tcode\tkind\tflags\n", encoding="utf-8")
    ar = tmp_path / "ar"
    ar.mkdir()
    (ar / "names.tsv").write_text("# alias\tiso3\tkind\nتركيا\tTUR\tname\nالأردن\tJOR\tname\n", encoding="utf-8")
    (ar / "aliases.tsv").write_text("# alias\tcode\tkind\tflags\nأنقرة\tTUR\tname\t\nحلف الناتو\tNATO\torg\t\n",
                                    encoding="utf-8")
    (ar / "demonyms.tsv").write_text("# adjective\tiso3\nتركي\tTUR\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()  # a folder that is no language's: left alone
    index = CountryNameIndex.from_tables(tmp_path)
    assert index.find("تركيا") == {"TUR": "تركيا"}
    assert index.find("الأردن") == {"JOR": "الأردن"}
    assert index.find("انقرة") == {"TUR": "أنقرة"}  # hamza folded like an accent
    assert index.find("تركي") == {"TUR": "تركي"}
    assert index.find("حلف") == {}  # an organisation is no name of a country
    assert index.find("turk") == {"TUR": "Turkey"}


def test_the_bundled_gazetteer_finds_a_country_by_its_name_in_every_language() -> None:
    index = CountryNameIndex.default()
    for name in ("Turkey", "Turquie", "Türkei", "Turquía", "Турция", "تركيا"):
        assert "TUR" in index.find(name), name
    assert index.find("Турциястан") == {}
