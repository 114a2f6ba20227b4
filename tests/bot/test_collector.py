"""Full garbage collections wait for a quiet moment (or a long busy spell), not a burst."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from bot.collector import NEVER, QuietCollector, due, handling_interactions
from bot.localdiscord import LocalDiscord
from bot.pacer import InThreadCharts, Pacer
from bot.runner import serving_bot
from bot.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_due_when_quiet_long_enough_or_busy_too_long() -> None:
    def when(now: float, activity: float, handling: bool = False) -> bool:
        return due(now, last_activity=activity, last_collected=90.0, handling=handling,
                   quiet_s=2.0, at_most_s=600.0)

    assert when(100.0, 97.0)
    assert not when(100.0, 99.5)  # an interaction half a second ago
    assert not when(100.0, 97.0, handling=True)  # none new, but some still being answered
    assert when(700.0, 699.9, handling=True)  # busy ten minutes: collected all the same


async def test_a_collection_waits_for_interactions_to_pause_and_be_answered() -> None:
    clock = Clock()
    answering = [True]
    collector = QuietCollector(clock=clock, handling=lambda: answering[0], quiet_s=2.0,
                               at_most_s=600.0)
    collector.activity()
    clock.now += 1.0
    assert not collector.collect_if_due()  # an interaction a second ago: a burst may go on
    clock.now += 1.5
    assert not collector.collect_if_due()  # the burst is still being answered
    answering[0] = False
    assert collector.collect_if_due()
    assert collector.collections == 1


async def test_a_running_command_handler_counts_as_handling() -> None:
    assert not handling_interactions()
    started = asyncio.Event()
    release = asyncio.Event()

    async def handler() -> None:
        started.set()
        await release.wait()

    task = asyncio.create_task(handler(), name="CommandTree-invoker")  # as discord.py names it
    await started.wait()
    assert handling_interactions()
    release.set()
    await task
    assert not handling_interactions()


async def test_a_long_busy_spell_is_collected_all_the_same() -> None:
    clock = Clock()
    collector = QuietCollector(clock=clock, handling=lambda: True, quiet_s=2.0,
                               at_most_s=600.0)
    for _ in range(700):  # an interaction every second for over ten minutes
        clock.now += 1.0
        collector.activity()
        if collector.collect_if_due():
            break
    assert collector.collections == 1
    assert clock.now - 1000.0 >= 600.0


async def test_python_s_own_full_collections_are_off_while_it_runs() -> None:
    before = gc.get_threshold()
    collector = QuietCollector()
    collector.start()
    try:
        assert gc.get_threshold() == (before[0], before[1], NEVER)
    finally:
        await collector.stop()
    assert gc.get_threshold() == before


async def test_the_serving_bot_collects_while_quiet_and_gives_back_on_close(
    tmp_path: Path,
) -> None:
    before = gc.get_threshold()
    async with LocalDiscord() as local:
        local.add_guild("Track Club")
        bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False,
                    charts=InThreadCharts(), quiet_collections=True)
        async with local.run_bot(bot):
            assert gc.get_threshold()[2] == NEVER
    assert gc.get_threshold() == before
    assert serving_bot(Settings(db_path=str(tmp_path / "q.db"))).collector is not None
    plain = Pacer(Settings(), db_path=str(tmp_path / "r.db"))
    assert plain.collector is None
