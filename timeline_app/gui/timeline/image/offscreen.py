"""Pictures without a window: the command line's `export --image`, drawn on Qt's offscreen platform."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import QApplication

from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.picture import ImageOptions, ImageSource
from timeline_app.gui.timeline.image.plan import ImagePlan
from timeline_app.gui.timeline.image.render import render_image

log = logging.getLogger(__name__)

_app: QApplication | None = None  # kept alive while the process draws


def offscreen_app() -> QApplication:
    """The running QApplication, or one on the offscreen platform: no display is needed or touched."""
    global _app
    app = QApplication.instance()
    if app is None:
        _app = app = QApplication(["diplomatic-timeline", "-platform", "offscreen"])
    return app


def render_events(events: pd.DataFrame, path: str | Path, options: ImageOptions, country_names: dict[str, str],
                  spec: FilterSpec | None = None) -> ImagePlan:
    """Draw `events` (an events frame, already filtered) as the window would, lanes by country; a
    country filter in `spec` limits the lanes to its countries, and `spec` words the default title."""
    offscreen_app()
    data = TimelineData()
    data.set_events(events)
    data.set_filter(None, spec.countries if spec is not None and spec.countries else None)
    return render_image(ImageSource(data, country_names, spec=spec), path, options)
