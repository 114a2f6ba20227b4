from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from storage import Store, WodDraft
from tests.storage.factories import COACH, DAY, GUILD, OTHER_GUILD, wod

AT = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)


async def test_schedule_and_read_back(store, clock):
    paris = dt.timezone(dt.timedelta(hours=1))
    w = await store.schedule_wod(
        wod(publish_at=AT.astimezone(paris), workout_json={"text": "8 x 400m"})
    )
    assert (w.status, w.publish_at, w.day, w.created_at) == ("scheduled", AT, DAY, clock.now)
    assert w.publish_at.tzinfo == dt.UTC
    assert w.workout_json() == {"text": "8 x 400m"}
    assert await store.wod(GUILD, w.id) == w
    assert await store.wod(OTHER_GUILD, w.id) is None


async def test_due_wods_and_next_time(store):
    assert await store.next_wod_at() is None
    late = await store.schedule_wod(wod(publish_at=AT + dt.timedelta(hours=2)))
    early = await store.schedule_wod(wod(guild_id=OTHER_GUILD, publish_at=AT))
    assert await store.next_wod_at() == AT
    assert await store.due_wods(AT - dt.timedelta(seconds=1)) == []
    assert [w.id for w in await store.due_wods(AT)] == [early.id]
    assert [w.id for w in await store.due_wods(AT + dt.timedelta(days=1))] == [early.id, late.id]
    with pytest.raises(ValueError, match="time zone"):
        await store.due_wods(dt.datetime(2026, 3, 2))


async def test_claim_post_protocol(store, clock):
    w = await store.schedule_wod(wod(publish_at=AT))
    claimed = await store.claim_wod(w.id, AT)
    assert claimed is not None and claimed.status == "posting"
    assert claimed.claim_token and claimed.claimed_at == AT
    assert await store.claim_wod(w.id, AT) is None  # taken
    assert await store.due_wods(AT + dt.timedelta(hours=1)) == []  # never handed out again
    assert await store.next_wod_at() is None
    assert not await store.mark_wod_posted(w.id, "not-the-token", 1, AT)
    assert await store.mark_wod_posted(w.id, claimed.claim_token, 4242, AT)
    assert not await store.mark_wod_posted(w.id, claimed.claim_token, 4343, AT)  # once only
    posted = await store.wod(GUILD, w.id)
    assert posted is not None
    assert (posted.status, posted.message_id, posted.posted_at) == ("posted", 4242, AT)
    assert not await store.cancel_wod(GUILD, w.id)
    assert await store.edit_wod(GUILD, w.id, notes="too late") is None


async def test_crash_while_posting_leaves_a_row_in_doubt_that_can_be_resolved(store):
    a = await store.schedule_wod(wod(publish_at=AT))
    b = await store.schedule_wod(wod(publish_at=AT))
    ca, cb = await store.claim_wod(a.id, AT), await store.claim_wod(b.id, AT)
    assert ca is not None and cb is not None and ca.claim_token != cb.claim_token
    # Restart: both are in doubt. One was found in the channel, the other was not sent.
    assert [w.id for w in await store.wods_in_doubt()] == [a.id, b.id]
    assert await store.mark_wod_posted(a.id, ca.claim_token, 1, AT)
    assert await store.release_wod(b.id, cb.claim_token)
    assert await store.wods_in_doubt() == []
    assert [w.id for w in await store.due_wods(AT)] == [b.id]
    again = await store.claim_wod(b.id, AT)
    assert again is not None and again.claim_token != cb.claim_token
    # The first claim is stale now: it can no longer record anything.
    assert not await store.mark_wod_failed(b.id, cb.claim_token, "late")
    assert await store.mark_wod_failed(b.id, again.claim_token, "Missing Access")
    failed = await store.wod(GUILD, b.id)
    assert failed is not None and (failed.status, failed.failure) == ("failed", "Missing Access")


async def test_missed_and_cancelled_only_from_scheduled(store):
    a = await store.schedule_wod(wod(publish_at=AT))
    b = await store.schedule_wod(wod(publish_at=AT))
    assert await store.mark_wod_missed(a.id)
    assert not await store.mark_wod_missed(a.id)
    assert not await store.cancel_wod(OTHER_GUILD, b.id)
    assert await store.cancel_wod(GUILD, b.id)
    assert await store.claim_wod(a.id, AT) is None and await store.claim_wod(b.id, AT) is None
    statuses = {w.id: w.status for w in await store.list_wods(GUILD)}
    assert statuses == {a.id: "missed", b.id: "cancelled"}


async def test_edit_while_scheduled(store):
    w = await store.schedule_wod(wod(publish_at=AT))
    later = AT + dt.timedelta(hours=1)
    edited = await store.edit_wod(
        GUILD, w.id, workout_text="10 x 400m", workout_key="10x400", notes=None, publish_at=later
    )
    assert edited is not None
    assert (edited.workout_text, edited.workout_key, edited.notes, edited.publish_at) == (
        "10 x 400m",
        "10x400",
        None,
        later,
    )
    assert edited.channel_id == w.channel_id
    assert await store.edit_wod(OTHER_GUILD, w.id, notes="x") is None
    with pytest.raises(ValueError, match="workout text"):
        await store.edit_wod(GUILD, w.id, workout_text=None)  # type: ignore[arg-type]


async def test_list_and_wod_for_day(store):
    d2 = DAY + dt.timedelta(days=1)
    first = await store.schedule_wod(wod(publish_at=AT))
    second = await store.schedule_wod(wod(publish_at=AT + dt.timedelta(hours=10)))
    tomorrow = await store.schedule_wod(wod(day=d2, publish_at=AT + dt.timedelta(days=1)))
    await store.schedule_wod(wod(guild_id=OTHER_GUILD))
    wday = await store.wod_for_day(GUILD, DAY)
    assert wday is not None and wday.id == second.id  # latest if none posted
    c = await store.claim_wod(first.id, AT)
    assert c is not None and c.claim_token is not None
    await store.mark_wod_posted(first.id, c.claim_token, 9, AT)
    wday = await store.wod_for_day(GUILD, DAY)
    assert wday is not None and wday.id == first.id  # the posted one wins
    await store.cancel_wod(GUILD, tomorrow.id)
    assert await store.wod_for_day(GUILD, d2) is None
    assert [w.id for w in await store.list_wods(GUILD)] == [tomorrow.id, second.id, first.id]
    posted = await store.list_wods(GUILD, statuses=("posted", "failed"))
    assert [w.id for w in posted] == [first.id]
    assert [w.id for w in await store.list_wods(GUILD, since=d2)] == [tomorrow.id]
    assert [w.id for w in await store.list_wods(GUILD, until=DAY, limit=1)] == [second.id]
    with pytest.raises(ValueError, match="unknown WOD status"):
        await store.list_wods(GUILD, statuses=("done",))  # type: ignore[arg-type]


async def test_two_dispatchers_on_two_connections_claim_each_wod_once(db_path, clock):
    first = await Store.open(db_path, clock=clock)
    second = await Store.open(db_path, clock=clock)
    try:
        ids = [(await first.schedule_wod(wod(publish_at=AT))).id for _ in range(20)]

        async def dispatch(store: Store) -> list[int]:
            won = []
            for w in await store.due_wods(AT):
                claimed = await store.claim_wod(w.id, AT)
                if claimed is not None:
                    assert claimed.claim_token is not None
                    assert await store.mark_wod_posted(w.id, claimed.claim_token, w.id, AT)
                    won.append(w.id)
            return won

        a, b = await asyncio.gather(dispatch(first), dispatch(second))
        assert sorted(a + b) == ids
        assert not set(a) & set(b)
        assert {w.status for w in await first.list_wods(GUILD)} == {"posted"}
    finally:
        await first.close()
        await second.close()


# -- drafts: /wod forms waiting for the coach's notes ----------------------------------------

KEEP = dt.timedelta(days=1)


def draft(**over: object) -> WodDraft:
    fields: dict[str, object] = dict(
        guild_id=GUILD, author_id=COACH, timezone="America/New_York", workout_text="6 x 1000m",
        publish_at=AT, channel_id=555, title="Hills",
    )
    fields.update(over)
    return WodDraft(**fields)  # type: ignore[arg-type]


async def test_a_draft_is_kept_and_read_back_in_its_guild_only(store, clock):
    saved = await store.save_wod_draft(draft(), keep_for=KEEP)
    assert saved.id > 0 and saved.created_at == clock.now
    assert await store.wod_draft(GUILD, saved.id) == saved
    assert (saved.workout_text, saved.publish_at, saved.channel_id, saved.title) == (
        "6 x 1000m", AT, 555, "Hills"
    )
    assert await store.wod_draft(OTHER_GUILD, saved.id) is None
    edit = await store.save_wod_draft(
        draft(wod_id=7, workout_text=None, publish_at=None, channel_id=None, title=None),
        keep_for=KEEP,
    )
    again = await store.wod_draft(GUILD, edit.id)
    assert again is not None and (again.wod_id, again.workout_text, again.publish_at) == (
        7, None, None
    )


async def test_a_draft_schedules_one_wod_only(store):
    saved = await store.save_wod_draft(draft(), keep_for=KEEP)
    first = await store.schedule_wod_from_draft(wod(), saved.id)
    assert first is not None and first.status == "scheduled"
    assert await store.schedule_wod_from_draft(wod(), saved.id) is None  # submitted twice
    assert await store.wod_draft(GUILD, saved.id) is None
    assert [w.id for w in await store.list_wods(GUILD)] == [first.id]


async def test_a_draft_of_another_guild_schedules_nothing(store):
    saved = await store.save_wod_draft(draft(guild_id=OTHER_GUILD), keep_for=KEEP)
    assert await store.schedule_wod_from_draft(wod(), saved.id) is None
    assert await store.list_wods(GUILD) == []
    assert await store.wod_draft(OTHER_GUILD, saved.id) is not None


async def test_drafts_older_than_their_keep_are_forgotten_on_the_next_save(store, clock):
    old = await store.save_wod_draft(draft(), keep_for=KEEP)
    clock.advance(hours=23)
    recent = await store.save_wod_draft(draft(), keep_for=KEEP)
    clock.advance(hours=2)
    await store.save_wod_draft(draft(), keep_for=KEEP)
    assert await store.wod_draft(GUILD, old.id) is None
    assert await store.wod_draft(GUILD, recent.id) is not None


async def test_dropping_a_draft_and_forgetting_its_guild(store):
    a = await store.save_wod_draft(draft(), keep_for=KEEP)
    b = await store.save_wod_draft(draft(), keep_for=KEEP)
    assert await store.drop_wod_draft(GUILD, a.id)
    assert not await store.drop_wod_draft(GUILD, a.id)
    assert await store.forget_guild(GUILD)
    assert await store.wod_draft(GUILD, b.id) is None


async def test_a_draft_keeps_its_bounds(store):
    with pytest.raises(ValueError, match="title"):
        await store.save_wod_draft(draft(title="x" * 1000), keep_for=KEEP)
