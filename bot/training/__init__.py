"""Pacer's training domain: workout notation, splits, analysis, race equivalents. Pure: no I/O."""

from bot.training.errors import ParseError
from bot.training.model import Amount, Rep, Rest, Segment, Workout
from bot.training.notation import parse_workout

__all__ = ["Amount", "ParseError", "Rep", "Rest", "Segment", "Workout", "parse_workout"]
