"""examples/wod-day.txt, run through the sandbox: a coach's workout of the day, end to end."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from storage import Store
from tests.charts.pngcheck import png_size
from tests.examples.scripts import run_example

NOW = dt.datetime(2026, 7, 15, 14, 0, tzinfo=dt.UTC)  # Wednesday, 16:00 in Paris


async def test_a_workout_of_the_day(tmp_path: Path) -> None:
    db = tmp_path / "wod.db"
    status, text = await run_example("wod-day.txt", db, tmp_path / "files", NOW)
    assert status == 0
    assert "Discord would not send" not in text and "went wrong" not in text
    assert "Posted workout of the day #1" in text
    assert "Wednesday track · Wednesday 15 July 2026" in text
    assert "[ Log my splits ] [ My targets ]" in text
    # Ana's 5k in 17:30 makes her 400s 84 s (3:30 per km).
    assert "8 × 400 m @ 5k: 84 → 84/400 · 3:30/km · 5:38/mi" in text
    assert "3 athletes logged it." in text  # two from the post, cleo's /log joins today's WOD
    assert "Scheduled workout of the day #2 for Thu 16 Jul 06:00 (Europe/Paris)" in text
    assert "#2 · Thu 16 Jul 06:00 · scheduled · 5x1mi" in text
    png_size((tmp_path / "files" / "team.png").read_bytes())

    (guild_id,) = sqlite3.connect(db).execute("SELECT guild_id FROM guilds").fetchone()
    async with await Store.open(db) as store:
        results = await store.wod_results(guild_id, 1, include_hidden=True)
    assert sorted(s.athlete_name for s in results) == ["ana", "ben", "cleo"]
    assert {s.day for s in results} == {dt.date(2026, 7, 15)}
