"""Properties of the reader over generated input: nothing but ParseError escapes, and the
canonical form reads back to the same workout."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.training import ParseError, Workout, parse_workout

# Pieces of real notation, so generated text reaches deep into the reader rather than failing at
# the first character.
PIECES = [
    "6",
    "x",
    "×",
    "X",
    "400",
    "1000m",
    "1,000",
    "1k",
    "2K",
    "mile",
    "1 mi",
    "3:00",
    "2:26",
    "68",
    "52-54",
    "@",
    "in",
    "at",
    "w/",
    "w.",
    "with",
    "rec.",
    "rest",
    "jog",
    "float",
    "walk",
    "back",
    "(",
    ")",
    "[",
    "]",
    ",",
    ";",
    "+",
    "/",
    "-",
    "–",
    "\n",
    "'",
    '"',
    "’",
    "90s",
    "2 min",
    "sets",
    "of",
    "between",
    "b/w",
    "everything",
    "sets",
    "WU",
    "CD",
    "warm-up",
    "cool down",
    "easy",
    "strides",
    "tempo",
    "5k pace",
    "T",
    "MP",
    "cutting down",
    "to",
    "equal",
    "time",
    "distance",
    "alternating",
    "and",
    "then",
    "x3",
    "repeat",
    "3 times",
    "1:75",
    "0",
    "-90s",
    "1/2",
    "ten",
    "@5k",
    "3'05\"",
    "1:05:32",
    "13.1",
    "#",
    ":",
    "~",
    "\u200b",
    "\u202e",
    "１２",
    "😀",
    "@everyone",
    "<@&123>",
    "```",
    "' OR 1=1 --",
]


def _check(text: str) -> Workout | None:
    try:
        return parse_workout(text)
    except ParseError as err:
        # The error is about this text: its position lies inside it.
        assert 1 <= err.line <= text.count("\n") + 1
        assert err.column >= 1
        assert str(err)
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_raises_only_parse_error(text):
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join))
def test_notation_soup_raises_only_parse_error(text):
    workout = _check(text)
    if workout is not None:
        assert 1 <= len(workout.reps) <= 1000
        for rep in workout.reps:
            assert (rep.distance_m is None) != (rep.duration_s is None)
        assert workout.reps[-1].rest is None


# -- the canonical form reads back -----------------------------------------------------------------

distances = st.sampled_from(
    [
        "100m",
        "200",
        "300m",
        "400",
        "600m",
        "800",
        "1000m",
        "1200",
        "1600",
        "1k",
        "2K",
        "1 mile",
        "2 mi",
        "200 yd",
        "1 lap",
        "3 km",
    ]
)
durations = st.sampled_from(["30s", "45 sec", "90s", "1 min", "2:00", "3'", "5 min", "20 min"])
targets = st.sampled_from(
    [
        "",
        " @ 68",
        " @ 30-31",
        " @ 2:26",
        " @ 2:26-2:28",
        " in 52-54",
        " @ 3:05/km",
        " @ 5:00/mi",
        " @ 5k pace",
        " @ T",
        " @ MP",
        " @ goal pace",
    ]
)
rests = st.sampled_from(
    [
        "",
        " w/ 200m jog",
        " w/ 90s",
        " w/ 2:00 rest",
        " w/ 400 float",
        " w/ 90sec-2min rest",
        ", walk back",
        " w/ 500m in 3:00",
        " w/ 1 lap jog",
        " w/ equal time jog",
    ]
)
labels = st.sampled_from(["", " strides", " hills", " tempo"])


@st.composite
def items(draw: st.DrawFn) -> str:
    length = draw(st.one_of(distances, durations))
    body = f"{length}{draw(labels)}{draw(targets)}"
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return f"{draw(st.integers(1, 12))} x {body}{draw(rests)}"
    if kind == 1:
        inner = f"{draw(st.integers(2, 5))} x {body}{draw(rests)}"
        between = draw(st.sampled_from(["", " w/ 4:00 between sets", ", 5 min between sets"]))
        return f"{draw(st.integers(2, 4))} x ({inner}){between}"
    if kind == 2:
        seq = ", ".join(draw(st.lists(distances, min_size=2, max_size=5)))
        return f"{seq}{draw(rests)}"
    return f"({body}, {draw(distances)}) x {draw(st.integers(2, 6))}{draw(rests)}"


@st.composite
def workouts(draw: st.DrawFn) -> str:
    lines = draw(st.lists(items(), min_size=1, max_size=3))
    if draw(st.booleans()):
        lines.insert(0, draw(st.sampled_from(["2 mi WU", "warm-up 15 min", "WU 3 mi easy"])))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["2 mi CD", "cool-down 10 min", "CD 1 mile"])))
    return "\n".join(lines)


def _comparable(workout: Workout) -> dict:
    data = workout.to_dict()
    for key in ("text", "canonical"):
        data.pop(key)
    for rep in data["reps"]:  # type: ignore[union-attr]
        rep.pop("set")  # which line a rep was written on is layout, not the workout
        pace = rep["target_pace_s_per_km"]
        if pace is not None:  # written to 0.1 s in the canonical form
            rep["target_pace_s_per_km"] = [round(p, 1) for p in pace]
    return data


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workouts())
def test_canonical_form_reads_back_to_the_same_workout(text):
    workout = parse_workout(text)
    canonical = workout.describe()
    again = parse_workout(canonical)
    assert _comparable(again) == _comparable(workout), canonical
    assert again.describe() == canonical
