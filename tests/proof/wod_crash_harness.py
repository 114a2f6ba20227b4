"""Kill Pacer (SIGKILL) around the publication of several workouts of the day, restart it, and
check each went out exactly once.

Shared by tests/proof/test_crash_wod.py (seeded rounds) and bench/crash.py --wod (50 rounds).

A round: a fresh database with several WODs due within a fraction of a second of each other,
spread over two channels; the bot started, killed at the chosen moment, restarted with its clock
some way around the dispatcher's doubt grace ahead (as if the restart came that much later; a
WOD left mid-post is settled at once or after a short real wait), and stopped cleanly once its
dispatcher has recorded every WOD. The promise checked: each WOD has exactly one post in its
channel, its row says 'posted' with that post's message id, and the database is intact.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from bot.localdiscord import Channel, Guild, LocalDiscord, Member, Message
from bot.localdiscord.process import BotProcess
from storage import NewWod, Store

WORKOUTS = ("6 x 400m @ 75", "5 x 1000m @ 3:20 w/ 90s jog", "8 x 200m", "3 x 2000m", "10 x 300m")
# The dispatcher's doubt grace (bot.scheduler.WodDispatcher's default): a WOD left in 'posting'
# is looked for in its channel only once it was claimed that long ago.
DOUBT_GRACE_S = 60.0
WAIT_GUARD_S = 60.0  # failure guard for the catch-up after the restart, never a pause

# What a WOD was doing when the bot was killed (read from the database and the channel).
STATES = ("scheduled", "claimed, not sent", "sent, not recorded", "posted")


def wod_id_of(message: Message) -> int | None:
    """The WOD a bot message is the post of (its Log my splits button carries the id)."""
    for button in message.buttons():
        custom_id = str(button.get("custom_id", ""))
        parts = custom_id.split(":")
        if len(parts) == 4 and parts[:2] == ["pacer", "wod"] and parts[3] == "log":
            return int(parts[2])
    return None


def posts_by_wod(discord: LocalDiscord, channels: list[Channel]) -> dict[int, list[int]]:
    """WOD id -> ids of the bot's posts of it, over `channels`."""
    found: dict[int, list[int]] = {}
    for channel in channels:
        for message in channel.visible_messages():
            if message.author is discord.bot_user and (wod := wod_id_of(message)) is not None:
                found.setdefault(wod, []).append(message.id)
    return found


@dataclass(frozen=True)
class Scene:
    """One round's world: the coach who scheduled, the channels, the WODs' due times."""

    discord: LocalDiscord
    channels: list[Channel]
    due: list[dt.datetime]
    wod_ids: list[int]

    def posts(self) -> dict[int, list[int]]:
        return posts_by_wod(self.discord, self.channels)

    def posted_count(self) -> int:
        return len(self.posts())


KillPoint = Callable[[Scene], Awaitable[None]]


def at_seconds_from_due(offset_s: float) -> KillPoint:
    """Kill `offset_s` (negative: before) from the earliest due time, or at once if past."""
    async def wait(scene: Scene) -> None:
        left = (min(scene.due) - dt.datetime.now(dt.UTC)).total_seconds() + offset_s
        if left > 0:
            await asyncio.sleep(left)  # a moment on the wall clock: the point of the round
    return wait


def when_posted(count: int, then_s: float = 0.0) -> KillPoint:
    """Kill the moment the `count`-th post appears in Discord (the bot may not have recorded
    it yet), or `then_s` later (it is recording it, claiming or sending the next)."""
    async def wait(scene: Scene) -> None:
        await scene.discord.wait_until(lambda: scene.posted_count() >= count,
                                       timeout=WAIT_GUARD_S, what=f"{count} posts")
        if then_s > 0:
            await asyncio.sleep(then_s)  # a moment on the wall clock: the point of the round
    return wait


@dataclass(frozen=True)
class WodCheck:
    wods: int
    at_kill: dict[str, int]  # STATES -> how many WODs were in that state at the kill
    integrity: str
    duplicates: dict[int, int]  # WOD id -> posts, when more than one
    missing: list[int]  # WODs with no post
    unrecorded: list[str]  # rows not 'posted' with their one post's message id
    strangers: list[int]  # posts of WODs never scheduled
    exit_code: int
    restart_offset_s: float

    @property
    def ok(self) -> bool:
        return (self.integrity == "ok" and not self.duplicates and not self.missing
                and not self.unrecorded and not self.strangers and self.exit_code == 0)


def _rows(db_path: Path) -> tuple[str, dict[int, tuple[str, int | None]]]:
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        rows = db.execute("SELECT id, status, message_id FROM wods").fetchall()
    return integrity, {wid: (status, mid) for wid, status, mid in rows}


def _states_at_kill(db_path: Path, scene: Scene) -> tuple[dict[str, int], list[int]]:
    """How many WODs were in each of STATES at the kill; the ids of those not yet posted."""
    _, rows = _rows(db_path)
    posts = scene.posts()
    states: Counter[str] = Counter()
    for wid in scene.wod_ids:
        status = rows[wid][0]
        if status == "posting":
            states["sent, not recorded" if posts.get(wid) else "claimed, not sent"] += 1
        else:
            states[status] += 1
    pending = [wid for wid in scene.wod_ids if rows[wid][0] != "posted"]
    return {s: states[s] for s in (*STATES, *sorted(states)) if states[s]}, pending


async def schedule(db_path: Path, guild: Guild, coach: Member, channels: list[Channel],
                   due: list[dt.datetime]) -> list[int]:
    store = await Store.open(db_path)
    try:
        ids = []
        for n, at in enumerate(due):
            row = await store.schedule_wod(NewWod(
                guild_id=guild.id, author_id=coach.id, workout_text=WORKOUTS[n % len(WORKOUTS)],
                channel_id=channels[n % len(channels)].id, day=at.date(), publish_at=at,
                title=f"Crash {n}"))
            ids.append(row.id)
        return ids
    finally:
        await store.close()


async def wod_crash_round(
    discord: LocalDiscord,
    proc: BotProcess,
    guild: Guild,
    coach: Member,
    kill_when: KillPoint,
    *,
    lead_s: float,
    spread_s: list[float],
    restart_offset_s: float,
    tag: str,
    chatter: int = 0,
) -> WodCheck:
    """Schedule len(`spread_s`) WODs due `lead_s` from now (+ each its spread), start the bot on
    `proc`'s (fresh) database, kill it at `kill_when`, let `chatter` messages arrive in each
    channel, restart it `restart_offset_s` ahead, wait until every WOD shows, stop it cleanly
    and check."""
    channels = [guild.add_channel(f"{tag}-a"), guild.add_channel(f"{tag}-b")]
    base = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lead_s)
    due = [base + dt.timedelta(seconds=s) for s in spread_s]
    ids = await schedule(proc.db_path, guild, coach, channels, due)
    scene = Scene(discord, channels, due, ids)
    await proc.start(sync=False)
    await kill_when(scene)
    await proc.kill()
    at_kill, pending = _states_at_kill(proc.db_path, scene)
    for channel in channels:  # the team talks on while the bot is down
        for k in range(chatter):
            await discord.say(coach, channel, f"message {k}")
    await proc.start(sync=False, clock_offset=restart_offset_s)
    wanted = {f"wod {wid} posted" for wid in pending}
    try:  # the restarted dispatcher records each WOD not posted before the kill
        await proc.wait_for_lines(lambda lines: wanted <= set(lines), timeout=WAIT_GUARD_S,
                                  what=f"{sorted(wanted)}")
    finally:
        exit_code = await proc.stop()
    integrity, rows = _rows(proc.db_path)
    posts = scene.posts()
    unrecorded = []
    for wid in ids:
        status, message_id = rows[wid]
        mine = posts.get(wid, [])
        if status != "posted" or len(mine) != 1 or message_id != mine[0]:
            unrecorded.append(f"#{wid}: {status}, message {message_id}, posts {mine}")
    return WodCheck(
        wods=len(ids),
        at_kill=at_kill,
        integrity=integrity,
        duplicates={w: len(p) for w, p in posts.items() if len(p) > 1},
        missing=[w for w in ids if not posts.get(w)],
        unrecorded=unrecorded,
        strangers=[w for w in posts if w not in ids],
        exit_code=exit_code,
        restart_offset_s=restart_offset_s,
    )
