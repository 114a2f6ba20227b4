"""Numbers as a runner reads them (`58.5`, `2:26`, `1:05:32`, `3:55/mi`, `400m`), and safe text.

Pure Python: no matplotlib here, so these are cheap to import and test.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, timedelta

_JOINED = re.compile("\u200d.\ufe0f?", re.DOTALL)
KM_M = 1000.0
MILE_M = 1609.344
UNIT_M = {"km": KM_M, "mi": MILE_M}

# Steps a time axis may tick at, seconds: each reads naturally (5 s, 15 s, 1 min, 5 min, ...).
_TIME_STEPS = (0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200)


def format_time(seconds: float, tenths: bool = False) -> str:
    """`58.5` under a minute, `2:26` (or `2:26.4` with tenths) above, `1:05:32` past an hour."""
    total_tenths = round(seconds * 10)
    if total_tenths < 600:
        # Under a minute the tenth is what runners compare; a whole second reads `58`.
        whole, frac = divmod(total_tenths, 10)
        return f"{whole}.{frac}" if (tenths or frac) else f"{whole}"
    if tenths:
        whole, frac = divmod(total_tenths, 10)
        suffix = f".{frac}"
    else:
        whole, suffix = round(seconds), ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}{suffix}"
    return f"{minutes}:{secs:02d}{suffix}"


def pace_s(time_s: float, distance_m: float, units: str) -> float:
    """Seconds per kilometre or per mile."""
    return time_s / distance_m * UNIT_M[units]


def format_pace(seconds_per_unit: float, units: str) -> str:
    """`3:55/mi`, `4:02/km`."""
    return f"{format_time(seconds_per_unit)}/{units}"


def format_distance(metres: float, units: str) -> str:
    """Track distances in metres (`400m`, `1600m`); longer ones in the athlete's units (`3mi`)."""
    if metres < 2000:
        return f"{round(metres)}m"
    value = metres / UNIT_M[units]
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text}{units}"


def format_rest(rest_s: float | None, rest_m: float | None, units: str) -> str | None:
    """A recovery as a short label: `90s`, `2:00`, `200m`, or `200m/60s`."""
    parts = []
    if rest_m is not None and math.isfinite(rest_m) and rest_m > 0:
        parts.append(format_distance(rest_m, units))
    if rest_s is not None and math.isfinite(rest_s) and rest_s > 0:
        parts.append(f"{round(rest_s)}s" if rest_s < 100 else format_time(rest_s))
    return "/".join(parts) or None


def time_ticks(low: float, high: float, max_ticks: int = 6) -> list[float]:
    """Tick positions between low and high on a step a runner reads easily (5 s, 30 s, 1 min)."""
    span = max(high - low, 1e-9)
    step = next((s for s in _TIME_STEPS if span / s <= max_ticks), _TIME_STEPS[-1])
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        if value > 0:  # a zero time is no time: never label it
            ticks.append(round(value, 3))
        value += step
    return ticks


def number_ticks(high: float, max_ticks: int = 6) -> list[float]:
    """Round ticks from 0 to high (1, 2, 5 x 10^n steps)."""
    if high <= 0:
        return [0.0]
    raw = high / max_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    count = math.floor(high / step + 1e-9)
    return [round(i * step, 6) for i in range(count + 1)]


def date_ticks(first: date, last: date, max_ticks: int = 6) -> list[tuple[date, str]]:
    """Dates to label between first and last: every few days, month starts, or new years.

    Labels read `3 Mar`, `Mar` (`Mar ’25` when the range crosses a year) or `2025`.
    """
    span = (last - first).days
    for step in (1, 2, 7, 14):
        if span // step + 1 <= max_ticks:
            days = [first + timedelta(days=step * k) for k in range(span // step + 1)]
            return [(d, f"{d.day} {d:%b}") for d in days]
    with_year = first.year != last.year
    for step in (1, 2, 3, 6):
        starts = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            d = date(year, month, 1)
            if first <= d and (month - 1) % step == 0:
                starts.append(d)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if len(starts) <= max_ticks:
            return [(d, f"{d:%b ’%y}" if with_year else f"{d:%b}") for d in starts]
    years = last.year - first.year
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000, 10000) if years // s + 1 <= max_ticks)
    return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1) if y % step == 0]


def safe_text(text: str, limit: int, has_glyph: Callable[[str], bool] | None = None) -> str:
    """User text made fit to draw: one line, printable, bounded, and only glyphs the font has.

    Mathtext is disabled on every text the charts draw, so `$` stays a dollar sign; here we only
    drop what would render as boxes (emoji the font lacks, control characters) and cut the length.
    """
    # What a zero-width joiner glues on belongs to an emoji sequence (the ♀ of 🏃‍♀️): drop it
    # with the emoji, which the font lacks anyway.
    text = _JOINED.sub("", unicodedata.normalize("NFC", text))
    kept = []
    for ch in text:
        if ch in "\r\n\t":
            kept.append(" ")
        elif unicodedata.category(ch)[0] == "C":
            continue  # control, format (zero-width joiners), unassigned, private use
        elif has_glyph is not None and not ch.isspace() and not has_glyph(ch):
            continue
        else:
            kept.append(ch)
    cleaned = " ".join("".join(kept).split())
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned


def thin(labels: Sequence[str], max_labels: int) -> list[str]:
    """Blank out labels so about max_labels show: the first, then every 2nd, 5th, 10th... one."""
    if len(labels) <= max_labels:
        return list(labels)
    every = next(s for s in (2, 5, 10, 20, 50, 100, 1000) if len(labels) / s <= max_labels)
    return [text if i == 0 or (i + 1) % every == 0 else "" for i, text in enumerate(labels)]
