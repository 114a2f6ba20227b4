"""Parse + analyse time for a 20-rep session (goal: under 300 µs median).

Run: `python bench/analyze.py`. Prints medians per step and each as a ratio against a floor
measured in the same run (splitting the text and converting the numbers by hand: the least any
reader must do), so figures from a noisy machine stay comparable.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.training import Athlete, analyze, parse_splits
from bot.training.model import Rep, Rest, Workout
from bot.training.notation import parse_workout
from bot.training.report import render

WORKOUT_TEXT = "20 x 400m @ 68-70 w/ 60s rest"
SPLITS_TEXT = "Splits: " + " / ".join(f"{68 + (k % 5) * 0.4:.1f}" for k in range(20))
HAND_WORKOUT = Workout(
    WORKOUT_TEXT,
    tuple(
        Rep(distance_m=400.0, target_s=(68.0, 70.0), rest=Rest(duration_s=60.0) if k < 19 else None)
        for k in range(20)
    ),
)
ATHLETE = Athlete(races=((5000.0, 1080.0),))
PARSED = parse_splits(SPLITS_TEXT)


def floor() -> object:
    return [float(x) for x in SPLITS_TEXT.removeprefix("Splits: ").split(" / ")]


def per_call_us(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number * 1e6


def main(rounds: int = 31, number: int = 100) -> None:
    steps: list[tuple[str, Callable[[], object]]] = [
        ("parse_splits", lambda: parse_splits(SPLITS_TEXT)),
        ("analyze (parsed splits)", lambda: analyze(PARSED, HAND_WORKOUT)),
        ("parse_splits + analyze", lambda: analyze(SPLITS_TEXT, HAND_WORKOUT)),
        ("  + athlete (VDOT, zone)", lambda: analyze(SPLITS_TEXT, HAND_WORKOUT, ATHLETE)),
        ("  + render report", lambda: render(analyze(SPLITS_TEXT, HAND_WORKOUT, ATHLETE))),
        ("  + parse_workout text", lambda: analyze(SPLITS_TEXT, parse_workout(WORKOUT_TEXT))),
    ]
    # Check the inputs read as intended before timing them.
    assert len(analyze(SPLITS_TEXT, parse_workout(WORKOUT_TEXT)).reps) == 20
    for _, fn in steps:
        fn()  # warm caches (VDOT solver, training paces)
    # Rounds interleave the floor and every step, so a burst of load on the shared machine
    # hits them alike; each step's ratio is taken against the floor of its own round.
    times: dict[str, list[float]] = {name: [] for name, _ in steps}
    ratios: dict[str, list[float]] = {name: [] for name, _ in steps}
    floors: list[float] = []
    for _ in range(rounds):
        base = per_call_us(floor, number * 10)
        floors.append(base)
        for name, fn in steps:
            us = per_call_us(fn, number)
            times[name].append(us)
            ratios[name].append(us / base)
    print(f"20-rep session: {WORKOUT_TEXT!r}; Python {sys.version.split()[0]}; "
          f"{rounds} rounds of {number} calls")
    print(f"{'step':28} {'median µs':>10} {'min µs':>8} {'× floor':>8}")
    print(f"{'floor: split + float()':28} {statistics.median(floors):10.1f} {min(floors):8.1f} "
          f"{1.0:8.1f}")
    for name, _ in steps:
        print(f"{name:28} {statistics.median(times[name]):10.1f} {min(times[name]):8.1f} "
              f"{statistics.median(ratios[name]):8.1f}")


if __name__ == "__main__":
    main()
