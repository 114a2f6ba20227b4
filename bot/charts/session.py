"""The session chart: one bar per rep, the target band, off-target marks, the mean, the rests.

Time axes run inverted: faster is taller. A runner reads "higher is better" at a glance (as in
the splits charts of running apps), and the fastest rep standing tallest matches how a session
is talked about. Bars grow from a floor just past the slowest value, so a slow rep is a short bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.charts import canvas
from bot.charts.data import SessionChartData, Status, Target, clean_seconds, clean_target
from bot.charts.labels import (
    UNIT_M,
    format_distance,
    format_rest,
    format_time,
    pace_s,
    thin,
    time_ticks,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_REPS = 100  # beyond this bars are slivers; the subtitle says how many were left out
# Reps with their value printed above the bar: 16 short labels (`2:26`, `58.5`) fit across,
# 12 long ones (`1:09.4`).
VALUE_LABELS_UP_TO = 16
LONG_LABELS_UP_TO = 12
REST_LABELS_UP_TO = 12  # reps with their recovery printed under each gap
STATUS_COLOUR = {"on": canvas.ON, "fast": canvas.FAST, "slow": canvas.SLOW, None: canvas.NEUTRAL}
STATUS_MARKER = {"fast": "^", "slow": "v"}
LABEL_CHIP = {"boxstyle": "round,pad=0.15", "facecolor": canvas.BACKGROUND, "linewidth": 0}


@dataclass(frozen=True, slots=True)
class Plotted:
    """A rep in the chart's own quantity (rep seconds, or seconds per km/mi)."""

    label: str
    value: float | None
    target: Target | None
    status: Status | None
    rest: str | None


def plotted_reps(data: SessionChartData) -> list[Plotted]:
    """Each rep converted to what the chart plots, with a status even if none was given."""
    out = []
    for rep in list(data.reps)[:MAX_REPS]:
        time_s = clean_seconds(rep.time_s)
        target = clean_target(rep.target_s)
        distance = clean_seconds(rep.distance_m)
        if data.mode == "pace":
            time_s = pace_s(time_s, distance, data.units) if time_s and distance else None
            target = (
                (pace_s(target[0], distance, data.units), pace_s(target[1], distance, data.units))
                if target and distance
                else None
            )
        status = rep.status
        if status is None:
            status = judge(time_s, target)
        if time_s is None:
            status = None
        out.append(
            Plotted(str(rep.index), time_s, target, status,
                    format_rest(rep.rest_s, rep.rest_m, data.units))
        )
    return out


def judge(value: float | None, target: Target | None) -> Status | None:
    """Where a value falls against its (low, high) target; None without either."""
    if value is None or target is None:
        return None
    return "fast" if value < target[0] else "slow" if value > target[1] else "on"


def value_range(values: list[float], headroom: float) -> tuple[float, float]:
    """(fast end, slow end) of the axis, with headroom past the fastest bar for its marks."""
    low, high = min(values), max(values)
    span = max(high - low, 2.0, 0.04 * high)
    return max(0.0, low - headroom * span), high + 0.12 * span


def render_session(data: SessionChartData) -> bytes:
    """The session as PNG bytes."""
    return canvas.to_png(session_figure(data))


def session_figure(data: SessionChartData) -> Figure:
    """The chart as a matplotlib figure (tests inspect it; `render_session` encodes it)."""
    reps = plotted_reps(data)
    mean = clean_seconds(data.mean_s)
    if mean is not None and data.mode == "pace":
        mean = mean * UNIT_M[data.units] / 1000.0
    fig, ax = canvas.new_figure(data.title, _subtitle(data, reps))
    values = [r.value for r in reps if r.value is not None]
    if not values:
        canvas.empty_note(ax, "no splits to chart yet")
        return fig
    extent = [*values, *(t for r in reps if r.target for t in r.target)]
    if mean is not None:
        extent.append(mean)
    fast_end, slow_end = value_range(extent, 0.30 if _value_labels(reps) else 0.12)
    span = slow_end - fast_end
    # A lone rep or two keep a normal bar width instead of filling the chart.
    pad = max(0.0, (4 - len(reps)) / 2)
    ax.set_xlim(-0.6 - pad, len(reps) - 0.4 + pad)
    ax.set_ylim(slow_end, fast_end)  # inverted: faster is taller
    ticks = time_ticks(fast_end, slow_end, max_ticks=6)
    ax.set_yticks(ticks, [format_time(t) for t in ticks])
    # Only labelled ticks are created: each tick is a costly object, and 60 would double the time.
    shown = [(i, text) for i, text in enumerate(thin([r.label for r in reps], 16)) if text]
    ax.set_xticks([i for i, _ in shown], [text for _, text in shown])

    handles: list[Any] = []
    labels: list[str] = []
    if _draw_targets(ax, reps, span):
        from matplotlib.patches import Patch

        handles.append(Patch(facecolor=canvas.TARGET, alpha=0.3))
        labels.append("target")
    _draw_bars(ax, reps, slow_end, span, handles, labels)
    if mean is not None:
        line = ax.axhline(mean, color=canvas.MEAN, linewidth=1.6, linestyle=(0, (5, 3)))
        handles.append(line)
        labels.append(f"mean {format_time(mean, tenths=mean < 120)}")
    if len(reps) <= REST_LABELS_UP_TO:
        _draw_rests(ax, reps)
    canvas.legend(fig, handles, labels)
    return fig


def _draw_targets(ax: Axes, reps: list[Plotted], span: float) -> bool:
    """Shade the target band; True when any rep had one."""
    return draw_target_runs(ax, list(range(len(reps))), [r.target for r in reps], span)


def draw_target_runs(ax: Axes, xs: list[float], targets: list[Target | None], span: float,
                     edges: bool = True) -> bool:
    """Shade each run of neighbouring bar slots sharing a target as one band."""
    from matplotlib.patches import Rectangle

    drawn = False
    i = 0
    while i < len(xs):
        target = targets[i]
        j = i
        while j + 1 < len(xs) and targets[j + 1] == target and xs[j + 1] - xs[j] == 1:
            j += 1
        if target is not None:
            low, high = target
            # A single-value target gets a visible sliver around it.
            half = max((high - low) / 2, span * 0.008)
            mid = (low + high) / 2
            left, right = xs[i] - 0.5, xs[j] + 0.5
            ax.add_patch(Rectangle((left, mid - half), right - left, 2 * half,
                                   facecolor=canvas.TARGET, alpha=0.22, linewidth=0, zorder=1))
            if edges:
                ax.hlines([mid - half, mid + half], left, right, color=canvas.TARGET,
                          alpha=0.55, linewidth=1, zorder=1)
            drawn = True
        i = j + 1
    return drawn


def _draw_bars(ax: Axes, reps: list[Plotted], floor: float, span: float,
               handles: list[Any], labels: list[str]) -> None:
    from matplotlib.lines import Line2D

    many = len(reps) > VALUE_LABELS_UP_TO
    tenths = _tenths(reps)
    width = 0.62 if len(reps) <= REST_LABELS_UP_TO else 0.72
    # The reps with a time, with it (typed: a missing split has none).
    present = [(i, r, r.value) for i, r in enumerate(reps) if r.value is not None]
    canvas.bars(ax, [i for i, _, _ in present], [floor] * len(present),
                [v for _, _, v in present], width,
                facecolors=[STATUS_COLOUR[r.status] for _, r, _ in present], linewidths=0,
                zorder=2)
    missing = [i for i, r in enumerate(reps) if r.value is None]
    if missing:
        # A full-height hatched slot where a split is missing: it reads as "no data", never as
        # a time (a short bar would look slow).
        canvas.bars(ax, missing, [floor] * len(missing), [floor - span] * len(missing), width,
                    facecolors="none", edgecolors=canvas.MISSING, hatch="//", linewidths=0,
                    alpha=0.7, zorder=2)
        handles.append(Line2D([], [], color=canvas.MISSING, marker="s", markersize=8,
                              markerfacecolor="none", linestyle="none"))
        labels.append("no split")
    for status, marker in STATUS_MARKER.items():
        marked = [(i, v) for i, r, v in present if r.status == status]
        if not marked:
            continue
        ax.plot([i for i, _ in marked], [v - span * 0.045 for _, v in marked], linestyle="none",
                marker=marker, markersize=6 if many else 9, color=STATUS_COLOUR[status], zorder=3)
        handles.append(Line2D([], [], color=STATUS_COLOUR[status], marker=marker,
                              markersize=8, linestyle="none"))
        labels.append(status)
    if not _value_labels(reps):
        return
    size = canvas.SMALL_SIZE + (1 if len(reps) <= 10 else 0)
    for i, _, v in present:
        # On a background chip so the mean line or the band never runs through the digits.
        ax.text(i, v - span * 0.09, format_time(v, tenths=tenths and v < 120),
                ha="center", va="bottom", color=canvas.TEXT, fontsize=size, zorder=4,
                bbox=LABEL_CHIP, **canvas.PLAIN)


def _tenths(reps: list[Plotted]) -> bool:
    """Tenths matter for short reps when the splits have them (`31.2`, `1:08.4`)."""
    return any(r.value is not None and r.value < 120 and abs(r.value - round(r.value)) >= 0.05
               for r in reps)


def _value_labels(reps: list[Plotted]) -> bool:
    """Whether each bar gets its value printed: only while the labels fit side by side."""
    long = _tenths(reps) and any(r.value is not None and 60 <= r.value < 120 for r in reps)
    return len(reps) <= (LONG_LABELS_UP_TO if long else VALUE_LABELS_UP_TO)


def _draw_rests(ax: Axes, reps: list[Plotted]) -> None:
    """The recovery after each rep, printed under the gap it fills."""
    transform = ax.get_xaxis_transform()  # x in data, y in axes fraction
    for i, rep in enumerate(reps[:-1]):
        if rep.rest:
            ax.text(i + 0.5, -0.15, rep.rest, transform=transform, ha="center", va="top",
                    color=canvas.MUTED, fontsize=canvas.SMALL_SIZE, **canvas.PLAIN)


def _unit_word(data: SessionChartData) -> str:
    return "km" if data.units == "km" else "mile"


def _subtitle(data: SessionChartData, reps: list[Plotted]) -> str:
    total = len(data.reps)
    quantity = "rep time" if data.mode == "time" else f"pace per {_unit_word(data)}"
    parts = [quantity, f"first {len(reps)} of {total} reps" if total > len(reps) else
             f"{total} rep" + ("" if total == 1 else "s")]
    distances = {clean_seconds(rep.distance_m) for rep in data.reps}
    if total == len(reps) and len(distances) == 1 and (only := distances.pop()):
        parts[1] = f"{total} × {format_distance(only, data.units)}"
    rests = {r.rest for r in reps[:-1]}
    if len(rests) == 1 and (rest := rests.pop()):
        parts.append(f"rest {rest}")
    elif len(reps) > REST_LABELS_UP_TO and any(rests):
        parts.append("rests vary")
    return " · ".join(parts)
