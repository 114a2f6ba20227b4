"""The compiled reader and model and their source: the same results, and the source whenever a
compiled module is out of date."""

from __future__ import annotations

import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from bot.training import ParseError, compiled, parse_workout

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    *sorted((ROOT / "tests/training/corpus").glob("workouts*.json")),
    ROOT / "tests/training/fixtures/workouts.json",
    ROOT / "tests/training/fixtures/invalid-workouts.json",
]
TEXTS = [e["text"] for path in FILES for e in json.loads(path.read_text(encoding="utf-8"))]


def _result(read: object, text: str) -> object:
    try:
        return read(text).to_dict()  # type: ignore[operator]
    except ParseError as err:
        return ("error", str(err), err.line, err.column)


def test_the_source_reads_every_text_as_the_reader_that_runs() -> None:
    from_source = compiled.reader_source().read_workout
    assert hasattr(from_source, "__code__")  # Python code, not the compiled function
    assert len(TEXTS) > 600  # the files were found
    for text in TEXTS:
        assert _result(from_source, text) == _result(parse_workout, text), text


def test_loading_the_source_for_a_tool_leaves_the_package_as_it_was() -> None:
    import bot.training.notation as package

    before = {module: sys.modules[module] for module in compiled.NOTATION}
    attributes = {module: getattr(package, module.rpartition(".")[2]) for module in before}
    reader = compiled.reader_source()
    assert reader is not before["bot.training.notation.reader"]
    assert reader.__file__.endswith("reader.py")
    for module, was in before.items():
        assert sys.modules[module] is was
        assert getattr(package, module.rpartition(".")[2]) is attributes[module]


@pytest.mark.skipif(
    os.environ.get("PACER_EXPECT_COMPILED") != "1", reason="CI sets it: the install must compile"
)
def test_the_installed_reader_and_model_are_compiled() -> None:
    assert compiled.reader_is_compiled()
    import bot.training.model

    assert not bot.training.model.__file__.endswith(".py")
    assert compiled.stale() == []


def test_a_compiled_module_older_than_its_source_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notation").mkdir()
    for name in ("model", "notation/vocabulary", "notation/lexer", "notation/reader"):
        (tmp_path / f"{name}.py").write_text("")
        (tmp_path / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    monkeypatch.setattr(compiled, "_ROOT", tmp_path)
    assert compiled.stale() == []
    os.utime(tmp_path / "notation/lexer.py", (2_000_000_000, 2_000_000_000))  # edited since
    assert compiled.stale() == ["bot.training.notation.lexer"]
    os.utime(tmp_path / "model.py", (2_000_000_000, 2_000_000_000))
    assert compiled.stale() == ["bot.training.model", "bot.training.notation.lexer"]


def test_the_install_says_how_the_reader_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notation").mkdir()
    names = ("model", "notation/vocabulary", "notation/lexer", "notation/reader")
    for name in names:
        (tmp_path / f"{name}.py").write_text("")
    monkeypatch.setattr(compiled, "_ROOT", tmp_path)
    monkeypatch.delenv("PACER_PURE", raising=False)
    assert "not compiled" in compiled.status()  # no C compiler: source only
    for name in names:
        (tmp_path / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    assert compiled.status() == "workout reader: compiled"
    os.utime(tmp_path / "notation/reader.py", (2_000_000_000, 2_000_000_000))
    assert "older than its source (bot.training.notation.reader)" in compiled.status()
    monkeypatch.setenv("PACER_PURE", "1")
    assert "PACER_PURE=1 runs it from source" in compiled.status()


def test_the_model_s_values_compare_hash_print_pickle_and_stay_as_made() -> None:
    import copy
    import pickle

    from bot.training.model import Rep, Rest, Segment, Workout

    rep = Rep(400.0, rest=Rest(200, None, "jog"), label="strides", set_index=1)
    same = Rep(400.0, None, None, None, None, Rest(200, None, "jog"), "strides", 1)
    assert rep == same and hash(rep) == hash(same) and rep != Rep(400.0)
    assert Rest() != Segment("warmup")  # other classes are never equal
    assert repr(Rest(200, None, "jog")) == "Rest(distance_m=200, duration_s=None, kind='jog')"
    workout = Workout("4 x 400", (rep,) * 4, (Segment("work", None, None, 0, 4),), ("A",))
    for copied in (pickle.loads(pickle.dumps(workout)), copy.copy(workout), copy.deepcopy(workout)):
        assert copied == workout
    if compiled.reader_is_compiled():  # compiled, the fields are read-only (mypy says so too)
        with pytest.raises(AttributeError):
            rep.label = "hills"  # type: ignore[misc]


@pytest.mark.parametrize("times", [40, 600])
def test_a_chain_of_counts_reads_alike_however_deep(times: int) -> None:
    # The source once refused the deep chain by running out of Python's stack, which compiled
    # code does not count: the reader bounds the chain itself.
    text = ("3 times " * times)[:4000]
    from_source = compiled.reader_source().read_workout
    assert _result(parse_workout, text) == _result(from_source, text)
    if times > 100:
        with pytest.raises(ParseError, match="chained too deeply"):
            parse_workout(text)
