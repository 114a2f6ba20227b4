"""The lexer's one-match fast path reads exactly what its character-by-character reading does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.training.errors import ParseError
from bot.training.notation.lexer import normalise, tokenize

HERE = Path(__file__).parent
CORPORA = [
    HERE / "fixtures" / "workouts.json",
    HERE / "corpus" / "workouts.json",
    HERE / "corpus" / "workouts-2.json",
]
# The characters that steer the lexer: digits and their separators, primes, the letters of
# shorthands (w/, b/w, c/d, x), hyphens, list markers, line breaks, and a few that fold.
ALPHABET = "0123456789.,:;'\"’″-–/ \n\txwbcudmkisnlpaehotr()@×²①٣１ａ\u200b" + "本分秒をレストは・"


def _tokens(text: str, fast_path: bool) -> object:
    try:
        return [
            (t.kind, t.start, t.end, t.value, t.unit, t.form)
            for t in tokenize(text, fast_path=fast_path)
        ]
    except ParseError as err:
        return ("refused", str(err))


def _corpus() -> list[str]:
    return [e["text"] for path in CORPORA for e in json.loads(path.read_text("utf-8"))]


def test_fast_path_reads_every_corpus_text_as_the_slow_path_does() -> None:
    texts = _corpus()
    assert len(texts) > 400
    for text in texts:
        assert _tokens(text, True) == _tokens(text, False), text


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_fast_path_agrees_on_notation_characters(text: str) -> None:
    assert _tokens(text, True) == _tokens(text, False)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fast_path_agrees_on_any_text(text: str) -> None:
    assert _tokens(text, True) == _tokens(text, False)


# A comma after a number: a list (read by the fast path), thousands or a decimal comma (not).
@pytest.mark.parametrize(
    "text",
    ["0,0,0", "400,300,200", "12,345", "1,000,5", "1,0005", "2,1km", "2,1kmx", "3,12km", "5,1mi"],
)
def test_fast_path_agrees_on_commas_after_numbers(text: str) -> None:
    assert _tokens(text, True) == _tokens(text, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6x400m", [("num", ""), ("sym", "x"), ("num", "m")]),
        ("0,0", [("num", ""), ("sym", ","), ("num", "")]),
        ("2,1km", [("num", "km")]),
        ("w/ 90s b/w", [("word", "with"), ("num", "s"), ("word", "between")]),
        ("warm-up 2 mi", [("word", "warmup"), ("num", ""), ("word", "mi")]),
        ("x-ray", [("word", "xray")]),
        ("1,000m", [("num", "m")]),
        ("٣ x ٤٠٠", [("num", ""), ("sym", "x"), ("num", "")]),
    ],
)
def test_tokens_of_common_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.kind, t.unit) for t in tokenize(text)] == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("6×400M – 90″ w/ ’jog’", "6x400m - 90\" w/ 'jog'"),
        ("ÉCHAUFFEMENT 3 000 m", "echauffement 3 000 m"),
        ("４ｘ１０００ｍ\u200b@\tT", "4x1000m @ t"),
        ("5*1000`\r\nİstanbul", "5x1000'\n\nistanbul"),
        # Curly quotes around words are quote marks; a lone closing one is seconds.
        ("“8x1000 Sub-5” and 6x400 in 70”", " 8x1000 sub 5  and 6x400 in 70\""),
    ],
)
def test_normalise_folds_what_runners_type_alike(text: str, folded: str) -> None:
    assert normalise(text) == folded


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "AZÉİßﬁΣ*`\r<>_~|", max_size=60) | st.text(max_size=60))
def test_normalise_keeps_every_offset(text: str) -> None:
    folded = normalise(text)
    assert len(folded) == len(text)  # error positions point into the text as typed
    assert not any("A" <= ch <= "Z" for ch in folded)


def test_japanese_words_units_and_the_count_of_reps():
    toks = tokenize("1kmを5本、レスト3分")
    assert [(t.kind, t.unit, t.value) for t in toks] == [
        ("num", "km", 1.0),
        ("sym", "x", 0.0),  # `を` before `5本`: five of them
        ("num", "", 5.0),
        ("sym", "、", 0.0),
        ("word", "rest", 0.0),
        ("num", "min", 3.0),
    ]
    assert (toks[-1].start, toks[-1].end) == (10, 12)  # offsets stay those of the text typed
