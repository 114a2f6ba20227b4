"""Interactions taken from the gateway a slice at a time, so a burst cannot hold the event loop.

discord.py's gateway reader handles every event already received in one step of the event loop,
and for each INTERACTION_CREATE builds the interaction and starts its handler's task (~70 µs).
Hundreds read at once made one step of 100 ms and more, then a loop iteration running hundreds of
handlers' first steps, while every other callback (answers in flight, the store, the heartbeat)
waited (bench/load.py). Here the reader only queues each interaction; a callback of the loop
builds and starts them, in the order they came, for at most `SLICE_S` at a time, then lets the
loop run what is ready: the handlers started by one slice answer while the next is built.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger(__name__)

# Interactions built in one go. Long enough that the loop's own work per slice is small beside
# it, short enough that what the slice started gets to run soon after.
SLICE_S = 0.002
# The longest that work deferred behind acknowledgements (AcksFirst) waits for them: a guard
# against a bot kept busy acknowledging, not a pause.
ACKS_FIRST_AT_MOST_S = 2.0


class InteractionIntake:
    """Stands in for discord.py's INTERACTION_CREATE parser (`parse`), deferring it."""

    def __init__(self, parse: Callable[[Any], None], *, slice_s: float = SLICE_S) -> None:
        self._parse = parse
        self._slice_s = slice_s
        self._queue: deque[Any] = deque()
        self._scheduled = False
        self._closed = False
        self.slices = 0  # slices run so far
        self.on_drained: Callable[[], None] | None = None  # called when the last one is built

    def __call__(self, data: Any) -> None:
        if self._closed:
            return
        self._queue.append(data)
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._slice)

    @property
    def waiting(self) -> int:
        """Interactions received and not built yet."""
        return len(self._queue)

    def _slice(self) -> None:
        if self._closed:
            return
        self.slices += 1
        end = time.perf_counter() + self._slice_s
        while self._queue:
            try:
                self._parse(self._queue.popleft())
            except Exception:
                # discord.py would end the gateway connection; one bad event should not.
                log.exception("an interaction from the gateway could not be read")
            if time.perf_counter() >= end:
                break
        if self._queue:
            asyncio.get_running_loop().call_soon(self._slice)
        else:
            self._scheduled = False
            if self.on_drained is not None:
                self.on_drained()

    def close(self) -> None:
        """Drop what is still queued: the bot is closing and could not answer it."""
        self._closed = True
        self._queue.clear()


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
