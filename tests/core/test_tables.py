"""Resource tables: the collector paused while large tables are built, and restored afterwards."""

from __future__ import annotations

import gc

import pytest

from timeline_app.core.tables import collector_paused


def test_the_collector_is_paused_while_tables_are_built_and_runs_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_table_error_and_stays_off_when_it_was_off() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a bad line")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
