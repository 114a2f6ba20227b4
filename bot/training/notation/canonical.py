"""Writing a workout back out: the canonical form, the one-line summary and a compact key.

The canonical form is notation the reader reads back to the same workout, so it can be shown to
a coach as "this is what Pacer understood" and stored as the workout's stable description.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from bot.training.model import Amount, Rep, Rest, Segment, Workout
from bot.training.units import MILE_M, YARD_M, format_time

_SEGMENT_WORDS = {"warmup": "warm-up", "cooldown": "cool-down", "easy": "easy"}
_REST_WORDS = {
    None: "recovery",
    "jog": "jog",
    "walk": "walk",
    "float": "float",
    "rest": "rest",
    "stand": "standing",
}
_NAMED = {
    "T": "T pace",
    "I": "I pace",
    "R": "R pace",
    "E": "E pace",
    "CV": "CV pace",
    "marathon": "marathon pace",
    "half": "half marathon pace",
    "goal": "goal pace",
    "mile": "mile pace",
    "2mile": "2 mile pace",
    "xc": "xc pace",
}


def _num(x: float) -> str:
    return f"{round(x, 3):g}"


def distance_text(metres: float) -> str:
    miles = metres / MILE_M
    if metres >= MILE_M / 4 - 1e-6 and abs(miles * 4 - round(miles * 4)) < 1e-6:
        return f"{_num(miles)} mi"
    yards = metres / YARD_M
    if abs(yards - round(yards)) < 1e-6 and abs(metres - round(metres)) > 1e-6:
        return f"{round(yards)} yd"
    if metres >= 3000 and abs(metres / 100 - round(metres / 100)) < 1e-9:
        return f"{_num(metres / 1000)} km"
    return f"{_num(metres)} m"


def duration_text(seconds: float) -> str:
    if seconds >= 60 and abs(seconds / 60 - round(seconds / 60)) < 1e-9:
        return f"{_num(seconds / 60)} min"
    return f"{_num(seconds)} sec"


def _amount(value: Amount, single: Callable[[float], str]) -> str:
    if not isinstance(value, tuple):
        return single(value)
    lo, hi = single(value[0]), single(value[1])
    lo_num, lo_unit = lo.rsplit(" ", 1)
    hi_num, hi_unit = hi.rsplit(" ", 1)
    if lo_unit == hi_unit:
        return f"{lo_num}-{hi_num} {hi_unit}"
    if single is duration_text:
        return f"{_num(value[0])}-{_num(value[1])} s"
    return f"{lo}-{hi}"


def _time(seconds: float) -> str:
    """A rep time as runners write it: seconds alone below 90 (`68`, `52.5`), else `2:26`."""
    whole = abs(seconds - round(seconds)) < 1e-9
    if seconds < 90:
        return f"{round(seconds)}" if whole else f"{seconds:.1f}"
    return format_time(seconds, 0 if whole else 1)


def rep_text(rep: Rep) -> str:
    if rep.distance_m is not None:
        parts = [_amount(rep.distance_m, distance_text)]
    else:
        parts = [_amount(rep.duration_s, duration_text)]  # type: ignore[arg-type]
    if rep.label:
        parts.append(rep.label)
    named = None
    if rep.target_name is not None:
        named = _NAMED.get(rep.target_name, rep.target_name + " pace")
    if rep.target_s is not None:
        lo, hi = rep.target_s
        parts.append(f"@ {_time(lo)}" if lo == hi else f"@ {_time(lo)}-{_time(hi)}")
    elif rep.target_pace_s_per_km is not None:
        lo, hi = rep.target_pace_s_per_km
        pace = _time(lo) if lo == hi else f"{_time(lo)}-{_time(hi)}"
        parts.append(f"@ {pace}/km")
    elif named is not None:
        parts.append(f"@ {named}")
        named = None
    if named is not None:
        parts.append(f"({named})")  # a race pace beside the time it comes to
    return " ".join(parts)


def rest_text(rest: Rest) -> str:
    word = _REST_WORDS.get(rest.kind, "recovery")
    if rest.distance_m is None and rest.duration_s is None:
        return "walk back" if rest.kind == "walk" else word
    if rest.distance_m is not None and rest.duration_s is not None:
        dist = _amount(rest.distance_m, distance_text)
        dur = rest.duration_s
        dur_text = f"{_time(dur[0])}-{_time(dur[1])}" if isinstance(dur, tuple) else _time(dur)
        return f"{dist} in {dur_text} {word}"
    if rest.distance_m is not None:
        return f"{_amount(rest.distance_m, distance_text)} {word}"
    return f"{_amount(rest.duration_s, duration_text)} {word}"  # type: ignore[arg-type]


def _same(a: Rep, b: Rep) -> bool:
    """Two reps alike but for their recovery."""
    return (
        a.distance_m,
        a.duration_s,
        a.target_s,
        a.target_name,
        a.target_pace_s_per_km,
        a.label,
    ) == (b.distance_m, b.duration_s, b.target_s, b.target_name, b.target_pace_s_per_km, b.label)


def _bare(rep: Rep) -> bool:
    """A rep with nothing but its length: in a list, what follows the list applies to it."""
    return (rep.target_s, rep.target_name, rep.target_pace_s_per_km, rep.label) == (
        None,
        None,
        None,
        None,
    )


def _with_rest(text: str, rest: Rest | None) -> str:
    return text if rest is None else f"{text}, {rest_text(rest)}"


def _sets_form(reps: Sequence[Rep], final: bool) -> str | None:
    """`3 × (4 × 400 m @ 70), 60 s recovery, 4 min between sets` when the reps repeat in sets
    with one recovery within a set and another between sets."""
    n = len(reps)
    for size in range(2, n // 2 + 1):
        if n % size:
            continue
        inner = reps[:size]
        if not all(_same(reps[i], inner[i % size]) for i in range(n)):
            continue
        within_set = {reps[i].rest for i in range(n) if i % size != size - 1}
        boundaries = {reps[i].rest for i in range(size - 1, n - 1, size)}
        if len(within_set) != 1 or len(boundaries) != 1:
            continue
        within, boundary = within_set.pop(), boundaries.pop()
        if within is None or boundary is None:
            continue
        if reps[-1].rest != (None if final else within):
            continue
        alike = all(_same(r, inner[0]) for r in inner)
        if within == boundary:
            if alike:
                continue  # plain `N × rep, rest`: the run form says it
            body = ", ".join(rep_text(r) for r in inner)
            return f"{n // size} × ({body}), {rest_text(within)}"
        body = f"{size} × {rep_text(inner[0])}" if alike else ", ".join(rep_text(r) for r in inner)
        between = rest_text(boundary).removesuffix(" recovery")
        return f"{n // size} × ({body}), {rest_text(within)}, {between} between sets"
    return None


def work_lines(reps: Sequence[Rep], final: bool = True) -> list[str]:
    """The reps as canonical lines: sets where they repeat, runs of alike reps otherwise. Each
    line's recovery follows every rep on it, the last included unless it ends the workout."""
    if not reps:
        return []
    whole = _sets_form(reps, final)
    if whole is not None:
        return [whole]
    runs: list[tuple[int, Rep, Rest | None]] = []
    i = 0
    n = len(reps)
    while i < n:
        common = reps[i].rest
        j = i + 1
        while j < n and _same(reps[j], reps[i]) and reps[j - 1].rest == common:
            j += 1
        ends_workout = final and j == n
        if j - i > 1 and reps[j - 1].rest != common and not ends_workout:
            j -= 1  # its last rep recovers differently: it starts the next line
        count = j - i
        runs.append((count, reps[i], None if (count == 1 and ends_workout) else common))
        i = j
    # Single reps in a row with one recovery read best as a list: `6 km, 5 km, 4 km`.
    lines: list[str] = []
    k = 0
    while k < len(runs):
        count, rep, rest = runs[k]
        m = k + 1
        while (
            count == 1
            and _bare(rep)
            and m < len(runs)
            and runs[m][0] == 1
            and (_bare(runs[m][1]))
            and (runs[m][2] == rest or (m == len(runs) - 1 and final and runs[m][2] is None))
        ):
            m += 1
        if m - k > 1:
            lines.append(_with_rest(", ".join(rep_text(r[1]) for r in runs[k:m]), rest))
        elif count == 1:
            # `1 × 3 km`: a lone plain rep beside other work would read as easy running.
            plain = len(runs) > 1 and _bare(rep)
            lines.append(_with_rest(("1 × " if plain else "") + rep_text(rep), rest))
        else:
            lines.append(_with_rest(f"{count} × {rep_text(rep)}", rest))
        k = m
    return lines


def segment_text(seg: Segment) -> str:
    word = _SEGMENT_WORDS[seg.kind]
    if seg.distance_m is not None:
        return f"{word} {_amount(seg.distance_m, distance_text)}"
    if seg.duration_s is not None:
        return f"{word} {_amount(seg.duration_s, duration_text)}"
    return word


def describe(workout: Workout) -> str:
    """The canonical form, one line per segment or run of reps."""
    lines: list[str] = []
    segments = workout.segments or (Segment("work", first_rep=0, last_rep=len(workout.reps)),)
    for seg in segments:
        if seg.kind == "work":
            reps = workout.reps[seg.first_rep : seg.last_rep]
            lines.extend(work_lines(reps, final=seg.last_rep == len(workout.reps)))
        else:
            lines.append(segment_text(seg))
    return "\n".join(lines)


KEY_LIMIT = 120


def key(workout: Workout) -> str:
    """A compact key for "the same workout": lengths only, `6x1000m`, `3x(4x400m)`,
    `1600m,1200m,800m`. Targets and recoveries do not change what a workout is called. At most
    KEY_LIMIT characters: a longer one keeps its start and a digest of the whole, so it stays
    unique and stable."""
    full = _full_key(workout)
    if len(full) <= KEY_LIMIT:
        return full
    digest = hashlib.blake2s(full.encode(), digest_size=6).hexdigest()
    return f"{full[: KEY_LIMIT - len(digest) - 1]}~{digest}"


def _full_key(workout: Workout) -> str:
    lengths = [
        _amount(r.distance_m, distance_text)
        if r.distance_m is not None
        else _amount(r.duration_s, duration_text)  # type: ignore[arg-type]
        for r in workout.reps
    ]
    compact = [s.replace(" ", "") for s in lengths]
    n = len(compact)
    for size in range(1, n // 2 + 1):
        if n % size == 0 and all(compact[i] == compact[i % size] for i in range(n)):
            inner = compact[:size]
            body = inner[0] if size == 1 else f"({','.join(inner)})"
            return f"{n // size}x{body}"
    runs: list[str] = []
    i = 0
    while i < n:
        j = i
        while j < n and compact[j] == compact[i]:
            j += 1
        runs.append(compact[i] if j - i == 1 else f"{j - i}x{compact[i]}")
        i = j
    return ",".join(runs)


def summary(workout: Workout) -> str:
    """One line: `6 × 1000 m · 6 km of work · 8.5 km with recoveries`."""
    reps = workout.reps
    head = key(workout).replace("x", " × ", 1) if len(reps) > 1 else rep_text(reps[0])
    parts = [head, f"{len(reps)} rep{'s' if len(reps) != 1 else ''}"]
    work_d, work_t = workout.work_distance_m, workout.work_duration_s
    work = []
    if work_d:
        work.append(_total_distance(work_d))
    if work_t:
        work.append(format_time(work_t))
    if work:
        parts.append(" + ".join(work) + " of work")
    total_d = work_d + workout.rest_distance_m + workout.extra_distance_m
    if total_d > work_d:
        parts.append(f"{_total_distance(total_d)} in all")
    return " · ".join(parts)


def _total_distance(metres: float) -> str:
    if metres >= 1000:
        return f"{metres / 1000:.2f}".rstrip("0").rstrip(".") + " km"
    return f"{round(metres)} m"
