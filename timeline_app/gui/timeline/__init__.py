"""The timeline widget: a view, its canvas and controls, a painter made of layers, and its pictures.

Public: TimelineView; render_image (PNG, SVG, PDF, with core.timeline.picture.ImageOptions; it returns
the ImagePlan it drew) and, for the command line without a window, render_events.
"""

from timeline_app.gui.timeline.image.offscreen import render_events
from timeline_app.gui.timeline.image.plan import ImagePlan
from timeline_app.gui.timeline.image.render import render_image
from timeline_app.gui.timeline.view import TimelineView

__all__ = ["ImagePlan", "TimelineView", "render_events", "render_image"]
