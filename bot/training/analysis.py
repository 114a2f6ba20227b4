"""The pace analysis Pacer replies with: splits lined up with the workout's reps, judged.

Choices worth knowing:

- Splits are matched to reps in order. When the counts differ, the first min(reps, splits) are
  analysed and a note says so. When a workout with rests gets 2n-1 or 2n times for n reps and the
  times alternate between rep-like and recovery-like values, they are read as rep, recovery, ...
  When k times per rep (k = 2..8) cannot be the reps themselves (some faster than any runner:
  `fastest_possible_s`) but their sums per rep can, they are laps and are summed.
- A target (low, high) is "on" when the time is within it. A single-value target gets a tolerance
  of max(1 s, 1 % of the target): ±1 s for a 68 s 400, ±1.5 s for a 2:26 1000, ±3 s for a 5:00 mile.
  Otherwise the rep is "fast" or "slow" by the distance to the nearest allowed time.
- Named targets (`5k`, `T`, `MP`, ...) become times from the athlete's best race VDOT: race names
  through equivalent times, Daniels letters through training paces (E is a range), CV as the
  pace of a 30-minute race. `goal` and `xc` stay unresolved, with a note.
- A rep whose length is a duration (`5 x 3:00`) has its time but no pace: its distance is unknown.
- Set statistics compare like with like: on times when every analysed rep has the same length (or
  no known length), else on pace per km (`basis` says which; values are then s/km).
- Halves: the first floor(n/2) reps against the last floor(n/2); a middle rep sits out. A positive
  `split_diff_s` (first minus second) is a negative split.
- Session VDOT: each rep's time at its distance read as a race (Daniels-Gilbert), averaged. The
  training zone: the Daniels zone whose pace is nearest the session's overall pace.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise

from bot.training.errors import ParseError
from bot.training.model import Rep, Rest, Workout, amount_mid
from bot.training.splits import Splits, parse_splits
from bot.training.units import MILE_M, RACE_DISTANCES, format_time
from bot.training.vdot import (
    TrainingPaces,
    plausible_vdot,
    sustainable_fraction,
    time_for_vdot,
    training_paces,
    vdot,
    velocity_for_vo2,
)

# Daniels letters and the words that name them.
ZONE_NAMES: dict[str, str] = {
    "e": "E",
    "easy": "E",
    "m": "M",
    "mp": "M",
    "t": "T",
    "threshold": "T",
    "tempo": "T",
    "lt": "T",
    "i": "I",
    "interval": "I",
    "vo2": "I",
    "vo2max": "I",
    "r": "R",
    "rep": "R",
    "repetition": "R",
}
CV_MINUTES = 30.0
# Race-pace names beyond those in RACE_DISTANCES.
RACE_NAME_ALIASES: dict[str, str] = {"hmp": "half", "hm": "half", "mile": "mile", "5km": "5k",
                                     "10km": "10k", "3km": "3k"}


@dataclass(frozen=True, slots=True)
class Athlete:
    """What Pacer knows of an athlete: race results as (distance_m, time_s), display units."""

    races: tuple[tuple[float, float], ...] = ()
    units: str = "km"

    @property
    def vdot(self) -> float | None:
        """The best VDOT among the athlete's races (the one that shows their fitness)."""
        values = [vdot(d, t) for d, t in self.races if d > 0 and t > 0]
        # A typo (an 800 m "race" in 32 minutes) must not set the paces.
        values = [v for v in values if plausible_vdot(v)]
        return max(values) if values else None

    @property
    def paces(self) -> TrainingPaces | None:
        v = self.vdot
        return None if v is None else training_paces(round(v, 6))


@dataclass(slots=True)  # not frozen: frozen __init__ costs ~1 µs a field, 20 reps a call
class RepResult:
    index: int  # 1-based
    time_s: float
    distance_m: float | None
    duration_s: float | None = None
    target_s: tuple[float, float] | None = None
    target_name: str | None = None
    status: str | None = None  # "on", "fast", "slow"
    off_by_s: float | None = None  # negative when fast
    recovery_s: float | None = None  # from the splits
    rest: Rest | None = None  # from the workout

    @property
    def pace_s_per_km(self) -> float | None:
        if not self.distance_m:
            return None
        return self.time_s / self.distance_m * 1000

    def to_dict(self) -> dict[str, object]:
        pace = self.pace_s_per_km
        return {
            "rep": self.index,
            "time_s": _r(self.time_s),
            "distance_m": None if self.distance_m is None else _r(self.distance_m, 3),
            "duration_s": None if self.duration_s is None else _r(self.duration_s),
            "pace_s_per_km": None if pace is None else _r(pace),
            "pace_s_per_mile": None if pace is None else _r(pace * MILE_M / 1000),
            "pace_s_per_400m": None if pace is None else _r(pace * 0.4),
            "speed_m_s": None if not self.distance_m else _r(self.distance_m / self.time_s, 3),
            "speed_km_h": (
                None if not self.distance_m else _r(self.distance_m / self.time_s * 3.6, 2)
            ),
            "target_s": None if self.target_s is None else [_r(v) for v in self.target_s],
            "target_name": self.target_name,
            "status": self.status,
            "off_by_s": None if self.off_by_s is None else _r(self.off_by_s),
            "recovery_s": None if self.recovery_s is None else _r(self.recovery_s),
            "rest": None if self.rest is None else self.rest.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    reps: tuple[RepResult, ...]
    stats: SetStats | None
    athlete: AthleteInfo | None = None
    notes: tuple[str, ...] = ()
    prescribed_reps: int | None = None
    splits_given: int = 0
    extra_splits_s: tuple[float, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "prescribed_reps": self.prescribed_reps,
            "splits_given": self.splits_given,
            "reps": [r.to_dict() for r in self.reps],
            "set": {"reps": 0} if self.stats is None else self.stats.to_dict(),
            "athlete": None if self.athlete is None else self.athlete.to_dict(),
            "notes": list(self.notes),
            "unmatched_splits_s": [_r(s) for s in self.extra_splits_s],
        }


def _r(x: float, places: int = 2) -> float:
    return round(float(x), places)


# -- small statistics (the `statistics` module costs ~10 ms to import) ---------------------------


def _mean(values: list[float] | tuple[float, ...]) -> float:
    return math.fsum(values) / len(values)


def _pstdev(values: list[float] | tuple[float, ...]) -> float:
    m = _mean(values)
    return math.sqrt(math.fsum((x - m) ** 2 for x in values) / len(values))


def _stdev(values: list[float]) -> float:
    """Sample standard deviation (n - 1)."""
    m = _mean(values)
    return math.sqrt(math.fsum((x - m) ** 2 for x in values) / (len(values) - 1))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


# -- targets --------------------------------------------------------------------------------------


def single_target_tolerance(target_s: float) -> float:
    """How far a time may sit from a single-value target and still be "on"."""
    return max(1.0, 0.01 * target_s)


def judge(time_s: float, target: tuple[float, float]) -> tuple[str, float]:
    """("on" | "fast" | "slow", signed margin in seconds: negative when fast, 0 when on)."""
    low, high = target
    if low == high:
        tol = single_target_tolerance(low)
        low, high = low - tol, high + tol
    if time_s < low:
        return "fast", time_s - low
    if time_s > high:
        return "slow", time_s - high
    return "on", 0.0


def _normalise_name(name: str) -> str:
    return " ".join(name.lower().replace("pace", "").split())


def resolve_target(
    name: str, distance_m: float | None, athlete_vdot: float | None
) -> tuple[float, float] | None:
    """A named target's time for a rep of `distance_m` at `athlete_vdot`, or None."""
    if athlete_vdot is None or not distance_m:
        return None
    pace = named_pace(name, athlete_vdot)
    if pace is None:
        return None
    return (pace[0] * distance_m / 1000, pace[1] * distance_m / 1000)


def named_pace(name: str, athlete_vdot: float) -> tuple[float, float] | None:
    """A named target's pace (s/km, as (fast, slow)) for a VDOT, or None when unknown."""
    key = _normalise_name(name)
    v = round(athlete_vdot, 6)
    if key in ZONE_NAMES:
        return training_paces(v).pace(ZONE_NAMES[key])
    if key == "cv":
        # Critical velocity: about the pace a runner can race for 30 minutes.
        per_km = 60_000.0 / velocity_for_vo2(v * sustainable_fraction(CV_MINUTES))
        return (per_km, per_km)
    key = RACE_NAME_ALIASES.get(key.replace(" ", ""), key.replace(" ", ""))
    race_m = RACE_DISTANCES.get(key)
    if race_m is None:
        return None
    per_km = time_for_vdot(race_m, v) / (race_m / 1000)
    return (per_km, per_km)


# -- lining up ------------------------------------------------------------------------------------


def _rep_length(rep: Rep) -> tuple[float | None, float | None]:
    return amount_mid(rep.distance_m), amount_mid(rep.duration_s)


def _interleaved(times: tuple[float, ...], reps: tuple[Rep, ...]) -> bool:
    """Whether `times` reads as rep, recovery, rep, ... for `reps`."""
    n = len(reps)
    if n < 2 or len(times) not in (2 * n - 1, 2 * n):
        return False
    if any(r.rest is None for r in reps[:-1]):
        return False
    work = times[0::2][:n]
    rest = times[1::2]
    rest_durations = [amount_mid(r.rest.duration_s) for r in reps[: len(rest)] if r.rest]
    if rest_durations and all(d for d in rest_durations):
        # Each odd time within 35 % of the stated rest.
        return all(abs(t - d) <= 0.35 * d for t, d in zip(rest, rest_durations, strict=False) if d)
    distances = [amount_mid(r.distance_m) for r in reps]
    rest_distances = [amount_mid(r.rest.distance_m) for r in reps[: len(rest)] if r.rest]
    if not all(distances) or not rest_distances or not all(rest_distances):
        return False
    work_paces = [t / d for t, d in zip(work, distances, strict=True) if d]
    rest_paces = [t / d for t, d in zip(rest, rest_distances, strict=False) if d]
    # Work paces hang together, every recovery jog is clearly slower than the work, and the two
    # groups of times sit well apart (twelve equal times are not six reps and six jogs).
    spread = max(_pstdev(work), _pstdev(rest), 0.5)
    return (
        _pstdev(work_paces) / _mean(work_paces) < 0.08
        and min(rest_paces) > 1.1 * max(work_paces)
        and abs(_mean(rest) - _mean(work)) > 4 * spread
    )


def fastest_possible_s(distance_m: float) -> float:
    """A floor no runner beats: Riegel's curve through a 9.0 s 100 m, below every world record
    from 60 m to the marathon (the 200 m record sits closest, 2 % above it)."""
    return 9.0 * float((distance_m / 100.0) ** 1.06)


def _lap_groups(times: tuple[float, ...], reps: tuple[Rep, ...]) -> tuple[float, ...] | None:
    """When `times` holds k laps for each of the n reps (k = 2..8) and they cannot be the reps
    themselves (some would be faster than any runner) while their sums per rep can, the sums."""
    n = len(reps)
    if len(times) <= n or len(times) % n:
        return None
    k = len(times) // n
    distances = [amount_mid(r.distance_m) for r in reps]
    if k > 8 or not all(distances):
        return None
    if all(t >= fastest_possible_s(d or 0.0) for t, d in zip(times, distances, strict=False)):
        return None
    sums = tuple(math.fsum(times[j * k : (j + 1) * k]) for j in range(n))
    if any(t < fastest_possible_s(d or 0.0) for t, d in zip(sums, distances, strict=True)):
        return None
    return sums


def _dotted_minutes(times: tuple[float, ...], reps: tuple[Rep, ...]) -> tuple[float, ...] | None:
    """`2.26, 2.28` for 1000 m reps: minutes and seconds with a dot (2:26, 2:28), when every
    time read as seconds is faster than any runner and every one reads as m.ss."""
    distances = [amount_mid(r.distance_m) for r in reps[: len(times)]]
    if not times or len(distances) < len(times) or not all(distances):
        return None
    out = []
    for t, d in zip(times, distances, strict=False):
        minutes = math.floor(t)
        seconds = round((t - minutes) * 100)
        if (t >= fastest_possible_s(d or 0.0) or not 1 <= minutes < 60 or seconds >= 60
                or abs(t - (minutes + seconds / 100)) > 1e-9):
            return None
        out.append(minutes * 60.0 + seconds)
    if any(t < fastest_possible_s(d or 0.0) for t, d in zip(out, distances, strict=False)):
        return None
    return tuple(out)


def _colonless_by_target(
    times: tuple[float, ...], reps: tuple[Rep, ...]
) -> tuple[float, ...] | None:
    """`320 318 319` for 1000 m reps @ 3:20: minutes and seconds without the colon, when every
    time is such a number, every rep has a target, and each reads within 20 % of its target
    as m:ss but not as seconds."""
    targets = [r.target_s for r in reps[: len(times)]]
    if not times or len(targets) < len(times) or any(t is None for t in targets):
        return None
    out = []
    for t, target in zip(times, targets, strict=False):
        aim = (target[0] + target[1]) / 2  # type: ignore[index]
        if t != int(t) or not 100 <= t < 6000 or int(t) % 100 >= 60:
            return None
        as_clock = (int(t) // 100) * 60.0 + int(t) % 100
        if abs(as_clock - aim) > 0.2 * aim or abs(t - aim) <= 0.2 * aim:
            return None
        out.append(as_clock)
    return tuple(out)


def analyze(
    splits: Splits | str,
    workout: Workout | str | None = None,
    athlete: Athlete | None = None,
) -> Analysis:
    """Line `splits` up with `workout`'s reps and analyse them. Text arguments are read first
    (ParseError for bad text)."""
    if isinstance(splits, str):
        splits = parse_splits(splits)
    if isinstance(workout, str):
        from bot.training.notation import parse_workout

        workout = parse_workout(workout)
    notes: list[str] = []
    times = splits.splits_s
    recoveries: dict[int, float] = dict(zip(splits.recovery_after, splits.recoveries_s,
                                             strict=True))
    reps: tuple[Rep, ...] = workout.reps if workout is not None else ()
    laps = _lap_groups(times, reps) if reps and not recoveries else None
    if laps is not None:
        per_rep = len(times) // len(reps)
        times = laps
        notes.append(
            f"{len(splits.splits_s)} times for {len(reps)} reps: read as {per_rep} laps a rep"
        )
    elif reps and (dotted := _dotted_minutes(times, reps)) is not None:
        notes.append(f"read {times[0]:.2f} as {format_time(dotted[0])}: minutes and "
                     "seconds with a dot")
        times = dotted
    elif reps and (colonless := _colonless_by_target(times, reps)) is not None:
        notes.append(f"read {times[0]:.0f} as {format_time(colonless[0])}: minutes and "
                     "seconds without the colon, as the target has them")
        times = colonless
    elif reps and not recoveries and _interleaved(times, reps):
        recoveries = {k: t for k, t in enumerate(times[1::2])}
        times = times[0::2]
        notes.append(
            f"{len(splits.splits_s)} times for {len(reps)} reps: read as rep, recovery, rep, ..."
        )

    n_reps = len(reps) if workout is not None else len(times)
    n = min(n_reps, len(times))
    extra: tuple[float, ...] = ()
    if workout is not None and len(reps) != len(times):
        word = "rep" if len(reps) == 1 else "reps"
        sword = "split" if len(times) == 1 else "splits"
        if len(times) < len(reps):
            notes.append(
                f"{len(reps)} {word} prescribed, {len(times)} {sword} given: "
                + (f"analysed reps 1-{n}" if n > 1 else "analysed rep 1")
            )
        else:
            extra = times[n:]
            notes.append(
                f"{len(reps)} {word} prescribed, {len(times)} {sword} given: analysed the first "
                f"{n}; {len(extra)} left over"
            )
    if workout is not None and not reps:
        notes.append("the workout has no reps to line the splits up with")

    v = athlete.vdot if athlete is not None else None
    unresolved: set[str] = set()
    results: list[RepResult] = []
    for k in range(n):
        rep = reps[k] if k < len(reps) else None
        distance, duration = _rep_length(rep) if rep is not None else (None, None)
        target = rep.target_s if rep is not None else None
        name = rep.target_name if rep is not None else None
        if target is None and name:
            target = resolve_target(name, distance, v)
            if target is None and distance:
                unresolved.add(name)
        if target is None and rep is not None and rep.target_pace_s_per_km and distance:
            lo, hi = rep.target_pace_s_per_km
            target = (lo * distance / 1000, hi * distance / 1000)
        status = off = None
        if target is not None:
            target = (min(target), max(target))
            status, off = judge(times[k], target)
        results.append(
            RepResult(
                index=k + 1,
                time_s=times[k],
                distance_m=distance,
                duration_s=duration,
                target_s=target,
                target_name=name,
                status=status,
                off_by_s=off,
                recovery_s=recoveries.get(k),
                rest=None if rep is None else rep.rest,
            )
        )
    for r in results:
        if r.distance_m and r.time_s < fastest_possible_s(r.distance_m):
            notes.append(
                f"rep {r.index}: {format_time(r.time_s, 1)} for {r.distance_m:g} m is faster "
                "than any runner: check the splits"
            )
    for name in sorted(unresolved):
        notes.append(
            f"target “{name}” needs a race result to become a time"
            if v is None
            else f"target “{name}” is not a pace Pacer knows"
        )
    if any(r.duration_s and not r.distance_m for r in results):
        notes.append("timed reps have no pace: their distance is unknown")

    stats = _set_stats(results, reps[:n] if reps else ())
    athlete_info = _athlete_info(results, athlete) if athlete is not None else None
    return Analysis(
        reps=tuple(results),
        stats=stats,
        athlete=athlete_info,
        notes=tuple(notes),
        prescribed_reps=len(reps) if workout is not None else None,
        splits_given=len(splits.splits_s),
        extra_splits_s=extra,
    )


# -- statistics -----------------------------------------------------------------------------------


def _slope(values: list[float]) -> float:
    n = len(values)
    if n < 2:
        return 0.0
    mx = (n - 1) / 2
    my = _mean(values)
    num = sum((x - mx) * (y - my) for x, y in enumerate(values))
    den = sum((x - mx) ** 2 for x in range(n))
    return num / den


@dataclass(frozen=True, slots=True)
class SetStats:
    """The set as a whole. `basis` says what the comparative figures (mean, median, SD, range,
    halves, trend, fastest and slowest) are measured on: rep times in seconds ("time_s"), or pace
    in seconds per km ("pace_s_per_km") when the reps differ in length."""

    reps: int
    basis: str
    mean: float
    median: float
    stdev: float  # sample (n - 1)
    cv: float
    range: float
    fastest_rep: int  # 1-based
    slowest_rep: int
    diffs: tuple[float, ...]
    first_half: float | None
    second_half: float | None
    trend_per_rep: float  # least-squares slope; negative when getting faster
    mean_time_s: float
    targets: int
    on_target: int
    fast: int
    slow: int
    work_time_s: float
    work_distance_m: float | None
    mean_pace_s_per_km: float | None  # total time over total distance
    rest_s: float | None

    @property
    def split_diff(self) -> float | None:
        """First half minus second half: positive for a negative split."""
        if self.first_half is None or self.second_half is None:
            return None
        return self.first_half - self.second_half

    @property
    def hit_rate(self) -> float | None:
        return self.on_target / self.targets if self.targets else None

    @property
    def work_rest_ratio(self) -> float | None:
        return self.work_time_s / self.rest_s if self.rest_s else None

    def to_dict(self) -> dict[str, object]:
        pace = self.mean_pace_s_per_km
        diff = self.split_diff
        return {
            "reps": self.reps,
            "basis": self.basis,
            "mean_s": _r(self.mean),
            "median_s": _r(self.median),
            "stdev_s": _r(self.stdev),
            "cv": _r(self.cv, 4),
            "range_s": _r(self.range),
            "fastest_rep": self.fastest_rep,
            "slowest_rep": self.slowest_rep,
            "diffs_s": [_r(d) for d in self.diffs],
            "first_half_s": None if self.first_half is None else _r(self.first_half),
            "second_half_s": None if self.second_half is None else _r(self.second_half),
            "split_diff_s": None if diff is None else _r(diff),
            "negative_split": None if diff is None else diff > 0,
            "trend_s_per_rep": _r(self.trend_per_rep, 3),
            "mean_time_s": _r(self.mean_time_s),
            "targets": self.targets,
            "on_target": self.on_target,
            "fast": self.fast,
            "slow": self.slow,
            "hit_rate": None if self.hit_rate is None else _r(self.hit_rate, 3),
            "work_distance_m": (
                None if self.work_distance_m is None else _r(self.work_distance_m, 1)
            ),
            "work_time_s": _r(self.work_time_s),
            "mean_pace_s_per_km": None if pace is None else _r(pace),
            "mean_pace_s_per_mile": None if pace is None else _r(pace * MILE_M / 1000),
            "mean_pace_s_per_400m": None if pace is None else _r(pace * 0.4),
            "rest_s": None if self.rest_s is None else _r(self.rest_s),
            "work_rest_ratio": (
                None if self.work_rest_ratio is None else _r(self.work_rest_ratio, 2)
            ),
        }


@dataclass(frozen=True, slots=True)
class AthleteInfo:
    """The session seen against the athlete's races."""

    vdot: float | None
    units: str
    paces: TrainingPaces | None = None
    # Each rep's time at its distance read as a race, averaged; None without distances.
    session_vdot: float | None = None
    zone: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "vdot": None if self.vdot is None else _r(self.vdot),
            "units": self.units,
        }
        if self.paces is not None:
            out["training_paces"] = self.paces.to_dict()
            out["session_vdot"] = None if self.session_vdot is None else _r(self.session_vdot)
            out["zone"] = self.zone
        return out


def _set_stats(results: list[RepResult], reps: tuple[Rep, ...]) -> SetStats | None:
    if not results:
        return None
    times = [r.time_s for r in results]
    distances = {r.distance_m for r in results}
    paces = [r.pace_s_per_km for r in results]
    by_pace = len(distances) > 1 and all(p is not None for p in paces)
    values: list[float] = [p for p in paces if p is not None] if by_pace else times
    n = len(values)
    mean = _mean(values)
    sd = _stdev(values) if n > 1 else 0.0
    half = n // 2
    judged = [r.status for r in results if r.status is not None]
    known = [r for r in results if r.distance_m]
    known_distance = math.fsum(r.distance_m or 0.0 for r in known)
    return SetStats(
        reps=n,
        basis="pace_s_per_km" if by_pace else "time_s",
        mean=mean,
        median=_median(values),
        stdev=sd,
        cv=sd / mean if mean else 0.0,
        range=max(values) - min(values),
        fastest_rep=min(range(n), key=lambda k: (values[k], k)) + 1,
        slowest_rep=max(range(n), key=lambda k: (values[k], -k)) + 1,
        diffs=tuple(b - a for a, b in pairwise(values)),
        first_half=_mean(values[:half]) if half else None,
        second_half=_mean(values[n - half :]) if half else None,
        trend_per_rep=_slope(values),
        mean_time_s=_mean(times),
        targets=len(judged),
        on_target=judged.count("on"),
        fast=judged.count("fast"),
        slow=judged.count("slow"),
        work_time_s=math.fsum(times),
        work_distance_m=known_distance if known else None,
        mean_pace_s_per_km=(
            math.fsum(r.time_s for r in known) / known_distance * 1000 if known else None
        ),
        rest_s=_rest_total(results, reps),
    )


def _rest_total(results: list[RepResult], reps: tuple[Rep, ...]) -> float | None:
    """Seconds of recovery between the analysed reps, when every one of them is known: from the
    splits when the athlete gave them, else from the workout's rest durations."""
    total = 0.0
    for k in range(len(results) - 1):
        if results[k].recovery_s is not None:
            total += results[k].recovery_s or 0.0
            continue
        rest = reps[k].rest if k < len(reps) else None
        duration = amount_mid(rest.duration_s) if rest is not None else None
        if duration is None:
            return None
        total += duration
    return total if len(results) > 1 else None


def _athlete_info(results: list[RepResult], athlete: Athlete) -> AthleteInfo:
    v = athlete.vdot
    if v is None:
        return AthleteInfo(vdot=None, units=athlete.units)
    paces = training_paces(round(v, 6))
    raced = [r for r in results if r.distance_m]
    if not raced:
        return AthleteInfo(vdot=v, units=athlete.units, paces=paces)
    session = _mean([vdot(r.distance_m or 0.0, r.time_s) for r in raced])
    pace = math.fsum(r.time_s for r in raced) / math.fsum(r.distance_m or 0.0 for r in raced)
    return AthleteInfo(
        vdot=v,
        units=athlete.units,
        paces=paces,
        session_vdot=session,
        zone=nearest_zone(pace * 1000, paces),
    )


def nearest_zone(pace_s_per_km: float, paces: TrainingPaces) -> str:
    """The Daniels zone whose pace is nearest `pace_s_per_km` (E counts its whole range)."""
    best, best_gap = "E", math.inf
    for zone, (fast, slow) in paces.zones().items():
        gap = 0.0 if fast <= pace_s_per_km <= slow else min(abs(pace_s_per_km - fast),
                                                              abs(pace_s_per_km - slow))
        if gap < best_gap:
            best, best_gap = zone, gap
    return best


# World records from 800 m to the marathon sit at VDOT 83-88: above this a race is a typo.
MAX_RACE_VDOT = 89.0


def parse_race(text: str, *, check: bool = True) -> tuple[float, float]:
    """`5k 20:00`, `marathon 3:05:00`, `10K in 41:20` -> (distance_m, time_s). `check=False`
    skips the plausibility checks (to name a result stored before they existed)."""
    from bot.training.units import parse_clock, parse_race_distance

    words = text.replace(" in ", " ").split()
    if len(words) < 2:
        raise ParseError(
            "A race needs a distance and a time", text=text, length=len(text), hint="5k 20:00"
        )
    dist_text, time_text = " ".join(words[:-1]), words[-1]
    try:
        distance_m = parse_race_distance(dist_text)
    except ValueError as exc:
        raise ParseError(str(exc), text=text, length=len(dist_text), hint="5k 20:00") from None
    offset = text.rfind(time_text)
    try:
        time_s = parse_clock(time_text)
    except ValueError as exc:
        raise ParseError(
            str(exc), text=text, offset=offset, length=len(time_text), hint="5k 20:00"
        ) from None
    if not check:
        return distance_m, time_s
    speed = distance_m / time_s if time_s > 0 else math.inf
    if not 0.5 <= speed <= 12.5 or not plausible_vdot(vdot(distance_m, time_s)):
        raise ParseError(
            f"{format_time(time_s)} is not a plausible time for that distance",
            text=text,
            offset=offset,
            length=len(time_text),
            hint="5k 20:00",
        )
    if vdot(distance_m, time_s) > MAX_RACE_VDOT:
        # One mistyped race (`marathon 1:50:00`) would set every target from then on.
        raise ParseError(
            f"{format_time(time_s)} is faster than the world record for that distance: "
            "check the time",
            text=text,
            offset=offset,
            length=len(time_text),
            hint="5k 20:00",
        )
    return distance_m, time_s
