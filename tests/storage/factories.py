"""Records for tests: a plausible session with sensible defaults, overridable by keyword."""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage import NewRep, NewSession, NewWod

GUILD = 1001
OTHER_GUILD = 2002
ALICE = 11
BOB = 22
COACH = 99
DAY = dt.date(2026, 3, 2)


def reps(distance: float, *times: float, rest_m: float | None = 400.0) -> tuple[NewRep, ...]:
    return tuple(
        NewRep(
            index=i,
            distance_m=distance,
            time_s=t,
            target_low_s=None,
            target_high_s=None,
            rest_distance_m=rest_m,
        )
        for i, t in enumerate(times)
    )


def session(**over: Any) -> NewSession:
    values: dict[str, Any] = {
        "guild_id": GUILD,
        "athlete_id": ALICE,
        "athlete_name": "Alice",
        "day": DAY,
        "workout_text": "3 x 1000m w. 400m jog",
        "workout_json": {"text": "3 x 1000m w. 400m jog", "reps": [{"distance_m": 1000.0}] * 3},
        "workout_key": "3x1000",
        "splits_text": "3:10 3:08 3:05",
        "splits_s": (190.0, 188.0, 185.0),
        "notes": "windy",
        "channel_id": 555,
        "reps": reps(1000.0, 190.0, 188.0, 185.0),
    }
    values.update(over)
    return NewSession(**values)


def wod(**over: Any) -> NewWod:
    values: dict[str, Any] = {
        "guild_id": GUILD,
        "author_id": COACH,
        "workout_text": "8 x 400m w. 200m jog",
        "channel_id": 777,
        "day": DAY,
        "publish_at": dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC),
        "workout_key": "8x400",
        "notes": "Track at 6",
    }
    values.update(over)
    return NewWod(**values)
