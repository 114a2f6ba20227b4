"""What the store accepts and what it returns: frozen dataclasses with plain values.

The domain (`bot.training`) reads text into a `Workout`; callers turn that into these records
(`Workout.to_dict()` for the parsed form, a canonical `workout_key` such as "6x1000" for lookups).
Storage never parses anything itself.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Final, Literal

Units = Literal["metric", "imperial"]
WodStatus = Literal["scheduled", "posting", "posted", "failed", "missed", "cancelled"]

# Bounds on untrusted text, so one message can never bloat the database.
MAX_TEXT: Final = 4000
MAX_NAME: Final = 100
MAX_KEY: Final = 200
MAX_REPS: Final = 500
MAX_SPLITS: Final = 1000
MAX_TITLE: Final = 100
MAX_LATE_WINDOW_MIN: Final = 7 * 24 * 60
# A parsed workout as stored (compact JSON): a few times the text it came from.
MAX_WORKOUT_JSON: Final = 16 * MAX_TEXT


class _Unset:
    """Marks a keyword argument the caller did not pass (None is a real value: "clear it")."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final = _Unset()


# -- input records --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewRep:
    """One rep as run: its length (distance or duration), the time it took, its target and rest."""

    index: int
    distance_m: float | None = None
    duration_s: float | None = None
    time_s: float | None = None
    target_low_s: float | None = None
    target_high_s: float | None = None
    rest_distance_m: float | None = None
    rest_duration_s: float | None = None


@dataclass(frozen=True, slots=True)
class NewSession:
    """A session to log. `day` is the calendar date in the team's time zone.

    `interaction_id` (a slash command or modal) and `message_id` (the athlete's message the
    session was read from) are each unique: logging the same one twice stores one session.
    """

    guild_id: int
    athlete_id: int
    athlete_name: str
    day: dt.date
    workout_text: str | None = None
    workout_json: dict[str, Any] | None = None
    workout_key: str | None = None
    splits_text: str | None = None
    splits_s: tuple[float, ...] = ()
    notes: str | None = None
    wod_id: int | None = None
    channel_id: int | None = None
    message_id: int | None = None
    interaction_id: int | None = None
    reps: tuple[NewRep, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionEdit:
    """The parts of a logged session an edit replaces (the athlete edited their message)."""

    workout_text: str | None = None
    workout_json: dict[str, Any] | None = None
    workout_key: str | None = None
    splits_text: str | None = None
    splits_s: tuple[float, ...] = ()
    notes: str | None = None
    day: dt.date | None = None  # None keeps the session's day
    reps: tuple[NewRep, ...] = ()


@dataclass(frozen=True, slots=True)
class NewWod:
    """A workout of the day to publish in `channel_id` at `publish_at` (aware, any zone)."""

    guild_id: int
    author_id: int
    workout_text: str
    channel_id: int
    day: dt.date
    publish_at: dt.datetime
    workout_json: dict[str, Any] | None = None
    workout_key: str | None = None
    notes: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class WodDraft:
    """A checked /wod post (`wod_id` None) or /wod edit waiting for the coach's notes. None
    fields were not given: now or the team's channel for a post, unchanged for an edit."""

    guild_id: int
    author_id: int
    timezone: str
    workout_text: str | None = None
    publish_at: dt.datetime | None = None
    channel_id: int | None = None
    title: str | None = None
    wod_id: int | None = None
    id: int = 0  # given by the store
    created_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class NewRaceResult:
    distance_m: float
    time_s: float
    day: dt.date
    label: str | None = None


# -- read models ----------------------------------------------------------------------------
#
# Sessions and reps come back in bulk (a history, a leaderboard), so their classes are not
# frozen: building a frozen dataclass costs ~14x more (each field goes through
# object.__setattr__), which was most of the cost of a history query. Treat them as read-only.
# A session's reps and splits stay as the JSON text SQLite produced until first read.


@dataclass(slots=True)
class RepRow:
    session_id: int
    index: int
    distance_m: float | None
    duration_s: float | None
    time_s: float | None
    target_low_s: float | None
    target_high_s: float | None
    rest_distance_m: float | None
    rest_duration_s: float | None


@dataclass(slots=True)
class SessionRow:
    id: int
    guild_id: int
    athlete_id: int
    athlete_name: str
    day: dt.date
    workout_text: str | None
    workout_json_text: str | None  # decoded by `workout_json()`: most views never need it
    workout_key: str | None
    splits_text: str | None
    splits_json: str  # a JSON array of seconds: read `splits_s`
    notes: str | None
    wod_id: int | None
    channel_id: int | None
    message_id: int | None
    interaction_id: int | None
    created_at: dt.datetime
    edited_at: dt.datetime | None
    # [[index, distance_m, duration_s, time_s, target_low_s, target_high_s, rest_distance_m,
    #   rest_duration_s], ...]: read `reps`.
    reps_json: str = "[]"
    _reps: tuple[RepRow, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _splits: tuple[float, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def reps(self) -> tuple[RepRow, ...]:
        """The session's reps in order."""
        if self._reps is None:
            sid = self.id
            self._reps = tuple(RepRow(sid, *r) for r in sorted(json.loads(self.reps_json)))
        return self._reps

    @property
    def splits_s(self) -> tuple[float, ...]:
        """The splits as given, in seconds."""
        if self._splits is None:
            self._splits = tuple(json.loads(self.splits_json))
        return self._splits

    def workout_json(self) -> dict[str, Any] | None:
        """The parsed workout as stored (`Workout.to_dict()`), or None. A fresh dict each call."""
        return None if self.workout_json_text is None else json.loads(self.workout_json_text)


@dataclass(frozen=True, slots=True)
class LogResult:
    """What `log_session` did: the session's id, and False if it was already stored."""

    session_id: int
    created: bool


@dataclass(frozen=True, slots=True)
class LogCheck:
    """What /log reads before it answers, enough to refuse a session: the team's settings, the
    athlete's sessions since an instant (the hourly limit), the session already read from the
    message being logged, if any, and whether the athlete's sessions are hidden from teammates
    (their own choice, or for a newcomer the team's default)."""

    settings: GuildSettings
    recent: int
    logged_as: int | None
    hidden: bool = False


@dataclass(slots=True)
class BestRep:
    """A rep with who ran it and when: a row of a "best 1000 m reps" list."""

    rep: RepRow
    guild_id: int
    athlete_id: int
    athlete_name: str
    day: dt.date


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    timezone: str = "UTC"
    units: Units = "metric"
    coach_role_id: int | None = None
    wod_channel_id: int | None = None
    # Whether a new athlete's sessions start hidden from teammates.
    hidden_by_default: bool = False
    # A WOD whose time passed while the bot was down is still posted (marked late) within this
    # many minutes of its time; later than that it is marked missed instead.
    wod_late_window_min: int = 180


@dataclass(frozen=True, slots=True)
class Athlete:
    guild_id: int
    athlete_id: int
    display_name: str
    units: Units | None  # None: the team's default
    hidden: bool  # teammates may not see this athlete's sessions
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class RaceResult:
    id: int
    guild_id: int
    athlete_id: int
    distance_m: float
    time_s: float
    day: dt.date
    label: str | None


@dataclass(frozen=True, slots=True)
class WodRow:
    id: int
    guild_id: int
    author_id: int
    workout_text: str
    workout_json_text: str | None
    workout_key: str | None
    notes: str | None
    channel_id: int
    day: dt.date
    publish_at: dt.datetime
    status: WodStatus
    claim_token: str | None
    claimed_at: dt.datetime | None
    posted_at: dt.datetime | None
    message_id: int | None
    failure: str | None
    created_at: dt.datetime
    title: str | None = None

    def workout_json(self) -> dict[str, Any] | None:
        return None if self.workout_json_text is None else json.loads(self.workout_json_text)
