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
