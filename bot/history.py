"""Sessions over time: progression of one workout, weekly volume, best reps. No Discord here."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.charts import ProgressionPoint, VolumeWeek
from bot.training.units import MILE_M
from storage import SessionRow

# Distances `/pb` lists, as a runner names them.
STANDARD_DISTANCES: tuple[tuple[str, float], ...] = (
    ("200 m", 200.0), ("300 m", 300.0), ("400 m", 400.0), ("500 m", 500.0), ("600 m", 600.0),
    ("800 m", 800.0), ("1000 m", 1000.0), ("1200 m", 1200.0), ("1500 m", 1500.0),
    ("1600 m", 1600.0), ("mile", MILE_M), ("2000 m", 2000.0), ("3000 m", 3000.0),
    ("5000 m", 5000.0),
)


@dataclass(frozen=True, slots=True)
class Run:
    """One session of a workout, reduced to what a progression shows."""

    session_id: int
    day: dt.date
    mean_s: float
    fastest_s: float
    slowest_s: float
    sd_s: float


def _values(row: SessionRow, by_pace: bool) -> list[float]:
    if by_pace:
        return [r.time_s / r.distance_m * 1000 for r in row.reps if r.time_s and r.distance_m]
    times = [r.time_s for r in row.reps if r.time_s]
    return times or [s for s in row.splits_s if s > 0]


def common_distance(rows: Sequence[SessionRow]) -> float | None:
    """The one rep distance of every session's reps, or None when they differ or are unknown."""
    distances = {round(r.distance_m, 3) if r.distance_m else None for row in rows
                 for r in row.reps}
    if len(distances) == 1:
        (only,) = distances
        return only
    return None


def runs(rows: Sequence[SessionRow], *, by_pace: bool) -> list[Run]:
    """Oldest first: each session's mean rep, fastest, slowest and spread (SD)."""
    out = []
    for row in sorted(rows, key=lambda r: (r.day, r.id)):
        values = _values(row, by_pace)
        if not values:
            continue
        mean = math.fsum(values) / len(values)
        sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1)) if len(
            values) > 1 else 0.0
        out.append(Run(row.id, row.day, mean, min(values), max(values), sd))
    return out


def points(items: Sequence[Run]) -> list[ProgressionPoint]:
    return [ProgressionPoint(r.day, r.mean_s, r.fastest_s, r.slowest_s) for r in items]


def slope_per_week(items: Sequence[Run], value: str = "mean_s") -> float | None:
    """Least-squares change per week of `value`; None with fewer than two days."""
    if len({r.day for r in items}) < 2:
        return None
    xs = [r.day.toordinal() / 7 for r in items]
    ys = [getattr(r, value) for r in items]
    mx, my = math.fsum(xs) / len(xs), math.fsum(ys) / len(ys)
    den = math.fsum((x - mx) ** 2 for x in xs)
    return math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def volume_weeks(rows: Sequence[SessionRow], today: dt.date, weeks: int) -> list[VolumeWeek]:
    """Work and total distance per week (Monday first) for the last `weeks` weeks, oldest first.

    Total adds the recoveries run between reps (their stated distances).
    """
    first = week_start(today) - dt.timedelta(weeks=weeks - 1)
    work = dict.fromkeys((first + dt.timedelta(weeks=k) for k in range(weeks)), 0.0)
    total = dict(work)
    for row in rows:
        start = week_start(row.day)
        if start not in work:
            continue
        for r in row.reps:
            work[start] += r.distance_m or 0.0
            total[start] += (r.distance_m or 0.0) + (r.rest_distance_m or 0.0)
    return [VolumeWeek(w, work[w], total[w]) for w in work]
