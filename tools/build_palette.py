"""Build resources/timeline/palette.tsv: a categorical palette by Glasbey's method, for a light background.

Usage: python tools/build_palette.py [--colours 32]   (writes resources/timeline/palette.tsv)

Glasbey, van der Heijden, Toh and Gray (2007), "Colour displays for categorical images": each next
colour is the candidate farthest (CIEDE2000) from every colour chosen so far, starting from the colours
the palette must stand apart from (the white ground, black text, the grey-blue of mixed bars). The
candidates are an sRGB grid kept to a lightness on which black labels stay readable and a chroma
that no one takes for grey, not so high that it glares in print. The first colour is the timeline's blue, so the commonest key keeps it.
Run it again after changing the constraints and commit the file: the app reads the file, not this.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "resources" / "timeline" / "palette.tsv"
AVOID = ("#ffffff", "#000000", "#7d8da1")  # ground, text, neutral (mixed) bars
FIRST = "#4e79a7"
LIGHTNESS = (45.0, 80.0)
CHROMA = (30.0, 65.0)  # enough not to pass for grey, not so much that it glares in print


def hex_rgb(colours: tuple[str, ...] | list[str]) -> np.ndarray:
    return np.asarray([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in colours], dtype=np.float64)


def lab(rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of sRGB colours in 0-255."""
    c = rgb / 255.0
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m = np.asarray([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                    [0.0193339, 0.1191920, 0.9503041]])
    xyz = c @ m.T / np.asarray([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def ciede2000(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """CIEDE2000 distance of each Lab colour in `a` (n, 3) to the one colour `b` (3,)."""
    l1, a1, b1 = a[:, 0], a[:, 1], a[:, 2]
    l2, a2, b2 = b
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    cm = (c1 + c2) / 2
    g = 0.5 * (1 - np.sqrt(cm ** 7 / (cm ** 7 + 25.0 ** 7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(c1p * c2p == 0, 0, dh)
    dhp = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    lm, cmp_ = (l1 + l2) / 2, (c1p + c2p) / 2
    hs = h1p + h2p
    hm = np.where(np.abs(h1p - h2p) > 180, np.where(hs < 360, hs / 2 + 180, hs / 2 - 180), hs / 2)
    hm = np.where(c1p * c2p == 0, hs, hm)
    t = (1 - 0.17 * np.cos(np.radians(hm - 30)) + 0.24 * np.cos(np.radians(2 * hm))
         + 0.32 * np.cos(np.radians(3 * hm + 6)) - 0.20 * np.cos(np.radians(4 * hm - 63)))
    sl = 1 + 0.015 * (lm - 50) ** 2 / np.sqrt(20 + (lm - 50) ** 2)
    sc, sh = 1 + 0.045 * cmp_, 1 + 0.015 * cmp_ * t
    rt = (-2 * np.sqrt(cmp_ ** 7 / (cmp_ ** 7 + 25.0 ** 7))
          * np.sin(np.radians(60 * np.exp(-(((hm - 275) / 25) ** 2)))))
    return np.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhp / sh) ** 2 + rt * (dc / sc) * (dhp / sh))


def glasbey(n: int) -> list[str]:
    steps = np.arange(0, 256, 8, dtype=np.float64)
    grid = np.stack(np.meshgrid(steps, steps, steps, indexing="ij"), axis=-1).reshape(-1, 3)
    grid_lab = lab(grid)
    chroma = np.hypot(grid_lab[:, 1], grid_lab[:, 2])
    keep = (grid_lab[:, 0] >= LIGHTNESS[0]) & (grid_lab[:, 0] <= LIGHTNESS[1]) & (chroma >= CHROMA[0]) & (chroma <= CHROMA[1])
    grid, grid_lab = grid[keep], grid_lab[keep]
    nearest = np.full(len(grid), np.inf)
    for seed in lab(hex_rgb(list(AVOID) + [FIRST])):
        nearest = np.minimum(nearest, ciede2000(grid_lab, seed))
    chosen = [FIRST]
    while len(chosen) < n:
        best = int(np.argmax(nearest))
        r, g, b = (int(v) for v in grid[best])
        chosen.append(f"#{r:02x}{g:02x}{b:02x}")
        nearest = np.minimum(nearest, ciede2000(grid_lab, grid_lab[best]))
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--colours", type=int, default=32)
    opts = parser.parse_args()
    colours = glasbey(opts.colours)
    lines = [
        "# Categorical colours of the timeline (countries, event types), most distinct first: Glasbey's",
        "# method (CIEDE2000) from the timeline's blue, away from white, black and the neutral grey-blue,",
        f"# lightness {LIGHTNESS[0]:g}-{LIGHTNESS[1]:g} and chroma {CHROMA[0]:g}-{CHROMA[1]:g} in CIELAB. Made by"
        " tools/build_palette.py.",
        "# Line: rank<TAB>#rrggbb, ranks from 1 without gaps (the commonest key on screen takes rank 1).",
        *(f"{i}\t{c}" for i, c in enumerate(colours, 1)),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(colours)} colours to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
