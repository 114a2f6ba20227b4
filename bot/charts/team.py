"""The team chart: each athlete's reps side by side, one group of bars per athlete.

Grouping by athlete keeps names on the axis instead of in a colour legend (which a phone cannot
fit for a big squad); colours then say on/off target, as in the session chart. Inverted time
axis: faster is taller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.charts import canvas
from bot.charts.data import Status, Target, TeamChartData, clean_seconds, clean_target
from bot.charts.labels import format_time, safe_text, time_ticks
from bot.charts.session import (
    STATUS_COLOUR,
    STATUS_MARKER,
    draw_target_runs,
    judge,
    value_range,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_ATHLETES = 12
MAX_REPS = 24
CROWDED_NAMES = 6  # more athletes than this: names slanted, shorter, no mean under them
DENSE_BARS = 120  # more bars than this: lighter target bands and smaller marks


def render_team(data: TeamChartData) -> bytes:
    """Everyone's reps as PNG bytes."""
    return canvas.to_png(team_figure(data))


def team_figure(data: TeamChartData) -> Figure:
    """The chart as a matplotlib figure (tests inspect it; `render_team` encodes it)."""
    athletes = list(data.athletes)[:MAX_ATHLETES]
    targets = [clean_target(t) for t in (data.targets or [])][:MAX_REPS]
    reps = max((min(len(times), MAX_REPS) for _, times in athletes), default=0)
    fig, ax = canvas.new_figure(data.title, _subtitle(data, len(athletes), reps))
    # Bars: (x, value, target, status); each athlete's group is `reps` slots plus a gap.
    bars: list[tuple[float, float | None, Target | None, Status | None]] = []
    centres, names = [], []
    for g, (name, times) in enumerate(athletes):
        start = g * (reps + 1)
        for i, raw in enumerate(list(times)[:MAX_REPS]):
            value = clean_seconds(raw)
            target = targets[i] if i < len(targets) else None
            bars.append((start + i, value, target, judge(value, target)))
        centres.append(start + (reps - 1) / 2)
        names.append(_label(name, g, times, len(athletes)))
    values = [v for _, v, _, _ in bars if v is not None]
    if not values:
        canvas.empty_note(ax, "no results yet")
        return fig
    extent = values + [t for _, _, target, _ in bars if target for t in target]
    fast_end, slow_end = value_range(extent, 0.15)
    span = slow_end - fast_end
    ax.set_ylim(slow_end, fast_end)  # inverted: faster is taller
    ax.set_xlim(-0.8, len(athletes) * (reps + 1) - 1.2)
    ticks = time_ticks(fast_end, slow_end, max_ticks=6)
    ax.set_yticks(ticks, [format_time(t) for t in ticks])
    crowded = len(athletes) > CROWDED_NAMES
    ax.set_xticks(centres, names, rotation=30 if crowded else 0,
                  ha="right" if crowded else "center", rotation_mode="anchor" if crowded else None,
                  color=canvas.TEXT, fontsize=canvas.SMALL_SIZE if crowded else canvas.LABEL_SIZE,
                  **canvas.PLAIN)

    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[object] = []
    labels: list[str] = []
    dense = len(bars) > DENSE_BARS
    if draw_target_runs(ax, [x for x, *_ in bars], [t for _, _, t, _ in bars], span,
                        edges=not dense):
        handles.append(Patch(facecolor=canvas.TARGET, alpha=0.3))
        labels.append("target")
    present = [(x, v, s) for x, v, _, s in bars if v is not None]
    canvas.bars(ax, [x for x, _, _ in present], [slow_end] * len(present),
                [v for _, v, _ in present], 0.8,
                facecolors=[STATUS_COLOUR[s] for _, _, s in present], linewidths=0, zorder=2)
    missing = [x for x, v, _, _ in bars if v is None]
    if missing:
        canvas.bars(ax, missing, [slow_end] * len(missing), [fast_end] * len(missing), 0.8,
                    facecolors="none", edgecolors=canvas.MISSING, hatch="//", linewidths=0,
                    alpha=0.7, zorder=2)
        handles.append(Line2D([], [], color=canvas.MISSING, marker="s", markersize=8,
                              markerfacecolor="none", linestyle="none"))
        labels.append("no split")
    small = len(bars) > 40
    size = 3 if dense else 5 if small else 8
    for status, marker in STATUS_MARKER.items():
        marked = [(x, v) for x, v, s in present if s == status]
        if marked:
            ax.plot([x for x, _ in marked], [v - span * 0.04 for _, v in marked],
                    linestyle="none", marker=marker, markersize=size,
                    color=STATUS_COLOUR[status], zorder=3)
            handles.append(Line2D([], [], color=STATUS_COLOUR[status], marker=marker,
                                  markersize=8, linestyle="none"))
            labels.append(status)
    canvas.legend(fig, handles, labels)
    return fig


def _label(raw: str, position: int, times: Sequence[float | None], athletes: int) -> str:
    """The athlete's name, with their mean rep under it when there is room."""
    crowded = athletes > CROWDED_NAMES
    name = safe_text(raw, 10 if crowded else canvas.NAME_LIMIT, canvas.has_glyph) or (
        f"athlete {position + 1}")
    values = [v for v in (clean_seconds(t) for t in list(times)[:MAX_REPS]) if v is not None]
    if crowded or not values:
        return name
    mean = sum(values) / len(values)
    return f"{name}\n{format_time(mean, tenths=mean < 120)}"


def _subtitle(data: TeamChartData, shown: int, reps: int) -> str:
    total = len(data.athletes)
    who = f"first {shown} of {total} athletes" if total > shown else (
        f"{total} athlete" + ("" if total == 1 else "s"))
    parts = ["rep times", who]
    if reps:
        parts.append(f"{reps} rep" + ("" if reps == 1 else "s"))
    return " · ".join(parts)
