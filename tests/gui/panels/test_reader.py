"""ArticleView: stored dates and countries marked, the event's sentence emphasised, sentences selected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, DateSource
from timeline_app.core.batch.articles import process_article
from timeline_app.gui.panels.reader import COUNTRY, FOCUS_DATE, RESOLVED, UNRESOLVED, ArticleView, Focus
from timeline_app.gui.panels.reader_marks import ArticleMarks, stored_marks

TEXT = (
    "Ministers meet in Moscow\n\n"
    "The defence ministers of Turkey and Syria met in Moscow on Wednesday, the first such meeting "
    "since 2011.\n\n" + "Filler paragraph about nothing in particular. " * 60 + "\n\n"
    "Russia said the next round of talks would be held in January."
)


def _article(text: str = TEXT, published: dt.date | None = dt.date(2022, 12, 28)) -> Article:
    return Article(text=text, title="Ministers meet in Moscow", published=published,
                   published_source=DateSource.TEXT, source_path="/tmp/moscow.txt", source="Wire")


@pytest.fixture()
def library(tmp_path: Path):
    with Library(tmp_path / "library.sqlite3") as library:
        yield library


def _show(view: ArticleView, library: Library, article: Article, focus: Focus | None = None) -> int:
    """Import `article` as the pipeline does and show it as the window does: from the library."""
    article_id = library.add_article(article, process_article(article).mentions)
    assert article_id is not None
    stored, marks = stored_marks(library, article_id)
    view.show_article(article_id, stored, marks, focus)
    return article_id


def _format_at(view: ArticleView, offset: int):
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.position_of(offset) + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_dates_and_countries_are_marked(qtbot, library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    _show(view, library, _article())
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


def test_without_a_publication_date_relative_dates_are_unresolved(qtbot, library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    _show(view, library, _article(published=None))
    wednesday = next(d for d in view.dates if d.text == "Wednesday")
    assert not wednesday.placeable
    assert _format_at(view, wednesday.start).background().color() == UNRESOLVED
    assert "no publication date" in view.header.text() and "published" not in view.header.text()


def test_focus_emphasises_the_sentence_and_scrolls_it_into_view(qtbot, library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    sentence = "Russia said the next round of talks would be held in January."
    start = TEXT.index(sentence)
    date_start = TEXT.index("January", start)
    _show(view, library, _article(), Focus(start, start + len(sentence), date_start, date_start + 7))
    assert view.highlighted_text() == sentence
    assert view.focused_date_text() == "January"
    assert view.text.verticalScrollBar().value() > 0  # the last paragraph is far below the fold
    rect = view.text.cursorRect()
    assert 0 <= rect.top() < view.text.viewport().height()


def test_offsets_count_characters_outside_the_basic_plane(qtbot, library) -> None:
    text = "🇹🇷🇸🇾 Summit 😀\n\nTurkey and Syria met on Wednesday."
    view = ArticleView()
    qtbot.addWidget(view)
    start = text.index("Turkey and Syria")
    day = text.index("Wednesday")
    _show(view, library, _article(text), Focus(start, len(text), day, day + len("Wednesday")))
    assert view.focused_date_text() == "Wednesday"
    assert view.highlighted_text() == "Turkey and Syria met on Wednesday."


def test_dates_inside_the_focused_sentence_keep_their_colour(qtbot, library) -> None:
    text = "Talks\n\nThe agreement, signed in 1998, was renewed on Wednesday.\n"
    view = ArticleView()
    qtbot.addWidget(view)
    start = text.index("The agreement")
    end = text.index("\n", start)
    day = text.index("Wednesday")
    _show(view, library, _article(text), Focus(start, end, day, day + len("Wednesday")))
    assert view.highlighted_text() == text[start:end]
    year = text.index("1998")
    covering = [s for s in view.text.extraSelections()
                if s.cursor.selectionStart() <= view.position_of(year) < s.cursor.selectionEnd()]
    assert covering == []  # no sentence background painted over "1998"
    assert _format_at(view, year).background().color() == RESOLVED


def _shown_colour(view: ArticleView, start: int, end: int) -> QColor:
    """The background the reader paints behind text[start:end]: the commonest colour under it."""
    image = view.text.viewport().grab().toImage()
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.position_of(start))
    left = view.text.cursorRect(cursor)
    cursor.setPosition(view.position_of(end))
    right = view.text.cursorRect(cursor)
    ratio = image.devicePixelRatio()
    counts: dict[int, int] = {}
    for x in range(left.right() + 1, right.left()):
        for y in range(left.top() + 1, left.bottom()):
            rgb = image.pixel(int(x * ratio), int(y * ratio)) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    return QColor(max(counts, key=counts.get))


def _distance(a: QColor, b: QColor) -> float:
    return ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5


def test_the_selected_date_does_not_look_like_an_unresolved_one(qtbot, library) -> None:
    text = "Talks\n\nThe ministers met on Wednesday. The agreement was signed on 12 March 2019 in Ankara.\n"
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    start = text.index("The agreement")
    day = text.index("12 March 2019")
    _show(view, library, _article(text, published=None), Focus(start, text.index("\n", start), day, day + 13))
    wednesday = text.index("Wednesday")
    unresolved = _shown_colour(view, wednesday, wednesday + len("Wednesday"))
    selected = _shown_colour(view, day, day + 13)
    assert unresolved == UNRESOLVED and selected == FOCUS_DATE
    assert _distance(unresolved, selected) > 150
    legend = view.legend.text()
    assert "unresolved&nbsp;date" in legend and "its&nbsp;date" in legend
    assert "Orange: a date found but not placed" in view.legend.toolTip()
    assert "its date in deep blue" in view.legend.toolTip()


def test_clicking_a_date_reports_it_even_after_emoji(qtbot, library) -> None:
    text = "🇹🇷🇸🇾 Summit 😀\n\nTurkey and Syria met on Wednesday."
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    article_id = _show(view, library, _article(text))
    day = text.index("Wednesday")
    assert view.offset_of(view.position_of(day + 3)) == day + 3
    cursor = view.text.textCursor()
    cursor.setPosition(view.position_of(day + 3))
    point = view.text.cursorRect(cursor).center()
    with qtbot.waitSignal(view.date_clicked) as blocker:
        qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [article_id, day]


def test_only_the_dates_the_library_holds_are_marked(qtbot, library) -> None:
    text = ("Talks resume\n\nPublished: 28 December 2022\n\n"
            "Turkey and Syria met in Moscow on Wednesday after talks that lasted two days.")
    view = ArticleView()
    qtbot.addWidget(view)
    article_id = _show(view, library, _article(text))
    assert [d.text for d in view.dates] == [d.text for d in library.article_dates(article_id)] == ["Wednesday"]
    # The date line dates the article and "two days" is a duration: neither is a mention, neither is marked.
    for unmarked in ("28 December 2022", "two days"):
        assert _format_at(view, text.index(unmarked)).background().style() == Qt.BrushStyle.NoBrush
    assert _format_at(view, text.index("Wednesday")).background().color() == RESOLVED


def test_marks_given_anew_are_shown_for_the_same_article(qtbot, library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    article_id = _show(view, library, _article())
    article, marks = stored_marks(library, article_id)
    view.show_article(article_id, article, ArticleMarks(marks.dates[:1], ()))
    turkey = TEXT.index("Turkey")
    assert len(view.dates) == 1 and not _format_at(view, turkey).fontUnderline()


def test_a_selection_gives_the_whole_sentences_it_touches(qtbot, library) -> None:
    text = "Summit\n\nJapan and India met on Monday. Talks went well. 🇯🇵 They will meet in March."
    view = ArticleView()
    qtbot.addWidget(view)
    assert view.selected_evidence() is None  # no article
    article_id = _show(view, library, _article(text))
    assert view.selected_evidence() is None  # no selection
    cursor = view.text.textCursor()
    cursor.setPosition(view.position_of(text.index("India")))
    cursor.setPosition(view.position_of(text.index("Monday")), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    evidence = view.selected_evidence()
    assert evidence is not None and evidence.article_id == article_id
    assert evidence.text == "Japan and India met on Monday." and evidence.title == "Ministers meet in Moscow"
    assert text[evidence.start:evidence.end] == evidence.text
    cursor.setPosition(view.position_of(text.index("well")))
    cursor.setPosition(view.position_of(text.index("March")), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)  # after an emoji: offsets count characters, not UTF-16 units
    assert view.selected_evidence().text == "Talks went well. 🇯🇵 They will meet in March."


def test_a_country_opening_one_article_does_not_mark_the_whole_next_one(qtbot, library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    opening = "Turkey and Syria agreed on Tuesday to reopen a border crossing.\n\nThe crossing was closed in 2012."
    _show(view, library, Article(text=opening, title="Crossing", published=dt.date(2023, 3, 14),
                                 published_source=DateSource.TEXT, source_path="/tmp/crossing.txt"))
    assert _format_at(view, 0).fontUnderline()  # "Turkey", where the text cursor rests
    _show(view, library, _article())
    filler = TEXT.index("Filler paragraph")
    plain = _format_at(view, filler)
    assert not plain.fontUnderline() and plain.foreground().color() != COUNTRY.darker(130)
    assert _format_at(view, TEXT.index("Turkey")).fontUnderline()  # its own countries still are


def test_a_date_with_two_readings_says_so(qtbot, library) -> None:
    # Told on a Wednesday, "next Friday" may be this week's: the tooltip says the date is uncertain.
    text = "Talks resume\n\nThe envoys will meet next Friday and again next Monday in Ankara."
    view = ArticleView()
    qtbot.addWidget(view)
    _show(view, library, _article(text))
    friday = _format_at(view, text.index("next Friday")).toolTip()
    monday = _format_at(view, text.index("next Monday")).toolTip()
    assert "2023-01-06" in friday and "uncertain" in friday
    assert "2023-01-02" in monday and "uncertain" not in monday
