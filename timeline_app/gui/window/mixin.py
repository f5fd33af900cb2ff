"""The base class the main window's mixins name, so that type checkers read them as the QMainWindow they join."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:  # typed as the QMainWindow it is mixed into, without deriving from it twice
    WindowMixin = QMainWindow
else:  # at run time MainWindow derives from QMainWindow once, after its mixins
    WindowMixin = object
