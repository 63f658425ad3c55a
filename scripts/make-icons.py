#!/usr/bin/env python3
"""Draws Greychart's app icons (RGBA PNGs) with the standard library only:
a slate tile with three linked nodes, one solid link (formal) and one
dashed (grey). Run from the repository root: python3 scripts/make-icons.py"""
import math, os, struct, zlib

def png(path, size, pixel):
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)

NODES = [(0.30, 0.34), (0.70, 0.30), (0.52, 0.72)]

def seg_dist(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    t = max(0, min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))), t

def pixel(x, y, size):
    u, v = (x + 0.5) / size, (y + 0.5) / size
    r = 0.18
    cx, cy = min(max(u, r), 1 - r), min(max(v, r), 1 - r)
    if math.hypot(u - cx, v - cy) > r:
        return (0, 0, 0, 0)
    color = (44, 55, 72, 255)
    for i, (a, b) in enumerate([(NODES[0], NODES[1]), (NODES[1], NODES[2]), (NODES[0], NODES[2])]):
        d, t = seg_dist(u, v, a, b)
        if d < 0.025 and (i != 2 or int(t * 7) % 2 == 0):
            color = (226, 232, 240, 255) if i != 2 else (148, 163, 184, 255)
    for i, (nx, ny) in enumerate(NODES):
        if math.hypot(u - nx, v - ny) < 0.09:
            color = (245, 158, 11, 255) if i == 0 else (226, 232, 240, 255)
    return color

os.makedirs("icons", exist_ok=True)
for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
    png(os.path.join("icons", name), size, pixel)
print("icons written")
