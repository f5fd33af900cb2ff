"""The timeline widget: a view, its canvas and controls, and a painter made of layers. Only TimelineView is public."""

from timeline_app.gui.timeline.view import TimelineView

__all__ = ["TimelineView"]
