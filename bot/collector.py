"""Full garbage collections while the bot is quiet, not in the middle of a burst.

A full collection stops the event loop while it walks every object the collector tracks. Python
starts one on its own once enough objects have lived through younger collections, which in a
burst of interactions is the burst's own objects (1,000 live handlers): the longest stall of a
burst of 1,000 /ping was such a collection, 36–144 ms (bench/load.py). The served bot turns
those off and runs one itself once interactions have paused, or after a long busy spell anyway,
so memory held by cycles stays bounded. Quiet means no interaction for a while and none still
being handled: a burst of /log is answered for a minute after its last interaction arrived,
with all its handlers alive, and a collection then took 130–200 ms. Young collections, short
and frequent, are left as they are.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Callable

from bot.eventloop import cancel_and_wait

log = logging.getLogger(__name__)

# How often a full collection is considered, how long without an interaction counts as quiet,
# and the longest the collector waits for quiet before it collects all the same.
EVERY_S = 60.0
QUIET_S = 2.0
AT_MOST_S = 600.0
# Full collections Python starts on its own: after this many young (generation 1) ones, that is
# never in practice.
NEVER = 1 << 30


def due(now: float, last_activity: float, last_collected: float, *, handling: bool,
        quiet_s: float = QUIET_S, at_most_s: float = AT_MOST_S) -> bool:
    """Whether to collect now: the bot has been quiet long enough (no interaction lately and
    none `handling`), or busy too long."""
    quiet = not handling and now - last_activity >= quiet_s
    return quiet or now - last_collected >= at_most_s


def handling_interactions() -> bool:
    """Whether an interaction handler is running: discord.py names their tasks."""
    return any(t.get_name() == "CommandTree-invoker" or t.get_name().startswith("discord-ui-")
               for t in asyncio.all_tasks())


class QuietCollector:
    """Runs full collections for the bot (`start` / `stop`); `activity()` on each interaction."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic,
                 handling: Callable[[], bool] = handling_interactions, every_s: float = EVERY_S,
                 quiet_s: float = QUIET_S, at_most_s: float = AT_MOST_S) -> None:
        self._clock = clock
        self._handling = handling
        self._every_s = every_s
        self._quiet_s = quiet_s
        self._at_most_s = at_most_s
        self._last_activity = clock()
        self._last_collected = clock()
        self._thresholds: tuple[int, int, int] | None = None
        self._task: asyncio.Task[None] | None = None
        self.collections = 0  # full collections run so far

    def activity(self) -> None:
        self._last_activity = self._clock()

    def start(self) -> None:
        if self._task is not None:
            return
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NEVER)
        self._task = asyncio.create_task(self._run(), name="pacer-quiet-collector")

    def collect_if_due(self) -> bool:
        now = self._clock()
        if not due(now, self._last_activity, self._last_collected, handling=self._handling(),
                   quiet_s=self._quiet_s, at_most_s=self._at_most_s):
            return False
        found = gc.collect()
        self._last_collected = self._clock()
        self.collections += 1
        log.debug("full collection: %d unreachable objects", found)
        return True

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._every_s)
            while not self.collect_if_due():
                await asyncio.sleep(self._quiet_s)

    async def stop(self) -> None:
        """Stop, and give Python back its own full collections."""
        task, self._task = self._task, None
        if task is not None:
            await cancel_and_wait(task)
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
