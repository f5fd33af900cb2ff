"""OtherSources: the Reader's line of the other articles that report the selected event, a few at a time."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)

SHOWN_FIRST = 3  # links shown before "and N more": an event of thirty reports left no room for its text


class OtherSources(QLabel):
    """Links to the other reports of an event; "and N more" shows the rest, "fewer" folds them again.
    Emits `source_requested(article_id)` for the report clicked."""

    source_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self._on_self_link_activated)
        self._sources: list[tuple[int, str]] = []
        self._all = False
        self.hide()

    def set_sources(self, sources: list[tuple[int, str]]) -> None:
        """The other reports (article id, title); none hides the line. Folded again for each event."""
        self._sources = list(sources)
        self._all = False
        self._fill()

    def _fill(self) -> None:
        shown = self._sources if self._all else self._sources[:SHOWN_FIRST]
        links = [f'<a href="article:{aid}">{html.escape(title) or "(untitled)"}</a>' for aid, title in shown]
        rest = len(self._sources) - len(shown)
        if rest:
            links.append(f'<a href="more">and {rest} more…</a>')
        elif self._all and len(self._sources) > SHOWN_FIRST:
            links.append('<a href="fewer">fewer</a>')
        n = len(self._sources)
        lead = "Also reported in: " if n <= SHOWN_FIRST else f"Also reported in {n} other articles: "
        self.setText(lead + " · ".join(links))
        self.setVisible(bool(self._sources))

    def _on_self_link_activated(self, link: str) -> None:
        if link in ("more", "fewer"):
            self._all = link == "more"
            self._fill()
        elif link.startswith("article:"):
            self.source_requested.emit(int(link.split(":", 1)[1]))
