"""What each chart is drawn from: small frozen dataclasses holding plain values.

The chart renderers know nothing of the analysis, storage or Discord; callers fill these in.
All times are seconds, all distances metres. `units` only decides how paces and volumes are
shown ("km": per kilometre / kilometres, "mi": per mile / miles).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

Units = Literal["km", "mi"]
Mode = Literal["time", "pace"]
Status = Literal["on", "fast", "slow"]
# (low, high) seconds; a single target is (t, t).
Target = tuple[float, float]

_UNITS = ("km", "mi")
_MODES = ("time", "pace")
_STATUSES = ("on", "fast", "slow", None)


def _check_units(units: str) -> None:
    if units not in _UNITS:
        raise ValueError(f"units must be 'km' or 'mi', not {units!r}")


def clean_seconds(value: float | None) -> float | None:
    """A usable time or pace, or None: NaN, infinite, zero and negative values count as missing."""
    if value is None or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


def clean_target(target: Target | None) -> Target | None:
    """A (low, high) target with low <= high, or None when it is not usable."""
    if target is None:
        return None
    low, high = clean_seconds(target[0]), clean_seconds(target[1])
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


@dataclass(frozen=True, slots=True)
class RepBar:
    """One rep of a session as the chart shows it.

    index: the rep number shown to the athlete (1-based).
    time_s: the rep's time; None when the split is missing.
    distance_m: the rep's length (needed in pace mode; for a timed rep, the distance covered).
    target_s: the (low, high) time the rep should take, if the workout gives one.
    rest_s / rest_m: the recovery after this rep, when known (either or both).
    status: how the rep compares to its target, as the analysis judged it.
    """

    index: int
    time_s: float | None
    distance_m: float | None = None
    target_s: Target | None = None
    rest_s: float | None = None
    rest_m: float | None = None
    status: Status | None = None

    def __post_init__(self) -> None:
        if self.status not in _STATUSES:
            raise ValueError(f"rep {self.index}: status must be 'on', 'fast', 'slow' or None")


@dataclass(frozen=True, slots=True)
class SessionChartData:
    """One session: a bar per rep.

    mode "time" plots rep times (use it when all reps share one distance); "pace" plots each
    rep's time over its distance, per `units` (use it for mixed distances; see `mode_for`).
    mean_s: the mean line, in the chart's own quantity: rep seconds in time mode, seconds per
    kilometre in pace mode (shown per mile when units is "mi"). None draws no mean line.
    """

    title: str
    reps: Sequence[RepBar]
    mean_s: float | None = None
    units: Units = "km"
    mode: Mode = "time"

    def __post_init__(self) -> None:
        _check_units(self.units)
        if self.mode not in _MODES:
            raise ValueError(f"mode must be 'time' or 'pace', not {self.mode!r}")


def mode_for(reps: Sequence[RepBar]) -> Mode:
    """"time" when every rep has the same known distance, else "pace" when distances are known."""
    distances = {r.distance_m for r in reps}
    if len(distances) <= 1 or None in distances:
        return "time"
    return "pace"


class ProgressionPoint(NamedTuple):
    """One run of a workout: its mean rep and the fastest and slowest rep (a plain tuple works)."""

    day: date
    mean_s: float
    fastest_s: float
    slowest_s: float


@dataclass(frozen=True, slots=True)
class ProgressionChartData:
    """Each time a workout was run.

    With `distance_m` set, the values are rep times in seconds for reps of that distance;
    with None (mixed distances), they are paces in seconds per kilometre, shown per `units`.
    """

    title: str
    points: Sequence[ProgressionPoint]
    units: Units = "km"
    distance_m: float | None = None

    def __post_init__(self) -> None:
        _check_units(self.units)


class AthleteReps(NamedTuple):
    """One athlete's rep times in seconds, None where a split is missing (a plain tuple works)."""

    name: str
    times_s: Sequence[float | None]


@dataclass(frozen=True, slots=True)
class TeamChartData:
    """Everyone's reps for one workout of the day.

    targets: the (low, high) time per rep number (position i is rep i + 1), None where a rep has
    no target; None altogether when the workout gives no targets.
    """

    title: str
    athletes: Sequence[AthleteReps]
    targets: Sequence[Target | None] | None = None


class VolumeWeek(NamedTuple):
    """One week: work (rep) distance and total distance, metres (a plain tuple works)."""

    week_start: date
    work_m: float
    total_m: float


@dataclass(frozen=True, slots=True)
class VolumeChartData:
    """Distance per week over the last months, oldest first."""

    title: str
    weeks: Sequence[VolumeWeek]
    units: Units = "km"

    def __post_init__(self) -> None:
        _check_units(self.units)
