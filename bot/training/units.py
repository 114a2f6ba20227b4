"""Units runners use: clock times, distances, paces. Reading and writing them, nothing else."""

from __future__ import annotations

import math

MILE_M = 1609.344
YARD_M = 0.9144
LAP_M = 400.0
HALF_MARATHON_M = 21097.5
MARATHON_M = 42195.0

# Words and suffixes for a distance, in metres per unit.
DISTANCE_UNITS: dict[str, float] = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "mtr": 1.0,
    "mtrs": 1.0,
    "k": 1000.0,
    "ks": 1000.0,
    "km": 1000.0,
    "kms": 1000.0,
    "kilometer": 1000.0,
    "kilometers": 1000.0,
    "kilometre": 1000.0,
    "kilometres": 1000.0,
    "mi": MILE_M,
    "mis": MILE_M,
    "mile": MILE_M,
    "miles": MILE_M,
    "yd": YARD_M,
    "yds": YARD_M,
    "yard": YARD_M,
    "yards": YARD_M,
    "lap": LAP_M,
    "laps": LAP_M,
}

# Words for a duration, in seconds per unit.
DURATION_UNITS: dict[str, float] = {
    "s": 1.0,
    "sec": 1.0,
    "secs": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "min": 60.0,
    "mins": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
    "mn": 60.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hrs": 3600.0,
    "hour": 3600.0,
    "hours": 3600.0,
}

# Race distances by the names runners give them.
RACE_DISTANCES: dict[str, float] = {
    "800": 800.0,
    "800m": 800.0,
    "1500": 1500.0,
    "1500m": 1500.0,
    "1600": 1600.0,
    "1600m": 1600.0,
    "mile": MILE_M,
    "1mile": MILE_M,
    "1mi": MILE_M,
    "3000": 3000.0,
    "3000m": 3000.0,
    "3k": 3000.0,
    "3200": 3200.0,
    "3200m": 3200.0,
    "2mile": 2 * MILE_M,
    "2mi": 2 * MILE_M,
    "5000": 5000.0,
    "5000m": 5000.0,
    "5k": 5000.0,
    "8k": 8000.0,
    "10000": 10000.0,
    "10000m": 10000.0,
    "10k": 10000.0,
    "15k": 15000.0,
    "10mile": 10 * MILE_M,
    "10mi": 10 * MILE_M,
    "half": HALF_MARATHON_M,
    "halfmarathon": HALF_MARATHON_M,
    "hm": HALF_MARATHON_M,
    "13.1": HALF_MARATHON_M,
    "13.1mi": HALF_MARATHON_M,
    "marathon": MARATHON_M,
    "full": MARATHON_M,
    "26.2": MARATHON_M,
    "26.2mi": MARATHON_M,
}


def parse_clock(text: str) -> float:
    """`52`, `52.4`, `2:26`, `2:26.4`, `1:05:32` -> seconds.

    Raises ValueError with a runner's explanation when a field is out of range (`2:61`) or
    there are too many fields (`1:2:3:4`).
    """
    text = text.strip()
    if not text:
        raise ValueError("no time given")
    parts = text.split(":")
    if len(parts) > 3:
        raise ValueError(f"“{text}” has too many fields: a time is ss, m:ss or h:mm:ss")
    try:
        last = float(parts[-1]) if parts[-1] else math.nan
    except ValueError:
        raise ValueError(f"“{text}” is not a time") from None
    if not math.isfinite(last) or last < 0:
        raise ValueError(f"“{text}” is not a time")
    if len(parts) > 1 and last >= 60:
        raise ValueError(f"“{text}” has {parts[-1]} in the seconds field, which only goes to 59")
    total = last
    scale = 60.0
    for i, part in enumerate(reversed(parts[:-1])):
        if not part.isdigit():
            if part == "" and i == len(parts) - 2:
                continue  # `:43`, a carried minute, is read by the caller
            raise ValueError(f"“{text}” is not a time")
        value = int(part)
        if i == 0 and len(parts) == 3 and value >= 60:
            raise ValueError(f"“{text}” has {part} in the minutes field, which only goes to 59")
        total += value * scale
        scale *= 60
    return total


def format_time(seconds: float, decimals: int = 0) -> str:
    """Seconds as a runner writes them: `58.5`, `2:26`, `2:26.2`, `1:05:32`.

    Under a minute keeps one decimal unless `decimals` says otherwise.
    """
    if not math.isfinite(seconds):
        return "–"
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    if seconds < 60:
        places = decimals if decimals else 1
        text = f"{seconds:.{places}f}"
        if not decimals and seconds == round(seconds):
            text = f"{seconds:.0f}"
        if float(text) < 60:
            return sign + text
    scale = 10**decimals
    total = round(seconds * scale)
    whole, frac = divmod(total, scale)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    frac_text = f".{frac:0{decimals}d}" if decimals else ""
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}{frac_text}"
    return f"{sign}{minutes}:{secs:02d}{frac_text}"


def format_distance(metres: float) -> str:
    """`400 m`, `1000 m`, `1 mi`, `3 mi`, `5 km`: the unit a runner would name it in."""
    miles = metres / MILE_M
    if metres >= MILE_M * 0.99 and abs(miles - round(miles * 4) / 4) < 1e-6:
        value = round(miles * 4) / 4
        return f"{value:g} mi"
    yards = metres / YARD_M
    if abs(yards - round(yards)) < 1e-6 and abs(metres - round(metres)) > 1e-6:
        return f"{round(yards)} yd"
    if metres >= 3000 and abs(metres / 1000 - round(metres / 1000, 1)) < 1e-9:
        return f"{metres / 1000:g} km"
    if abs(metres - round(metres)) < 1e-6:
        return f"{round(metres)} m"
    return f"{metres:.1f} m"


def format_race_distance(metres: float) -> str:
    """A race's distance as runners name it: `half marathon`, `marathon`, else
    `format_distance` (`5 km`, `1 mi`), never `21097.5 m`."""
    for name, length in (("half marathon", HALF_MARATHON_M), ("marathon", MARATHON_M)):
        if abs(metres - length) < 1.0:
            return name
    return format_distance(metres)


def format_duration(seconds: float) -> str:
    """A duration as a length of running: `90 s`, `3 min`, `2:30 min`, `1:15:00`."""
    if seconds < 60 or (seconds < 180 and seconds % 60):
        return f"{seconds:g} s"
    if seconds % 60 == 0 and seconds < 3600:
        return f"{seconds / 60:g} min"
    return f"{format_time(seconds)} min" if seconds < 3600 else format_time(seconds)


def parse_race_distance(text: str) -> float:
    """A race distance as runners write it: `1500m`, `mile`, `5k`, `10K`, `half`, `26.2 mi`."""
    key = "".join(text.lower().split()).replace("-", "").replace("_", "")
    key = key.removesuffix("s") if key.endswith(("ks", "miles")) else key
    key = key.replace("miles", "mile")
    if key in RACE_DISTANCES:
        return RACE_DISTANCES[key]
    number = ""
    i = 0
    while i < len(key) and (key[i].isdigit() or key[i] in ".,"):
        number += key[i]
        i += 1
    unit = key[i:]
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        value = math.nan
    if unit in ("",) and math.isfinite(value):
        unit = "m"
    if math.isfinite(value) and value > 0 and unit in DISTANCE_UNITS:
        return value * DISTANCE_UNITS[unit]
    raise ValueError(
        f"“{text}” is not a race distance: try 800m, 1500m, mile, 3k, 5k, 10k, half or marathon"
    )
