"""Load bench: 1,000 concurrent /log interactions from 200 members through the local Discord.

    python bench/load.py [--interactions 1000] [--members 200] [--idle 3]

Pacer runs in its own process (`python -m bot.localdiscord.serve`, charts in their worker
process as `pacer run` does) against a local Discord in this process, on a fresh database. All
interactions are dispatched at once; for each, the time from dispatch to the bot's first answer
(Discord wants it within 3 s) is taken where the local Discord accepts the answer. The bot's
event loop is watched by a 5 ms timer: its longest stall while idle (`--idle` seconds before the
burst, the floor on this machine) and under the load. Afterwards the database must hold every
session, once. Goals: every interaction acknowledged within 3 s, p99 < 200 ms, stall < 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.localdiscord import LocalDiscord
from bot.localdiscord.process import BotProcess


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


async def main(count: int, members: int, idle_s: float) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        async with LocalDiscord() as discord:
            guild = discord.add_guild("Track Club")
            people = [guild.add_member(f"runner{i}") for i in range(members)]
            channel = guild.add_channel("training")
            stalls_file = Path(tmp) / "stalls.json"
            proc = BotProcess(discord, Path(tmp) / "pacer.db", log_path=Path(tmp) / "bot.log",
                              charts="process", stalls=stalls_file)
            await proc.start()
            # One /log first: imports, the chart process and the first queries are warm.
            await discord.slash(people[0], channel, "log", splits="3:00 3:01", timeout=30)
            acked: dict[int, float] = {}
            respond = discord.rest._respond

            def timed(reply, kind, data, files):  # type: ignore[no-untyped-def]
                acked.setdefault(reply.id, time.perf_counter())
                return respond(reply, kind, data, files)

            discord.rest._respond = timed  # type: ignore[method-assign]
            idle_from = time.time()
            await asyncio.sleep(idle_s)  # the idle floor of the loop watch: nothing to wait for
            load_from = time.time()
            sent: dict[int, float] = {}
            replies = []
            started = time.perf_counter()
            for n in range(count):
                member = people[n % members]
                reply = await discord.slash(
                    member, channel, "log", wait=False,
                    splits=f"{1 + n % 3}:{n % 60:02d} {1 + n % 3}:{(n * 7) % 60:02d}",
                    notes=f"load #{n}",
                )
                sent[reply.id] = time.perf_counter()
                replies.append(reply)
            await discord.wait_until(lambda: all(r.settled for r in replies), timeout=300,
                                     what="every /log answered")
            finished = time.perf_counter() - started
            load_to = time.time()
            errors = [e for e in discord.errors if e.code == 10062]
            await proc.stop()
            stalls = json.loads(stalls_file.read_text())
            with contextlib.closing(sqlite3.connect(proc.db_path)) as db:
                stored = db.execute(
                    "SELECT count(*), count(DISTINCT notes) FROM sessions"
                    " WHERE notes LIKE 'load #%'"
                ).fetchone()
    latencies = [(acked[r.id] - sent[r.id]) * 1000 for r in replies if r.id in acked]
    idle = [late * 1000 for at, late in stalls["stalls"] if idle_from <= at < load_from]
    loaded = [late * 1000 for at, late in stalls["stalls"] if load_from <= at <= load_to]
    late = [x for x in latencies if x > 3000]
    idle_max = max(idle, default=0.0)
    load_max = max(loaded, default=0.0)
    print("| /log sent | acknowledged | over 3 s | refused by Discord (10062) | stored (distinct) "
          "| ack p50 ms | ack p99 ms | ack max ms | all answered in s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {count} | {len(latencies)} | {len(late)} | {len(errors)} | {stored[0]} "
          f"({stored[1]}) | {pct(latencies, 0.5):.0f} | {pct(latencies, 0.99):.0f} | "
          f"{max(latencies):.0f} | {finished:.1f} |")
    print()
    print("| loop stall, idle (floor) ms | loop stall under load ms | ratio |")
    print("|---:|---:|---:|")
    ratio = load_max / idle_max if idle_max else float("inf")
    print(f"| {idle_max:.1f} | {load_max:.1f} | {ratio:.1f} |")
    ok = len(latencies) == count and not late and not errors and stored == (count, count)
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--idle", type=float, default=3.0)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.interactions, args.members, args.idle)))
