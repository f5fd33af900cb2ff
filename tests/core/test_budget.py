"""The time one article may take: check() raises once it is up, and only within time_budget."""

import datetime as dt
import time

import pytest

from timeline_app.core import budget
from timeline_app.core.temporal import find_dates
from timeline_app.errors import BudgetError


def test_check_raises_once_the_time_is_up_and_only_then():
    budget.check()  # no budget: never
    with budget.time_budget(0.2):
        budget.check()
        time.sleep(0.25)
        with pytest.raises(BudgetError, match="took longer than 0.2 s"):
            budget.check()
        with budget.time_budget(None):
            budget.check()  # an inner block without a budget
    budget.check()


def test_the_date_engine_stops_when_the_time_is_up():
    text = "They met on Monday and again on Tuesday. " * 2000
    with budget.time_budget(0.0), pytest.raises(BudgetError):
        find_dates(text, dt.date(2022, 3, 3))
    assert len(find_dates(text, dt.date(2022, 3, 3))) == 4000


def test_the_date_engine_refuses_more_expressions_than_asked():
    text = "on Monday " * 101
    with pytest.raises(BudgetError, match="holds 101 date expressions, more than the 100 an article may have"):
        find_dates(text, dt.date(2022, 3, 3), most=100)
    assert len(find_dates(text, dt.date(2022, 3, 3), most=101)) == 101
