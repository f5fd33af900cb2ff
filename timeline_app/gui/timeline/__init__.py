"""The timeline widget: a view, its canvas and controls, a painter made of layers, and its pictures.

Public: TimelineView, and render_image (PNG, SVG, PDF) with core.timeline.picture.ImageOptions.
"""

from timeline_app.gui.timeline.image.render import render_image
from timeline_app.gui.timeline.view import TimelineView

__all__ = ["TimelineView", "render_image"]
