"""Per-user rate limits: a sliding window of recent actions, on an injected clock.

A guard against a runaway script or a stuck key, not a quota: the limits are far above what a
person does by hand. Kept in memory (a restart forgets them, which is harmless).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections import deque
from collections.abc import Callable, Hashable, Iterator

from bot.errors import UserError

Clock = Callable[[], dt.datetime]


class RateLimited(UserError):
    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class RateLimiter:
    """At most `limit` actions per `window` for each key (e.g. (guild id, user id)).

    `check` refuses with RateLimited (a clear message with the wait) when the key is at its
    limit; `record` counts an action that happened. Checking and recording apart lets a caller
    count only what succeeded (a refused /log is not a logged session). `hold` does both at
    once around the action, so concurrent actions of one key count each other while they run,
    and uncounts an action that fails.
    """

    def __init__(self, limit: int, window: dt.timedelta, clock: Clock, *, what: str) -> None:
        if limit < 1:
            raise ValueError("a rate limit allows at least one action")
        self.limit = limit
        self.window = window
        self.clock = clock
        self.what = what  # "logged 10 sessions", as the message says it
        self._hits: dict[Hashable, deque[dt.datetime]] = {}

    def _recent(self, key: Hashable, now: dt.datetime) -> deque[dt.datetime]:
        hits = self._hits.get(key)
        if hits is None:
            return deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if not hits:
            del self._hits[key]  # keys of idle users do not pile up
        return hits

    def count(self, key: Hashable) -> int:
        """The actions of `key` counted in the window now."""
        return len(self._recent(key, self.clock()))

    def retry_after(self, key: Hashable) -> float:
        """Seconds until `key` may act again (0 when it may now)."""
        now = self.clock()
        hits = self._recent(key, now)
        if len(hits) < self.limit:
            return 0.0
        return max((hits[-self.limit] + self.window - now).total_seconds(), 0.0)

    def check(self, key: Hashable) -> None:
        wait = self.retry_after(key)
        if wait > 0:
            raise RateLimited(
                f"You've {self.what.format(n=self.limit)} in the last {_window(self.window)}; "
                f"try again in {_wait(math.ceil(wait))}.",
                wait,
            )

    def record(self, key: Hashable) -> dt.datetime:
        """Count an action now; returns when (for `hold(counted=)`)."""
        now = self.clock()
        hits = self._recent(key, now)
        hits.append(now)
        self._hits[key] = hits
        return now

    @contextlib.contextmanager
    def hold(self, key: Hashable, *, counted: dt.datetime | None = None) -> Iterator[None]:
        """Check, then count the action while it runs (a burst of concurrent ones cannot all
        pass the check before any is counted); an action that raises is not counted. An action
        already checked and recorded at `counted` is only uncounted if it raises."""
        if counted is None:
            self.check(key)
            at = self.record(key)
        else:
            at = counted
        try:
            yield
        except BaseException:
            self.uncount(key, at)
            raise

    def uncount(self, key: Hashable, at: dt.datetime) -> None:
        """Take back an action recorded at `at` that did not happen after all."""
        hits = self._hits.get(key)
        if hits is not None and at in hits:
            hits.remove(at)
            if not hits:
                del self._hits[key]


def _window(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    if minutes <= 1:
        return "minute" if minutes == 1 else f"{int(delta.total_seconds())} s"
    return f"{minutes} minutes" if minutes < 120 else f"{minutes // 60} hours"


def _wait(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60} s" if seconds % 60 else f"{seconds // 60} min"
