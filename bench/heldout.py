"""How well the reader reads real notation it was never tuned on.

    python bench/heldout.py [--show]

`bench/heldout/workouts.json` holds real workouts whose expected structure was written down before
the reader ever read them (see `bench/heldout/README.md`). This prints the share the reader gets
exactly right, and the share right field by field (the reps themselves; then, where the reps are
right, targets, recoveries, race-pace names and segments). It prints no entry unless `--show` is
given: looking at the misses is how a held-out set stops being held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.training import ParseError, parse_workout  # noqa: E402
from tests.training.corpus_match import differences  # noqa: E402

FIELDS = ("reps", "targets", "rest", "named", "segments")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each miss (spoils the set)")
    args = ap.parse_args()
    entries = json.loads((ROOT / "bench/heldout/workouts.json").read_text(encoding="utf-8"))
    exact = refused = 0
    stated = dict.fromkeys(FIELDS, 0)
    right = dict.fromkeys(FIELDS, 0)
    for entry in entries:
        try:
            diffs = differences(entry, parse_workout(entry["text"]))
        except ParseError as err:
            refused += 1
            diffs = [f"reps: refused ({err})"]
        exact += not diffs
        missed = {d.split(":", 1)[0] for d in diffs}
        for name in FIELDS:
            if name == "reps" or name in entry:
                stated[name] += 1
                right[name] += name not in missed and "reps" not in missed
        if diffs and args.show:
            print(repr(entry["text"]), *diffs, sep="\n    ")
    n = len(entries)
    print(f"held-out workouts: {n}")
    print(f"read exactly right: {exact} ({exact / n:.0%})")
    print(f"refused as not a workout: {refused}")
    for name in FIELDS:
        if stated[name]:
            print(f"  {name:<9} right in {right[name]:>3} of {stated[name]:>3} "
                  f"({right[name] / stated[name]:.0%})")


if __name__ == "__main__":
    main()
