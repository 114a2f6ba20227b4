"""Load bench: 1,000 concurrent /log interactions from 200 members through the local Discord,
measured against the floor of the same burst of /ping in the same bot process.

    python bench/load.py [--interactions 1000] [--members 200] [--rounds 2] [--quiet 16]
                         [--spread 0] [--commands ping,log] [--keep records.json]
                         [--answer-connections N] [--answers-through-aiohttp]
                         [--intake-slice-ms MS] [--no-early-defers] [--collect-anytime]
                         [--bot-loop uvloop|asyncio] [--discord-loop uvloop|asyncio]

Pacer runs in its own process (`python -m bot.localdiscord.serve`, charts in their worker
process as `pacer run` does) against a local Discord in this process, on a fresh database. Each
round dispatches the burst twice, all at once: first `/ping` (the floor: a command that only
sends its response, so the burst's cost in discord.py, aiohttp, the local Discord and this
machine, with none of Pacer's work), then `/log`. Before each burst the bot is left alone for
`--quiet` seconds: the loop watch's idle floor, and aiohttp's idle connections (kept 15 s) are
closed, so both bursts start from the same state. For each interaction the time from dispatch
to the bot's first answer (a reply, or /log's defer: Discord wants one within 3 s) is taken
where the local Discord accepts the answer. The bot's event loop is watched by a 5 ms timer and
its garbage collections are timed; the longest stall and collection are reported from the
first dispatch to the last acknowledgement, and for /log also until its last follow-up (the
session's reply with its chart); with the longest stall, the CPU time the bot's loop used
meanwhile (the rest of it the process waited for a core). The CPU time each process used from
dispatch to the last acknowledgement tells the bot's cost from the local Discord's (with the
driving of the burst, in this process), and how long the local Discord took to hand the whole
burst to the gateway (each interaction's latency counts from its own dispatch, but the first
frame leaves only once the driving's step ends). Afterwards the database must hold every /log,
once.

Both processes run on uvloop where it is installed, the bot as `pacer run` does (the local
Discord stands for Discord's servers, which would not share the bot's cores);
`--bot-loop asyncio --discord-loop asyncio` runs them on asyncio's own loop.

`--answers-through-aiohttp` sends the answers through aiohttp's client (a pool of the same size)
instead of Pacer's own (`bot/answers.py`), as before it.
`--no-early-defers` has each /log deferred by its handler, after the check's store hop, instead
of from its gateway event (bot/early_acks.py), as before it.
`--answer-connections 0 --intake-slice-ms 0 --collect-anytime` runs the bot as discord.py
and Python do by default: answers over discord.py's own session (a new connection for each at
once), every interaction received built in the gateway reader's step, full collections
whenever Python starts them.

Goals: every interaction acknowledged within 3 s, all stored once; p99 < 200 ms and loop stall
< 50 ms. `--spread S` adds, as an extra, the same bursts with the interactions spread evenly
over S seconds instead of dispatched in the same instant.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from discord import utils as discord_utils

from bot import eventloop
from bot.localdiscord import Channel, LocalDiscord, Member, Reply
from bot.localdiscord.process import BotProcess

DEADLINE_MS = 3000.0


def cpu_seconds(pid: int | None) -> float:
    """CPU time (user + system) a process has used so far; 0 where /proc cannot tell."""
    if pid is None:
        return time.process_time()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


@dataclass
class Burst:
    label: str
    command: str
    replies: list[Reply] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    started: float = 0.0  # wall clock (the bot's stall records use it too)
    acked: float = 0.0  # the last acknowledgement
    settled: float = 0.0  # the last answer (for /log: its follow-up)
    dispatch_ms: float = 0.0  # the local Discord's time to hand the whole burst to the gateway
    bot_cpu: float = 0.0  # CPU seconds, dispatch to last acknowledgement: the bot's process
    discord_cpu: float = 0.0  # ... and this one's (the local Discord, and the driving here)

    def stall_ms(self, stalls: list[list[float]], until: float) -> float:
        return max((late * 1000 for at, late, _ in stalls if self.started <= at <= until),
                   default=0.0)

    def stall_cpu_ms(self, stalls: list[list[float]], until: float) -> float:
        """The bot's CPU time during its longest stall (its tick included); the rest of that
        stall it waited for a core."""
        found = [(late, cpu) for at, late, cpu in stalls if self.started <= at <= until]
        return max(found, default=(0.0, 0.0))[1] * 1000

    def gc_ms(self, collections: list[list[float]], until: float) -> float:
        return max((took * 1000 for at, _, took, _ in collections
                    if self.started <= at <= until), default=0.0)


class Acks:
    """When the local Discord accepted each interaction's first answer."""

    def __init__(self, discord: LocalDiscord) -> None:
        self.at: dict[int, tuple[float, float]] = {}  # reply id -> (perf_counter, wall)
        respond = discord.rest._respond

        def timed(reply, kind, data, files):  # type: ignore[no-untyped-def]
            self.at.setdefault(reply.id, (time.perf_counter(), time.time()))
            return respond(reply, kind, data, files)

        discord.rest._respond = timed  # type: ignore[method-assign]


def until_all(replies: list[Reply], done: Callable[[Reply], bool]) -> Callable[[], bool]:
    """A predicate: `done` holds for every reply. Replies done are dropped from the front, so
    that each of the thousands of checks in a burst looks at a few replies, not all of them
    (this process's CPU shares the cores with the bot's)."""
    pending = deque(replies)

    def check() -> bool:
        while pending and done(pending[0]):
            pending.popleft()
        return not pending

    return check


async def run_burst(
    discord: LocalDiscord, acks: Acks, people: list[Member], channel: Channel, burst: Burst,
    count: int, spread_s: float, tag: str, bot_pid: int | None,
) -> None:
    sent: dict[int, float] = {}
    cpu = cpu_seconds(bot_pid), cpu_seconds(None)
    burst.started = time.time()
    start = time.perf_counter()
    for n in range(count):
        if spread_s:
            await asyncio.sleep(max(0.0, start + spread_s * n / count - time.perf_counter()))
        member = people[n % len(people)]
        if burst.command == "log":
            values = {"splits": f"{1 + n % 3}:{n % 60:02d} {1 + n % 3}:{(n * 7) % 60:02d}",
                      "notes": f"{tag} #{n}"}
        else:
            values = {}
        reply = await discord.slash(member, channel, burst.command, wait=False, **values)
        sent[reply.id] = time.perf_counter()
        burst.replies.append(reply)
    burst.dispatch_ms = (time.perf_counter() - start) * 1000
    await discord.wait_until(until_all(burst.replies, lambda r: r.id in acks.at or r.errors),
                             timeout=300, what=f"every /{burst.command} acknowledged")
    burst.bot_cpu = cpu_seconds(bot_pid) - cpu[0]
    burst.discord_cpu = cpu_seconds(None) - cpu[1]
    burst.acked = max((acks.at[r.id][1] for r in burst.replies if r.id in acks.at),
                      default=time.time())
    await discord.wait_until(until_all(burst.replies, lambda r: r.settled), timeout=600,
                             what=f"every /{burst.command} answered")
    burst.settled = time.time()
    burst.latencies_ms = [(acks.at[r.id][0] - sent[r.id]) * 1000 for r in burst.replies
                          if r.id in acks.at]


async def main(count: int, members: int, rounds: int, quiet_s: float, spread_s: float,
               freeze: bool, serve_args: list[str], commands: list[str],
               keep: Path | None, bot_loop: str) -> int:
    load = os.getloadavg()
    bursts: list[Burst] = []
    idle: list[tuple[float, float]] = []
    tags: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        async with LocalDiscord() as discord:
            guild = discord.add_guild("Track Club")
            people = [guild.add_member(f"runner{i}") for i in range(members)]
            channel = guild.add_channel("training")
            stalls_file = Path(tmp) / "stalls.json"
            proc = BotProcess(discord, Path(tmp) / "pacer.db", log_path=Path(tmp) / "bot.log",
                              charts="process", stalls=stalls_file,
                              serve_args=[*serve_args, *(() if freeze else ("--no-heap-freeze",)),
                                          "--loop", bot_loop])
            await proc.start()
            # One of each first: imports, the chart process and the first queries are warm.
            await discord.slash(people[0], channel, "log", splits="3:00 3:01", timeout=30)
            await discord.slash(people[0], channel, "ping", timeout=30)
            acks = Acks(discord)
            plan = [(f"round {r + 1}", 0.0) for r in range(rounds)]
            if spread_s:
                plan.append((f"extra: spread over {spread_s:g} s", spread_s))
            for label, spread in plan:
                for command in commands:
                    quiet_from = time.time()
                    await asyncio.sleep(quiet_s)  # nothing to wait for: the quiet before a burst
                    idle.append((quiet_from + 1.0, time.time()))
                    burst = Burst(label, command)
                    tag = f"load {len(bursts)}"
                    if command == "log":
                        tags.append(tag)
                    assert proc.proc is not None
                    await run_burst(discord, acks, people, channel, burst, count, spread, tag,
                                    proc.proc.pid)
                    bursts.append(burst)
                    print(f"{label}: /{command} done", file=sys.stderr, flush=True)
            refused = [e for e in discord.errors if e.code == 10062]
            await proc.stop()
            watched = json.loads(stalls_file.read_text())
            if keep is not None:
                keep.write_text(json.dumps({**watched, "bursts": [
                    {"label": b.label, "command": b.command, "started": b.started,
                     "acked": b.acked, "settled": b.settled} for b in bursts]}))
            with contextlib.closing(sqlite3.connect(proc.db_path)) as db:
                stored = [db.execute("SELECT count(*), count(DISTINCT notes) FROM sessions"
                                     " WHERE notes LIKE ? || ' #%'", (tag,)).fetchone()
                          for tag in tags]
    stalls, collections = watched["stalls"], watched["collections"]
    idle_stall = max((late * 1000 for at, late, _ in stalls
                      if any(a <= at <= b for a, b in idle)), default=0.0)
    print(f"Machine: {os.cpu_count()} cores, load average {load[0]:.2f} / {load[1]:.2f} / "
          f"{load[2]:.2f} (1 / 5 / 15 min) at the start; {count} interactions from {members} "
          f"members per burst; longest loop stall while idle: {idle_stall:.1f} ms; start-up "
          f"heap {'frozen' if freeze else 'left to the collector'}; event loop: bot "
          f"{bot_loop}, local Discord {asyncio.get_running_loop().__module__.split('.')[0]}; "
          f"discord.py's JSON: {'orjson' if discord_utils.HAS_ORJSON else 'json'}.")
    print()
    print("| burst | command | acknowledged | over 3 s | ack p50 ms | ack p99 ms | ack max ms "
          "| p50 × floor | p99 × floor | loop stall ms, to last ack | bot CPU ms in it "
          "| longest GC ms "
          "| loop stall ms, to last answer | all answered in s | CPU s to last ack: bot "
          "| CPU s: local Discord | dispatched in ms |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ok = not refused
    floor: Burst | None = None
    for burst in bursts:
        lat = burst.latencies_ms
        late = sum(1 for x in lat if x > DEADLINE_MS)
        ok = ok and len(lat) == count and not late
        if burst.command == "ping":
            floor = burst
            ratios = "1 | 1"
        else:
            ratios = "- | -" if floor is None else (
                f"{pct(lat, 0.5) / pct(floor.latencies_ms, 0.5):.2f} | "
                f"{pct(lat, 0.99) / pct(floor.latencies_ms, 0.99):.2f}")
        print(f"| {burst.label} | /{burst.command} | {len(lat)} | {late} | {pct(lat, 0.5):.0f} "
              f"| {pct(lat, 0.99):.0f} | {max(lat):.0f} | {ratios} "
              f"| {burst.stall_ms(stalls, burst.acked):.0f} "
              f"| {burst.stall_cpu_ms(stalls, burst.acked):.0f} "
              f"| {burst.gc_ms(collections, burst.settled):.0f} "
              f"| {burst.stall_ms(stalls, burst.settled):.0f} "
              f"| {burst.settled - burst.started:.1f} | {burst.bot_cpu:.2f} "
              f"| {burst.discord_cpu:.2f} | {burst.dispatch_ms:.0f} |")
    print()
    whole = all(s == (count, count) for s in stored)
    ok = ok and whole
    print(f"Refused by Discord (10062): {len(refused)}. Stored (distinct) per /log burst: "
          + ", ".join(f"{s[0]} ({s[1]})" for s in stored) + ".")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--quiet", type=float, default=16.0,
                        help="seconds left alone before each burst (over aiohttp's 15 s)")
    parser.add_argument("--no-heap-freeze", action="store_true",
                        help="leave the bot's start-up heap to the garbage collector")
    parser.add_argument("--spread", type=float, default=0.0,
                        help="also run the bursts spread evenly over this many seconds")
    parser.add_argument("--answer-connections", type=int, metavar="N",
                        help="the bot's connections for answering interactions (0: discord.py's "
                        "own session, a new connection per answer; default: Pacer's)")
    parser.add_argument("--answers-through-aiohttp", action="store_true",
                        help="the bot sends its answers through aiohttp's client (a pool of the "
                        "same size), as before bot/answers.py")
    parser.add_argument("--intake-slice-ms", type=float, metavar="MS",
                        help="how long the bot builds interactions from the gateway at a time "
                        "(0: all received in one step, as discord.py does; default: Pacer's)")
    parser.add_argument("--no-early-defers", action="store_true",
                        help="each /log deferred by its handler, after its check's store hop, "
                        "not from its gateway event (as before bot/early_acks.py)")
    parser.add_argument("--collect-anytime", action="store_true",
                        help="leave the bot's full garbage collections to Python, in bursts too")
    parser.add_argument("--commands", default="ping,log",
                        help="the bursts of each round, in order (the floor, /ping, first)")
    parser.add_argument("--keep", type=Path, metavar="JSON",
                        help="write the bot's stall and collection records, and the bursts' "
                        "times, to this file")
    parser.add_argument("--bot-loop", choices=("uvloop", "asyncio"), default="uvloop",
                        help="the bot's event loop (uvloop where installed, as `pacer run`)")
    parser.add_argument("--discord-loop", choices=("uvloop", "asyncio"), default="uvloop",
                        help="this process's event loop: the local Discord's and the driving's")
    args = parser.parse_args()
    serve = ([] if args.answer_connections is None
             else ["--answer-connections", str(args.answer_connections)])
    if args.collect_anytime:
        serve.append("--collect-anytime")
    if args.no_early_defers:
        serve.append("--no-early-defers")
    if args.answers_through_aiohttp:
        serve.append("--answers-through-aiohttp")
    if args.intake_slice_ms is not None:
        serve += ["--intake-slice-ms", str(args.intake_slice_ms)]
    bot_loop = eventloop.loop_name(prefer_uvloop=args.bot_loop == "uvloop")
    sys.exit(eventloop.run(main(args.interactions, args.members, args.rounds, args.quiet,
                                args.spread, not args.no_heap_freeze, serve,
                                args.commands.split(","), args.keep, bot_loop),
                           prefer_uvloop=args.discord_loop == "uvloop"))
