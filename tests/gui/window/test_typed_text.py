"""Go to date and Open URL: a typo opens the dialog again with the text as typed and what is wrong with it."""

from __future__ import annotations


import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from timeline_app.gui.window.library_actions import url_problem


@pytest.fixture
def answers(monkeypatch):
    """The dialog's answers in turn; each call's label and starting text are kept in `asked`."""
    state = {"replies": [], "asked": []}

    def get_text(parent, title, label, *args, text="", **kwargs):
        state["asked"].append((label, text))
        return state["replies"].pop(0)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: boxes.append(a)))
    state["boxes"] = boxes
    return state


def test_a_date_typo_is_asked_again_with_the_text_kept(window, answers) -> None:
    answers["replies"] = [("2011-31-03", True), ("2011-03", True)]
    window.menus.go_to_date_action.trigger()
    (_first, _start), (label, text) = answers["asked"]
    assert text == "2011-31-03" and label.startswith("“2011-31-03” is not a date")
    assert answers["boxes"] == []  # no box to read and close first
    t0, t1 = window.timeline.visible_range()
    middle = t0 + (t1 - t0) / 2
    assert middle.year == 2011 and middle.month == 3


def test_a_date_that_reads_goes_there_at_once_and_cancel_goes_nowhere(window, answers) -> None:
    before = window.timeline.visible_range()
    answers["replies"] = [("nonsense", True), ("", False)]
    window.menus.go_to_date_action.trigger()
    assert len(answers["asked"]) == 2 and window.timeline.visible_range() == before
    answers["replies"] = [("1999", True)]
    window.menus.go_to_date_action.trigger()
    assert len(answers["asked"]) == 3 and window.timeline.visible_range()[0].year in (1998, 1999)


def test_an_address_with_a_space_is_asked_again_before_any_download(window, answers, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(window.library_actions, "open_inputs", lambda inputs, *a, **k: opened.append(inputs))
    answers["replies"] = [("www.example.org/a story", True), ("www.example.org/a-story", True)]
    window.menus.open_url_action.trigger()
    assert answers["asked"][1][1] == "www.example.org/a story" and "no spaces" in answers["asked"][1][0]
    assert opened == [["https://www.example.org/a-story"]]


@pytest.mark.parametrize(("typed", "wrong"), [
    ("https://example.org/news", False), ("example.org", False), ("localhost:8000/feed", False),
    ("http://intranet/news", False), ("not a url", True), ("news", True), ("", True),
])
def test_url_problem(typed: str, wrong: bool) -> None:
    assert bool(url_problem(typed)) is wrong


def test_the_timelines_own_menu_opens_the_export_dialog_on_what_it_names(window) -> None:
    entries = {a.text(): a for a in window.timeline.context_menu().actions()}
    entries["Export view as image…"].trigger()
    dialog = window.exports.image_dialog
    assert dialog is not None and dialog.choice()[1].scope == "view" and dialog.choice()[1].rows == "visible"
    dialog.close()
    entries["Export whole timeline as image…"].trigger()
    dialog = window.exports.image_dialog
    assert dialog is not None and (dialog.choice()[1].scope, dialog.choice()[1].rows) == ("all", "all")
    dialog.close()
