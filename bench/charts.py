"""Chart rendering cost: time per chart, and how long the event loop stalls while charts render.

Run: python bench/charts.py   (from the repository root; figures go in BENCHMARKS.md)

Render times are medians and 90th percentiles over repeated renders after a warm-up. The stall
is the worst lateness of a ticker that sleeps 5 ms at a time while ten session charts render
concurrently, through `render_in_thread` and through `ChartWorker`, against the same ticker with
nothing else running (the floor: what this machine's scheduler costs on its own).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.charts import (
    ChartWorker,
    ProgressionChartData,
    RepBar,
    SessionChartData,
    TeamChartData,
    VolumeChartData,
    render_in_thread,
    render_progression,
    render_session,
    render_team,
    render_volume,
)

RUNS = 30
ROUNDS = 7
TICK_S = 0.005
CONCURRENT = 10


def sample_session(seed: int, reps: int = 8) -> SessionChartData:
    rng = random.Random(seed)
    bars = [RepBar(i + 1, 146.0 + rng.uniform(-4, 4), 1000.0, (144.0, 148.0), 90.0)
            for i in range(reps)]
    return SessionChartData(f"{reps} × 1000m w. 90s rec.", bars, 146.0)


def samples() -> dict[str, tuple[Callable[[Any], bytes], Any]]:
    rng = random.Random(1)
    start = date(2026, 3, 3)
    return {
        "session (8 reps)": (render_session, sample_session(1)),
        "session (60 reps)": (render_session, sample_session(2, 60)),
        "progression (20 runs)": (render_progression, ProgressionChartData(
            "6 × 1000m", [(start + timedelta(days=14 * i), 150 - i / 3, 146 - i / 3, 154 - i / 3)
                          for i in range(20)], "km", 1000.0)),
        "team (8 athletes × 6)": (render_team, TeamChartData(
            "WOD", [(f"Runner {a}", [146 + rng.uniform(-6, 6) for _ in range(6)])
                    for a in range(8)], [(144.0, 148.0)] * 6)),
        "volume (26 weeks)": (render_volume, VolumeChartData(
            "Weekly volume", [(start + timedelta(weeks=w), rng.uniform(1e4, 2e4),
                               rng.uniform(4e4, 7e4)) for w in range(26)], "km")),
    }


def render_times() -> list[tuple[str, float, float, float, int]]:
    """Per chart: median and p90 wall time, median CPU time (steadier on a shared machine)."""
    rows = []
    for name, (render, data) in samples().items():
        render(data)  # warm-up: fonts, caches
        times, cpu = [], []
        for _ in range(RUNS):
            t0, c0 = time.perf_counter(), time.thread_time()
            size = len(render(data))
            times.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
        times.sort()
        rows.append((name, statistics.median(times), times[int(0.9 * (len(times) - 1))],
                     statistics.median(cpu), size))
    return rows


async def ticker(stop: asyncio.Event) -> list[float]:
    """Lateness of each 5 ms wake-up: how long the loop could not run a ready task."""
    late = []
    while not stop.is_set():
        t0 = time.perf_counter()
        await asyncio.sleep(TICK_S)
        late.append(time.perf_counter() - t0 - TICK_S)
    return late


async def stall(submit: Callable[[SessionChartData], Any] | None, idle_s: float) -> float:
    """Worst ticker lateness while ten session charts render through `submit` (None: idle)."""
    stop = asyncio.Event()
    ticks = asyncio.create_task(ticker(stop))
    if submit is None:
        await asyncio.sleep(idle_s)
    else:
        await asyncio.gather(*(submit(sample_session(i)) for i in range(CONCURRENT)))
    stop.set()
    return max(await ticks)


async def stalls() -> dict[str, list[float]]:
    """Each way of rendering, ROUNDS times, interleaved so machine noise hits them alike."""
    worker = ChartWorker()
    await worker.start()
    ways: dict[str, Callable[[SessionChartData], Any] | None] = {
        "nothing (floor)": None,
        "render_in_thread": lambda d: render_in_thread(render_session, d),
        "ChartWorker": lambda d: worker.render(render_session, d),
    }
    await stall(ways["render_in_thread"], 0)  # warm the thread pool and its fonts
    results: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(ROUNDS):
        for name, submit in ways.items():
            results[name].append(await stall(submit, 0.8))
    worker.close()
    return results


def main() -> None:
    t0 = time.perf_counter()
    render_session(sample_session(0))
    first = time.perf_counter() - t0
    print(f"first render, matplotlib import included: {first * 1000:.0f} ms\n")
    print(f"{'chart':<24}{'median ms':>10}{'p90 ms':>9}{'CPU ms':>9}{'PNG KB':>9}")
    for name, median, p90, cpu, size in render_times():
        print(f"{name:<24}{median * 1000:>10.1f}{p90 * 1000:>9.1f}{cpu * 1000:>9.1f}"
              f"{size / 1024:>9.1f}")
    results = asyncio.run(stalls())
    print(f"\nlongest event-loop stall (lateness of a {TICK_S * 1000:.0f} ms ticker) while "
          f"{CONCURRENT} session charts render; {ROUNDS} rounds")
    print(f"{'rendering through':<20}{'median ms':>10}{'worst ms':>10}{'x floor':>9}")
    floor = statistics.median(results["nothing (floor)"])
    for name, stalls_s in results.items():
        median = statistics.median(stalls_s)
        print(f"{name:<20}{median * 1000:>10.1f}{max(stalls_s) * 1000:>10.1f}"
              f"{median / floor:>9.1f}")


if __name__ == "__main__":  # the guard also keeps ChartWorker's processes from re-running it
    main()
