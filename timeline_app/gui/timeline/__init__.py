"""The timeline widget: a view, its canvas and the painter layers that draw it. Only TimelineView is public."""
