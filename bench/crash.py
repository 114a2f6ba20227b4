"""Crash bench: SIGKILL Pacer at random moments while /log interactions stream in, or around
the publication of scheduled workouts of the day.

    python bench/crash.py [--rounds 50] [--seed 1]
    python bench/crash.py --wod [--rounds 50] [--seed 1]

/log: each round starts the bot (its own process) on a fresh database against a local Discord,
streams /log from 20 members (4 in flight), kills it after a random 0-1.5 s, restarts it, logs
three more, stops it (SIGTERM, must exit 0) and checks the database (tests/proof/crash_harness.py):
integrity_check ok, every answered /log stored, none twice, none half-written.

--wod: each round schedules five workouts of the day due within 0.3 s of each other over two
channels, starts the bot on a fresh database, kills it at a random moment around publication (a
third of the rounds at a wall-clock moment from 0.2 s before the first is due to 0.6 s after, a
third the moment the k-th post appears, k random, a third 0-6 ms after that), restarts it with
its clock 58.5-61 s ahead (around the dispatcher's 60 s doubt grace, so a post left in doubt is
settled at once or after a short wait), stops it once its dispatcher has recorded every WOD, and
checks (tests/proof/wod_crash_harness.py): each posted exactly once, each row 'posted' with its
one post's message id, integrity_check ok.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.localdiscord import LocalDiscord
from bot.localdiscord.process import BotProcess
from tests.proof.crash_harness import Stream, crash_round
from tests.proof.wod_crash_harness import (
    DOUBT_GRACE_S,
    STATES,
    at_seconds_from_due,
    when_posted,
    wod_crash_round,
)

WODS_PER_ROUND = 5


def after_delay(seconds: float):
    async def wait(stream: Stream) -> None:
        await asyncio.sleep(seconds)  # a random moment: the point of this bench
    return wait


async def main(rounds: int, seed: int) -> int:
    rng = random.Random(seed)
    failures = 0
    sent = answered = stored = unanswered_stored = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        async with LocalDiscord() as discord:
            guild = discord.add_guild("Track Club")
            members = [guild.add_member(f"runner{i}") for i in range(20)]
            channel = guild.add_channel("training")
            for n in range(rounds):
                proc = BotProcess(discord, Path(tmp) / f"round{n}.db",
                                  log_path=Path(tmp) / "bot.log")
                await proc.start(sync=n == 0)
                delay = rng.uniform(0.0, 1.5)
                check = await crash_round(discord, proc, members, channel,
                                          after_delay(delay), tag=f"r{n}")
                sent += check.sent
                answered += check.answered
                stored += check.stored
                unanswered_stored += check.stored - check.answered
                status = "ok" if check.ok else f"FAILED {check}"
                failures += not check.ok
                print(f"round {n + 1:>2}: kill after {delay:.2f} s, {check.sent} sent, "
                      f"{check.answered} answered, {check.stored} stored: {status}", flush=True)
    elapsed = time.perf_counter() - started
    print()
    print("| rounds | /log sent | answered | stored | stored, answer lost in the kill "
          "| failed rounds | time |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {rounds} | {sent} | {answered} | {stored} | {unanswered_stored} | {failures} "
          f"| {elapsed:.0f} s |")
    return 1 if failures else 0


async def main_wod(rounds: int, seed: int) -> int:
    rng = random.Random(seed)
    failures = 0
    states: dict[str, int] = dict.fromkeys(STATES, 0)
    waited = 0  # rounds whose restart came inside the grace of a post left in doubt
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        async with LocalDiscord() as discord:
            guild = discord.add_guild("Track Club")
            coach = guild.add_member("carla")
            warm = BotProcess(discord, Path(tmp) / "warm.db", log_path=Path(tmp) / "bot.log")
            t = time.perf_counter()
            await warm.start(sync=True)  # syncs the commands once; its time sets the first lead
            startup = time.perf_counter() - t
            await warm.stop()
            for n in range(rounds):
                proc = BotProcess(discord, Path(tmp) / f"round{n}.db",
                                  log_path=Path(tmp) / "bot.log")
                spread = sorted([0.0] + [rng.uniform(0.0, 0.3)
                                         for _ in range(WODS_PER_ROUND - 1)])
                mode = rng.randrange(3)
                k = rng.randint(1, WODS_PER_ROUND)
                if mode == 0:
                    offset = rng.uniform(-0.2, 0.6)
                    kill, how = at_seconds_from_due(offset), f"at due {offset:+.2f} s"
                elif mode == 1:
                    kill, how = when_posted(k), f"as post {k} appears"
                else:
                    then = rng.uniform(0.0, 0.006)
                    kill, how = when_posted(k, then), f"{then * 1000:.0f} ms after post {k}"
                lead = startup + rng.uniform(-0.3, 0.8)
                restart = DOUBT_GRACE_S + rng.uniform(-1.5, 1.0)
                t = time.perf_counter()
                check = await wod_crash_round(
                    discord, proc, guild, coach, kill, lead_s=lead, spread_s=spread,
                    restart_offset_s=restart, tag=f"r{n}",
                )
                for state, count in check.at_kill.items():
                    states[state] = states.get(state, 0) + count
                doubt = check.at_kill.get("claimed, not sent", 0) + check.at_kill.get(
                    "sent, not recorded", 0)
                waited += bool(doubt) and restart < DOUBT_GRACE_S
                status = "ok" if check.ok else f"FAILED {check}"
                failures += not check.ok
                at_kill = ", ".join(f"{v} {k}" for k, v in check.at_kill.items())
                print(f"round {n + 1:>2}: killed {how}: {at_kill}; restart +{restart:.1f} s;"
                      f" {time.perf_counter() - t:.1f} s: {status}", flush=True)
    elapsed = time.perf_counter() - started
    print()
    print("| rounds | WODs | at the kill: " + " | ".join(STATES)
          + " | restarts inside the grace | failed rounds | time |")
    print("|---:|---:|" + "---:|" * len(STATES) + "---:|---:|---:|")
    print(f"| {rounds} | {rounds * WODS_PER_ROUND} | "
          + " | ".join(str(states.get(s, 0)) for s in STATES)
          + f" | {waited} | {failures} | {elapsed:.0f} s |")
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--wod", action="store_true",
                        help="kill around scheduled workouts of the day instead of /log")
    args = parser.parse_args()
    run = main_wod if args.wod else main
    sys.exit(asyncio.run(run(args.rounds, args.seed)))
