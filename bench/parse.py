"""How fast the workout reader is, against the floor of one regular-expression tokenising pass.

    python bench/parse.py [--repeat N]

Reads every workout text Pacer has (the shared examples, the development corpus, the held-out
set), parses each one N times, and reports the median and p99 time per workout, the same for a
bare `re.findall` tokenising pass over the same texts (the floor: no reader can be cheaper than
looking at every character once), their ratio, and the slowest of a set of adversarial inputs at
the 4,000-character limit.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.training import (  # noqa: E402
    ParseError,
    compiled,
    parse_workout,
)
from bot.training.notation import MAX_TEXT  # noqa: E402

FLOOR = re.compile(r"\d+(?:[.:,]\d+)*|[^\W\d_]+|\S")
CORPORA = [
    ROOT / "tests/training/fixtures/workouts.json",
    ROOT / "tests/training/corpus/workouts.json",
    ROOT / "tests/training/corpus/workouts-2.json",
    ROOT / "tests/training/corpus/workouts-3.json",
    ROOT / "tests/training/corpus/workouts-4.json",
    ROOT / "tests/training/corpus/workouts-5.json",
    ROOT / "bench/heldout/workouts.json",
]


def texts() -> list[str]:
    out: list[str] = []
    for path in CORPORA:
        out.extend(e["text"] for e in json.loads(path.read_text(encoding="utf-8")))
    return out


def adversarial() -> dict[str, str]:
    """Inputs at the length limit that try to make the reader work hard."""
    fill = MAX_TEXT

    def cut(s: str) -> str:
        return (s * (fill // len(s) + 1))[:fill]

    return {
        "repeated rests": cut("6 x 400 w/ 90s "),
        "one long list": cut("400, "),
        "many targets": "40 x 400 @ " + cut("68, ")[: fill - 11],
        "brackets at the depth limit": cut("8 x (" * 8 + "400" + ")" * 8 + ", "),
        "dash sequence": cut("400-"),
        "prose with numbers": cut("we ran 5 of the 400s in about 70 and then some more "),
        "unknown words": cut("lorem ipsum dolor sit amet "),
        "symbols": cut("@/,-+( )"[:7] + " "),
        "lines": cut("6 x 400\n"),
        "expansion limit": cut("10 x (10 x (10 x 1)) "),
        # Shapes fuzzing found: numbers no rep can be, each one tried as the start of a list,
        # a range and a count (these once cost the square of their length: 4.5 s for the list).
        "a list of zeros": cut("0,"),
        "a dash chain of zeros": cut("-0"),
        "a counting ladder": cut("1-2-"),
        "bare zeros": cut("0 "),
    }


def time_once(fn, text: str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(ParseError):
        fn(text)
    return time.perf_counter() - start


def per_text(fns: list, corpus: list[str], repeat: int) -> list[list[float]]:
    """The median of `repeat` runs for each text and each function: one figure per workout.
    The functions take turns on each text, so a change in the machine's load meets them all."""
    out: list[list[float]] = [[] for _ in fns]
    for t in corpus:
        for fn, figures in zip(fns, out, strict=True):
            figures.append(statistics.median(time_once(fn, t) for _ in range(repeat)))
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def import_cost(module: str, runs: int = 7) -> float:
    """Median time to import `module` in a fresh interpreter, less a bare interpreter's start."""
    import subprocess

    def once(code: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        return float(out.stdout)

    timer = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    with_module = [once(timer.format(f"import {module}")) for _ in range(runs)]
    return statistics.median(with_module)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=25)
    args = ap.parse_args()
    corpus = texts()
    for t in corpus:  # warm caches and check nothing but ParseError escapes
        time_once(parse_workout, t)
    # The same reader run from its source, for the gain of compiling it (the same code).
    from_source = compiled.reader_source().read_workout
    runs = compiled.reader_is_compiled()
    reader, floor, uncompiled = per_text(
        [parse_workout, FLOOR.findall, from_source], corpus, args.repeat
    )
    us = 1e6
    print(f"{len(corpus)} workouts, {args.repeat} runs each, median of runs per workout")
    print(
        f"reader ({'compiled with mypyc' if runs else 'from source'}): "
        f"median {statistics.median(reader) * us:.1f} µs, p99 {pct(reader, 0.99) * us:.1f} µs"
    )
    if runs:
        print(
            f"the same reader from source: median {statistics.median(uncompiled) * us:.1f} µs, "
            f"p99 {pct(uncompiled, 0.99) * us:.1f} µs"
        )
    print(f"floor (re.findall tokens): median {statistics.median(floor) * us:.1f} µs, "
          f"p99 {pct(floor, 0.99) * us:.1f} µs")
    ratios = [r / f for r, f in zip(reader, floor, strict=True)]
    print(f"reader / floor per workout: median {statistics.median(ratios):.1f}x")
    print()
    worst = 0.0
    for name, text in adversarial().items():
        t = min(time_once(parse_workout, text) for _ in range(5))
        f = min(time_once(FLOOR.findall, text) for _ in range(5))
        worst = max(worst, t)
        print(f"adversarial {name:<28} {len(text):>5} chars: {t * 1e3:7.2f} ms "
              f"(floor {f * 1e3:.2f} ms, {t / f:.0f}x)")
    print(f"slowest adversarial input: {worst * 1e3:.2f} ms")
    print()
    print(f"import bot.training: {import_cost('bot.training') * 1e3:.1f} ms (median of 7)")
    print(f"import bot.training.notation: {import_cost('bot.training.notation') * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
