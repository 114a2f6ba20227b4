import pytest

from bot.training import Athlete, analyze, equivalent
from bot.training.model import Rep, Rest, Workout
from bot.training.report import BLOCK_LIMIT, FIELD_LIMIT, blocks, render, render_equivalent

from .helpers import reps_workout, worked_example

EXAMPLE_SPLITS = "2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24"


def test_worked_example_headline():
    report = render(analyze(EXAMPLE_SPLITS, worked_example()))
    assert report.headline == "6 × 1000 m · avg 2:26.2 (3:55/mi) · SD 1.3 s · negative split 1.0 s"


def test_headline_in_miles_shows_the_per_mile_pace_or_the_other_unit():
    four_hundreds = analyze("68 69.5 66 68.9", reps_workout(4, 400.0))
    assert "avg 68.1 (2:50/km)" in render(four_hundreds, "km").headline
    assert "avg 68.1 (4:34/mi)" in render(four_hundreds, "mi").headline
    # A 1000 m rep in km: its time is its pace, so the mile pace is shown.
    assert "(3:55/mi)" in render(analyze(EXAMPLE_SPLITS, worked_example()), "km").headline


def test_table_and_summary_for_the_worked_example():
    report = render(analyze(EXAMPLE_SPLITS, worked_example(), Athlete(((5000.0, 1200.0),))))
    (table,) = report.table
    lines = table.splitlines()
    assert lines[0].split() == ["#", "time", "/km", "/mi", "/400"]
    assert lines[1].split() == ["1", "2:26", "2:26", "3:55", "58.4"]
    assert len(lines) == 7
    text = "\n".join(report.summary)
    assert "Mean 2:26.2" in text
    assert "SD 1.33 s" in text
    assert "range 4.0 s" in text
    assert "Fastest rep 6 (2:24) · slowest rep 2 (2:28)" in text
    assert "First half 2:26.7 · second half 2:25.7: negative split 1.0 s" in text
    assert "Work 6 km in 14:37" in text
    assert "Race VDOT 49.8" in text and "R zone" in text


def test_target_marks_in_table():
    report = render(analyze("68 69.5 66 68.9", reps_workout(4, 400.0, target_s=(68.0, 68.0))))
    rows = report.table[0].splitlines()[1:]
    # Columns: #, time, /km, target, then the mark (/mi and /400 make way on a phone).
    assert [" ".join(r.split()[4:]) for r in rows] == ["on", "slow 0.5", "fast 1.0", "on"]
    assert "2/4 on target" in report.headline
    assert "Targets: 2 of 4 on, 1 fast, 1 slow" in report.summary


def test_recoveries_column_and_rest_line():
    report = render(analyze("2:26 (3:00) 2:28 (3:05) 2:26", reps_workout(3, 1000.0,
                                                                          rest=Rest(500.0))))
    assert report.table[0].splitlines()[0].split()[-1] == "rec"
    assert any(line.startswith("Rest 6:05 · work:rest 1.21") for line in report.summary)


def test_mixed_distances_compare_pace():
    reps = tuple(Rep(distance_m=400.0 if k % 2 == 0 else 200.0) for k in range(4))
    analysis = analyze("53 24 53 24", Workout("", reps))
    report = render(analysis)
    # Paces 2:12.5 and 2:00 per km: mean 2:06.25, sample SD 7.2 s/km.
    assert report.headline == "4 reps of 400 m / 200 m · avg 2:06/km · SD 7.2 s/km · even split"
    assert "dist" in report.table[0].splitlines()[0]
    # In miles the same figures read per mile.
    in_miles = render(analysis, "mi")
    assert in_miles.headline == "4 reps of 400 m / 200 m · avg 3:23/mi · SD 11.6 s/mi · even split"
    assert "Trend -4.02 s/mi per rep (getting faster)" in in_miles.summary


def test_no_workout_headline_counts_splits():
    assert render(analyze("70 69 68")).headline.startswith("3 splits · avg 69.0 · SD 1.0 s")


def test_sixty_reps_split_into_blocks_that_fit_embed_fields():
    workout = reps_workout(60, 400.0, target_s=(70.0, 72.0), rest=Rest(duration_s=60.0))
    splits = " ".join(f"{70 + (k % 5) * 0.4:.1f}" for k in range(60))
    report = render(analyze(splits, workout))
    assert len(report.table) > 1
    header = report.table[0].splitlines()[0]
    numbers = []
    for block in report.table:
        assert len(block) <= BLOCK_LIMIT
        assert len(f"```\n{block}\n```") <= FIELD_LIMIT
        lines = block.splitlines()
        assert lines[0] == header
        numbers.extend(int(line.split()[0]) for line in lines[1:])
    assert numbers == list(range(1, 61))


def test_blocks_keep_a_long_row_alone():
    out = blocks("h", ["x" * 20, "y" * 20], limit=25)
    assert out == ("h\n" + "x" * 20, "h\n" + "y" * 20)


def test_notes_are_carried():
    report = render(analyze("2:26 / 2:28", worked_example()))
    assert "6 reps prescribed, 2 splits given: analysed reps 1-2" in report.notes
    assert "Note: 6 reps prescribed" in report.to_text()


def test_user_text_is_never_echoed():
    analysis = analyze("@everyone 2:26 <@123> 2:28 ``` felt strong", worked_example())
    text = render(analysis).to_text()
    for fragment in ("@everyone", "<@123>", "```", "felt"):
        assert fragment not in text


def test_equivalent_report():
    report = render_equivalent(equivalent("5k", "20:00"))
    assert report.headline == "VDOT 49.8 from 5 km in 20:00"
    rows = report.table[0].splitlines()
    assert rows[0].split() == ["race", "Daniels", "Riegel"]
    assert rows[5].split()[:2] == ["5k", "20:00"]
    assert [line.split()[0] for line in report.summary] == ["E", "M", "T", "I", "R"]
    assert "4:16/km" in report.summary[2]


@pytest.mark.parametrize("units", ["km", "mi"])
def test_equivalent_report_units(units):
    report = render_equivalent(equivalent("10k", "40:00"), units)
    assert f"/{units}" in report.summary[1]


def test_nothing_to_analyse():
    report = render(analyze("2:26", Workout("5 mi easy", ())))
    assert report.headline == "No reps to analyse"
    assert report.table == ()


def test_units_default_to_the_athletes_preference():
    analysis = analyze("68 67", reps_workout(2, 400.0), Athlete(((5000.0, 1200.0),), units="mi"))
    assert "(4:32/mi)" in render(analysis).headline
    assert "(2:49/km)" in render(analysis, "km").headline
    assert "(2:49/km)" in render(analyze("68 67", reps_workout(2, 400.0))).headline


def test_embed_fields_fit_discord_limits():
    workout = reps_workout(60, 400.0, target_s=(70.0, 72.0), rest=Rest(duration_s=60.0))
    splits = " ".join(f"{70 + (k % 5) * 0.4:.1f}" for k in range(60))
    report = render(analyze(splits, workout, Athlete(((5000.0, 1200.0),))))
    fields = report.embed_fields()
    assert len(fields) <= 25
    names = [name for name, _ in fields]
    assert names[0] == f"Reps (1/{len(report.table)})"
    assert names[-1] == "Set"
    for name, value in fields:
        assert len(name) <= 256 and 0 < len(value) <= FIELD_LIMIT
    assert all(v.startswith("```\n") and v.endswith("\n```") for n, v in fields if "Reps" in n)
    assert len(report.title) <= 256
    total = len(report.title) + sum(len(n) + len(v) for n, v in fields)
    assert total <= 6000


def test_single_block_field_and_notes():
    report = render(analyze("2:26 / 2:28", worked_example()))
    fields = dict(report.embed_fields())
    assert set(fields) == {"Reps", "Set", "Notes"}
    assert "6 reps prescribed" in fields["Notes"]


def test_chart_data_from_an_analysis():
    from bot.training.report import chart_data

    workout = reps_workout(4, 400.0, target_s=(68.0, 70.0), rest=Rest(duration_s=60.0))
    data = chart_data(analyze("68 71 66", workout), workout, "4 x 400", "mi")
    assert data.title == "4 x 400" and data.units == "mi" and data.mode == "time"
    assert [b.time_s for b in data.reps] == [68, 71, 66, None]  # the fourth split is missing
    assert [b.status for b in data.reps] == ["on", "slow", "fast", None]
    assert [b.rest_s for b in data.reps[:2]] == [60.0, 60.0]
    assert data.mean_s == pytest.approx(205 / 3)
    mixed = tuple(Rep(distance_m=400.0 if k % 2 == 0 else 200.0) for k in range(4))
    paced = chart_data(analyze("53 24 53 24", Workout("", mixed)))
    assert paced.mode == "pace" and paced.mean_s == pytest.approx((132.5 + 120) / 2)


@pytest.mark.parametrize(
    ("splits", "workout", "headline"),
    [("16:30", "5k time trial", "1 × 5 km · 16:30.0 (3:18/km)"),
     ("20:05", "20 min tempo", "1 × 20 min · 20:05.0")],
)
def test_one_rep_has_its_time_without_a_spread(splits, workout, headline):
    """A tempo or a time trial: no `SD 0.0 s`, no `fastest rep 1 · slowest rep 1`."""
    report = render(analyze(splits, workout))
    assert report.headline == headline
    text = "\n".join(report.summary)
    assert "SD" not in text and "Fastest" not in text and "median" not in text
    assert any(line.startswith("Work ") for line in report.summary)


def test_target_columns_are_as_wide_as_what_they_hold():
    """Every character counts in an embed's code block: a phone wraps a long line."""
    from bot.training.report import table_lines

    header, rows = table_lines(analyze("2:26 (3:00) 2:28 (3:00) 2:26", "3 x 1000 @ 2:26 w/ 3 min"))
    assert header.split() == ["#", "time", "/km", "target", "rec"]
    assert rows[1].split()[-4:] == ["2:26", "slow", "0.5", "3:00"]
    assert max(len(line) for line in (header, *rows)) <= 40  # a phone held upright
    header, rows = table_lines(analyze("68 69", "2 x 400 @ 68"))
    assert max(len(line) for line in (header, *rows)) <= 40
    # With room to spare, every pace is there: the runner's unit, the other, and per 400 m.
    header, rows = table_lines(analyze("2:26 2:28", "2 x 1000m"), "mi")
    assert header.split() == ["#", "time", "/mi", "/km", "/400"]
    assert rows[0].split() == ["1", "2:26", "3:55", "2:26", "58.4"]


def test_reps_all_alike_are_said_so():
    summary = render(analyze("3:00 3:00 3:00", "3 x 1000m")).summary
    assert "Every rep 3:00" in summary
    assert not any(line.startswith("Fastest rep") for line in summary)
    varied = render(analyze("3:00 3:01", "2 x 1000m")).summary
    assert "Fastest rep 1 (3:00) · slowest rep 2 (3:01)" in varied
