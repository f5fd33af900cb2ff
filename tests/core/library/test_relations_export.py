"""The Relations chart's numbers as CSV, and the code table that weighs them."""

import csv

import numpy as np
import pandas as pd
import pytest

from tests.core.factories import resources_with_line
from tests.core.library.test_relations import WEIGHTS, ten_events
from timeline_app.core.extract.cameo import read_codes
from timeline_app.core.library.columns import RELATION_COLUMNS
from timeline_app.core.library.export import write_relations_csv
from timeline_app.core.library.periods import MONTH, YEAR
from timeline_app.core.library.relations import Dyad, RelationsIndex, partners, series
from timeline_app.core.library.relations_export import partners_frame, series_frame
from timeline_app.errors import RulesError
from timeline_app.paths import resource


@pytest.fixture()
def index() -> RelationsIndex:
    return RelationsIndex(ten_events(), WEIGHTS)


def read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_period_has_its_four_quad_classes_and_unknown_types_only_where_there_are_some(index, tmp_path):
    s = series(index, np.ones(index.n, dtype=bool), Dyad("TUR", "SYR"), YEAR)
    path = tmp_path / "relations.csv"
    assert write_relations_csv(series_frame(s), path) == 9
    rows = read(path)
    assert tuple(rows[0]) == RELATION_COLUMNS
    assert [(r["period"], r["quad_class"], r["events"]) for r in rows if r["period"] == "2024"] == [
        ("2024", "1", "1"), ("2024", "2", "0"), ("2024", "3", "0"), ("2024", "4", "0")]
    year = {r["quad_class"]: r for r in rows if r["period"] == "2023"}
    assert set(year) == {"0", "1", "2", "3", "4"}
    assert (year["4"]["events"], year["4"]["score"], year["4"]["reports"]) == ("2", "-18.0", "3")
    assert {r["country_a"] + r["country_b"] for r in rows} == {"TURSYR"}
    # Every event of the chart once: the CSV adds up to the bars.
    assert sum(int(r["events"]) for r in rows) == s.total == 7


def test_a_month_chart_writes_months(index, tmp_path):
    s = series(index, np.ones(index.n, dtype=bool), Dyad("TUR"), MONTH)
    frame = series_frame(s)
    # The first event of Turkey's is a week from 30 January to 5 February: February by its middle day.
    assert frame["period"].iloc[0] == "2023-02" and frame["period"].iloc[-1] == "2024-01"
    assert frame["country_b"].eq("").all()


def test_partners_write_one_row_per_partner_and_quad_class_with_events(index, tmp_path):
    p = partners(index, np.ones(index.n, dtype=bool), "TUR")
    path = tmp_path / "partners.csv"
    write_relations_csv(partners_frame(p, "2023-01-01/2024-12-31"), path, bom=False)
    rows = read(path)
    assert [(r["country_b"], r["quad_class"], r["events"]) for r in rows if r["country_b"] == "RUS"] == [
        ("RUS", "2", "1"), ("RUS", "4", "1")]
    assert {r["period"] for r in rows} == {"2023-01-01/2024-12-31"}


def test_the_code_table_rejects_a_weight_off_the_goldstein_scale(tmp_path):
    target, line = resources_with_line(tmp_path, "cameo", "codes.tsv", "0999\t09\tInvestigate harder\t-12\t3")
    with pytest.raises(RulesError, match=rf"codes.tsv:{line}: the Goldstein score -12 is outside"):
        read_codes(target)


def test_the_code_table_has_a_weight_and_quad_class_for_every_root():
    codes = read_codes(resource("cameo"))
    roots = {c: v for c, v in codes.items() if len(c) == 2}
    assert sorted(roots) == [f"{i:02d}" for i in range(1, 21)]
    assert roots["07"].goldstein == 7 and roots["19"].quad_class == 4


def _with_uncertain(*event_ids: str) -> RelationsIndex:
    events = ten_events()
    events["date_mod"] = ["APPROX" if e in event_ids else "" for e in events["event_id"]]
    return RelationsIndex(events, WEIGHTS)


def test_each_relation_row_has_the_first_and_last_day_of_its_events_and_whether_one_is_uncertain(tmp_path):
    index = _with_uncertain("e3")  # a month of material conflict in 2023
    s = series(index, np.ones(index.n, dtype=bool), Dyad("TUR", "SYR"), YEAR)
    path = tmp_path / "relations.csv"
    write_relations_csv(series_frame(s), path)
    df = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype={"period": str})
    rows = df.set_index(["period", "quad_class"])
    assert tuple(rows.loc[("2023", 4), ["first_date", "last_date", "any_uncertain"]]) == (
        "2023-01-30", "2023-03-31", True)  # the week from 30 January and the month of March
    assert tuple(rows.loc[("2023", 1), ["first_date", "last_date", "any_uncertain"]]) == (
        "2023-01-01", "2023-12-31", False)  # a day and the whole year
    assert tuple(rows.loc[("2024", 2), ["first_date", "last_date", "any_uncertain"]]) == ("", "", False)  # none
    assert df["any_uncertain"].dtype == bool


def test_partner_rows_have_their_dates_too(tmp_path):
    index = _with_uncertain("e7")
    p = partners(index, np.ones(index.n, dtype=bool), "TUR")
    path = tmp_path / "partners.csv"
    write_relations_csv(partners_frame(p, "all"), path)
    df = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    russia = df[df["country_b"] == "RUS"].set_index("quad_class")
    assert tuple(russia.loc[2, ["first_date", "last_date", "any_uncertain"]]) == ("2023-03-20", "2023-03-20", False)
    assert tuple(russia.loc[4, ["first_date", "last_date", "any_uncertain"]]) == ("2023-05-10", "2023-05-10", True)
