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
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# Interactions built in one go. Long enough that the loop's own work per slice is small beside
# it, short enough that what the slice started gets to run soon after.
SLICE_S = 0.002


class InteractionIntake:
    """Stands in for discord.py's INTERACTION_CREATE parser (`parse`), deferring it."""

    def __init__(self, parse: Callable[[Any], None], *, slice_s: float = SLICE_S) -> None:
        self._parse = parse
        self._slice_s = slice_s
        self._queue: deque[Any] = deque()
        self._scheduled = False
        self._closed = False
        self.slices = 0  # slices run so far

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

    def close(self) -> None:
        """Drop what is still queued: the bot is closing and could not answer it."""
        self._closed = True
        self._queue.clear()
