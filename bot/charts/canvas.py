"""The look every chart shares: palette, figure size, header, axes style, PNG output.

matplotlib is imported inside functions only: importing `bot.charts` stays cheap, and the cost
is paid by the first render (in a worker thread). Each render builds its own `Figure` on an Agg
canvas; pyplot's global figure registry is never touched, so renders may run in parallel threads.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from bot.charts.labels import safe_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.text import Text

# A solid dark card: Discord shows it as a picture on both themes. On dark (#313338) it sits a
# shade deeper than the chat; on light (#ffffff) it reads as a framed image. A transparent
# background would need text readable on white and on near-black at once, which nothing is.
BACKGROUND = "#1e2129"
TEXT = "#eef0f4"
MUTED = "#a9b0bd"
GRID = "#343a46"
# Bars: neutral when there is no target; on target green; off target blue (fast) / orange
# (slow), a pair colour-blind readers can still tell apart, and each also gets a marker.
NEUTRAL = "#8fa3c0"
ON = "#3cc48a"
FAST = "#4aa3ff"
SLOW = "#ff9640"
TARGET = "#3cc48a"
MEAN = "#f4f4f6"
MISSING = "#6d7685"
# Series colours for charts with several lines or athletes.
SERIES = ("#4aa3ff", "#ff9640", "#3cc48a", "#e36fd0", "#f2d04b", "#8fa3c0")

# About 1000 x 560 px: Discord scales it to the phone's width; the fonts are sized for that.
WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.48, 125
TITLE_SIZE, SUBTITLE_SIZE, LABEL_SIZE, SMALL_SIZE = 17, 12, 12, 10
TITLE_LIMIT, NAME_LIMIT = 48, 14
AXES_BOTTOM, AXES_TOP, LEGEND_ROW = 0.17, 0.78, 0.07
SUBTITLE_ID = "subtitle"
FONT_FAMILY = "DejaVu Sans"  # ships with matplotlib, so every machine draws the same glyphs

# Keyword arguments for every text drawn: user text is never read as mathtext (`$x$` stays).
PLAIN: dict[str, Any] = {"parse_math": False, "usetex": False, "family": FONT_FAMILY}


@cache
def _charmap() -> frozenset[int]:
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(findfont(FontProperties(family=FONT_FAMILY))).get_charmap())


def has_glyph(ch: str) -> bool:
    """Whether the chart font can draw this character (emoji, mostly, it cannot)."""
    return ord(ch) in _charmap()


def clean_title(title: str) -> str:
    return safe_text(title, TITLE_LIMIT, has_glyph) or "Pacer"


def clean_name(name: str, fallback: str) -> str:
    return safe_text(name, NAME_LIMIT, has_glyph) or fallback


def new_figure(title: str, subtitle: str | None) -> tuple[Figure, Axes]:
    """A figure with the shared header and one styled axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor=BACKGROUND)
    FigureCanvasAgg(fig)
    heading = fig.text(0.025, 0.955, clean_title(title), color=TEXT, fontsize=TITLE_SIZE,
                       fontweight="bold", va="top", ha="left", **PLAIN)
    # The character limit bounds the work; the width check catches wide letters (`WWW…`).
    fit_width(heading, 0.95 * fig.bbox.width)
    if subtitle:
        fig.text(0.025, 0.862, subtitle, color=MUTED, fontsize=SUBTITLE_SIZE,
                 va="top", ha="left", gid=SUBTITLE_ID, **PLAIN)
    ax = fig.add_axes((0.095, AXES_BOTTOM, 0.885, AXES_TOP - AXES_BOTTOM))
    style_axes(ax)
    return fig, ax


def fit_width(text: Text, max_px: float) -> None:
    """Cut a text with an ellipsis until it is at most max_px wide."""
    figure = text.get_figure()
    assert figure is not None, "a text to fit is drawn on a figure"
    # Pacer draws with Agg; matplotlib leaves get_renderer unannotated.
    renderer = cast("FigureCanvasAgg", figure.canvas).get_renderer()  # type: ignore[no-untyped-call]
    if text.get_window_extent(renderer).width <= max_px:
        return
    full = text.get_text()
    low, high = 0, len(full)  # longest prefix that fits lies in [low, high)
    while high - low > 1:
        mid = (low + high) // 2
        text.set_text(full[:mid].rstrip() + "…")
        if text.get_window_extent(renderer).width <= max_px:
            low = mid
        else:
            high = mid
    text.set_text(full[:low].rstrip() + "…")


def style_axes(ax: Axes) -> None:
    ax.set_facecolor(BACKGROUND)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(MUTED)
    ax.tick_params(colors=MUTED, labelsize=LABEL_SIZE, length=0, pad=6)
    ax.grid(axis="y", color=GRID, linewidth=1)
    ax.set_axisbelow(True)


def legend(fig: Figure, handles: list[Any], labels: list[str]) -> None:
    """Legend on the subtitle row, right-aligned, so it never covers a bar."""
    if not handles:
        return
    box = fig.legend(handles, labels, loc="upper right", bbox_to_anchor=(0.985, 0.885),
                     ncol=len(handles), frameon=False, fontsize=SMALL_SIZE + 1,
                     labelcolor=TEXT, handlelength=1.4, columnspacing=1.0, handletextpad=0.4,
                     borderaxespad=0)
    subtitle = next((t for t in fig.texts if t.get_gid() == SUBTITLE_ID), None)
    if subtitle is None:
        return
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    if box.get_window_extent(renderer).x0 > subtitle.get_window_extent(renderer).x1 + 16:
        return
    # No room beside the subtitle: the legend takes a row of its own and the plot gives way.
    box.set_bbox_to_anchor((0.985, 0.80), transform=fig.transFigure)
    for ax in fig.axes:
        x0, y0, width, _ = ax.get_position().bounds
        ax.set_position((x0, y0, width, AXES_TOP - LEGEND_ROW - y0))


def bars(ax: Axes, xs: Sequence[float], bottoms: Sequence[float], tops: Sequence[float],
         width: float, **style: Any) -> PolyCollection:
    """Bars as one collection: a tenth of the cost of `ax.bar`'s one patch per bar."""
    from matplotlib.collections import PolyCollection

    half = width / 2
    shapes = [((x - half, b), (x - half, t), (x + half, t), (x + half, b))
              for x, b, t in zip(xs, bottoms, tops, strict=True)]
    collection = PolyCollection(shapes, **style)
    ax.add_collection(collection, autolim=False)  # every chart sets its own limits
    return collection


def empty_note(ax: Axes, text: str) -> None:
    """Say so in the middle of the chart when there is nothing to draw."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center",
            color=MUTED, fontsize=LABEL_SIZE + 2, **PLAIN)
    ax.set_xticks([])
    ax.set_yticks([])


def to_png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    # No Software/date metadata: the same data gives the same bytes.
    fig.savefig(buf, format="png", dpi=DPI, facecolor=BACKGROUND, metadata={"Software": None})
    return buf.getvalue()
