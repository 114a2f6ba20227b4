"""Guild settings, athletes and their race results (sync; run on the store's thread)."""

from __future__ import annotations

import sqlite3
import zoneinfo
from typing import Any

from storage import convert as cv
from storage.records import (
    MAX_LATE_WINDOW_MIN,
    Athlete,
    GuildSettings,
    NewRaceResult,
    RaceResult,
    _Unset,
)
from storage.tx import immediate

UNITS = ("metric", "imperial")

_GUILD_SETTABLE = {
    "timezone",
    "units",
    "coach_role_id",
    "wod_channel_id",
    "hidden_by_default",
    "wod_late_window_min",
}
_GUILD_COLS = (
    "guild_id, timezone, units, coach_role_id, wod_channel_id, hidden_by_default,"
    " wod_late_window_min"
)
_ATHLETE_COLS = "guild_id, athlete_id, display_name, units, hidden, created_at"


def ensure_guild(conn: sqlite3.Connection, guild_id: int, now: str) -> None:
    conn.execute(
        "INSERT INTO guilds (guild_id, created_at, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (guild_id) DO NOTHING",
        (guild_id, now, now),
    )


def ensure_athlete(
    conn: sqlite3.Connection, guild_id: int, athlete_id: int, name: str, now: str
) -> None:
    """The athlete's row, created (hidden per the team's default) or renamed if needed."""
    ensure_guild(conn, guild_id, now)
    conn.execute(
        "INSERT INTO athletes (guild_id, athlete_id, display_name, hidden, created_at, updated_at)"
        " VALUES (?, ?, ?, (SELECT hidden_by_default FROM guilds WHERE guild_id = ?), ?, ?)"
        " ON CONFLICT (guild_id, athlete_id) DO UPDATE"
        " SET display_name = excluded.display_name, updated_at = excluded.updated_at"
        " WHERE display_name IS NOT excluded.display_name",
        (guild_id, athlete_id, cv.name(name), guild_id, now, now),
    )


def check_timezone(name: object) -> None:
    try:
        if not isinstance(name, str) or not name or len(name) > 64:
            raise ValueError
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise ValueError(
            f"unknown time zone {name!r}: use an IANA name such as 'Europe/Paris' or"
            " 'America/New_York'"
        ) from None


def _guild(row: Any) -> GuildSettings:
    return GuildSettings(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6])


def guild_settings(conn: sqlite3.Connection, guild_id: int) -> GuildSettings:
    row = conn.execute(f"SELECT {_GUILD_COLS} FROM guilds WHERE guild_id = ?", (guild_id,))
    found = row.fetchone()
    return GuildSettings(guild_id) if found is None else _guild(found)


def update_guild_settings(
    conn: sqlite3.Connection, guild_id: int, changes: dict[str, Any], now: str
) -> GuildSettings:
    """Apply `changes` (column -> value; UNSET values skipped) and return the new settings."""
    changes = {k: v for k, v in changes.items() if not isinstance(v, _Unset)}
    if not set(changes) <= _GUILD_SETTABLE:  # column names go into the SQL text below
        raise ValueError(f"unknown guild settings: {sorted(set(changes) - _GUILD_SETTABLE)}")
    if "units" in changes and changes["units"] not in UNITS:
        raise ValueError(f"units must be 'metric' or 'imperial', not {changes['units']!r}")
    if "timezone" in changes:
        check_timezone(changes["timezone"])
    if "wod_late_window_min" in changes:
        window = changes["wod_late_window_min"]
        if not isinstance(window, int) or not 0 <= window <= MAX_LATE_WINDOW_MIN:
            raise ValueError(
                f"the late-post window is 0 to {MAX_LATE_WINDOW_MIN} minutes, not {window!r}"
            )
    if "hidden_by_default" in changes:
        changes["hidden_by_default"] = int(bool(changes["hidden_by_default"]))
    with immediate(conn):
        ensure_guild(conn, guild_id, now)
        if changes:
            # Column names come from the fixed keyword arguments of Store, never from users.
            sets = ", ".join(f"{col} = :{col}" for col in changes)
            conn.execute(
                f"UPDATE guilds SET {sets}, updated_at = :now WHERE guild_id = :guild",
                {**changes, "now": now, "guild": guild_id},
            )
        return guild_settings(conn, guild_id)


def _athlete(row: Any) -> Athlete:
    return Athlete(row[0], row[1], row[2], row[3], bool(row[4]), cv.read_instant(row[5]))  # type: ignore[arg-type]


def athlete(conn: sqlite3.Connection, guild_id: int, athlete_id: int) -> Athlete | None:
    row = conn.execute(
        f"SELECT {_ATHLETE_COLS} FROM athletes WHERE guild_id = ? AND athlete_id = ?",
        (guild_id, athlete_id),
    ).fetchone()
    return None if row is None else _athlete(row)


def athletes(conn: sqlite3.Connection, guild_id: int) -> list[Athlete]:
    rows = conn.execute(
        f"SELECT {_ATHLETE_COLS} FROM athletes WHERE guild_id = ?"
        " ORDER BY display_name, athlete_id",
        (guild_id,),
    ).fetchall()
    return [_athlete(r) for r in rows]


def set_athlete(
    conn: sqlite3.Connection,
    guild_id: int,
    athlete_id: int,
    display_name: str,
    units: str | _Unset | None,
    hidden: bool | _Unset,
    now: str,
) -> Athlete:
    if not isinstance(units, _Unset) and units is not None and units not in UNITS:
        raise ValueError(f"units must be 'metric', 'imperial' or None, not {units!r}")
    with immediate(conn):
        ensure_athlete(conn, guild_id, athlete_id, display_name, now)
        where = " WHERE guild_id = ? AND athlete_id = ?"
        if not isinstance(units, _Unset):
            conn.execute(
                "UPDATE athletes SET units = ?, updated_at = ?" + where,
                (units, now, guild_id, athlete_id),
            )
        if not isinstance(hidden, _Unset):
            conn.execute(
                "UPDATE athletes SET hidden = ?, updated_at = ?" + where,
                (int(bool(hidden)), now, guild_id, athlete_id),
            )
        found = athlete(conn, guild_id, athlete_id)
        assert found is not None
        return found


def forget_athlete(conn: sqlite3.Connection, guild_id: int, athlete_id: int) -> bool:
    """Delete an athlete and everything they logged in that guild (sessions, reps, races)."""
    with immediate(conn):
        cur = conn.execute(
            "DELETE FROM athletes WHERE guild_id = ? AND athlete_id = ?", (guild_id, athlete_id)
        )
        return cur.rowcount > 0


def forget_guild(conn: sqlite3.Connection, guild_id: int) -> bool:
    """Delete a guild and all its data (the bot was removed from that server)."""
    with immediate(conn):
        return conn.execute("DELETE FROM guilds WHERE guild_id = ?", (guild_id,)).rowcount > 0


# -- race results ------------------------------------------------------------------------------

_RACE_COLS = "id, guild_id, athlete_id, distance_m, time_s, day, label"


def _race(row: Any) -> RaceResult:
    return RaceResult(row[0], row[1], row[2], row[3], row[4], cv.read_day(row[5]), row[6])


def add_race_result(
    conn: sqlite3.Connection,
    guild_id: int,
    athlete_id: int,
    display_name: str,
    result: NewRaceResult,
    now: str,
) -> RaceResult:
    if not (result.distance_m > 0 and result.time_s > 0):
        raise ValueError(
            "a race result needs a distance and a time above zero, e.g. 5000 m in 1200 s"
        )
    with immediate(conn):
        ensure_athlete(conn, guild_id, athlete_id, display_name, now)
        row = conn.execute(
            "INSERT INTO race_results (guild_id, athlete_id, distance_m, time_s, day, label,"
            f" created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING {_RACE_COLS}",
            (
                guild_id,
                athlete_id,
                cv.distance(result.distance_m),
                float(result.time_s),
                cv.day(result.day),
                cv.bounded(result.label, 100, "race label"),
                now,
            ),
        ).fetchall()[0]
        return _race(row)


def race_results(conn: sqlite3.Connection, guild_id: int, athlete_id: int) -> list[RaceResult]:
    rows = conn.execute(
        f"SELECT {_RACE_COLS} FROM race_results WHERE guild_id = ? AND athlete_id = ?"
        " ORDER BY day DESC, id DESC",
        (guild_id, athlete_id),
    ).fetchall()
    return [_race(r) for r in rows]


def delete_race_result(
    conn: sqlite3.Connection, guild_id: int, athlete_id: int, result_id: int
) -> bool:
    with immediate(conn):
        cur = conn.execute(
            "DELETE FROM race_results WHERE id = ? AND guild_id = ? AND athlete_id = ?",
            (result_id, guild_id, athlete_id),
        )
        return cur.rowcount > 0
