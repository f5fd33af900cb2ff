"""The Relations dock (issue #20): how a country's or a pair's dealings evolved, and who deals with whom."""

from timeline_app.gui.relations.panel import Choice, RelationsPanel

__all__ = ["Choice", "RelationsPanel"]
