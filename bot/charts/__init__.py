"""Pacer's charts: pure functions from plain chart data to PNG bytes.

No Discord here, and matplotlib is only imported by the first render, so importing this package
costs nothing at start-up. Renders are CPU work: call them through `render_in_thread`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from bot.charts.data import (
    AthleteReps,
    ProgressionChartData,
    ProgressionPoint,
    RepBar,
    SessionChartData,
    TeamChartData,
    VolumeChartData,
    VolumeWeek,
    mode_for,
)
from bot.charts.progression import render_progression
from bot.charts.session import render_session
from bot.charts.team import render_team
from bot.charts.volume import render_volume

D = TypeVar("D")


async def render_in_thread(fn: Callable[[D], bytes], data: D) -> bytes:
    """Render in a worker thread so the event loop keeps serving while the chart draws."""
    return await asyncio.to_thread(fn, data)


__all__ = [
    "AthleteReps",
    "ProgressionChartData",
    "ProgressionPoint",
    "RepBar",
    "SessionChartData",
    "TeamChartData",
    "VolumeChartData",
    "VolumeWeek",
    "mode_for",
    "render_in_thread",
    "render_progression",
    "render_session",
    "render_team",
    "render_volume",
]
