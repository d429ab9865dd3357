#!/usr/bin/env python3
"""Renders the app's icons (favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png) from the same shapes
as gateway/wwwroot/favicon.svg, with nothing but the standard library: 4x4 supersampled, written as PNG, and the
.ico as a container of PNG images (16, 32, 48 px). Run it again after changing the design:
    python3 deploy/icons/render-icons.py gateway/wwwroot"""
import struct
import sys
import zlib
from pathlib import Path

BLUE, WHITE = (0x34, 0x54, 0xD1), (0xFF, 0xFF, 0xFF)
MOUNTAINS = [(5, 25), (13, 15), (19, 22), (23, 18), (27, 25)]  # the svg path, in its 32x32 box


def inside_polygon(x, y, points):
    hit = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def inside_rounded_square(x, y, radius=6, size=32):
    cx, cy = min(max(x, radius), size - radius), min(max(y, radius), size - radius)
    return 0 <= x <= size and 0 <= y <= size and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def colour_at(x, y):
    """RGBA of one sample point of the 32x32 design."""
    if not inside_rounded_square(x, y):
        return (0, 0, 0, 0)
    if inside_polygon(x, y, MOUNTAINS) or (x - 22) ** 2 + (y - 10) ** 2 <= 9:
        return WHITE + (255,)
    return BLUE + (255,)


def render(size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for each scanline
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) * 32 / size
                    y = (py + (sy + 0.5) / samples) * 32 / size
                    r, g, b, a = colour_at(x, y)
                    total = [total[0] + r * a, total[1] + g * a, total[2] + b * a, total[3] + a]
            alpha = total[3]
            pixel = [round(c / alpha) if alpha else 0 for c in total[:3]] + [round(alpha / samples ** 2)]
            row.extend(pixel)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    offset = 6 + 16 * len(images)
    directory, data = b"", b""
    for size, image in images:
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return struct.pack("<HHH", 0, 1, len(images)) + directory + data


def main(folder):
    out = Path(folder)
    (out / "favicon.ico").write_bytes(ico([(size, render(size)) for size in (16, 32, 48)]))
    (out / "apple-touch-icon.png").write_bytes(render(180))
    (out / "icon-192.png").write_bytes(render(192))
    (out / "icon-512.png").write_bytes(render(512))


main(sys.argv[1] if len(sys.argv) > 1 else "gateway/wwwroot")
