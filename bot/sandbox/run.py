"""Start the local Discord and Pacer in one process, then read the terminal channel's lines."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TextIO

from bot.extensions import EXTENSIONS
from bot.localdiscord import LocalDiscord
from bot.localdiscord.state import DISCORD_EPOCH
from bot.pacer import ChartRenderer, Clock, Pacer
from bot.sandbox.session import Sandbox
from bot.settings import Settings

FILES_DIR = Path("sandbox-files")
Prompt = Callable[[], str]


def _banner(db_path: str, files_dir: Path) -> str:
    return (
        f"Pacer sandbox: #training on a local Discord (database {db_path}, files in "
        f"{files_dir}/). Type `help` for what you can do, `quit` to leave."
    )


async def stdin_lines(prompt: Prompt, interactive: bool) -> AsyncIterator[str]:
    """Lines from standard input, read on a daemon thread (Ctrl-C never waits on it)."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()
    wanted = threading.Semaphore(0)

    def reader() -> None:
        while True:
            wanted.acquire()
            try:
                line: str | None = input(prompt()) + "\n" if interactive else sys.stdin.readline()
            except EOFError:
                line = None
            if line == "":
                line = None
            loop.call_soon_threadsafe(queue.put_nowait, line)
            if line is None:
                return

    threading.Thread(target=reader, name="pacer-sandbox-stdin", daemon=True).start()
    while True:
        wanted.release()
        line = await queue.get()
        if line is None:
            if interactive:
                print()
            return
        yield line


async def run_sandbox(
    settings: Settings,
    *,
    lines: AsyncIterator[str] | None = None,
    out: TextIO | None = None,
    files_dir: Path = FILES_DIR,
    interactive: bool | None = None,
    extensions: tuple[str, ...] = EXTENSIONS,
    charts: ChartRenderer | None = None,
    clock: Clock | None = None,
) -> int:
    """Run the sandbox until `quit` or end of input. Lines default to standard input; when it is
    not a terminal each line is echoed, so the output reads as a transcript."""
    out = out or sys.stdout
    if interactive is None:
        interactive = lines is None and sys.stdin.isatty()
    # The server and its channel get the same ids every run (the database keys on them): they
    # are made on a clock standing at Discord's epoch.
    async with LocalDiscord(bot_name="Pacer", wall=lambda: DISCORD_EPOCH) as local:
        sandbox = Sandbox(local, out, files_dir, echo=not interactive)
        # The database outlives the run: messages and interactions must not reuse its ids, so
        # they are snowflakes of the bot's clock, as on Discord.
        local.world.wall = clock if clock is not None else (lambda: dt.datetime.now(dt.UTC))

        def make_bot() -> Pacer:
            # Without a renderer given, the chart process starts in the background, as in `run`.
            return Pacer(settings, extensions=extensions, charts=charts,
                         start_charts=charts is None, clock=clock)

        async with local.run_bot(make_bot) as bot:
            await bot.tree.sync()
            await sandbox.set_up_team(bot.store)
            sandbox.say(_banner(bot.db_path, files_dir))
            source = lines if lines is not None else stdin_lines(lambda: sandbox.prompt, True)
            if lines is None and not interactive:
                source = stdin_lines(lambda: "", False)
            async for line in source:
                if not await sandbox.handle(line):
                    break
    return 0
