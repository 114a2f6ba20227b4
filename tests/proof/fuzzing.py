"""What the fuzz tests and bench/fuzz.py feed Pacer's readers, and what counts as a failure.

Every reader of user text is listed in PARSERS with the errors it is meant to raise (a clear
ParseError or UserError); anything else it raises is a bug. Inputs mix running-shaped text
(times, distances, the workout notation's words and symbols) with hostile fragments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import strategies as st

from bot import logbook
from bot.errors import UserError
from bot.training import (
    Athlete,
    ParseError,
    analyze,
    equivalent,
    parse_splits,
    parse_workout,
)
from bot.training.analysis import parse_race
from bot.training.chat import find_log
from bot.training.dates import parse_session_date, parse_when
from bot.training.report import render

TODAY = dt.date(2026, 7, 15)
NOW = dt.datetime(2026, 7, 15, 18, 0, tzinfo=dt.UTC)

# Text an attacker or a careless paste may bring: mentions, markdown and code-block breakers,
# invisible and bidirectional characters, full-width digits, emoji, SQL, control characters.
HOSTILE = (
    "@everyone", "@here", "<@123456789012345678>", "<@&987654321098765432>", "<#1234>",
    "```", "`", "**", "__", "~~", "||", "> ", "# ", "[link](https://example.com)",
    "\u200b", "\u200d", "\ufeff", "\u202e", "\u202d", "\u2066", "\u061c",
    "１２：３４", "２：２６", "٣:٢٠", "５ｋｍ", "😀", "🏃‍♀️", "👍🏽", "\U0001f525" * 3,
    "'; DROP TABLE sessions; --", "\" OR 1=1 --", "%s", "{0}", "\\", "\x00", "\x1b[31m",
    "\r\n", "\t", "\x7f", "\ud7ff", "NaN", "inf", "-0", "1e309", "9" * 40,
)
# Pieces of the notation, so that inputs reach deep into the readers rather than being
# refused at the first character.
RUNNING = (
    "6", "x", " x ", "1000m", "1k", "400", "800m", "mile", "mi", "km", "@", " @ ", "2:26",
    "3:20", "1:05.4", "90s", "90\"", "2'", "w/", "rec", "jog", "rest", "/", " / ", ",", "-",
    "(", ")", "[", "]", "+", "=", "5k pace", "tempo", "set", "sets", "of", "min", "sec",
    "today", "yesterday", "tuesday", "2 days ago", "July 13th", "2026-07-13", "tomorrow 6am",
    "at 7", "pm", "noon", "\n", " ", "1.", "2)", "a)", "twice", "3 times", "ladder", "ez",
)
FRAGMENT = st.one_of(
    st.sampled_from(RUNNING),
    st.sampled_from(HOSTILE),
    st.integers(0, 99_999).map(str),
    st.text(max_size=6),
)


def texts(max_pieces: int = 40) -> st.SearchStrategy[str]:
    return st.lists(FRAGMENT, max_size=max_pieces).map("".join)


def huge() -> st.SearchStrategy[str]:
    """Long and deeply nested text (brackets inside brackets, lists of thousands of times)."""
    return st.one_of(
        st.integers(1, 3000).map(lambda n: "(" * n + "6x400" + ")" * n),
        st.integers(1, 3000).map(lambda n: " / ".join(["2:26"] * n)),
        st.integers(1, 2000).map(lambda n: "6 x (" * n + "400m"),
        st.tuples(st.sampled_from(HOSTILE + RUNNING), st.integers(100, 5000)).map(
            lambda t: t[0] * t[1]),
    )


def inputs() -> st.SearchStrategy[str]:
    return st.one_of(texts(), texts(200), huge())


def _log(text: str) -> object:
    """/log's reading: splits, then the same text as a workout, analysed and rendered."""
    reading = logbook.read(text, text, Athlete())
    return render(reading.analysis, "km")


def _analyse(text: str) -> object:
    splits = parse_splits(text)
    return render(analyze(splits, None, Athlete()), "mi")


PARSERS: dict[str, Callable[[str], object]] = {
    "workout": parse_workout,
    "splits": parse_splits,
    "splits+report": _analyse,
    "log": _log,
    "date": lambda text: parse_session_date(text, TODAY),
    "when": lambda text: parse_when(text, NOW),
    "race (/profile)": parse_race,
    "equivalent": lambda text: equivalent(*[*text.split(" ", 1), ""][:2]),
    "chat message": find_log,
}
INTENDED: tuple[type[BaseException], ...] = (ParseError, UserError, logbook.LogInputError)


class Unexpected(Exception):
    """A reader raised something other than its intended errors."""

    def __init__(self, parser: str, text: str, error: BaseException) -> None:
        super().__init__(f"{parser}({text[:200]!r}) raised {error!r}")
        self.parser = parser
        self.text = text
        self.error = error


def feed(parser: str, text: str) -> bool:
    """Run one reader on `text`: True if read, False if refused as intended; Unexpected for
    any other exception. A refusal must say something (a message a person can act on)."""
    try:
        PARSERS[parser](text)
    except INTENDED as err:
        if not str(err).strip():
            raise Unexpected(parser, text, err) from err
        return False
    except Exception as err:
        raise Unexpected(parser, text, err) from err
    return True


def draw(strategy: st.SearchStrategy[object], n: int, *, seed: int = 0) -> list[object]:
    """`n` values of `strategy`, the same every run for a given seed (hypothesis generates;
    nothing is shrunk: the caller checks each value itself)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    out: list[object] = []

    @fixed_seed(seed)
    @settings(max_examples=n, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(value: object) -> None:
        out.append(value)

    collect()
    return out[:n]


def option_text(max_length: int) -> st.SearchStrategy[str]:
    """A text option as Discord's client would send it: within max_length, not blank."""
    return inputs().map(lambda t: t[:max_length].strip() or "x")


# The text options of Pacer's commands (max lengths from the synced schema), for fuzzing the
# commands through the local Discord: (command, {option: max_length}).
COMMAND_TEXT = (
    ("log", {"splits": 1000, "workout": 300, "date": 40, "notes": 500}),
    ("session edit", {"splits": 1000, "workout": 300, "date": 40, "notes": 500}),
    ("sessions", {"since": 40, "workout": 300}),
    ("progress", {"workout": 300}),
    ("profile", {"race": 40}),
    ("wod post", {"workout": 500, "when": 100, "title": 100}),
    ("wod edit", {"workout": 500, "when": 100, "title": 100}),
    ("pacer setup", {"timezone": 64}),
)
REQUIRED = {"log": "splits", "progress": "workout", "wod post": "workout"}
NEEDS_ID = {"session edit", "wod edit"}


def command_call() -> st.SearchStrategy[tuple[str, dict[str, str]]]:
    """One command with some of its text options filled with fuzz."""
    def options(spec: tuple[str, dict[str, int]]) -> st.SearchStrategy[tuple[str, dict[str, str]]]:
        name, fields = spec
        chosen = st.fixed_dictionaries(
            {k: option_text(m) for k, m in fields.items() if k == REQUIRED.get(name)},
            optional={k: option_text(m) for k, m in fields.items() if k != REQUIRED.get(name)},
        )
        return chosen.map(lambda values: (name, values))

    return st.sampled_from(COMMAND_TEXT).flatmap(options)
