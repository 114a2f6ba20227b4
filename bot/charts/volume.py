"""The volume chart: distance per week, the work (reps) part of each bar set apart.

Weeks are placed by date, so a week with no entry shows as a gap rather than vanishing.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING

from bot.charts import canvas
from bot.charts.data import VolumeChartData, VolumeWeek
from bot.charts.labels import UNIT_M, number_ticks

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_WEEKS = 104  # two years; the latest weeks are kept


def usable_weeks(data: VolumeChartData) -> list[VolumeWeek]:
    """Weeks in date order with finite, non-negative distances; total is at least work."""
    out = []
    for week_start, work, total in data.weeks:
        work = work if isinstance(work, int | float) and math.isfinite(work) and work > 0 else 0.0
        total = total if isinstance(total, int | float) and math.isfinite(total) else 0.0
        out.append(VolumeWeek(week_start, float(work), float(max(total, work))))
    out.sort(key=lambda w: w.week_start)
    return out[-MAX_WEEKS:]


def render_volume(data: VolumeChartData) -> bytes:
    """Weekly volume as PNG bytes."""
    return canvas.to_png(volume_figure(data))


def volume_figure(data: VolumeChartData) -> Figure:
    """The chart as a matplotlib figure (tests inspect it; `render_volume` encodes it)."""
    weeks = usable_weeks(data)
    scale = UNIT_M[data.units]
    fig, ax = canvas.new_figure(data.title, _subtitle(data, weeks, scale))
    if not weeks:
        canvas.empty_note(ax, "no sessions logged yet")
        return fig
    first = weeks[0].week_start
    xs = [(w.week_start - first).days / 7 for w in weeks]
    work = [w.work_m / scale for w in weeks]
    totals = [w.total_m / scale for w in weeks]
    top = max(totals)
    span = max(xs) + 1
    label_bars = len(weeks) <= 16
    ax.set_xlim(-0.7, max(xs) + 1.2)  # room for the last label to centre on its bar
    ax.set_ylim(0, top * (1.18 if label_bars else 1.06) if top > 0 else 1)
    ticks = number_ticks(top if top > 0 else 1, max_ticks=5)
    ax.set_yticks(ticks, [f"{t:g}" for t in ticks])
    width = 0.72 if span <= 52 else 0.85
    canvas.bars(ax, xs, [0.0] * len(xs), work, width, facecolors=canvas.SERIES[0],
                linewidths=0, zorder=2, label="work (reps)")
    canvas.bars(ax, xs, work, totals, width, facecolors=canvas.NEUTRAL, alpha=0.45,
                linewidths=0, zorder=2, label="other running")
    if label_bars:
        for x, total in zip(xs, totals, strict=True):
            if total > 0:
                ax.text(x, total + top * 0.02, f"{math.floor(total + 0.5)}", ha="center",
                        va="bottom", color=canvas.TEXT, fontsize=canvas.SMALL_SIZE, zorder=3,
                        **canvas.PLAIN)
    positions, names = _week_ticks(xs, [w.week_start for w in weeks])
    ax.set_xticks(positions, names)
    handles, labels = ax.get_legend_handles_labels()
    canvas.legend(fig, handles, labels)
    return fig


def _week_ticks(xs: list[float], starts: list[date]) -> tuple[list[float], list[str]]:
    """A few week labels (`3 Mar`, or `Jun ’25` across years), ending on the latest week."""
    with_year = starts[0].year != starts[-1].year
    every = max(1, math.ceil(len(xs) / (6 if with_year else 8)))
    keep = list(range(len(xs) - 1, -1, -every))[::-1]
    names = [f"{starts[i]:%b ’%y}" if with_year else f"{starts[i].day} {starts[i]:%b}"
             for i in keep]
    return [xs[i] for i in keep], names


def _subtitle(data: VolumeChartData, weeks: list[VolumeWeek], scale: float) -> str:
    unit = data.units
    if not weeks:
        return f"{unit} per week"
    count = round((weeks[-1].week_start - weeks[0].week_start).days / 7) + 1
    mean = sum(w.total_m for w in weeks) / count / scale
    weeks_text = "this week" if count == 1 else f"last {count} weeks"
    return f"{unit} per week · {weeks_text} · average {math.floor(mean + 0.5)} {unit}"
