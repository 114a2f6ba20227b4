import asyncio
import subprocess
import sys

from bot.charts import (
    RepBar,
    SessionChartData,
    TeamChartData,
    render_in_thread,
    render_session,
    render_team,
)


def test_importing_the_package_loads_neither_matplotlib_nor_discord():
    code = ("import sys, bot.charts; "
            "print(sorted(m for m in ('matplotlib', 'discord', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


async def test_renders_in_worker_threads_match_renders_in_line():
    sessions = [
        SessionChartData(f"Session {i}", [RepBar(r + 1, 140.0 + i + r, 1000.0, (142.0, 146.0))
                                          for r in range(6)], 143.0 + i)
        for i in range(2)
    ]
    team = TeamChartData("WOD", [("Ana", [70.0, 71.0]), ("Ben", [72.0, None])])
    # Concurrent renders share matplotlib: each must still come out exactly as when drawn alone.
    threaded = await asyncio.gather(*(render_in_thread(render_session, s) for s in sessions),
                                    render_in_thread(render_team, team))
    assert threaded == [*(render_session(s) for s in sessions), render_team(team)]


def test_documented_examples_are_valid_and_small():
    from pathlib import Path

    from tests.charts.pngcheck import png_size

    folder = Path(__file__).resolve().parents[2] / "docs" / "charts"
    for name in ("session", "progression", "team", "volume"):
        data = (folder / f"{name}.png").read_bytes()
        assert png_size(data) == (1000, 560)
        assert len(data) < 200 * 1024
