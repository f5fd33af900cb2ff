"""Diplomatic Timeline: dated diplomatic events from news articles, on a zoomable timeline."""

__version__ = "0.1.0"
