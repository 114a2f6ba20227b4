"""Finding the workout, the splits, the day and the notes in a chat message."""

from __future__ import annotations

import pytest

from bot.training import ParseError
from bot.training.chat import ChatLog, find_log


def test_the_issue_example() -> None:
    found = find_log("6x1k today: 2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24 felt strong")
    assert found == ChatLog(
        splits_text="2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24",
        workout_text="6x1k",
        date_text="today",
        notes="felt strong",
    )


def test_target_and_recovery_times_stay_in_the_workout() -> None:
    found = find_log("8 x 400m @ 68 w/ 200 jog yesterday 67, 68, 69, 67, 66 legs heavy")
    assert found.workout_text == "8 x 400m @ 68 w/ 200 jog"
    assert found.splits_text == "67, 68, 69, 67, 66"
    assert found.date_text == "yesterday" and found.notes == "legs heavy"


def test_clock_target_before_a_colon_is_not_a_split() -> None:
    found = find_log("tuesday 5 x 1 mile @ 5:30: 5:31 5:29 5:28 5:27 5:25")
    assert found.workout_text == "5 x 1 mile @ 5:30"
    assert found.splits_text == "5:31 5:29 5:28 5:27 5:25"
    assert found.date_text == "tuesday"


def test_splits_alone_have_no_workout() -> None:
    assert find_log("68 69 70 67") == ChatLog(splits_text="68 69 70 67")


def test_prose_before_the_splits_is_not_a_workout() -> None:
    found = find_log("good one today 2:26 2:28 2:30")
    assert found.workout_text is None and found.date_text == "today"


def test_two_bare_numbers_are_not_splits() -> None:
    with pytest.raises(ParseError) as err:
        find_log("felt strong, 400 400 nothing")
    assert "can't find splits" in str(err.value) and err.value.hint


def test_long_messages_are_cut_before_reading() -> None:
    found = find_log("6x1k " + "2:26 " * 5000)
    assert len(found.splits_text) <= 4000
