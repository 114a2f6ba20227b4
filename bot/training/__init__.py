"""Pacer's training domain: workout notation, splits, analysis, race equivalents. Pure: no I/O."""

from bot.training.analysis import Analysis, Athlete, analyze
from bot.training.errors import ParseError
from bot.training.model import Amount, Rep, Rest, Segment, Workout
from bot.training.splits import Splits, parse_splits
from bot.training.vdot import Equivalent, equivalent

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
]
