"""ArticleView: the article reader, with its stored dates, its countries and the selected event marked."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextCharFormat, QTextCursor, QTextFormat, QTextOption
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from timeline_app.core.library.datemod import why
from timeline_app.core.models import Article, DateMention, EntityMention
from timeline_app.core.sentences import sentence_at, split_sentences
from timeline_app.gui.panels.issuer_text import issuer_line, issuer_tooltip
from timeline_app.gui.panels.reader_marks import ArticleMarks
from timeline_app.gui.panels.reader_sources import OtherSources
from timeline_app.gui.text_direction import right_to_left

log = logging.getLogger(__name__)

RESOLVED = QColor("#cfe8ff")  # a date placed on the timeline's calendar
UNRESOLVED = QColor("#ffd9a8")  # a date found but not resolved (no publication date, durations...)
COUNTRY = QColor("#2e7d32")  # country mentions: underlined in green
FOCUS = QColor("#fff3a0")  # the selected event's sentence
# The selected event's date: a deeper blue than a date's, in bold. An orange one would read as
# "unresolved" (UNRESOLVED) to anyone who has seen the legend.
FOCUS_DATE = QColor("#5fa8f5")
LEGEND = ((RESOLVED, "date"), (UNRESOLVED, "unresolved date"), (COUNTRY, "country"), (FOCUS, "selected event"),
          (FOCUS_DATE, "its date"))
LEGEND_TIP = ("Blue: a date placed on the timeline; click it to select its event.\n"
              "Orange: a date found but not placed (the article has no publication date, or it is a "
              "duration such as “three years”).\n"
              "Green underline: a country named in the text.\n"
              "Yellow: the sentence of the selected event; its date in deep blue and bold.")

_SOURCE_LABELS = {
    "user": "given by you",
    "metadata": "from the page's metadata",
    "text": "from a date line in the text",
    "filename": "from the file name",
    "none": "unknown",
}


@dataclass(frozen=True)
class Evidence:
    """The whole sentences of an article the user selected in the reader (to attach an event to)."""

    article_id: int
    title: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Focus:
    """The part of the article the selected event comes from (character offsets into the text)."""

    evidence_start: int
    evidence_end: int
    date_start: int
    date_end: int


class _Utf16Offsets:
    """Python string offsets -> QTextDocument positions, which count UTF-16 code units."""

    def __init__(self, text: str) -> None:
        astral = np.fromiter((ord(c) > 0xFFFF for c in text), dtype=bool, count=len(text)) \
            if any(ord(c) > 0xFFFF for c in text) else None
        self._shift = None if astral is None else np.concatenate(([0], np.cumsum(astral)))
        self._n = len(text)

    def __call__(self, i: int) -> int:
        i = max(0, min(int(i), self._n))
        return i if self._shift is None else i + int(self._shift[i])

    def back(self, position: int) -> int:
        """The Python offset of a document position."""
        if self._shift is None:
            return max(0, min(int(position), self._n))
        utf16 = np.arange(self._n + 1) + self._shift
        return int(np.searchsorted(utf16, position, side="right") - 1)


def _legend() -> QLabel:
    """The marks' colours in one label that wraps in a narrow reader; each entry stays on one line."""
    entries = []
    for color, text in LEGEND:
        if color == COUNTRY:
            style = f"color: {color.darker(130).name()}; text-decoration: underline;"
        else:
            style = f"background: {color.name()};" + (" font-weight: bold;" if color == FOCUS_DATE else "")
        entries.append(f'<span style="{style}">&nbsp;{text.replace(" ", "&nbsp;")}&nbsp;</span>')
    label = QLabel(" &nbsp; ".join(entries))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setToolTip(LEGEND_TIP)
    return label


class _Reader(QTextBrowser):
    """The text pane; reports clicks as document positions."""

    clicked_at = Signal(int)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked_at.emit(self.cursorForPosition(event.position().toPoint()).position())


class ArticleView(QWidget):
    """Shows one article: header (title, source, publication date and where it came from) and text,
    with the marks it is given (the dates the library holds, the countries named).

    Clicking a marked date emits `date_clicked(article_id, char_offset)`: the window selects the
    event it belongs to.
    """

    date_clicked = Signal(int, int)
    source_requested = Signal(int)  # article_id: show the same event as another article reports it
    issuer_requested = Signal(int)  # article_id: the user wants to change who issued it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.header.setOpenExternalLinks(True)
        layout.addWidget(self.header)
        # Its own label: the header opens its links in a browser, this one's link asks for an issuer.
        self.issuer_label = QLabel()
        self.issuer_label.setTextFormat(Qt.TextFormat.RichText)
        self.issuer_label.linkActivated.connect(self._on_issuer_label_link_activated)
        layout.addWidget(self.issuer_label)
        self.sources_label = OtherSources()
        self.sources_label.source_requested.connect(self.source_requested)
        layout.addWidget(self.sources_label)
        self.legend = _legend()
        layout.addWidget(self.legend)
        self.text = _Reader()
        self.text.setOpenLinks(False)
        self.text.clicked_at.connect(self._on_text_clicked_at)
        self.text.document().setDocumentMargin(10)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        self.article_id: int | None = None
        self.article: Article | None = None
        self.dates: tuple[DateMention, ...] = ()
        self.entities: tuple[EntityMention, ...] = ()
        self._offsets = _Utf16Offsets("")
        self.show_placeholder()

    def set_other_sources(self, sources: list[tuple[int, str]]) -> None:
        """Other articles that report the selected event, as links (none: the line is hidden)."""
        self.sources_label.set_sources(sources)

    def _on_issuer_label_link_activated(self, _link: str) -> None:
        if self.article_id is not None:
            self.issuer_requested.emit(self.article_id)

    def show_placeholder(self, message: str = "Select an event or an article to read it here; "
                                              "in the text, click a date to select its event.") -> None:
        self.article_id = None
        self.article = None
        self.dates, self.entities = (), ()
        self.header.setText(f"<i>{message}</i>")
        self.issuer_label.hide()
        self.set_other_sources([])
        self.text.clear()
        self.text.setExtraSelections([])

    def show_article(self, article_id: int, article: Article, marks: ArticleMarks,
                     focus: Focus | None = None) -> None:
        """Show the article with its dates and countries marked, and `focus` emphasised."""
        if article_id != self.article_id or article != self.article or marks.dates != self.dates \
                or marks.countries != self.entities:
            self.article_id = article_id
            self.article = article
            self._set_header(article)
            self._set_text(article, marks)
        self.set_focus(focus)

    def _set_header(self, article: Article) -> None:
        how = _SOURCE_LABELS.get(getattr(article.published_source, "value", ""), "")
        origin = article.url or article.source_path
        link = f'<a href="{_esc(article.url)}">{_esc(origin)}</a>' if article.url else _esc(origin)
        direction = "rtl" if right_to_left(article.title) else "ltr"
        parts = [f"<b style='font-size:large' dir='{direction}'>{_esc(article.title) or '(untitled)'}</b>"]
        meta = [m for m in (_esc(article.source), _esc(article.byline)) if m]
        # Not "published no publication date": an undated article says so, and nothing more.
        meta.append(f"published {article.published.isoformat()}" + (f" ({how})" if how else "")
                    if article.published else "<b>no publication date</b>")
        parts.append(" · ".join(meta))
        if origin:
            parts.append(f"<small>{link}</small>")
        self.header.setText("<br>".join(parts))
        self.issuer_label.setText(issuer_line(article.issuer, article.issuer_source.value))
        self.issuer_label.setToolTip(issuer_tooltip(article.issuer, article.issuer_source.value))
        self.issuer_label.show()

    def _set_text(self, article: Article, marks: ArticleMarks) -> None:
        self._set_direction(right_to_left(article.text))
        # setPlainText gives the new text the format at the text cursor: after an article that opens
        # with a country, that was the country's underline, over the whole next article.
        self.text.setCurrentCharFormat(QTextCharFormat())
        self.text.setPlainText(article.text)
        self._offsets = _Utf16Offsets(article.text)
        self.dates = marks.dates
        self.entities = marks.countries
        cursor = QTextCursor(self.text.document())
        cursor.beginEditBlock()
        for e in self.entities:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(COUNTRY)
            fmt.setForeground(COUNTRY.darker(130))
            fmt.setToolTip(f"{e.name or e.text} ({e.code})")
            self._merge(cursor, e.start, e.end, fmt)
        for d in self.dates:
            fmt = QTextCharFormat()
            resolved = bool(d.value) and d.value != "PRESENT_REF"
            fmt.setBackground(RESOLVED if d.placeable else UNRESOLVED)
            fmt.setToolTip(_date_tooltip(d) if resolved or d.placeable else f"“{d.text}”: not resolved")
            self._merge(cursor, d.start, d.end, fmt)
        cursor.endEditBlock()
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _set_direction(self, rtl: bool) -> None:
        """An article written right to left (Arabic, Hebrew, Persian) reads right to left in every
        paragraph, also one that opens with a Latin name or a number ("AFP - ..."); elsewhere each
        paragraph takes the direction of its first letter, as Qt does by default."""
        option = self.text.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LayoutDirectionAuto)
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)  # the right edge in a right-to-left paragraph
        self.text.document().setDefaultTextOption(option)
        self.text.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)

    def date_at(self, offset: int) -> DateMention | None:
        return next((d for d in self.dates if d.start <= offset < d.end), None)

    def position_of(self, offset: int) -> int:
        """The text pane's position (UTF-16 code units) of a character offset into the article."""
        return self._offsets(offset)

    def offset_of(self, position: int) -> int:
        """The character offset into the article of a position in the text pane."""
        return self._offsets.back(position)

    def _on_text_clicked_at(self, position: int) -> None:
        if self.article_id is None:
            return
        date = self.date_at(self._offsets.back(position))
        if date is not None:
            self.date_clicked.emit(self.article_id, date.start)

    def _merge(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(self._offsets(start))
        cursor.setPosition(self._offsets(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def set_focus(self, focus: Focus | None) -> None:
        """Emphasise the event's sentence and date expression, and scroll them into view."""
        if focus is None:
            self.text.setExtraSelections([])
            return
        doc = self.text.document()
        # The sentence's background goes around the dates in it, so that they keep their colours.
        selections = []
        pos = focus.evidence_start
        inner = sorted((d.start, d.end) for d in self.dates
                       if d.start >= focus.evidence_start and d.end <= focus.evidence_end)
        for start, end in inner + [(focus.evidence_end, focus.evidence_end)]:
            if start > pos:
                piece = QTextEdit.ExtraSelection()
                piece.cursor = QTextCursor(doc)
                piece.cursor.setPosition(self._offsets(pos))
                piece.cursor.setPosition(self._offsets(start), QTextCursor.MoveMode.KeepAnchor)
                piece.format.setBackground(FOCUS)
                selections.append(piece)
            pos = max(pos, end)
        date = QTextEdit.ExtraSelection()
        date.cursor = QTextCursor(doc)
        date.cursor.setPosition(self._offsets(focus.date_start))
        date.cursor.setPosition(self._offsets(focus.date_end), QTextCursor.MoveMode.KeepAnchor)
        date.format.setBackground(FOCUS_DATE)
        date.format.setFontWeight(QFont.Weight.Bold)
        date.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.text.setExtraSelections(selections + [date])
        self._scroll_to(self._offsets(focus.evidence_start))

    def _scroll_to(self, position: int) -> None:
        """Put `position` about a third of the way down the reader."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(position)
        self.text.setTextCursor(cursor)
        rect = self.text.cursorRect(cursor)
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.text.viewport().height() // 3)

    def highlighted_text(self) -> str:
        """The text of the emphasised sentence (for tests and accessibility)."""
        selections = self.text.extraSelections()
        if len(selections) < 2:
            return ""
        start = min(sel.cursor.selectionStart() for sel in selections)
        end = max(sel.cursor.selectionEnd() for sel in selections)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")

    def focused_date_text(self) -> str:
        selections = self.text.extraSelections()
        return selections[-1].cursor.selectedText() if selections else ""

    def selected_evidence(self) -> Evidence | None:
        """The whole sentences the user selected in the text (None without a selection)."""
        cursor = self.text.textCursor()
        if self.article_id is None or self.article is None or not cursor.hasSelection():
            return None
        text = self.article.text
        start, end = self.offset_of(cursor.selectionStart()), self.offset_of(cursor.selectionEnd())
        spans = split_sentences(text)
        first = sentence_at(spans, start)
        last = sentence_at(spans, max(start, end - 1))
        start = first[0] if first else start
        end = last[1] if last else end
        sentence = text[start:end].strip()
        if not sentence:
            return None
        return Evidence(self.article_id, self.article.title, sentence, start, end)


def _date_tooltip(d: DateMention) -> str:
    parts = [f"“{d.text}” → {d.value or 'not resolved'}"]
    if d.start_date and d.end_date:
        span = d.start_date.isoformat() if d.start_date == d.end_date \
            else f"{d.start_date.isoformat()} to {d.end_date.isoformat()}"
        parts.append(span)
    precision = getattr(d.granularity, "value", str(d.granularity))
    parts.append(f"precision: {precision}")
    if d.mod:  # two readings of the words ("next Friday" told on a Wednesday), or "early 2019"
        parts.append(why(d.mod))
    return "\n".join(parts)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
