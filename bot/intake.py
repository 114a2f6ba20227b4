"""Interactions taken from the gateway a slice at a time, so a burst cannot hold the event loop.

discord.py's gateway reader handles every event already received in one step of the event loop,
and for each INTERACTION_CREATE builds the interaction and starts its handler's task (~70 µs).
Hundreds read at once made one step of 100 ms and more, then a loop iteration running hundreds of
handlers' first steps, while every other callback (answers in flight, the store, the heartbeat)
waited (bench/load.py). Here the reader only queues each interaction; a callback of the loop
builds and starts them, in the order they came, for at most `SLICE_S` at a time, then lets the
loop run what is ready: the handlers started by one slice answer while the next is built.

Commands deferred from their event (bot/early_acks.py) are deferred first, a slice at a time,
and while a burst of those defers is in flight nothing is built: building would hold up reading
their answers, and with them the connections the next defers wait for. No interaction waits
more than `HOLD_AT_MOST_S` for them, so a slow Discord cannot hold the others past their own
3 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from bot.early_acks import EarlyAcks

log = logging.getLogger(__name__)

# Interactions built in one go. Long enough that the loop's own work per slice is small beside
# it, short enough that what the slice started gets to run soon after.
SLICE_S = 0.002
# The longest that work deferred behind acknowledgements (AcksFirst) waits for them: a guard
# against a bot kept busy acknowledging, not a pause.
ACKS_FIRST_AT_MOST_S = 2.0
# The longest an interaction received waits to be built while early defers are in flight.
HOLD_AT_MOST_S = 0.5
# Building is held only while this many early defers or more are in flight: a few lose at most
# a slice each to it; a burst's hundreds would lose a slice each, one after another.
HOLD_FROM_IN_FLIGHT = 16


class InteractionIntake:
    """Stands in for discord.py's INTERACTION_CREATE parser (`parse`), deferring it."""

    def __init__(self, parse: Callable[[Any], None], *, slice_s: float = SLICE_S,
                 early: EarlyAcks | None = None, hold_at_most_s: float = HOLD_AT_MOST_S,
                 hold_from_in_flight: int = HOLD_FROM_IN_FLIGHT) -> None:
        self._parse = parse
        self._slice_s = slice_s
        self._early = early
        self._hold_at_most_s = hold_at_most_s
        self._hold_from = hold_from_in_flight
        # (received, event): those the early defers have not seen yet, and those to build.
        self._arrived: deque[tuple[float, Any]] = deque()
        self._queue: deque[tuple[float, Any]] = deque()
        self._scheduled = False
        self._held: asyncio.TimerHandle | None = None  # the slice waiting for early defers
        if early is not None:
            early.on_settled = self._defer_answered
        self._closed = False
        self.slices = 0  # slices run so far
        self.on_drained: Callable[[], None] | None = None  # called when the last one is built

    def __call__(self, data: Any) -> None:
        if self._closed:
            return
        # Not even the early defers in the gateway reader's step: it handles every event
        # already received, and a burst's would make one long step.
        (self._queue if self._early is None else self._arrived).append(
            (time.perf_counter(), data))
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._slice)
        elif self._held is not None:
            self._release()  # its early defer is not held up behind those in flight

    @property
    def waiting(self) -> int:
        """Interactions received and not built yet."""
        return len(self._arrived) + len(self._queue)

    def _slice(self) -> None:
        self._held = None
        if self._closed:
            return
        now = time.perf_counter()
        end = now + self._slice_s
        if self._arrived:
            # The early defers first, a slice at a time: their answers are read in between.
            assert self._early is not None
            self.slices += 1
            while self._arrived:
                item = self._arrived.popleft()
                self._queue.append(item)
                try:
                    self._early(item[1])
                except Exception:  # its handler answers it
                    log.exception("an interaction from the gateway could not be deferred early")
                if time.perf_counter() >= end:
                    break
            asyncio.get_running_loop().call_soon(self._slice)
            return
        if self._early is not None and self._early.in_flight >= self._hold_from and self._queue:
            wait = self._queue[0][0] + self._hold_at_most_s - now
            if wait > 0:
                self._held = asyncio.get_running_loop().call_later(wait, self._slice)
                return
        self.slices += 1
        while self._queue:
            data = self._queue.popleft()[1]
            try:
                self._parse(data)
            except Exception:
                # discord.py would end the gateway connection; one bad event should not.
                log.exception("an interaction from the gateway could not be read")
                if self._early is not None:
                    self._early.forget(data)
            if time.perf_counter() >= end:
                break
        if self._queue:
            asyncio.get_running_loop().call_soon(self._slice)
        else:
            self._scheduled = False
            if self.on_drained is not None:
                self.on_drained()

    def _defer_answered(self) -> None:
        if self._early is not None and self._early.in_flight < self._hold_from:
            self._release()

    def _release(self) -> None:
        """A slice held for the early defers in flight runs now."""
        held = self._held
        if held is not None:
            held.cancel()
            self._held = None
            asyncio.get_running_loop().call_soon(self._slice)

    def close(self) -> None:
        """Drop what is still queued: the bot is closing and could not answer it."""
        self._closed = True
        self._arrived.clear()
        self._queue.clear()
        if self._held is not None:
            self._held.cancel()
            self._held = None


class AcksFirst:
    """Work that can wait after an interaction's acknowledgement (a /log's store, chart and
    answer, after its defer) waits while other interactions are still to be acknowledged: those
    received and not built yet (`intake`), and those whose handlers are before their first
    answer (`acknowledging`).

    In a burst of /log, the first ones deferred went on to store, draw their charts (in another
    process) and upload them while hundreds of others waited for their defer, on the same cores
    and the store's single connection. Their answers can wait: Discord gives 15 minutes for
    them, 3 s for an acknowledgement. The wait is bounded, so that a bot kept busy
    acknowledging still answers.
    """

    def __init__(self, intake: InteractionIntake | None = None, *,
                 at_most_s: float = ACKS_FIRST_AT_MOST_S) -> None:
        self._intake = intake
        self._at_most_s = at_most_s
        self._pending = 0
        self._changed = asyncio.Event()
        if intake is not None:
            intake.on_drained = self._wake

    @property
    def busy(self) -> bool:
        """Whether interactions are still to be acknowledged."""
        return self._pending > 0 or (self._intake is not None and self._intake.waiting > 0)

    @contextlib.contextmanager
    def acknowledging(self) -> Iterator[None]:
        """Around a handler's work before its first answer."""
        self._pending += 1
        try:
            yield
        finally:
            self._pending -= 1
            if not self._pending:
                self._wake()

    async def wait(self) -> None:
        """Until no interaction is waiting for its acknowledgement (or `at_most_s` passed)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self._at_most_s):
                while self.busy:
                    changed = self._changed
                    await changed.wait()

    def _wake(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()
