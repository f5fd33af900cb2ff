"""ArticleView: dates and countries marked in the text, the event's sentence emphasised and in view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from timeline_app.core.models import Article, DateSource
from timeline_app.gui.panels.reader import COUNTRY, RESOLVED, UNRESOLVED, ArticleView, Focus

TEXT = (
    "Ministers meet in Moscow\n\n"
    "The defence ministers of Turkey and Syria met in Moscow on Wednesday, the first such meeting "
    "since 2011.\n\n" + "Filler paragraph about nothing in particular. " * 60 + "\n\n"
    "Russia said the next round of talks would be held in January."
)


def _article(text: str = TEXT, published: dt.date | None = dt.date(2022, 12, 28)) -> Article:
    return Article(text=text, title="Ministers meet in Moscow", published=published,
                   published_source=DateSource.TEXT, source_path="/tmp/moscow.txt", source="Wire")


def _format_at(view: ArticleView, offset: int):
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view._offsets(offset) + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_dates_and_countries_are_marked(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(1, _article())
    wednesday = TEXT.index("Wednesday")
    found = {d.text: d for d in view.dates}
    assert "Wednesday" in found and found["Wednesday"].value == "2022-12-28"
    fmt = _format_at(view, wednesday)
    assert fmt.background().color() == RESOLVED
    assert "2022-12-28" in fmt.toolTip()
    turkey = TEXT.index("Turkey")
    fmt = _format_at(view, turkey)
    assert fmt.fontUnderline() and fmt.underlineColor() == COUNTRY
    assert "TUR" in fmt.toolTip()
    assert "published 2022-12-28" in view.header.text() and "Wire" in view.header.text()


def test_without_a_publication_date_relative_dates_are_unresolved(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(2, _article(published=None))
    wednesday = next(d for d in view.dates if d.text == "Wednesday")
    assert not wednesday.placeable
    assert _format_at(view, wednesday.start).background().color() == UNRESOLVED
    assert "no publication date" in view.header.text()


def test_focus_emphasises_the_sentence_and_scrolls_it_into_view(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    sentence = "Russia said the next round of talks would be held in January."
    start = TEXT.index(sentence)
    date_start = TEXT.index("January", start)
    view.show_article(1, _article(), Focus(start, start + len(sentence), date_start, date_start + 7))
    assert view.highlighted_text() == sentence
    assert view.focused_date_text() == "January"
    assert view.text.verticalScrollBar().value() > 0  # the last paragraph is far below the fold
    rect = view.text.cursorRect()
    assert 0 <= rect.top() < view.text.viewport().height()


def test_offsets_count_characters_outside_the_basic_plane(qtbot) -> None:
    text = "🇹🇷🇸🇾 Summit 😀\n\nTurkey and Syria met on Wednesday."
    view = ArticleView()
    qtbot.addWidget(view)
    start = text.index("Turkey and Syria")
    day = text.index("Wednesday")
    view.show_article(1, _article(text), Focus(start, len(text), day, day + len("Wednesday")))
    assert view.focused_date_text() == "Wednesday"
    assert view.highlighted_text() == "Turkey and Syria met on Wednesday."


def test_dates_inside_the_focused_sentence_keep_their_colour(qtbot) -> None:
    text = "Talks\n\nThe agreement, signed in 1998, was renewed on Wednesday.\n"
    view = ArticleView()
    qtbot.addWidget(view)
    start = text.index("The agreement")
    end = text.index("\n", start)
    day = text.index("Wednesday")
    view.show_article(1, _article(text), Focus(start, end, day, day + len("Wednesday")))
    assert view.highlighted_text() == text[start:end]
    year = text.index("1998")
    covering = [s for s in view.text.extraSelections()
                if s.cursor.selectionStart() <= view._offsets(year) < s.cursor.selectionEnd()]
    assert covering == []  # no sentence background painted over "1998"
    assert _format_at(view, year).background().color() == RESOLVED


def test_clicking_a_date_reports_it_even_after_emoji(qtbot) -> None:
    text = "🇹🇷🇸🇾 Summit 😀\n\nTurkey and Syria met on Wednesday."
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    view.show_article(5, _article(text))
    day = text.index("Wednesday")
    assert view._offsets.back(view._offsets(day + 3)) == day + 3
    cursor = view.text.textCursor()
    cursor.setPosition(view._offsets(day + 3))
    point = view.text.cursorRect(cursor).center()
    with qtbot.waitSignal(view.date_clicked) as blocker:
        qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [5, day]
