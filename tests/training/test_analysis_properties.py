import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.training import Athlete, analyze, parse_splits
from bot.training.model import Rep, Rest, Workout
from bot.training.report import BLOCK_LIMIT, render

NAMES = ["5k", "10k", "mile", "half", "marathon", "T", "I", "R", "E", "CV", "goal", "xc", "800"]

positive = st.floats(min_value=1.0, max_value=20000.0, allow_nan=False)
maybe_range = st.one_of(positive, st.tuples(positive, positive))


@st.composite
def reps(draw):
    timed = draw(st.booleans())
    length = draw(maybe_range)
    return Rep(
        distance_m=None if timed else length,
        duration_s=length if timed else None,
        target_s=draw(st.one_of(st.none(), st.tuples(positive, positive))),
        target_name=draw(st.one_of(st.none(), st.sampled_from(NAMES))),
        target_pace_s_per_km=draw(st.one_of(st.none(), st.tuples(positive, positive))),
        rest=draw(st.one_of(st.none(), st.builds(Rest, st.one_of(st.none(), maybe_range),
                                                 st.one_of(st.none(), maybe_range)))),
    )


workouts = st.one_of(
    st.none(), st.builds(Workout, st.just(""), st.lists(reps(), max_size=25).map(tuple))
)
athletes = st.one_of(
    st.none(),
    st.builds(Athlete, st.lists(st.tuples(st.floats(800, 42195), st.floats(100, 20000)),
                                max_size=3).map(tuple)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(min_value=0.5, max_value=5000.0), min_size=1, max_size=70), workouts,
       athletes, st.sampled_from(["km", "mi"]))
def test_any_session_analyses_and_renders(times, workout, athlete, units):
    splits = parse_splits(" ".join(f"{t:.1f}" for t in times))
    result = analyze(splits, workout, athlete)
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert len(data["reps"]) <= len(times)
    report = render(result, units)
    assert all(len(block) <= BLOCK_LIMIT for block in report.table)
    assert report.headline
