"""examples/team-week.txt, run through the sandbox: a week of a team's training, end to end."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from storage import Store
from tests.charts.pngcheck import png_size
from tests.examples.scripts import run_example

NOW = dt.datetime(2026, 7, 15, 18, 0, tzinfo=dt.UTC)  # a Wednesday


async def test_a_week_of_training(tmp_path: Path) -> None:
    db = tmp_path / "week.db"
    status, text = await run_example("team-week.txt", db, tmp_path / "files", NOW)
    assert status == 0
    assert "Discord would not send" not in text and "went wrong" not in text
    assert "There is no command" not in text
    # Ana's 1000s are judged against her 5k pace from /profile (17:30 -> 3:30 per km).
    assert "5 × 1000 m · avg 3:29.6" in text and "5/5 on target" in text
    assert "Session #4 · cleo · 2026-07-14" in text  # "yesterday" from the message
    assert "#5 · Wed 15 Jul · 5x1000m · 5 reps · avg 3:26.4" in text
    assert "#1 · Mon 13 Jul · 5x1000m · 5 reps · avg 3:29.6" in text
    assert "Trend: mean rep faster by" in text
    assert "That athlete keeps their sessions to themselves" in text  # ana asks for ben's
    assert "#2 · Mon 13 Jul · 8x400m · 8 reps · avg 67.2" in text  # the coach may see them
    charts = sorted(p.name for p in (tmp_path / "files").iterdir())
    assert len([c for c in charts if c.startswith("session")]) == 5
    assert any(c.startswith("volume") for c in charts) and "progress.png" in charts
    for name in charts:
        png_size((tmp_path / "files" / name).read_bytes())

    (guild_id,) = sqlite3.connect(db).execute("SELECT guild_id FROM guilds").fetchone()
    async with await Store.open(db) as store:
        athletes = {a.display_name: a for a in await store.athletes(guild_id)}
        sessions = await store.recent_sessions(guild_id, athletes["ana"].athlete_id)
    assert athletes["ben"].hidden and not athletes["ana"].hidden
    assert [s.day.isoformat() for s in sessions] == ["2026-07-15", "2026-07-14", "2026-07-13"]
