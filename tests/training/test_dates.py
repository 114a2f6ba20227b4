from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.training import ParseError
from bot.training.dates import parse_session_date, parse_when

TODAY = date(2026, 11, 22)  # a Sunday
ZONE = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 19, 30, tzinfo=ZONE)  # Sunday evening


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        ("Today", TODAY),
        ("yesterday", date(2026, 11, 21)),
        ("last night", date(2026, 11, 21)),
        ("sunday", TODAY),
        ("last sunday", date(2026, 11, 15)),
        ("monday", date(2026, 11, 16)),
        ("Sat", date(2026, 11, 21)),
        ("2 days ago", date(2026, 11, 20)),
        ("two days ago", date(2026, 11, 20)),
        ("a week ago", date(2026, 11, 15)),
        ("2026-07-13", date(2026, 7, 13)),
        ("July 13th", date(2026, 7, 13)),
        ("13 July 2025", date(2025, 7, 13)),
        ("Nov 1", date(2026, 11, 1)),
    ],
)
def test_session_dates(text, day):
    assert parse_session_date(text, TODAY) == day


@pytest.mark.parametrize("text", ["tomorrow", "2026-12-25", "in 2 days"])
def test_a_session_is_never_in_the_future(text):
    with pytest.raises(ParseError):
        parse_session_date(text, TODAY)


@pytest.mark.parametrize("text", ["1900-01-01", "2006-07-13", "July 4th 1999"])
def test_a_session_decades_ago_is_a_mistyped_year(text):
    with pytest.raises(ParseError) as caught:
        parse_session_date(text, TODAY)
    assert "check the year" in str(caught.value) and caught.value.hint


def test_a_session_some_years_ago_is_still_taken():
    assert parse_session_date("2020-07-13", TODAY) == date(2020, 7, 13)


@pytest.mark.parametrize("text", ["", "400m", "75", "13.1", "banana", "2026-02-30", "x" * 200])
def test_unreadable_session_dates(text):
    with pytest.raises(ParseError) as caught:
        parse_session_date(text, TODAY)
    assert caught.value.hint


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("now", NOW),
        ("in 2 hours", NOW + timedelta(hours=2)),
        ("in 30 minutes", NOW + timedelta(minutes=30)),
        ("tomorrow 6am", datetime(2026, 11, 23, 6, 0, tzinfo=ZONE)),
        ("tomorrow at 6am", datetime(2026, 11, 23, 6, 0, tzinfo=ZONE)),
        ("tomorrow 17:45", datetime(2026, 11, 23, 17, 45, tzinfo=ZONE)),
        ("monday 5:30pm", datetime(2026, 11, 23, 17, 30, tzinfo=ZONE)),
        ("sunday 6am", datetime(2026, 11, 29, 6, 0, tzinfo=ZONE)),
        ("tonight 9pm", datetime(2026, 11, 22, 21, 0, tzinfo=ZONE)),
        ("6am", datetime(2026, 11, 23, 6, 0, tzinfo=ZONE)),
        ("2026-11-30 06:15", datetime(2026, 11, 30, 6, 15, tzinfo=ZONE)),
        ("2026-11-30", datetime(2026, 11, 30, 6, 0, tzinfo=ZONE)),
        ("December 1st 7am", datetime(2026, 12, 1, 7, 0, tzinfo=ZONE)),
    ],
)
def test_when_to_post(text, moment):
    assert parse_when(text, NOW) == moment


@pytest.mark.parametrize("text", ["today 6am", "2026-11-01 06:00", "yesterday", "13pm", "25:00"])
def test_a_post_time_in_the_past_or_impossible_is_refused(text):
    with pytest.raises(ParseError) as caught:
        parse_when(text, NOW)
    assert "tomorrow 6am" in str(caught.value)


def test_when_needs_an_aware_now():
    with pytest.raises(ValueError):
        parse_when("now", datetime(2026, 11, 22, 12, 0))
