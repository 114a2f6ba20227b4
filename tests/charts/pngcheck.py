"""Reading PNG bytes back in tests: structure checked by hand, pixels through Pillow."""

from __future__ import annotations

import io
import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples per pixel


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a well-formed PNG; AssertionError on any structural fault."""
    assert data[:8] == SIGNATURE, "not a PNG signature"
    pos, chunks, idat = 8, [], b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = CHANNELS[colour]
        elif kind == b"IDAT":
            idat += body
        chunks.append(kind)
        pos += 12 + length
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND" and b"IDAT" in chunks
    # Each row is a filter byte then the samples: the image data must be complete.
    assert len(zlib.decompress(idat)) == height * (1 + width * channels)
    return width, height


def colour_count(data: bytes, hex_colour: str) -> int:
    """How many pixels have exactly this colour."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    colours = image.getcolors(maxcolors=image.width * image.height) or []
    return sum(count for count, colour in colours if colour == rgb)


def texts(fig: object) -> list[str]:
    """Every piece of text drawn on a figure (titles, ticks, labels, legend)."""
    from matplotlib.text import Text

    fig.canvas.draw()  # type: ignore[attr-defined]
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]  # type: ignore[attr-defined]


def bar_boxes(ax: object, hatched: bool = False) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in pixels of each bar drawn, hatched (missing) ones or not."""
    from matplotlib.collections import PolyCollection

    boxes = []
    for collection in ax.collections:  # type: ignore[attr-defined]
        if isinstance(collection, PolyCollection) and bool(collection.get_hatch()) == hatched:
            for path in collection.get_paths():
                (x0, y0), (x1, y1) = ax.transData.transform(path.vertices[[0, 2]])  # type: ignore[attr-defined]
                boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return boxes
