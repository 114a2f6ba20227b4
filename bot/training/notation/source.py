"""Where the reader runs from: the C extension mypyc compiles at install time, or its source.

The compiled reader is the same code several times faster. Its source is run instead when
`PACER_PURE=1` is set, when a compiled module is older than its source (edited since the last
`make`: the source is what the tests must check), and by tools that watch Python calls, which
cannot see into compiled code (profilers, the reader's cost test).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import warnings
from pathlib import Path
from types import ModuleType

PACKAGE = "bot.training.notation"
# In import order: each imports the ones before it.
COMPILED = ("vocabulary", "lexer", "reader")
_HERE = Path(__file__).parent


def _compiled_file(name: str) -> Path | None:
    found = [p for p in _HERE.glob(f"{name}.*") if p.suffix in (".so", ".pyd")]
    return found[0] if found else None


def stale() -> list[str]:
    """The compiled modules older than their source."""
    out = []
    for name in COMPILED:
        built = _compiled_file(name)
        if built is not None and built.stat().st_mtime < (_HERE / f"{name}.py").stat().st_mtime:
            out.append(name)
    return out


def compiled() -> bool:
    """Whether the reader that runs is the compiled one."""
    return not str(getattr(sys.modules.get(f"{PACKAGE}.reader"), "__file__", "")).endswith(".py")


def load(keep: bool) -> ModuleType:
    """The reader module run from source, with the lexer and vocabulary it imports also from
    source. `keep` leaves them in place as the package's modules; otherwise the modules that
    were there (compiled ones, say) are put back and only the returned reader uses the source."""
    package = sys.modules[PACKAGE]
    saved = {
        name: (sys.modules.get(f"{PACKAGE}.{name}"), package.__dict__.get(name))
        for name in COMPILED
    }
    try:
        module = package
        for name in COMPILED:
            spec = importlib.util.spec_from_file_location(f"{PACKAGE}.{name}", _HERE / f"{name}.py")
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            setattr(package, name, module)  # `from bot.training.notation import vocabulary`
            spec.loader.exec_module(module)
        return module
    finally:
        if not keep:
            for name, (in_modules, attribute) in saved.items():
                if in_modules is None:
                    sys.modules.pop(f"{PACKAGE}.{name}", None)
                else:
                    sys.modules[f"{PACKAGE}.{name}"] = in_modules
                if attribute is None:
                    package.__dict__.pop(name, None)
                else:
                    setattr(package, name, attribute)


def prefer_source() -> None:
    """At the package's first import: run the source when asked to or when the compiled
    modules are out of date."""
    if not any(_compiled_file(name) for name in COMPILED):
        return
    old = stale()
    if os.environ.get("PACER_PURE") == "1":
        load(keep=True)
    elif old:
        warnings.warn(
            f"the compiled workout reader is older than its source ({', '.join(old)}.py): "
            "running the source; `make` compiles it again",
            stacklevel=2,
        )
        load(keep=True)
