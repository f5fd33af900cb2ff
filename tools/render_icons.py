"""Render resources/icons/<APP_ID>.svg to the PNG sizes the desktop and the window use.

Usage: python tools/render_icons.py   (writes resources/icons/<APP_ID>-<size>.png; APP_ID is the app's
reverse-DNS id, timeline_app/desktop.py)

Run it again after editing the SVG and commit the PNGs: hicolor icon themes, .desktop launchers on
desktops without an SVG loader and the PyInstaller bundle take the PNGs as they are.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from timeline_app.desktop import APP_ID  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / f"{APP_ID}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])  # QPainter needs a Gui application for its fonts
    for size in SIZES:
        out = ICONS / f"{APP_ID}-{size}.png"
        if not render(SVG, size).save(str(out), "PNG"):
            raise SystemExit(f"error: cannot write {out}")
        print(f"{out.relative_to(ICONS.parent.parent)}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
