"""Interactions from the gateway are built a slice at a time, in order, between loop steps."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.intake import AcksFirst, InteractionIntake
from bot.localdiscord import LocalDiscord, ManualClock
from bot.pacer import InThreadCharts, Pacer
from bot.settings import Settings


async def test_a_burst_is_built_over_several_steps_in_the_order_received() -> None:
    built: list[int] = []
    between: list[int] = []  # what was built each time the loop ran something else

    intake = InteractionIntake(built.append, slice_s=0.0)  # one interaction a slice
    for n in range(5):
        intake(n)  # the gateway reader's step: all five received at once
    assert built == [] and intake.waiting == 5
    while intake.waiting:
        between.append(len(built))
        await asyncio.sleep(0)
    assert built == [0, 1, 2, 3, 4]
    assert between == [0, 1, 2, 3, 4]  # other callbacks ran between one and the next


async def test_one_unreadable_interaction_does_not_stop_the_others() -> None:
    built: list[int] = []

    def parse(data: Any) -> None:
        if data == 1:
            raise KeyError("member")
        built.append(data)

    intake = InteractionIntake(parse)
    for n in range(3):
        intake(n)
    while intake.waiting:
        await asyncio.sleep(0)
    assert built == [0, 2]


async def test_closing_drops_what_is_queued() -> None:
    built: list[int] = []
    intake = InteractionIntake(built.append)
    intake(1)
    intake.close()
    intake(2)
    await asyncio.sleep(0)
    assert built == [] and intake.waiting == 0


async def test_the_bot_answers_a_burst_through_the_intake(tmp_path: Path) -> None:
    async with LocalDiscord(clock=ManualClock()) as discord:
        guild = discord.add_guild("Track Club")
        people = [guild.add_member(f"runner{i}") for i in range(4)]
        channel = guild.add_channel("training")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False,
                    charts=InThreadCharts())
        async with discord.run_bot(bot):
            await bot.tree.sync()
            assert bot.intake is not None
            slices = bot.intake.slices
            replies = [await discord.slash(people[n % 4], channel, "ping", wait=False)
                       for n in range(30)]
            await discord.wait_until(lambda: all(r.acknowledged for r in replies),
                                     what="every /ping answered")
            assert all(r.content == "Pong: Pacer is awake." for r in replies)
            assert bot.intake.slices > slices


async def test_work_after_an_acknowledgement_waits_for_the_others() -> None:
    built: list[int] = []
    intake = InteractionIntake(built.append, slice_s=0.0)  # one interaction a slice
    acks = AcksFirst(intake)
    done: list[str] = []

    async def store() -> None:
        await acks.wait()
        done.append(f"stored after {len(built)} built")

    with acks.acknowledging():  # one handler before its first answer
        for n in range(3):
            intake(n)
        task = asyncio.create_task(store())
        while intake.waiting:
            await asyncio.sleep(0)
        assert acks.busy and not task.done()  # all built, one still acknowledging
        done.append("acknowledged")
    await task
    assert done == ["acknowledged", "stored after 3 built"]
    assert not acks.busy


async def test_work_waits_for_interactions_not_built_yet() -> None:
    built: list[int] = []
    intake = InteractionIntake(built.append, slice_s=0.0)
    acks = AcksFirst(intake)
    for n in range(3):
        intake(n)
    assert acks.busy
    await acks.wait()
    assert built == [0, 1, 2]


async def test_the_wait_is_bounded() -> None:
    acks = AcksFirst(None, at_most_s=0.0)
    with acks.acknowledging():
        await acks.wait()  # returns though an interaction is still to be acknowledged
        assert acks.busy
