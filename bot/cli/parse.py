"""`pacer parse TEXT`: how Pacer reads a workout."""

from __future__ import annotations

import argparse
import json
import sys

from bot.training import ParseError, Workout, parse_workout
from bot.training.notation.canonical import rep_text, rest_text


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "parse",
        help="read a workout and show its reps",
        description="Read workout notation (e.g. '6 x 1,000m w. 500m rec.') and show the reps.",
    )
    p.add_argument("text", nargs="+", help="the workout, as a coach would write it")
    p.add_argument("--json", action="store_true", help="print the parsed workout as JSON")
    p.set_defaults(func=run)


def rep_table(workout: Workout) -> str:
    rows = [("#", "rep", "recovery after")]
    for i, rep in enumerate(workout.reps, start=1):
        rows.append((str(i), rep_text(rep), "" if rep.rest is None else rest_text(rep.rest)))
    widths = [max(len(r[c]) for r in rows) for c in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(widths[c]) for c, cell in enumerate(row)).rstrip() for row in rows
    )


def run(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    try:
        workout = parse_workout(text)
    except ParseError as err:
        print(f"pacer: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(workout.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(workout.summary())
    if workout.groups:
        first, *others = workout.groups
        print(f"read for {first} only (also in the post: {', '.join(others)})")
    print()
    print(workout.describe())
    print()
    print(rep_table(workout))
    return 0
