"""Interactions are answered through the bot's own bounded pool of kept-alive connections."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.localdiscord import Channel, LocalDiscord, ManualClock, Member
from bot.pacer import InThreadCharts, Pacer
from bot.settings import Settings

CALLBACK = r"^/api/v10/interactions/\d+/[^/]+/callback$"


async def ping_many(discord: LocalDiscord, people: list[Member], channel: Channel,
                    count: int) -> None:
    replies = [await discord.slash(people[n % len(people)], channel, "ping", wait=False)
               for n in range(count)]
    await discord.wait_until(lambda: all(r.acknowledged for r in replies), timeout=30,
                             what="every /ping answered")
    assert not any(r.errors for r in replies)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[tuple[LocalDiscord, list[Member], Channel]]:
    async with LocalDiscord(clock=ManualClock()) as discord:
        guild = discord.add_guild("Track Club")
        people = [guild.add_member(f"runner{i}") for i in range(5)]
        yield discord, people, guild.add_channel("training")


def make_bot(tmp_path: Path, connections: int) -> Pacer:
    return Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False,
                 charts=InThreadCharts(), answer_connections=connections)


async def test_a_burst_is_answered_over_the_pool_s_few_connections(
    world: tuple[LocalDiscord, list[Member], Channel], tmp_path: Path
) -> None:
    discord, people, channel = world
    async with discord.run_bot(make_bot(tmp_path, 3)) as bot:
        await bot.tree.sync()
        await ping_many(discord, people, channel, 40)
    assert 1 <= len(discord.connections("POST", CALLBACK)) <= 3


async def test_without_the_pool_each_answer_at_once_opens_a_connection(
    world: tuple[LocalDiscord, list[Member], Channel], tmp_path: Path
) -> None:
    # What the pool replaces: discord.py's own session opens a connection per answer in flight.
    discord, people, channel = world
    async with discord.run_bot(make_bot(tmp_path, 0)) as bot:
        await bot.tree.sync()
        await ping_many(discord, people, channel, 40)
    assert len(discord.connections("POST", CALLBACK)) > 3


async def test_an_answer_held_by_a_429_leaves_the_connection_to_others(
    world: tuple[LocalDiscord, list[Member], Channel], tmp_path: Path
) -> None:
    discord, people, channel = world
    async with discord.run_bot(make_bot(tmp_path, 1)) as bot:
        await bot.tree.sync()
        # The first answer is told to wait far longer than the test runs.
        discord.fail_next("POST", r"/interactions/\d+/[^/]+/callback", retry_after=600.0)
        held = await discord.slash(people[0], channel, "ping", wait=False)
        await discord.wait_until(lambda: len(discord.connections("POST", CALLBACK)) == 1,
                                 what="the first answer refused with a 429")
        # With one connection in the pool, this answer goes through only if the first,
        # asleep until it may try again, does not hold that connection.
        other = await discord.slash(people[1], channel, "ping")
        assert other.acknowledged and not other.errors
        assert not held.acknowledged
        sleeping = [t for t in asyncio.all_tasks() if t.get_name() == "CommandTree-invoker"]
        assert sleeping  # the first, still waiting out its 429
        for task in sleeping:
            task.cancel()
        await asyncio.gather(*sleeping, return_exceptions=True)
