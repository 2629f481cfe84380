#!/usr/bin/env python3
"""Draws the pbsm workbench icon: a strategy map.

Four coloured alternatives sit on a rising Pareto front (the best score for the resources),
two grey ones lie dominated below it, on a dark rounded square. Only the Python standard
library is used: shapes are drawn as signed distances with one pixel of anti-aliasing, and
the PNG is written with zlib and struct.

    python3 assets/make_icon.py        # writes assets/icon.png (256 px) and icon-64.png
"""

import math
import os
import struct
import zlib

# Everything is laid out on a 256-pixel canvas and scaled to the size drawn.
BASE = 256

BACKGROUND_TOP = (0x24, 0x33, 0x55)
BACKGROUND_BOTTOM = (0x16, 0x20, 0x38)
AXIS = (0xFF, 0xFF, 0xFF, 0.38)
AREA = (0x4F, 0xD1, 0xC5, 0.20)
FRONT = (0xFF, 0xFF, 0xFF, 0.92)
DOMINATED = (0xA9, 0xB6, 0xD3, 0.55)
RING = (0xFF, 0xFF, 0xFF, 1.0)
# Along the front, from few resources to many.
DOTS = [
    (0.10, (0x5B, 0x8D, 0xEF)),
    (0.37, (0x2E, 0xC4, 0xB6)),
    (0.64, (0xFF, 0xC1, 0x45)),
    (0.92, (0xFF, 0x6B, 0x6B)),
]

X0, X1 = 58.0, 204.0  # the front's horizontal extent
BASELINE = 198.0  # where the front starts
HEIGHT = 140.0  # the front's rise
AXIS_X, AXIS_Y = 42.0, 212.0  # the corner of the axes


def front(u):
    """The point of the Pareto front at u in [0, 1]: rising, concave."""
    return (X0 + (X1 - X0) * u, BASELINE - 4.0 - HEIGHT * (1.0 - (1.0 - u) ** 2.3))


def coverage(distance):
    """How much of a pixel a shape covers, from the signed distance of its centre (pixels)."""
    return min(1.0, max(0.0, 0.5 - distance))


def rounded_square(x, y, lo, hi, radius):
    """Signed distance to a square from lo to hi (both axes) with rounded corners."""
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    inside_x = lo + radius <= x <= hi - radius
    inside_y = lo + radius <= y <= hi - radius
    if inside_x or inside_y:
        return max(lo - x, x - hi, lo - y, y - hi)
    return math.hypot(x - cx, y - cy) - radius


def segment_distance(px, py, ax, ay, bx, by):
    """Distance from a point to the segment a–b."""
    dx, dy = bx - ax, by - ay
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = min(1.0, max(0.0, t))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def blend(pixel, colour, alpha):
    """Paints `colour` with opacity `alpha` over an RGBA pixel (premultiplied-free, 0..1)."""
    r, g, b, a = pixel
    out_a = alpha + a * (1.0 - alpha)
    if out_a <= 0.0:
        return (0.0, 0.0, 0.0, 0.0)
    mix = lambda c, p: (c / 255.0 * alpha + p * a * (1.0 - alpha)) / out_a
    return (mix(colour[0], r), mix(colour[1], g), mix(colour[2], b), out_a)


def draw(size):
    """The icon at `size` pixels as rows of RGBA bytes."""
    scale = size / BASE
    curve = [front(i / 96.0) for i in range(97)]
    polyline = [(x * scale, y * scale) for x, y in curve]
    stroke = 5.0 * scale
    axis_width = 3.0 * scale
    rows = []
    for j in range(size):
        row = bytearray()
        for i in range(size):
            x, y = i + 0.5, j + 0.5
            bx, by = x / scale, y / scale  # on the base canvas
            pixel = (0.0, 0.0, 0.0, 0.0)
            # The rounded square, with a vertical gradient.
            cover = coverage(rounded_square(x, y, 8 * scale, 248 * scale, 54 * scale))
            if cover > 0.0:
                t = min(1.0, max(0.0, (by - 8.0) / 240.0))
                colour = tuple(
                    top + (bottom - top) * t
                    for top, bottom in zip(BACKGROUND_TOP, BACKGROUND_BOTTOM)
                )
                pixel = blend(pixel, colour, cover)
            else:
                row += bytes(4)
                continue
            # The area under the front.
            if X0 <= bx <= X1 and by <= AXIS_Y:
                u = (bx - X0) / (X1 - X0)
                _, fy = front(u)
                area = coverage((fy - by) * scale) * coverage((by - AXIS_Y) * scale)
                pixel = blend(pixel, AREA[:3], AREA[3] * area)
            # The axes: an L from the top left to the bottom right of the map.
            axes = min(
                segment_distance(x, y, AXIS_X * scale, 52 * scale, AXIS_X * scale, AXIS_Y * scale),
                segment_distance(x, y, AXIS_X * scale, AXIS_Y * scale, 212 * scale, AXIS_Y * scale),
            )
            pixel = blend(pixel, AXIS[:3], AXIS[3] * coverage(axes - axis_width / 2))
            # The dominated alternatives, below the front.
            for cx, cy in ((112.0, 176.0), (160.0, 150.0)):
                d = math.hypot(bx - cx, by - cy) * scale - 8.5 * scale
                pixel = blend(pixel, DOMINATED[:3], DOMINATED[3] * coverage(d))
            # The front.
            if 40 <= bx <= 222 and 36 <= by <= 214:
                d = min(
                    segment_distance(x, y, *polyline[k], *polyline[k + 1])
                    for k in range(len(polyline) - 1)
                )
                pixel = blend(pixel, FRONT[:3], FRONT[3] * coverage(d - stroke / 2))
            # The alternatives on it: a white ring around a coloured dot.
            for u, colour in DOTS:
                cx, cy = front(u)
                d = math.hypot(bx - cx, by - cy) * scale
                pixel = blend(pixel, RING[:3], coverage(d - 17.0 * scale))
                pixel = blend(pixel, colour, coverage(d - 12.5 * scale))
            r, g, b, a = pixel
            row += bytes(round(min(1.0, max(0.0, v)) * 255) for v in (r, g, b, a))
        rows.append(bytes(row))
    return rows


def png(rows, size):
    """A PNG file of RGBA rows."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for size, name in ((256, "icon.png"), (64, "icon-64.png")):
        with open(os.path.join(here, name), "wb") as f:
            f.write(png(draw(size), size))


if __name__ == "__main__":
    main()
