"""Running the bot and syncing its commands, with one-line messages for what a person can fix."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable
from typing import Any, TextIO

import aiohttp
import discord

from bot.pacer import Pacer
from bot.settings import Settings
from storage import StoreError

log = logging.getLogger(__name__)

NO_TOKEN = (
    "DISCORD_TOKEN is not set: put the bot's token in the environment or in .env "
    "(Developer Portal → your app → Bot → Reset Token), or run `pacer sandbox` to try Pacer "
    "locally without one."
)
REJECTED = (
    "Discord rejected DISCORD_TOKEN: check the token in the Developer Portal "
    "(Bot → Reset Token) and set DISCORD_TOKEN again."
)
UNREACHABLE = "Could not reach Discord ({error}): check the network connection and try again."
NO_DATABASE = "Cannot use the database ({error}): check PACER_DB."

BotFactory = Callable[[Settings], Pacer]


def serving_bot(settings: Settings) -> Pacer:
    """The bot `pacer run` serves: its chart process starts with it, in the background, the
    heap start-up leaves is frozen once it is ready, and full collections wait for quiet."""
    return Pacer(settings, start_charts=True, freeze_heap=True, quiet_collections=True)


def _fail(message: str, err: TextIO | None) -> int:
    print(message, file=err or sys.stderr)
    return 2


async def run_bot(
    settings: Settings, *, factory: BotFactory = serving_bot, err: TextIO | None = None
) -> int:
    """Log in and serve until closed (SIGTERM or Ctrl-C close the bot cleanly). Exit status."""
    if not settings.discord_token:
        return _fail(NO_TOKEN, err)
    bot = factory(settings)
    loop = asyncio.get_running_loop()
    # start() returns as soon as close() begins; the closing task is awaited below, or
    # asyncio.run would cancel it half-way and the open database would hang the exit.
    closing: list[asyncio.Task[None]] = []
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(
            signal.SIGTERM, lambda: closing.append(loop.create_task(bot.close()))
        )
    try:
        async with bot:
            await bot.start(settings.discord_token)
    except discord.LoginFailure:
        return _fail(REJECTED, err)
    except StoreError as exc:
        return _fail(NO_DATABASE.format(error=exc), err)
    except (aiohttp.ClientConnectionError, OSError) as exc:
        return _fail(UNREACHABLE.format(error=type(exc).__name__), err)
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGTERM)
        for task in closing:
            await task
    return 0


async def sync_commands(
    settings: Settings,
    guild_id: int | None,
    *,
    factory: BotFactory = Pacer,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Send the command tree to Discord once: to one server (instant) or globally."""
    if not settings.discord_token:
        return _fail(NO_TOKEN, err)
    bot = factory(settings)
    try:
        async with bot:
            await bot.login(settings.discord_token)  # runs setup_hook: the cogs register commands
            guild: Any = None
            if guild_id is not None:
                guild = discord.Object(id=guild_id)
                bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
    except discord.LoginFailure:
        return _fail(REJECTED, err)
    except StoreError as exc:
        return _fail(NO_DATABASE.format(error=exc), err)
    except discord.Forbidden:
        return _fail(
            f"Discord refused the sync for server {guild_id}: invite the bot there with the "
            "applications.commands scope, then try again.",
            err,
        )
    except (aiohttp.ClientConnectionError, OSError) as exc:
        return _fail(UNREACHABLE.format(error=type(exc).__name__), err)
    where = "globally (may take up to an hour to show)" if guild_id is None else (
        f"to server {guild_id}"
    )
    print(f"Synced {len(synced)} commands {where}.", file=out or sys.stdout)
    return 0
