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
    assert out.startswith("VDOT 53.5 from 42195 m in 3:00:00")
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
