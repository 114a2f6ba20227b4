"""How long the event loop stalls while ten `/log` replies draw their charts at once.

    python bench/log_charts.py [--rounds N]

A Pacer bot with its real chart worker (a separate process) runs against the local Discord in
this process; ten athletes send `/log` at the same moment, each reply deferring, analysing,
storing and attaching its session chart. A ticker sleeping 5 ms at a time records how late the
loop wakes it; the floor is the same ticker on the same loop with nothing sent. The same run with
charts drawn in threads shows why the bot draws them in a process.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.charts import ChartWorker
from bot.localdiscord import LocalDiscord
from bot.pacer import ChartRenderer, InThreadCharts, Pacer
from bot.settings import Settings

ATHLETES = 10
TICK = 0.005


async def ticker(stop: asyncio.Event) -> float:
    worst = 0.0
    while not stop.is_set():
        start = time.perf_counter()
        await asyncio.sleep(TICK)
        worst = max(worst, time.perf_counter() - start - TICK)
    return worst


async def one_round(charts: ChartRenderer, db: Path, send: bool) -> tuple[float, int]:
    async with LocalDiscord() as local:
        guild = local.add_guild("Track Club")
        channel = guild.add_channel("training")
        members = [guild.add_member(f"athlete{i}") for i in range(ATHLETES)]

        def make_bot() -> Pacer:
            return Pacer(Settings(), db_path=str(db), warm_up_dates=False, charts=charts)

        async with local.run_bot(make_bot) as bot:
            await bot.tree.sync()
            # One /log first, so the worker process and the bot's caches are warm.
            await local.slash(members[0], channel, "log", splits="68 69 67", workout="3 x 400")
            stop = asyncio.Event()
            tick = asyncio.create_task(ticker(stop))
            await asyncio.sleep(0.05)
            replies = []
            if send:
                replies = await asyncio.gather(
                    *(
                        local.slash(
                            m, channel, "log", splits="2:26 2:28 2:26 2:27 2:26 2:24",
                            workout="6 x 1000m w/ 500m rec", timeout=30.0,
                        )
                        for m in members
                    )
                )
            else:
                await asyncio.sleep(1.0)
            stop.set()
            worst = await tick
            charts_sent = sum(1 for r in replies if any(n.endswith(".png") for n in r.files))
            return worst, charts_sent


async def measure(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        worker = ChartWorker()
        await worker.start()
        try:
            rows = []
            for config, (name, charts, send) in enumerate((
                ("idle loop (floor)", InThreadCharts(), False),
                ("10 x /log, charts in a process", worker, True),
                ("10 x /log, charts in threads", InThreadCharts(), True),
            )):
                stalls, sent = [], 0
                for r in range(rounds):
                    worst, n = await one_round(charts, Path(tmp) / f"{config}-{r}.db", send)
                    stalls.append(worst * 1e3)
                    sent += n
                rows.append((name, statistics.median(stalls), max(stalls), sent))
        finally:
            worker.close()
    print(f"{ATHLETES} concurrent /log replies with charts, {rounds} rounds each")
    print(f"{'':34} {'median stall':>12} {'worst':>8} {'charts sent':>12}")
    for name, median, worst, sent in rows:
        print(f"{name:34} {median:9.1f} ms {worst:5.1f} ms {sent:12}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    asyncio.run(measure(args.rounds))


if __name__ == "__main__":
    main()
