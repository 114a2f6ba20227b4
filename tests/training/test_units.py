import pytest

from bot.training.units import (
    MARATHON_M,
    MILE_M,
    format_distance,
    format_race_distance,
    format_time,
    parse_clock,
    parse_race_distance,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("52", 52),
        ("52.4", 52.4),
        ("2:26", 146),
        ("2:26.4", 146.4),
        ("1:05:32", 3932),
        ("13:05.17", 785.17),
        ("0:59", 59),
    ],
)
def test_parse_clock(text, seconds):
    assert parse_clock(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2:61", "seconds field"),
        ("1:2:3:4", "too many fields"),
        ("1:75:00", "minutes field"),
        ("", "no time"),
        ("abc", "not a time"),
        ("1:x", "not a time"),
    ],
)
def test_parse_clock_rejects(text, why):
    with pytest.raises(ValueError, match=why):
        parse_clock(text)


@pytest.mark.parametrize(
    ("seconds", "decimals", "text"),
    [
        (58.5, 0, "58.5"),
        (52, 0, "52"),
        (146, 0, "2:26"),
        (146.17, 1, "2:26.2"),
        (3932, 0, "1:05:32"),
        (59.96, 0, "1:00"),
        (-1.0, 1, "-1.0"),
    ],
)
def test_format_time(seconds, decimals, text):
    assert format_time(seconds, decimals) == text


@pytest.mark.parametrize(
    ("metres", "text"),
    [
        (400, "400 m"),
        (1000, "1000 m"),
        (MILE_M, "1 mi"),
        (3 * MILE_M, "3 mi"),
        (5000, "5 km"),
        (182.88, "200 yd"),
    ],
)
def test_format_distance(metres, text):
    assert format_distance(metres) == text


@pytest.mark.parametrize(
    ("metres", "text"),
    [(MARATHON_M, "marathon"), (MARATHON_M / 2, "half marathon"), (5000, "5 km"),
     (MILE_M, "1 mi"), (10000, "10 km")],
)
def test_format_race_distance_names_the_long_races(metres, text):
    assert format_race_distance(metres) == text


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("1500m", 1500),
        ("mile", MILE_M),
        ("3k", 3000),
        ("5k", 5000),
        ("10K", 10000),
        ("half", 21097.5),
        ("marathon", MARATHON_M),
        ("26.2 mi", MARATHON_M),
        ("2 miles", 2 * MILE_M),
        ("5 km", 5000),
    ],
)
def test_parse_race_distance(text, metres):
    assert parse_race_distance(text) == pytest.approx(metres)


def test_parse_race_distance_rejects_with_examples():
    with pytest.raises(ValueError, match="try 800m"):
        parse_race_distance("far")
