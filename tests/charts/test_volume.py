from datetime import date, timedelta

import pytest

from bot.charts import VolumeChartData, VolumeWeek, render_volume
from bot.charts.volume import MAX_WEEKS, usable_weeks, volume_figure
from tests.charts.pngcheck import png_size, texts

START = date(2026, 6, 1)


def weeks(count, start=START):
    return [(start + timedelta(weeks=i), 15000.0 + 100 * i, 50000.0 + 500 * i)
            for i in range(count)]


CASES = {
    "typical": VolumeChartData("Weekly volume", weeks(12), "km"),
    "one week": VolumeChartData("Weekly volume", weeks(1), "km"),
    "nothing": VolumeChartData("Weekly volume", [], "km"),
    "all zero": VolumeChartData("Weekly volume", [(START, 0.0, 0.0)], "mi"),
    "two years in miles": VolumeChartData("Weekly volume", weeks(150, date(2024, 9, 2)), "mi"),
    "gaps": VolumeChartData("Weekly volume", [weeks(10)[i] for i in (0, 1, 5, 9)], "km"),
}


@pytest.mark.parametrize("name", CASES)
def test_renders_a_valid_png_of_sensible_size(name):
    data = render_volume(CASES[name])
    assert png_size(data) == (1000, 560)
    assert 5_000 < len(data) < 200 * 1024


def test_weeks_are_sorted_cleaned_and_bounded():
    raw = [(date(2026, 6, 8), 5000.0, 3000.0),  # total below work: raised to work
           (date(2026, 6, 1), float("nan"), 20000.0)]
    assert usable_weeks(VolumeChartData("t", raw)) == [
        VolumeWeek(date(2026, 6, 1), 0.0, 20000.0), VolumeWeek(date(2026, 6, 8), 5000.0, 5000.0)]
    kept = usable_weeks(CASES["two years in miles"])
    assert len(kept) == MAX_WEEKS and kept[-1].week_start == date(2024, 9, 2) + timedelta(weeks=149)


def test_gaps_stay_gaps_and_totals_are_labelled_in_the_athletes_unit():
    fig = volume_figure(CASES["gaps"])
    ax = fig.axes[0]
    work = ax.collections[0].get_paths()
    assert [round(p.vertices[:, 0].mean()) for p in work] == [0, 1, 5, 9]
    drawn = texts(fig)
    assert {"50", "51", "53", "55", "work (reps)", "other running"} <= set(drawn)
    assert "km per week · last 10 weeks · average 21 km" in drawn
    miles = texts(volume_figure(VolumeChartData("v", weeks(1), "mi")))
    assert "31" in miles and "mi per week · this week · average 31 mi" in miles


def test_different_data_different_bytes():
    assert render_volume(CASES["typical"]) != render_volume(
        VolumeChartData("Weekly volume", weeks(11), "km"))
