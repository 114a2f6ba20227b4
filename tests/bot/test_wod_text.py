"""The words and numbers of a workout of the day: structure, targets, team results."""

from __future__ import annotations

import datetime as dt
import json

from bot.training import Athlete, parse_workout
from bot.wod_text import (
    athlete_target_lines,
    paces_text,
    results_table,
    structure_lines,
    target_lines,
    team_rows,
)
from storage import SessionRow

NOW = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)


def session(sid: int, athlete: int, name: str, times: list[float | None],
            target: tuple[float, float] | None = (200.0, 200.0)) -> SessionRow:
    reps = [[i, 1000.0, None, t, *(target or (None, None)), None, 90.0]
            for i, t in enumerate(times)]
    return SessionRow(sid, 1, athlete, name, NOW.date(), "6 x 1000m", None, "6x1000m", None,
                      "[]", None, 1, None, None, None, NOW, None, json.dumps(reps))


def test_structure_counts_work_and_recoveries() -> None:
    lines = structure_lines(parse_workout("6 x 1,000m w. 500m rec."))
    assert lines == ["6 × 1000m · 6 reps · 6 km of work · 8.5 km in all",
                     "Recoveries: 2.5 km in all"]
    assert structure_lines(parse_workout("6 x 1000m w/ 90s jog"))[1] == "Recoveries: 7:30 in all"


def test_structure_says_which_group_of_a_post_was_read() -> None:
    lines = structure_lines(parse_workout("Varsity: 6 x 800 w/ 2 min\nJV: 4 x 800 w/ 2 min"))
    assert lines[0].startswith("6 × 800m")
    assert lines[-1] == "Read for Varsity only (also in the post: JV)"


def test_targets_per_rep_and_per_lap_km_and_mile() -> None:
    assert paces_text(200, 200) == "80/400 · 3:20/km · 5:22/mi"
    assert target_lines(parse_workout("4 x 1 mile @ 5:20-5:25 w/ 3 min rest")) == [
        "4 × 1 mi @ 5:20-5:25 → 79.5-80.8/400 · 3:19-3:22/km · 5:20-5:25/mi"
    ]
    assert target_lines(parse_workout("20 min @ 5:10/mi")) == [
        "20 min @ 77.1/400 · 3:13/km · 5:10/mi"
    ]
    assert target_lines(parse_workout("8 x 400m @ 5k pace w/ 200m jog")) == [
        "8 × 400 m @ 5k pace: press **My targets**"
    ]
    assert target_lines(parse_workout("6 x 1000m w/ 90s jog")) == []


def test_named_targets_become_this_athletes_times() -> None:
    workout = parse_workout("8 x 400m @ 5k pace w/ 200m jog")
    lines, notes = athlete_target_lines(workout, Athlete(races=((5000.0, 1200.0),)))
    assert lines == ["8 × 400 m @ 5k: **1:36** → 1:36/400 · 4:00/km · 6:26/mi"]
    assert notes == []
    lines, notes = athlete_target_lines(workout, Athlete())
    assert lines == [] and notes == ["“5k” needs a race result to become a time."]


def test_team_rows_keep_each_athletes_latest_log() -> None:
    rows = team_rows([
        session(1, 11, "ana", [201, 199]),
        session(2, 22, "ben", [210, None, 205]),
        session(3, 11, "ana", [200, 200]),
    ])
    assert [r.name for r in rows] == ["ben", "ana"]
    ben, ana = rows
    assert ben.times_s == (210, None, 205) and ben.mean_s == 207.5
    assert ben.spread_s is not None and round(ben.spread_s, 3) == 3.536
    assert (ben.on_target, ben.judged, ben.hit_rate) == (0, 2, 0.0)
    assert (ana.mean_s, ana.spread_s, ana.hit_rate) == (200.0, 0.0, 1.0)


def test_results_table_marks_off_target_reps() -> None:
    rows = team_rows([
        session(1, 11, "a`very`long`name", [195, 200, 205]),
        session(2, 22, "ben", [200, 200], target=None),
    ])
    header, lines = results_table(rows, max_width=80)
    assert header.split() == ["athlete", "#1", "#2", "#3", "mean", "SD", "hit"]
    assert lines[0].split() == ["aˋveryˋlo…", "3:15+", "3:20", "3:25-", "3:20.0", "5.0", "1/3"]
    assert lines[1].split() == ["ben", "3:20", "3:20", "3:20.0", "0.0", "–"]


def test_results_means_keep_their_tenth_in_one_column() -> None:
    rows = team_rows([session(1, 11, "ana", [84, 83, 84, 82, 83, 84, 83, 81]),
                      session(2, 22, "ben", [88, 87, 86, 88, 87, 89, 88, 86])])
    _, entries = results_table(rows)
    means = [entry.splitlines()[0].split()[1] for entry in entries]
    assert sorted(means) == ["83.0", "87.4"]


def test_results_wider_than_a_phone_put_the_reps_under_each_athlete() -> None:
    times = [195, 200, 205, 199, 201, 200, 198, 202, 196, 203, 200, 204]
    rows = team_rows([session(1, 11, "ana", times), session(2, 22, " #ben", [200, 200, 201])])
    header, entries = results_table(rows)
    assert header.split() == ["athlete", "mean", "SD", "hit"]
    ana, ben = (entry.splitlines() for entry in entries)
    assert ana[0].split() == ["ana", "3:20.2", "3.0", "7/12"]
    assert ana[1].split() == ["#1", "3:15+", "3:20", "3:25-", "3:19", "3:21", "3:20"]
    assert ana[2].split() == ["#7", "3:18", "3:22", "3:16+", "3:23-", "3:20", "3:24-"]
    assert ben[0].split() == ["#ben", "3:20.3", "0.6", "3/3"]  # no leading blank: not a rep line
    assert ben[1:] == [" #1   3:20  3:20  3:21"]
    assert all(len(line) <= 40 for entry in entries for line in entry.splitlines())
    assert all(line.startswith(" #") for line in ana[1:] + ben[1:])


def test_results_embed_counts_the_athletes_it_shows() -> None:
    from zoneinfo import ZoneInfo

    from bot.wod_embeds import results_embed
    from storage.records import WodRow

    wod = WodRow(1, 1, 9, "12 x 400m", None, None, None, 5, NOW.date(), NOW, "posted", None,
                 None, NOW, 77, None, NOW)
    times = [70.0 + (i % 3) for i in range(12)]
    rows = team_rows([session(k, 100 + k, f"athlete{k}", times) for k in range(1, 151)])
    embed = results_embed(wod, rows, ZoneInfo("UTC"))
    shown = [
        line.split()[0]
        for field in embed.fields
        for line in (field.value or "").strip("`\n").splitlines()[1:]
        if not line.startswith(" ")
    ]
    assert 0 < len(shown) < 150 and shown[0] == "athlete1"
    assert f"Showing {len(shown)} of 150." in (embed.description or "")
