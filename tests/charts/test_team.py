import warnings

import pytest

from bot.charts import AthleteReps, TeamChartData, render_team
from bot.charts.canvas import SLOW
from bot.charts.team import MAX_ATHLETES, MAX_REPS, team_figure
from tests.charts.pngcheck import bar_boxes, colour_count, png_size, texts

SQUAD = [
    AthleteReps("Ana", [146.0, 147.0, 145.0, 149.0]),
    AthleteReps("Ben", [150.0, None, 152.0, 150.0]),
    AthleteReps("Chloé", [140.0, 142.0, 141.0, 143.0]),
]
TARGETS = [(144.0, 148.0)] * 4

CASES = {
    "typical": TeamChartData("WOD: 4 × 1000m", SQUAD, TARGETS),
    "no targets": TeamChartData("WOD", SQUAD, None),
    "one athlete one rep": TeamChartData("WOD", [("Ana", [71.2])], [(70.0, 72.0)]),
    "nobody": TeamChartData("WOD", [], TARGETS),
    "all missing": TeamChartData("WOD", [("Ana", [None, None])], None),
    "uneven reps and targets": TeamChartData(
        "WOD", [("Ana", [60.0] * 8), ("Ben", [62.0] * 3)], [(59.0, 61.0), None]),
    "big squad, long session": TeamChartData(
        "WOD", [(f"Runner {i}", [70.0 + (i + r) % 7 for r in range(60)]) for i in range(25)],
        [(71.0, 73.0)] * 60),
    "very slow and very fast": TeamChartData("WOD", [("A", [600.0, 11.0]), ("B", [300.0])]),
}


@pytest.mark.parametrize("name", CASES)
def test_renders_a_valid_png_of_sensible_size(name):
    data = render_team(CASES[name])
    assert png_size(data) == (1000, 560)
    assert 5_000 < len(data) < 200 * 1024


def test_names_with_means_and_untrusted_text():
    names = [("$x^$", [146.0]), ("🏃‍♀️ Zoë", [150.0]), ("🏃", [148.0]),
             ("A very long name indeed", [149.0])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # mathtext errors and missing glyphs would surface
        drawn = texts(team_figure(TeamChartData("$\\bad{", names)))
    assert {"$x^$\n2:26", "Zoë\n2:30", "athlete 3\n2:28", "A very long n…\n2:29",
            "$\\bad{"} <= set(drawn)


def test_off_target_reps_are_coloured_and_marked_per_rep_target():
    fig = team_figure(CASES["typical"])
    marks = {line.get_marker(): len(line.get_xdata()) for line in fig.axes[0].get_lines()}
    # Ana 149 and Ben's three reps are slow; all four of Chloé's are fast.
    assert marks == {"v": 4, "^": 4}
    assert colour_count(render_team(CASES["typical"]), SLOW) > 500
    assert colour_count(render_team(CASES["no targets"]), SLOW) == 0


def test_big_squads_are_cut_and_say_so():
    drawn = texts(team_figure(CASES["big squad, long session"]))
    assert f"rep times · first {MAX_ATHLETES} of 25 athletes · {MAX_REPS} reps" in drawn


def test_missing_splits_are_hatched():
    fig = team_figure(CASES["typical"])
    assert len(bar_boxes(fig.axes[0], hatched=True)) == 1
    assert len(bar_boxes(fig.axes[0])) == 11


def test_different_data_different_bytes():
    other = TeamChartData("WOD: 4 × 1000m", [*SQUAD[:2], ("Chloé", [140.0, 142.0, 141.0, 150.0])],
                          TARGETS)
    assert render_team(other) != render_team(CASES["typical"])


def test_crowded_squads_get_shorter_slanted_names_without_means():
    squad = [(f"Runner with a long name {i}", [70.0, 71.0]) for i in range(8)]
    drawn = texts(team_figure(TeamChartData("WOD", squad)))
    assert drawn.count("Runner wi…") == 8
    assert not [t for t in drawn if "\n" in t]
