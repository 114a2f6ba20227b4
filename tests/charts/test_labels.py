import pytest

from bot.charts.labels import (
    date_ticks,
    format_distance,
    format_pace,
    format_rest,
    format_time,
    number_ticks,
    pace_s,
    safe_text,
    thin,
    time_ticks,
)


@pytest.mark.parametrize(
    ("seconds", "tenths", "text"),
    [
        (58.5, False, "58.5"),
        (58.0, False, "58"),
        (58.0, True, "58.0"),
        (59.96, False, "1:00"),
        (59.94, False, "59.9"),
        (146.2, False, "2:26"),
        (146.2, True, "2:26.2"),
        (119.96, False, "2:00"),
        (119.96, True, "2:00.0"),
        (3932, False, "1:05:32"),
        (600, False, "10:00"),
    ],
)
def test_format_time_reads_like_a_runner_writes(seconds, tenths, text):
    assert format_time(seconds, tenths=tenths) == text


def test_paces_per_km_and_per_mile():
    assert format_pace(pace_s(146, 1000, "km"), "km") == "2:26/km"
    assert format_pace(pace_s(235, 1609.344, "mi"), "mi") == "3:55/mi"
    assert format_pace(pace_s(70, 400, "mi"), "mi") == "4:42/mi"


@pytest.mark.parametrize(
    ("metres", "units", "text"),
    [(400, "km", "400m"), (1600, "mi", "1600m"), (5000, "km", "5km"), (4828.032, "mi", "3mi"),
     (2500, "km", "2.5km")],
)
def test_distances(metres, units, text):
    assert format_distance(metres, units) == text


def test_rests():
    assert format_rest(90, None, "km") == "90s"
    assert format_rest(120, None, "km") == "2:00"
    assert format_rest(None, 200, "km") == "200m"
    assert format_rest(60, 200, "km") == "200m/60s"
    assert format_rest(None, None, "km") is None
    assert format_rest(float("nan"), 0, "km") is None


def test_time_ticks_use_readable_steps_inside_the_range():
    ticks = time_ticks(140.3, 151.0, max_ticks=6)
    assert ticks == [142, 144, 146, 148, 150]
    wide = time_ticks(150, 620, max_ticks=6)
    assert time_ticks(0, 650)[0] == 120
    assert all(t % 60 == 0 for t in wide) and wide[0] >= 150 and wide[-1] <= 620


def test_number_ticks_start_at_zero_and_step_roundly():
    assert number_ticks(67, max_ticks=5) == [0, 20, 40, 60]
    assert number_ticks(0) == [0.0]


def test_safe_text_keeps_dollars_drops_what_cannot_be_drawn_and_bounds_length():
    assert safe_text("$x$ pace", 20) == "$x$ pace"
    assert safe_text("Zoë\u200d\n\tB\x00", 20) == "Zoë B"
    assert safe_text("a" * 30, 10) == "a" * 9 + "…"
    assert safe_text("🏃 Ana", 20, has_glyph=lambda ch: ord(ch) < 0x10000) == "Ana"
    assert safe_text("🏃", 20, has_glyph=lambda ch: ord(ch) < 0x10000) == ""
    assert safe_text("🏃\u200d♀\ufe0f Ana", 20, has_glyph=lambda ch: ord(ch) < 0x10000) == "Ana"


def test_thin_keeps_first_and_round_rep_numbers():
    labels = [str(i) for i in range(1, 61)]
    shown = [t for t in thin(labels, 16) if t]
    assert shown == ["1", *[str(i) for i in range(5, 61, 5)]]
    assert thin(labels[:6], 16) == labels[:6]


def test_date_ticks_pick_days_months_or_years_and_never_too_many():
    from datetime import date, timedelta

    assert date_ticks(date(2026, 3, 1), date(2026, 3, 20)) == [
        (date(2026, 3, 1), "1 Mar"), (date(2026, 3, 8), "8 Mar"), (date(2026, 3, 15), "15 Mar")]
    assert [t for _, t in date_ticks(date(2026, 5, 5), date(2026, 10, 20))] == [
        "Jun", "Jul", "Aug", "Sep", "Oct"]
    assert [t for _, t in date_ticks(date(2025, 11, 5), date(2026, 2, 20))] == [
        "Dec ’25", "Jan ’26", "Feb ’26"]
    assert [t for _, t in date_ticks(date(2020, 3, 1), date(2029, 3, 20))] == [
        "2022", "2024", "2026", "2028"]
    start = date(2020, 1, 1)
    for days in range(0, 4000, 13):
        ticks = date_ticks(start, start + timedelta(days=days))
        assert 1 <= len(ticks) <= 6
        assert all(start <= d <= start + timedelta(days=days) for d, _ in ticks)
