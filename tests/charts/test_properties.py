"""Whatever numbers arrive, every chart still comes out as a proper picture."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.charts import (
    ProgressionChartData,
    RepBar,
    SessionChartData,
    TeamChartData,
    VolumeChartData,
    render_progression,
    render_session,
    render_team,
    render_volume,
)
from tests.charts.pngcheck import png_size

# Seconds from a sprint to an ultra, plus the values a broken caller might pass.
seconds = st.one_of(st.floats(0.5, 40000), st.sampled_from([0.0, -1.0, float("nan"),
                                                           float("inf")]), st.none())
distance = st.one_of(st.sampled_from([100.0, 200.0, 400.0, 1000.0, 1609.344, 5000.0]), st.none())
target = st.one_of(st.none(), st.tuples(st.floats(1, 1000), st.floats(1, 1000)))
reps = st.lists(
    st.builds(RepBar, st.integers(1, 200), seconds, distance, target, seconds, seconds,
              st.sampled_from(["on", "fast", "slow", None])),
    max_size=70,
)
text = st.text(max_size=80)
FEW = settings(max_examples=6, deadline=None)


def assert_picture(png: bytes) -> None:
    assert png_size(png) == (1000, 560) and len(png) < 200 * 1024


@FEW
@given(text, reps, seconds, st.sampled_from(["km", "mi"]), st.sampled_from(["time", "pace"]))
def test_any_session(title, bars, mean, units, mode):
    assert_picture(render_session(SessionChartData(title, bars, mean, units, mode)))


@FEW
@given(text, st.lists(st.tuples(st.dates(date(2020, 1, 1), date(2030, 1, 1)), seconds, seconds,
                                seconds).map(lambda t: (t[0], *t[1:])), max_size=40),
       st.sampled_from(["km", "mi"]), distance)
def test_any_progression(title, points, units, metres):
    points = [(d, m or 0.0, f or 0.0, s or 0.0) for d, m, f, s in points]
    assert_picture(render_progression(ProgressionChartData(title, points, units, metres)))


@FEW
@given(text, st.lists(st.tuples(text, st.lists(seconds, max_size=40)), max_size=20),
       st.one_of(st.none(), st.lists(target, max_size=40)))
def test_any_team(title, athletes, targets):
    assert_picture(render_team(TeamChartData(title, athletes, targets)))


@FEW
@given(text, st.lists(st.tuples(st.integers(0, 200), st.floats(0, 3e5), st.floats(0, 3e5)),
                      max_size=120), st.sampled_from(["km", "mi"]))
def test_any_volume(title, weeks, units):
    start = date(2025, 1, 6)
    rows = [(start + timedelta(weeks=w), work, total) for w, work, total in weeks]
    assert_picture(render_volume(VolumeChartData(title, rows, units)))
