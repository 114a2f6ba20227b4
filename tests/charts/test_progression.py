from datetime import date, timedelta

import pytest

from bot.charts import ProgressionChartData, ProgressionPoint, render_progression
from bot.charts.progression import MAX_POINTS, progression_figure, usable_points
from tests.charts.pngcheck import png_size, texts

START = date(2026, 3, 3)


def runs(count, start=START, every=14):
    return [(start + timedelta(days=every * i), 150.0 - i / 10, 146.0 - i / 10, 155.0 - i / 10)
            for i in range(count)]


CASES = {
    "typical": ProgressionChartData("6 × 1000m", runs(10), "km", 1000.0),
    "one run": ProgressionChartData("6 × 1000m", runs(1), "km", 1000.0),
    "none": ProgressionChartData("6 × 1000m", [], "km", 1000.0),
    "paces per mile across a year": ProgressionChartData(
        "Pyramid", runs(30, start=date(2025, 10, 1)), "mi", None),
    "many runs": ProgressionChartData("400s", runs(300, every=1), "km", 400.0),
    "very slow and very fast": ProgressionChartData(
        "Mixed", [(START, 600.0, 590.0, 610.0), (START + timedelta(days=7), 12.0, 11.5, 12.5)],
        "km", None),
    "user text": ProgressionChartData("$x$ 🏃 " * 20, runs(3), "km", 1000.0),
}


@pytest.mark.parametrize("name", CASES)
def test_renders_a_valid_png_of_sensible_size(name):
    data = render_progression(CASES[name])
    assert png_size(data) == (1000, 560)
    assert 5_000 < len(data) < 200 * 1024


def test_points_are_sorted_cleaned_and_converted():
    raw = [(date(2026, 5, 1), 150.0, 155.0, 146.0),  # fastest/slowest swapped
           (date(2026, 4, 1), float("nan"), 1.0, 2.0),  # no mean: dropped
           (date(2026, 3, 1), 152.0, 149.0, 151.0)]  # slowest below the mean: widened
    points = usable_points(ProgressionChartData("t", raw, "km", 1000.0))
    assert points == [ProgressionPoint(date(2026, 3, 1), 152.0, 149.0, 152.0),
                      ProgressionPoint(date(2026, 5, 1), 150.0, 146.0, 155.0)]
    per_mile = usable_points(ProgressionChartData("t", raw[:1], "mi", None))
    assert per_mile[0].mean_s == pytest.approx(150.0 * 1.609344)


def test_keeps_the_latest_runs_and_says_so():
    points = usable_points(CASES["many runs"])
    assert len(points) == MAX_POINTS and points[-1].day == START + timedelta(days=299)
    assert f"mean 400m rep time · latest {MAX_POINTS} runs" in texts(
        progression_figure(CASES["many runs"]))


def test_marks_best_and_latest_and_says_what_it_shows():
    improving = ProgressionChartData("6 × 1000m", runs(4), "km", 1000.0)
    drawn = texts(progression_figure(improving))
    assert "best 2:30" in drawn and not [t for t in drawn if t.startswith("latest")]
    dipped = ProgressionChartData("6 × 1000m", [*runs(4), (date(2026, 6, 1), 151.0, 149, 153)],
                                  "km", 1000.0)
    drawn = texts(progression_figure(dipped))
    assert {"best 2:30", "latest 2:31", "mean 1000m rep time · 5 runs", "mean rep",
            "fastest to slowest"} <= set(drawn)


def test_axis_is_inverted_so_faster_is_higher():
    ax = progression_figure(CASES["typical"]).axes[0]
    bottom, top = ax.get_ylim()
    assert bottom > top


def test_different_data_different_bytes():
    assert render_progression(CASES["typical"]) != render_progression(
        ProgressionChartData("6 × 1000m", runs(9), "km", 1000.0))


def test_a_lone_run_is_labelled_with_its_value_only():
    drawn = texts(progression_figure(CASES["one run"]))
    assert "2:30" in drawn and not [t for t in drawn if t.startswith(("best", "latest"))]
