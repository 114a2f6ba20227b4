"""Comparing what the reader read with a corpus entry's expected structure.

Used by the tests (shared examples and the development corpus) and by `bench/heldout.py`, so both
score the reader the same way. Lengths and times compare to 0.1 (the corpus rounds conversions).
"""

from __future__ import annotations

from typing import Any

from bot.training import Workout


def _round(x: Any) -> Any:
    if x is None:
        return None
    if isinstance(x, list | tuple):
        return [round(float(v), 1) for v in x]
    return round(float(x), 1)


def _rep(entry_rep: dict[str, Any]) -> tuple[str, Any]:
    return ("d", _round(entry_rep["d"])) if "d" in entry_rep else ("t", _round(entry_rep["t"]))


def _rest(rest: dict[str, Any] | None) -> tuple[Any, Any] | None:
    if rest is None:
        return None
    return _round(rest.get("d")), _round(rest.get("t"))


def differences(entry: dict[str, Any], workout: Workout) -> list[str]:
    """What the workout gets wrong against the entry; empty when it matches."""
    got = workout.to_dict()
    reps: list[dict[str, Any]] = got["reps"]  # type: ignore[assignment]
    expected_reps = [_rep(r) for r in entry["reps"]]
    got_reps = [
        ("d", _round(r["distance_m"]))
        if r["distance_m"] is not None
        else ("t", _round(r["duration_s"]))
        for r in reps
    ]
    if expected_reps != got_reps:
        return [f"reps: expected {expected_reps}, read {got_reps}"]
    out = []
    if "targets" in entry:
        expected = [_round(t) for t in entry["targets"]]
        read = [_round(r["target_s"]) for r in reps]
        if expected != read:
            out.append(f"targets: expected {expected}, read {read}")
    if "rest" in entry:
        expected_rest = [_rest(r) for r in entry["rest"]]
        read_rest = [
            None
            if r["rest"] is None
            else (_round(r["rest"]["distance_m"]), _round(r["rest"]["duration_s"]))
            for r in reps
        ]
        if expected_rest != read_rest:
            out.append(f"rest: expected {expected_rest}, read {read_rest}")
    if "named" in entry:
        read_named = [r["target_name"] for r in reps]
        if entry["named"] != read_named:
            out.append(f"named: expected {entry['named']}, read {read_named}")
    if "segments" in entry:
        expected_segs = [
            (s["kind"], _round(s.get("d")), _round(s.get("t"))) for s in entry["segments"]
        ]
        read_segs = [
            (s["kind"], _round(s["distance_m"]), _round(s["duration_s"]))
            for s in got["segments"]  # type: ignore[union-attr]
            if s["kind"] != "work"
        ]
        if expected_segs != read_segs:
            out.append(f"segments: expected {expected_segs}, read {read_segs}")
    return out
