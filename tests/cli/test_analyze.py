import json

import pytest

from bot.cli import main


def test_equivalent_json(capsys):
    assert main(["equivalent", "5k", "20:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["vdot"] == pytest.approx(49.8, abs=0.05)
    assert data["equivalents"][0]["name"] == "800m"
    assert set(data["training_paces"]) == set("EMTIR")


def test_equivalent_text(capsys):
    assert main(["equivalent", "marathon", "3:00:00"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("VDOT 53.5 from marathon in 3:00:00")
    assert "T Threshold" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [(["equivalent", "5q", "20:00"], "not a race distance"),
     (["equivalent", "5k", "20:61"], "seconds field"),
     (["analyze", "--splits", "2:26, 2:61"], "column 7"),
     (["analyze", "--splits", "fast!"], "No times found"),
     (["analyze", "--splits", "62", "--race", "5k"], "A race needs a distance and a time")],
)
def test_bad_input_exits_2_with_message(capsys, argv, words):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert words in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_analyze_text_without_workout(capsys):
    assert main(["analyze", "--splits", "70, 69, 68, 67"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 splits · avg 68.5")
    assert "Fastest rep 4 (67)" in out


def test_analyze_json_with_race(capsys):
    argv = ["analyze", "--splits", "2:26 / 2:28 / 2:26", "--race", "5k 20:00", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["set"]["mean_s"] == pytest.approx(146.67, abs=0.005)
    assert data["athlete"]["vdot"] == pytest.approx(49.81, abs=0.01)
    assert data["athlete"]["zone"] is None  # no distances without a workout


def test_analyze_units_miles(capsys):
    assert main(["analyze", "--splits", "62 61", "--units", "mi"]) == 0
    assert "2 splits" in capsys.readouterr().out


def test_analyze_worked_example_text(capsys):
    argv = ["analyze", "--workout", "6 x 1,000m w. 500m rec.",
            "--splits", "2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24"]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "6 × 1000 m · avg 2:26.2 (3:55/mi) · SD 1.3 s · negative split 1.0 s"
    assert out[2].split() == ["#", "time", "/km", "/mi", "/400"]
    assert "First half 2:26.7 · second half 2:25.7: negative split 1.0 s" in out


def test_analyze_worked_example_json(capsys):
    argv = ["analyze", "--workout", "6 x 1,000m w. 500m rec.",
            "--splits", "2:26 / 2:28 / 2:26 / 2:27 / 2:26", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["prescribed_reps"] == 6
    assert data["notes"] == ["6 reps prescribed, 5 splits given: analysed reps 1-5"]
    assert len(data["reps"]) == 5


def test_analyze_named_target_with_race(capsys):
    argv = ["analyze", "--workout", "3 x 1 mile @ T w/ 2:00", "--splits", "6:51, 6:52, 6:40",
            "--race", "5k 20:00", "--units", "mi"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Targets: 2 of 3 on, 1 fast, 0 slow" in out
    assert "T zone" in out


def test_analyze_bad_workout_exits_2(capsys):
    assert main(["analyze", "--workout", "lorem ipsum", "--splits", "62"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("pacer analyze: ")
    assert "Traceback" not in captured.err


def test_analyze_writes_a_chart(tmp_path, capsys):
    chart = tmp_path / "session.png"
    argv = ["analyze", "--workout", "6 x 1,000m w. 500m rec.", "--splits", "2:26 / 2:28 / 2:26",
            "--chart", str(chart)]
    assert main(argv) == 0
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert capsys.readouterr().out.startswith("3 × 1000 m")


def test_analyze_chart_to_unwritable_path_exits_2(tmp_path, capsys):
    argv = ["analyze", "--splits", "62 61", "--chart", str(tmp_path / "missing" / "c.png")]
    assert main(argv) == 2
    assert "cannot write the chart" in capsys.readouterr().err
