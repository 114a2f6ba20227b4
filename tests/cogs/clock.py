"""A clock tests move by hand, for the bot and the dispatcher's sleeps (and the local Discord's
deadlines, when given its ManualClock)."""

from __future__ import annotations

import asyncio
import datetime as dt

from bot.localdiscord import ManualClock


class SteppedClock:
    """`clock()` is now (UTC, aware); `await clock.sleep_until(t)` returns once `advance` has
    moved the clock to `t` or beyond. Nothing moves on its own."""

    def __init__(self, start: dt.datetime, discord_clock: ManualClock | None = None) -> None:
        self._now = start
        self._discord_clock = discord_clock
        self._sleepers: list[tuple[dt.datetime, asyncio.Future[None]]] = []

    def __call__(self) -> dt.datetime:
        return self._now

    def now(self) -> dt.datetime:
        return self._now

    async def sleep_until(self, moment: dt.datetime) -> None:
        if moment <= self._now:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (moment, future)
        self._sleepers.append(entry)
        try:
            await future
        finally:
            self._sleepers.remove(entry)

    def advance(self, delta: dt.timedelta | None = None, **parts: float) -> dt.datetime:
        step = delta if delta is not None else dt.timedelta(**parts)
        if step < dt.timedelta(0):
            raise ValueError("a clock cannot go back in time")
        self._now += step
        if self._discord_clock is not None:
            self._discord_clock.advance(step.total_seconds())
        for moment, future in list(self._sleepers):
            if moment <= self._now and not future.done():
                future.set_result(None)
        return self._now
