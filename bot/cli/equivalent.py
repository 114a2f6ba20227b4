"""`pacer equivalent 5k 20:00`: VDOT, equivalent race times and training paces."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "equivalent",
        help="VDOT, equivalent race times and training paces from one race",
        description="VDOT (Daniels-Gilbert), equivalent times (with Riegel's) and E/M/T/I/R paces.",
    )
    p.add_argument("distance", metavar="DISTANCE", help="1500m, mile, 3k, 5k, 10K, half, marathon")
    p.add_argument("time", metavar="TIME", help="e.g. 20:00 or 1:35:10")
    p.add_argument("--units", choices=("km", "mi"), default="km")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.training import ParseError, equivalent
    from bot.training.report import render_equivalent

    try:
        result = equivalent(args.distance, args.time)
    except ParseError as err:
        print(f"pacer equivalent: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_equivalent(result, args.units).to_text())
    return 0
