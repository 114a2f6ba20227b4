"""Shape checks for the notation corpus files (not for the reader).

The corpus holds real workout and split text with the structure a coach reads from it, written by
hand. These tests only make sure the files stay well-formed: lists aligned with the reps, known
names and kinds, no text shared between the development set and the held-out set.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "training" / "corpus"
HELDOUT = ROOT / "bench" / "heldout"

# Canonical race-pace names: race distances, Daniels letters, and a goal/race pace.
NAMES = {"5k", "10k", "3k", "mile", "1500", "800", "half", "marathon", "goal"}
NAMES |= {"E", "M", "T", "I", "R"}
SEGMENT_KINDS = {"warmup", "cooldown", "easy"}
# The development set is split over files collected at different times from different sources.
DEV_WORKOUTS = [
    CORPUS / "workouts.json",
    CORPUS / "workouts-2.json",
    CORPUS / "workouts-3.json",
    CORPUS / "workouts-4.json",
    CORPUS / "workouts-5.json",
]
DEV_INVALID = [CORPUS / "invalid-workouts.json", CORPUS / "invalid-workouts-2.json"]
# Share of `hand-written` entries each workout file may hold.
HAND_WRITTEN_SHARE = {
    CORPUS / "workouts.json": 0.15,
    CORPUS / "workouts-2.json": 0.10,
    CORPUS / "workouts-3.json": 0.10,
    CORPUS / "workouts-4.json": 0.10,
    CORPUS / "workouts-5.json": 0.10,
    HELDOUT / "workouts.json": 0.15,
}
MIN_COUNTS = {
    CORPUS / "workouts.json": 200,
    CORPUS / "workouts-2.json": 200,
    CORPUS / "workouts-3.json": 100,
    CORPUS / "workouts-4.json": 70,
    CORPUS / "workouts-5.json": 55,
    HELDOUT / "workouts.json": 70,
    CORPUS / "invalid-workouts.json": 30,
    CORPUS / "invalid-workouts-2.json": 25,
    CORPUS / "splits.json": 60,
    HELDOUT / "splits.json": 20,
    CORPUS / "invalid-splits.json": 15,
}


def _path_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path.name}: top level must be a list"
    return data


def _is_amount(value: object) -> bool:
    """A positive number, or [low, high] with 0 < low <= high."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return value > 0
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        and 0 < value[0] <= value[1]
    )


def _workout_problems(entry: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        return ["text must be a non-empty string"]
    if text != text.strip():
        problems.append("text has leading or trailing whitespace")
    if not isinstance(entry.get("source"), str) or not entry["source"].strip():
        problems.append("source is missing")
    allowed = {"text", "reps", "targets", "rest", "named", "segments", "source", "note"}
    if set(entry) - allowed:
        problems.append(f"unknown keys {sorted(set(entry) - allowed)}")
    reps = entry.get("reps")
    if not isinstance(reps, list) or not reps:
        return [*problems, "reps must be a non-empty list"]
    for i, rep in enumerate(reps):
        if not isinstance(rep, dict) or len(rep) != 1 or not ({"d", "t"} & set(rep)):
            problems.append(f"rep {i} must have exactly one of d, t")
        elif not _is_amount(next(iter(rep.values()))):
            problems.append(f"rep {i} length is not a positive amount")
    for key in ("targets", "rest", "named"):
        if key in entry and (not isinstance(entry[key], list) or len(entry[key]) != len(reps)):
            problems.append(f"{key} must have one item per rep ({len(reps)})")
    for i, target in enumerate(entry.get("targets") or []):
        if target is not None and not (isinstance(target, list) and _is_amount(target)):
            problems.append(f"target {i} must be null or [low, high]")
    rests = entry.get("rest") or []
    for i, rest in enumerate(rests):
        if rest is None:
            continue
        if not isinstance(rest, dict) or set(rest) - {"d", "t"}:
            problems.append(f"rest {i} must be null or an object with d and/or t")
        elif not all(_is_amount(v) for v in rest.values()):
            problems.append(f"rest {i} has a length that is not a positive amount")
    if rests and rests[-1] is not None:
        problems.append("the last rep of the workout has no rest")
    for i, name in enumerate(entry.get("named") or []):
        if name is not None and name not in NAMES:
            problems.append(f"named {i}: {name!r} is not a canonical name")
    for i, segment in enumerate(entry.get("segments") or []):
        if not isinstance(segment, dict) or segment.get("kind") not in SEGMENT_KINDS:
            problems.append(f"segment {i} needs a kind in {sorted(SEGMENT_KINDS)}")
        elif set(segment) - {"kind", "d", "t"} or len(set(segment) & {"d", "t"}) > 1:
            problems.append(f"segment {i} may have one of d, t and nothing else")
        elif not all(_is_amount(segment[k]) for k in ("d", "t") if k in segment):
            problems.append(f"segment {i} length is not a positive amount")
    return problems


def _split_problems(entry: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if not isinstance(entry.get("text"), str) or not entry["text"].strip():
        return ["text must be a non-empty string"]
    if not isinstance(entry.get("source"), str) or not entry["source"].strip():
        problems.append("source is missing")
    allowed = {"text", "splits_s", "recoveries_s", "workout", "source", "note"}
    if set(entry) - allowed:
        problems.append(f"unknown keys {sorted(set(entry) - allowed)}")
    splits = entry.get("splits_s")
    if not isinstance(splits, list) or not splits or not all(_is_amount(s) for s in splits):
        problems.append("splits_s must be a non-empty list of positive seconds")
    recoveries = entry.get("recoveries_s")
    if recoveries is not None and (
        not isinstance(recoveries, list) or not all(_is_amount(r) for r in recoveries)
    ):
        problems.append("recoveries_s must be a list of positive seconds")
    if "workout" in entry and not (isinstance(entry["workout"], str) and entry["workout"].strip()):
        problems.append("workout must be non-empty text")
    return problems


def _invalid_problems(entry: dict[str, Any]) -> list[str]:
    problems = []
    if not isinstance(entry.get("text"), str):
        problems.append("text must be a string")
    if not isinstance(entry.get("why"), str) or not entry["why"].strip():
        problems.append("why must say what makes the text invalid")
    if set(entry) - {"text", "why", "source"}:
        problems.append(f"unknown keys {sorted(set(entry) - {'text', 'why', 'source'})}")
    return problems


@pytest.mark.parametrize("path", sorted(MIN_COUNTS), ids=_path_id)
def test_file_has_enough_entries(path: Path) -> None:
    assert len(_load(path)) >= MIN_COUNTS[path]


@pytest.mark.parametrize("path", [*DEV_WORKOUTS, HELDOUT / "workouts.json"], ids=_path_id)
def test_workout_entries_are_well_formed(path: Path) -> None:
    bad = {e.get("text", "")[:60]: p for e in _load(path) if (p := _workout_problems(e))}
    assert not bad, bad


@pytest.mark.parametrize("path", [CORPUS / "splits.json", HELDOUT / "splits.json"])
def test_split_entries_are_well_formed(path: Path) -> None:
    bad = {e.get("text", "")[:60]: p for e in _load(path) if (p := _split_problems(e))}
    assert not bad, bad


@pytest.mark.parametrize("path", [*DEV_INVALID, CORPUS / "invalid-splits.json"], ids=_path_id)
def test_invalid_entries_are_well_formed(path: Path) -> None:
    bad = {str(e.get("text", ""))[:60]: p for e in _load(path) if (p := _invalid_problems(e))}
    assert not bad, bad


@pytest.mark.parametrize("kind", ["workouts", "splits"])
def test_no_duplicate_texts_within_or_across_sets(kind: str) -> None:
    dev = [e["text"] for e in _load(CORPUS / f"{kind}.json")]
    held = [e["text"] for e in _load(HELDOUT / f"{kind}.json")]
    assert len(set(dev)) == len(dev), "duplicate text in the development set"
    assert len(set(held)) == len(held), "duplicate text in the held-out set"
    assert not set(dev) & set(held), "held-out texts must not appear in the development set"


def test_no_workout_text_repeats_across_corpus_files() -> None:
    """A text appears once over every workout file, valid or invalid, development or held out."""
    paths = [*DEV_WORKOUTS, *DEV_INVALID, HELDOUT / "workouts.json"]
    where: dict[str, str] = {}
    repeats = []
    for path in paths:
        for entry in _load(path):
            text = entry["text"]
            if text in where:
                repeats.append((text[:60], where[text], path.name))
            where[text] = f"{path.parent.name}/{path.name}"
    assert not repeats, repeats


def test_held_out_workouts_come_from_other_sources() -> None:
    dev = {e["source"] for path in DEV_WORKOUTS for e in _load(path)} - {"hand-written"}
    held = {e["source"] for e in _load(HELDOUT / "workouts.json")} - {"hand-written"}
    assert not dev & held


def test_invalid_texts_are_not_also_valid_examples() -> None:
    valid = {e["text"] for path in [*DEV_WORKOUTS, HELDOUT / "workouts.json"] for e in _load(path)}
    invalid = {e["text"] for path in DEV_INVALID for e in _load(path)}
    assert not valid & invalid


@pytest.mark.parametrize("path", sorted(HAND_WRITTEN_SHARE), ids=_path_id)
def test_hand_written_entries_stay_a_small_share(path: Path) -> None:
    entries = _load(path)
    hand = sum(1 for e in entries if e["source"] == "hand-written")
    assert hand <= HAND_WRITTEN_SHARE[path] * len(entries)
