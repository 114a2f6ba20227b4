"""The progression chart: each time a workout was run, its mean rep and the fastest-slowest band.

Like the session chart, the time axis is inverted so that getting faster reads as going up.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bot.charts import canvas
from bot.charts.data import ProgressionChartData, ProgressionPoint, clean_seconds
from bot.charts.labels import UNIT_M, date_ticks, format_distance, format_time, time_ticks
from bot.charts.session import value_range

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_POINTS = 200  # the latest ones; older runs are summarised in the subtitle count


def usable_points(data: ProgressionChartData) -> list[ProgressionPoint]:
    """Points with real values, oldest first, converted to what the chart plots.

    Paces arrive per kilometre and are shown per the athlete's unit; fastest/slowest are put in
    order and widened to contain the mean if the caller's figures disagree.
    """
    scale = 1.0 if data.distance_m else UNIT_M[data.units] / 1000.0
    out = []
    for raw in data.points:
        day, mean, fastest, slowest = raw
        values = [clean_seconds(v) for v in (mean, fastest, slowest)]
        if values[0] is None:
            continue
        m = values[0] * scale
        lo = min(v * scale for v in values if v is not None)
        hi = max(v * scale for v in values if v is not None)
        out.append(ProgressionPoint(day, m, lo, hi))
    out.sort(key=lambda p: p.day)
    return out[-MAX_POINTS:]


def render_progression(data: ProgressionChartData) -> bytes:
    """The workout's history as PNG bytes."""
    return canvas.to_png(progression_figure(data))


def progression_figure(data: ProgressionChartData) -> Figure:
    """The chart as a matplotlib figure (tests inspect it; `render_progression` encodes it)."""
    points = usable_points(data)
    fig, ax = canvas.new_figure(data.title, _subtitle(data, points))
    if not points:
        canvas.empty_note(ax, "no runs of this workout yet")
        return fig
    # Dates as they are: matplotlib converts them itself (its units registry), though its type
    # hints take numbers only.
    days: list[Any] = [p.day for p in points]
    means = [p.mean_s for p in points]
    fastest = [p.fastest_s for p in points]
    slowest = [p.slowest_s for p in points]
    fast_end, slow_end = value_range([*fastest, *slowest], 0.25)
    ax.set_ylim(slow_end, fast_end)  # inverted: faster is higher
    ticks = time_ticks(fast_end, slow_end, max_ticks=6)
    ax.set_yticks(ticks, [format_time(t) for t in ticks])

    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    many = len(points) > 40
    if len(points) > 1:
        ax.fill_between(days, fastest, slowest, color=canvas.SERIES[0], alpha=0.22,
                        linewidth=0, zorder=1)
    # A range line per run as well: it shows the spread of a lone run, and of each run when
    # the runs are far apart in time.
    ax.vlines(days, fastest, slowest, color=canvas.SERIES[0], alpha=0.8,
              linewidth=1.2 if many else 2, zorder=2)
    ax.plot(days, means, color=canvas.MEAN, linewidth=2, marker="o",
            markersize=3 if many else 6, markerfacecolor=canvas.SERIES[0],
            markeredgecolor=canvas.MEAN, zorder=3)
    best = min(range(len(points)), key=lambda i: means[i])
    _mark(ax, days[best], means[best], "best" if len(points) > 1 else "", fast_end, slow_end)
    if best != len(points) - 1:
        _mark(ax, days[-1], means[-1], "latest", fast_end, slow_end)
    _date_axis(ax, days)
    canvas.legend(
        fig,
        [Line2D([], [], color=canvas.MEAN, marker="o", markerfacecolor=canvas.SERIES[0]),
         Patch(facecolor=canvas.SERIES[0], alpha=0.45)],
        ["mean rep", "fastest to slowest"],
    )
    return fig


def _mark(ax: Axes, day: date, value: float, word: str, fast_end: float, slow_end: float) -> None:
    tenths = value < 120 and abs(value - round(value)) >= 0.05
    ax.annotate(f"{word} {format_time(value, tenths=tenths)}".strip(), (day, value),
                xytext=(0, 12), textcoords="offset points", ha="center", va="bottom",
                color=canvas.TEXT, fontsize=canvas.SMALL_SIZE, zorder=4,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": canvas.BACKGROUND,
                      "linewidth": 0, "alpha": 0.85},
                annotation_clip=False, **canvas.PLAIN)


def _date_axis(ax: Axes, days: list[date]) -> None:
    first: Any = days[0]
    last: Any = days[-1]
    # Room either side so the end points and their labels are not cut; a lone run gets a week.
    margin = max(timedelta(days=7), (last - first) * 0.06)
    ax.set_xlim(first - margin, last + margin)
    # Ticks keep off the very edges, where a centred label would be cut in half.
    ticks = date_ticks(first - margin * 0.6, last + margin * 0.6, max_ticks=6)
    ax.set_xticks([d for d, _ in ticks], [text for _, text in ticks])  # type: ignore[arg-type]


def _subtitle(data: ProgressionChartData, points: list[ProgressionPoint]) -> str:
    if data.distance_m:
        quantity = f"mean {format_distance(data.distance_m, data.units)} rep time"
    else:
        quantity = f"mean pace per {'km' if data.units == 'km' else 'mile'}"
    count = len(points)
    runs = f"{count} run" + ("" if count == 1 else "s")
    if len(data.points) > count and count == MAX_POINTS:
        runs = f"latest {count} runs"
    return f"{quantity} · {runs}"
