"""The serving bot freezes its start-up heap once ready; other bots (tests, tools) do not."""

from __future__ import annotations

import gc
from pathlib import Path

from bot.localdiscord import LocalDiscord
from bot.pacer import InThreadCharts, Pacer
from bot.runner import serving_bot
from bot.settings import Settings


async def test_the_start_up_heap_is_frozen_once_ready(tmp_path: Path) -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=True,
                    charts=InThreadCharts(), freeze_heap=True)
        try:
            async with local.run_bot(bot):
                assert bot.heap_frozen is not None
                await bot.heap_frozen
                assert bot.dates_ready is not None and bot.dates_ready.done()
                frozen = gc.get_freeze_count()
                # Start-up leaves tens of thousands of objects alive (modules, discord.py).
                assert frozen > 10_000
        finally:
            gc.unfreeze()  # the rest of the test run is left to the collector


async def test_only_the_serving_bot_freezes(tmp_path: Path) -> None:
    gc.unfreeze()
    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False,
                    charts=InThreadCharts())
        async with local.run_bot(bot):
            assert bot.heap_frozen is None
            assert gc.get_freeze_count() == 0
    assert serving_bot(Settings(db_path=str(tmp_path / "q.db")))._freeze_heap
