import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.training import ParseError, equivalent
from bot.training.units import HALF_MARATHON_M, MARATHON_M, MILE_M, parse_clock
from bot.training.vdot import (
    EQUIVALENT_DISTANCES,
    riegel,
    time_for_vdot,
    training_paces,
    vdot,
)


@pytest.mark.parametrize(
    ("distance", "time", "expected"),
    [("5k", "20:00", 49.8), ("10K", "40:00", 51.9), ("marathon", "3:00:00", 53.5)],
)
def test_vdot_from_published_rows(distance, time, expected):
    assert equivalent(distance, time).vdot == pytest.approx(expected, abs=0.3)


def test_vdot_formula_exact_values():
    # The Daniels-Gilbert formula itself (two decimals), independent of table rounding.
    assert vdot(5000, 1200) == pytest.approx(49.81, abs=0.01)
    assert vdot(10000, 2400) == pytest.approx(51.94, abs=0.01)
    assert vdot(MARATHON_M, 10800) == pytest.approx(53.53, abs=0.01)


# Rows of Daniels' published VDOT table (Daniels' Running Formula): VDOT -> race times.
DANIELS_ROWS = [
    (40, 5000, "24:08"), (40, 10000, "50:03"), (40, HALF_MARATHON_M, "1:50:59"),
    (40, MARATHON_M, "3:49:45"),
    (50, 1500, "5:24"), (50, MILE_M, "5:50"), (50, 3000, "11:33"), (50, 5000, "19:57"),
    (50, 10000, "41:21"), (50, HALF_MARATHON_M, "1:31:35"), (50, MARATHON_M, "3:10:49"),
    (60, 5000, "17:03"), (60, 10000, "35:22"), (60, HALF_MARATHON_M, "1:18:09"),
    (60, MARATHON_M, "2:43:25"),
    (70, HALF_MARATHON_M, "1:08:21"), (70, MARATHON_M, "2:23:10"),
]


@pytest.mark.parametrize(("v", "distance", "published"), DANIELS_ROWS)
def test_equivalent_times_match_daniels_table(v, distance, published):
    published_s = parse_clock(published)
    assert time_for_vdot(distance, v) == pytest.approx(published_s, rel=0.005)
    assert vdot(distance, published_s) == pytest.approx(v, abs=0.3)


def test_equivalents_from_a_race_agree_with_each_other():
    result = equivalent("5k", "19:57")
    by_name = {name: t for name, _d, t, _r in result.times}
    assert by_name["5k"] == pytest.approx(1197, abs=0.5)
    assert by_name["10k"] == pytest.approx(parse_clock("41:21"), rel=0.005)
    assert by_name["marathon"] == pytest.approx(parse_clock("3:10:49"), rel=0.005)
    assert [name for name, *_ in result.times] == [n for n, _ in EQUIVALENT_DISTANCES]


def test_riegel_beside_daniels():
    result = equivalent("10k", "40:00")
    riegel_half = {name: r for name, _d, _t, r in result.times}["half"]
    assert riegel_half == pytest.approx(2400 * (HALF_MARATHON_M / 10000) ** 1.06)
    assert riegel(5000, 1200, 5000) == 1200


def test_training_paces_vdot_50_match_published():
    # Daniels' table for VDOT 50: M 4:31/km, T 4:15/km, I about 3:55/km (94 s per 400).
    paces = training_paces(50.0)
    assert paces.marathon == pytest.approx(271, abs=2)
    assert paces.threshold == pytest.approx(255, abs=2)
    assert paces.interval * 0.4 == pytest.approx(94, abs=1.5)
    assert paces.repetition == pytest.approx(paces.interval - 15)  # 6 s per 400 m faster
    slow_easy, fast_easy = paces.easy
    assert slow_easy > fast_easy > paces.marathon > paces.threshold > paces.interval


def test_training_paces_get_faster_with_vdot():
    slow, fast = training_paces(40.0), training_paces(60.0)
    for zone in "EMTIR":
        assert fast.pace(zone)[0] < slow.pace(zone)[0]


@pytest.mark.parametrize(
    ("distance", "time", "metres"),
    [("1500m", "5:00", 1500), ("mile", "5:20", MILE_M), ("3k", "11:00", 3000),
     ("5k", "20:00", 5000), ("10K", "41:00", 10000), ("half", "1:30:00", HALF_MARATHON_M),
     ("marathon", "3:10:00", MARATHON_M), ("26.2 mi", "3:10:00", MARATHON_M)],
)
def test_distance_as_runners_write_it(distance, time, metres):
    result = equivalent(distance, time)
    assert result.distance_m == pytest.approx(metres)
    assert 40 < result.vdot < 60


def test_to_dict_has_top_level_vdot_and_paces():
    d = equivalent("5k", "20:00").to_dict()
    assert d["vdot"] == pytest.approx(49.81, abs=0.01)
    assert {e["name"] for e in d["equivalents"]} >= {"800m", "mile", "half", "marathon"}
    assert set(d["training_paces"]) == {"E", "M", "T", "I", "R"}
    assert isinstance(d["training_paces"]["E"]["s_per_km"], list)


def test_numbers_accepted():
    assert equivalent(5000.0, 1200.0).vdot == pytest.approx(49.81, abs=0.01)


@pytest.mark.parametrize(
    ("distance", "time", "words"),
    [("5q", "20:00", "not a race distance"), ("5k", "20:61", "seconds field"),
     ("5k", "0:30", "not a race time"), ("5k", "abc", "not a time"),
     ("marathon", "0", "above zero")],
)
def test_bad_input_is_a_parse_error(distance, time, words):
    with pytest.raises(ParseError, match=words):
        equivalent(distance, time)


def test_vdot_rejects_nonsense():
    with pytest.raises(ValueError):
        vdot(0, 100)
    with pytest.raises(ValueError):
        vdot(5000, math.nan)


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=1, max_value=200_000), st.floats(min_value=1, max_value=10**6))
def test_any_race_gives_finite_equivalents_or_a_parse_error(distance, time):
    try:
        result = equivalent(distance, time)
    except ParseError:
        return
    assert all(math.isfinite(t) and t > 0 for _name, _d, t, _r in result.times)
    # Longer races take longer.
    times = [t for _name, _d, t, _r in result.times]
    assert times == sorted(times)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_any_text_gives_equivalents_or_a_parse_error(distance, time):
    try:
        result = equivalent(distance, time)
    except ParseError as err:
        assert str(err)
    else:
        assert 10 <= result.vdot <= 100
