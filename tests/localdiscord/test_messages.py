"""Message ids and nonces as Discord makes them: snowflakes of the time they were made (so a
bot can page `after=` a moment), a nonce echoed on create only, `enforce_nonce` deduplicating."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import discord
import pytest

from bot.localdiscord.rest import NONCE_WINDOW

from .conftest import Env

# Ahead of the ids the fixture's world was made with (ids never go back).
T0 = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)


class Wall:
    """A wall clock the test moves."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def wall(env: Env) -> Wall:
    wall = Wall(T0)
    env.discord.world.wall = wall
    return wall


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


def channel(env: Env) -> discord.TextChannel:
    found = env.bot.get_channel(env.training.id)
    assert isinstance(found, discord.TextChannel)
    return found


async def post(
    http: aiohttp.ClientSession, env: Env, body: dict[str, Any], path: str = ""
) -> tuple[int, Any]:
    """POST a message as the bot, over raw HTTP (discord.py always adds `enforce_nonce`)."""
    url = f"{env.discord.api_url}/channels/{env.training.id}/messages{path}"
    headers = {"Content-Type": "application/json", "Authorization": f"Bot {env.discord.token}"}
    async with http.post(url, data=json.dumps(body), headers=headers) as response:
        return response.status, await response.json()


async def test_ids_are_snowflakes_of_when_messages_were_made(env: Env, wall: Wall) -> None:
    first = await channel(env).send("before")
    wall.now += dt.timedelta(minutes=10)
    later = [await channel(env).send(f"after {k}") for k in range(3)]
    assert first.created_at == T0
    assert [m.created_at for m in later] == [T0 + dt.timedelta(minutes=10)] * 3
    assert [m.id for m in later] == sorted({m.id for m in later})  # same moment, still unique


async def test_history_after_a_moment_pages_oldest_first(env: Env, wall: Wall) -> None:
    await env.discord.say(env.ana, env.training, "old news")
    wall.now += dt.timedelta(minutes=1)
    for k in range(250):  # three pages of 100
        await env.discord.say(env.ana, env.training, f"message {k}")
    after = T0 + dt.timedelta(seconds=30)
    seen = [m.content async for m in channel(env).history(limit=None, after=after)]
    assert seen == [f"message {k}" for k in range(250)]


async def test_the_nonce_is_echoed_on_create_and_never_on_fetch(
    env: Env, wall: Wall, http: aiohttp.ClientSession
) -> None:
    status, created = await post(http, env, {"content": "hi", "nonce": "n-1"})
    assert (status, created["nonce"]) == (200, "n-1")
    message = await channel(env).fetch_message(int(created["id"]))
    assert message.nonce is None


async def test_a_nonce_over_25_characters_is_refused(
    env: Env, wall: Wall, http: aiohttp.ClientSession
) -> None:
    status, body = await post(http, env, {"content": "hi", "nonce": "x" * 26})
    assert (status, body["code"]) == (400, 50035)
    assert "nonce" in body["errors"]
    assert env.training.messages == []


async def test_enforce_nonce_returns_the_earlier_message_instead_of_a_second(
    env: Env, wall: Wall
) -> None:
    first = await channel(env).send("WOD", nonce="wod1")
    wall.now += NONCE_WINDOW - dt.timedelta(seconds=1)
    again = await channel(env).send("WOD, late", nonce="wod1")
    assert again.id == first.id and again.content == "WOD"
    assert [m.content for m in env.training.messages] == ["WOD"]
    other = await channel(env).send("another", nonce="wod2")
    assert other.id != first.id


async def test_enforce_nonce_remembers_only_a_few_minutes(env: Env, wall: Wall) -> None:
    first = await channel(env).send("WOD", nonce="wod1")
    wall.now += NONCE_WINDOW + dt.timedelta(seconds=1)
    again = await channel(env).send("WOD", nonce="wod1")
    assert again.id != first.id
    assert len(env.training.messages) == 2


async def test_a_nonce_without_enforce_nonce_does_not_deduplicate(
    env: Env, wall: Wall, http: aiohttp.ClientSession
) -> None:
    for _ in range(2):
        status, _body = await post(http, env, {"content": "hi", "nonce": "same"})
        assert status == 200
    assert len(env.training.messages) == 2


async def test_a_deleted_message_is_not_returned_for_its_nonce(env: Env, wall: Wall) -> None:
    first = await channel(env).send("WOD", nonce="wod1")
    await first.delete()
    again = await channel(env).send("WOD", nonce="wod1")
    assert again.id != first.id
    assert [m.content for m in env.training.visible_messages()] == ["WOD"]


async def test_a_held_answer_comes_only_once_released(
    env: Env, wall: Wall, http: aiohttp.ClientSession
) -> None:
    env.discord.hold_next("POST", r"^/channels/\d+/messages$")
    sending = asyncio.create_task(post(http, env, {"content": "lost in transit?"}))
    await env.discord.wait_until(lambda: len(env.training.messages) == 1, what="the message")
    assert not sending.done()  # made, but the sender has not heard of it
    after = await channel(env).send("next")  # only the next one was held
    env.discord.release_held()
    status, sent = await asyncio.wait_for(sending, 5.0)
    assert status == 200
    assert [m.id for m in env.training.messages] == [int(sent["id"]), after.id]
