"""Progression, weekly volume and the stored form of reps, from plain session rows."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot import history, logbook
from bot.training import Athlete
from storage import SessionRow


def row(sid: int, day: dt.date, reps: list[tuple[float | None, float, float | None]],
        key: str = "3x1000m") -> SessionRow:
    """A stored session: reps as (distance_m, time_s, rest_distance_m)."""
    reps_json = json.dumps([[i + 1, d, None, t, None, None, r, None]
                            for i, (d, t, r) in enumerate(reps)])
    return SessionRow(
        id=sid, guild_id=1, athlete_id=2, athlete_name="ana", day=day, workout_text=None,
        workout_json_text=None, workout_key=key, splits_text=None,
        splits_json=json.dumps([t for _, t, _ in reps]), notes=None, wod_id=None,
        channel_id=None, message_id=None, interaction_id=None,
        created_at=dt.datetime(2026, 7, 1, tzinfo=dt.UTC), edited_at=None, reps_json=reps_json,
    )


MON = dt.date(2026, 7, 13)


def test_runs_are_oldest_first_with_mean_extremes_and_spread() -> None:
    rows = [row(2, MON, [(1000, 150, None), (1000, 152, None)]),
            row(1, MON - dt.timedelta(days=7), [(1000, 155, None), (1000, 157, None)])]
    runs = history.runs(rows, by_pace=False)
    assert [(r.session_id, r.mean_s, r.fastest_s, r.slowest_s) for r in runs] == [
        (1, 156.0, 155.0, 157.0), (2, 151.0, 150.0, 152.0)]
    assert runs[0].sd_s == pytest.approx(2 ** 0.5)
    assert history.slope_per_week(runs) == pytest.approx(-5.0)
    assert history.slope_per_week(runs[:1]) is None


def test_mixed_distances_compare_on_pace() -> None:
    rows = [row(1, MON, [(400, 80, None)]), row(2, MON, [(800, 170, None)])]
    assert history.common_distance(rows) is None
    runs = history.runs(rows, by_pace=True)
    assert [r.mean_s for r in runs] == [200.0, 212.5]
    assert history.common_distance([rows[0]]) == 400


def test_volume_weeks_count_work_and_recoveries_and_keep_empty_weeks() -> None:
    rows = [row(1, MON, [(1000, 150, 400), (1000, 150, None)]),
            row(2, MON + dt.timedelta(days=2), [(400, 70, 200)]),
            row(3, MON - dt.timedelta(weeks=2), [(800, 160, None)]),
            row(4, MON - dt.timedelta(weeks=9), [(800, 160, None)])]  # before the window
    weeks = history.volume_weeks(rows, MON + dt.timedelta(days=3), 4)
    assert [w.week_start for w in weeks] == [MON - dt.timedelta(weeks=k) for k in (3, 2, 1, 0)]
    assert [(w.work_m, w.total_m) for w in weeks] == [
        (0.0, 0.0), (800.0, 800.0), (0.0, 0.0), (2400.0, 3000.0)]


def test_rep_rows_carry_lengths_times_targets_and_rests() -> None:
    reading = logbook.read("67 69 2:00", "3 x 400m @ 68 w/ 90s", Athlete())
    reps = logbook.rep_rows(reading.analysis)
    assert [(r.index, r.distance_m, r.time_s, r.target_low_s, r.rest_duration_s)
            for r in reps] == [(1, 400.0, 67.0, 68.0, 90.0), (2, 400.0, 69.0, 68.0, 90.0),
                               (3, 400.0, 120.0, 68.0, None)]


def test_read_refuses_more_reps_than_a_session_keeps() -> None:
    with pytest.raises(logbook.LogInputError) as err:
        logbook.read("65 " * 501, None, Athlete())
    assert err.value.part == "splits" and "at most 500" in str(err.value)


def test_the_texts_alone_refuse_more_reps_than_a_session_keeps() -> None:
    """Before /log's defer: the refusal is its first, ephemeral answer."""
    with pytest.raises(logbook.LogInputError) as err:
        logbook.parse_texts("65 " * 501, None)
    assert err.value.part == "splits" and "at most 500" in str(err.value)
    for workout, reps in ((None, 500), ("20 x 400m", 20)):
        texts = logbook.parse_texts("65 " * 500, workout)  # at the limit: taken
        assert len(logbook.analysed(texts, Athlete()).analysis.reps) == reps


def test_read_says_which_part_failed() -> None:
    with pytest.raises(logbook.LogInputError) as err:
        logbook.read("2:26", "felt great", Athlete())
    assert err.value.part == "workout" and str(err.value).startswith("Couldn't read the workout")


def test_one_line_has_no_user_text_but_the_workout_key() -> None:
    line = logbook.one_line(row(7, MON, [(400, 67.5, None), (400, 66.9, None)], key="2x400m"))
    assert line == "#7 · Mon 13 Jul · 2x400m · 2 reps · avg 67.2"


def test_one_line_of_a_ladder_gives_its_pace_not_a_mean_of_unlike_reps() -> None:
    ladder = row(8, MON, [(400, 62.0, None), (800, 125.0, None), (1200, 190.0, None)],
                 key="400m,800m,1200m")
    assert logbook.one_line(ladder) == "#8 · Mon 13 Jul · 400m,800m,1200m · 3 reps · avg 2:37/km"
    assert logbook.one_line(ladder, "mi").endswith("avg 4:13/mi")
