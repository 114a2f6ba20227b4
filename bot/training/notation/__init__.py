"""Workout notation: from the text a coach types to reps, targets and recoveries."""

from bot.training import compiled

compiled.prefer_source(compiled.NOTATION)

from bot.training.notation.reader import MAX_REPS, MAX_TEXT, read_workout  # noqa: E402

parse_workout = read_workout

__all__ = ["MAX_REPS", "MAX_TEXT", "parse_workout"]
