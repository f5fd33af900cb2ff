"""FilterPanel: the widgets a user clicks become the FilterSpec the window applies."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from timeline_app.core.daycount import date_to_days, parse_iso_day
from timeline_app.core.extract.countries import organization_names
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.library.filters import FilterSpec
from timeline_app.gui.panels.filter_panel import FilterPanel


def _panel(qtbot) -> FilterPanel:
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.set_countries({"TUR": 5, "SYR": 3, "RUS": 1}, {"TUR": "Türkiye", "SYR": "Syria", "RUS": "Russia"})
    panel.set_event_types({"Consult": 4, "Fight": 2})
    panel.set_organizations({"NATO": 2})
    panel.set_precisions({"day": 6, "month": 2, "year": 1})
    return panel


def _check(panel_list, key: str) -> None:
    panel_list.item_for(key).setCheckState(Qt.CheckState.Checked)


def test_organisations_with_a_code_made_of_words_are_listed_by_name(qtbot) -> None:
    panel = _panel(qtbot)
    panel.set_organizations({"NATO": 5, "ARAB_LEAGUE": 1, "XYZ_GROUP": 1},
                            {"NATO": "North Atlantic Treaty Organization", "ARAB_LEAGUE": "Arab League"})
    texts = [panel.organizations.list.item(i).text() for i in range(panel.organizations.list.count())]
    # An acronym is what news write ("NATO"); ARAB_LEAGUE is only a code: its name is shown.
    assert texts == ["NATO  (5)", "Arab League  (1)", "XYZ_GROUP  (1)"]
    panel.organizations.search.setText("arab")
    assert not panel.organizations.item_for("ARAB_LEAGUE").isHidden()


def test_the_organisations_have_their_names_without_the_whole_gazetteer() -> None:
    names = organization_names()
    assert names["ARAB_LEAGUE"] == "Arab League" and names["EU"] == "European Union"
    assert names == Gazetteer.default().organizations()


def test_countries_are_listed_with_names_codes_and_counts(qtbot) -> None:
    panel = _panel(qtbot)
    texts = [panel.countries.list.item(i).text() for i in range(panel.countries.list.count())]
    assert texts == ["Türkiye (TUR)  (5)", "Syria (SYR)  (3)", "Russia (RUS)  (1)"]
    panel.countries.search.setText("syr")
    hidden = [panel.countries.list.item(i).isHidden() for i in range(3)]
    assert hidden == [True, False, True]
    panel.countries.update_counts({"TUR": 2})
    assert panel.countries.item_for("SYR").text() == "Syria (SYR)  (0)"


SEARCHED = ("TUR", "CIV", "CZE", "MMR", "SYR", "TKM", "USA", "GRC")


def _shown(panel: FilterPanel) -> set[str]:
    items = [panel.countries.list.item(i) for i in range(panel.countries.list.count())]
    return {item.data(Qt.ItemDataRole.UserRole) for item in items if not item.isHidden()}


@pytest.mark.parametrize(("typed", "expected"), [
    ("Turkey", {"TUR"}), ("turk", {"TUR", "TKM"}), ("Türkiye", {"TUR"}), ("TURKIYE", {"TUR"}), ("TUR", {"TUR", "TKM"}),
    ("turkish", {"TUR"}), ("Ivory Coast", {"CIV"}), ("cote d'ivoire", {"CIV"}), ("ivorian", {"CIV"}),
    ("Czechia", {"CZE"}), ("Czech Republic", {"CZE"}), ("czech", {"CZE"}), ("Burma", {"MMR"}),
    ("Myanmar", {"MMR"}), ("American", {"USA"}), ("united states", {"USA"}), ("states", {"USA"}),
])
def test_a_country_is_found_by_any_of_its_names_accents_and_case_aside(qtbot, typed: str, expected: set[str]) -> None:
    panel = FilterPanel()
    qtbot.addWidget(panel)
    gazetteer = Gazetteer.default()
    panel.set_countries({code: 1 for code in SEARCHED}, {code: gazetteer.country_name(code) for code in SEARCHED})
    if typed.isascii():
        qtbot.keyClicks(panel.countries.search, typed)
    else:  # QTest types ASCII only
        panel.countries.search.setText(typed)
    assert _shown(panel) == expected


def test_the_name_a_country_was_found_by_is_shown_and_ticked_ones_stay(qtbot) -> None:
    panel = _panel(qtbot)
    _check(panel.countries, "RUS")
    qtbot.keyClicks(panel.countries.search, "Turkey")
    assert _shown(panel) == {"TUR", "RUS"}  # Russia is ticked: it stays in sight
    assert panel.countries.item_for("TUR").text() == "Türkiye (TUR)  (5)  — “Turkey”"
    panel.countries.update_counts({"TUR": 2})
    assert panel.countries.item_for("TUR").text() == "Türkiye (TUR)  (2)  — “Turkey”"
    panel.countries.search.clear()
    assert _shown(panel) == {"TUR", "SYR", "RUS"}
    assert panel.countries.item_for("TUR").text() == "Türkiye (TUR)  (2)"



def _many_countries(qtbot) -> FilterPanel:
    """Every state of the gazetteer, the most frequent first: France far below its French-speaking namesakes."""
    panel = FilterPanel()
    qtbot.addWidget(panel)
    gazetteer = Gazetteer.default()
    codes = ["PYF", "DEU", "GUF", "FRA", "ATF", *(c for c in SEARCHED if c not in ("FRA", "DEU"))]
    panel.set_countries({code: 200 - i for i, code in enumerate(codes)}, {c: gazetteer.country_name(c) for c in codes})
    panel.show()
    return panel


def test_down_or_enter_in_the_country_search_goes_to_the_country_named(qtbot) -> None:
    panel = _many_countries(qtbot)
    countries = panel.countries
    countries.search.setFocus()
    qtbot.keyClicks(countries.search, "fran")
    assert len(_shown(panel)) > 1  # French Polynesia and French Guiana are found too, above France
    qtbot.keyClick(countries.search, Qt.Key.Key_Down)
    assert panel.focusWidget() is countries.list and countries.list.currentItem().data(Qt.ItemDataRole.UserRole) == "FRA"
    qtbot.keyClick(countries.list, Qt.Key.Key_Space)
    assert countries.checked() == {"FRA"}
    countries.search.clear()
    countries.search.setFocus()
    qtbot.keyClicks(countries.search, "czech")
    qtbot.keyClick(countries.search, Qt.Key.Key_Return)
    assert countries.list.currentItem().data(Qt.ItemDataRole.UserRole) == "CZE"


def test_down_with_nothing_found_stays_in_the_search_box(qtbot) -> None:
    panel = _many_countries(qtbot)
    countries = panel.countries
    countries.search.setFocus()
    qtbot.keyClicks(countries.search, "qqq")
    qtbot.keyClick(countries.search, Qt.Key.Key_Down)
    assert panel.focusWidget() is countries.search and countries.checked() == frozenset()
    countries.search.clear()
    qtbot.keyClick(countries.search, Qt.Key.Key_Down)  # nothing typed: the first row, the most frequent
    assert countries.list.currentItem().data(Qt.ItemDataRole.UserRole) == "PYF"

def test_checking_two_countries_with_all_emits_the_bilateral_spec(qtbot) -> None:
    panel = _panel(qtbot)
    _check(panel.countries, "TUR")
    panel.all_radio.setChecked(True)
    with qtbot.waitSignal(panel.filters_changed) as blocker:
        _check(panel.countries, "SYR")
    spec = blocker.args[0]
    assert spec.countries == frozenset({"TUR", "SYR"})
    assert spec.match == "all"


def test_dates_precision_sources_and_text(qtbot) -> None:
    panel = _panel(qtbot)
    panel.from_check.setChecked(True)
    panel.from_edit.setDate(QDate(2022, 12, 1))
    panel.precisions.item_for("year").setCheckState(Qt.CheckState.Unchecked)
    panel.min_sources.setValue(2)
    with qtbot.waitSignal(panel.filters_changed, timeout=2000) as blocker:
        panel.text_edit.setText("ministers")
    spec = blocker.args[0]
    assert spec.date_from == dt.date(2022, 12, 1)
    assert spec.date_to is None
    assert spec.precisions == frozenset({"day", "month"})
    assert spec.min_sources == 2
    assert spec.text == "ministers"


def test_clear_filters_is_one_click(qtbot) -> None:
    panel = _panel(qtbot)
    _check(panel.countries, "RUS")
    _check(panel.types, "Fight")
    panel.set_article_ids([3, 4])
    with qtbot.waitSignal(panel.filters_changed) as blocker:
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].is_empty()
    assert panel.countries.item_for("RUS").checkState() == Qt.CheckState.Unchecked
    assert panel.article_label.text() == "all articles"


def test_set_spec_round_trips(qtbot) -> None:
    panel = _panel(qtbot)
    spec = FilterSpec(countries=frozenset({"SYR"}), match="all", date_from=dt.date(2022, 1, 1),
                      date_to=dt.date(2022, 12, 31), event_types=frozenset({"Consult"}),
                      organizations=frozenset({"NATO"}), precisions=frozenset({"day"}), min_sources=3,
                      text="talks")
    panel.set_spec(spec)
    assert panel.spec() == spec


def test_sync_with_timeline_view_follows_the_visible_range(qtbot) -> None:
    panel = _panel(qtbot)
    panel.set_view_range(dt.date(2020, 1, 1), dt.date(2020, 6, 30))
    assert panel.spec().date_from is None  # sync off: the view does not filter
    panel.sync_check.setChecked(True)
    with qtbot.waitSignal(panel.filters_changed, timeout=2000) as blocker:
        panel.set_view_range(dt.date(2020, 1, 1), dt.date(2020, 6, 30))
    assert (blocker.args[0].date_from, blocker.args[0].date_to) == (dt.date(2020, 1, 1), dt.date(2020, 6, 30))
    assert not panel.from_edit.isEnabled()


def test_range_slider_sets_the_dates(qtbot) -> None:
    panel = _panel(qtbot)
    panel.set_date_bounds(date_to_days(dt.date(2020, 1, 1)), date_to_days(dt.date(2023, 12, 31)))
    panel.resize(360, 900)
    panel.show()
    slider = panel.slider
    y = slider.height() // 2
    with qtbot.waitSignal(panel.filters_changed, timeout=2000) as blocker:
        qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=QPoint(int(slider.x_of(slider.minimum)), y))
        qtbot.mouseMove(slider, QPoint(slider.width() // 2, y))
        qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(slider.width() // 2, y))
    spec = blocker.args[0]
    assert spec.date_to is None
    assert dt.date(2021, 6, 1) < spec.date_from < dt.date(2022, 8, 1)
    assert panel.from_check.isChecked() and panel.from_edit.date() == QDate(spec.date_from)
    # Typing a date moves the handle.
    panel.to_check.setChecked(True)
    panel.to_edit.setDate(QDate(2022, 12, 31))
    assert slider.high == date_to_days(dt.date(2022, 12, 31))  # the day numbers of core.daycount


def test_the_slider_spans_events_before_year_one(qtbot) -> None:
    panel = _panel(qtbot)
    first, last = parse_iso_day("-0043-03-15"), date_to_days(dt.date(2022, 12, 31))
    panel.set_date_bounds(first, last)
    assert (panel.slider.minimum, panel.slider.maximum) == (first, last)
    # The date fields cannot go before year 1: they start there, and leave the date unfiltered.
    assert panel.from_edit.date() == QDate(1, 1, 1) and panel.spec().date_from is None


def test_uncertain_dates_only_is_one_tick_and_clears_with_the_rest(qtbot) -> None:
    panel = _panel(qtbot)
    assert not panel.spec().uncertain_only
    with qtbot.waitSignal(panel.filters_changed, timeout=2000) as blocker:
        panel.uncertain_check.setChecked(True)
    assert blocker.args[0].uncertain_only and not blocker.args[0].is_empty()
    with qtbot.waitSignal(panel.filters_changed) as blocker:
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert not blocker.args[0].uncertain_only and not panel.uncertain_check.isChecked()
    panel.set_spec(FilterSpec(uncertain_only=True))
    assert panel.uncertain_check.isChecked() and panel.spec() == FilterSpec(uncertain_only=True)


def test_a_choice_the_other_filters_leave_no_event_is_greyed_out_in_its_place(qtbot) -> None:
    panel = _panel(qtbot)
    panel.countries.update_counts({"TUR": 2, "RUS": 4})  # Syria has none under the other filters
    keys = [panel.countries.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3)]
    assert keys == ["TUR", "SYR", "RUS"]  # the order stays: the user's eye and scroll stay put
    grey, ink = panel.palette().placeholderText().color(), panel.palette().text().color()
    assert grey != ink
    assert panel.countries.item_for("SYR").foreground().color() == grey
    assert panel.countries.item_for("RUS").foreground().color() == ink
    panel.countries.update_counts({"SYR": 1})  # counts come back: the ink too
    assert panel.countries.item_for("SYR").foreground().color() == ink
    assert panel.countries.item_for("TUR").foreground().color() == grey
