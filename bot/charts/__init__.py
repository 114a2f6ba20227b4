"""Pacer's charts: pure functions from plain chart data to PNG bytes.

No Discord here, and matplotlib is only imported by the first render, so importing this package
costs nothing at start-up. Renders are CPU work: call them through `ChartWorker.render` (a
separate process: the event loop never stalls) or `render_in_thread`.
"""

from __future__ import annotations

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
from bot.charts.offload import ChartWorker, render_in_thread
from bot.charts.progression import render_progression
from bot.charts.session import render_session
from bot.charts.team import render_team
from bot.charts.volume import render_volume

__all__ = [
    "AthleteReps",
    "ChartWorker",
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
