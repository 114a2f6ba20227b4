import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.training import ParseError, Splits, parse_splits
from bot.training.splits import MAX_SPLITS, MAX_TEXT

FIXTURES = Path(__file__).parent / "fixtures"
# The project's development corpus of real split text (the held-out set is in bench/heldout).
CORPUS = Path(__file__).parent / "corpus"


def _load(name: str, folder: Path = FIXTURES) -> list[dict]:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def test_readme_example():
    got = parse_splits("2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24").to_dict()["splits_s"]
    assert got == [146.0, 148.0, 146.0, 147.0, 146.0, 144.0]


@pytest.mark.parametrize("entry", _load("splits.json"), ids=lambda e: e["text"][:30])
def test_shared_examples(entry):
    assert list(parse_splits(entry["text"]).splits_s) == pytest.approx(entry["splits_s"])


@pytest.mark.parametrize("entry", _load("splits_corpus.json"), ids=lambda e: e["text"][:30])
def test_corpus(entry):
    got = parse_splits(entry["text"])
    assert list(got.splits_s) == pytest.approx(entry["splits_s"])
    assert list(got.recoveries_s) == pytest.approx(entry.get("recoveries_s", []))
    assert list(got.summaries_s) == pytest.approx(entry.get("summaries_s", []))


@pytest.mark.parametrize("entry", _load("splits.json", CORPUS), ids=lambda e: e["text"][:30])
def test_development_corpus(entry):
    got = parse_splits(entry["text"])
    assert list(got.splits_s) == pytest.approx(entry["splits_s"])
    if "recoveries_s" in entry:
        assert list(got.recoveries_s) == pytest.approx(entry["recoveries_s"])


@pytest.mark.parametrize("entry", _load("invalid-splits.json", CORPUS), ids=lambda e: e["why"])
def test_development_corpus_invalid(entry):
    with pytest.raises(ParseError) as info:
        parse_splits(entry["text"])
    assert info.value.hint


def test_corpus_is_varied():
    assert len(_load("splits_corpus.json")) >= 40


@pytest.mark.parametrize("entry", _load("invalid-splits.json"), ids=lambda e: e["why"])
def test_shared_invalid(entry):
    with pytest.raises(ParseError):
        parse_splits(entry["text"])


@pytest.mark.parametrize(
    ("text", "column", "fragment", "words"),
    [
        ("2:61, 2:58", 1, "2:61", "seconds field"),
        ("2:26 / 2:61", 8, "2:61", "seconds field"),
        ("1:2:3:4", 1, "1:2:3:4", "too many fields"),
        ("2:26, 2:6", 7, "2:6", "two digits"),
        ("2:26, 1:75:00", 7, "1:75:00", "minutes field"),
        ("fast!", 1, "fast!", "No times"),
        ("1000m", 1, "1000m", "No times"),
        ("6 x 400m", 1, "6", "No times"),
        (":43, :42", 1, ":43", "carries the minute"),
        ("2:26, 25:00:00", 7, "25:00:00", "longer than a day"),
        ("2m61s", 1, "2m61s", "seconds field"),
        ("400s", 1, "400s", "No times"),
        ("felt great today", 1, "felt", "No times"),
        ("0.0.0", 1, "0.0.0", "one decimal point"),
        ("52.4.1, 53.0", 1, "52.4.1", "one decimal point"),
        ("2:26, -2:28", 7, "-2:28", "negative"),
    ],
)
def test_errors_name_the_position(text, column, fragment, words):
    with pytest.raises(ParseError) as info:
        parse_splits(text)
    err = info.value
    assert err.column == column
    assert err.fragment == fragment
    assert words in err.message
    assert err.hint  # always suggests a form that works
    assert "Try:" in str(err)


@pytest.mark.parametrize(
    ("text", "splits", "summary"),
    [
        ("2:26 2:28 2:26 avg 2:26.7", (146, 148, 146), (146.7,)),
        ("2:26/2:28/2:26 avg: 2:26.7", (146, 148, 146), (146.7,)),
        ("65 66 64 avg: 65", (65, 66, 64), (65,)),
        ("65 66 64 average 65", (65, 66, 64), (65,)),
        ("5:41 / 5:39 / 5:35 (5:38 avg)", (341, 339, 335), (338,)),
        ("5:38 avg, 5:30 5:31", (330, 331), (338,)),
    ],
)
def test_a_summary_word_takes_one_time_not_the_split_before_it(text, splits, summary):
    """`avg 2:26.7` after the splits is the summary; the last split stays a split."""
    read = parse_splits(text)
    assert read.splits_s == splits and read.summaries_s == summary


@pytest.mark.parametrize(
    "text",
    [
        "2:26 3:00 rest 2:28 3:00 rest 2:26",
        "2:26 w 3:00 rest 2:28 w 3:00 rest 2:26",
        "2:26 jog 3:00 2:28 jog 3:00 2:26",
        "2:26 rest 3:00 2:28 rest 3:00 2:26",
        "2:26, 3:00 rest, 2:28, 3:00 rest, 2:26",
    ],
)
def test_a_recovery_word_between_two_times_goes_with_the_recovery(text):
    """`3:00 rest 2:28` after a split: 3:00 is the rest, 2:28 the next rep."""
    read = parse_splits(text)
    assert read.splits_s == (146, 148, 146) and read.recoveries_s == (180, 180)
    assert read.recovery_after == (0, 1)


def test_a_rest_between_sets_of_short_reps_is_the_longer_time():
    read = parse_splits("65 66 rest 2:00 67 68")
    assert read.splits_s == (65, 66, 67, 68) and read.recoveries_s == (120,)


@pytest.mark.parametrize(
    ("text", "splits"),
    [
        ("1:12,4 1:11,9", (72.4, 71.9)),
        ("65,5 66,1 64,9", (65.5, 66.1, 64.9)),
        ("72,4/71,9", (72.4, 71.9)),
        ("1:12,4, 1:11,9", (72.4, 71.9)),
        ("2:26,2:28,2:26", (146, 148, 146)),
        ("65,66,64", (65, 66, 64)),
        ("65, 6, 64", (65, 6, 64)),
    ],
)
def test_a_decimal_comma_is_a_decimal_point(text, splits):
    """`1:12,4` as written where a comma marks decimals is 72.4 s, not 1:12 and a 4 s rep."""
    read = parse_splits(text)
    assert read.splits_s == splits and read.text == text


def test_error_on_second_line_names_the_line():
    with pytest.raises(ParseError) as info:
        parse_splits("2:26\n2:28\n2:99")
    assert (info.value.line, info.value.column) == (3, 1)
    assert "line 3" in str(info.value)


def test_short_field_hint_suggests_the_padded_time():
    with pytest.raises(ParseError) as info:
        parse_splits("2:6")
    assert info.value.hint == "2:06"


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty(text):
    with pytest.raises(ParseError, match="No splits"):
        parse_splits(text)


def test_not_text():
    with pytest.raises(ParseError):
        parse_splits(None)  # type: ignore[arg-type]


def test_length_is_bounded():
    with pytest.raises(ParseError, match="limited"):
        parse_splits("62 " * (MAX_TEXT // 3 + 1))


def test_count_is_bounded():
    text = ",".join(["1"] * (MAX_SPLITS + 1))
    assert len(text) <= MAX_TEXT
    with pytest.raises(ParseError, match="More than"):
        parse_splits(text)


def test_recoveries_follow_their_split():
    got = parse_splits("2:26 (3:00) 2:28 (3:05) 2:26")
    assert got.splits_s == (146, 148, 146)
    assert got.recoveries_s == (180, 185)
    assert got.recovery_after == (0, 1)
    assert got.to_dict()["recoveries_s"] == [180, 185]


def test_list_in_brackets_is_splits_not_recoveries():
    got = parse_splits("70 (69, 68, 67)")
    assert got.splits_s == (70, 69, 68, 67)
    assert got.recoveries_s == ()


def test_lone_bracketed_time_first_is_a_split():
    assert parse_splits("(70)").splits_s == (70,)


def test_spans_point_at_the_times():
    text = "Splits: 2:26 / 2:28"
    got = parse_splits(text)
    assert [text[o : o + n] for o, n in got.spans] == ["2:26", "2:28"]


def test_carried_minute_crosses_a_minute_boundary_from_the_previous_split():
    # The minute carries from the split just before: 2:45 then :43 is 2:43, then :05 is 2:05.
    assert parse_splits("2:45, :43, :05").splits_s == (165, 163, 125)


def test_minutes_word_and_primes():
    assert parse_splits("3min, 2 mins").splits_s == (180, 120)
    assert parse_splits("3' 2'58\"").splits_s == (180, 178)
    assert parse_splits("2.5' 59'' 1'30.5\"").splits_s == (150, 59, 90.5)


def test_to_dict_shape():
    d = parse_splits("62 (90) 61").to_dict()
    assert d == {"splits_s": [62, 61], "recoveries_s": [90], "recovery_after": [0],
                 "summaries_s": []}


def test_result_type():
    assert isinstance(parse_splits("62"), Splits)
    assert len(parse_splits("62 61")) == 2


SPLIT_ALPHABET = "0123456789::..//,,;-– ()[]'\"’”\n#xmskabr:=avgresthmin"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_random_text_only_raises_parse_error(text):
    try:
        got = parse_splits(text)
    except ParseError as err:
        assert str(err)
    else:
        assert got.splits_s
        assert all(0 <= s <= 86400 for s in got.splits_s)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=SPLIT_ALPHABET, max_size=80))
def test_split_like_text_only_raises_parse_error(text):
    try:
        got = parse_splits(text)
    except ParseError as err:
        assert err.column >= 1
    else:
        assert len(got.recoveries_s) == len(got.recovery_after)
        assert all(0 <= k < len(got.splits_s) for k in got.recovery_after)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=59 * 60 + 59), min_size=1, max_size=30),
    st.sampled_from([" / ", ", ", "; ", " ", "\n", " - "]),
)
def test_formatted_times_read_back(seconds, sep):
    text = sep.join(f"{s // 60}:{s % 60:02d}" for s in seconds)
    assert list(parse_splits(text).splits_s) == [float(s) for s in seconds]


@pytest.mark.parametrize("text", ["0", "2:26, 0:00", "0.0"])
def test_zero_is_not_a_split(text):
    with pytest.raises(ParseError, match="no time at all"):
        parse_splits(text)


def test_table_with_a_header_separates_recoveries():
    got = parse_splits("Split Rest\n5:14 1:30\n5:16 1:35\n5:15 1:41")
    assert got.splits_s == (314, 316, 315)
    assert got.recoveries_s == (90, 95, 101)
    assert got.recovery_after == (0, 1, 2)


def test_two_columns_without_header_need_a_clear_gap():
    # Rep then jog: the second column lies beyond the first's range.
    got = parse_splits("35.2, 1:07\n35.1, 1:04\n35.8, 1:01")
    assert got.splits_s == (35.2, 35.1, 35.8) and got.recoveries_s == (67, 64, 61)
    # Times that overlap are all reps, however they are laid out.
    assert parse_splits("2:26 2:28\n2:26 2:27\n2:25 2:24").recoveries_s == ()
    # Pairs written with a slash are alternating reps.
    assert parse_splits("70/35\n71/34\n70/35").recoveries_s == ()


@pytest.mark.parametrize(
    ("text", "fragment", "words"),
    [("(2:26, 2:28", "(", "never closed"), ("2:26 (3:00 2:28", "(", "never closed"),
     ("2:26 / 2:28 / abc / 2:26", "abc", "not a time")],
)
def test_structure_errors(text, fragment, words):
    with pytest.raises(ParseError, match=words) as info:
        parse_splits(text)
    assert info.value.fragment == fragment


def test_stray_closing_bracket_and_list_words_are_fine():
    assert parse_splits("2:26, 2:28 :)").splits_s == (146, 148)
    assert parse_splits("2:26 / dnf / 2:28").splits_s == (146, 148)


def test_header_with_a_single_row():
    got = parse_splits("Split Rest\n5:14 1:30")
    assert (got.splits_s, got.recoveries_s) == ((314,), (90,))


@pytest.mark.parametrize(
    ("text", "splits", "recoveries"),
    [
        # A jog given by its length: no time of recovery, and 200 is no split either.
        ("65/66/64/63 (jog 200 between)", (65, 66, 64, 63), ()),
        ("71 70 (200m walk) 69", (71, 70, 69), ()),
        ("71 (jog 120) 70", (71, 70), (120,)),  # not a round distance: seconds
        # Words around a recovery's time in brackets.
        ("65 66 64 63 (took 90s between)", (65, 66, 64, 63), (90,)),
        # A count of reps before the times is no split.
        ("first 3 were 3:20, 3:18, 3:19", (200, 198, 199), ()),
    ],
)
def test_recoveries_in_words_and_counts_are_no_splits(text, splits, recoveries):
    read = parse_splits(text)
    assert read.splits_s == tuple(float(s) for s in splits)
    assert read.recoveries_s == tuple(float(r) for r in recoveries)


def test_a_semicolon_typed_for_a_colon():
    assert parse_splits("2;26 / 2;28 / 2;26").splits_s == (146.0, 148.0, 146.0)
    # Between whole numbers it is a list's separator.
    assert parse_splits("71;72;73").splits_s == (71.0, 72.0, 73.0)
