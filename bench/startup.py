"""Start-up: time from `pacer` start to ready, and resident memory when idle.

`pacer sandbox` (the real entry point: local Discord, Pacer, store, cogs, date parser warm-up)
is started as a fresh process; "ready" is the moment its banner appears (the bot has logged in,
received every guild and synced its commands to the local Discord). Idle memory is read from
/proc one second after that. The floor is a bare `commands.Bot` (no cogs, no store, no date
parser) against the same local Discord in a fresh process, measured the same way.

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IDLE_SECONDS = 1.0
GOAL_SECONDS = 1.5
GOAL_MB = 120


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def measure(argv: list[str], ready_marker: str, cwd: str) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    env["PACER_DB"] = str(Path(cwd) / "bench.db")
    start = time.perf_counter()
    child = subprocess.Popen(
        argv,
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    try:
        for line in child.stdout:
            if ready_marker in line:
                break
        else:
            raise RuntimeError(f"{argv} ended before it was ready")
        elapsed = time.perf_counter() - start
        time.sleep(IDLE_SECONDS)  # let background work (the date parser warm-up) finish
        memory = rss_mb(child.pid)
        child.stdin.write("quit\n")
        child.stdin.close()
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    return elapsed, memory


async def floor_child() -> None:
    """A bare commands.Bot against the local Discord: the least any bot here can cost."""
    import discord
    from discord.ext import commands

    from bot.localdiscord import LocalDiscord

    async with LocalDiscord() as local:
        local.add_guild("Sandbox Track Club").add_channel("training")
        bot = commands.Bot(command_prefix="!", intents=discord.Intents(guilds=True))
        async with local.run_bot(bot):
            await bot.tree.sync()
            print("READY", flush=True)
            await asyncio.to_thread(sys.stdin.readline)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--floor-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_child:
        asyncio.run(floor_child())
        return 0
    variants = {
        "bare commands.Bot (floor)": (
            [sys.executable, str(Path(__file__).resolve()), "--floor-child"],
            "READY",
        ),
        "pacer sandbox": ([sys.executable, "-m", "bot.cli", "sandbox"], "Pacer sandbox:"),
    }
    results: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="pacer-bench-") as cwd:
        for name, (argv, marker) in variants.items():
            runs = [measure(argv, marker, cwd) for _ in range(args.runs)]
            results[name] = (
                statistics.median(r[0] for r in runs),
                statistics.median(r[1] for r in runs),
            )
    floor_s, floor_mb = results["bare commands.Bot (floor)"]
    pacer_s, pacer_mb = results["pacer sandbox"]
    print(f"median of {args.runs} fresh processes each, {os.cpu_count()} CPUs")
    print(f"{'':28} {'to ready':>10} {'idle RSS':>10}")
    for name, (seconds, mb) in results.items():
        print(f"{name:28} {seconds:9.2f}s {mb:8.0f}MB")
    print(f"{'ratio pacer / floor':28} {pacer_s / floor_s:9.2f}x {pacer_mb / floor_mb:8.2f}x")
    ok = pacer_s < GOAL_SECONDS and pacer_mb < GOAL_MB
    print(f"goal (< {GOAL_SECONDS}s, < {GOAL_MB}MB): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
