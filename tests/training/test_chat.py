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


@pytest.mark.parametrize(
    ("message", "splits"),
    [
        ("8x400 in 70: 71.2 70.8 70.5 (jog 90) 70.1 69.8 69.9 70.0 68.9",
         "71.2 70.8 70.5 (jog 90) 70.1 69.8 69.9 70.0 68.9"),
        ("10x400: 72 73 71 72 (60) 72 71 70 71 72 69 felt good",
         "72 73 71 72 (60) 72 71 70 71 72 69"),
        ("3 x 1k 2:26 (3:00) 2:28 (3:00) 2:27 windy", "2:26 (3:00) 2:28 (3:00) 2:27"),
        ("2 x 400 57.8 (28, 29.8) 58.1 (29, 29.1)", "57.8 (28, 29.8) 58.1 (29, 29.1)"),
        ("4 x 800 2:25, 2:24 jog 90 2:23, 2:22 done", "2:25, 2:24 jog 90 2:23, 2:22"),
    ],
)
def test_splits_run_on_past_a_recovery_or_laps(message: str, splits: str) -> None:
    """A recovery between splits is part of them: the splits after it are not notes."""
    found = find_log(message)
    assert found.splits_text == splits
    assert found.notes is None or not any(ch.isdigit() for ch in found.notes)


def test_a_bracketed_remark_after_the_splits_stays_in_the_notes() -> None:
    found = find_log("6x1k 3:20 3:18 3:17 (felt strong)")
    assert found.splits_text == "3:20 3:18 3:17" and found.notes == "(felt strong)"


@pytest.mark.parametrize(
    ("message", "workout", "splits"),
    [
        ("6 x 400 68 69 70 67", "6 x 400", "68 69 70 67"),
        ("6x1k @ 3:20 3:21 3:18 3:19", "6x1k @ 3:20", "3:21 3:18 3:19"),
    ],
)
def test_a_number_of_the_workout_does_not_hide_the_splits_after_it(
    message: str, workout: str, splits: str
) -> None:
    found = find_log(message)
    assert (found.workout_text, found.splits_text) == (workout, splits)


@pytest.mark.parametrize(
    ("message", "splits"),
    [
        ("2x400 1:12,4 1:11,9 windy", "1:12,4 1:11,9"),
        ("4x400 65,5 66,1 64,9 65,0", "65,5 66,1 64,9 65,0"),
        ("3x1k 2:26,2:28,2:26 ok", "2:26,2:28,2:26"),
    ],
)
def test_decimal_commas_stay_in_the_splits(message: str, splits: str) -> None:
    assert find_log(message).splits_text == splits
