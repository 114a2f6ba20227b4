"""Splits as athletes post them: `2:26 / 2:28 / 2:26`, `1. 62\n2. 61`, `Splits: (70, 69, 68)`.

A hand-written linear scanner (no backtracking regex) turns the text into tokens, then one pass
decides which numbers are times. The rules:

- A time is `52`, `52.4`, `2:26`, `13:05.17`, `1:05:32`, primes `3'05"` / `59"`, `62s`, `90 sec`,
  `3min`, `2m26s` / `1h05m32s`, or `:43` (the minute carried from the split before: `2:45, :43`
  is 2:43). `4x7:47` and `4 × 7:47` are four 7:47s. Among m:ss times, a bare `257` is 2:57 when
  only that reading fits the others (within 25 % of their median); a list of bare numbers stays
  seconds.
- Separators: `/`, `,`, `;`, `|`, `+`, `&`, spaces, new lines, and `-` / `–` between times.
  Brackets group; a whole list in brackets is splits.
- Not times: a number with a distance unit (`1000m`, `5k`, `400s`, `800's`: a round hundred with
  `s` is a plural distance), a count (`6 x`, `x3`, `6 800's`), ordinals and indexes (`1.`, `1)`,
  `#1`, `Rep 1`, `mile 2`, `K1`, `1st`, a line number `1 2:26`, a distance column `1200 4:27`),
  everything before a label's colon (`Splits:`, `400s:`, `6 x 400m:`), a pace or target
  (`@ 5:00`, `7:25 pace`, `3:55/mi`, `target was 2:55`), and a summary (`avg 2:26`, `5:38 avg`,
  `= 7:20`).
- Laps: times in brackets that add up to the split before (`57.8 (28, 29.8)`) are its laps; lines
  of laps each with its `= total` (`1:39 & 1:36 = 3:15`) give one rep per line.
- Recoveries: a single time in brackets right after a split (`2:26 (3:00)`), a time next to a
  recovery word (`3:00 rest`, `jog 90`; one before any split belongs to the workout's text), or
  the recovery column of a table, one rep per line: under a header (`Split Rest`), or, with no
  header, three or more lines of two times whose second column lies clear of the first.
- Words and symbols around times (`felt strong`, emoji) are ignored. ParseError, with the
  position, for: text with no time at all; a number that cannot be a time (`2:61`, `1:2:3:4`,
  `2:6`, `0:00`, `52.4.1`, `-1:05`); a bracket never closed; a lone word in a list of times
  (`2:26 / abc / 2:28`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from bot.training.errors import ParseError
from bot.training.units import DISTANCE_UNITS, DURATION_UNITS

MAX_TEXT = 4000
MAX_SPLITS = 1000
MAX_TIME_S = 24 * 3600.0
HINT = "2:26 / 2:28 / 2:26 (or 62, 61, 60)"

_MINUTE_MARKS = "'’′"
_SECOND_MARKS = '"”″'
_OPEN = "([{"
_CLOSE = ")]}"
_DASHES = "-–—"
_SEPARATORS = "/,;|+&" + _DASHES
_RECOVERY_WORDS = frozenset(
    {"rec", "recovery", "rest", "jog", "walk", "float", "r", "recov", "standing", "jogging"}
)
_SUMMARY_WORDS = frozenset({"avg", "average", "mean", "total", "overall", "tot", "sum", "ave"})
_INDEX_WORDS = frozenset(
    {"rep", "reps", "interval", "set", "no", "number", "lap", "round", "mile", "km", "k", "kilo",
     "lane", "heat", "day", "week", "wk", "first", "last", "next"}
)
# Words in a bracket of recovery that leave it a recovery: `(took 90s between)`.
_BRACKET_FILLERS = frozenset(
    {"between", "each", "after", "every", "took", "of", "a", "the", "all", "in", "reps", "rep"}
)
# Recoveries on the move: a round hundred beside them is metres (`(jog 200 between)`).
_MOVING_RECOVERY_WORDS = frozenset({"jog", "walk", "float", "jogging"})
_COUNT_WORDS = frozenset({"x", "×"})
_PACE_WORDS = frozenset({"pace", "per"})
# Words that may stand alone between times in a list.
_LIST_WORDS = frozenset({"and", "then", "dnf", "dns", "skip", "skipped", "missed", "fell", "x"})
_TARGET_WORDS = frozenset({"target", "targets", "goal", "aim", "aiming", "planned", "plan"})
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_SECOND_SUFFIXES = frozenset(k for k, v in DURATION_UNITS.items() if v == 1.0)


@dataclass(frozen=True, slots=True)
class Splits:
    """Times read from an athlete's text, in order: the reps, and the recoveries between them."""

    text: str
    splits_s: tuple[float, ...]
    # Recoveries stated in the text and the split each one follows (0-based index).
    recoveries_s: tuple[float, ...] = ()
    recovery_after: tuple[int, ...] = ()
    # Where each split sits in the text: (offset, length).
    spans: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    # Times read as a summary (`avg 2:26`) rather than a rep: left out of the splits.
    summaries_s: tuple[float, ...] = ()

    def __len__(self) -> int:
        return len(self.splits_s)

    def to_dict(self) -> dict[str, object]:
        return {
            "splits_s": [_clean(s) for s in self.splits_s],
            "recoveries_s": [_clean(s) for s in self.recoveries_s],
            "recovery_after": list(self.recovery_after),
            "summaries_s": [_clean(s) for s in self.summaries_s],
        }


def _clean(x: float) -> float:
    return round(x, 3)


# -- scanning -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    kind: str  # "num", "word", "open", "close", "sep", "colon", "nl", "hash", "eq", "dot"
    start: int
    end: int
    text: str = ""
    # For "num": the numeric body (digits, colons, dot, primes) and what was attached to it.
    suffix: str = ""
    glued_before: bool = False  # a letter right before the number (`R1`, `x3`)
    dot_after: bool = False  # `1.` followed by a space: an ordinal candidate
    paren_after: bool = False  # `1)` an ordinal candidate
    unit_word: str = ""  # `90 sec`, `1000 m`: a unit word after a space
    scale: float = 1.0  # 60 for minutes written with a prime alone (`3'`, `2.5'`)


_DIGITS = frozenset("0123456789")  # ASCII only: `²`.isdigit() is true but float() refuses it


def _scan(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\n":
            toks.append(_Tok("nl", i, i + 1))
            i += 1
        elif c.isspace():
            i += 1
        elif c in _DIGITS or (
            # `:43` (a carried minute) but not `Splits:2:26`; `.5` is not a time.
            c == ":" and i + 1 < n and text[i + 1] in _DIGITS and not (i and text[i - 1].isalnum())
        ):
            i = _scan_number(text, i, toks)
        elif c.isalpha():
            j = i
            while j < n and text[j].isalpha():
                j += 1
            toks.append(_Tok("word", i, j, text[i:j].lower()))
            i = j
        elif c in _OPEN:
            toks.append(_Tok("open", i, i + 1, c))
            i += 1
        elif c in _CLOSE:
            toks.append(_Tok("close", i, i + 1, c))
            i += 1
        elif c in _SEPARATORS:
            if c in _DASHES and i + 1 < n and text[i + 1] in _DIGITS and _opens_item(text, i):
                end = i + 1
                while end < n and (text[end] in _DIGITS or text[end] in ":."):
                    end += 1
                raise _error(text, f"“{text[i:end]}” is negative: a split is a positive time",
                             i, end)
            toks.append(_Tok("sep", i, i + 1, c))
            i += 1
        elif c == ":":
            toks.append(_Tok("colon", i, i + 1))
            i += 1
        elif c == "#":
            toks.append(_Tok("hash", i, i + 1))
            i += 1
        elif c == "=":
            toks.append(_Tok("eq", i, i + 1))
            i += 1
        elif c == "@":
            toks.append(_Tok("at", i, i + 1))
            i += 1
        elif c == "×":  # the multiplication sign, as in `4 × 7:47`
            toks.append(_Tok("word", i, i + 1, "x"))
            i += 1
        elif c == ".":
            toks.append(_Tok("dot", i, i + 1))
            i += 1
        else:
            i += 1  # punctuation, emoji, symbols: noise
    return toks


_CLOCK_UNITS = {"h": 3600, "hr": 3600, "m": 60, "min": 60, "s": 1, "sec": 1}


def _unit_clock(text: str, start: int, j: int) -> int | None:
    """`2m26s`, `2min26`, `1h05m32s`: a time written with unit letters between its fields. The
    end of it, or None when the text at `start` is not one (`2m` alone is two metres)."""
    n = len(text)
    k = start
    fields = 0
    last_scale = 10**9
    while k < n and text[k] in _DIGITS:
        m = k
        while m < n and (text[m] in _DIGITS or (text[m] == "." and m + 1 < n
                                                 and text[m + 1] in _DIGITS)):
            m += 1
        u = m
        while u < n and text[u].isalpha():
            u += 1
        unit = text[m:u].lower()
        scale = _CLOCK_UNITS.get(unit)
        if unit == "" and fields and last_scale == 60:
            scale = 1  # `2m26`: the seconds' unit left off
        if scale is None or scale >= last_scale:
            break
        fields += 1
        last_scale = scale
        k = u
    return k if fields >= 2 else None


def _unit_clock_token(toks: list[_Tok], text: str, start: int, end: int, glued: bool) -> int:
    """Emit `2m26s` as the clock `2:26` (fields padded: `1h5m` is `1:05:00`)."""
    values: dict[int, str] = {}
    k = start
    while k < end:
        m = k
        while m < end and (text[m] in _DIGITS or text[m] == "."):
            m += 1
        u = m
        while u < end and text[u].isalpha():
            u += 1
        unit = text[m:u].lower()
        values[_CLOCK_UNITS.get(unit, 1)] = text[k:m]
        k = u
    if 3600 in values:
        body = f"{values[3600]}:{values.get(60, '0').zfill(2)}:{values.get(1, '0').zfill(2)}"
    else:
        secs = values.get(1, "0")
        whole = secs.split(".")[0]
        body = f"{values[60]}:{whole.zfill(2)}{secs[len(whole):]}"
    toks.append(_Tok("num", start, end, body, glued_before=glued))
    return end


def _opens_item(text: str, i: int) -> bool:
    """Whether position `i` starts a list item: the text's start, or after `,`, `;` or `(`
    (spaces aside). `-1:05` there is a negative number; `5:41-5:41` and `- 2:26` are not."""
    k = i - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in ",;(["


def _scan_number(text: str, i: int, toks: list[_Tok]) -> int:
    n = len(text)
    start = i
    glued = start > 0 and text[start - 1].isalpha()
    j = i
    # Body: digits, `:` and `.` each followed by a digit.
    while j < n:
        c = text[j]
        if c in _DIGITS or (c in ":." and j + 1 < n and text[j + 1] in _DIGITS):
            j += 1
        else:
            break
    body = text[start:j]
    # Thousands separator in a distance (`1,000m`): 1-2 digits, a comma, three digits, a letter.
    if (
        body.isdigit()
        and len(body) <= 2
        and j + 4 < n
        and text[j] == ","
        and text[j + 1 : j + 4].isdigit()
        and text[j + 4].isalpha()
    ):
        j += 4
        body = text[start:j].replace(",", "")
    # `800's`: a plural with an apostrophe, not 800 minutes.
    if (
        j + 1 < n
        and text[j] in _MINUTE_MARKS
        and text[j + 1] in "sS"
        and (j + 2 == n or not text[j + 2].isalpha())
    ):
        toks.append(_Tok("num", start, j + 2, body, suffix="s", glued_before=glued))
        return j + 2
    # Primes: `3'05"`, `3'05''`, `3'`, `2.5'`, `59"`, `59.4"`.
    if j < n and text[j] in _MINUTE_MARKS and ":" not in body:
        k = j + 1
        if k < n and text[k] in _MINUTE_MARKS:  # `59''` is seconds written with two primes
            toks.append(_Tok("num", start, k + 1, body, glued_before=glued))
            return k + 1
        m = k
        while m < n and (text[m] in _DIGITS or (text[m] == "." and m + 1 < n
                                                 and text[m + 1] in _DIGITS)):
            m += 1
        secs = text[k:m]
        if secs and "." not in body:
            j = m
            if j < n and text[j] in _SECOND_MARKS:
                j += 1
            elif j + 1 < n and text[j] in _MINUTE_MARKS and text[j + 1] in _MINUTE_MARKS:
                j += 2
            toks.append(_Tok("num", start, j, f"{body}:{secs}", glued_before=glued))
            return j
        # Minutes alone: `3'` is 3:00, `2.5'` is two and a half minutes.
        toks.append(_Tok("num", start, k, body, glued_before=glued, scale=60.0))
        return k
    if j < n and text[j] in _SECOND_MARKS:
        toks.append(_Tok("num", start, j + 1, body, glued_before=glued))
        return j + 1
    if body.isdigit() and j < n and text[j] in "mMhH":
        end = _unit_clock(text, start, j)
        if end is not None:
            return _unit_clock_token(toks, text, start, end, glued)
    tok = _Tok("num", start, j, body, glued_before=glued)
    # Attached letters: `1000m`, `62s`, `400s`, `1st`, `5k`.
    k = j
    while k < n and text[k].isalpha():
        k += 1
    if k > j:
        tok.suffix = text[j:k].lower()
        tok.end = k
        j = k
    elif j < n and text[j] == "." and (j + 1 == n or text[j + 1].isspace()):
        tok.dot_after = True
        j += 1
    elif j < n and text[j] == ")":
        tok.paren_after = True
    if not tok.suffix:
        # A unit word after a space: `90 sec`, `1000 m`, `3 min`.
        k = j
        while k < n and text[k] in " \t":
            k += 1
        m = k
        while m < n and text[m].isalpha():
            m += 1
        word = text[k:m].lower()
        if word and (word in DURATION_UNITS or word in DISTANCE_UNITS) and word not in (
            "r", "h"
        ):
            tok.unit_word = word
            tok.end = m
            j = m
    toks.append(tok)
    return j


# -- reading --------------------------------------------------------------------------------------


def _error(text: str, message: str, start: int, end: int, hint: str = HINT) -> ParseError:
    return ParseError(message, text=text, offset=start, length=max(1, end - start), hint=hint)


def _clock_value(text: str, tok: _Tok) -> float | None:
    """Seconds for a numeric token, None when it is not a time (a distance, a count).

    Raises ParseError when it has a time's shape but an impossible value.
    """
    body = tok.text
    unit = tok.suffix or tok.unit_word
    scale = tok.scale
    timed = ":" in body
    if unit in _ORDINAL_SUFFIXES:
        return None
    if unit in DURATION_UNITS:
        if DURATION_UNITS[unit] == 1.0:
            # `400s`, `200s`: plural distances, not seconds.
            if tok.suffix == "s" and body.isdigit() and int(body) >= 100 and int(body) % 100 == 0:
                return None
        elif not timed:
            scale = DURATION_UNITS[unit]  # `3min`, `2 mins`
    elif unit and not timed:
        return None  # `1000m`, `5k`, `6x`: a distance or a count
    if body.count(".") > 1 and any(part.count(".") > 1 for part in body.split(":")):
        if _is_date(body):
            return None  # `12.03.2024`: a date, not a time
        raise _error(text, f"“{body}” is not a time: one decimal point at most", tok.start,
                     tok.end)
    parts = body.split(":")
    if len(parts) > 3:
        raise _error(text, f"“{body}” has too many fields: a time is ss, m:ss or h:mm:ss",
                     tok.start, tok.end)
    for k, part in enumerate(parts[1:], start=1):
        whole = part.split(".")[0]
        if len(whole) != 2:
            raise _error(
                text,
                f"“{body}” needs two digits after each colon",
                tok.start,
                tok.end,
                hint=f"{':'.join(parts[:k])}:{whole.zfill(2)}" if len(whole) < 2 else HINT,
            )
        if "." in part and k != len(parts) - 1:
            raise _error(text, f"“{body}” is not a time", tok.start, tok.end)
        if float(part) >= 60:
            field_name = "seconds" if k == len(parts) - 1 else "minutes"
            raise _error(
                text,
                f"“{body}” has {whole} in the {field_name} field, which only goes to 59",
                tok.start,
                tok.end,
            )
    if "." in parts[0] and len(parts) > 1:
        raise _error(text, f"“{body}” is not a time", tok.start, tok.end)
    total = 0.0
    for part in parts:
        total = total * 60 + (float(part) if part else 0.0)
    if len(parts[0]) > 6 or total * scale > MAX_TIME_S:
        raise _error(text, f"“{body}” is longer than a day: not a split", tok.start, tok.end)
    value = total * scale
    if not math.isfinite(value):
        raise _error(text, f"“{body}” is not a time", tok.start, tok.end)
    if value <= 0:
        raise _error(text, f"“{body}” is no time at all: a split takes longer than 0",
                     tok.start, tok.end)
    return value


def _is_date(body: str) -> bool:
    """`12.03.2024`, `3.4.25`: day and month (either order) and a year."""
    parts = body.split(".")
    return (
        len(parts) == 3
        and all(p.isdigit() for p in parts)
        and len(parts[0]) <= 2
        and len(parts[1]) <= 2
        and len(parts[2]) in (2, 4)
        and 1 <= int(parts[0]) <= 31
        and 1 <= int(parts[1]) <= 31
    )


# Full-width forms (U+FF01-FF5E) and the ideographic space as the ASCII they stand for: one
# character for one, so the columns of an error stay those of the text as typed.
_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}


# A decimal comma (`1:12,4`, `65,5`): one digit after a comma glued to a time and followed by
# a blank, a separator or the end. `2:26,2:28` and `65,66` stay lists; a 4 s split cannot be.
_DECIMAL_COMMA = re.compile(
    r"(?<![\d.,])(\d{1,2}:\d{2},\d{1,2}|\d{2,3},\d)(?=[\s/;|]|,\s|$)"
)


# `2;26`: a semicolon typed for the colon beside it (minutes, then seconds under 60).
_SEMICOLON_CLOCK = re.compile(r"(?<![\d;:.,])([1-9]);([0-5]\d)(?![\d;:])")


def parse_splits(text: str) -> Splits:
    """Read an athlete's splits. Raises ParseError (with the position) when there are none."""
    if not isinstance(text, str):
        raise ParseError("Splits must be text", hint=HINT)
    if len(text) > MAX_TEXT:
        raise _error(text, f"Splits are limited to {MAX_TEXT} characters", MAX_TEXT, len(text))
    if not text.strip():
        raise ParseError("No splits given", text=text, hint=HINT)
    text = text.translate(_FULL_WIDTH)  # `２：２６` from a phone's full-width keyboard
    typed = text
    # One character for one, so the columns of an error hold.
    text = _DECIMAL_COMMA.sub(lambda m: m.group(0).replace(",", "."), text)
    if ";" in text:
        text = _SEMICOLON_CLOCK.sub(r"\1:\2", text)
    toks = _scan(text)
    read = _read(text, toks)
    return read if text == typed else replace(read, text=typed)


def _line_bounds(toks: list[_Tok]) -> list[int]:
    """For each token, the index of the first token of its line."""
    out = []
    first = 0
    for i, t in enumerate(toks):
        out.append(first)
        if t.kind == "nl":
            first = i + 1
    return out


def _read(text: str, toks: list[_Tok]) -> Splits:
    ntok = len(toks)
    _check_structure(text, toks)
    skip = _labels(toks)
    line_first = _line_bounds(toks)
    in_rest_column = _column_recoveries(text, toks, skip)
    splits: list[float] = []
    spans: list[tuple[int, int]] = []
    # For each split, the digits when it was a bare integer (`257`): maybe a colonless m:ss.
    bare: list[str | None] = []
    recoveries: list[float] = []
    recovery_after: list[int] = []
    summaries: list[float] = []
    # Lap groups that add up to an `= total` on their line: (first split, end, total).
    totals: list[tuple[int, int, float]] = []
    group_start = 0
    last_was_split = False  # the last time read was a split (not a recovery)
    word_taken = -1  # a recovery word taken by the time before it (`3:00 rest 2:28`)
    next_ordinal = 1
    i = 0
    while i < ntok:
        t = toks[i]
        if t.kind == "nl":
            group_start = len(splits)
        if t.kind == "open" and splits:
            inner = _bracket_times(text, toks, i, skip)
            if inner is not None:
                values, close = inner
                if not values:
                    i = close + 1  # `(jog 200 between)`: a recovery of a length, no time
                    continue
                if len(values) == 1:
                    # A single time in brackets right after a split: the recovery after it.
                    recoveries.append(values[0])
                    recovery_after.append(len(splits) - 1)
                    i = close + 1
                    continue
                if abs(sum(values) - splits[-1]) <= 0.5 * len(values):
                    # `57.8 (28, 29.8)`: the laps of the split before, not new reps.
                    i = close + 1
                    continue
        if t.kind != "num" or skip[i]:
            i += 1
            continue

        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < ntok else None
        prev_word = prev.text if prev is not None and prev.kind == "word" else ""
        nxt_word = nxt.text if nxt is not None and nxt.kind == "word" else ""
        is_int = t.text.isdigit() and not t.suffix and not t.unit_word
        at_line_start = i == line_first[i]
        repeat = _repeat_count(toks, i) if ":" in t.text else None

        # Indexes and counts: `#1`, `Rep 1`, `R1`, `x3`, `6 x`, `6 800's` (but `4x7:47` is
        # four 7:47s), and what follows a target word (`target was 2:55`).
        if repeat is None and (
            t.glued_before
            or (prev is not None and prev.kind == "hash")
            or (is_int and (prev_word in _INDEX_WORDS or prev_word in _COUNT_WORDS))
            or (is_int and nxt_word in _COUNT_WORDS)
            or (is_int and nxt is not None and nxt.kind == "num" and _is_distance(nxt))
            or (prev is not None and prev.kind in ("word", "colon") and _target_before(toks, i))
        ):
            i += 1
            continue
        # Ordinals: `1.` or `1)` at the start of a line (before another number), or the next
        # number of a numbered list on one line (`1. 62 2. 61`).
        if (
            is_int
            and (t.dot_after or t.paren_after)
            and (
                int(t.text) == next_ordinal
                or (at_line_start and _follows_on_line(toks, i, full=False, plain=True))
            )
        ):
            next_ordinal = int(t.text) + 1
            # The `)` of `1)` belongs to the ordinal, not to a bracket.
            i += 2 if t.paren_after and nxt is not None and nxt.kind == "close" else 1
            continue
        if is_int and at_line_start:
            number = int(t.text)
            round_distance = number >= 100 and number % 100 == 0
            if _follows_on_line(toks, i, full=True) and (number == next_ordinal or round_distance):
                # A line number (`1 2:26`, counting up), or a distance column (`1200 4:27`).
                next_ordinal += number == next_ordinal
                i += 1
                continue
            if round_distance and nxt is not None and nxt.kind == "sep" and nxt.text in _DASHES:
                i += 1  # `400 - 73.7, 71.9`: the distance the times are for
                continue

        value = _clock_value(text, t)
        if value is None:
            i += 1
            continue
        if t.text.startswith(":"):
            if not splits:
                raise _error(
                    text,
                    f"“{t.text}” carries the minute from the split before, but there is none",
                    t.start,
                    t.end,
                    hint="2:45, :43, :40",
                )
            value += math.floor(splits[-1] / 60) * 60
        # `3:00 rest`, unless the word introduces the next time (`2:26 jog 3:00`). Between
        # two times after a split (`2:26 3:00 rest 2:28`), the word goes with the time that
        # is not a split: the one further from the split before.
        trailing = nxt_word in _RECOVERY_WORDS and (
            not _num_after(toks, i + 1)
            or (last_was_split and _further_from(text, toks[i + 2], value, splits[-1]))
        )
        if trailing:
            word_taken = i + 1
        recovery_word = (
            i in in_rest_column
            or (prev_word in _RECOVERY_WORDS and word_taken != i - 1)
            or trailing
        )
        if (prev is not None and prev.kind == "eq") and splits:
            summaries.append(value)
            group = splits[group_start:]
            if len(group) >= 2 and abs(sum(group) - value) <= 0.5 * len(group):
                totals.append((group_start, len(splits), value))
            group_start = len(splits)
        elif (
            prev_word in _SUMMARY_WORDS
            # `5:38 avg`, but not `2:26 avg 2:27` (the word introduces the next time)
            or (nxt_word in _SUMMARY_WORDS and not _time_follows(toks, i + 1))
            or (prev is not None and prev.kind == "eq")
            # `avg: 2:26`
            or (prev is not None and prev.kind == "colon" and i > 1
                and toks[i - 2].kind == "word" and toks[i - 2].text in _SUMMARY_WORDS)
        ):
            summaries.append(value)
        elif (
            (nxt is not None and nxt.kind == "sep" and _pace_unit_follows(toks, i))
            or nxt_word in _PACE_WORDS
            or (prev is not None and prev.kind == "at")
        ):
            pass  # `3:55/mi`, `7:25 pace`, `@ 5:00`: a pace or a target, not a rep
        elif recovery_word:
            if splits:  # before any split it belongs to a workout description
                last_was_split = False
                recoveries.append(value)
                recovery_after.append(len(splits) - 1)
        else:
            last_was_split = True
            for _ in range(repeat or 1):
                splits.append(value)
                spans.append((t.start, t.end - t.start))
                bare.append(t.text if is_int and not repeat else None)
                if len(splits) > MAX_SPLITS:
                    raise _error(text, f"More than {MAX_SPLITS} splits", t.start, t.end)
        i += 1

    if not splits:
        first = next((k for k, ch in enumerate(text) if not ch.isspace()), 0)
        end = first
        while end < len(text) and not text[end].isspace():
            end += 1
        raise _error(text, "No times found in the splits", first, end)
    _colonless_minutes(splits, bare)
    if len(totals) >= 2:
        # Several lines of laps with their totals (`1:39 & 1:36 = 3:15`): each total is a rep.
        # One total alone is the session's sum (`2:26, 2:28 = 4:54`) and stays a summary.
        splits, spans, recovery_after, summaries = _collapse_laps(
            totals, splits, spans, recovery_after, summaries
        )
    return Splits(
        text=text,
        splits_s=tuple(splits),
        recoveries_s=tuple(recoveries),
        recovery_after=tuple(recovery_after),
        spans=tuple(spans),
        summaries_s=tuple(summaries),
    )


def _is_distance(tok: _Tok) -> bool:
    """`1000m`, `5k`, `400s`, `800's`: a number with a distance unit or a plural hundred."""
    unit = tok.suffix or tok.unit_word
    if unit in DISTANCE_UNITS:
        return True
    return unit == "s" and tok.text.isdigit() and int(tok.text) >= 100 and int(tok.text) % 100 == 0


def _target_before(toks: list[_Tok], i: int) -> bool:
    """Whether a target word (`target`, `goal`, `aiming for`) leads to the time at `i` through
    words only: `My target was 2:55`, `goal: 68`."""
    k = i - 1
    while k >= 0 and i - k <= 4 and toks[k].kind in ("word", "colon"):
        if toks[k].kind == "word" and toks[k].text in _TARGET_WORDS:
            return True
        k -= 1
    return False


def _repeat_count(toks: list[_Tok], i: int) -> int | None:
    """`4x7:47` or `4 x 7:47`: how many times the full time at `i` was run, else None."""
    t = toks[i]
    if ":" not in t.text or i == 0:
        return None
    prev = toks[i - 1]
    if prev.kind == "num" and prev.suffix == "x" and prev.text.isdigit():
        count = prev.text
    elif prev.kind == "word" and prev.text in _COUNT_WORDS and i > 1 and toks[i - 2].kind == "num":
        count = toks[i - 2].text
    else:
        return None
    if not count.isdigit() or not 1 <= int(count) <= 50:
        return None
    return int(count)


def _colonless_minutes(splits: list[float], bare: list[str | None]) -> None:
    """`2:55, 257, 2:48`: a bare 3-4 digit number among m:ss times is m:ss without its colon
    when that reading fits the others (within 25 % of their median) and the seconds reading
    does not."""
    written = sorted(s for s, b in zip(splits, bare, strict=True) if b is None)
    if not written:
        return
    ref = written[len(written) // 2]
    for k, digits in enumerate(bare):
        if digits is None or not 3 <= len(digits) <= 4 or int(digits[-2:]) >= 60:
            continue
        as_clock = int(digits[:-2]) * 60 + int(digits[-2:])
        if abs(as_clock - ref) <= 0.25 * ref < abs(splits[k] - ref):
            splits[k] = float(as_clock)


def _collapse_laps(
    totals: list[tuple[int, int, float]],
    splits: list[float],
    spans: list[tuple[int, int]],
    recovery_after: list[int],
    summaries: list[float],
) -> tuple[list[float], list[tuple[int, int]], list[int], list[float]]:
    new_splits: list[float] = []
    new_spans: list[tuple[int, int]] = []
    index_map: dict[int, int] = {}
    by_start = {start: (end, total) for start, end, total in totals}
    k = 0
    while k < len(splits):
        if k in by_start:
            end, total = by_start[k]
            first, last = spans[k], spans[end - 1]
            for j in range(k, end):
                index_map[j] = len(new_splits)
            new_splits.append(total)
            new_spans.append((first[0], last[0] + last[1] - first[0]))
            k = end
            continue
        index_map[k] = len(new_splits)
        new_splits.append(splits[k])
        new_spans.append(spans[k])
        k += 1
    used = [total for _, _, total in totals]
    left = list(summaries)
    for total in used:
        left.remove(total)
    return new_splits, new_spans, [index_map[j] for j in recovery_after], left


def _check_structure(text: str, toks: list[_Tok]) -> None:
    """Brackets that never close, and a lone word where a list of times expects a time
    (`2:26 / 2:28 / abc / 2:26`), are errors: the text cannot be read with confidence."""
    opened: list[_Tok] = []
    for k, t in enumerate(toks):
        if t.kind == "open":
            opened.append(t)
        elif t.kind == "close" and opened:
            opened.pop()  # a stray `)` (a smiley, `1)`) closes nothing and is ignored
        elif (
            t.kind == "word"
            and t.text not in _LIST_WORDS
            and t.text not in _RECOVERY_WORDS
            and 2 <= k < len(toks) - 2
            and toks[k - 1].kind == "sep"
            and toks[k + 1].kind == "sep"
            and toks[k - 1].text == toks[k + 1].text
            and toks[k - 2].kind == "num"
            and toks[k + 2].kind == "num"
            and ":" in toks[k - 2].text + toks[k + 2].text
        ):
            raise _error(text, f"“{text[t.start:t.end]}” is not a time", t.start, t.end)
    if opened:
        t = opened[0]
        raise _error(text, "This bracket is never closed", t.start, t.end,
                     hint="2:26 (3:00) 2:28 (3:05)")


def _line_values(text: str, toks: list[_Tok], skip: list[bool]) -> list[list[int]]:
    """For each line, the indexes of the numbers on it that read as times (not summaries)."""
    lines: list[list[int]] = [[]]
    for k, t in enumerate(toks):
        if t.kind == "nl":
            lines.append([])
        elif t.kind == "num" and not skip[k] and not t.glued_before and not (
            k > 0 and toks[k - 1].kind == "eq"
        ):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt.kind == "word" and nxt.text in _SUMMARY_WORDS:
                continue
            try:
                if _clock_value(text, t) is not None:
                    lines[-1].append(k)
            except ParseError:
                return []  # the main pass reports it
    return lines


def _column_recoveries(text: str, toks: list[_Tok], skip: list[bool]) -> set[int]:
    """Numbers that sit in a recovery column of a table, one rep per line:

    - under a header naming the columns (`Split Rest`, `time rec`), every line with one value
      per column;
    - with no header, three or more lines of exactly two times, where the first column holds
      together (spread under 10 %) and every second value lies beyond the first column's range
      (`35.2, 1:07` / `35.1, 1:04` / ...): rep then recovery. Pairs written `53/24`, `53-24`,
      `1:39 & 1:36` stay reps.
    """
    if "\n" not in text:
        return set()  # a table has a row per line
    lines = _line_values(text, toks, skip)
    header = _table_header(toks)
    if header is not None:
        columns, first_line = header
        out: set[int] = set()
        for values in lines[first_line:]:
            if not values:
                continue
            if len(values) != len(columns):
                break
            out.update(k for k, kind in zip(values, columns, strict=True) if kind == "rest")
        return out
    rows = [v for v in lines if v]
    if len(rows) < 3 or any(len(v) != 2 for v in rows):
        return set()
    for a, b in rows:
        between = toks[a + 1 : b]
        if any(t.kind == "sep" and t.text not in ",;|" for t in between):
            return set()
    first = [_clock_value(text, toks[a]) or 0.0 for a, _ in rows]
    second = [_clock_value(text, toks[b]) or 0.0 for _, b in rows]
    mean = sum(first) / len(first)
    tight = max(first) - min(first) <= 0.1 * mean
    apart = min(second) > max(first) or max(second) < min(first)
    return {b for _, b in rows} if tight and apart else set()


_SPLIT_HEADER_WORDS = frozenset({"split", "splits", "time", "times", "rep", "reps", "interval"})


def _table_header(toks: list[_Tok]) -> tuple[list[str], int] | None:
    """A line of words only naming a split column and a recovery column (`Split Rest`): the
    columns in order and the number of the line after it."""
    line = 0
    words: list[str] = []
    numeric = False
    for t in toks:
        if t.kind == "nl":
            columns = [
                "rest" if w in _RECOVERY_WORDS else "split"
                for w in words
                if w in _RECOVERY_WORDS or w in _SPLIT_HEADER_WORDS
            ]
            if not numeric and "rest" in columns and "split" in columns:
                return columns, line + 1
            line += 1
            words, numeric = [], False
        elif t.kind == "num":
            numeric = True
        elif t.kind == "word":
            words.append(t.text)
    return None


def _labels(toks: list[_Tok]) -> list[bool]:
    """Tokens that belong to a label, which a colon (not inside a time) ends: `Splits:`,
    `400s:`, `6 x 400m:`, `3x(400/300/200):`, `Rep 1:`, `1:`.

    What comes before the colon on its line is a label when it holds no full time, is short,
    and has a word, a `#`, a number with a unit, or is a single number; and a number follows
    the colon. So `2:26: felt good` and `62 61 60: then 30 29` label nothing.
    """
    skip = [False] * len(toks)
    # The last number's index answers "does a number follow this colon?" in O(1).
    last_num = max((k for k, t in enumerate(toks) if t.kind == "num"), default=-1)
    anchor = 0
    for i, t in enumerate(toks):
        if t.kind == "nl" or (t.kind == "sep" and t.text in ",;|"):
            # A comma ends a label's reach (`Lap 1: 75, Lap 2: 74`); a slash does not
            # (`3x(400/300/200): 64/47/30`).
            anchor = i + 1
        elif t.kind == "colon" and i > anchor and toks[i - 1].kind == "word" and (
            toks[i - 1].text in _SUMMARY_WORDS
        ):
            # `65 66 64 avg: 65`: the summary word alone is the label, the times before it
            # are splits (the summary rule leaves out the time after it).
            anchor = i + 1
        elif t.kind == "colon":
            before = toks[anchor:i]
            nums = [b for b in before if b.kind == "num"]
            if (
                before
                and len(before) <= 12
                and not any(":" in b.text for b in nums)
                and all(b.kind != "eq" for b in before)
                and (
                    any(b.kind in ("word", "hash") or b.suffix or b.unit_word for b in before)
                    or (len(before) == 1 and len(nums) == 1)
                    # A date: `3/14:`, `14-3:`
                    or (len(nums) in (2, 3) and len(before) == 2 * len(nums) - 1
                        and all(b.kind == "sep" for b in before[1::2]))
                )
                and last_num > i
            ):
                for k in range(anchor, i):
                    skip[k] = True
            anchor = i + 1
    return skip


def _pace_unit_follows(toks: list[_Tok], i: int) -> bool:
    return (
        i + 2 < len(toks)
        and toks[i + 1].kind == "sep"
        and toks[i + 1].text == "/"
        and toks[i + 2].kind == "word"
        and toks[i + 2].text in DISTANCE_UNITS
    )


def _num_after(toks: list[_Tok], i: int) -> bool:
    return i + 1 < len(toks) and toks[i + 1].kind == "num"


def _further_from(text: str, after: _Tok, value: float, split: float) -> bool:
    """Whether `value` lies further from the split before than the time `after` does."""
    other = None if after.text.startswith(":") else _clock_value(text, after)
    return other is not None and abs(value - split) > abs(other - split)


def _time_follows(toks: list[_Tok], i: int) -> bool:
    """Whether a number comes right after the word at `i`, or after its colon (`avg: 65`)."""
    if _num_after(toks, i):
        return True
    return i + 2 < len(toks) and toks[i + 1].kind == "colon" and toks[i + 2].kind == "num"


def _follows_on_line(toks: list[_Tok], i: int, *, full: bool, plain: bool = False) -> bool:
    """Whether a number comes later on the same line: a full `m:ss` time when `full`; one that
    is not itself an ordinal candidate when `plain` (`52. 53. 54.` is a list of times)."""
    for t in toks[i + 1 :]:
        if t.kind == "nl":
            return False
        if t.kind == "num":
            if full:
                return ":" in t.text
            return not (plain and (t.dot_after or t.paren_after))
    return False


def _bracket_times(
    text: str, toks: list[_Tok], open_index: int, skip: list[bool]
) -> tuple[list[float], int] | None:
    """The times in the bracket opened at `open_index` and the index of its closing bracket,
    when it holds only times, separators and recovery words (`(3:00)`, `(90s rest)`,
    `(28, 29.8)`, `(took 90s between)`); no times for a recovery given as a distance
    (`(jog 200 between)`, `(200m walk)`); else None."""
    values: list[float] = []
    distance = False
    k = open_index + 1
    while k < len(toks) and k - open_index <= 24:
        t = toks[k]
        if t.kind == "close":
            return (values, k) if values or distance else None
        if t.kind not in ("num", "sep", "word") or (
            t.kind == "word" and t.text not in _RECOVERY_WORDS and t.text not in _BRACKET_FILLERS
        ):
            return None
        if t.kind == "num":
            if skip[k] or t.text.startswith(":"):
                return None
            beside = {toks[k - 1].text, toks[k + 1].text if k + 1 < len(toks) else ""}
            if (
                (_is_distance(t) or (t.text.isdigit() and not t.suffix and not t.unit_word
                                     and 100 <= int(t.text) <= 2000 and int(t.text) % 100 == 0))
                and beside & _MOVING_RECOVERY_WORDS
            ):
                distance = True  # a jog of 200 m: its length, not its time
                k += 1
                continue
            v = _clock_value(text, t)
            if v is None:
                return None
            values.append(v)
        k += 1
    return None
