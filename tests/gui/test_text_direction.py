"""Right-to-left text in the table cells: an Arabic or Hebrew summary or title starts at the right edge."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt

from timeline_app.core.library.columns import EVENT_COLUMNS
from timeline_app.core.library.table import COLUMNS
from timeline_app.gui.panels.article_model import COLUMNS as ARTICLE_COLUMNS
from timeline_app.gui.panels.articles import LibraryPanel
from timeline_app.gui.panels.event_table import EventTableModel
from timeline_app.gui.text_direction import RTL_CELL, cell_alignment, right_to_left

ARABIC = "اجتمع وزيرا خارجية مصر والأردن في عمّان"
HEBREW = "שר החוץ נפגש עם עמיתו בירושלים"
ENGLISH = "The foreign ministers of Egypt and Jordan met in Amman"


def _events() -> pd.DataFrame:
    rows = []
    for i, summary in enumerate((ARABIC, ENGLISH, HEBREW)):
        rows.append({
            "event_id": f"e{i}", "event_date": "2023-05-02", "date_start": "2023-05-02", "date_end": "2023-05-02",
            "date_precision": "day", "open_end": False, "date_text": "2 May 2023", "countries": "EGY;JOR",
            "organizations": "", "location_country": "", "event_type": "Consult", "cameo_code": "040",
            "quad_class": 1, "summary": summary, "evidence": summary, "sources": 1, "source_titles": summary,
            "publication_date": "2023-05-03", "article_ids": str(i),
        })
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))


def test_right_to_left_counts_the_letters_not_the_digits() -> None:
    assert right_to_left(ARABIC) and right_to_left(HEBREW)
    assert not right_to_left(ENGLISH) and not right_to_left("2023-05-02")
    assert right_to_left("G20: " + ARABIC) and not right_to_left(ENGLISH + " عمّان")


def test_an_arabic_summary_is_flush_right_and_an_english_one_is_not(qtbot) -> None:
    model = EventTableModel()
    model.set_events(_events())
    summary = next(i for i, c in enumerate(COLUMNS) if c.field == "summary")
    date = next(i for i, c in enumerate(COLUMNS) if c.field == "event_date")
    align = Qt.ItemDataRole.TextAlignmentRole
    texts = [model.data(model.index(r, summary)) for r in range(3)]
    rows = {text: r for r, text in enumerate(texts)}
    assert model.data(model.index(rows[ARABIC], summary), align) == RTL_CELL
    assert model.data(model.index(rows[HEBREW], summary), align) == RTL_CELL
    assert model.data(model.index(rows[ENGLISH], summary), align) is None
    assert model.data(model.index(rows[ARABIC], date), align) is None  # digits keep the column's alignment


def test_an_arabic_article_title_is_flush_right_in_the_articles_panel(qtbot) -> None:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_articles(pd.DataFrame([
        (1, ARABIC, "", "/x/a.txt", "", "", "text", "2023-05-03", "text", "2026-11-28", 1, "ar"),
        (2, ENGLISH, "", "/x/b.txt", "", "", "text", "2023-05-03", "text", "2026-11-28", 1, "en"),
    ], columns=["article_id", "title", "source", "source_path", "url", "byline", "fmt", "published",
                "published_source", "added_at", "event_count", "language"]))
    align = Qt.ItemDataRole.TextAlignmentRole
    assert panel.model.data(panel.model.index_of(1).siblingAtColumn(0), align) == RTL_CELL
    assert panel.model.data(panel.model.index_of(2).siblingAtColumn(0), align) is None
    assert len(ARTICLE_COLUMNS) > 1 and cell_alignment("—") is None
