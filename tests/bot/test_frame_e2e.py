"""The frame end to end: the real discord.py client talking to the local Discord."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import discord
import pytest

from bot.extensions import EXTENSIONS
from bot.localdiscord import LocalDiscord
from bot.pacer import Pacer
from bot.settings import Settings
from cogs.meta import _leaf_commands

from .conftest import Env


async def test_start_up_opens_store_loads_cogs_and_silences_mentions(pacer_env: Env) -> None:
    bot = pacer_env.bot
    assert bot.is_ready()
    assert set(EXTENSIONS) <= set(bot.extensions)
    assert await bot.store.schema_version() >= 1
    assert bot.allowed_mentions is not None
    assert bot.allowed_mentions.to_dict() == {"parse": []}
    assert bot.intents.message_content is False and bot.intents.members is False


async def test_close_unloads_cogs_and_closes_store(tmp_path: Path) -> None:
    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False)
        async with local.run_bot(bot):
            store = bot.store
        assert not bot.extensions
        with pytest.raises(RuntimeError, match="only between setup_hook and close"):
            bot.store  # noqa: B018
        with pytest.raises(ValueError):  # aiosqlite refuses work on a closed connection
            await store.schema_version()
    # The database file is there and readable after shutdown.
    assert sqlite3.connect(tmp_path / "p.db").execute("PRAGMA user_version").fetchone()[0] >= 1


async def test_date_parser_is_warmed_up_off_the_loop(tmp_path: Path) -> None:
    from bot import dates_warmup

    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"))
        async with local.run_bot(bot):
            assert bot.dates_ready is not None
            await bot.dates_ready
            from bot.training import dates

            assert dates._parser is not None
            assert dates_warmup.date_parser().get_date_data("yesterday").date_obj is not None


def handled(env: Env) -> asyncio.Future[tuple[discord.Interaction, str]]:
    """The next `command_handled` event (the tree's log line has been written by then)."""
    return asyncio.ensure_future(env.bot.wait_for("command_handled", timeout=5))


async def test_trivial_command_and_its_log_line(
    pacer_env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="pacer.commands"):
        done = handled(pacer_env)
        reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "ping")
        interaction, outcome = await done
    assert interaction.id == reply.id and outcome == "ok"
    assert reply.content == "Pong: Pacer is awake." and reply.ephemeral
    lines = [r.getMessage() for r in caplog.records if r.name == "pacer.commands"]
    assert len(lines) == 1
    assert lines[0].startswith("/ping ok in ") and f"interaction {reply.id}" in lines[0]
    assert " ms " in lines[0]


async def test_help_lists_every_command_with_an_example(pacer_env: Env) -> None:
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "help")
    assert reply.ephemeral
    text = reply.embeds[0]["description"]
    slash = pacer_env.bot.tree.get_commands(type=discord.AppCommandType.chat_input)
    for command in _leaf_commands(slash):  # a group is listed by its subcommands
        assert f"**/{command.qualified_name}** — {command.description}" in text
    assert "e.g. `/bad text: 2:26`" in text  # a test command registered later is listed too


async def test_bug_is_answered_vaguely_and_logged_with_interaction_id(
    pacer_env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        done = handled(pacer_env)
        reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "boom")
        await done
    assert reply.ephemeral and "went wrong" in (reply.content or "")
    assert "internal detail" not in (reply.content or "")
    logged = [r for r in caplog.records if r.name == "bot.tree" and r.levelno == logging.ERROR]
    assert len(logged) == 1 and str(reply.id) in logged[0].getMessage()
    assert logged[0].exc_info is not None and isinstance(logged[0].exc_info[1], KeyError)
    summary = [r.getMessage() for r in caplog.records if r.name == "pacer.commands"]
    assert summary and summary[0].startswith("/boom failed (KeyError) in ")


async def test_bad_input_says_what_and_shows_the_commands_example(pacer_env: Env) -> None:
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "bad", text="2;26")
    assert reply.ephemeral
    assert reply.content == "“2;26” is not a split.\nExample: `/bad text: 2:26`"


async def test_parse_error_says_where_and_what_works(pacer_env: Env) -> None:
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "parse", text="6x4q")
    assert reply.ephemeral
    assert reply.content == "Unknown unit (at column 4: “q”). Try: 6 x 400m."


async def test_failure_after_defer_is_followed_up(pacer_env: Env) -> None:
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "deferboom")
    assert reply.response_kind == "deferred"
    await reply.wait_for(lambda r: r.message is not None and not r.message.loading)
    assert reply.message is not None and reply.message.ephemeral
    assert reply.message.content == "Nothing to show yet."
    assert not reply.errors


async def test_command_that_forgets_to_answer_is_answered(pacer_env: Env) -> None:
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "silent")
    assert reply.response_kind == "message" and reply.ephemeral and reply.content == "Done."


async def test_slow_unacknowledged_command_is_caught_by_the_deadline(
    pacer_env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    cog = pacer_env.bot.get_cog("FrameTest")
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "late", wait=False)
    await cog.entered.wait()  # type: ignore[union-attr]
    pacer_env.clock.advance(3.01)  # Discord's 3 s passes with no answer
    with caplog.at_level(logging.INFO):
        done = handled(pacer_env)
        cog.release.set()  # type: ignore[union-attr]
        _, outcome = await done
    assert outcome == "failed (NotFound)"
    assert reply.error_codes == [10062]  # Discord refused the late answer...
    assert not reply.acknowledged and not reply.followups  # ...and nothing else was tried
    warned = [r.getMessage() for r in caplog.records if r.name == "bot.tree"]
    assert warned == [
        f"interaction {reply.id} (/late) expired before it was answered (10062); ignored"
    ]


async def test_button_failure_is_answered_ephemerally(pacer_env: Env) -> None:
    shown = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "broken")
    assert shown.message is not None
    reply = await pacer_env.discord.press(pacer_env.ana, shown.message, "Break")
    assert reply.ephemeral
    assert reply.content == "That button needs a session first.\nExample: `/log splits: 2:26`"


@pytest.mark.parametrize("text", ["@everyone look", "@here now", "hi <@{ana}> and <@&{role}>"])
async def test_text_a_user_typed_pings_nobody(pacer_env: Env, text: str) -> None:
    role = pacer_env.guild.role("coach")
    text = text.format(ana=pacer_env.ana.id, role=role.id)
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "echo", text=text)
    await reply.wait_for(lambda r: len(r.followups) == 1)
    posted = await pacer_env.discord.wait_for_message(
        pacer_env.training, lambda m: m.webhook_id is None and m.content == text
    )
    for message in (reply.message, reply.followups[0], posted):
        assert message is not None and message.content == text
        assert message.pings().nobody, message.pings()
    bad = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "bad", text=text)
    assert bad.message is not None and bad.message.pings().nobody


async def test_user_error_text_is_bounded(pacer_env: Env) -> None:
    reply = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "bad", text="x" * 3000)
    assert reply.content is not None and len(reply.content) <= 2000 and not reply.errors



async def test_modal_failure_is_answered_ephemerally(pacer_env: Env) -> None:
    opened = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "form")
    assert opened.modal is not None
    reply = await pacer_env.discord.submit_modal(pacer_env.ana, opened.modal, {"Splits": "fast"})
    assert reply.ephemeral
    assert reply.content == "“fast” has no splits in it.\nExample: `2:26 2:28`"


async def test_dynamic_button_failure_is_answered_ephemerally(pacer_env: Env) -> None:
    shown = await pacer_env.discord.slash(pacer_env.ana, pacer_env.training, "session-button")
    assert shown.message is not None
    reply = await pacer_env.discord.press(pacer_env.ana, shown.message, "Delete")
    assert reply.ephemeral and reply.content == "Session 7 is already gone."


def test_now_comes_from_the_injected_clock() -> None:
    from datetime import UTC, datetime

    moment = datetime(2026, 3, 1, 6, 30, tzinfo=UTC)
    assert Pacer(Settings(), clock=lambda: moment, warm_up_dates=False).now() == moment
    assert Pacer(Settings(), warm_up_dates=False).now().tzinfo is UTC
