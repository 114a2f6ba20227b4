"""Draw one example of each chart into docs/charts/ (shown in docs/charts.md).

Run: python bench/make_chart_examples.py   (from the repository root)
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.charts import (  # noqa: E402 (needs the path above)
    AthleteReps,
    ProgressionChartData,
    ProgressionPoint,
    RepBar,
    SessionChartData,
    TeamChartData,
    VolumeChartData,
    VolumeWeek,
    render_progression,
    render_session,
    render_team,
    render_volume,
)

OUT = ROOT / "docs" / "charts"
LIMIT = 200 * 1024
TARGET = (144.0, 148.0)


def session() -> SessionChartData:
    times = [146.4, 147.9, 145.2, 143.1, 149.6, None, 146.0, 144.8]
    reps = [RepBar(i + 1, t, 1000.0, TARGET, 90.0, None) for i, t in enumerate(times)]
    return SessionChartData("Tuesday: 8 × 1000m w. 90s rec.", reps, 146.1, "km", "time")


def progression() -> ProgressionChartData:
    rng = random.Random(3)
    points = []
    for i in range(12):
        mean = 151.0 - i * 0.6 + rng.uniform(-1.2, 1.2)
        points.append(ProgressionPoint(date(2026, 5, 5) + timedelta(days=14 * i), mean,
                                       mean - rng.uniform(2, 4), mean + rng.uniform(2, 5)))
    return ProgressionChartData("8 × 1000m: how it has gone", points, "km", 1000.0)


def team() -> TeamChartData:
    return TeamChartData(
        "WOD 21 Nov: 6 × 1000m",
        [AthleteReps("Ana", [146.0, 147.2, 145.1, 149.0, 146.3, 144.2]),
         AthleteReps("Ben", [150.1, 151.0, None, 152.4, 150.2, 149.1]),
         AthleteReps("Chloé", [144.9, 145.5, 146.1, 146.8, 145.0, 143.7]),
         AthleteReps("Dev", [141.0, 142.3, 141.8, 143.2, 144.0, 139.9]),
         AthleteReps("Eun-ji", [147.5, 147.0, 146.6, 146.9, 146.2, 145.4])],
        [TARGET] * 6,
    )


def volume() -> VolumeChartData:
    rng = random.Random(5)
    weeks = []
    for i in range(16):
        if i == 9:
            continue  # a week off: it shows as a gap
        total = 45000 + i * 900 + rng.uniform(-6000, 6000)
        weeks.append(VolumeWeek(date(2026, 8, 3) + timedelta(weeks=i),
                                rng.uniform(0.22, 0.34) * total, total))
    return VolumeChartData("Your weekly volume", weeks, "km")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, png in [("session", render_session(session())),
                      ("progression", render_progression(progression())),
                      ("team", render_team(team())),
                      ("volume", render_volume(volume()))]:
        if len(png) >= LIMIT:
            raise SystemExit(f"{name}.png is {len(png)} bytes, over the 200 KB limit")
        (OUT / f"{name}.png").write_bytes(png)
        print(f"docs/charts/{name}.png  {len(png) / 1024:.1f} KB")


if __name__ == "__main__":
    main()
