"""The publication-date dialog: no date assumed, guesses offered, a date typed over the field replaces it."""

import datetime as dt

from PySide6.QtCore import Qt

from tests.gui.conftest import line_directions
from timeline_app.core.ingest.date_hints import DateHint
from timeline_app.gui.dialogs import PublicationDateDialog, UndatedArticle

TODAY = dt.date(2024, 6, 1)
NILE = UndatedArticle(7, "Nile talks", "/news/nile.txt",
                      (DateHint(dt.date(2022, 12, 28), "first date in the text: “28 December 2022”"),))
GULF = UndatedArticle(8, "Gulf talks", "/news/gulf.txt")


def open_dialog(qtbot, *articles: UndatedArticle) -> PublicationDateDialog:
    dialog = PublicationDateDialog(list(articles), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_no_date_is_assumed_and_enter_dates_nothing(qtbot) -> None:
    dialog = open_dialog(qtbot, NILE, GULF)
    edit = dialog.date_edit(7)
    assert edit.text() == "" and dialog.dates() == {}
    assert not dialog.set_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0


def test_a_date_typed_over_the_field_after_select_all_replaces_it_whole(qtbot) -> None:
    dialog = open_dialog(qtbot, NILE)
    edit = dialog.date_edit(7)
    qtbot.keyClicks(edit, "2021-01-05")
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "2022-12-28")
    assert edit.text() == "2022-12-28"
    assert dialog.set_button.isEnabled()
    assert "Wednesday 28 December 2022" in dialog.row(7).note.text()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.dates() == {7: dt.date(2022, 12, 28)}


def test_the_guess_is_offered_and_taken_only_when_clicked(qtbot) -> None:
    dialog = open_dialog(qtbot, NILE, GULF)
    (button,) = dialog.row(7).hint_buttons
    assert button.text() == "Use 2022-12-28"
    assert dialog.row(8).hint_buttons == []
    assert dialog.dates() == {}
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.date_edit(7).text() == "2022-12-28"
    assert dialog.dates() == {7: dt.date(2022, 12, 28)}  # the other article waits for its date
    assert dialog.set_button.isEnabled()


def test_text_that_is_not_a_date_or_a_future_day_keeps_the_button_disabled(qtbot) -> None:
    dialog = open_dialog(qtbot, NILE, GULF)
    qtbot.keyClicks(dialog.date_edit(7), "2022-12-28")
    qtbot.keyClicks(dialog.date_edit(8), "03/04/2022")
    assert not dialog.set_button.isEnabled()
    assert "YYYY-MM-DD" in dialog.row(8).note.text()
    dialog.date_edit(8).setText("2031-01-01")
    assert not dialog.set_button.isEnabled() and "after today" in dialog.row(8).note.text()
    dialog.date_edit(8).setText("4 March 2022")
    assert dialog.set_button.isEnabled()
    assert dialog.dates() == {7: dt.date(2022, 12, 28), 8: dt.date(2022, 3, 4)}


def test_a_right_to_left_title_leaves_the_file_path_left_to_right(qtbot) -> None:
    hebrew = UndatedArticle(9, "שיחות על הנילוס", "/news/nile-he.txt")
    dialog = open_dialog(qtbot, hebrew, GULF)
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert line_directions(dialog.row(9).heading) == {"שיחות על הנילוס": rtl, "/news/nile-he.txt": ltr}
    # Negative: an English title and its path are both left to right.
    assert line_directions(dialog.row(8).heading) == {"Gulf talks": ltr, "/news/gulf.txt": ltr}
