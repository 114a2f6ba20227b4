"""`pacer run` and `pacer sync` against the local Discord: tokens, and the synced payload."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.localdiscord import LocalDiscord
from bot.pacer import Pacer
from bot.runner import NO_TOKEN, REJECTED, run_bot, sync_commands
from bot.schema import command_schema
from bot.settings import Settings

TOKEN = "local-bot-token"


@pytest.fixture
def pointed_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Point discord.py at a local Discord (set once the server has a port)."""

    def point(local: LocalDiscord) -> None:
        monkeypatch.setattr(Route, "BASE", local.api_url)
        monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(local.gateway_url))

    yield point


def settings(tmp_path: Path, token: str | None) -> Settings:
    return Settings(discord_token=token, db_path=str(tmp_path / "pacer.db"))


def factory(s: Settings) -> Pacer:
    return Pacer(s, warm_up_dates=False)


async def test_rejected_token_is_one_line_and_never_echoed(tmp_path: Path, pointed_at) -> None:
    async with LocalDiscord(token=TOKEN) as local:
        pointed_at(local)
        err = io.StringIO()
        status = await run_bot(settings(tmp_path, "wrong-secret-token"), factory=factory, err=err)
        assert status == 2
        assert err.getvalue() == REJECTED + "\n"
        assert "wrong-secret-token" not in err.getvalue()
        assert ("GET", "/api/v10/users/@me") in local.requests


async def test_missing_token_says_what_to_do(tmp_path: Path) -> None:
    for run in (run_bot, sync_commands):
        err = io.StringIO()
        args = (settings(tmp_path, None),) if run is run_bot else (settings(tmp_path, None), None)
        assert await run(*args, err=err) == 2  # type: ignore[operator]
        assert err.getvalue() == NO_TOKEN + "\n"
        assert "\n" not in err.getvalue().rstrip("\n")


async def test_sync_sends_exactly_the_offline_schema(tmp_path: Path, pointed_at) -> None:
    expected = await command_schema()
    async with LocalDiscord(token=TOKEN) as local:
        guild = local.add_guild("Track Club")
        pointed_at(local)
        out = io.StringIO()
        status = await sync_commands(settings(tmp_path, TOKEN), None, factory=factory, out=out)
        assert status == 0
        assert out.getvalue().startswith(f"Synced {len(expected)} commands globally")
        assert _comparable(local.synced_commands()) == _comparable(expected)
        assert local.synced_commands(guild) == []

        out = io.StringIO()
        status = await sync_commands(settings(tmp_path, TOKEN), guild.id, factory=factory, out=out)
        assert status == 0 and f"to server {guild.id}" in out.getvalue()
        assert _names(local.synced_commands(guild)) == _names(expected)
        assert len(local.registry.syncs) == 2  # one PUT per `pacer sync`, nothing on start


async def test_sync_with_rejected_token(tmp_path: Path, pointed_at) -> None:
    async with LocalDiscord(token=TOKEN) as local:
        pointed_at(local)
        err = io.StringIO()
        assert await sync_commands(settings(tmp_path, "nope"), None, factory=factory, err=err) == 2
        assert err.getvalue() == REJECTED + "\n"
        assert not local.registry.syncs


def _names(commands: list[dict]) -> list[tuple[int, str]]:
    return sorted((c.get("type", 1), c["name"]) for c in commands)


def _comparable(commands: list[dict]) -> list[dict]:
    """What Discord keeps of each uploaded command, minus the ids it assigns."""
    keys = ("name", "type", "description", "options")
    kept = [{k: c.get(k) or None for k in keys} for c in commands]
    return sorted(kept, key=lambda c: (c["type"], c["name"]))


async def test_unusable_database_is_one_line(tmp_path: Path, pointed_at) -> None:
    (tmp_path / "not-a-db").write_text("this is not sqlite " * 100)
    async with LocalDiscord(token=TOKEN) as local:
        pointed_at(local)
        err = io.StringIO()
        bad = Settings(discord_token=TOKEN, db_path=str(tmp_path / "not-a-db"))
        assert await run_bot(bad, factory=factory, err=err) == 2
        assert err.getvalue().startswith("Cannot use the database (")
        assert err.getvalue().count("\n") == 1


async def test_run_serves_until_closed(tmp_path: Path, pointed_at) -> None:
    import asyncio

    made: list[Pacer] = []
    created = asyncio.Event()

    def recording_factory(s: Settings) -> Pacer:
        bot = Pacer(s, warm_up_dates=False, guild_ready_timeout=0.05)
        made.append(bot)
        created.set()
        return bot

    async with LocalDiscord(token=TOKEN) as local:
        local.add_guild("Track Club")
        pointed_at(local)
        run = asyncio.create_task(run_bot(settings(tmp_path, TOKEN), factory=recording_factory))
        await asyncio.wait_for(created.wait(), timeout=5)
        bot = made[0]
        await asyncio.wait_for(bot.wait_until_ready(), timeout=5)
        assert local.gateway.identifies == 1 and not local.registry.syncs  # no sync on start
        await bot.close()  # what SIGTERM does
        assert await run == 0
        with pytest.raises(RuntimeError):
            bot.store  # noqa: B018
