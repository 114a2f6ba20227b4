"""The parent's side of `bot.localdiscord.serve`: start Pacer in a child process against a
`LocalDiscord`, kill it (SIGKILL) or stop it (SIGTERM), start it again on the same database."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.eventloop import cancel_and_wait

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
        # What the running process printed besides `ready` (e.g. "wod 3 posted"), in order.
        self.lines: list[str] = []
        self._lines_changed = asyncio.Condition()
        self._reader: asyncio.Task[None] | None = None

    async def start(self, *, sync: bool | None = None, clock_offset: float = 0.0) -> None:
        """Start the bot and wait until it is ready (commands synced on the first start).

        `clock_offset`: the bot's clock runs that many seconds ahead of the wall clock, as if
        it had been restarted that much later (what was due meanwhile is due at once)."""
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
        if clock_offset:
            args += ["--clock-offset", repr(clock_offset)]
        args += self.serve_args
        with open(self.log_path, "ab") as err:
            self.proc = await asyncio.create_subprocess_exec(
                *args, stdout=asyncio.subprocess.PIPE, stderr=err, cwd=self.cwd,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        self.starts += 1
        LocalDiscord._running_bot = self.discord
        assert self.proc.stdout is not None
        self.lines = []
        try:
            async with asyncio.timeout(START_TIMEOUT):
                # A line may come before `ready` (a WOD posted as the bot connected).
                while (line := (await self.proc.stdout.readline()).decode().strip()) != READY:
                    if not line:
                        raise EOFError
                    self.lines.append(line)
        except (TimeoutError, EOFError):
            await self.kill()
            raise RuntimeError(f"the bot did not start; see {self.log_path}") from None
        self._reader = asyncio.create_task(self._read(self.proc.stdout))

    async def _read(self, stdout: asyncio.StreamReader) -> None:
        while line := await stdout.readline():
            async with self._lines_changed:
                self.lines.append(line.decode().strip())
                self._lines_changed.notify_all()

    async def wait_for_lines(
        self, predicate: Callable[[list[str]], bool], *, timeout: float, what: str = ""
    ) -> None:
        """Wait until `predicate(self.lines)` holds (`timeout` is a failure guard)."""
        try:
            async with asyncio.timeout(timeout), self._lines_changed:
                await self._lines_changed.wait_for(lambda: predicate(self.lines))
        except TimeoutError:
            raise TimeoutError(
                f"timed out after {timeout}s waiting for {what or predicate}; the bot printed"
                f" {self.lines[-20:]}"
            ) from None

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
        finally:
            reader, self._reader = self._reader, None
            if reader is not None:
                await cancel_and_wait(reader)
        if LocalDiscord._running_bot is self.discord:
            LocalDiscord._running_bot = None
        return code

    def errors(self) -> str:
        """What the child logged at ERROR or above (with tracebacks)."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(line for line in text.splitlines()
                         if line.startswith(("ERROR", "CRITICAL", "Traceback", "  ")))
