"""The readable analysis: one rendering shared by the CLI, the sandbox and the Discord embed.

`render(analysis)` gives a Report: a headline, the rep table as blocks of monospace lines (each
block fits a code block in an embed field: at most BLOCK_LIMIT characters, header repeated),
the set summary lines and the notes. Only numbers Pacer computed appear: no user text is echoed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.training.analysis import Analysis, RepResult, SetStats
from bot.training.model import Workout, amount_mid
from bot.training.units import (
    MILE_M,
    format_distance,
    format_duration,
    format_race_distance,
    format_time,
)
from bot.training.vdot import Equivalent

if TYPE_CHECKING:
    from bot.charts.data import SessionChartData

# An embed field holds 1024 characters; a code block's fences ("```\n" and "\n```") take 8.
FIELD_LIMIT = 1024
BLOCK_LIMIT = FIELD_LIMIT - 8
TITLE_LIMIT = 256


@dataclass(frozen=True, slots=True)
class Report:
    headline: str
    table: tuple[str, ...]  # blocks of monospace text
    summary: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def to_text(self) -> str:
        parts = [self.headline, ""]
        parts.extend(self.table)
        if self.summary:
            parts.append("")
            parts.extend(self.summary)
        if self.notes:
            parts.append("")
            parts.extend(f"Note: {n}" for n in self.notes)
        return "\n".join(parts)

    def embed_fields(self) -> list[tuple[str, str]]:
        """(name, value) pairs for a Discord embed: the rep table in code blocks, the summary
        and the notes, each value within an embed field's 1024 characters (the headline is
        the embed's title, within 256)."""
        fields: list[tuple[str, str]] = []
        for k, block in enumerate(self.table):
            name = "Reps" if len(self.table) == 1 else f"Reps ({k + 1}/{len(self.table)})"
            fields.append((name, f"```\n{block}\n```"))
        if self.summary:
            fields.append(("Set", _clip("\n".join(self.summary), FIELD_LIMIT)))
        if self.notes:
            fields.append(("Notes", _clip("\n".join(self.notes), FIELD_LIMIT)))
        return fields

    @property
    def title(self) -> str:
        return _clip(self.headline, TITLE_LIMIT)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Below this, runners write a rep's time in seconds: `68`, `69.5`, `84` (not `1:08`).
SECONDS_ONLY_BELOW = 90.0


def _t(seconds: float) -> str:
    """A time as runners write a split: `68`, `69.5`, `2:26`, `2:26.2`."""
    tenths = round(seconds * 10)
    if 0 <= seconds < SECONDS_ONLY_BELOW:
        return f"{tenths / 10:.1f}" if tenths % 10 else f"{tenths // 10}"
    return format_time(seconds, 1 if tenths % 10 else 0)


def rep_time(seconds: float) -> str:
    """A rep time with a tenth, as runners write it: seconds below 90 s (`58.5`), else
    minutes (`2:26.2`). Averages, /400 paces, best reps."""
    if 0 <= seconds < SECONDS_ONLY_BELOW:
        return f"{seconds:.1f}"
    return format_time(seconds, 1)


_t1 = rep_time


def _per_unit(seconds_per_km: float, units: str) -> float:
    return seconds_per_km * (MILE_M / 1000 if units == "mi" else 1)


def _pace(seconds_per_km: float, units: str) -> str:
    return f"{format_time(_per_unit(seconds_per_km, units))}/{units}"


def _other(units: str) -> str:
    return "km" if units == "mi" else "mi"


def _reps_title(analysis: Analysis) -> str:
    reps = analysis.reps
    n = len(reps)
    distances = list(dict.fromkeys(r.distance_m for r in reps))
    durations = {r.duration_s for r in reps}
    if len(distances) == 1 and distances[0] is not None:
        return f"{n} × {format_distance(distances[0])}"
    if len(durations) == 1 and None not in durations:
        return f"{n} × {format_duration(next(iter(durations)) or 0)}"
    if None in distances and None in durations and analysis.prescribed_reps is None:
        return f"{n} split" + ("s" if n != 1 else "")
    if None not in distances and len(distances) <= 3:
        return f"{n} reps of " + " / ".join(format_distance(d or 0) for d in distances)
    return f"{n} reps"


def _split_phrase(diff: float | None, unit: str) -> str | None:
    if diff is None:
        return None
    if abs(diff) < 0.05:
        return "even split"
    kind = "negative" if diff > 0 else "positive"
    return f"{kind} split {abs(diff):.1f} {unit}"


class _Scale:
    """How the set's comparative figures read: seconds, or a pace in the runner's units."""

    def __init__(self, stats: SetStats, units: str) -> None:
        self.by_pace = stats.basis == "pace_s_per_km"
        self.units = units
        self.factor = _per_unit(1.0, units) if self.by_pace else 1.0
        self.unit = f"s/{units}" if self.by_pace else "s"

    def value(self, x: float) -> str:
        return _pace(x, self.units) if self.by_pace else _t1(x)

    def amount(self, x: float) -> float:
        """A difference (SD, range, split, trend) in the display unit."""
        return x * self.factor


def headline(analysis: Analysis, units: str = "km") -> str:
    s = analysis.stats
    if s is None or not analysis.reps:
        return "No reps to analyse"
    scale = _Scale(s, units)
    parts = [_reps_title(analysis)]
    if scale.by_pace:
        parts.append(f"avg {scale.value(s.mean)}")
    else:
        avg = f"avg {_t1(s.mean)}"
        distance = analysis.reps[0].distance_m
        if s.mean_pace_s_per_km is not None and distance:
            # The pace in the runner's units, unless the rep is that unit (then the other one).
            unit_m = MILE_M if units == "mi" else 1000.0
            shown = _other(units) if abs(distance - unit_m) < 1 else units
            avg += f" ({_pace(s.mean_pace_s_per_km, shown)})"
        parts.append(avg)
    parts.append(f"SD {scale.amount(s.stdev):.1f} {scale.unit}")
    phrase = _split_phrase(
        None if s.split_diff is None else scale.amount(s.split_diff), scale.unit
    )
    if phrase:
        parts.append(phrase)
    if s.targets:
        parts.append(f"{s.on_target}/{s.targets} on target")
    return " · ".join(parts)


def _mark(r: RepResult) -> str:
    if r.status is None:
        return ""
    if r.status == "on":
        return "on"
    return f"{r.status} {abs(r.off_by_s or 0):.1f}"


def _target_text(r: RepResult) -> str:
    if r.target_s is None:
        return r.target_name or ""
    low, high = r.target_s
    return _t(low) if abs(high - low) < 0.05 else f"{_t(low)}-{_t(high)}"


def table_lines(analysis: Analysis, units: str = "km") -> tuple[str, list[str]]:
    """The header and one line per rep."""
    reps = analysis.reps
    has_distance = any(r.distance_m for r in reps)
    has_target = any(r.target_s is not None or r.target_name for r in reps)
    has_recovery = any(r.recovery_s is not None for r in reps)
    mixed = len({r.distance_m for r in reps}) > 1 or any(r.duration_s for r in reps)
    first, second = units, _other(units)
    cols: list[tuple[str, int, list[str]]] = [("#", 3, [str(r.index) for r in reps])]
    if has_distance and mixed:
        cols.append(
            ("dist", 7, [format_distance(r.distance_m) if r.distance_m else
                         (format_duration(r.duration_s) if r.duration_s else "") for r in reps])
        )
    cols.append(("time", 7, [_t(r.time_s) for r in reps]))
    if has_distance:
        def pace_col(unit: str) -> list[str]:
            scale = MILE_M / 1000 if unit == "mi" else 1.0
            return [format_time(r.pace_s_per_km * scale) if r.pace_s_per_km else ""
                    for r in reps]

        cols.append((f"/{first}", 6, pace_col(first)))
        cols.append((f"/{second}", 6, pace_col(second)))
        cols.append(("/400", 5, [_t1(r.pace_s_per_km * 0.4) if r.pace_s_per_km
                                 else "" for r in reps]))
    if has_target:
        cols.append(("target", 11, [_target_text(r) for r in reps]))
        cols.append(("", 9, [_mark(r) for r in reps]))
    if has_recovery:
        cols.append(("rec", 6, [_t(r.recovery_s) if r.recovery_s is not None else ""
                                for r in reps]))
    widths = [max([w, len(h)] + [len(v) for v in vals]) for h, w, vals in cols]

    def line(cells: list[str]) -> str:
        out = []
        for k, cell in enumerate(cells):
            # Numbers right-aligned; the mark reads left to right.
            out.append(cell.ljust(widths[k]) if cols[k][0] == "" else cell.rjust(widths[k]))
        return "  ".join(out).rstrip()

    header = line([h for h, _, _ in cols])
    rows = [line([vals[k] for _, _, vals in cols]) for k in range(len(reps))]
    return header, rows


def blocks(header: str, rows: list[str], limit: int = BLOCK_LIMIT) -> tuple[str, ...]:
    """Rows packed into blocks of at most `limit` characters, each starting with the header."""
    out: list[str] = []
    current = [header]
    size = len(header)
    for row in rows:
        if size + 1 + len(row) > limit and len(current) > 1:
            out.append("\n".join(current))
            current, size = [header], len(header)
        current.append(row)
        size += 1 + len(row)
    out.append("\n".join(current))
    return tuple(out)


def summary_lines(analysis: Analysis, units: str = "km") -> list[str]:
    s = analysis.stats
    if s is None or not analysis.reps:
        return []
    scale = _Scale(s, units)
    u = scale.unit
    lines = [
        f"Mean {scale.value(s.mean)} · median {scale.value(s.median)} · "
        f"SD {scale.amount(s.stdev):.2f} {u} (CV {s.cv * 100:.1f} %) · "
        f"range {scale.amount(s.range):.1f} {u}",
    ]
    reps = analysis.reps
    lines.append(
        f"Fastest rep {s.fastest_rep} ({_t(reps[s.fastest_rep - 1].time_s)}) · "
        f"slowest rep {s.slowest_rep} ({_t(reps[s.slowest_rep - 1].time_s)})"
    )
    if s.first_half is not None and s.second_half is not None:
        diff = None if s.split_diff is None else scale.amount(s.split_diff)
        lines.append(
            f"First half {scale.value(s.first_half)} · second half "
            f"{scale.value(s.second_half)}: {_split_phrase(diff, u)}"
        )
        trend = scale.amount(s.trend_per_rep)
        way = "getting faster" if trend < -0.05 else "slowing" if trend > 0.05 else "steady"
        lines.append(f"Trend {trend:+.2f} {u} per rep ({way})")
    if s.targets:
        lines.append(f"Targets: {s.on_target} of {s.targets} on, {s.fast} fast, {s.slow} slow")
    work = f"Work {_t(s.work_time_s)}"
    if s.work_distance_m and s.mean_pace_s_per_km is not None:
        pace = s.mean_pace_s_per_km
        work = (
            f"Work {format_distance(s.work_distance_m)} in {_t(s.work_time_s)} · "
            f"{_pace(pace, units)} · {_pace(pace, _other(units))} · {_t1(pace * 0.4)}/400"
        )
    lines.append(work)
    if s.rest_s and s.work_rest_ratio is not None:
        lines.append(f"Rest {_t(s.rest_s)} · work:rest {s.work_rest_ratio:.2f}")
    a = analysis.athlete
    if a is not None and a.vdot is not None:
        text = f"Race VDOT {a.vdot:.1f}"
        if a.session_vdot is not None:
            text += f" · these reps as races: VDOT {a.session_vdot:.1f} · {a.zone} zone"
        lines.append(text)
    return lines


def render(analysis: Analysis, units: str | None = None) -> Report:
    """The report in `units` ("km" or "mi"); by default the athlete's preference, else km."""
    if units is None:
        units = analysis.athlete.units if analysis.athlete is not None else "km"
    units = "mi" if units == "mi" else "km"
    if analysis.stats is None or not analysis.reps:
        return Report("No reps to analyse", (), (), analysis.notes)
    header, rows = table_lines(analysis, units)
    return Report(
        headline=headline(analysis, units),
        table=blocks(header, rows),
        summary=tuple(summary_lines(analysis, units)),
        notes=analysis.notes,
    )


def render_equivalent(eq: Equivalent, units: str = "km") -> Report:
    """VDOT, equivalent times (Daniels and Riegel) and training paces."""
    units = "mi" if units == "mi" else "km"

    def race_time(seconds: float) -> str:
        return format_time(seconds, 1 if seconds < 600 else 0)

    rows = [f"{name:>8}  {race_time(t):>8}  {race_time(r):>8}" for name, _d, t, r in eq.times]
    table = blocks(f"{'race':>8}  {'Daniels':>8}  {'Riegel':>8}", rows)
    paces = eq.paces
    summary = []
    for zone, label in (("E", "Easy"), ("M", "Marathon"), ("T", "Threshold"), ("I", "Interval"),
                        ("R", "Repetition")):
        fast, slow = paces.pace(zone)
        text = _pace(fast, units)
        per400 = _t1(fast * 0.4)
        if fast != slow:
            text = f"{format_time(_per_unit(fast, units))}-{_pace(slow, units)}"
            per400 += f"-{_t1(slow * 0.4)}"
        summary.append(f"{zone} {label}: {text} · {per400}/400")
    return Report(
        headline=f"VDOT {eq.vdot:.1f} from {format_race_distance(eq.distance_m)} in "
        f"{_t(eq.time_s)}",
        table=table,
        summary=tuple(summary),
    )


def chart_data(
    analysis: Analysis, workout: Workout | None = None, title: str = "", units: str = "km"
) -> SessionChartData:
    """The session chart's data (`bot.charts.render_session`) from an analysis: a bar per rep,
    and a missing-split slot for each prescribed rep that got no split."""
    from bot.charts.data import RepBar, SessionChartData, mode_for

    bars = []
    for r in analysis.reps:
        rest_s = r.recovery_s
        if rest_s is None and r.rest is not None:
            rest_s = amount_mid(r.rest.duration_s)
        bars.append(
            RepBar(
                index=r.index,
                time_s=r.time_s,
                distance_m=r.distance_m,
                target_s=r.target_s,
                rest_s=rest_s,
                rest_m=None if r.rest is None else amount_mid(r.rest.distance_m),
                status=r.status,  # type: ignore[arg-type]
            )
        )
    if workout is not None:
        for k in range(len(bars), len(workout.reps)):
            rep = workout.reps[k]
            bars.append(RepBar(index=k + 1, time_s=None, distance_m=amount_mid(rep.distance_m),
                               target_s=rep.target_s))
    mode = mode_for(bars)
    stats = analysis.stats
    mean = None
    if stats is not None:
        mean = stats.mean if (mode == "pace") == (stats.basis == "pace_s_per_km") else None
    return SessionChartData(
        title=title or (headline(analysis, units).split(" · ")[0]),
        reps=bars,
        mean_s=mean,
        units="mi" if units == "mi" else "km",
        mode=mode,
    )
