"""Run Pacer in its own process against a local Discord: `python -m bot.localdiscord.serve`.

For tests and benches that must kill the bot without killing the Discord it talks to (SIGKILL
at a random moment, then a restart on the same database). The parent starts a `LocalDiscord`,
then this process with its URL; discord.py's REST base and gateway are pointed there, as
`LocalDiscord.run_bot` does in-process. Nothing here is used when Pacer runs against Discord.

The process prints one line, `ready`, once the bot is connected with every guild available
(and its commands synced, with --sync); it exits cleanly on SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import Any

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.pacer import InThreadCharts, Pacer
from bot.runner import run_bot
from bot.settings import Settings

READY = "ready"


def point_at(url: str) -> None:
    """Send discord.py's REST calls and gateway connection to the local Discord at `url`."""
    Route.BASE = f"{url}/api/v10"
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url.replace("http://", "ws://") + "/gateway")


class ServedPacer(Pacer):
    """Pacer as served here: no 5 s identify pause (the local gateway has no identify limit),
    a short wait for guilds, and a `ready` line on stdout for the parent."""

    def __init__(self, settings: Settings, *, sync: bool, **options: Any) -> None:
        super().__init__(settings, **options)
        self._sync = sync
        self._announced = False
        self._connection.guild_ready_timeout = 0.05

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None

    async def on_ready(self) -> None:
        if self._announced:
            return
        self._announced = True
        if self._sync:
            await self.tree.sync()
        print(READY, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.localdiscord.serve")
    parser.add_argument("url", help="the local Discord, e.g. http://127.0.0.1:41234")
    parser.add_argument("--db", required=True, help="the SQLite database")
    parser.add_argument("--token", default="local-bot-token")
    parser.add_argument("--sync", action="store_true", help="sync the commands once ready")
    parser.add_argument(
        "--charts",
        choices=("process", "thread"),
        default="process",
        help="draw charts in a worker process (as `pacer run` does) or in a thread",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    point_at(args.url)
    settings = Settings(discord_token=args.token, db_path=args.db)

    def factory(s: Settings) -> Pacer:
        charts = InThreadCharts() if args.charts == "thread" else None
        return ServedPacer(s, sync=args.sync, warm_up_dates=False, charts=charts)

    return asyncio.run(run_bot(settings, factory=factory))


if __name__ == "__main__":
    sys.exit(main())
