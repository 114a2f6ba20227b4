"""Logging splits against a workout of the day (its "Log my splits" button).

The same path as /log (`bot.logbook`: read, analyse with the athlete's races, store the reps),
with what a WOD adds: the session is tied to the WOD and dated on its day, and an athlete logs a
WOD once, so logging it again replaces their earlier log (a corrected split) and the team's
results keep one row per athlete. No Discord here.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import logbook
from bot.errors import UserError
from bot.training import Analysis, Workout
from storage import GuildSettings, NewSession, SessionEdit, Store, WodRow
from storage.records import MAX_KEY, MAX_NAME

SPLITS_EXAMPLE = "3:20 3:18 3:19 3:17 3:18 3:15"


@dataclass(frozen=True, slots=True)
class Logged:
    session_id: int
    replaced: bool  # the athlete's earlier log of this workout was replaced
    analysis: Analysis
    units: str


def workout_key(workout: Workout) -> str | None:
    """The workout's "same workout" key, or None when it is too long to be one (a one-off)."""
    key = workout.key
    return key if workout.reps and len(key) <= MAX_KEY else None


def _bounded(text: str | None, limit: int, what: str) -> str | None:
    text = (text or "").strip() or None
    if text is not None and len(text) > limit:
        raise UserError(f"The {what} are at most {limit} characters; these are {len(text)}.",
                        example=SPLITS_EXAMPLE)
    return text


async def log_against_wod(
    store: Store,
    settings: GuildSettings,
    wod: WodRow,
    *,
    athlete_id: int,
    athlete_name: str,
    splits_text: str,
    notes: str | None,
    channel_id: int | None = None,
    interaction_id: int | None = None,
) -> Logged:
    """Read `splits_text`, analyse it against the WOD, and store it for the athlete.

    UserError for unreadable or over-long text (nothing is stored then).
    """
    splits = _bounded(splits_text, logbook.MAX_SPLITS_TEXT, "splits")
    if splits is None:
        raise UserError("Give your splits, one time per rep.", example=SPLITS_EXAMPLE)
    notes = _bounded(notes, logbook.MAX_NOTES, "notes")
    profile = await logbook.athlete_profile(store, wod.guild_id, athlete_id, settings)
    try:
        reading = logbook.read(splits, wod.workout_text, profile)
    except logbook.LogInputError as err:
        raise UserError(str(err), example=SPLITS_EXAMPLE) from None
    if not reading.splits_s:
        raise UserError("I found no times in those splits.", example=SPLITS_EXAMPLE)
    workout = reading.workout
    assert workout is not None  # the WOD's text was read when it was scheduled
    reps = logbook.rep_rows(reading.analysis)
    mine = [
        s for s in await store.wod_results(wod.guild_id, wod.id, viewer_id=athlete_id)
        if s.athlete_id == athlete_id
    ]
    if mine:
        change = SessionEdit(
            workout_text=wod.workout_text,
            workout_json=workout.to_dict(),
            workout_key=workout_key(workout),
            splits_text=splits,
            splits_s=reading.splits_s,
            notes=notes,
            day=wod.day,
            reps=reps,
        )
        row = await store.edit_session(wod.guild_id, mine[-1].id, change, athlete_id=athlete_id)
        if row is not None:
            return Logged(row.id, True, reading.analysis, profile.units)
    result = await store.log_session(
        NewSession(
            guild_id=wod.guild_id,
            athlete_id=athlete_id,
            athlete_name=athlete_name[:MAX_NAME],
            day=wod.day,
            workout_text=wod.workout_text,
            workout_json=workout.to_dict(),
            workout_key=workout_key(workout),
            splits_text=splits,
            splits_s=reading.splits_s,
            notes=notes,
            wod_id=wod.id,
            channel_id=channel_id,
            interaction_id=interaction_id,
            reps=reps,
        )
    )
    return Logged(result.session_id, False, reading.analysis, profile.units)
