"""The dispatcher that publishes scheduled workouts of the day, each exactly once.

One task sleeps until the earliest scheduled WOD is due, and is woken early (`wake()`) when one
is scheduled sooner or edited (the design of RoboDanny's reminders). The database is the queue,
so nothing is lost across restarts; the store's claim protocol (`Store.claim_wod`) makes sure a
WOD is posted once even with a crash between sending and recording, or two dispatchers racing:

- a due WOD is claimed (scheduled -> posting) before it is sent, and marked posted with its
  message id in one step after;
- on every pass, WODs left in "posting" for longer than `doubt_grace` (a crash, or a dispatcher
  that died mid-send) are looked for in their channel among the messages made since the claim
  (however many): found -> marked posted, not found -> released to be posted again;
- a WOD whose time passed while the bot was down is posted with a note that it is late, or,
  past the team's late window, marked missed and reported to its coach.

Time comes from injected functions (`now`, `sleep_until`), so tests drive it by hand; they wait
on `settle()` / `wait_asleep()` rather than sleeping.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Literal, Protocol

from bot.eventloop import cancel_and_wait
from storage import Store, WodRow

log = logging.getLogger(__name__)

Now = Callable[[], dt.datetime]
SleepUntil = Callable[[dt.datetime], Awaitable[None]]
# "retry": known not sent, released to try again; "doubt": still unknown, left in 'posting'.
Outcome = Literal["posted", "failed", "missed", "retry", "doubt", "taken"]

# A WOD posted this long after its time says so on the post.
LATE_AFTER = dt.timedelta(minutes=5)
# Real sleeps are cut into pieces this long, so a wall clock that jumps is noticed.
MAX_NAP_S = 3600.0
BATCH = 50


class PublishFailed(Exception):
    """Discord refused the post for good (channel gone, no permission): `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PublishUncertain(Exception):
    """The post may or may not have gone out (a timeout, a server error)."""


class Publisher(Protocol):
    async def send(self, wod: WodRow, *, late_by: dt.timedelta | None) -> int:
        """Post `wod` (marked with its id, and a nonce of its own); the message id. Raises
        PublishFailed or PublishUncertain."""
        ...

    async def find_post(self, wod: WodRow) -> int | None:
        """The id of this bot's post of `wod` in its channel, if there is one."""
        ...

    async def report(self, wod: WodRow, outcome: Literal["failed", "missed"]) -> None:
        """Tell the WOD's coach it was not posted."""
        ...


def real_sleeper(now: Now) -> SleepUntil:
    """Sleep on the event loop until `now()` reaches a moment (in naps of at most an hour)."""

    async def sleep_until(moment: dt.datetime) -> None:
        while (left := (moment - now()).total_seconds()) > 0:
            await asyncio.sleep(min(left, MAX_NAP_S))

    return sleep_until


class WodDispatcher:
    def __init__(
        self,
        store: Store,
        publisher: Publisher,
        *,
        now: Now,
        sleep_until: SleepUntil | None = None,
        ready: Callable[[], Awaitable[object]] | None = None,
        retry_delay: dt.timedelta = dt.timedelta(minutes=1),
        doubt_grace: dt.timedelta = dt.timedelta(minutes=1),
    ) -> None:
        self.store = store
        self.publisher = publisher
        self.now = now
        self.sleep_until = sleep_until or real_sleeper(now)
        self._ready = ready
        self.retry_delay = retry_delay
        self.doubt_grace = doubt_grace
        self._wake = asyncio.Event()
        self._changed = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None
        self._in_flight: set[int] = set()
        self._retry_at: dict[int, dt.datetime] = {}
        self._passes_started = 0
        self._passes_done = 0
        self._asleep = False
        #  When the dispatcher will look again on its own (None: only when woken).
        self.sleeping_until: dt.datetime | None = None
        #  What happened to the latest WODs it handled, in order: (wod id, outcome).
        self.outcomes: deque[tuple[int, Outcome]] = deque(maxlen=100)
        #  Told each outcome as it is recorded (a test harness watching another process).
        self.on_outcome: Callable[[int, Outcome], None] | None = None

    # -- life cycle -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="pacer-wod-dispatcher")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            await cancel_and_wait(task)

    def wake(self) -> None:
        """Look at the schedule again now (a WOD was scheduled, edited or cancelled)."""
        self._wake.set()

    async def settle(self) -> None:
        """Wake the dispatcher and wait until it finished a whole pass begun after this call."""
        want = self._passes_started + 1
        self.wake()
        async with self._changed:
            await self._changed.wait_for(lambda: self._passes_done >= want)

    async def wait_asleep(
        self, predicate: Callable[[dt.datetime | None], bool] = lambda _: True
    ) -> dt.datetime | None:
        """Wait (without waking it) until the dispatcher sleeps with nothing left to do and
        `predicate(sleeping_until)` holds; return when it will look again."""
        async with self._changed:
            await self._changed.wait_for(
                lambda: self._asleep and not self._wake.is_set() and predicate(self.sleeping_until)
            )
        return self.sleeping_until

    # -- the loop -------------------------------------------------------------------------------

    async def _run(self) -> None:
        if self._ready is not None:
            await self._ready()
        while True:
            self._wake.clear()
            self._passes_started += 1
            try:
                until = await self.run_pass()
            except Exception:
                log.exception("WOD dispatcher pass failed; trying again later")
                until = self.now() + self.retry_delay
            async with self._changed:
                self._passes_done += 1
                self._asleep = True
                self.sleeping_until = until
                self._changed.notify_all()
            try:
                await self._sleep(until)
            finally:
                self._asleep = False

    async def _sleep(self, until: dt.datetime | None) -> None:
        waits: set[asyncio.Future[object]] = {asyncio.ensure_future(self._wake.wait())}
        if until is not None:
            waits.add(asyncio.ensure_future(self.sleep_until(until)))
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()
            await asyncio.gather(*waits, return_exceptions=True)

    async def run_pass(self) -> dt.datetime | None:
        """Settle WODs in doubt, publish (or mark missed) every due one; return when to look
        again (None: nothing scheduled)."""
        now = self.now()
        later: list[dt.datetime] = []
        for wod in await self.store.wods_in_doubt():
            if wod.id in self._in_flight or wod.claimed_at is None:
                continue
            settle_at = wod.claimed_at + self.doubt_grace
            if settle_at > now:
                later.append(settle_at)  # its dispatcher may still be sending it
                continue
            if await self._resolve_doubt(wod) == "doubt":
                later.append(now + self.retry_delay)
        while True:
            batch = await self.store.due_wods(now, limit=BATCH)
            ready = [w for w in batch if self._retry_at.get(w.id, w.publish_at) <= now]
            for wod in ready:
                await self.handle_due(wod)
            if len(batch) < BATCH or not ready:
                break
        # Retry times that passed belong to WODs handled above, or no longer scheduled.
        self._retry_at = {k: t for k, t in self._retry_at.items() if t > now}
        later.extend(self._retry_at.values())
        next_at = await self.store.next_wod_at()
        if next_at is not None and next_at > now:
            later.append(next_at)
        return min(later, default=None)

    async def handle_due(self, wod: WodRow, *, report: bool = True) -> Outcome:
        """Publish a due WOD (late if it is), or mark it missed past the team's window.

        `report=False` when the coach is there to be told directly (a WOD posted now)."""
        now = self.now()
        lateness = now - wod.publish_at
        settings = await self.store.guild_settings(wod.guild_id)
        # Never shorter than LATE_AFTER: a post on time by a few seconds is not a missed one.
        window = max(dt.timedelta(minutes=settings.wod_late_window_min), LATE_AFTER)
        if lateness > window:
            if await self.store.mark_wod_missed(wod.id):
                self._record(wod.id, "missed")
                if report:
                    await self._report(wod, "missed")
                return "missed"
            return "taken"
        late_by = lateness if lateness > LATE_AFTER else None
        return await self._post(wod, now, late_by=late_by, report=report)

    async def _post(
        self, wod: WodRow, now: dt.datetime, *, late_by: dt.timedelta | None, report: bool = True
    ) -> Outcome:
        claimed = await self.store.claim_wod(wod.id, now)
        if claimed is None or claimed.claim_token is None:
            return "taken"  # posted, cancelled, or claimed by another dispatcher meanwhile
        token = claimed.claim_token
        self._in_flight.add(wod.id)
        try:
            try:
                message_id = await self.publisher.send(claimed, late_by=late_by)
            except PublishFailed as exc:
                return await self._failed(claimed, token, exc.reason, report=report)
            except PublishUncertain as exc:
                log.warning("WOD %s: the post may not have gone out (%s)", wod.id, exc)
                return await self._check_after_doubt(claimed, token)
            except Exception:
                log.exception("WOD %s: posting failed unexpectedly", wod.id)
                return await self._check_after_doubt(claimed, token)
            if await self.store.mark_wod_posted(wod.id, token, message_id, self.now()):
                self._retry_at.pop(wod.id, None)
                self._record(wod.id, "posted")
                return "posted"
            return "taken"
        finally:
            self._in_flight.discard(wod.id)

    async def _failed(
        self, wod: WodRow, token: str, reason: str, *, report: bool = True
    ) -> Outcome:
        if await self.store.mark_wod_failed(wod.id, token, reason):
            self._retry_at.pop(wod.id, None)
            self._record(wod.id, "failed")
            if report:
                await self._report(await self.store.wod(wod.guild_id, wod.id) or wod, "failed")
            return "failed"
        return "taken"

    async def _check_after_doubt(self, wod: WodRow, token: str) -> Outcome:
        try:
            found = await self.publisher.find_post(wod)
        except PublishFailed as exc:
            return await self._failed(wod, token, exc.reason)
        except Exception:
            log.exception("WOD %s: could not look for its post; left in doubt", wod.id)
            return "doubt"  # still 'posting': a later pass settles it
        if found is not None:
            if await self.store.mark_wod_posted(wod.id, token, found, self.now()):
                self._record(wod.id, "posted")
                return "posted"
            return "taken"
        if await self.store.release_wod(wod.id, token):
            self._retry_at[wod.id] = self.now() + self.retry_delay
            self._record(wod.id, "retry")
            return "retry"
        return "taken"

    async def _resolve_doubt(self, wod: WodRow) -> Outcome:
        """A WOD left in 'posting' by a crash: posted if its message is there, else released."""
        assert wod.claim_token is not None
        log.info("WOD %s was left mid-post (claimed %s): checking its channel", wod.id,
                 wod.claimed_at)
        outcome = await self._check_after_doubt(wod, wod.claim_token)
        if outcome == "retry":
            self._retry_at.pop(wod.id, None)  # not sent: it is due again at once
        return outcome

    async def _report(self, wod: WodRow, outcome: Literal["failed", "missed"]) -> None:
        try:
            await self.publisher.report(wod, outcome)
        except Exception as exc:  # closed DMs, a coach who left: the row still says why
            log.warning("WOD %s: could not tell its coach it %s: %s", wod.id, outcome, exc)

    def _record(self, wod_id: int, outcome: Outcome) -> None:
        self.outcomes.append((wod_id, outcome))
        log.info("WOD %s: %s", wod_id, outcome)
        if self.on_outcome is not None:
            self.on_outcome(wod_id, outcome)
