"""Finding a session inside a chat message: the workout, the splits, the day and the notes.

`6x1k today: 2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24 felt strong` reads as workout `6x1k`, day
`today`, splits `2:26 / ... / 2:24`, notes `felt strong`. The splits are the first run of two or
more times (`2:26`, `68`, `69.5`) joined by separators; a time right after `@`, `in`, `at`,
`w/` or `rec` belongs to the workout (a target or a recovery), not to the splits. What comes
before the run is the workout (when the workout reader finds reps there), what follows is notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.training.errors import ParseError

HINT = "6x1k today: 2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24 felt strong"

# A decimal comma too (`1:12,4`, `65,5`), not a list (`2:26,2:28`, `65,66`).
_TIME = (r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+|,\d{1,2}(?![\d:]))?"
         r"|\d{2,3}(?:\.\d+|,\d(?![\d:]))?)")
_SEP = r"(?:\s*[/,;|]\s*|\s*-\s*|\s+)"
_REC_WORD = r"(?:jog|rest|rec\.?|recovery|walk|float)"
# Inside a run of splits, what the splits reader takes too: a recovery or laps in brackets
# (`(60)`, `(jog 90)`, `(28, 29.8)`) and `jog 90`; without these a run would stop there and the
# splits after a recovery would land in the notes.
_BETWEEN = (rf"(?:\(\s*(?:{_REC_WORD}\s*)?{_TIME}(?:\s*{_REC_WORD})?"
            rf"(?:\s*[,/]\s*{_TIME})*\s*\)|{_REC_WORD}\s+{_TIME})")
# A run of at least two times; no digit, colon or letter glued to either end.
_RUN = re.compile(
    rf"(?<![\w:.]){_TIME}(?:{_SEP}(?:{_TIME}|{_BETWEEN}(?={_SEP}{_TIME}|\s*$)))+(?![\w:])"
)
# Words (or marks) after which a time is part of the workout: a target, a recovery, a duration.
_WORKOUT_LEAD = re.compile(
    r"(?:@|\bat|\bin|\bw/?|\bwith|\brec\.?|\brecovery|\brest|\bjog|\bx|×|\bpace)\s*$",
    re.IGNORECASE,
)
# A day named in the text before the splits: taken out of the workout and used as the date.
_DAY = re.compile(
    r"\b(today|tonight|this morning|this evening|yesterday|last night|"
    r"(?:last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"\d+\s+days?\s+ago|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
MAX_MESSAGE = 4000


@dataclass(frozen=True, slots=True)
class ChatLog:
    """The parts of a message: texts as the person wrote them (None when absent)."""

    splits_text: str
    workout_text: str | None = None
    date_text: str | None = None
    notes: str | None = None


def _clean(text: str) -> str:
    return text.strip(" \t\r\n:;,.-–—|").strip()


_FIRST_TIME = re.compile(_TIME)


def _splits_run(text: str) -> re.Match[str] | None:
    pos = 0
    while (match := _RUN.search(text, pos)) is not None:
        # The lead is a word just before the run: a short look back keeps this linear.
        if _WORKOUT_LEAD.search(text[max(0, match.start() - 16) : match.start()]):
            # `6 x 400 68 69 70`: the 400 belongs to the workout, the splits may follow it.
            first = _FIRST_TIME.match(text, match.start())
            pos = first.end() if first is not None else match.end()
            continue
        times = re.findall(_TIME, match.group(0))
        # `6 x 400 200` or a lone year are not splits; a clock time or three numbers are.
        if any(":" in t for t in times) or len(times) >= 3:
            return match
        pos = match.end()
    return None


def find_log(text: str) -> ChatLog:
    """The session in `text`. ParseError when no splits can be found."""
    text = text[:MAX_MESSAGE]
    match = _splits_run(text)
    if match is None:
        raise ParseError(
            "I can't find splits in this message: write at least two times such as 2:26 / 2:28",
            text=text,
            offset=0,
            length=len(text),
            hint=HINT,
        )
    before, after = text[: match.start()], text[match.end() :]
    date_text = None
    day = _DAY.search(before)
    if day is not None:
        date_text = day.group(0)
        before = before[: day.start()] + " " + before[day.end() :]
    workout_text = _clean(before) or None
    if workout_text is not None:
        from bot.training.notation import parse_workout

        try:
            workout = parse_workout(workout_text)
        except ParseError:
            workout_text = None
        else:
            if not workout.reps:
                workout_text = None
    notes = _clean(after) or None
    return ChatLog(
        splits_text=match.group(0).strip(),
        workout_text=workout_text,
        date_text=date_text,
        notes=notes,
    )
