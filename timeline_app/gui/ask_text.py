"""A line of text asked for until it reads, the typed text kept and the problem said above it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QWidget

log = logging.getLogger(__name__)


def ask_text(parent: QWidget | None, title: str, label: str, problem: Callable[[str], str],
             text: str = "") -> str | None:
    """What the user typed once `problem(text)` finds nothing wrong with it, or None when they cancel.

    A typo ("2011-13", "www.example.org/a story") opens the dialog again with the text as typed and the
    problem above the label: a message box instead would leave them to type it all again."""
    prompt = label
    while True:
        text, ok = QInputDialog.getText(parent, title, prompt, text=text)
        if not ok:
            return None
        text = text.strip()
        wrong = problem(text)
        if not wrong:
            return text
        prompt = f"{wrong}\n\n{label}"
