"""What a user sees of the installed app: the window icon from resources/icons and the version in About."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from timeline_app import __version__
from timeline_app.gui.app import app_icon
from timeline_app.gui.dialogs import about_box

NAVY = QColor("#1f4e79")


@pytest.mark.parametrize("size", [16, 40, 256])
def test_icon_is_the_svg_at_every_size(qtbot, size) -> None:
    image = app_icon().pixmap(size, size).toImage()
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(size // 2, size // 10).rgb() == NAVY.rgb()  # the rounded square's top
    assert image.pixelColor(0, 0).alpha() == 0  # its corner is cut


def test_about_box_shows_the_version(qtbot) -> None:
    box = about_box()
    qtbot.addWidget(box)
    assert f"Diplomatic Timeline {__version__}" in box.text()
