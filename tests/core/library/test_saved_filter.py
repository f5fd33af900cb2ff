"""Filters kept in the library's settings: written and read back, bad or stale values tolerated."""

import datetime as dt
import json

from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.saved_filter import FILTER_SETTING, dump_spec, known_only, load_spec
from timeline_app.core.library.store import Library

SPEC = FilterSpec(countries=frozenset({"TUR", "SYR"}), match="all", date_from=dt.date(2020, 1, 1),
                  date_to=dt.date(2021, 6, 30), event_types=frozenset({"Consult"}),
                  organizations=frozenset({"NATO"}), article_ids=frozenset({3, 7}),
                  precisions=frozenset({"day", "month"}), min_sources=2, text="border crossing",
                  uncertain_only=True)


def test_a_spec_survives_the_library_settings(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.set_setting(FILTER_SETTING, dump_spec(SPEC))
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert load_spec(lib.setting(FILTER_SETTING)) == SPEC


def test_show_hidden_is_not_a_saved_filter():
    assert load_spec(dump_spec(FilterSpec(show_hidden=True))) == FilterSpec()


def test_text_that_is_no_spec_gives_no_filter():
    for text in ("", "   ", "{not json", "[1, 2]", "null", '"TUR"'):
        assert load_spec(text) == FilterSpec(), text


def test_a_field_that_cannot_be_read_is_left_out_and_the_rest_kept():
    data = json.loads(dump_spec(SPEC))
    data.update(countries="TUR", match="some", date_from="2020-13-45", article_ids=[1, "x"],
                min_sources=-3, text=5, uncertain_only="yes", unknown_field=1)
    spec = load_spec(json.dumps(data))
    assert spec.countries == frozenset() and spec.match == "any" and spec.date_from is None
    assert spec.article_ids == frozenset() and spec.min_sources == 0 and spec.text == ""
    assert spec.uncertain_only is False
    assert spec.date_to == SPEC.date_to and spec.event_types == SPEC.event_types
    assert spec.precisions == SPEC.precisions


def test_values_the_library_no_longer_has_are_dropped():
    spec = known_only(SPEC, countries={"TUR", "GRC"}, event_types={"Consult", "Protest"}, organizations=set(),
                      article_ids={7}, precisions={"day", "year"})
    assert spec.countries == {"TUR"} and spec.event_types == {"Consult"} and spec.organizations == frozenset()
    assert spec.article_ids == {7} and spec.precisions == {"day"}
    assert (spec.date_from, spec.date_to, spec.min_sources, spec.text, spec.match) == (
        SPEC.date_from, SPEC.date_to, 2, "border crossing", "all")
