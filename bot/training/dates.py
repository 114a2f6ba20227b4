"""Dates and times as a team types them: when a session was run, when a workout should be posted.

The common phrases (today, yesterday, weekday names, `2 days ago`, `tomorrow 6am`, `in 2 hours`,
ISO dates) are read here without dateparser, which gets them wrong in ways that matter
(`tomorrow at 6` drops the hour, `monday at 7` picks a date in the past). dateparser, pinned to
English, reads the rest (`July 13th`, `13 Jul 2026`). Its import costs ~120 ms, so it is imported
on first need, never with `bot.training`. Nothing here reads the clock: callers pass today or now.
"""

from __future__ import annotations

import re
import threading
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from bot.training.errors import ParseError

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MAX_DATE_TEXT = 100
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "ten": 10}
SESSION_HINT = "today, yesterday, monday, 2 days ago, July 13th or 2026-07-13"
# A session older than this is a mistyped year (`1900-01-01`, `2016` for 2026), not a log.
MAX_YEARS_BACK = 10
WHEN_HINT = "now, tomorrow 6am, monday 5:30pm, in 2 hours or 2026-07-13 06:00"

_lock = threading.Lock()
_parser: DateDataParser | None = None

# Bounded, anchored patterns over short input (at most MAX_DATE_TEXT characters).
_AGO = re.compile(r"^(\d{1,3}|[a-z]+) (day|days|week|weeks) ago$")
_IN = re.compile(r"^in (\d{1,4}|[a-z]+) (minute|minutes|min|mins|hour|hours|hr|hrs|day|days)$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_ISO_DATETIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ t](\d{1,2}):(\d{2})$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))? ?(am|pm)?$")
_DISTANCE = re.compile(r"\d ?(m|km|k|mi|miles?|x)\b")


def date_parser() -> DateDataParser:
    """The process-wide dateparser, English only (created on first use; thread-safe)."""
    global _parser
    with _lock:
        if _parser is None:
            from dateparser.date import DateDataParser

            _parser = DateDataParser(languages=["en"])
        return _parser


def warm_up() -> None:
    """Import dateparser and parse once, readable and unreadable. Blocking: run it in a thread."""
    parser = date_parser()
    parser.get_date_data("13 July")
    parser.get_date_data("not a date at all")


def _clean(text: str, hint: str) -> str:
    cleaned = " ".join(text.lower().replace(",", " ").split())
    if not cleaned:
        raise ParseError("no date given", hint=hint)
    if len(cleaned) > MAX_DATE_TEXT:
        raise ParseError(
            f"a date is at most {MAX_DATE_TEXT} characters", text=text, offset=MAX_DATE_TEXT,
            hint=hint,
        )
    return cleaned


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _weekday_back(today: date, weekday: int) -> date:
    """The most recent such day, today included: `monday` on a Monday is today."""
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def parse_session_date(text: str, today: date) -> date:
    """The calendar day a session was run. Never in the future."""
    s = _clean(text, SESSION_HINT)
    found = _session_common(s, today)
    if found is None:
        found = _with_dateparser(s, datetime.combine(today, time(12)), future=False)
        if found is None:
            raise ParseError(
                f"I can't read “{text.strip()}” as a date", text=text, offset=0,
                length=len(text), hint=SESSION_HINT,
            )
        found = found.date() if isinstance(found, datetime) else found
    if found > today:
        raise ParseError(
            f"{found.isoformat()} is in the future: a session is logged on the day it was run",
            text=text, offset=0, length=len(text), hint=SESSION_HINT,
        )
    if (today - found).days > MAX_YEARS_BACK * 366:
        raise ParseError(
            f"{found.isoformat()} is more than {MAX_YEARS_BACK} years ago: check the year",
            text=text, offset=0, length=len(text), hint=SESSION_HINT,
        )
    return found


def _session_common(s: str, today: date) -> date | None:
    if s in ("today", "tonight", "this morning", "this evening", "this afternoon", "now"):
        return today
    if s in ("yesterday", "last night", "yesterday morning", "yesterday evening"):
        return today - timedelta(days=1)
    word = s.removeprefix("last ").removeprefix("on ")
    if word in WEEKDAYS:
        day = _weekday_back(today, WEEKDAYS[word])
        if s.startswith("last ") and day == today:
            day -= timedelta(days=7)
        return day
    m = _AGO.match(s)
    if m:
        n = _count(m.group(1))
        if n is not None:
            return today - timedelta(days=n * (7 if m.group(2).startswith("week") else 1))
    m = _ISO_DATE.match(s)
    if m:
        return _date(*(int(g) for g in m.groups()), text=s, hint=SESSION_HINT)
    return None


def _date(y: int, m: int, d: int, *, text: str, hint: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ParseError(f"“{text}” is not a day on the calendar", text=text, hint=hint) from None


def parse_when(text: str, now: datetime) -> datetime:
    """When to publish: a moment after `now` (an aware datetime in the team's time zone).
    Returns an aware datetime in the same zone. `now` itself is allowed (`now`)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    s = _clean(text, WHEN_HINT)
    found = _when_common(s, now)
    if found is None:
        parsed = _with_dateparser(s, now.replace(tzinfo=None), future=True)
        if not isinstance(parsed, datetime):
            raise ParseError(
                f"I can't read “{text.strip()}” as a time to post", text=text, offset=0,
                length=len(text), hint=WHEN_HINT,
            )
        found = _localise(parsed, now.tzinfo)
    if found < now - timedelta(seconds=1):
        raise ParseError(
            f"{found:%a %d %b %H:%M} is in the past: give a time from now on",
            text=text, offset=0, length=len(text), hint=WHEN_HINT,
        )
    return found


def _localise(moment: datetime, zone: tzinfo) -> datetime:
    # zoneinfo zones take the wall time as given; fold=0 picks the first of a repeated hour.
    return moment.replace(tzinfo=zone)


def _when_common(s: str, now: datetime) -> datetime | None:
    if s in ("now", "right now", "immediately"):
        return now
    m = _IN.match(s)
    if m:
        n = _count(m.group(1))
        if n is None:
            return None
        unit = m.group(2)
        if unit.startswith("min"):
            return now + timedelta(minutes=n)
        if unit.startswith(("hour", "hr")):
            return now + timedelta(hours=n)
        return now + timedelta(days=n)
    m = _ISO_DATETIME.match(s)
    if m:
        y, mo, d, h, mi = (int(g) for g in m.groups())
        day = _date(y, mo, d, text=s, hint=WHEN_HINT)
        return datetime.combine(day, _clock_time(h, mi, None, s), tzinfo=now.tzinfo)
    m = _ISO_DATE.match(s)
    if m:
        day = _date(*(int(g) for g in m.groups()), text=s, hint=WHEN_HINT)
        return datetime.combine(day, time(6), tzinfo=now.tzinfo)  # a day alone: 6am
    # `tomorrow 6am`, `monday at 5:30pm`, `today 17:00`, `6am`, `tonight 7pm`
    words = s.replace(" at ", " ").split(" ")
    day_word, clock_words = words[0], words[1:]
    today = now.date()
    if day_word in ("today", "tonight"):
        day = today
    elif day_word == "tomorrow":
        day = today + timedelta(days=1)
    elif day_word in WEEKDAYS or (
        day_word == "next" and clock_words and clock_words[0] in WEEKDAYS
    ):
        if day_word == "next":
            day_word, clock_words = clock_words[0], clock_words[1:]
        ahead = (WEEKDAYS[day_word] - today.weekday()) % 7
        day = today + timedelta(days=ahead or 7)
    else:
        day, clock_words = today, words
    if not clock_words:
        return datetime.combine(day, time(6), tzinfo=now.tzinfo)
    m = _CLOCK.match(" ".join(clock_words))
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    moment = datetime.combine(day, _clock_time(hour, minute, half, s), tzinfo=now.tzinfo)
    if day == today and day_word not in ("today", "tonight") and moment < now:
        moment += timedelta(days=1)  # `6am` said in the evening means tomorrow's
    return moment


def _clock_time(hour: int, minute: int, half: str | None, text: str) -> time:
    if half is not None:
        if not 1 <= hour <= 12:
            raise ParseError(f"{hour}{half} is not a time of day", text=text, hint=WHEN_HINT)
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ParseError(f"{hour}:{minute:02d} is not a time of day", text=text, hint=WHEN_HINT)
    return time(hour, minute)


def _with_dateparser(s: str, base: datetime, *, future: bool) -> datetime | None:
    # dateparser reads bare numbers and distances as dates (`400m` is 400 minutes ago, `75` is
    # 1975): only hand it text with a letter in it, and no number with a distance unit.
    if not any(c.isalpha() for c in s) or _DISTANCE.search(s):
        return None
    from dateparser import parse

    date_parser()  # languages loaded once, shared with the warm-up
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found: datetime | None = parse(s, languages=["en"], settings=settings)
    return found
