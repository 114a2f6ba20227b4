from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from storage import NewRep, NotFound, RepRow, SessionEdit, Store
from tests.storage.factories import ALICE, BOB, COACH, DAY, GUILD, OTHER_GUILD, reps, session


async def rep_count(store: Store) -> int:
    return await store._run(lambda c: c.execute("SELECT count(*) FROM reps").fetchone()[0])


async def test_log_then_read_back_every_field(store, clock):
    rec = session(wod_id=None, message_id=None, interaction_id=42)
    result = await store.log_session(rec)
    assert result.created
    row = await store.session(GUILD, result.session_id, viewer_id=ALICE)
    assert row is not None
    assert (row.id, row.guild_id, row.athlete_id, row.athlete_name) == (
        result.session_id,
        GUILD,
        ALICE,
        "Alice",
    )
    assert row.day == DAY
    assert row.workout_text == rec.workout_text
    assert row.workout_json() == rec.workout_json
    assert row.workout_key == "3x1000"
    assert row.splits_text == rec.splits_text
    assert row.splits_s == (190.0, 188.0, 185.0)
    assert row.notes == "windy"
    assert (row.channel_id, row.message_id, row.interaction_id, row.wod_id) == (555, None, 42, None)
    assert row.created_at == clock.now and row.edited_at is None
    assert row.reps == tuple(
        RepRow(result.session_id, i, 1000.0, None, t, None, None, 400.0, None)
        for i, t in enumerate((190.0, 188.0, 185.0))
    )


async def test_session_without_workout_or_reps(store):
    rec = session(workout_text=None, workout_json=None, workout_key=None, reps=(), splits_s=())
    sid = (await store.log_session(rec)).session_id
    row = await store.session(GUILD, sid, viewer_id=ALICE)
    assert row is not None
    assert row.workout_json() is None and row.reps == () and row.splits_s == ()


async def test_repeated_interaction_stores_one_session(store):
    first = await store.log_session(session(interaction_id=7))
    again = await store.log_session(session(interaction_id=7, notes="second delivery"))
    assert first.created and not again.created
    assert again.session_id == first.session_id
    rows = await store.recent_sessions(GUILD, ALICE, viewer_id=ALICE)
    assert [r.notes for r in rows] == ["windy"]
    assert await rep_count(store) == 3


async def test_repeated_message_stores_one_session(store):
    first = await store.log_session(session(message_id=900))
    again = await store.log_session(session(message_id=900, interaction_id=5))
    assert (again.session_id, again.created) == (first.session_id, False)
    other = await store.log_session(session(message_id=901))
    assert other.created and other.session_id != first.session_id


async def test_the_unique_constraint_holds_even_without_the_check(store):
    await store.log_session(session(interaction_id=8))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        await store._run(
            lambda c: c.execute(
                "INSERT INTO sessions (guild_id, athlete_id, day, interaction_id, created_at)"
                " VALUES (?, ?, '2026-01-01', 8, 'x')",
                (GUILD, ALICE),
            )
        )


async def test_athlete_is_created_then_renamed(store):
    await store.log_session(session(athlete_name="  "))
    athlete = await store.athlete(GUILD, ALICE)
    assert athlete is not None and athlete.display_name == "?" and not athlete.hidden
    await store.log_session(session(athlete_name="Alice B."))
    athlete = await store.athlete(GUILD, ALICE)
    assert athlete is not None and athlete.display_name == "Alice B."


async def test_recent_sessions_newest_day_first_then_logging_order(store):
    days = [DAY, DAY - dt.timedelta(days=3), DAY, DAY + dt.timedelta(days=1)]
    ids = [(await store.log_session(session(day=d))).session_id for d in days]
    await store.log_session(session(athlete_id=BOB, athlete_name="Bob"))
    rows = await store.recent_sessions(GUILD, ALICE, viewer_id=ALICE)
    assert [r.id for r in rows] == [ids[3], ids[2], ids[0], ids[1]]
    rows = await store.recent_sessions(GUILD, ALICE, limit=2, viewer_id=ALICE)
    assert [r.id for r in rows] == [ids[3], ids[2]]
    rows = await store.recent_sessions(GUILD, ALICE, limit=2, offset=2, viewer_id=ALICE)
    assert [r.id for r in rows] == [ids[0], ids[1]]  # the second page
    assert await store.recent_sessions(GUILD, ALICE, offset=4, viewer_id=ALICE) == []
    rows = await store.recent_sessions(GUILD, ALICE, until=DAY - dt.timedelta(days=1))
    assert [r.id for r in rows] == [ids[1]]
    with pytest.raises(ValueError, match="limit"):
        await store.recent_sessions(GUILD, ALICE, limit=0)
    with pytest.raises(ValueError, match="offset"):
        await store.recent_sessions(GUILD, ALICE, offset=-1)


async def test_hidden_athlete_is_seen_only_by_themselves_and_coaches(store):
    sid = (await store.log_session(session())).session_id
    await store.set_athlete(GUILD, ALICE, "Alice", hidden=True)
    assert await store.recent_sessions(GUILD, ALICE) == []
    assert await store.recent_sessions(GUILD, ALICE, viewer_id=BOB) == []
    assert await store.session(GUILD, sid, viewer_id=BOB) is None
    assert [r.id for r in await store.recent_sessions(GUILD, ALICE, viewer_id=ALICE)] == [sid]
    assert [r.id for r in await store.recent_sessions(GUILD, ALICE, include_hidden=True)] == [sid]
    team = await store.team_sessions(GUILD, DAY, DAY, viewer_id=BOB)
    assert team == []
    await store.set_athlete(GUILD, ALICE, "Alice", hidden=False)
    assert [r.id for r in await store.recent_sessions(GUILD, ALICE, viewer_id=BOB)] == [sid]


async def test_guild_isolation(store):
    sid = (await store.log_session(session(workout_key="3x1000"))).session_id
    assert await store.session(OTHER_GUILD, sid, include_hidden=True) is None
    assert await store.recent_sessions(OTHER_GUILD, ALICE, include_hidden=True) == []
    assert await store.team_sessions(OTHER_GUILD, DAY, DAY, include_hidden=True) == []
    assert await store.workout_history(OTHER_GUILD, "3x1000", include_hidden=True) == []
    assert await store.best_reps(OTHER_GUILD, 1000, include_hidden=True) == []
    assert await store.count_sessions_since(OTHER_GUILD, ALICE, DAY_START) == 0
    assert await store.session_by_source(OTHER_GUILD, interaction_id=None) is None
    assert await store.edit_session(OTHER_GUILD, sid, SessionEdit(notes="x")) is None
    assert not await store.delete_session(OTHER_GUILD, sid)
    assert await store.athlete(OTHER_GUILD, ALICE) is None
    row = await store.session(GUILD, sid, include_hidden=True)
    assert row is not None and row.notes == "windy"


DAY_START = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


async def test_same_person_in_two_guilds_is_two_athletes(store):
    await store.log_session(session(guild_id=OTHER_GUILD, athlete_name="Ali"))
    await store.log_session(session())
    await store.set_athlete(OTHER_GUILD, ALICE, "Ali", hidden=True)
    assert len(await store.recent_sessions(GUILD, ALICE)) == 1
    assert await store.recent_sessions(OTHER_GUILD, ALICE) == []


async def test_edit_replaces_text_and_reps_and_stamps_the_time(store, clock):
    sid = (await store.log_session(session(message_id=300))).session_id
    clock.advance(minutes=5)
    change = SessionEdit(
        workout_text="2 x 1000m",
        workout_json={"text": "2 x 1000m"},
        workout_key="2x1000",
        splits_text="3:00 2:59",
        splits_s=(180.0, 179.0),
        notes=None,
        reps=reps(1000.0, 180.0, 179.0),
    )
    assert await store.edit_session(GUILD, sid, change, athlete_id=BOB) is None  # not Bob's
    row = await store.edit_session(GUILD, sid, change, athlete_id=ALICE)
    assert row is not None
    assert row.workout_key == "2x1000" and row.notes is None and row.day == DAY
    assert [r.time_s for r in row.reps] == [180.0, 179.0]
    assert row.edited_at == clock.now and row.created_at < clock.now
    assert await rep_count(store) == 2
    found = await store.session_by_source(GUILD, message_id=300)
    assert found is not None and found.id == sid
    best = await store.best_reps(GUILD, 1000, athlete_id=ALICE)
    assert [b.rep.time_s for b in best] == [179.0, 180.0]
    moved = await store.edit_session(
        GUILD, sid, dataclasses.replace(change, day=DAY.replace(day=1))
    )
    assert moved is not None and moved.day == DAY.replace(day=1)
    assert (await store.best_reps(GUILD, 1000))[0].day == DAY.replace(day=1)


async def test_delete_removes_the_reps_and_respects_the_owner(store):
    sid = (await store.log_session(session())).session_id
    assert not await store.delete_session(GUILD, sid, athlete_id=BOB)
    assert await store.delete_session(GUILD, sid, athlete_id=ALICE)
    assert await store.session(GUILD, sid, include_hidden=True) is None
    assert await rep_count(store) == 0
    assert not await store.delete_session(GUILD, sid)


async def test_best_reps_for_an_athlete_and_for_the_team(store):
    await store.log_session(session(reps=reps(1000.0, 190.0, 186.0)))
    await store.log_session(session(day=DAY.replace(day=5), reps=reps(1000.0, 184.0)))
    await store.log_session(
        session(athlete_id=BOB, athlete_name="Bob", reps=reps(1000.0, 181.0, 183.0))
    )
    await store.log_session(session(reps=reps(400.0, 60.0)))  # another distance
    mine = await store.best_reps(GUILD, 1000, athlete_id=ALICE, limit=2)
    assert [(b.rep.time_s, b.day.day) for b in mine] == [(184.0, 5), (186.0, 2)]
    team = await store.best_reps(GUILD, 1000.0)
    assert [b.rep.time_s for b in team] == [181.0, 183.0, 184.0, 186.0, 190.0]
    board = await store.best_reps(GUILD, 1000, per_athlete=True)
    assert [(b.athlete_name, b.rep.time_s) for b in board] == [("Bob", 181.0), ("Alice", 184.0)]
    early = await store.best_reps(GUILD, 1000, until=DAY)
    assert 184.0 not in [b.rep.time_s for b in early]
    late = await store.best_reps(GUILD, 1000, since=DAY.replace(day=3))
    assert [b.rep.time_s for b in late] == [184.0]
    await store.set_athlete(GUILD, BOB, "Bob", hidden=True)
    board = await store.best_reps(GUILD, 1000, per_athlete=True, viewer_id=ALICE)
    assert [b.athlete_name for b in board] == ["Alice"]
    board = await store.best_reps(GUILD, 1000, per_athlete=True, viewer_id=BOB)
    assert [b.athlete_name for b in board] == ["Bob", "Alice"]


async def test_best_reps_matches_a_mile_given_with_float_noise(store):
    await store.log_session(session(reps=reps(1609.3440000000001, 300.0)))
    best = await store.best_reps(GUILD, 1609.344)
    assert [b.rep.distance_m for b in best] == [1609.344]


async def test_untimed_reps_are_not_ranked(store):
    untimed = (NewRep(index=0, distance_m=1000.0), NewRep(index=1, duration_s=60.0, time_s=60.0))
    await store.log_session(session(reps=untimed))
    assert await store.best_reps(GUILD, 1000) == []


async def test_workout_history_by_key_and_dates(store):
    a = (await store.log_session(session(workout_key="8x400"))).session_id
    b = (await store.log_session(session(workout_key="8x400", day=DAY.replace(day=20)))).session_id
    c = (
        await store.log_session(session(athlete_id=BOB, athlete_name="Bob", workout_key="8x400"))
    ).session_id
    await store.log_session(session(workout_key="6x1000"))
    assert [r.id for r in await store.workout_history(GUILD, "8x400")] == [b, c, a]
    page = await store.workout_history(GUILD, "8x400", limit=2, offset=1)
    assert [r.id for r in page] == [c, a]
    assert [r.id for r in await store.workout_history(GUILD, "8x400", athlete_id=BOB)] == [c]
    since = await store.workout_history(GUILD, "8x400", since=DAY.replace(day=10))
    assert [r.id for r in since] == [b]
    assert await store.workout_history(GUILD, "5x1mi") == []


async def test_sessions_on_a_wod_and_a_wod_of_another_guild(store):
    from tests.storage.factories import wod

    mine = await store.schedule_wod(wod())
    theirs = await store.schedule_wod(wod(guild_id=OTHER_GUILD))
    a = (await store.log_session(session(wod_id=mine.id))).session_id
    b = await store.log_session(session(athlete_id=BOB, athlete_name="B", wod_id=mine.id))
    await store.log_session(session())  # not on the WOD
    results = await store.wod_results(GUILD, mine.id)
    assert [r.id for r in results] == [a, b.session_id]
    assert [len(r.reps) for r in results] == [3, 3]
    assert await store.wod_results(OTHER_GUILD, mine.id) == []
    with pytest.raises(NotFound, match=f"#{theirs.id}"):
        await store.log_session(session(wod_id=theirs.id))
    with pytest.raises(NotFound):
        await store.log_session(session(wod_id=12345))


async def test_count_sessions_since_uses_the_clock(store, clock):
    start = clock.now
    await store.log_session(session())
    clock.advance(minutes=10)
    await store.log_session(session())
    await store.log_session(session(athlete_id=BOB, athlete_name="Bob"))
    assert await store.count_sessions_since(GUILD, ALICE, start) == 2
    assert await store.count_sessions_since(GUILD, ALICE, start + dt.timedelta(minutes=1)) == 1
    assert await store.count_sessions_since(GUILD, ALICE, clock.advance(seconds=1)) == 0


async def test_team_sessions_between_days(store):
    a = (await store.log_session(session(day=DAY))).session_id
    b = (await store.log_session(session(athlete_id=COACH, athlete_name="C", day=DAY))).session_id
    await store.log_session(session(day=DAY - dt.timedelta(days=1)))
    rows = await store.team_sessions(GUILD, DAY, DAY)
    assert [r.id for r in rows] == [b, a]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("notes", "x" * 4001, "notes is 4001 characters"),
        ("workout_text", "x" * 5000, "workout text"),
        ("workout_key", "k" * 201, "workout key"),
        ("splits_s", (1.0,) * 1001, "at most 1000 splits"),
        ("reps", reps(100.0, *([10.0] * 501)), "at most 500 reps"),
        ("reps", (NewRep(index=0), NewRep(index=0)), "distinct"),
    ],
)
async def test_oversized_or_inconsistent_input_is_refused_and_nothing_is_stored(
    store, field, value, message
):
    with pytest.raises(ValueError, match=message):
        await store.log_session(session(**{field: value}))
    assert await store.recent_sessions(GUILD, ALICE, include_hidden=True) == []


async def test_a_failed_write_leaves_nothing_behind(store):
    # The second rep cannot be stored (a list is no SQL value): the session row, the athlete
    # and the first rep, already inserted in that transaction, must go too.
    bad = (NewRep(index=0, time_s=1.0), NewRep(index=1, time_s=[1.0]))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.Error):
        await store.log_session(session(reps=bad))
    assert await store.recent_sessions(GUILD, ALICE, include_hidden=True) == []
    assert await rep_count(store) == 0
    assert await store.athlete(GUILD, ALICE) is None


async def test_naive_times_and_datetimes_for_days_are_refused(store):
    with pytest.raises(ValueError, match="time zone"):
        await store.count_sessions_since(GUILD, ALICE, dt.datetime(2026, 1, 1))
    with pytest.raises(TypeError, match="calendar day"):
        await store.log_session(session(day=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))


async def test_an_interaction_id_is_never_matched_across_guilds(store):
    await store.log_session(session(interaction_id=31))
    with pytest.raises(sqlite3.IntegrityError):
        await store.log_session(session(guild_id=OTHER_GUILD, interaction_id=31))
    assert await store.recent_sessions(OTHER_GUILD, ALICE, include_hidden=True) == []


async def test_leaderboard_in_a_date_range_takes_each_athletes_best_in_that_range(store):
    await store.log_session(session(day=DAY.replace(day=1), reps=reps(1000.0, 170.0)))
    await store.log_session(session(day=DAY.replace(day=9), reps=reps(1000.0, 188.0, 186.0)))
    await store.log_session(
        session(athlete_id=BOB, athlete_name="Bob", day=DAY.replace(day=9), reps=reps(1000.0, 187))
    )
    board = await store.best_reps(GUILD, 1000, per_athlete=True, since=DAY.replace(day=5))
    assert [(b.athlete_id, b.rep.time_s, b.rep.index) for b in board] == [
        (ALICE, 186.0, 1),
        (BOB, 187.0, 0),
    ]
    board = await store.best_reps(GUILD, 1000, per_athlete=True, limit=1)
    assert [(b.athlete_id, b.rep.time_s) for b in board] == [(ALICE, 170.0)]


async def test_log_check_reads_settings_count_and_a_logged_message_in_one_go(store, clock):
    await store.update_guild_settings(GUILD, timezone="Europe/Paris")
    start = clock.now
    first = await store.log_session(session(message_id=300, interaction_id=None))
    clock.advance(minutes=10)
    await store.log_session(session(message_id=None, interaction_id=7))
    await store.log_session(session(athlete_id=BOB, athlete_name="Bob", message_id=None,
                                    interaction_id=8))
    check = await store.log_check(GUILD, ALICE, start, message_id=300)
    assert check.settings.timezone == "Europe/Paris"
    assert check.recent == await store.count_sessions_since(GUILD, ALICE, start) == 2
    assert check.logged_as == first.session_id
    later = await store.log_check(GUILD, ALICE, start + dt.timedelta(minutes=1), message_id=301)
    assert (later.recent, later.logged_as) == (1, None)
    elsewhere = await store.log_check(OTHER_GUILD, ALICE, start, message_id=300)
    assert (elsewhere.settings.timezone, elsewhere.recent, elsewhere.logged_as) == (
        "UTC", 0, None)
