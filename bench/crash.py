"""Crash bench: SIGKILL Pacer at random moments while /log interactions stream in.

    python bench/crash.py [--rounds 50] [--seed 1]

Each round: start the bot (its own process) on a fresh database against a local Discord,
stream /log from 20 members (4 in flight), kill it after a random 0-1.5 s, restart it, log
three more, stop it (SIGTERM, must exit 0) and check the database (tests/proof/crash_harness.py):
integrity_check ok, every answered /log stored, none twice, none half-written.
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.rounds, args.seed)))
