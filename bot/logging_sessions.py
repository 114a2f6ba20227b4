"""Logging a session from splits text against a workout: read, analyse, store, in one place.

The WOD's "Log my splits" button uses it; it is the same path an athlete's `/log` takes (read
the splits, analyse them against the workout and the athlete's races, store the session with its
reps). No Discord here: callers pass plain values and get the stored result and the analysis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.errors import UserError
from bot.training import Analysis, Athlete, Workout, analyze, parse_splits
from storage import NewRep, NewSession, SessionEdit, Store
from storage.records import MAX_KEY, MAX_TEXT

MAX_SPLITS_TEXT = 1000
MAX_NOTES = 500
SPLITS_EXAMPLE = "3:20 3:18 3:19 3:17 3:18 3:15"


@dataclass(frozen=True, slots=True)
class Logged:
    session_id: int
    replaced: bool  # the athlete's earlier log of this workout was replaced
    analysis: Analysis


def workout_key(workout: Workout) -> str | None:
    """The workout's "same workout" key, or None when it is too long to be one (a one-off)."""
    key = workout.key
    return key if len(key) <= MAX_KEY else None


async def athlete_profile(store: Store, guild_id: int, athlete_id: int) -> Athlete:
    """What the analysis needs of an athlete: race results and display units."""
    races = await store.race_results(guild_id, athlete_id)
    known = await store.athlete(guild_id, athlete_id)
    units = "mi" if known is not None and known.units == "imperial" else "km"
    if known is None or known.units is None:
        team = await store.guild_settings(guild_id)
        units = "mi" if team.units == "imperial" else "km"
    return Athlete(races=tuple((r.distance_m, r.time_s) for r in races), units=units)


def session_reps(analysis: Analysis) -> tuple[NewRep, ...]:
    """The analysed reps as stored: length, time, target and the workout's rest."""
    out = []
    for r in analysis.reps:
        rest = r.rest
        rest_m = rest_s = None
        if rest is not None:
            rest_m = _mid(rest.distance_m)
            rest_s = _mid(rest.duration_s)
        out.append(
            NewRep(
                index=r.index - 1,
                distance_m=r.distance_m,
                duration_s=r.duration_s,
                time_s=r.time_s,
                target_low_s=None if r.target_s is None else r.target_s[0],
                target_high_s=None if r.target_s is None else r.target_s[1],
                rest_distance_m=rest_m,
                rest_duration_s=rest_s,
            )
        )
    return tuple(out)


def _mid(value: float | tuple[float, float] | None) -> float | None:
    if value is None:
        return None
    return (value[0] + value[1]) / 2 if isinstance(value, tuple) else float(value)


async def log_against_workout(
    store: Store,
    *,
    guild_id: int,
    athlete_id: int,
    athlete_name: str,
    workout: Workout,
    wod_id: int | None,
    day: dt.date,
    splits_text: str,
    notes: str | None,
    channel_id: int | None = None,
    interaction_id: int | None = None,
) -> Logged:
    """Read `splits_text`, analyse it against `workout`, and store it for the athlete.

    With a `wod_id`, an athlete logs a workout of the day once: logging it again replaces the
    earlier session (a corrected split), so the team's results keep one row per athlete.
    Raises ParseError for unreadable splits and UserError for text over its bound.
    """
    splits_text = splits_text.strip()
    if len(splits_text) > MAX_SPLITS_TEXT:
        raise UserError(
            f"Splits are at most {MAX_SPLITS_TEXT} characters; these are {len(splits_text)}.",
            example=SPLITS_EXAMPLE,
        )
    notes = (notes or "").strip() or None
    if notes is not None and len(notes) > MAX_NOTES:
        raise UserError(f"Notes are at most {MAX_NOTES} characters; these are {len(notes)}.")
    splits = parse_splits(splits_text)
    if not splits.splits_s:
        raise UserError("I found no times in those splits.", example=SPLITS_EXAMPLE)
    athlete = await athlete_profile(store, guild_id, athlete_id)
    analysis = analyze(splits, workout, athlete)
    reps = session_reps(analysis)
    workout_json = workout.to_dict()
    workout_text = workout.text[:MAX_TEXT]
    if wod_id is not None:
        earlier = [
            s
            for s in await store.wod_results(guild_id, wod_id, viewer_id=athlete_id)
            if s.athlete_id == athlete_id
        ]
        if earlier:
            change = SessionEdit(
                workout_text=workout_text,
                workout_json=workout_json,
                workout_key=workout_key(workout),
                splits_text=splits_text,
                splits_s=splits.splits_s,
                notes=notes,
                day=day,
                reps=reps,
            )
            row = await store.edit_session(guild_id, earlier[-1].id, change, athlete_id=athlete_id)
            if row is not None:
                return Logged(row.id, True, analysis)
    result = await store.log_session(
        NewSession(
            guild_id=guild_id,
            athlete_id=athlete_id,
            athlete_name=athlete_name,
            day=day,
            workout_text=workout_text,
            workout_json=workout_json,
            workout_key=workout_key(workout),
            splits_text=splits_text,
            splits_s=splits.splits_s,
            notes=notes,
            wod_id=wod_id,
            channel_id=channel_id,
            interaction_id=interaction_id,
            reps=reps,
        )
    )
    return Logged(result.session_id, False, analysis)
