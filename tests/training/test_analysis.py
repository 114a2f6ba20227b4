import pytest

from bot.training import Analysis, Athlete, ParseError, analyze, parse_splits
from bot.training.analysis import (
    fastest_possible_s,
    judge,
    nearest_zone,
    parse_race,
    single_target_tolerance,
)
from bot.training.model import Rep, Rest, Workout
from bot.training.units import MILE_M
from bot.training.vdot import training_paces

from .helpers import reps_workout, worked_example

EXAMPLE_SPLITS = "2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24"


def test_worked_example_set_statistics():
    result = analyze(EXAMPLE_SPLITS, worked_example())
    assert isinstance(result, Analysis)
    s = result.to_dict()["set"]
    assert s["mean_s"] == pytest.approx(146.17, abs=0.005)
    assert s["median_s"] == 146.0
    assert s["stdev_s"] == pytest.approx(1.33, abs=0.005)
    assert s["range_s"] == 4.0
    assert s["fastest_rep"] == 6
    assert s["slowest_rep"] == 2
    assert s["first_half_s"] == pytest.approx(146.67, abs=0.005)
    assert s["second_half_s"] == pytest.approx(145.67, abs=0.005)
    assert s["split_diff_s"] == pytest.approx(1.0)
    assert s["negative_split"] is True
    assert s["diffs_s"] == [2.0, -2.0, 1.0, -1.0, -2.0]
    assert s["cv"] == pytest.approx(1.3292 / 146.1667, abs=1e-4)
    assert s["work_distance_m"] == 6000.0
    assert s["work_time_s"] == 877.0
    # 2:26.2 per km, 3:55.2 per mile, 58.5 per 400 m.
    assert s["mean_pace_s_per_km"] == pytest.approx(146.17, abs=0.01)
    assert s["mean_pace_s_per_mile"] == pytest.approx(235.2, abs=0.05)
    assert s["mean_pace_s_per_400m"] == pytest.approx(58.5, abs=0.05)
    assert s["basis"] == "time_s"
    # Rests are 500 m jogs with no time: no work-to-rest ratio.
    assert s["work_rest_ratio"] is None
    assert result.notes == ()


def test_worked_example_per_rep():
    reps = analyze(EXAMPLE_SPLITS, worked_example()).to_dict()["reps"]
    first = reps[0]
    assert first["rep"] == 1
    assert first["time_s"] == 146.0
    assert first["distance_m"] == 1000.0
    assert first["pace_s_per_km"] == 146.0
    assert first["pace_s_per_mile"] == pytest.approx(146 * MILE_M / 1000, abs=0.01)
    assert first["pace_s_per_400m"] == pytest.approx(58.4)
    assert first["speed_m_s"] == pytest.approx(1000 / 146, abs=0.001)
    assert first["speed_km_h"] == pytest.approx(3600 / 146, abs=0.01)
    assert first["rest"] == {"distance_m": 500.0, "duration_s": None, "kind": None}
    assert reps[-1]["rest"] is None


def test_trend_is_the_least_squares_slope():
    s = analyze("60 61 62 63 64").to_dict()["set"]
    assert s["trend_s_per_rep"] == pytest.approx(1.0)
    assert s["negative_split"] is False
    assert s["split_diff_s"] == pytest.approx(-3.0)  # (60+61)/2 - (63+64)/2; rep 3 sits out


def test_without_workout_each_split_is_a_rep_of_unknown_length():
    result = analyze(parse_splits("70, 69, 68"))
    d = result.to_dict()
    assert d["prescribed_reps"] is None
    assert [r["distance_m"] for r in d["reps"]] == [None, None, None]
    assert d["reps"][0]["pace_s_per_km"] is None
    assert d["set"]["mean_s"] == 69.0
    assert d["set"]["work_distance_m"] is None


def test_single_split():
    s = analyze("4:58").to_dict()["set"]
    assert s["stdev_s"] == 0.0
    assert s["first_half_s"] is None and s["negative_split"] is None


def test_fewer_splits_than_reps():
    result = analyze("2:26 / 2:28 / 2:26 / 2:27 / 2:26", worked_example())
    assert "6 reps prescribed, 5 splits given: analysed reps 1-5" in result.notes
    assert len(result.reps) == 5
    assert result.to_dict()["set"]["reps"] == 5


def test_more_splits_than_reps():
    result = analyze("70 69 68 67 66", reps_workout(3, 400.0))
    assert result.notes == ("3 reps prescribed, 5 splits given: analysed the first 3; 2 left over",)
    assert [r.time_s for r in result.reps] == [70, 69, 68]
    assert result.to_dict()["unmatched_splits_s"] == [67, 66]


def test_recoveries_in_brackets_give_work_to_rest():
    result = analyze("2:26 (3:00) 2:28 (3:05) 2:26", reps_workout(3, 1000.0, rest=Rest(500.0)))
    d = result.to_dict()
    assert [r["recovery_s"] for r in d["reps"]] == [180, 185, None]
    assert d["set"]["rest_s"] == 365
    assert d["set"]["work_rest_ratio"] == pytest.approx(440 / 365, abs=0.01)
    assert result.notes == ()


def test_recoveries_typed_in_line_are_separated_by_rest_time():
    workout = reps_workout(4, 400.0, rest=Rest(duration_s=90.0))
    result = analyze("68, 90, 67, 92, 66, 88, 65", workout)
    assert [r.time_s for r in result.reps] == [68, 67, 66, 65]
    assert [r.recovery_s for r in result.reps] == [90, 92, 88, None]
    assert result.notes == ("7 times for 4 reps: read as rep, recovery, rep, ...",)
    assert result.to_dict()["set"]["work_rest_ratio"] == pytest.approx(266 / 270, abs=0.01)


def test_recoveries_typed_in_line_are_separated_by_jog_pace():
    text = "2:26 3:00 2:28 3:05 2:26 3:02 2:27 3:00 2:26 2:59 2:24"
    result = analyze(text, worked_example())
    assert [r.time_s for r in result.reps] == [146, 148, 146, 147, 146, 144]
    assert result.to_dict()["set"]["mean_s"] == pytest.approx(146.17, abs=0.005)
    assert result.to_dict()["set"]["rest_s"] == 906


def test_alternating_reps_are_not_mistaken_for_recoveries():
    # 8 x (400, 200): sixteen reps, sixteen splits.
    reps = tuple(
        Rep(distance_m=400.0 if k % 2 == 0 else 200.0, rest=Rest(duration_s=90.0))
        for k in range(16)
    )
    splits = ", ".join(["53/24"] * 8)
    result = analyze(splits, Workout("8x (400, 200)", reps))
    assert len(result.reps) == 16
    assert result.to_dict()["set"]["basis"] == "pace_s_per_km"
    assert result.to_dict()["set"]["mean_s"] == pytest.approx((132.5 + 120) / 2)
    assert result.notes == ()


def test_too_many_rep_like_times_stay_a_count_mismatch():
    # Twelve times that all look like reps: not read as rep/recovery pairs.
    result = analyze(", ".join(["2:26"] * 12), worked_example())
    assert len(result.reps) == 6
    assert "6 reps prescribed, 12 splits given" in result.notes[0]


@pytest.mark.parametrize(
    ("time", "target", "status", "off"),
    [(68.0, (68.0, 68.0), "on", 0.0), (69.0, (68.0, 68.0), "on", 0.0),
     (66.5, (68.0, 68.0), "fast", -0.5), (70.0, (68.0, 68.0), "slow", 1.0),
     (53.0, (52.0, 54.0), "on", 0.0), (54.3, (52.0, 54.0), "slow", 0.3),
     (51.5, (52.0, 54.0), "fast", -0.5), (297.0, (300.0, 300.0), "on", 0.0),
     (296.0, (300.0, 300.0), "fast", -1.0)],
)
def test_judge(time, target, status, off):
    got_status, got_off = judge(time, target)
    assert got_status == status
    assert got_off == pytest.approx(off)


def test_single_target_tolerance():
    assert single_target_tolerance(68) == 1.0
    assert single_target_tolerance(300) == 3.0


def test_targets_and_hit_rate():
    workout = reps_workout(4, 400.0, target_s=(68.0, 68.0))
    result = analyze("68 69.5 66 68.9", workout)
    d = result.to_dict()
    assert [r["status"] for r in d["reps"]] == ["on", "slow", "fast", "on"]
    assert d["reps"][1]["off_by_s"] == pytest.approx(0.5)
    assert d["reps"][2]["off_by_s"] == pytest.approx(-1.0)
    assert d["set"]["targets"] == 4
    assert d["set"]["hit_rate"] == 0.5
    assert (d["set"]["fast"], d["set"]["slow"]) == (1, 1)


def test_named_target_needs_a_race_result():
    workout = reps_workout(3, 1000.0, target_name="5k")
    result = analyze("4:00 4:01 3:58", workout)
    assert result.reps[0].status is None
    assert any("5k" in n and "race result" in n for n in result.notes)


def test_named_race_target_resolves_from_athlete():
    athlete = Athlete(races=((5000.0, 1200.0),))
    result = analyze("4:00 4:05 3:50", reps_workout(3, 1000.0, target_name="5k"), athlete)
    assert result.reps[0].target_s == pytest.approx((240.0, 240.0), abs=0.01)
    assert [r.status for r in result.reps] == ["on", "slow", "fast"]


@pytest.mark.parametrize(("name", "zone"), [("T", "T"), ("threshold", "T"), ("MP", "M"),
                                            ("I", "I"), ("R", "R")])
def test_named_zone_target_resolves_from_training_paces(name, zone):
    athlete = Athlete(races=((5000.0, 1200.0),))
    pace = training_paces(round(athlete.vdot or 0, 6)).pace(zone)[0]
    result = analyze("1:40", reps_workout(1, 400.0, target_name=name), athlete)
    assert result.reps[0].target_s == pytest.approx((pace * 0.4, pace * 0.4))


def test_easy_target_is_a_range():
    athlete = Athlete(races=((5000.0, 1200.0),))
    result = analyze("5:10", reps_workout(1, 1000.0, target_name="E"), athlete)
    low, high = result.reps[0].target_s or (0, 0)
    assert low < 310 < high
    assert result.reps[0].status == "on"


def test_unknown_target_name_is_noted():
    athlete = Athlete(races=((5000.0, 1200.0),))
    result = analyze("70", reps_workout(1, 400.0, target_name="goal"), athlete)
    assert result.reps[0].target_s is None
    assert any("goal" in n for n in result.notes)


def test_timed_reps_have_no_pace():
    result = analyze("3:00 3:00 3:00", reps_workout(3, duration_s=180.0))
    d = result.to_dict()
    assert d["reps"][0]["duration_s"] == 180.0
    assert d["reps"][0]["pace_s_per_km"] is None
    assert any("timed reps" in n for n in result.notes)


def test_target_pace_on_a_distance_rep():
    rep = Rep(distance_m=1000.0, target_pace_s_per_km=(185.0, 185.0))
    result = analyze("3:05", Workout("1000 @ 3:05/km", (rep,)))
    assert result.reps[0].target_s == (185.0, 185.0)
    assert result.reps[0].status == "on"


def test_work_rest_from_workout_rest_durations():
    result = analyze("60 60 60", reps_workout(3, 400.0, rest=Rest(duration_s=60.0)))
    assert result.to_dict()["set"]["rest_s"] == 120
    assert result.to_dict()["set"]["work_rest_ratio"] == 1.5


def test_athlete_session_vdot_and_zone():
    athlete = Athlete(races=((5000.0, 1200.0), (10000.0, 2600.0)))
    assert athlete.vdot == pytest.approx(49.81, abs=0.01)  # the best race
    # 3 x mile at threshold pace: the T zone.
    t_pace = training_paces(round(athlete.vdot or 0, 6)).threshold
    mile = t_pace * MILE_M / 1000
    splits = " ".join(f"{mile:.1f}" for _ in range(3))
    info = analyze(splits, reps_workout(3, MILE_M), athlete).to_dict()["athlete"]
    assert info["zone"] == "T"
    assert info["vdot"] == pytest.approx(49.81, abs=0.01)
    # Running threshold pace for a mile is well below race effort: a lower session VDOT.
    assert 30 < info["session_vdot"] < athlete.vdot


def test_athlete_zone_for_fast_reps():
    athlete = Athlete(races=((5000.0, 1200.0),))
    info = analyze(EXAMPLE_SPLITS, worked_example(), athlete).to_dict()["athlete"]
    assert info["zone"] == "R"
    assert info["session_vdot"] > 60


def test_athlete_without_races():
    info = analyze("70", None, Athlete()).to_dict()["athlete"]
    assert info == {"vdot": None, "units": "km"}


def test_nearest_zone_counts_easy_range():
    paces = training_paces(50.0)
    assert nearest_zone(sum(paces.easy) / 2, paces) == "E"
    assert nearest_zone(paces.interval + 1, paces) == "I"


def test_parse_race():
    assert parse_race("5k 20:00") == (5000.0, 1200.0)
    assert parse_race("10K in 41:20") == (10000.0, 2480.0)
    assert parse_race("half marathon 1:35:10")[0] == pytest.approx(21097.5)
    for bad in ("5k", "5q 20:00", "5k 20:61", "marathon 1:00"):
        with pytest.raises(ParseError):
            parse_race(bad)


def test_text_splits_errors_surface_as_parse_error():
    with pytest.raises(ParseError):
        analyze("no times here", worked_example())


def test_cv_target_is_thirty_minute_race_pace():
    # A runner whose 10K takes 30:00 has CV at their 10K pace: 3:00/km.
    thirty_min_10k = Athlete(races=((10000.0, 1800.0),))
    target = analyze("3:00", reps_workout(1, 1000.0, target_name="CV"), thirty_min_10k)
    assert target.reps[0].target_s == pytest.approx((180.0, 180.0), abs=0.3)
    # A 20:00 5K runner: CV sits between their 5K and 10K paces.
    athlete = Athlete(races=((5000.0, 1200.0),))
    cv = analyze("4:10", reps_workout(1, 1000.0, target_name="CV"), athlete).reps[0].target_s
    assert cv is not None and 240.0 < cv[0] < 248.8


# -- from text, through the notation reader ----------------------------------------------------


def test_worked_example_from_text():
    result = analyze(EXAMPLE_SPLITS, "6 x 1,000m w. 500m rec.")
    s = result.to_dict()["set"]
    assert (s["mean_s"], s["stdev_s"], s["range_s"]) == (146.17, 1.33, 4.0)
    assert (s["fastest_rep"], s["slowest_rep"]) == (6, 2)
    assert (s["first_half_s"], s["second_half_s"], s["split_diff_s"]) == (146.67, 145.67, 1.0)
    assert s["work_distance_m"] == 6000.0
    assert result.prescribed_reps == 6
    assert result.reps[0].rest is not None and result.reps[0].rest.distance_m == 500.0


def test_text_targets_from_the_reader():
    result = analyze("68, 67.4, 70, 66.8", "4 x 400 @ 68 w/ 90s rest")
    assert [r.status for r in result.reps] == ["on", "on", "slow", "fast"]
    assert result.to_dict()["set"]["rest_s"] == 270
    assert result.to_dict()["set"]["work_rest_ratio"] == pytest.approx(272.2 / 270, abs=0.01)


def test_text_named_target_resolved_for_athlete():
    athlete = Athlete(races=((5000.0, 1200.0),))
    t_mile = training_paces(round(athlete.vdot or 0, 6)).threshold * MILE_M / 1000
    splits = f"{t_mile:.0f}, {t_mile + 10:.0f}, {t_mile - 10:.0f}"
    result = analyze(splits, "3 x 1 mile @ T w/ 2:00", athlete)
    assert [r.status for r in result.reps] == ["on", "slow", "fast"]
    assert result.to_dict()["athlete"]["zone"] == "T"


def test_text_marathon_pace_name():
    athlete = Athlete(races=((42195.0, 10800.0),))
    result = analyze("1:42, 1:43", "2 x 400 @ MP", athlete)
    # Marathon pace of a 3:00:00 marathoner: 256 s/km, 102.4 s per 400 m.
    assert result.reps[0].target_s == pytest.approx((102.4, 102.4), abs=0.05)
    assert [r.status for r in result.reps] == ["on", "on"]


def test_text_mismatch_with_recoveries_mixed_in():
    text = "2:26 (3:00) 2:28 (3:05) 2:26 (3:01) 2:27 (2:58) 2:26"
    result = analyze(text, "6 x 1,000m w. 500m rec.")
    assert "6 reps prescribed, 5 splits given: analysed reps 1-5" in result.notes
    assert [r.recovery_s for r in result.reps] == [180, 185, 181, 178, None]
    assert result.to_dict()["set"]["rest_s"] == 724


def test_bad_workout_text_is_a_parse_error():
    with pytest.raises(ParseError):
        analyze("2:26", "lorem ipsum")


def test_implausible_races_do_not_set_paces():
    assert Athlete(races=((800.0, 1929.0),)).vdot is None
    assert Athlete(races=((800.0, 1929.0), (5000.0, 1200.0))).vdot == pytest.approx(49.81, abs=0.01)
    with pytest.raises(ParseError, match="not a plausible"):
        parse_race("800m 32:09")


@pytest.mark.parametrize("text", ["marathon 1:50:00", "5k 12:00", "mile 3:30"])
def test_a_race_faster_than_the_world_record_is_refused(text):
    """One mistyped race would set the athlete's VDOT, and every named target, from then on."""
    with pytest.raises(ParseError, match="faster than the world record"):
        parse_race(text)


@pytest.mark.parametrize("text", ["marathon 2:01:00", "5k 12:40", "800m 1:41"])
def test_a_world_class_race_is_taken(text):
    parse_race(text)


def test_workout_without_reps():
    result = analyze("2:26", Workout("5 mi easy", ()))
    assert result.reps == () and result.stats is None
    assert result.to_dict()["set"] == {"reps": 0}
    assert "the workout has no reps to line the splits up with" in result.notes


def test_set_stats_typed_view():
    s = analyze(EXAMPLE_SPLITS, worked_example()).stats
    assert s is not None
    assert s.split_diff == pytest.approx(1.0)
    assert s.hit_rate is None and s.work_rest_ratio is None
    assert s.diffs == (2.0, -2.0, 1.0, -1.0, -2.0)


def test_lap_splits_are_summed_per_rep():
    # 4 x 800 with 400 m laps: 73 s cannot be an 800, 73 + 74 can.
    result = analyze("73/74, 72/73, 72/72, 71/70", reps_workout(4, 800.0,
                                                               rest=Rest(duration_s=90.0)))
    assert [r.time_s for r in result.reps] == [147, 145, 144, 141]
    assert result.notes == ("8 times for 4 reps: read as 2 laps a rep",)


def test_alternating_reps_are_not_laps():
    reps = tuple(Rep(distance_m=400.0 if k % 2 == 0 else 200.0) for k in range(4))
    result = analyze("53/24, 52/25", Workout("", reps))
    assert [r.time_s for r in result.reps] == [53, 24, 52, 25]


def test_impossible_rep_times_are_flagged():
    result = analyze("45 2:10", reps_workout(2, 800.0))
    assert any(n.startswith("rep 1: 45.0 for 800 m is faster than any runner") for n in
               result.notes)
    # World records stay above the floor, from 60 m to the marathon.
    records = {60: 6.34, 100: 9.58, 200: 19.19, 400: 43.03, 800: 100.91, 1500: 206.0,
               MILE_M: 223.13, 5000: 755.36, 10000: 1571.0, 42195: 7235.0}
    for distance, record in records.items():
        assert fastest_possible_s(distance) < record


@pytest.mark.parametrize(
    ("splits", "workout", "times"),
    [
        ("2.26, 2.28, 2.26", "3 x 1k", (146.0, 148.0, 146.0)),
        ("1.12 1.11 1.10", "3 x 400m", (72.0, 71.0, 70.0)),
        ("5.31 5.28", "2 x 1 mile", (331.0, 328.0)),
    ],
)
def test_minutes_and_seconds_written_with_a_dot(splits, workout, times):
    """`2.26` for a 1000 m rep cannot be 2.26 s: it is 2:26, and a note says so."""
    analysis = analyze(splits, workout)
    assert tuple(r.time_s for r in analysis.reps) == times
    assert any("minutes and seconds with a dot" in n for n in analysis.notes)


@pytest.mark.parametrize(
    ("splits", "workout"),
    [("7.12 7.08", "2 x 60m"), ("9.8 9.9", "2 x 100m"), ("2.26 65", "2 x 1k"),
     ("2.26 2.28", None)],
)
def test_a_dot_stays_a_decimal_point_when_seconds_could_be_right(splits, workout):
    analysis = analyze(splits, workout)
    assert tuple(r.time_s for r in analysis.reps) == parse_splits(splits).splits_s
    assert not any("with a dot" in n for n in analysis.notes)


def test_times_without_their_colon_are_read_by_the_target():
    read = analyze("320 318 319", "6 x 1000 @ 3:20")
    assert [r.time_s for r in read.reps] == [200.0, 198.0, 199.0]
    assert any("without the colon" in note for note in read.notes)
    # Seconds that fit the target stay seconds; no target, no guess.
    assert [r.time_s for r in analyze("200 201", "2 x 1000 @ 3:20").reps] == [200.0, 201.0]
    assert [r.time_s for r in analyze("320 318", "2 x 1000").reps] == [320.0, 318.0]
