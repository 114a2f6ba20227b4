"""The parent's side of `bot.localdiscord.serve`: start Pacer in a child process against a
`LocalDiscord`, kill it (SIGKILL) or stop it (SIGTERM), start it again on the same database."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from .driver import LocalDiscord
from .serve import READY

# Failure guards, never pauses: a cold start imports discord.py; a clean stop closes the store.
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0


class BotProcess:
    """One Pacer process at a time, attached to `discord` while it runs (so `slash` & co. work).

    `log_path` collects the child's stderr (its warnings and errors), kept across restarts.
    """

    def __init__(
        self,
        discord: LocalDiscord,
        db_path: Path,
        *,
        log_path: Path,
        charts: str = "thread",
        stalls: Path | None = None,
        cwd: Path | None = None,
        serve_args: Sequence[str] = (),
    ) -> None:
        self.discord = discord
        self.db_path = db_path
        self.log_path = log_path
        self.charts = charts
        self.stalls = stalls  # where the bot records its event-loop stalls (bench/load.py)
        self.cwd = cwd or Path(__file__).resolve().parents[2]
        self.serve_args = tuple(serve_args)  # more options for `bot.localdiscord.serve`
        self.proc: asyncio.subprocess.Process | None = None
        self.starts = 0

    async def start(self, *, sync: bool | None = None) -> None:
        """Start the bot and wait until it is ready (commands synced on the first start)."""
        if self.proc is not None:
            raise RuntimeError("the bot process is already running")
        sync = self.starts == 0 if sync is None else sync
        args = [sys.executable, "-m", "bot.localdiscord.serve", self.discord.url,
                "--db", str(self.db_path), "--token", self.discord.token,
                "--charts", self.charts]
        if sync:
            args.append("--sync")
        if self.stalls is not None:
            args += ["--stalls", str(self.stalls)]
        args += self.serve_args
        with open(self.log_path, "ab") as err:
            self.proc = await asyncio.create_subprocess_exec(
                *args, stdout=asyncio.subprocess.PIPE, stderr=err, cwd=self.cwd,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        self.starts += 1
        LocalDiscord._running_bot = self.discord
        assert self.proc.stdout is not None
        try:
            line = await asyncio.wait_for(self.proc.stdout.readline(), START_TIMEOUT)
        except TimeoutError:
            await self.kill()
            raise RuntimeError(f"the bot did not start; see {self.log_path}") from None
        if line.decode().strip() != READY:
            await self.kill()
            raise RuntimeError(f"the bot did not start; see {self.log_path}")

    async def kill(self) -> None:
        """SIGKILL: the process ends at once, mid-write or mid-reply as it may be."""
        await self._end(signal.SIGKILL)

    async def stop(self) -> int:
        """SIGTERM: the bot closes cleanly. Its exit status; RuntimeError if it hangs."""
        return await self._end(signal.SIGTERM)

    async def _end(self, sig: int) -> int:
        proc, self.proc = self.proc, None
        if proc is None:
            return 0
        if proc.returncode is None:
            proc.send_signal(sig)
        try:
            code = await asyncio.wait_for(proc.wait(), STOP_TIMEOUT)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            raise RuntimeError(f"the bot did not exit on signal {sig}; killed it") from None
        if LocalDiscord._running_bot is self.discord:
            LocalDiscord._running_bot = None
        return code

    def errors(self) -> str:
        """What the child logged at ERROR or above (with tracebacks)."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(line for line in text.splitlines()
                         if line.startswith(("ERROR", "CRITICAL", "Traceback", "  ")))
