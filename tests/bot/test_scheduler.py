"""The WOD dispatcher against a real store and a fake channel: time moved by hand."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.scheduler import PublishFailed, PublishUncertain, WodDispatcher
from storage import Store, WodRow
from tests.cogs.clock import SteppedClock
from tests.storage.factories import GUILD, wod

T0 = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)
GUARD = 5.0  # a failure guard only: every wait below is on an event


class FakePublisher:
    """Posts into a dict (message id -> WOD id), shared by publishers of one 'channel'."""

    def __init__(self, channel: dict[int, int]) -> None:
        self.channel = channel
        self.sent: list[tuple[int, dt.timedelta | None]] = []
        self.reports: list[tuple[int, str]] = []
        self.failures: dict[int, Exception] = {}
        self.sent_one = asyncio.Event()

    async def send(self, wod: WodRow, *, late_by: dt.timedelta | None) -> int:
        await asyncio.sleep(0)  # let a racing dispatcher run in between
        failure = self.failures.pop(wod.id, None)
        if failure is not None:
            raise failure
        message_id = 9000 + len(self.channel)
        self.channel[message_id] = wod.id
        self.sent.append((wod.id, late_by))
        self.sent_one.set()
        return message_id

    async def find_post(self, wod: WodRow) -> int | None:
        return next((m for m, w in self.channel.items() if w == wod.id), None)

    async def report(self, wod: WodRow, outcome: str) -> None:
        self.reports.append((wod.id, outcome))


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock(T0)


@pytest.fixture
async def store(tmp_path: Path, clock: SteppedClock) -> AsyncIterator[Store]:
    s = await Store.open(tmp_path / "pacer.db", clock=clock)
    try:
        yield s
    finally:
        await s.close()


@pytest.fixture
def channel() -> dict[int, int]:
    return {}


@pytest.fixture
async def dispatcher(
    store: Store, clock: SteppedClock, channel: dict[int, int]
) -> AsyncIterator[WodDispatcher]:
    d = WodDispatcher(store, FakePublisher(channel), now=clock, sleep_until=clock.sleep_until)
    try:
        yield d
    finally:
        await d.stop()


def fake(d: WodDispatcher) -> FakePublisher:
    assert isinstance(d.publisher, FakePublisher)
    return d.publisher


async def test_sleeps_until_due_then_publishes_once(dispatcher, store, clock):
    due = T0 + dt.timedelta(hours=1)
    w = await store.schedule_wod(wod(publish_at=due))
    dispatcher.start()
    assert await asyncio.wait_for(dispatcher.wait_asleep(), GUARD) == due
    assert fake(dispatcher).sent == []
    clock.advance(minutes=59)
    assert await asyncio.wait_for(dispatcher.wait_asleep(), GUARD) == due
    assert fake(dispatcher).sent == []
    clock.advance(minutes=1)  # no wake(): the dispatcher's own sleep ends
    await asyncio.wait_for(fake(dispatcher).sent_one.wait(), GUARD)
    await asyncio.wait_for(dispatcher.settle(), GUARD)
    row = await store.wod(GUILD, w.id)
    assert row is not None and row.status == "posted"
    assert row.message_id in fake(dispatcher).channel and row.posted_at == due
    assert fake(dispatcher).sent == [(w.id, None)]
    assert dispatcher.sleeping_until is None  # nothing left to wait for


async def test_woken_early_for_an_earlier_wod(dispatcher, store, clock):
    await store.schedule_wod(wod(publish_at=T0 + dt.timedelta(hours=2)))
    dispatcher.start()
    assert await asyncio.wait_for(dispatcher.wait_asleep(), GUARD) == T0 + dt.timedelta(hours=2)
    soon = T0 + dt.timedelta(minutes=10)
    early = await store.schedule_wod(wod(publish_at=soon))
    dispatcher.wake()
    await asyncio.wait_for(dispatcher.wait_asleep(lambda until: until == soon), GUARD)
    clock.advance(minutes=10)
    await asyncio.wait_for(fake(dispatcher).sent_one.wait(), GUARD)
    assert fake(dispatcher).sent == [(early.id, None)]


async def test_two_dispatchers_racing_post_each_wod_once(tmp_path, store, clock, channel):
    rows = [await store.schedule_wod(wod(publish_at=T0)) for _ in range(6)]
    other_store = await Store.open(tmp_path / "pacer.db", clock=clock)
    try:
        a = WodDispatcher(store, FakePublisher(channel), now=clock)
        b = WodDispatcher(other_store, FakePublisher(channel), now=clock)
        await asyncio.gather(a.run_pass(), b.run_pass(), a.run_pass(), b.run_pass())
        sent = [w for w, _ in fake(a).sent + fake(b).sent]
        assert sorted(sent) == sorted(r.id for r in rows)
        assert sorted(channel.values()) == sorted(r.id for r in rows)
        for r in rows:
            row = await store.wod(GUILD, r.id)
            assert row is not None and row.status == "posted" and channel[row.message_id] == r.id
    finally:
        await other_store.close()


async def test_crash_after_sending_is_recorded_not_reposted(dispatcher, store, clock, channel):
    w = await store.schedule_wod(wod(publish_at=T0))
    claimed = await store.claim_wod(w.id, T0)  # a dispatcher claimed it, sent it, then died
    assert claimed is not None
    channel[4242] = w.id
    clock.advance(minutes=2)
    await dispatcher.run_pass()
    row = await store.wod(GUILD, w.id)
    assert row is not None and (row.status, row.message_id) == ("posted", 4242)
    assert fake(dispatcher).sent == []


async def test_crash_before_sending_is_posted_on_recovery(dispatcher, store, clock):
    w = await store.schedule_wod(wod(publish_at=T0))
    assert await store.claim_wod(w.id, T0) is not None  # claimed, died before sending
    clock.advance(minutes=2)
    await dispatcher.run_pass()
    row = await store.wod(GUILD, w.id)
    assert row is not None and row.status == "posted"
    assert fake(dispatcher).sent == [(w.id, None)]


async def test_a_fresh_claim_is_left_to_its_dispatcher(dispatcher, store, clock):
    w = await store.schedule_wod(wod(publish_at=T0))
    assert await store.claim_wod(w.id, T0) is not None  # another dispatcher is sending it
    clock.advance(seconds=30)
    assert await dispatcher.run_pass() == T0 + dispatcher.doubt_grace
    assert (await store.wod(GUILD, w.id)).status == "posting"  # type: ignore[union-attr]
    assert fake(dispatcher).sent == []


async def test_late_within_window_is_posted_with_a_note_and_past_it_missed(
    dispatcher, store, clock
):
    await store.update_guild_settings(GUILD, wod_late_window_min=120)
    late = await store.schedule_wod(wod(publish_at=T0 - dt.timedelta(minutes=90)))
    lost = await store.schedule_wod(wod(publish_at=T0 - dt.timedelta(hours=3)))
    on_time = await store.schedule_wod(wod(publish_at=T0 - dt.timedelta(minutes=1)))
    await dispatcher.run_pass()
    assert sorted(fake(dispatcher).sent) == sorted(
        [(late.id, dt.timedelta(minutes=90)), (on_time.id, None)]
    )
    assert (await store.wod(GUILD, lost.id)).status == "missed"  # type: ignore[union-attr]
    assert fake(dispatcher).reports == [(lost.id, "missed")]


async def test_refused_post_is_marked_failed_and_reported(dispatcher, store):
    w = await store.schedule_wod(wod(publish_at=T0))
    fake(dispatcher).failures[w.id] = PublishFailed("the channel was deleted")
    await dispatcher.run_pass()
    row = await store.wod(GUILD, w.id)
    assert row is not None and (row.status, row.failure) == ("failed", "the channel was deleted")
    assert fake(dispatcher).reports == [(w.id, "failed")]


async def test_uncertain_post_not_found_is_retried_later(dispatcher, store, clock):
    w = await store.schedule_wod(wod(publish_at=T0))
    fake(dispatcher).failures[w.id] = PublishUncertain("timeout")
    again_at = await dispatcher.run_pass()
    assert again_at == T0 + dispatcher.retry_delay
    assert (await store.wod(GUILD, w.id)).status == "scheduled"  # type: ignore[union-attr]
    assert await dispatcher.run_pass() == again_at  # not before its retry time
    assert fake(dispatcher).sent == []
    clock.advance(dispatcher.retry_delay)
    await dispatcher.run_pass()
    assert fake(dispatcher).sent == [(w.id, None)]
    assert (await store.wod(GUILD, w.id)).status == "posted"  # type: ignore[union-attr]


async def test_uncertain_post_that_went_out_is_recorded(dispatcher, store, channel):
    w = await store.schedule_wod(wod(publish_at=T0))

    class SentThenTimedOut(FakePublisher):
        async def send(self, wod: WodRow, *, late_by: dt.timedelta | None) -> int:
            self.channel[777] = wod.id
            raise PublishUncertain("the answer was lost")

    dispatcher.publisher = SentThenTimedOut(channel)
    await dispatcher.run_pass()
    row = await store.wod(GUILD, w.id)
    assert row is not None and (row.status, row.message_id) == ("posted", 777)
    assert list(channel) == [777]


async def test_a_zero_window_still_posts_what_is_on_time(dispatcher, store, clock):
    await store.update_guild_settings(GUILD, wod_late_window_min=0)
    w = await store.schedule_wod(wod(publish_at=T0 - dt.timedelta(seconds=2)))
    old = await store.schedule_wod(wod(publish_at=T0 - dt.timedelta(minutes=6)))
    await dispatcher.run_pass()
    assert fake(dispatcher).sent == [(w.id, None)]
    assert (await store.wod(GUILD, old.id)).status == "missed"  # type: ignore[union-attr]


async def test_a_failing_pass_is_retried_later(dispatcher, store, clock, monkeypatch):
    w = await store.schedule_wod(wod(publish_at=T0))
    calls = 0
    real = store.due_wods

    async def flaky(now, *, limit=50):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 1:
            raise OSError("disk hiccup")
        return await real(now, limit=limit)

    monkeypatch.setattr(store, "due_wods", flaky)
    dispatcher.start()
    retry_at = T0 + dispatcher.retry_delay
    assert await asyncio.wait_for(dispatcher.wait_asleep(), GUARD) == retry_at
    assert fake(dispatcher).sent == []
    clock.advance(dispatcher.retry_delay)
    await asyncio.wait_for(fake(dispatcher).sent_one.wait(), GUARD)
    assert fake(dispatcher).sent == [(w.id, None)]
