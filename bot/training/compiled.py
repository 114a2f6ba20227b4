"""Where the modules mypyc compiles at install time (setup.py) run from: their C extensions, or
their source.

Compiled, the reader and the model it builds are the same code several times faster. Their
source runs instead, all of it, when `PACER_PURE=1` is set or when a compiled module is older
than its source (edited since the last `make`: the source is what the tests must check). A
compiled reader cannot run beside a model from source: it builds the compiled model's objects
directly. Tools that watch Python calls (profilers, the reader's cost test) load the reader's
source beside whichever model runs: `reader_source`.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import warnings
from functools import cache
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

# In import order: each imports the ones before it.
MODULES = (
    "bot.training.model",
    "bot.training.notation.vocabulary",
    "bot.training.notation.lexer",
    "bot.training.notation.reader",
)
NOTATION = MODULES[1:]
_ROOT = Path(__file__).parent  # bot/training


def _source(module: str) -> Path:
    return _ROOT.joinpath(*module.split(".")[2:]).with_suffix(".py")


def _built(module: str) -> Path | None:
    """The module's C extension for this interpreter, if it was built."""
    source = _source(module)
    for suffix in EXTENSION_SUFFIXES:  # `.cpython-311-x86_64-linux-gnu.so`, ...
        built = source.with_name(source.stem + suffix)
        if built.exists():
            return built
    return None


def stale() -> list[str]:
    """The compiled modules older than their source."""
    out = []
    for module in MODULES:
        built = _built(module)
        if built is not None and built.stat().st_mtime < _source(module).stat().st_mtime:
            out.append(module)
    return out


def reader_is_compiled() -> bool:
    """Whether the reader that runs is the compiled one."""
    reader = importlib.import_module(MODULES[-1])
    return not str(reader.__file__).endswith(".py")


@cache  # decided once, at the first import
def _runs_source() -> bool:
    old = stale()
    if old and os.environ.get("PACER_PURE") != "1":
        warnings.warn(
            f"the compiled workout reader is older than its source ({', '.join(old)}): "
            "running the source; `make` compiles it again",
            stacklevel=4,
        )
    built = any(_built(module) for module in MODULES)
    return built and (bool(old) or os.environ.get("PACER_PURE") == "1")


def _exec_source(module: str) -> ModuleType:
    """Run `module` from its source and put it in place of whatever was imported."""
    spec = importlib.util.spec_from_file_location(module, _source(module))
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[module] = loaded
    package, _, name = module.rpartition(".")
    setattr(sys.modules[package], name, loaded)  # `from bot.training.notation import lexer`
    spec.loader.exec_module(loaded)
    return loaded


def prefer_source(modules: tuple[str, ...]) -> None:
    """At a package's first import, before it imports `modules`: run them from source when asked
    to or when any compiled module is out of date."""
    if _runs_source():
        for module in modules:
            _exec_source(module)


def reader_source() -> ModuleType:
    """The reader module run from its source, with the lexer and vocabulary it imports also from
    source, leaving the package's own modules (compiled ones, say) in place."""
    package = importlib.import_module("bot.training.notation")
    saved = {m: (sys.modules.get(m), package.__dict__.get(m.rpartition(".")[2])) for m in NOTATION}
    try:
        return [_exec_source(module) for module in NOTATION][-1]
    finally:
        for module, (in_modules, attribute) in saved.items():
            name = module.rpartition(".")[2]
            if in_modules is None:
                sys.modules.pop(module, None)
            else:
                sys.modules[module] = in_modules
            if attribute is None:
                package.__dict__.pop(name, None)
            else:
                setattr(package, name, attribute)


def status() -> str:
    """One line on how the reader runs, for the install to print (pip's quiet output hides a
    failed compile)."""
    if _built(MODULES[-1]) is None:
        return ("workout reader: not compiled (no C compiler at install?): it runs from source, "
                "about 3.7 times slower")
    if os.environ.get("PACER_PURE") == "1":
        return "workout reader: compiled, but PACER_PURE=1 runs it from source"
    old = stale()
    if old:
        return f"workout reader: compiled, but older than its source ({', '.join(old)}): `make`"
    return "workout reader: compiled"
