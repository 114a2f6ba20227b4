"""`Store`: Pacer's data, behind async methods named for what the bot needs.

One aiosqlite connection per store. aiosqlite runs every call on the connection's own thread,
and each call costs a hop to that thread and back (~200 µs, against a few µs for the SQL
itself). So each method sends one function to that thread which does the whole use case
there (a read, or a complete write transaction) and returns finished records: one hop per call.

A call whose task is cancelled still runs to its end on that thread: a write commits or rolls
back as a whole, never half. Ids of guilds, athletes, channels and messages are Discord's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

import aiosqlite

from storage import connection, sessions, teams, wods
from storage import convert as cv
from storage.errors import StoreError
from storage.migrations import migrate, schema_version
from storage.privacy import Privacy
from storage.records import (
    UNSET,
    Athlete,
    BestRep,
    GuildSettings,
    LogCheck,
    LogResult,
    NewRaceResult,
    NewSession,
    NewWod,
    RaceResult,
    SessionEdit,
    SessionRow,
    Units,
    WodDraft,
    WodRow,
    WodStatus,
    _Unset,
)

P = ParamSpec("P")
T = TypeVar("T")

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# Sending a function to the connection's thread uses `Connection._execute`, the primitive on
# which every public aiosqlite method is built; the version is pinned (<0.23) in pyproject.
if not hasattr(aiosqlite.Connection, "_execute"):  # pragma: no cover - guards an upgrade
    raise ImportError("this aiosqlite has no Connection._execute; Pacer's store needs 0.22.x")


def _log_check(
    conn: sqlite3.Connection, guild_id: int, athlete_id: int, since: str, message_id: int | None
) -> LogCheck:
    logged = None if message_id is None else sessions.by_source(conn, guild_id, message_id, None)
    settings = teams.guild_settings(conn, guild_id)
    known = teams.athlete(conn, guild_id, athlete_id)
    return LogCheck(
        settings=settings,
        recent=sessions.count_since(conn, guild_id, athlete_id, since),
        logged_as=None if logged is None else logged.id,
        hidden=settings.hidden_by_default if known is None else known.hidden,
    )


def _optimize(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA analysis_limit = 400")
    conn.execute("PRAGMA optimize")


class Store:
    """Pacer's database. Open with `await Store.open(path)`; always `await store.close()`."""

    def __init__(self, db: aiosqlite.Connection, path: str, clock: Clock,
                 privacy: Privacy | None = None) -> None:
        self._db = db
        self.path = path
        self._clock = clock
        self._privacy = Privacy() if privacy is None else privacy

    @classmethod
    async def open(cls, path: str | Path, *, clock: Clock = utc_now) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date."""
        path = str(path)

        failure: list[BaseException] = []
        privacy: list[Privacy] = []

        def connector() -> sqlite3.Connection:
            try:
                conn = connection.connect(path)
            except Exception as exc:
                failure.append(exc)
            else:
                try:
                    migrate(conn)
                    privacy.append(Privacy.read(conn))
                    return conn
                except Exception as exc:
                    conn.close()
                    failure.append(exc)
            # aiosqlite stops its thread without waiting when the connector raises, which can
            # outlive the event loop: hand it a stand-in and close that properly instead.
            return sqlite3.connect(":memory:")

        db = aiosqlite.Connection(connector, iter_chunk_size=64)
        await db  # starts the thread, connects and migrates there
        if failure:
            await db.close()
            exc = failure[0]
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot prepare the database at {path!r}: {exc}") from None
            raise exc
        return cls(db, path, clock, privacy[0])

    async def close(self) -> None:
        """Close the connection and stop its thread (an open one can hang the process at exit)."""
        if self._db._connection is not None:
            # SQLite's advice for long-lived connections: refresh the planner's statistics
            # where they are stale; analysis_limit keeps that to a sample, quick on any size.
            with contextlib.suppress(sqlite3.Error):
                await self._run(_optimize)
        await self._db.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _run(
        self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run `fn(conn, *args)` on the connection's thread: one hop."""
        db = self._db
        result: T = await db._execute(lambda: fn(db._conn, *args, **kwargs))  # type: ignore[no-untyped-call]
        return result

    async def _write(
        self,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        then: Callable[[T], None],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """As `_run`, then `then(result)` on the connection's thread: the privacy kept in memory
        changes with the write that changes it, in commit order."""

        def write(conn: sqlite3.Connection, /, *a: P.args, **kw: P.kwargs) -> T:
            result = fn(conn, *a, **kw)
            then(result)
            return result

        return await self._run(write, *args, **kwargs)

    def hidden(self, guild_id: int, athlete_id: int) -> bool:
        """Whether the athlete's sessions are hidden from teammates, from memory: no hop (what
        `log_check` reads, kept in step with this store's writes: storage/privacy.py)."""
        return self._privacy.hidden(guild_id, athlete_id)

    def now(self) -> dt.datetime:
        value = self._clock()
        if value.tzinfo is None:
            raise ValueError("the store's clock must return an aware datetime")
        return value

    def _now(self) -> str:
        return cv.instant(self.now())

    # -- sessions ------------------------------------------------------------------------------

    async def log_session(self, session: NewSession) -> LogResult:
        """Store a session and its reps in one transaction.

        A session from an interaction or a message already logged is not stored again: the
        result carries the existing id and `created=False`. The athlete's row is created (with
        the team's privacy default) or renamed as needed. Raises NotFound if `wod_id` is not a
        workout of the day of that guild, ValueError if a text is over its bound.
        """
        return await self._write(
            sessions.log,
            lambda _: self._privacy.ensure_athlete(session.guild_id, session.athlete_id),
            session,
            self._now(),
        )

    async def session(
        self,
        guild_id: int,
        session_id: int,
        *,
        viewer_id: int | None = None,
        include_hidden: bool = False,
    ) -> SessionRow | None:
        """One session, if it exists in that guild and the viewer may see it."""
        return await self._run(sessions.get, guild_id, session_id, viewer_id, include_hidden)

    async def session_by_source(
        self, guild_id: int, *, message_id: int | None = None, interaction_id: int | None = None
    ) -> SessionRow | None:
        """The session read from a message or an interaction (to follow an edit or deletion)."""
        return await self._run(sessions.by_source, guild_id, message_id, interaction_id)

    async def edit_session(
        self,
        guild_id: int,
        session_id: int,
        change: SessionEdit,
        *,
        athlete_id: int | None = None,
    ) -> SessionRow | None:
        """Replace what a session says (and its reps); only that athlete's if `athlete_id`.

        Returns the session as stored, or None if there is no such session to edit.
        """
        return await self._run(sessions.edit, guild_id, session_id, change, athlete_id, self._now())

    async def delete_session(
        self, guild_id: int, session_id: int, *, athlete_id: int | None = None
    ) -> bool:
        """Delete a session and its reps; only that athlete's if `athlete_id`. True if deleted."""
        return await self._run(sessions.delete, guild_id, session_id, athlete_id)

    async def recent_sessions(
        self,
        guild_id: int,
        athlete_id: int,
        *,
        limit: int = 10,
        until: dt.date | None = None,
        viewer_id: int | None = None,
        include_hidden: bool = False,
        offset: int = 0,
    ) -> list[SessionRow]:
        """An athlete's latest sessions (by day, then by logging order), newest first, after
        skipping the `offset` latest (pages).

        Privacy: a hidden athlete's sessions are returned only to themselves
        (`viewer_id=athlete_id`) or with `include_hidden=True` (coaches).
        """
        return await self._run(
            sessions.recent, guild_id, athlete_id, limit, until, viewer_id, include_hidden, offset
        )

    async def team_sessions(
        self,
        guild_id: int,
        since: dt.date,
        until: dt.date,
        *,
        limit: int = 100,
        viewer_id: int | None = None,
        include_hidden: bool = False,
    ) -> list[SessionRow]:
        """The team's sessions from `since` to `until` (days, inclusive), newest first."""
        return await self._run(
            sessions.team, guild_id, since, until, limit, viewer_id, include_hidden
        )

    async def workout_history(
        self,
        guild_id: int,
        workout_key: str,
        *,
        athlete_id: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 50,
        viewer_id: int | None = None,
        include_hidden: bool = False,
        offset: int = 0,
    ) -> list[SessionRow]:
        """Every session of one workout ("8x400") in the guild or by one athlete, newest first,
        after skipping the `offset` latest (pages)."""
        return await self._run(
            sessions.workout_history,
            guild_id,
            workout_key,
            athlete_id,
            since,
            until,
            limit,
            viewer_id,
            include_hidden,
            offset,
        )

    async def wod_results(
        self,
        guild_id: int,
        wod_id: int,
        *,
        viewer_id: int | None = None,
        include_hidden: bool = False,
    ) -> list[SessionRow]:
        """The sessions logged against a workout of the day, with their reps, in logging order."""
        return await self._run(sessions.wod_results, guild_id, wod_id, viewer_id, include_hidden)

    async def best_reps(
        self,
        guild_id: int,
        distance_m: float,
        *,
        athlete_id: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 10,
        per_athlete: bool = False,
        viewer_id: int | None = None,
        include_hidden: bool = False,
    ) -> list[BestRep]:
        """Fastest timed reps of exactly `distance_m` (to the millimetre), fastest first.

        For one athlete, or the whole team; `per_athlete=True` keeps each athlete's best only.
        """
        return await self._run(
            sessions.best_reps,
            guild_id,
            distance_m,
            athlete_id,
            since,
            until,
            limit,
            per_athlete,
            viewer_id,
            include_hidden,
        )

    async def count_sessions_since(self, guild_id: int, athlete_id: int, since: dt.datetime) -> int:
        """Sessions the athlete logged (created) since an instant: for rate limits."""
        return await self._run(sessions.count_since, guild_id, athlete_id, cv.instant(since))

    async def log_check(
        self, guild_id: int, athlete_id: int, since: dt.datetime, *, message_id: int | None = None
    ) -> LogCheck:
        """In one hop, what /log reads before it answers: the guild's settings, the athlete's
        sessions logged since `since` (as `count_sessions_since`), and the id of the session
        already read from `message_id`, if any."""
        return await self._run(_log_check, guild_id, athlete_id, cv.instant(since), message_id)

    # -- guild settings and athletes -----------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings; the defaults if it never changed any."""
        return await self._run(teams.guild_settings, guild_id)

    async def update_guild_settings(
        self,
        guild_id: int,
        *,
        timezone: str | _Unset = UNSET,
        units: Units | _Unset = UNSET,
        coach_role_id: int | _Unset | None = UNSET,
        wod_channel_id: int | _Unset | None = UNSET,
        hidden_by_default: bool | _Unset = UNSET,
        wod_late_window_min: int | _Unset = UNSET,
    ) -> GuildSettings:
        """Change the settings passed (None clears a role or channel); returns the result.

        The time zone is stored as given: the caller checks it is a valid IANA name.
        """
        changes = {
            "timezone": timezone,
            "units": units,
            "coach_role_id": coach_role_id,
            "wod_channel_id": wod_channel_id,
            "hidden_by_default": hidden_by_default,
            "wod_late_window_min": wod_late_window_min,
        }
        return await self._write(
            teams.update_guild_settings,
            lambda settings: self._privacy.set_default(guild_id, settings.hidden_by_default),
            guild_id,
            changes,
            self._now(),
        )

    async def athlete(self, guild_id: int, athlete_id: int) -> Athlete | None:
        return await self._run(teams.athlete, guild_id, athlete_id)

    async def athletes(self, guild_id: int) -> list[Athlete]:
        return await self._run(teams.athletes, guild_id)

    async def set_athlete(
        self,
        guild_id: int,
        athlete_id: int,
        display_name: str,
        *,
        units: Units | _Unset | None = UNSET,
        hidden: bool | _Unset = UNSET,
    ) -> Athlete:
        """Create or update an athlete: name, preferred units (None: the team's), privacy."""
        return await self._write(
            teams.set_athlete,
            lambda found: self._privacy.set_athlete(guild_id, athlete_id, found.hidden),
            guild_id,
            athlete_id,
            display_name,
            units,
            hidden,
            self._now(),
        )

    async def forget_athlete(self, guild_id: int, athlete_id: int) -> bool:
        """Delete an athlete and all they logged in that guild."""
        return await self._write(
            teams.forget_athlete,
            lambda _: self._privacy.forget_athlete(guild_id, athlete_id),
            guild_id,
            athlete_id,
        )

    async def forget_guild(self, guild_id: int) -> bool:
        """Delete a guild and all its data."""
        return await self._write(
            teams.forget_guild, lambda _: self._privacy.forget_guild(guild_id), guild_id
        )

    async def add_race_result(
        self, guild_id: int, athlete_id: int, display_name: str, result: NewRaceResult
    ) -> RaceResult:
        return await self._write(
            teams.add_race_result,
            lambda _: self._privacy.ensure_athlete(guild_id, athlete_id),
            guild_id,
            athlete_id,
            display_name,
            result,
            self._now(),
        )

    async def race_results(self, guild_id: int, athlete_id: int) -> list[RaceResult]:
        """An athlete's race results, most recent first."""
        return await self._run(teams.race_results, guild_id, athlete_id)

    async def delete_race_result(self, guild_id: int, athlete_id: int, result_id: int) -> bool:
        return await self._run(teams.delete_race_result, guild_id, athlete_id, result_id)

    # -- workouts of the day -------------------------------------------------------------------

    async def schedule_wod(self, wod: NewWod) -> WodRow:
        """Store a workout of the day to publish at `wod.publish_at` (status 'scheduled')."""
        return await self._run(wods.schedule, wod, self._now())

    async def wod(self, guild_id: int, wod_id: int) -> WodRow | None:
        return await self._run(wods.get, guild_id, wod_id)

    # -- /wod forms waiting for the coach's notes (kept across restarts) ----------------------

    async def save_wod_draft(self, draft: WodDraft, *, keep_for: dt.timedelta) -> WodDraft:
        """Keep a checked /wod post or /wod edit until its form is submitted; drafts older
        than `keep_for` (forms abandoned) are forgotten meanwhile. The draft, with its id."""
        now = self.now()
        return await self._run(
            wods.save_draft, draft, cv.instant(now), cv.instant(now - keep_for)
        )

    async def wod_draft(self, guild_id: int, draft_id: int) -> WodDraft | None:
        return await self._run(wods.get_draft, guild_id, draft_id)

    async def drop_wod_draft(self, guild_id: int, draft_id: int) -> bool:
        return await self._run(wods.drop_draft, guild_id, draft_id)

    async def schedule_wod_from_draft(self, wod: NewWod, draft_id: int) -> WodRow | None:
        """`schedule_wod`, dropping the draft in the same transaction; None (nothing stored)
        if the draft is gone: its form was already submitted, or it expired."""
        return await self._run(
            wods.schedule_from_draft, wod, wod.guild_id, draft_id, self._now()
        )

    async def wod_for_day(self, guild_id: int, day: dt.date) -> WodRow | None:
        """The day's workout: the posted one if any, else the one still to come."""
        return await self._run(wods.for_day, guild_id, day)

    async def list_wods(
        self,
        guild_id: int,
        *,
        statuses: tuple[WodStatus, ...] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 50,
    ) -> list[WodRow]:
        """The guild's WODs, latest day first, optionally only some statuses or days."""
        return await self._run(wods.list_wods, guild_id, statuses, since, until, limit)

    async def edit_wod(
        self,
        guild_id: int,
        wod_id: int,
        *,
        workout_text: str | _Unset = UNSET,
        workout_json: dict[str, Any] | _Unset | None = UNSET,
        workout_key: str | _Unset | None = UNSET,
        notes: str | _Unset | None = UNSET,
        channel_id: int | _Unset = UNSET,
        day: dt.date | _Unset = UNSET,
        publish_at: dt.datetime | _Unset = UNSET,
        title: str | _Unset | None = UNSET,
    ) -> WodRow | None:
        """Change a WOD that is still scheduled; None if it is not (or not in this guild)."""
        changes = {
            "workout_text": workout_text,
            "workout_json": workout_json,
            "workout_key": workout_key,
            "notes": notes,
            "channel_id": channel_id,
            "day": day,
            "publish_at": publish_at,
            "title": title,
        }
        return await self._run(wods.edit, guild_id, wod_id, changes, self._now())

    async def cancel_wod(self, guild_id: int, wod_id: int) -> bool:
        """Cancel a scheduled WOD. False if it is already posting, posted or not scheduled."""
        return await self._run(wods.cancel, guild_id, wod_id, self._now())

    async def due_wods(self, now: dt.datetime, *, limit: int = 50) -> list[WodRow]:
        """Scheduled WODs of every guild with `publish_at <= now`, earliest first."""
        return await self._run(wods.due, cv.instant(now), limit)

    async def next_wod_at(self) -> dt.datetime | None:
        """When the earliest scheduled WOD is due (the dispatcher sleeps until then)."""
        return await self._run(wods.next_publish_at)

    async def claim_wod(self, wod_id: int, now: dt.datetime) -> WodRow | None:
        """Take a due WOD for posting: scheduled -> posting, atomically. None if not scheduled.

        The protocol that publishes each WOD exactly once, even with two dispatchers or a crash:

        1. `claim_wod` moves the row from 'scheduled' to 'posting' in one write transaction and
           gives it a fresh `claim_token` and `claimed_at`. Only one caller can win; a WOD in
           'posting' is never returned by `due_wods` again, so nothing re-posts it silently.
        2. The bot sends the message, marked so it can be recognised later: the WOD id in the
           embed (e.g. footer "WOD #12") and its button, and a nonce of the WOD's own (the same
           for every claim) with `enforce_nonce`, so Discord itself returns the first post to a
           resend within a few minutes.
        3. `mark_wod_posted(id, token, message_id, posted_at)` records the message id and moves
           'posting' -> 'posted' in one statement. If Discord refused the message for good
           (missing permission, channel gone), `mark_wod_failed(id, token, reason)`; if it is
           certain nothing was sent (e.g. no connection), `release_wod(id, token)` puts it back
           to 'scheduled' for the next attempt.
        4. On start-up, `wods_in_doubt()` lists rows left in 'posting' by a crash between
           sending and recording. For each, the bot looks in the channel for its own message
           marked with that WOD, reading every message made since `claimed_at` (snowflakes
           carry the time), oldest first: found -> `mark_wod_posted` with its id;
           not found -> `release_wod`, after which the dispatcher posts it again (or, if it is
           now too late to matter, `mark_wod_missed`).

        Every transition after the claim requires the claim token, so a stale dispatcher cannot
        overwrite the outcome recorded by the one that holds the current claim.
        """
        return await self._run(wods.claim, wod_id, cv.instant(now))

    async def mark_wod_posted(
        self, wod_id: int, claim_token: str, message_id: int, posted_at: dt.datetime
    ) -> bool:
        """posting -> posted, recording the message; False if the claim is not current."""
        return await self._run(
            wods.mark_posted, wod_id, claim_token, message_id, cv.instant(posted_at)
        )

    async def mark_wod_failed(self, wod_id: int, claim_token: str, reason: str) -> bool:
        """posting -> failed, with the reason (shown to coaches); False if the claim is stale."""
        return await self._run(wods.mark_failed, wod_id, claim_token, reason, self._now())

    async def release_wod(self, wod_id: int, claim_token: str) -> bool:
        """posting -> scheduled, when it is certain the message did not go out."""
        return await self._run(wods.release, wod_id, claim_token, self._now())

    async def mark_wod_missed(self, wod_id: int) -> bool:
        """scheduled -> missed: its time passed long ago (the bot was down); not posted late."""
        return await self._run(wods.mark_missed, wod_id, self._now())

    async def wods_in_doubt(self) -> list[WodRow]:
        """WODs left in 'posting' (claimed, outcome never recorded): check them on start-up."""
        return await self._run(wods.in_doubt)

    # -- maintenance ---------------------------------------------------------------------------

    async def schema_version(self) -> int:
        return await self._run(schema_version)

    async def backup(self, target: str | Path) -> None:
        """A consistent copy of the live database at `target` (SQLite's online backup API)."""
        from storage.admin import backup_connection

        await self._run(backup_connection, Path(target))


__all__ = ["Clock", "Store", "utc_now"]
