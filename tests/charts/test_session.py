import random
import warnings

import pytest

from bot.charts import RepBar, SessionChartData, mode_for, render_session
from bot.charts.canvas import FAST, SLOW
from bot.charts.session import MAX_REPS, plotted_reps, session_figure
from tests.charts.pngcheck import bar_boxes, colour_count, png_size, texts

LIMIT = 200 * 1024
TARGET = (144.0, 148.0)


def thousands(times, target=TARGET, rest_s=90.0, statuses=None):
    statuses = statuses or [None] * len(times)
    return [
        RepBar(i + 1, t, 1000.0, target, rest_s, None, s)
        for i, (t, s) in enumerate(zip(times, statuses, strict=True))
    ]


def typical(**changes):
    fields = {
        "title": "6 × 1000m w. 90s rec.",
        "reps": thousands([146.2, 147.9, 143.1, 150.4, None, 145.8]),
        "mean_s": 146.7,
        "units": "km",
        "mode": "time",
    }
    fields.update(changes)
    return SessionChartData(**fields)


def check_png(data: bytes) -> None:
    assert png_size(data) == (1000, 560)
    assert 5_000 < len(data) < LIMIT


random.seed(7)
EDGE_CASES = {
    "typical": typical(),
    "one rep": typical(reps=[RepBar(1, 1198.0, 5000.0)], mean_s=None),
    "sixty reps": typical(
        reps=[RepBar(i + 1, 30 + random.random() * 3, 200.0, (30.0, 32.0), 60.0, 200.0)
              for i in range(60)],
        mean_s=31.4,
    ),
    "no targets": typical(reps=thousands([146.0, 147.0, 145.0], target=None), mean_s=146.0),
    "missing reps": typical(reps=thousands([None, 150.0, None, None]), mean_s=150.0),
    "all missing": typical(reps=thousands([None, None]), mean_s=None),
    "no reps": typical(reps=[], mean_s=None),
    "very slow and very fast": typical(
        reps=[RepBar(1, 600.0, 1000.0), RepBar(2, 150.0, 1000.0), RepBar(3, 11.2, 100.0)],
        mean_s=None, mode="pace",
    ),
    "mixed distances per mile": typical(
        reps=[RepBar(i + 1, t, d, None, r) for i, (t, d, r) in
              enumerate([(65.0, 400.0, 60.0), (140.0, 800.0, 120.0), (300.0, 1600.0, 180.0)])],
        mean_s=172.0, units="mi", mode="pace",
    ),
    "hours long": typical(reps=[RepBar(1, 3932.0, 21097.5)], mean_s=3932.0),
    "bad numbers": typical(reps=thousands([float("nan"), -5.0, float("inf"), 146.0]),
                           mean_s=float("nan")),
    "user text": typical(title="$\\frac{$ 🏃‍♀️ Zoë's 6×1k " + "x" * 200),
}


@pytest.mark.parametrize("name", EDGE_CASES)
def test_renders_a_valid_png_of_sensible_size(name):
    check_png(render_session(EDGE_CASES[name]))


def test_same_data_same_bytes_and_different_data_different_bytes():
    assert render_session(typical()) == render_session(typical())
    slower = typical(reps=thousands([150.2, 147.9, 143.1, 150.4, None, 145.8]))
    assert render_session(slower) != render_session(typical())


def test_off_target_reps_are_coloured_and_marked():
    marked = typical(reps=thousands([146.0, 150.0, 142.0], statuses=["on", "slow", "fast"]))
    plain = typical(reps=thousands([146.0, 150.0, 142.0], statuses=["on", "on", "on"]))
    png_marked, png_plain = render_session(marked), render_session(plain)
    assert colour_count(png_marked, SLOW) > 1000 and colour_count(png_marked, FAST) > 1000
    assert colour_count(png_plain, SLOW) == 0 and colour_count(png_plain, FAST) == 0
    # Not colour alone: a down mark over the slow rep, an up mark over the fast one.
    ax = session_figure(marked).axes[0]
    marks = {line.get_marker(): list(line.get_xdata()) for line in ax.get_lines()
             if line.get_marker() in ("^", "v")}
    assert marks == {"v": [1], "^": [2]}
    assert not [line for line in session_figure(plain).axes[0].get_lines()
                if line.get_marker() in ("^", "v")]


def test_status_is_judged_from_the_target_when_not_given():
    reps = plotted_reps(typical(reps=thousands([143.0, 146.0, 149.0])))
    assert [r.status for r in reps] == ["fast", "on", "slow"]
    assert [r.status for r in plotted_reps(typical(reps=thousands([146.0], target=None)))] == [None]


def test_faster_reps_stand_taller():
    fig = session_figure(typical(reps=thousands([150.0, 140.0], target=None), mean_s=None))
    (_, sb, _, st), (_, fb, _, ft) = bar_boxes(fig.axes[0])
    assert sb == fb  # both grow from the same floor
    assert ft - fb > 1.5 * (st - sb)


def test_labels_read_like_a_runner_reads_them():
    drawn = texts(session_figure(typical()))
    for label in ("2:26", "2:28", "2:23", "2:30", "mean 2:27", "target", "slow", "fast",
                  "no split", "90s", "rep time · 6 × 1000m · rest 90s"):
        assert label in drawn


def test_sprint_times_keep_their_tenths():
    drawn = texts(session_figure(typical(reps=thousands([31.2, 30.8], target=None),
                                         mean_s=31.0)))
    assert {"31.2", "30.8", "mean 31.0"} <= set(drawn)


def test_pace_mode_converts_to_the_athletes_unit():
    data = EDGE_CASES["mixed distances per mile"]
    values = [round(r.value) for r in plotted_reps(data)]
    assert values == [round(65 / 400 * 1609.344), round(140 / 800 * 1609.344),
                      round(300 / 1600 * 1609.344)]
    drawn = texts(session_figure(data))
    assert "pace per mile · 3 reps" in drawn
    assert "mean 4:37" in drawn  # 172 s/km is 4:37 per mile
    assert {"60s", "2:00"} <= set(drawn)  # rests under the gaps


def test_pace_mode_without_a_distance_counts_as_missing():
    data = typical(reps=[RepBar(1, 146.0, None), RepBar(2, 146.0, 1000.0)], mode="pace")
    assert [r.value for r in plotted_reps(data)] == [None, 146.0]


def test_missing_splits_are_drawn_as_hatched_slots():
    ax = session_figure(EDGE_CASES["missing reps"]).axes[0]  # reps 1, 3, 4 missing
    to_data = ax.transData.inverted().transform
    centres = [to_data(((left + right) / 2, 0))[0] for left, _, right, _ in
               bar_boxes(ax, hatched=True)]
    assert [round(c, 6) for c in centres] == [0, 2, 3]
    assert len(bar_boxes(ax)) == 1


def test_no_mean_no_mean_line():
    assert not [t for t in texts(session_figure(typical(mean_s=None))) if t.startswith("mean")]


def test_long_sessions_are_cut_and_say_so():
    reps = [RepBar(i + 1, 70.0, 400.0) for i in range(MAX_REPS + 20)]
    drawn = texts(session_figure(typical(reps=reps)))
    assert f"rep time · first {MAX_REPS} of {MAX_REPS + 20} reps" in drawn


def test_user_text_is_never_mathtext_and_unknown_glyphs_are_dropped():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would warn
        drawn = texts(session_figure(typical(title="$\\frac{$ pace 🏃‍♀️ Zoë")))
    assert "$\\frac{$ pace Zoë" in drawn


def test_titles_are_bounded():
    drawn = texts(session_figure(typical(title="x" * 500)))
    assert "x" * 47 + "…" in drawn


def test_mode_for_picks_pace_for_mixed_distances():
    assert mode_for(thousands([146.0, 147.0])) == "time"
    assert mode_for([RepBar(1, 65.0, 400.0), RepBar(2, 140.0, 800.0)]) == "pace"
    assert mode_for([RepBar(1, 65.0, None), RepBar(2, 140.0, 800.0)]) == "time"


def test_bad_settings_are_refused_clearly():
    with pytest.raises(ValueError, match="units must be 'km' or 'mi'"):
        typical(units="furlongs")
    with pytest.raises(ValueError, match="mode must be 'time' or 'pace'"):
        typical(mode="speed")
    with pytest.raises(ValueError, match="rep 3: status"):
        RepBar(3, 100.0, status="late")


def test_header_never_runs_off_the_picture_or_into_the_legend():
    reps = [RepBar(i + 1, None if i == 3 else 68.0 + i % 4, 400.0 if i % 2 else 800.0,
                   (68.0, 70.0), 60.0 if i % 3 else 90.0) for i in range(120)]
    fig = session_figure(typical(title="W" * 60, reps=reps, units="mi", mode="pace"))
    renderer = fig.canvas.get_renderer()
    title, subtitle = fig.texts[0], fig.texts[1]
    assert title.get_text().endswith("…")
    assert title.get_window_extent(renderer).x1 <= fig.bbox.width
    legend = fig.legends[0].get_window_extent(renderer)
    assert not legend.overlaps(subtitle.get_window_extent(renderer))
    assert fig.axes[0].get_window_extent(renderer).y1 < legend.y0


def test_a_short_header_keeps_the_legend_beside_the_subtitle():
    fig = session_figure(typical())
    renderer = fig.canvas.get_renderer()
    legend = fig.legends[0].get_window_extent(renderer)
    subtitle = fig.texts[1].get_window_extent(renderer)
    assert legend.x0 > subtitle.x1 and legend.y1 > subtitle.y0
    assert fig.texts[0].get_text() == "6 × 1000m w. 90s rec."
