"""From text to a stored session and back: the use cases behind /log and the views of sessions.

No Discord here: the cogs call these with plain values. Reading the text is the domain's job
(`bot.training`), storing it the store's; this module lines the two up.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.charts import SessionChartData
from bot.training import Analysis, Athlete, ParseError, Splits, Workout, analyze, parse_splits
from bot.training.model import amount_mid
from bot.training.notation import parse_workout
from bot.training.report import chart_data
from bot.training.units import MILE_M, format_distance, format_time
from storage import Athlete as AthleteRow
from storage import GuildSettings, NewRep, SessionRow, Store
from storage.records import MAX_REPS, MAX_WORKOUT_JSON

Units = str  # "km" or "mi"

MAX_SPLITS_TEXT = 1000
MAX_WORKOUT_TEXT = 300
MAX_NOTES = 500
MAX_DATE_TEXT = 40


class LogInputError(ValueError):
    """Text that could not be read, and which part it was (`part`: splits, workout, date)."""

    def __init__(self, part: str, error: ParseError, message: str | None = None) -> None:
        super().__init__(message or f"Couldn't read the {part}: {error}")
        self.part = part
        self.error = error


def display_units(settings: GuildSettings, athlete: AthleteRow | None) -> Units:
    units = athlete.units if athlete is not None and athlete.units is not None else settings.units
    return "mi" if units == "imperial" else "km"


def store_units(units: Units) -> str:
    return "imperial" if units == "mi" else "metric"


def team_today(settings: GuildSettings, now: dt.datetime) -> dt.date:
    """Today's date in the team's time zone."""
    return now.astimezone(ZoneInfo(settings.timezone)).date()


async def athlete_profile(
    store: Store, guild_id: int, athlete_id: int, settings: GuildSettings
) -> Athlete:
    """The domain's view of an athlete: race results (for named targets) and units."""
    row = await store.athlete(guild_id, athlete_id)
    races = await store.race_results(guild_id, athlete_id) if row is not None else []
    return Athlete(
        races=tuple((r.distance_m, r.time_s) for r in races),
        units=display_units(settings, row),
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """Splits and workout read and analysed, ready to store and to show."""

    workout: Workout | None
    analysis: Analysis
    splits_s: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Texts:
    """Splits and workout read, not yet analysed (the analysis needs the athlete's profile)."""

    splits: Splits
    workout: Workout | None


def parse_texts(splits_text: str, workout_text: str | None) -> Texts:
    """Read the texts alone: pure and quick, so a command can refuse bad input before it
    touches the store. LogInputError says which part failed."""
    try:
        splits = parse_splits(splits_text)
    except ParseError as err:
        raise LogInputError("splits", err) from None
    workout = None
    if workout_text:
        try:
            workout = parse_workout(workout_text)
        except ParseError as err:
            raise LogInputError("workout", err) from None
        too_long = oversized(workout)
        if too_long is not None:
            raise LogInputError("workout", ParseError(too_long), too_long)
    texts = Texts(splits, workout)
    # The number of reps analysed depends on the texts alone (not the athlete): refused here.
    # An analysis has at most one rep per split (tests/training/test_analysis_properties.py),
    # so only more splits than the limit need one before the command's acknowledgement: the
    # analysis is half of this function's time, and /log analyses again after its defer.
    if len(splits.splits_s) > MAX_REPS:
        _check_reps(analyze(splits, workout))
    return texts


def analysed(texts: Texts, athlete: Athlete) -> Reading:
    """The texts analysed for `athlete` (named targets need their race results)."""
    splits = texts.splits
    analysis = analyze(splits, texts.workout, athlete)
    _check_reps(analysis)
    return Reading(texts.workout, analysis, splits.splits_s)


def _check_reps(analysis: Analysis) -> None:
    if len(analysis.reps) > MAX_REPS:
        message = (f"That is {len(analysis.reps)} reps; a session keeps at most {MAX_REPS}. "
                   "Log it in parts, e.g. one set per session.")
        raise LogInputError("splits", ParseError(message), message)


def read(splits_text: str, workout_text: str | None, athlete: Athlete) -> Reading:
    """Read and analyse. LogInputError says which part failed."""
    return analysed(parse_texts(splits_text, workout_text), athlete)


def oversized(workout: Workout) -> str | None:
    """Why a workout the reader took is too big to keep (None when it fits): the reader allows
    1,000 reps, the store a parsed form of MAX_WORKOUT_JSON characters."""
    size = len(json.dumps(workout.to_dict(), separators=(",", ":"), ensure_ascii=False))
    if size <= MAX_WORKOUT_JSON:
        return None
    return (f"That workout is too long to keep ({len(workout.reps)} reps): write it in "
            "parts, e.g. one set at a time.")


def rep_rows(analysis: Analysis) -> tuple[NewRep, ...]:
    """The reps as stored: each analysed rep with its length, time, target and rest."""
    rows = []
    for r in analysis.reps:
        rest = r.rest
        rows.append(
            NewRep(
                index=r.index,
                distance_m=r.distance_m,
                duration_s=r.duration_s,
                time_s=r.time_s,
                target_low_s=None if r.target_s is None else r.target_s[0],
                target_high_s=None if r.target_s is None else r.target_s[1],
                rest_distance_m=None if rest is None else amount_mid(rest.distance_m),
                rest_duration_s=(
                    r.recovery_s
                    if r.recovery_s is not None
                    else (None if rest is None else amount_mid(rest.duration_s))
                ),
            )
        )
    return tuple(rows)


def title_of(workout: Workout | None, n_splits: int) -> str:
    """A one-line title: the canonical workout, its lines (warm-up, reps, cool-down) joined."""
    if workout is not None and workout.reps:
        return " · ".join(line.strip() for line in workout.describe().splitlines()
                          if line.strip())
    return f"{n_splits} split" + ("" if n_splits == 1 else "s")


def session_chart(
    analysis: Analysis, workout: Workout | None, title: str, units: Units
) -> SessionChartData | None:
    """The session chart's data (the shared `report.chart_data`), or None with no reps."""
    if not analysis.reps:
        return None
    return chart_data(analysis, workout, title[:200], units)


def row_analysis(row: SessionRow, athlete: Athlete) -> Analysis:
    """A stored session analysed again (its texts were read once already)."""
    workout = None
    if row.workout_text:
        try:
            workout = parse_workout(row.workout_text)
        except ParseError:
            workout = None
    return analyze(parse_splits(" ".join(_clock(s) for s in row.splits_s)), workout, athlete)


def _clock(seconds: float) -> str:
    return format_time(seconds, 1 if round(seconds * 10) % 10 else 0)


def mean_rep(row: SessionRow) -> float | None:
    times = [r.time_s for r in row.reps if r.time_s]
    if times:
        return math.fsum(times) / len(times)
    if row.splits_s:
        return math.fsum(row.splits_s) / len(row.splits_s)
    return None


def mean_pace(row: SessionRow, units: str = "km") -> float | None:
    """Seconds per km (or mile) over the timed distance reps; None without any."""
    timed = [(r.distance_m, r.time_s) for r in row.reps if r.distance_m and r.time_s]
    metres = math.fsum(d for d, _ in timed)
    if not metres:
        return None
    per_km = math.fsum(t for _, t in timed) / metres * 1000
    return per_km * (MILE_M / 1000 if units == "mi" else 1.0)


def one_line(row: SessionRow, units: str = "km") -> str:
    """`#12 · Tue 14 Jul · 6x1000m · 6 reps · avg 2:26.2`: no user text but the workout key.
    Reps of different lengths (a ladder) have no average time: their average pace instead."""
    parts = [f"#{row.id}", row.day.strftime("%a %d %b")]
    parts.append(row.workout_key or "splits")
    n = len(row.reps) or len(row.splits_s)
    parts.append(f"{n} rep" + ("" if n == 1 else "s"))
    if len({r.distance_m for r in row.reps if r.time_s}) > 1:
        pace = mean_pace(row, units)
        if pace is not None:
            parts.append(f"avg {format_time(pace)}/{units}")
            return " · ".join(parts)
    mean = mean_rep(row)
    if mean is not None:
        # As runners write a rep: seconds below 90 s (`67.2`), else minutes (`2:26.2`).
        parts.append(f"avg {mean:.1f}" if mean < 90 else f"avg {format_time(mean, 1)}")
    return " · ".join(parts)


def work_distance(row: SessionRow) -> float:
    return math.fsum(r.distance_m or 0.0 for r in row.reps)


def total_distance(row: SessionRow) -> float:
    reps = row.reps
    return math.fsum((r.distance_m or 0.0) + (r.rest_distance_m or 0.0) for r in reps)


def distance_text(metres: float) -> str:
    return format_distance(metres)
