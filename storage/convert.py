"""Conversions between Python values and their stored form (see the conventions in migrations)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from storage.records import MAX_KEY, MAX_NAME, MAX_TEXT, MAX_WORKOUT_JSON


def instant(value: dt.datetime) -> str:
    """An aware datetime as sortable UTC text: 2026-11-22T02:07:12.000000+00:00."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"a time zone is required (got the naive datetime {value!r})")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def read_instant(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def day(value: dt.date) -> str:
    if isinstance(value, dt.datetime):
        raise TypeError("a calendar day is a date, not a datetime: convert it in the team's zone")
    return value.isoformat()


def read_day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def bounded(value: str | None, limit: int = MAX_TEXT, what: str = "text") -> str | None:
    if value is not None and len(value) > limit:
        raise ValueError(f"{what} is {len(value)} characters long; the limit is {limit}")
    return value


def name(value: str) -> str:
    value = value.strip() or "?"
    return value[:MAX_NAME]


def key(value: str | None) -> str | None:
    return bounded(value, MAX_KEY, "workout key")


def to_json(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return bounded(text, MAX_WORKOUT_JSON, "parsed workout")


def floats_json(values: Sequence[float]) -> str:
    return json.dumps([float(v) for v in values], separators=(",", ":"), allow_nan=False)


def read_floats(text: str) -> tuple[float, ...]:
    return tuple(json.loads(text))


def distance(value: float | None) -> float | None:
    # Rounded to the millimetre so "reps of 1609.344 m" is an equality lookup in an index.
    return None if value is None else round(float(value), 3)
