"""Numpy arrays drawn as images: premultiplied pixels, one image row per lane or bar row, batched rectangles."""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QImage, QPaintEngine, QPainter

log = logging.getLogger(__name__)


def _rects(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> list[QRectF]:
    return [QRectF(a, b, c, d) for a, b, c, d in zip(x.tolist(), y.tolist(), w.tolist(), h.tolist())]


def batched_rects(painter: QPainter, keys: np.ndarray, x: np.ndarray, y: np.ndarray, w: np.ndarray,
                  h: np.ndarray, brush_of: Callable[[int], QBrush]) -> None:
    """One drawRects call per distinct key (colour and alpha): the fast path for many boxes."""
    if len(keys) == 0:
        return
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    cuts = np.flatnonzero(np.diff(k)) + 1
    starts = np.concatenate(([0], cuts))
    ends = np.concatenate((cuts, [len(k)]))
    for a, b in zip(starts.tolist(), ends.tolist()):
        idx = order[a:b]
        painter.setBrush(brush_of(int(k[a])))
        painter.drawRects(_rects(x[idx], y[idx], w[idx], h[idx]))


def premultiplied(alpha: np.ndarray, rgb: np.ndarray) -> np.ndarray:
    """Premultiplied ARGB32 pixels from alpha (0-1) and colours (..., 3) in 0-255, broadcast together."""
    a = np.rint(np.clip(alpha, 0.0, 1.0) * 255).astype(np.uint32)
    rgb = np.asarray(rgb).astype(np.uint32)
    return ((a << 24) | ((a * rgb[..., 0] // 255) << 16) | ((a * rgb[..., 1] // 255) << 8)
            | (a * rgb[..., 2] // 255)).astype(np.uint32)


def row_image(argb: np.ndarray) -> QImage:
    """A QImage (its own copy) of a (rows, width) array of premultiplied ARGB32 pixels."""
    argb = np.ascontiguousarray(argb, dtype=np.uint32)
    h, w = argb.shape
    return QImage(argb.data, w, h, w * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()


def is_raster(p: QPainter) -> bool:
    """Pixels (screen, PNG) take numpy images; vector output (SVG, PDF) gets real shapes, and so does
    a scaled PNG (2x for high-DPI), whose numpy rows would be stretched into blurred blocks."""
    engine = p.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster and not p.transform().isScaling()


def blit_bars(p: QPainter, width: int, x: np.ndarray, w: np.ndarray, row_key: np.ndarray, argb: np.ndarray,
              fading: np.ndarray, row_y: Callable[[int], float], height: float, fade_px: float = np.inf) -> None:
    """Horizontal bars of one height, filled into a numpy image (one pixel row per bar row) and
    blitted once per row: hundreds of rectangles cost a few image draws instead of Python objects.
    `fading` bars fade out over their last `fade_px` pixels (all their length by default)."""
    x0 = np.clip(x, 0, width).astype(np.int64)
    x1 = np.clip(x + w, 0, width).astype(np.int64)
    length = np.maximum(x1 - x0, 0)
    total = int(length.sum())
    if total == 0:
        return
    keys, img_row = np.unique(row_key, return_inverse=True)
    which = np.repeat(np.arange(len(x)), length)
    xs = np.repeat(x0, length) + (np.arange(total) - np.repeat(np.cumsum(length) - length, length))
    values = argb[which]
    fade = fading[which]
    if fade.any():
        # Open periods fade out over their last `fade_px`: scale the premultiplied pixel.
        fw = which[fade]
        f = np.clip((x[fw] + w[fw] - xs[fade]) / np.maximum(np.minimum(w[fw], fade_px), 1.0), 0.0, 1.0)
        v = values[fade]
        channels = [((v >> shift) & 255) * f for shift in (24, 16, 8, 0)]
        values[fade] = ((channels[0].astype(np.uint32) << 24) | (channels[1].astype(np.uint32) << 16)
                        | (channels[2].astype(np.uint32) << 8) | channels[3].astype(np.uint32))
    img = np.zeros((len(keys), width), dtype=np.uint32)
    img[img_row[which], xs] = values
    qimg = row_image(img)
    # Blend only the covered stretch of each row: blending transparent pixels is most of the cost.
    row_of_bar = img_row[length > 0]
    lo = np.full(len(keys), width, dtype=np.int64)
    hi = np.zeros(len(keys), dtype=np.int64)
    np.minimum.at(lo, row_of_bar, x0[length > 0])
    np.maximum.at(hi, row_of_bar, x1[length > 0])
    for r, (key, a, b) in enumerate(zip(keys.tolist(), lo.tolist(), hi.tolist())):
        if b > a:
            p.drawImage(QRectF(a, row_y(key), b - a, height), qimg, QRectF(a, r, b - a, 1))
