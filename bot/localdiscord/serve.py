"""Run Pacer in its own process against a local Discord: `python -m bot.localdiscord.serve`.

For tests and benches that must kill the bot without killing the Discord it talks to (SIGKILL
at a random moment, then a restart on the same database). The parent starts a `LocalDiscord`,
then this process with its URL; discord.py's REST base and gateway are pointed there, as
`LocalDiscord.run_bot` does in-process. Nothing here is used when Pacer runs against Discord.

The process prints one line, `ready`, once the bot is connected with every guild available
(and its commands synced, with --sync), then `wod <id> <outcome>` each time its workout-of-the-day
dispatcher records what became of a WOD (so the parent can wait for it); it exits cleanly on
SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot import eventloop
from bot.intake import SLICE_S
from bot.pacer import ANSWER_CONNECTIONS, InThreadCharts, Pacer
from bot.runner import run_bot
from bot.settings import Settings

READY = "ready"
STALL_TICK_S = 0.005


def point_at(url: str) -> None:
    """Send discord.py's REST calls and gateway connection to the local Discord at `url`."""
    Route.BASE = f"{url}/api/v10"
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url.replace("http://", "ws://") + "/gateway")


class ServedPacer(Pacer):
    """Pacer as served here: no 5 s identify pause (the local gateway has no identify limit),
    a short wait for guilds, and a `ready` line on stdout for the parent."""

    def __init__(
        self, settings: Settings, *, sync: bool, stalls: str | None = None, **options: Any
    ) -> None:
        super().__init__(settings, **options)
        self._sync = sync
        self._announced = False
        self._connection.guild_ready_timeout = 0.05
        self._stalls_path = stalls
        self._stalls: list[tuple[float, float, float]] = []
        self._collections: list[tuple[float, int, float, int]] = []
        self._gc_started = 0.0
        self._ticks = 0
        self._watch: asyncio.Task[None] | None = None

    async def setup_hook(self) -> None:
        await super().setup_hook()
        wods: Any = self.get_cog("Wod")
        if wods is not None:
            wods.dispatcher.on_outcome = lambda wod_id, outcome: print(
                f"wod {wod_id} {outcome}", flush=True)
        if self._stalls_path is not None:
            self._watch = asyncio.create_task(self._watch_loop(), name="pacer-loop-watch")
            gc.callbacks.append(self._time_collection)

    def _time_collection(self, phase: str, info: dict[str, int]) -> None:
        """Each garbage collection over 1 ms: (wall time, generation, seconds, collected)."""
        if phase == "start":
            self._gc_started = time.perf_counter()
            return
        took = time.perf_counter() - self._gc_started
        if took > 0.001:
            self._collections.append((time.time(), info["generation"], took, info["collected"]))

    async def _watch_loop(self) -> None:
        """How late the event loop wakes a 5 ms sleep: the longest stall any handler caused.
        With each stall, the CPU time the loop's thread used meanwhile: what is left of the
        stall is time the process waited for a core (other processes on the machine)."""
        while True:
            # Not loop.time(): uvloop's is read once per loop iteration, in milliseconds, and
            # would miss the part of a stall spent in the iteration that wakes the watch.
            before = time.perf_counter()
            cpu = time.thread_time()
            await asyncio.sleep(STALL_TICK_S)
            late = time.perf_counter() - before - STALL_TICK_S
            self._ticks += 1
            if late > 0.001:
                self._stalls.append((time.time(), late, time.thread_time() - cpu))

    async def close(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None
            gc.callbacks.remove(self._time_collection)
            assert self._stalls_path is not None
            Path(self._stalls_path).write_text(
                json.dumps({"ticks": self._ticks, "stalls": self._stalls,
                            "collections": self._collections}),
                encoding="utf-8",
            )
        await super().close()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None

    async def on_ready(self) -> None:
        if self._announced:
            return
        self._announced = True
        if self._sync:
            await self.tree.sync()
        print(READY, flush=True)


def offset_clock(seconds: float) -> Callable[[], dt.datetime] | None:
    """The wall clock shifted by `seconds` (None: the bot's own, unshifted)."""
    if not seconds:
        return None
    shift = dt.timedelta(seconds=seconds)
    return lambda: dt.datetime.now(dt.UTC) + shift


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
    parser.add_argument(
        "--no-heap-freeze", action="store_true",
        help="leave the start-up heap to the garbage collector (`pacer run` freezes it)",
    )
    parser.add_argument(
        "--answer-connections", type=int, default=ANSWER_CONNECTIONS, metavar="N",
        help="connections kept for answering interactions (0: discord.py's own session, "
        "unbounded, a new connection for each answer at once)",
    )
    parser.add_argument(
        "--answers-through-aiohttp", action="store_true",
        help="send answers through aiohttp's client (a pool of the same size) instead of "
        "Pacer's own (bot/answers.py)",
    )
    parser.add_argument(
        "--intake-slice-ms", type=float, default=SLICE_S * 1000, metavar="MS",
        help="build interactions from the gateway this long at a time (bot/intake.py; "
        "0: as discord.py does, all those received in one step)",
    )
    parser.add_argument(
        "--no-early-defers", action="store_true",
        help="each /log is deferred by its handler, not from its gateway event "
        "(bot/early_acks.py)",
    )
    parser.add_argument(
        "--collect-anytime", action="store_true",
        help="leave full garbage collections to Python, in bursts too (`pacer run` runs "
        "them while quiet: bot/collector.py)",
    )
    parser.add_argument(
        "--stalls", help="record event-loop stalls (wall time, seconds late, CPU seconds the "
        "loop used meanwhile) and garbage "
        "collections over 1 ms to this JSON file"
    )
    parser.add_argument(
        "--clock-offset", type=float, default=0.0, metavar="SECONDS",
        help="the bot's clock runs this far ahead of the wall clock (a restart that came later)",
    )
    parser.add_argument(
        "--loop", choices=("uvloop", "asyncio"), default="uvloop",
        help="the event loop: uvloop where installed (as `pacer run`), or asyncio's own",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    point_at(args.url)
    settings = Settings(discord_token=args.token, db_path=args.db)

    def factory(s: Settings) -> Pacer:
        charts = InThreadCharts() if args.charts == "thread" else None
        return ServedPacer(s, sync=args.sync, stalls=args.stalls, warm_up_dates=False,
                           charts=charts, clock=offset_clock(args.clock_offset),
                           freeze_heap=not args.no_heap_freeze,
                           answer_connections=args.answer_connections,
                           answers_through_aiohttp=args.answers_through_aiohttp,
                           intake_slice_s=args.intake_slice_ms / 1000 or None,
                           early_defers=not args.no_early_defers,
                           quiet_collections=not args.collect_anytime)

    return eventloop.run(run_bot(settings, factory=factory),
                         prefer_uvloop=args.loop == "uvloop")


if __name__ == "__main__":
    sys.exit(main())
