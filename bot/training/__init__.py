"""Pacer's training domain: workout notation, splits, analysis, race equivalents. Pure: no I/O.

The readers, the analysis and race equivalents load on first use (PEP 562), so
`import bot.training` stays cheap for code that only needs the model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from bot.training import compiled

compiled.prefer_source(compiled.MODULES[:1])  # the model; the notation package does the rest

from bot.training.errors import ParseError  # noqa: E402
from bot.training.model import Amount, Rep, Rest, Segment, Workout  # noqa: E402

if TYPE_CHECKING:
    from bot.training.analysis import Analysis, Athlete, analyze
    from bot.training.notation import parse_workout
    from bot.training.splits import Splits, parse_splits
    from bot.training.vdot import Equivalent, equivalent

# Public name -> the module that defines it.
_LAZY: dict[str, str] = {
    "parse_workout": "bot.training.notation",
    "Analysis": "bot.training.analysis",
    "Athlete": "bot.training.analysis",
    "analyze": "bot.training.analysis",
    "Splits": "bot.training.splits",
    "parse_splits": "bot.training.splits",
    "Equivalent": "bot.training.vdot",
    "equivalent": "bot.training.vdot",
}

__all__ = [
    "Amount",
    "Analysis",
    "Athlete",
    "Equivalent",
    "ParseError",
    "Rep",
    "Rest",
    "Segment",
    "Splits",
    "Workout",
    "analyze",
    "equivalent",
    "parse_splits",
    "parse_workout",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bot.training' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
