"""Scheduled posts through the local Discord: due times, restarts, crashes, downtime, deletion."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from tests.cogs.wod_env import GUARD, START, WodEnv

# "tomorrow 6am" in New York on Monday 2 March 2026 (EST, UTC-5).
TOMORROW_6AM = dt.datetime(2026, 3, 3, 11, 0, tzinfo=dt.UTC)


async def test_scheduled_post_goes_out_at_its_time(wod_env: WodEnv) -> None:
    reply = await wod_env.post(when="tomorrow 6am", notes="Hills if it rains")
    assert "Scheduled workout of the day #1 for Tue 03 Mar 06:00 (America/New_York)" in (
        reply.content
    )
    assert await asyncio.wait_for(wod_env.dispatcher.wait_asleep(), GUARD) == TOMORROW_6AM
    wod_env.clock.advance(TOMORROW_6AM - START - dt.timedelta(minutes=1))
    assert await asyncio.wait_for(wod_env.dispatcher.wait_asleep(), GUARD) == TOMORROW_6AM
    assert wod_env.posts() == []
    wod_env.clock.advance(minutes=1)  # the dispatcher wakes on its own
    post = await wod_env.discord.wait_for_message(wod_env.training, timeout=GUARD)
    assert post.embeds[0]["title"] == "Workout of the day · Tuesday 03 March 2026"
    assert "Posted late" not in str(post.embeds[0])
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    row = await wod_env.bot.store.wod(wod_env.guild.id, 1)
    assert row is not None and (row.status, row.message_id, row.day) == (
        "posted", post.id, dt.date(2026, 3, 3)
    )


async def test_an_earlier_post_wakes_the_dispatcher(wod_env: WodEnv) -> None:
    await wod_env.post(when="in 2 hours")
    assert await asyncio.wait_for(wod_env.dispatcher.wait_asleep(), GUARD) == START + dt.timedelta(
        hours=2
    )
    await wod_env.post(when="in 10 minutes")
    soon = START + dt.timedelta(minutes=10)
    await asyncio.wait_for(wod_env.dispatcher.wait_asleep(lambda t: t == soon), GUARD)
    wod_env.clock.advance(minutes=10)
    post = await wod_env.discord.wait_for_message(wod_env.training, timeout=GUARD)
    assert post.embeds[0]["footer"]["text"].endswith("WOD #2")


async def test_restart_before_the_due_time_still_posts_once(wod_env: WodEnv) -> None:
    await wod_env.post(when="tomorrow 6am")
    await wod_env.restart()  # same database file, a new bot and dispatcher
    assert await asyncio.wait_for(wod_env.dispatcher.wait_asleep(), GUARD) == TOMORROW_6AM
    wod_env.clock.advance(TOMORROW_6AM - START)
    await wod_env.discord.wait_for_message(wod_env.training, timeout=GUARD)
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    await wod_env.restart()
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    assert len(wod_env.posts()) == 1
    row = await wod_env.bot.store.wod(wod_env.guild.id, 1)
    assert row is not None and row.status == "posted"


async def crash_between_posting_and_recording(wod_env: WodEnv, *, chatter: int = 0) -> None:
    """Post a WOD, stop the bot after its post went out but before its row says so, let
    `chatter` messages arrive meanwhile, restart it: the post is found, not sent again."""
    await wod_env.post(when="tomorrow 6am")
    stuck = asyncio.Event()

    async def never_records(*args: object) -> bool:
        stuck.set()
        await asyncio.Event().wait()  # the process dies here, before the row says "posted"
        return False

    wod_env.bot.store.mark_wod_posted = never_records  # type: ignore[method-assign]
    wod_env.clock.advance(TOMORROW_6AM - START)
    await asyncio.wait_for(stuck.wait(), GUARD)
    [sent] = wod_env.posts()
    await wod_env.stop()
    await _chatter(wod_env, chatter)
    wod_env.clock.advance(minutes=5)
    reads_before = _history_reads(wod_env)
    await wod_env.start()
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    assert wod_env.posts() == [sent]
    row = await wod_env.bot.store.wod(wod_env.guild.id, 1)
    assert row is not None and (row.status, row.message_id) == ("posted", sent.id)
    # Read from the claim onwards: the post is on the first page, however busy the channel.
    assert _history_reads(wod_env) - reads_before == 1


async def _chatter(env: WodEnv, count: int) -> None:
    for k in range(count):  # the team talks on while Pacer is down
        env.clock.advance(seconds=1)
        await env.discord.say(env.ana, env.training, f"message {k}")


def _history_reads(env: WodEnv) -> int:
    path = f"/api/v10/channels/{env.training.id}/messages"
    return env.discord.requests.count(("GET", path))


async def test_crash_between_posting_and_recording_is_not_posted_twice(wod_env: WodEnv) -> None:
    await crash_between_posting_and_recording(wod_env)


async def test_a_post_in_doubt_is_found_under_a_busy_channel(wod_env: WodEnv) -> None:
    # More messages than any fixed look-back (it once read the newest 1,000).
    await crash_between_posting_and_recording(wod_env, chatter=1100)


async def test_a_second_attempt_at_the_same_wod_gets_its_first_post_back(
    wod_env: WodEnv,
) -> None:
    """A post whose answer was lost and that was not found yet (released, claimed again): the
    resend carries the same nonce, so Discord returns the first post instead of a second."""
    await wod_env.post(when="tomorrow 6am")
    store, publisher = wod_env.bot.store, wod_env.dispatcher.publisher
    first = await store.claim_wod(1, wod_env.clock())
    assert first is not None and first.claim_token is not None
    sent = await publisher.send(first, late_by=None)
    assert await store.release_wod(1, first.claim_token)
    wod_env.clock.advance(minutes=1)
    second = await store.claim_wod(1, wod_env.clock())
    assert second is not None and second.claim_token != first.claim_token
    assert await publisher.send(second, late_by=None) == sent
    assert [p.id for p in wod_env.posts()] == [sent]


@pytest.mark.parametrize("chatter", [0, 1100])
async def test_crash_after_claiming_but_before_sending_posts_on_restart(
    wod_env: WodEnv, chatter: int
) -> None:
    await wod_env.post(when="tomorrow 6am")
    stuck = asyncio.Event()
    cog = wod_env.bot.get_cog("Wod")
    publisher = cog.dispatcher.publisher  # type: ignore[union-attr]

    async def dies_before_sending(*args: object, **kwargs: object) -> int:
        stuck.set()
        await asyncio.Event().wait()
        return 0

    publisher.send = dies_before_sending
    wod_env.clock.advance(TOMORROW_6AM - START)
    await asyncio.wait_for(stuck.wait(), GUARD)
    await wod_env.stop()
    assert (await _status(wod_env, 1, reopen=True)) == "posting"
    await _chatter(wod_env, chatter)
    wod_env.clock.advance(minutes=5)
    await wod_env.start()
    await wod_env.discord.wait_for_message(wod_env.training, timeout=GUARD)
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    assert len(wod_env.posts()) == 1
    assert await _status(wod_env, 1) == "posted"


async def _status(env: WodEnv, wod_id: int, *, reopen: bool = False) -> str:
    if reopen:
        from storage import Store

        async with await Store.open(env.db_path) as store:
            row = await store.wod(env.guild.id, wod_id)
    else:
        row = await env.bot.store.wod(env.guild.id, wod_id)
    assert row is not None
    return row.status


async def test_downtime_catch_up_late_within_window_missed_beyond(wod_env: WodEnv) -> None:
    await wod_env.post(when="in 30 minutes", workout="8 x 400m @ 75")
    await wod_env.post(when="in 3 hours")
    await wod_env.stop()
    wod_env.clock.advance(hours=4)  # the bot was down through both times
    await wod_env.start()
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    [late] = wod_env.posts()
    fields = {f["name"]: f["value"] for f in late.embeds[0]["fields"]}
    assert late.embeds[0]["footer"]["text"].endswith("WOD #2")
    assert "Pacer was offline, 1 h 00 min late." in fields["Posted late"]
    assert await _status(wod_env, 1) == "missed"
    assert await _status(wod_env, 2) == "posted"
    dm = await wod_env.discord.wait_for_message(wod_env.discord.dm(wod_env.coach), timeout=GUARD)
    assert "#1 (8x400m) was due Mon 02 Mar 05:30" in dm.content
    assert "late-post window (180 min)" in dm.content


async def test_late_window_is_a_team_setting(wod_env: WodEnv) -> None:
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod settings", late_window_hours=0.5
    )
    assert "up to 0.5 h late" in reply.content
    await wod_env.post(when="in 10 minutes")
    await wod_env.stop()
    wod_env.clock.advance(hours=1)
    await wod_env.start()
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    assert wod_env.posts() == [] and await _status(wod_env, 1) == "missed"
    refused = await wod_env.discord.slash(
        wod_env.ana, wod_env.training, "wod settings", late_window_hours=9
    )
    assert refused.content.startswith("Only coaches can change")


@pytest.mark.parametrize(("hours", "shown"), [(0, "5 min"), (0.01, "5 min"), (0.25, "15 min"),
                                              (1.5, "1.5 h")])
async def test_late_window_is_shown_as_it_applies(wod_env: WodEnv, hours: float,
                                                  shown: str) -> None:
    """Never `0.0166667 h`, nor `0 h` where Pacer still waits five minutes."""
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod settings", late_window_hours=hours
    )
    assert f"posted up to {shown} late;" in reply.content


async def test_deleted_channel_marks_the_post_failed(wod_env: WodEnv) -> None:
    track = wod_env.guild.add_channel("track")
    await wod_env.post(when="in 1 hour", channel=track)
    track.delete()
    wod_env.clock.advance(hours=1)
    dm = await wod_env.discord.wait_for_message(wod_env.discord.dm(wod_env.coach), timeout=GUARD)
    assert "could not be posted" in dm.content and "the channel was deleted" in dm.content
    row = await wod_env.bot.store.wod(wod_env.guild.id, 1)
    assert row is not None and (row.status, row.failure) == ("failed", "the channel was deleted")
    listing = await wod_env.discord.slash(wod_env.coach, wod_env.training, "wod list")
    assert "failed" in listing.content + str(listing.embeds)
    assert "the channel was deleted" in str(listing.embeds)


async def test_edit_and_cancel_scheduled_posts(wod_env: WodEnv) -> None:
    await wod_env.post(when="tomorrow 6am", notes="old notes")
    opened = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod edit", id=1, when="in 1 hour",
        workout="5 x 1 mile @ 5:20 w/ 2 min rest",
    )
    assert opened.modal is not None and opened.modal.fields()[0].value == "old notes"
    done = await wod_env.discord.submit_modal(wod_env.coach, opened.modal, {"notes": "new"})
    assert "Updated workout of the day #1" in done.content
    soon = START + dt.timedelta(hours=1)
    await asyncio.wait_for(wod_env.dispatcher.wait_asleep(lambda t: t == soon), GUARD)
    await wod_env.post(when="in 2 hours")
    cancelled = await wod_env.discord.slash(wod_env.coach, wod_env.training, "wod cancel", id=2)
    assert "Cancelled workout of the day #2" in cancelled.content
    wod_env.clock.advance(hours=3)
    await wod_env.discord.wait_for_message(wod_env.training, timeout=GUARD)
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
    [post] = wod_env.posts()
    assert "5 x 1 mile" in post.embeds[0]["description"]
    assert await _status(wod_env, 2) == "cancelled"
    again = await wod_env.discord.slash(wod_env.coach, wod_env.training, "wod cancel", id=1)
    assert "is posted: only scheduled ones can be cancelled" in again.content
    edit = await wod_env.discord.slash(wod_env.coach, wod_env.training, "wod edit", id=1)
    assert edit.modal is None and "only scheduled ones can be edited" in edit.content
    listing = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod list")
    recent = listing.embeds[0]["fields"][1]["value"]
    assert "**#1**" in recent and "posted" in recent and "**#2**" in recent
    assert "cancelled" in recent


async def test_ids_are_suggested_by_status(wod_env: WodEnv) -> None:
    await wod_env.post(title="Hills")
    await wod_env.post(when="tomorrow 6am")
    scheduled = await wod_env.discord.autocomplete(
        wod_env.coach, wod_env.training, "wod cancel", "id", ""
    )
    assert [(c["name"], c["value"]) for c in scheduled.choices] == [
        ("#2 · Tue 03 Mar 06:00 · 6x1000m", 2)
    ]
    posted = await wod_env.discord.autocomplete(
        wod_env.ana, wod_env.training, "wod results", "id", "1"
    )
    assert [(c["name"], c["value"]) for c in posted.choices] == [
        ("#1 · Mon 02 Mar 05:00 · Hills", 1)
    ]
