"""The reader's work grows linearly with its input, counted in Python calls (not timed, so the
check holds on a loaded machine): twice the text costs about twice the calls. Compiled code makes
no Python calls to count, so this runs the reader from its source, wherever it is compiled."""

from __future__ import annotations

import contextlib
import sys

import pytest

from bot.training import ParseError, compiled

parse_workout = compiled.reader_source().read_workout
assert hasattr(parse_workout, "__code__"), "the cost test needs the reader as Python code"

# Shapes that once made the reader try a whole list or range again at each of its numbers.
PATTERNS = {
    "a list of zeros": "0,",
    "a dash chain": "-0",
    "numbers and dashes": "0-",
    "a spaced dash chain": "0 - ",
    "a counting ladder": "1-2-",
    "a long ladder": "400-",
    "a list of lengths": "400, ",
    "numbers in prose": "we ran 5 of the 400s in about 70 and then ",
    "rests": "6 x 400 w/ 90s ",
    "lines": "6 x 400\n",
    "a chain of counts": "3 times",
    "nested counts": "6 x (",
}


def _calls(text: str) -> int:
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        with contextlib.suppress(ParseError):
            parse_workout(text)
    finally:
        sys.setprofile(None)
    return count


def _text(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


@pytest.mark.parametrize("piece", PATTERNS.values(), ids=PATTERNS.keys())
def test_twice_the_text_costs_about_twice_the_work(piece: str) -> None:
    parse_workout("6 x 400")  # first use loads the vocabulary: not the input's cost
    small, large = _calls(_text(piece, 600)), _calls(_text(piece, 1200))
    assert large <= 2.4 * small, (small, large)


def test_what_a_text_is_read_into_goes_with_the_reader() -> None:
    # No reference cycles left for the garbage collector to find: in a busy bot its passes
    # are pauses of the event loop. Lists of lengths link their groups both ways.
    import gc
    import json
    from pathlib import Path

    from bot.training import parse_workout as installed  # compiled or not, as it runs

    corpus = Path(__file__).parent / "corpus"
    files = sorted(corpus.glob("workouts*.json"))
    texts = [e["text"] for path in files for e in json.loads(path.read_text(encoding="utf-8"))]
    texts += ["400, 300, 200, 100 x 2", "10-20 minutes of jogging, 2 x 2, 2 x 90 s, 4 x 60 s"]
    gc.disable()
    try:
        gc.collect()
        for text in texts:
            with contextlib.suppress(ParseError):
                installed(text)
            # The youngest generation holds what was made since the last look: the read.
            assert gc.collect(0) == 0, text
    finally:
        gc.enable()
