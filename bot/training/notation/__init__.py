"""Workout notation: from the text a coach types to reps, targets and recoveries."""

from bot.training.notation.source import prefer_source

prefer_source()

from bot.training.notation.reader import MAX_REPS, MAX_TEXT, read_workout  # noqa: E402

parse_workout = read_workout

__all__ = ["MAX_REPS", "MAX_TEXT", "parse_workout"]
