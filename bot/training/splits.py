"""Splits as athletes post them: `2:26 / 2:28 / 2:26`, `1. 62\\n2. 61`, `Splits: (70, 69, 68)`.

A hand-written linear scanner (no backtracking regex) turns the text into tokens, then one pass
decides which numbers are times. The rules, in the order they apply:

- A time is `52`, `52.4`, `2:26`, `13:05.17`, `1:05:32`, primes `3'05"` / `59"`, `62s`, `90 sec`,
  `3min`, or `:43` (the minute carried from the split before: `2:45, :43` is 2:43).
- Separators: `/`, `,`, `;`, `|`, `+`, spaces, new lines, and `-` / `–` between times. Brackets
  group; a whole list in brackets is splits.
- Not times: a number with a distance unit (`1000m`, `5k`, `400s`: a round hundred with `s` is a
  plural distance), a count (`6 x`, `x3`), ordinals (`1.` / `1)` / `#1` / `Rep 1` / `1st` at the
  start of an entry, and a line number `1 2:26`), everything before a label's colon on its line
  (`Splits:`, `400s:`, `6 x 400m:`), a time after `avg` / `total` / `=` (a summary).
- Recoveries: a single time in brackets right after a split (`2:26 (3:00)`), or a time next to a
  recovery word (`3:00 rest`, `jog 90`).
- Words and symbols around times (`felt strong`, emoji) are ignored. Text with no time at all,
  and a number that cannot be a time (`2:61`, `1:2:3:4`, `2:6`), raise ParseError with the position.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

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
_INDEX_WORDS = frozenset({"rep", "reps", "interval", "set", "no", "number", "lap", "round", "#"})
_COUNT_WORDS = frozenset({"x", "×"})
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


_DIGITS = frozenset("0123456789")  # ASCII only: `²`.isdigit() is true but float() refuses it


def _is_digit(c: str) -> bool:
    return c in _DIGITS


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
        elif c == ".":
            toks.append(_Tok("dot", i, i + 1))
            i += 1
        else:
            i += 1  # punctuation, emoji, symbols: noise
    return toks


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
    # Primes: `3'05"`, `3'05''`, `3'`, `59"`, `59.4"`.
    if j < n and text[j] in _MINUTE_MARKS and ":" not in body:
        k = j + 1
        if k < n and text[k] in _MINUTE_MARKS:  # `59''` is seconds written with two primes
            j = k + 1
            return _emit_num(text, toks, start, j, body, glued)
        m = k
        while m < n and (_is_digit(text[m]) or (text[m] == "." and m + 1 < n
                                                 and _is_digit(text[m + 1]))):
            m += 1
        secs = text[k:m]
        if secs and "." not in body:
            body = f"{body}:{secs}"
            j = m
            if j < n and text[j] in _SECOND_MARKS:
                j += 1
            elif j + 1 < n and text[j] in _MINUTE_MARKS and text[j + 1] in _MINUTE_MARKS:
                j += 2
        else:
            body = f"{body}:00" if "." not in body else f"{body}m"
            j = k
        return _emit_num(text, toks, start, j, body, glued)
    if j < n and text[j] in _SECOND_MARKS:
        return _emit_num(text, toks, start, j + 1, body, glued)
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


def _emit_num(text: str, toks: list[_Tok], start: int, end: int, body: str, glued: bool) -> int:
    toks.append(_Tok("num", start, end, body, glued_before=glued))
    return end


# -- reading --------------------------------------------------------------------------------------


def _error(text: str, message: str, start: int, end: int, hint: str = HINT) -> ParseError:
    return ParseError(message, text=text, offset=start, length=max(1, end - start), hint=hint)


def _clock_value(text: str, tok: _Tok) -> float | None:
    """Seconds for a numeric token, None when it is not a time (a distance, a count).

    Raises ParseError when it has a time's shape but an impossible value.
    """
    body = tok.text
    unit = tok.suffix or tok.unit_word
    scale = 1.0
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
    if body.endswith("m") and "." in body:  # `2.5'`: decimal minutes
        body = body[:-1]
        scale = 60.0
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


def parse_splits(text: str) -> Splits:
    """Read an athlete's splits. Raises ParseError (with the position) when there are none."""
    if not isinstance(text, str):
        raise ParseError("Splits must be text", hint=HINT)
    if len(text) > MAX_TEXT:
        raise _error(text, f"Splits are limited to {MAX_TEXT} characters", MAX_TEXT, len(text))
    if not text.strip():
        raise ParseError("No splits given", text=text, hint=HINT)
    toks = _scan(text)
    return _read(text, toks)


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
    skip = _labels(toks)
    line_first = _line_bounds(toks)
    splits: list[float] = []
    spans: list[tuple[int, int]] = []
    recoveries: list[float] = []
    recovery_after: list[int] = []
    summaries: list[float] = []
    next_ordinal = 1
    i = 0
    while i < ntok:
        t = toks[i]
        if t.kind == "open" and splits:
            # A single time alone in brackets right after a split is a recovery.
            rec = _bracketed_recovery(text, toks, i, skip)
            if rec is not None:
                recoveries.append(rec[0])
                recovery_after.append(len(splits) - 1)
                i = rec[1] + 1
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

        # Indexes and counts: `#1`, `Rep 1`, `R1`, `x3`, `6 x`.
        if (
            t.glued_before
            or (prev is not None and prev.kind == "hash")
            or (is_int and (prev_word in _INDEX_WORDS or prev_word in _COUNT_WORDS))
            or (is_int and nxt_word in _COUNT_WORDS)
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
        # A line number: `1 2:26` (the line's first number, counting up, before a full time).
        if (
            is_int
            and at_line_start
            and int(t.text) == next_ordinal
            and _follows_on_line(toks, i, full=True)
        ):
            next_ordinal += 1
            i += 1
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
        if (
            prev_word in _SUMMARY_WORDS
            or (prev is not None and prev.kind == "eq")
            # `avg: 2:26`
            or (prev is not None and prev.kind == "colon" and i > 1
                and toks[i - 2].kind == "word" and toks[i - 2].text in _SUMMARY_WORDS)
        ):
            summaries.append(value)
        elif _pace_unit_follows(toks, i):
            pass  # `3:55/mi`: a pace someone worked out, not a rep
        elif splits and (
            prev_word in _RECOVERY_WORDS
            # `3:00 rest`, unless the word introduces the next time (`2:26 jog 3:00`).
            or (nxt_word in _RECOVERY_WORDS and not _num_after(toks, i + 1))
        ):
            recoveries.append(value)
            recovery_after.append(len(splits) - 1)
        else:
            splits.append(value)
            spans.append((t.start, t.end - t.start))
            if len(splits) > MAX_SPLITS:
                raise _error(text, f"More than {MAX_SPLITS} splits", t.start, t.end)
        i += 1

    if not splits:
        first = next((k for k, ch in enumerate(text) if not ch.isspace()), 0)
        end = first
        while end < len(text) and not text[end].isspace():
            end += 1
        raise _error(text, "No times found in the splits", first, end)
    return Splits(
        text=text,
        splits_s=tuple(splits),
        recoveries_s=tuple(recoveries),
        recovery_after=tuple(recovery_after),
        spans=tuple(spans),
        summaries_s=tuple(summaries),
    )


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
        if t.kind == "nl":
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


def _bracketed_recovery(
    text: str, toks: list[_Tok], open_index: int, skip: list[bool]
) -> tuple[float, int] | None:
    """When the bracket opened at `open_index` holds exactly one time (and maybe recovery
    words), return its value and the index of the closing bracket."""
    value: float | None = None
    k = open_index + 1
    while k < len(toks):
        t = toks[k]
        if t.kind == "close":
            return (value, k) if value is not None else None
        if t.kind in ("open", "nl", "sep", "colon", "eq"):
            return None
        if t.kind == "word" and t.text not in _RECOVERY_WORDS:
            return None
        if t.kind == "num":
            if value is not None or skip[k] or t.text.startswith(":"):
                return None
            v = _clock_value(text, t)
            if v is None:
                return None
            value = v
        k += 1
        if k - open_index > 6:
            return None
    return None
