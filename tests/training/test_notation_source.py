"""The compiled reader and its source: the same results, and the source whenever the compiled
modules are out of date."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from bot.training import ParseError, parse_workout
from bot.training.notation import source

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
    from_source = source.load(keep=False).read_workout
    assert hasattr(from_source, "__code__")  # Python code, not the compiled function
    assert len(TEXTS) > 600  # the files were found
    for text in TEXTS:
        assert _result(from_source, text) == _result(parse_workout, text), text


def test_loading_the_source_for_a_tool_leaves_the_package_as_it_was() -> None:
    import bot.training.notation as package

    before = {name: sys.modules[f"bot.training.notation.{name}"] for name in source.COMPILED}
    attributes = {name: getattr(package, name) for name in source.COMPILED}
    reader = source.load(keep=False)
    assert reader is not before["reader"]
    assert reader.__file__.endswith("reader.py")
    for name in source.COMPILED:
        assert sys.modules[f"bot.training.notation.{name}"] is before[name]
        assert getattr(package, name) is attributes[name]


@pytest.mark.skipif(
    os.environ.get("PACER_EXPECT_COMPILED") != "1", reason="CI sets it: the install must compile"
)
def test_the_installed_reader_is_compiled() -> None:
    assert source.compiled()
    assert source.stale() == []


def test_a_compiled_module_older_than_its_source_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in source.COMPILED:
        (tmp_path / f"{name}.py").write_text("")
        (tmp_path / f"{name}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    monkeypatch.setattr(source, "_HERE", tmp_path)
    assert source.stale() == []
    os.utime(tmp_path / "lexer.py", (2_000_000_000, 2_000_000_000))  # edited after the build
    assert source.stale() == ["lexer"]


@pytest.mark.parametrize("times", [40, 600])
def test_a_chain_of_counts_reads_alike_however_deep(times: int) -> None:
    # The source once refused the deep chain by running out of Python's stack, which compiled
    # code does not count: the reader bounds the chain itself.
    text = ("3 times " * times)[:4000]
    from_source = source.load(keep=False).read_workout
    assert _result(parse_workout, text) == _result(from_source, text)
    if times > 100:
        with pytest.raises(ParseError, match="chained too deeply"):
            parse_workout(text)
