"""The readable analysis: one rendering shared by the CLI, the sandbox and the Discord embed.

`render(analysis)` gives a Report: a headline, the rep table as blocks of monospace lines (each
block fits a code block in an embed field: at most BLOCK_LIMIT characters, header repeated),
the set summary lines and the notes. Only numbers Pacer computed appear: no user text is echoed.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.training.analysis import Analysis, RepResult
from bot.training.units import MILE_M, format_distance, format_duration, format_time
from bot.training.vdot import Equivalent

# An embed field holds 1024 characters; a code block's fences ("```\n" and "\n```") take 8.
FIELD_LIMIT = 1024
BLOCK_LIMIT = FIELD_LIMIT - 8


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


# Below this, runners write a rep's time in seconds: `68`, `69.5`, `84` (not `1:08`).
SECONDS_ONLY_BELOW = 90.0


def _t(seconds: float) -> str:
    """A time as runners write a split: `68`, `69.5`, `2:26`, `2:26.2`."""
    tenths = round(seconds * 10)
    if 0 <= seconds < SECONDS_ONLY_BELOW:
        return f"{tenths / 10:.1f}" if tenths % 10 else f"{tenths // 10}"
    return format_time(seconds, 1 if tenths % 10 else 0)


def _t1(seconds: float) -> str:
    """Like `_t` with a tenth always: averages and /400 paces (`58.5`, `2:26.2`)."""
    if 0 <= seconds < SECONDS_ONLY_BELOW:
        return f"{seconds:.1f}"
    return format_time(seconds, 1)


def _per_unit(seconds_per_km: float, units: str) -> float:
    return seconds_per_km * (MILE_M / 1000 if units == "mi" else 1)


def _pace(seconds_per_km: float, units: str) -> str:
    return f"{format_time(_per_unit(seconds_per_km, units))}/{units}"


def _other(units: str) -> str:
    return "km" if units == "mi" else "mi"


def _reps_title(analysis: Analysis) -> str:
    reps = analysis.reps
    n = len(reps)
    distances = {r.distance_m for r in reps}
    durations = {r.duration_s for r in reps}
    if len(distances) == 1 and None not in distances:
        return f"{n} × {format_distance(next(iter(distances)) or 0)}"
    if len(durations) == 1 and None not in durations:
        return f"{n} × {format_duration(next(iter(durations)) or 0)}"
    if None in distances and None in durations and analysis.prescribed_reps is None:
        return f"{n} split" + ("s" if n != 1 else "")
    return f"{n} reps"


def _split_phrase(diff: float | None) -> str | None:
    if diff is None:
        return None
    if abs(diff) < 0.05:
        return "even split"
    kind = "negative" if diff > 0 else "positive"
    return f"{kind} split {abs(diff):.1f} s"


def headline(analysis: Analysis, units: str = "km") -> str:
    s = analysis.stats
    if not analysis.reps:
        return "No reps to analyse"
    parts = [_reps_title(analysis)]
    by_pace = s["basis"] == "pace_s_per_km"
    mean = float(s["mean_s"])  # type: ignore[arg-type]
    pace = s.get("mean_pace_s_per_km")
    if by_pace:
        parts.append(f"avg {_pace(mean, units)}")
    else:
        avg = f"avg {_t1(mean)}"
        distance = analysis.reps[0].distance_m
        if pace is not None and distance:
            # The pace in the runner's units, unless the rep is that unit (then the other one).
            unit_m = MILE_M if units == "mi" else 1000.0
            shown = _other(units) if abs(distance - unit_m) < 1 else units
            avg += f" ({_pace(float(pace), shown)})"  # type: ignore[arg-type]
        parts.append(avg)
    unit = "s/km" if by_pace else "s"
    parts.append(f"SD {float(s['stdev_s']):.1f} {unit}")  # type: ignore[arg-type]
    phrase = _split_phrase(s.get("split_diff_s"))  # type: ignore[arg-type]
    if phrase and len(analysis.reps) >= 2:
        parts.append(phrase + ("/km" if by_pace and phrase != "even split" else ""))
    if s.get("targets"):
        parts.append(f"{s['on_target']}/{s['targets']} on target")
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
    if not analysis.reps:
        return []
    by_pace = s["basis"] == "pace_s_per_km"
    unit = " s/km" if by_pace else " s"

    def val(key: str) -> str:
        x = float(s[key])  # type: ignore[arg-type]
        return _pace(x, "km") if by_pace else _t1(x)

    lines = [
        f"Mean {val('mean_s')} · median {val('median_s')} · SD {float(s['stdev_s']):.2f}{unit}"  # type: ignore[arg-type]
        f" (CV {float(s['cv'] or 0) * 100:.1f} %) · range {float(s['range_s']):.1f}{unit}",  # type: ignore[arg-type]
    ]
    fastest, slowest = int(s["fastest_rep"]), int(s["slowest_rep"])  # type: ignore[arg-type]
    reps = analysis.reps
    lines.append(
        f"Fastest rep {fastest} ({_t(reps[fastest - 1].time_s)}) · "
        f"slowest rep {slowest} ({_t(reps[slowest - 1].time_s)})"
    )
    if s.get("first_half_s") is not None:
        phrase = _split_phrase(s.get("split_diff_s")) or ""  # type: ignore[arg-type]
        lines.append(f"First half {val('first_half_s')} · second half {val('second_half_s')}: "
                     + phrase + ("/km" if by_pace and phrase != "even split" else ""))
        trend = float(s["trend_s_per_rep"])  # type: ignore[arg-type]
        way = "getting faster" if trend < -0.05 else "slowing" if trend > 0.05 else "steady"
        lines.append(f"Trend {trend:+.2f}{unit} per rep ({way})")
    if s.get("targets"):
        lines.append(
            f"Targets: {s['on_target']} of {s['targets']} on, {s['fast']} fast, {s['slow']} slow"
        )
    work = f"Work {_t(float(s['work_time_s']))}"  # type: ignore[arg-type]
    if s.get("work_distance_m"):
        work = f"Work {format_distance(float(s['work_distance_m']))} in "  # type: ignore[arg-type]
        work += _t(float(s["work_time_s"]))  # type: ignore[arg-type]
        pace = float(s["mean_pace_s_per_km"])  # type: ignore[arg-type]
        work += f" · {_pace(pace, units)} · {_pace(pace, _other(units))}"
        work += f" · {_t1(pace * 0.4)}/400"
    lines.append(work)
    if s.get("rest_s"):
        lines.append(f"Rest {_t(float(s['rest_s']))} · work:rest {s['work_rest_ratio']}")  # type: ignore[arg-type]
    a = analysis.athlete
    if a and a.get("vdot") is not None:
        text = f"Race VDOT {float(a['vdot']):.1f}"  # type: ignore[arg-type]
        if a.get("session_vdot") is not None:
            session = float(a["session_vdot"])  # type: ignore[arg-type]
            text += f" · these reps as races: VDOT {session:.1f} · {a['zone']} zone"
        lines.append(text)
    return lines


def render(analysis: Analysis, units: str = "km") -> Report:
    units = "mi" if units == "mi" else "km"
    if not analysis.reps:
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
        headline=f"VDOT {eq.vdot:.1f} from {format_distance(eq.distance_m)} in "
        f"{_t(eq.time_s)}",
        table=table,
        summary=tuple(summary),
    )
