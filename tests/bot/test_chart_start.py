"""The serving bot starts its chart process at start-up, without waiting for it to be ready."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bot.charts import ChartWorker
from bot.localdiscord import LocalDiscord
from bot.pacer import Pacer
from bot.runner import serving_bot
from bot.settings import Settings

D = TypeVar("D")


class SlowStartCharts:
    """A renderer whose start-up only finishes when the test says so."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.closed = False

    async def start(self) -> None:
        self.started.set()
        await self.release.wait()

    async def render(self, fn: Callable[[D], bytes], data: D) -> bytes:
        return fn(data)

    def close(self) -> None:
        self.closed = True


async def test_chart_start_runs_in_the_background(tmp_path: Path) -> None:
    charts = SlowStartCharts()
    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False,
                    charts=charts, start_charts=True)
        async with local.run_bot(bot):
            assert bot.is_ready()  # ready while the chart process is still starting
            await charts.started.wait()
            assert bot.charts_ready is not None and not bot.charts_ready.done()
        assert bot.charts_ready.cancelled() and charts.closed


async def test_without_start_charts_nothing_starts(tmp_path: Path) -> None:
    charts = SlowStartCharts()
    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False,
                    charts=charts)
        async with local.run_bot(bot):
            assert bot.charts_ready is None and not charts.started.is_set()


def test_pacer_run_serves_a_bot_that_starts_its_chart_process() -> None:
    bot = serving_bot(Settings())
    assert isinstance(bot.charts, ChartWorker) and bot._start_charts
