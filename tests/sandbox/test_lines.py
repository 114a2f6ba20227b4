"""Typed sandbox lines read into actions, using the commands' own option names."""

from __future__ import annotations

import pytest

from bot.sandbox.lines import (
    BOOLEAN,
    INTEGER,
    STRING,
    SUB_COMMAND,
    USER,
    Help,
    LineError,
    Menu,
    Pick,
    Press,
    Quit,
    Say,
    Slash,
    Speak,
    read_line,
)

SCHEMA = [
    {
        "name": "log",
        "type": 1,
        "options": [
            {"name": "splits", "type": STRING, "required": True},
            {"name": "workout", "type": STRING},
            {"name": "reps", "type": INTEGER},
            {"name": "race", "type": BOOLEAN},
            {"name": "feel", "type": STRING, "choices": [{"name": "Easy", "value": "easy"}]},
            {"name": "name", "type": STRING, "autocomplete": True},
        ],
    },
    {
        "name": "wod",
        "type": 1,
        "options": [
            {
                "name": "post",
                "type": SUB_COMMAND,
                "options": [{"name": "workout", "type": STRING, "required": True}],
            },
            {"name": "show", "type": SUB_COMMAND, "options": []},
        ],
    },
    {"name": "week", "type": 1, "options": [{"name": "athlete", "type": USER}]},
    {"name": "Log as splits", "type": 3},
]


def test_values_keep_spaces_and_colons() -> None:
    action = read_line("/log splits: 2:26 2:28 2:26 workout: 6 x 1000m w/ 500m rec", SCHEMA)
    assert action == Slash(
        ("log",), {"splits": "2:26 2:28 2:26", "workout": "6 x 1000m w/ 500m rec"}
    )


def test_option_names_inside_values_only_count_after_a_space() -> None:
    action = read_line("/log workout: 5x(reps:2) splits: 2:26", SCHEMA)
    assert isinstance(action, Slash)
    assert action.options == {"workout": "5x(reps:2)", "splits": "2:26"}


def test_subcommands_and_typed_values() -> None:
    assert read_line("/wod post workout: 5 x 1 mile", SCHEMA) == Slash(
        ("wod", "post"), {"workout": "5 x 1 mile"}
    )
    assert read_line("/WOD show", SCHEMA) == Slash(("wod", "show"), {})
    action = read_line("/log splits: 70 reps: 1,000 race: yes feel: easy", SCHEMA)
    assert isinstance(action, Slash)
    assert action.options == {"splits": "70", "reps": 1000, "race": True, "feel": "easy"}
    assert read_line("/week athlete: @anna", SCHEMA) == Slash(("week",), {"athlete": "anna"})


def test_autocomplete_is_asked_with_a_question_mark() -> None:
    action = read_line("/log name: tem?", SCHEMA)
    assert action == Slash(("log",), {"name": "tem"}, focused="name")


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/nope", "no command /nope"),
        ("/wod", "needs one of: post | show"),
        ("/log workout: 6 x 400", "needs splits:"),
        ("/log 2:26 2:28", "“2:26 2:28” is not an option"),
        ("/log splits: 1 splits: 2", "given twice"),
        ("/log splits: 1 reps: many", "whole number"),
        ("/log splits: 1 race: maybe", "yes or no"),
        ("/log splits: 1 feel: hard", "one of: Easy"),
        ("/wod show extra", "takes no options"),
        ("press", "e.g. `press Log my splits`"),
        ("pick ,", "e.g. `pick tempo`"),
        ("x" * 5000, "keep it under"),
    ],
)
def test_bad_lines_say_what_works(line: str, says: str) -> None:
    with pytest.raises(LineError, match=None) as info:
        read_line(line, SCHEMA)
    assert says in str(info.value)


def test_other_lines() -> None:
    assert read_line("   ", SCHEMA) is None
    assert read_line("@Coach", SCHEMA) == Speak("coach")
    assert read_line("press Log my splits", SCHEMA) == Press("Log my splits")
    assert read_line("menu Log as splits", SCHEMA) == Menu("Log as splits")
    assert read_line("pick easy, Tempo", SCHEMA) == Pick(("easy", "Tempo"))
    assert read_line("help", SCHEMA) == Help()
    assert read_line("quit", SCHEMA) == Quit()
    assert read_line("@everyone hello", SCHEMA) == Say("@everyone hello")
    assert read_line("@everyone", SCHEMA) == Say("@everyone")
