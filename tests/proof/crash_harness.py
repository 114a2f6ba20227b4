"""Kill Pacer (SIGKILL) while a stream of /log interactions runs, restart it, check the database.

Shared by tests/proof/test_crash.py (fixed kill points) and bench/crash.py (random moments).

What Discord would redeliver, and so what is assumed here: nothing. Discord never resends an
interaction; one that reached a dead bot fails for its user after 3 s ("The application did
not respond"), who may run /log again (a new interaction). A gateway RESUME replays events missed
while disconnected, but a restarted process identifies afresh, so it gets none of them. Hence the
promise checked: every /log whose answer reached Discord (the session's reply, not the defer
that comes before it is stored) is stored, once; a /log that never got an answer may or may
not be stored (killed after the commit, before the answer), never twice; and nothing is
half-written (each session has all its reps).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.localdiscord import Channel, LocalDiscord, Member, Reply
from bot.localdiscord.process import BotProcess

REPS = 4


def splits_for(n: int) -> str:
    """Four rep times, distinct per `n` so a duplicate would show in the content too."""
    return " ".join(f"{1 + (n + j) % 3}:{(n * 7 + j * 13) % 60:02d}" for j in range(REPS))


@dataclass
class Stream:
    """/log interactions sent one after another, `width` in flight at a time."""

    discord: LocalDiscord
    members: list[Member]
    channel: Channel
    tag: str
    width: int = 4
    sent: list[Reply] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self, limit: int) -> None:
        """Send until `limit` or `stop()`; what was in flight at the stop is left unanswered."""
        in_flight: set[asyncio.Future[object]] = set()
        stop = asyncio.ensure_future(self._stop.wait())
        try:
            while not self._stop.is_set() and len(self.sent) < limit:
                n = len(self.sent)
                member = self.members[n % len(self.members)]
                reply = await self.discord.slash(
                    member, self.channel, "log", wait=False,
                    splits=splits_for(n), notes=f"{self.tag} #{n}",
                )
                self.sent.append(reply)
                in_flight.add(asyncio.ensure_future(reply.wait_for(lambda r: r.settled,
                                                                   timeout=60.0)))
                if len(in_flight) >= self.width:
                    _, in_flight = await asyncio.wait(
                        in_flight | {stop}, return_when=asyncio.FIRST_COMPLETED
                    )
                    in_flight.discard(stop)
        finally:
            stop.cancel()
            for task in in_flight:
                task.cancel()
            await asyncio.gather(stop, *in_flight, return_exceptions=True)

    def stop(self) -> None:
        self._stop.set()

    def answered(self) -> list[Reply]:
        """The interactions whose answer reached Discord before the kill."""
        return [r for r in self.sent if delivered(r)]


def delivered(reply: Reply) -> bool:
    """The /log's answer reached Discord: a reply, or after a defer the follow-up that fills
    it. A defer alone is only "thinking…": /log defers before it stores the session."""
    if not reply.acknowledged:
        return False
    if reply.response_kind != "deferred":
        return True
    return bool(reply.followups) or (reply.message is not None and not reply.message.loading)


@dataclass(frozen=True)
class Check:
    sent: int
    answered: int
    stored: int
    integrity: str
    missing: list[int]  # answered, not stored
    duplicates: list[str]  # the same /log stored more than once
    strangers: list[int]  # stored, never sent
    partial: list[int]  # sessions without all their reps
    refused: list[str]  # answers other than "stored" (errors, refusals)

    @property
    def ok(self) -> bool:
        return (self.integrity == "ok" and not self.missing and not self.duplicates
                and not self.strangers and not self.partial and not self.refused)


def check_database(db_path: Path, sent: list[Reply], tag: str) -> Check:
    """Compare what Discord saw answered with what the database holds (the sessions of this
    round: their notes start with `tag`)."""
    answered = [r for r in sent if delivered(r)]
    refused = [f"{r.id}: {r.content or r.error_codes}" for r in answered
               if r.answer is None or r.answer.ephemeral or not r.answer.embeds]
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        rows = db.execute(
            "SELECT s.id, s.interaction_id, s.notes, (SELECT count(*) FROM reps r"
            " WHERE r.session_id = s.id) FROM sessions s WHERE s.notes LIKE ? || ' %'", (tag,)
        ).fetchall()
    stored_ids = [interaction for _, interaction, _, _ in rows]
    notes = [note for _, _, note, _ in rows]
    sent_ids = {r.id for r in sent}
    return Check(
        sent=len(sent),
        answered=len(answered),
        stored=len(rows),
        integrity=integrity,
        missing=[r.id for r in answered if r.id not in set(stored_ids)],
        duplicates=sorted({n for n in notes if notes.count(n) > 1}),
        strangers=[i for i in stored_ids if i not in sent_ids],
        partial=[sid for sid, _, _, reps in rows if reps != REPS],
        refused=refused,
    )


KillPoint = Callable[[Stream], Awaitable[None]]


async def crash_round(
    discord: LocalDiscord,
    proc: BotProcess,
    members: list[Member],
    channel: Channel,
    kill_when: KillPoint,
    *,
    tag: str,
    limit: int = 200,
    after: int = 3,
) -> Check:
    """Stream /logs until `kill_when` returns, SIGKILL the bot, restart it, log `after` more
    (which must be answered and stored), stop it cleanly and check the database."""
    if proc.proc is None:
        await proc.start()
    stream = Stream(discord, members, channel, tag)
    running = asyncio.ensure_future(stream.run(limit))
    await kill_when(stream)
    stream.stop()  # no new interaction once the bot is gone
    await proc.kill()
    await running
    await proc.start()
    for n in range(after):
        reply = await discord.slash(
            members[n % len(members)], channel, "log", timeout=30.0,
            splits=splits_for(10_000 + n), notes=f"{tag} after #{n}",
        )
        stream.sent.append(reply)
    if await proc.stop() != 0:
        raise RuntimeError("the bot did not exit cleanly on SIGTERM")
    return check_database(proc.db_path, stream.sent, tag)


def after_answers(count: int) -> KillPoint:
    """Kill as soon as the `count`-th answer reached Discord (the bot is drawing charts and
    storing the next ones)."""
    async def wait(stream: Stream) -> None:
        await stream.discord.wait_until(lambda: len(stream.answered()) >= count, timeout=60.0,
                                        what=f"{count} answers")
    return wait


def after_sent(count: int) -> KillPoint:
    """Kill right after the `count`-th interaction was dispatched (in the middle of reading,
    storing or answering those in flight)."""
    async def wait(stream: Stream) -> None:
        await stream.discord.wait_until(lambda: len(stream.sent) >= count, timeout=60.0,
                                        what=f"{count} interactions sent")
    return wait
