"""`pacer analyze --workout TEXT --splits TEXT`: the pace analysis Pacer replies with."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "analyze",
        help="analyse splits against a workout",
        description="Read splits (and the workout they belong to) and print the pace analysis.",
    )
    p.add_argument("--splits", required=True, metavar="TEXT", help="e.g. '2:26 / 2:28 / 2:26'")
    p.add_argument("--workout", metavar="TEXT", help="e.g. '6 x 1,000m w. 500m rec.'")
    p.add_argument(
        "--race",
        action="append",
        default=[],
        metavar="RACE",
        help="a race result such as '5k 20:00' (repeatable): resolves named targets, adds VDOT",
    )
    p.add_argument("--units", choices=("km", "mi"), default="km")
    p.add_argument("--json", action="store_true", help="print the analysis as JSON")
    p.add_argument("--chart", metavar="FILE", help="also draw the session chart as a PNG file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.training import Athlete, ParseError, analyze, parse_splits
    from bot.training.analysis import parse_race
    from bot.training.report import render

    try:
        splits = parse_splits(args.splits)
        workout = None
        if args.workout is not None:
            from bot.training.notation import parse_workout

            workout = parse_workout(args.workout)
        athlete = None
        if args.race:
            athlete = Athlete(races=tuple(parse_race(r) for r in args.race), units=args.units)
        analysis = analyze(splits, workout, athlete)
    except ParseError as err:
        print(f"pacer analyze: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(analysis.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(analysis, args.units).to_text())
    if args.chart:
        from bot.charts import render_session
        from bot.training.report import chart_data

        title = workout.text if workout is not None else ""
        png = render_session(chart_data(analysis, workout, title, args.units))
        try:
            with open(args.chart, "wb") as out:
                out.write(png)
        except OSError as err:
            print(f"pacer analyze: cannot write the chart: {err}", file=sys.stderr)
            return 2
    return 0
