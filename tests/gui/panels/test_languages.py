"""Articles in other languages in the panels: the Language column and its edit, the language filter,
and the reader showing right-to-left text right to left with its marks in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from timeline_app.core.batch.articles import process_article
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, DateSource
from timeline_app.gui.panels.article_model import COL_LANGUAGE
from timeline_app.gui.panels.articles import LibraryPanel
from timeline_app.gui.panels.filter_panel import FilterPanel
from timeline_app.gui.panels.reader import RESOLVED, ArticleView, Focus, right_to_left
from timeline_app.gui.panels.reader_marks import stored_marks

ARABIC = ("هدنة في لبنان\n\nAFP - دخل اتفاق وقف إطلاق النار حيز التنفيذ اليوم الأربعاء، بعد أن أقرته "
          "الحكومة مساء أمس.\n\nG20: اجتمع وزراء الخارجية في 8 تشرين الأول/أكتوبر 2023 في الرياض.\n")
ENGLISH = "Truce in Lebanon\n\nThe truce took effect on Wednesday, the ministers said.\n"


def _articles() -> pd.DataFrame:
    return pd.DataFrame([
        (1, "Trêve au Liban", "", "/x/a.txt", "", "", "text", "2024-11-27", "text", "2026-11-28", 3, "fr"),
        (2, "هدنة في لبنان", "", "/x/b.txt", "", "", "text", "2024-11-27", "text", "2026-11-28", 4, "ar"),
    ], columns=["article_id", "title", "source", "source_path", "url", "byline", "fmt", "published",
                "published_source", "added_at", "event_count", "language"])


def test_the_articles_panel_shows_each_language(qtbot) -> None:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_articles(_articles())
    assert panel.model.headerData(COL_LANGUAGE, Qt.Orientation.Horizontal) == "Language"
    assert [panel.row_texts(i)[COL_LANGUAGE] for i in (1, 2)] == ["fr", "ar"]


def test_editing_the_language_cell_asks_for_the_selected_articles(qtbot) -> None:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_articles(_articles())
    assert not panel.language_action.isEnabled()
    panel.select_ids([1])
    assert panel.language_action.isEnabled()
    panel.language_action.trigger()
    assert panel.tree.state() == panel.tree.State.EditingState
    cell = panel.model.index_of(1).siblingAtColumn(COL_LANGUAGE)
    assert panel.tree.currentIndex() == cell
    with qtbot.waitSignal(panel.languages_changed) as blocker:
        panel.model.setData(cell, " ES ")  # what the cell's editor commits
    assert blocker.args == [{1: "es"}]


def test_the_language_filter_lists_the_languages_and_becomes_the_spec(qtbot) -> None:
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.set_languages({"en": 7, "ar": 3, "fr": 5, "": 1})
    texts = [panel.languages.list.item(i).text() for i in range(panel.languages.list.count())]
    # Names a person reads, with the code the exports and `export --language` use.
    assert texts == ["English (en)  (7)", "French (fr)  (5)", "Arabic (ar)  (3)", "(unknown)  (1)"]
    with qtbot.waitSignal(panel.filters_changed) as blocker:
        panel.languages.item_for("ar").setCheckState(Qt.CheckState.Checked)
    assert blocker.args[0].languages == frozenset({"ar"})
    panel.set_spec(FilterSpec(languages=frozenset({"fr"})))
    assert panel.spec().languages == frozenset({"fr"})
    panel.clear()
    assert panel.spec().languages == frozenset()


def _show(qtbot, tmp_path: Path, text: str) -> tuple[ArticleView, list]:
    article = Article(text=text, title=text.split("\n")[0], published=dt.date(2024, 11, 27),
                      published_source=DateSource.TEXT, source_path="a.txt")
    with Library(tmp_path / "library.sqlite3") as library:
        processed = process_article(article)
        article_id = library.add_article(processed.article, processed.mentions)
        stored, marks = stored_marks(library, article_id)
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(620, 380)
    last = processed.mentions[-1]
    view.show_article(article_id, stored, marks, Focus(last.evidence_start, last.evidence_end,
                                                        last.date.start, last.date.end))
    return view, list(processed.mentions)


def test_the_reader_shows_arabic_right_to_left_with_its_marks_in_place(qtbot, tmp_path: Path) -> None:
    view, mentions = _show(qtbot, tmp_path, ARABIC)
    view.show()
    qtbot.waitExposed(view)
    doc = view.text.document()
    assert doc.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    # The paragraph opening with "AFP" reads right to left too: its first letters stand at the right.
    block = doc.findBlock(view.position_of(ARABIC.index("AFP")))
    start, end = QTextCursor(block), QTextCursor(block)
    end.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    assert view.text.cursorRect(start).x() > view.text.cursorRect(end).x()
    # Each date is marked over its own characters, and the selected one is the one emphasised.
    assert [m.date.text for m in mentions] == ["اليوم الأربعاء", "مساء أمس", "8 تشرين الأول/أكتوبر 2023"]
    for m in mentions:
        cursor = QTextCursor(doc)
        cursor.setPosition(view.position_of(m.date.start))
        cursor.setPosition(view.position_of(m.date.end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == m.date.text
        inside = QTextCursor(doc)
        inside.setPosition(view.position_of(m.date.start) + 1)
        assert inside.charFormat().background().color() == RESOLVED
    assert view.focused_date_text() == mentions[-1].date.text


def test_an_english_article_after_it_reads_left_to_right_again(qtbot, tmp_path: Path) -> None:
    view, _ = _show(qtbot, tmp_path, ARABIC)
    english = Article(text=ENGLISH, title="Truce in Lebanon", published=dt.date(2024, 11, 27),
                      published_source=DateSource.TEXT, source_path="b.txt")
    with Library(tmp_path / "library.sqlite3") as library:
        processed = process_article(english)
        article_id = library.add_article(processed.article, processed.mentions)
        stored, marks = stored_marks(library, article_id)
    view.show_article(article_id, stored, marks)
    assert view.text.document().defaultTextOption().textDirection() == Qt.LayoutDirection.LayoutDirectionAuto
    assert view.text.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert right_to_left(ARABIC) and not right_to_left(ENGLISH)
