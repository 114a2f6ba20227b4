"""Gateway life cycle: start-up, reconnection, restarts, clean shutdown."""

from __future__ import annotations

import asyncio
import io

import discord
import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.localdiscord import LocalDiscord

from .conftest import Env, SampleBot


async def test_bot_sees_every_guild_with_its_channels_roles_and_members(env: Env) -> None:
    guild = env.bot.get_guild(env.guild.id)

    assert guild is not None
    assert [c.name for c in guild.text_channels] == ["training"]
    assert {r.name for r in guild.roles} == {"@everyone", "Pacer", "coach"}
    ana = guild.get_member(env.ana.id)
    carla = guild.get_member(env.coach.id)
    assert ana is not None and carla is not None
    assert [r.name for r in carla.roles if not r.is_default()] == ["coach"]
    assert carla.guild_permissions.manage_guild and not ana.guild_permissions.manage_guild


async def test_objects_added_while_running_reach_the_bot(env: Env) -> None:
    channel = env.guild.add_channel("races")
    await env.discord.wait_until(lambda: env.bot.get_channel(channel.id) is not None)
    member = env.guild.add_member("dan")
    guild = env.bot.get_guild(env.guild.id)
    assert guild is not None
    await env.discord.wait_until(lambda: guild.get_member(member.id) is not None)


async def test_dropped_connection_resumes_and_replays_missed_events(env: Env) -> None:
    await env.discord.gateway.drop()
    # Sent while the bot may still be disconnected: the RESUME must replay it.
    said = await env.discord.say(env.ana, env.training, "echo still here")
    echoed = await env.discord.wait_for_message(env.training, after=said)

    assert echoed.content == "still here"
    await env.discord.wait_until(lambda: env.bot.resumed_count == 1)
    assert (env.discord.gateway.identifies, env.discord.gateway.resumes) == (1, 1)
    reply = await env.discord.slash(env.ana, env.training, "log", splits="2:26")
    assert reply.content == "2:26 x1 (intervals)"


async def test_invalidated_session_makes_the_bot_identify_again(env: Env) -> None:
    await env.discord.drop_gateway(resumable=False)

    assert env.discord.gateway.identifies == 2
    reply = await env.discord.slash(env.ana, env.training, "log", splits="2:26")
    assert reply.content == "2:26 x1 (intervals)"


async def test_persistent_button_works_after_a_restart() -> None:
    async with LocalDiscord() as local:
        guild = local.add_guild("Track Club")
        ana = guild.add_member("ana")
        training = guild.add_channel("training")
        async with local.run_bot(SampleBot) as bot:
            await bot.tree.sync()
            post = await local.slash(ana, training, "wod post", workout="6x1000")
        assert not local.gateway.connected

        async with local.run_bot(SampleBot):
            assert post.message is not None
            click = await local.press(ana, post.message, "Log my splits")
            assert click.response_kind == "modal"
        assert local.gateway.identifies == 2
        assert len(local.registry.syncs) == 1  # the restart did not sync again


async def test_shutdown_leaves_no_pending_task_and_restores_discord_py() -> None:
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        async with local.run_bot(SampleBot) as bot:
            assert bot.is_ready()
            assert local.api_url == Route.BASE
        assert bot.is_closed()

    assert (base, gateway) == (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
    assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_wrong_token_fails_login() -> None:
    async with LocalDiscord(token="right") as local:
        bot = SampleBot()
        local.token = "wrong"  # the bot logs in with this one; the server expects "right"
        with pytest.raises(discord.LoginFailure):
            async with local.run_bot(bot):
                pass
        assert local.errors[0].status == 401


async def test_unknown_route_answers_a_discord_shaped_404(env: Env) -> None:
    with pytest.raises(discord.NotFound) as caught:
        await env.bot.http.request(Route("GET", "/guilds/{guild_id}/bans", guild_id=env.guild.id))

    assert "no local route for GET /api/v10/guilds" in caught.value.text
    assert env.discord.errors[-1].status == 404


async def test_without_message_content_intent_the_bot_sees_empty_content() -> None:
    class Blind(SampleBot):
        def __init__(self) -> None:
            super().__init__(message_content=False)
            self.seen: list[str] = []

        async def on_message(self, message: discord.Message) -> None:
            self.seen.append(message.content)

    async with LocalDiscord() as local:
        guild = local.add_guild("Track Club")
        ana = guild.add_member("ana")
        training = guild.add_channel("training")
        async with local.run_bot(Blind) as bot:
            await local.say(ana, training, "2:26 / 2:28")
            await local.say(ana, training, f"{local.bot_user.mention} 2:30")
            await local.wait_until(lambda: len(bot.seen) == 2)  # type: ignore[attr-defined]
            assert bot.seen == ["", f"<@{local.bot_user.id}> 2:30"]  # type: ignore[attr-defined]


async def test_rate_limited_request_is_retried_by_the_client(env: Env) -> None:
    env.discord.fail_next("POST", r"^/channels/\d+/messages$")
    said = await env.discord.say(env.ana, env.training, "echo after a 429")
    echoed = await env.discord.wait_for_message(env.training, after=said)

    assert echoed.content == "after a 429"
    posts = [p for m, p in env.discord.requests if m == "POST" and p.endswith("/messages")]
    assert len(posts) == 2  # refused once, then retried


async def test_injected_server_error_reaches_the_bot(env: Env) -> None:
    env.discord.fail_next("POST", "/channels/", status=403, code=50001, message="Missing Access")
    env.bot.announce_channel_id = env.training.id
    reply = await env.discord.slash(env.coach, env.training, "announce", text="race")

    assert reply.content == "cannot post: 403/50001"


async def test_a_failing_command_is_reported_with_the_bots_log(env: Env) -> None:
    @env.bot.tree.command(description="Always fails")
    async def broken(interaction: discord.Interaction) -> None:
        raise ZeroDivisionError("no splits")

    await env.bot.tree.sync()
    reply = await env.discord.slash(env.ana, env.training, "broken", wait=False)
    await env.discord.wait_until(lambda: bool(env.discord.logged_errors))

    assert "Ignoring exception in command 'broken'" in env.discord.logged_errors[0]
    assert "ZeroDivisionError: no splits" in env.discord.logged_errors[0]
    with pytest.raises(TimeoutError, match="the bot logged:"):
        await env.discord.settle(reply, timeout=0)


async def test_channel_message_routes_through_the_bots_own_objects(env: Env) -> None:
    channel = env.bot.get_channel(env.training.id)
    assert isinstance(channel, discord.TextChannel)
    said = await env.discord.say(env.ana, env.training, "first")
    sent = await channel.send("second", file=discord.File(io.BytesIO(b"x,y"), "a.csv"))

    fetched = await channel.fetch_message(said.id)
    assert (fetched.content, fetched.author.name) == ("first", "ana")
    assert [m.content async for m in channel.history(limit=5)] == ["second", "first"]
    await sent.edit(content="second, edited")
    stored = env.training.messages[-1]
    assert stored.content == "second, edited" and stored.files == {"a.csv": b"x,y"}
    with pytest.raises(discord.Forbidden):
        await fetched.edit(content="not yours")  # 403/50005
    await sent.delete()
    assert stored.deleted and env.training.visible_messages() == [env.training.messages[0]]
    with pytest.raises(discord.NotFound):
        await channel.fetch_message(sent.id)
    await fetched.add_reaction("👍")
    assert said.reactions == ["👍"]


@pytest.mark.parametrize(("guild_messages", "expected"), [
    (True, ["MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE"]),
    (False, []),
])
async def test_message_events_reach_only_a_bot_with_the_guild_messages_intent(
    guild_messages: bool, expected: list[str]
) -> None:
    intents = discord.Intents(guilds=True, guild_messages=guild_messages)
    async with LocalDiscord() as local:
        guild = local.add_guild("Track Club")
        training = guild.add_channel("training")
        async with local.run_bot(lambda: discord.Client(intents=intents)) as bot:
            channel = bot.get_channel(training.id)
            assert isinstance(channel, discord.TextChannel)
            message = await channel.send("2:26")
            await message.edit(content="2:27")
            await message.delete()
            assert local.gateway.current is not None
            sent = [f["t"] for f in local.gateway.current.log if f["t"].startswith("MESSAGE_")]
            assert sent == expected
