"""What a workout of the day says in words and numbers: structure, targets, team results.

Pure (no Discord, no storage calls): `bot/wod_embeds.py` lays these lines out in embeds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.training import Athlete, Rep, Workout
from bot.training.analysis import judge, resolve_target
from bot.training.model import amount_mid
from bot.training.report import PHONE_WIDTH, rep_time
from bot.training.units import MILE_M, format_distance, format_duration, format_time
from storage import SessionRow


def _t(seconds: float) -> str:
    """A rep time: `68`, `69.5`, `3:20`, `3:20.4`."""
    tenths = round(seconds * 10)
    if seconds < 90:
        return f"{tenths / 10:.1f}" if tenths % 10 else f"{tenths // 10}"
    return format_time(seconds, 1 if tenths % 10 else 0)


def _span(low: float, high: float) -> str:
    return _t(low) if abs(high - low) < 0.05 else f"{_t(low)}-{_t(high)}"


def _length(rep: Rep) -> str:
    d, t = amount_mid(rep.distance_m), amount_mid(rep.duration_s)
    if d:
        return format_distance(d)
    return format_duration(t) if t else "rep"


def paces_text(low_s_per_km: float, high_s_per_km: float) -> str:
    """A pace per 400 m, per km and per mile: `80/400 · 3:20/km · 5:22/mi`."""

    def each(factor: float, unit: str) -> str:
        lo, hi = low_s_per_km * factor, high_s_per_km * factor
        if unit != "400":  # whole seconds per km and per mile, tenths per lap
            lo, hi = float(round(lo)), float(round(hi))
        if abs(hi - lo) < 0.05:
            return f"{_t(lo)}/{unit}"
        return f"{_t(lo)}-{_t(hi)}/{unit}"

    return " · ".join((each(0.4, "400"), each(1.0, "km"), each(MILE_M / 1000, "mi")))


def _runs(reps: Sequence[Rep]) -> list[tuple[int, Rep]]:
    """Consecutive reps that read the same, as (count, rep)."""
    runs: list[tuple[int, Rep]] = []
    for rep in reps:
        key = (rep.distance_m, rep.duration_s, rep.target_s, rep.target_name,
               rep.target_pace_s_per_km)
        if runs:
            n, last = runs[-1]
            last_key = (last.distance_m, last.duration_s, last.target_s, last.target_name,
                        last.target_pace_s_per_km)
            if key == last_key:
                runs[-1] = (n + 1, last)
                continue
        runs.append((1, rep))
    return runs


def _count(n: int, rep: Rep) -> str:
    return f"{n} × {_length(rep)}" if n > 1 else _length(rep)


def structure_lines(workout: Workout) -> list[str]:
    """Reps, total work, recoveries and the whole volume."""
    lines = [workout.summary()]
    rest_s = workout.rest_duration_s
    rest_m = workout.rest_distance_m
    parts = []
    if rest_m:
        parts.append(format_distance(rest_m) if rest_m < 1000 else f"{rest_m / 1000:g} km")
    if rest_s:
        parts.append(format_time(rest_s))
    if parts:
        lines.append("Recoveries: " + " + ".join(parts) + " in all")
    if workout.groups:
        # A post with a workout per group: only the first group's was read.
        first, *others = workout.groups
        lines.append(f"Read for {first} only (also in the post: {', '.join(others)})")
    return lines


def target_lines(workout: Workout) -> list[str]:
    """Each run of reps with a target: the time per rep and the pace per 400 m / km / mile."""
    lines: list[str] = []
    for n, rep in _runs(workout.reps):
        distance = amount_mid(rep.distance_m)
        if rep.target_s is not None:
            low, high = min(rep.target_s), max(rep.target_s)
            line = f"{_count(n, rep)} @ {_span(low, high)}"
            if distance:
                line += " → " + paces_text(low / distance * 1000, high / distance * 1000)
            lines.append(line)
        elif rep.target_pace_s_per_km is not None:
            low, high = rep.target_pace_s_per_km
            line = f"{_count(n, rep)} @ " + paces_text(low, high)
            if distance:
                line = f"{_count(n, rep)} @ {_span(low * distance / 1000, high * distance / 1000)}"
                line += " → " + paces_text(low, high)
            lines.append(line)
        elif rep.target_name:
            lines.append(f"{_count(n, rep)} @ {rep.target_name} pace: press **My targets**")
    return lines


def athlete_target_lines(workout: Workout, athlete: Athlete) -> tuple[list[str], list[str]]:
    """The workout's targets as this athlete's rep times, and notes on what could not be done."""
    v = athlete.vdot
    lines: list[str] = []
    unresolved: list[str] = []
    for n, rep in _runs(workout.reps):
        distance = amount_mid(rep.distance_m)
        if rep.target_s is not None or rep.target_pace_s_per_km is not None:
            continue  # the same for everyone: on the post already
        if not rep.target_name:
            continue
        target = resolve_target(rep.target_name, distance, v)
        if target is None:
            if rep.target_name not in unresolved:
                unresolved.append(rep.target_name)
            continue
        low, high = min(target), max(target)
        assert distance
        lines.append(
            f"{_count(n, rep)} @ {rep.target_name}: **{_span(low, high)}** → "
            + paces_text(low / distance * 1000, high / distance * 1000)
        )
    notes = []
    for name in unresolved:
        if v is None:
            notes.append(f"“{name}” needs a race result to become a time.")
        else:
            notes.append(f"“{name}” is not a pace Pacer can work out for these reps.")
    return lines, notes


# -- team results -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TeamRow:
    """One athlete's run of the workout: rep times, and how the set went."""

    name: str
    times_s: tuple[float | None, ...]
    targets: tuple[tuple[float, float] | None, ...]
    mean_s: float | None
    spread_s: float | None  # sample standard deviation of the rep times
    on_target: int
    judged: int

    @property
    def hit_rate(self) -> float | None:
        return self.on_target / self.judged if self.judged else None


def team_rows(sessions: Sequence[SessionRow]) -> list[TeamRow]:
    """One row per athlete (their latest log of the workout), in logging order."""
    latest: dict[int, SessionRow] = {}
    for s in sessions:
        latest.pop(s.athlete_id, None)
        latest[s.athlete_id] = s
    rows = []
    for s in latest.values():
        reps = s.reps
        times = tuple(r.time_s for r in reps)
        targets = tuple(
            None if r.target_low_s is None or r.target_high_s is None
            else (r.target_low_s, r.target_high_s)
            for r in reps
        )
        known = [t for t in times if t is not None]
        mean = math.fsum(known) / len(known) if known else None
        spread = None
        if mean is not None and len(known) > 1:
            spread = math.sqrt(math.fsum((t - mean) ** 2 for t in known) / (len(known) - 1))
        verdicts = [
            judge(t, target)[0]
            for t, target in zip(times, targets, strict=True)
            if t is not None and target is not None
        ]
        rows.append(
            TeamRow(
                name=s.athlete_name,
                times_s=times,
                targets=targets,
                mean_s=mean,
                spread_s=spread,
                on_target=verdicts.count("on"),
                judged=len(verdicts),
            )
        )
    return rows


def _mark(time_s: float | None, target: tuple[float, float] | None) -> str:
    if time_s is None or target is None:
        return ""
    verdict = judge(time_s, target)[0]
    return {"on": "", "fast": "+", "slow": "-"}[verdict]


def results_table(
    rows: Sequence[TeamRow], *, name_width: int = 10, max_width: int = PHONE_WIDTH
) -> tuple[str, list[str]]:
    """A monospace table: each athlete's reps, then mean, SD and hits; a rep off its target is
    marked `+` (fast) or `-` (slow).

    Reps sit side by side on the athlete's line when that fits in `max_width`; otherwise each
    athlete gets a line of figures and the reps below it, a few per line, in columns that line
    up from athlete to athlete, each line indented and starting with the number of its first
    rep (` #7`). An entry is one string, with line breaks when it takes several lines.
    """
    n = max((len(r.times_s) for r in rows), default=0)
    cells = [
        [
            (_t(t) + _mark(t, r.targets[i] if i < len(r.targets) else None)) if t else "–"
            for i, t in enumerate(r.times_s)
        ]
        + [""] * (n - len(r.times_s))
        for r in rows
    ]
    width = max([3] + [len(c) for row in cells for c in row])
    figures = []
    for r in rows:
        # In a code block: no backquote; no leading blank, which marks a line of reps.
        name = r.name.replace("`", "ˋ").strip() or "?"
        name = name if len(name) <= name_width else name[: name_width - 1] + "…"
        # A mean always has its tenth (`83.0`, `87.4`), as in every other reply.
        mean = rep_time(r.mean_s) if r.mean_s is not None else "–"
        spread = f"{r.spread_s:.1f}" if r.spread_s is not None else "–"
        hit = f"{r.on_target}/{r.judged}" if r.judged else "–"
        figures.append((name.ljust(name_width), mean.rjust(6), spread.rjust(5), hit.rjust(4)))
    header_cells = [f"#{i + 1}".rjust(width) for i in range(n)]
    header = " ".join(["athlete".ljust(name_width), *header_cells, "  mean", "   SD", " hit"])
    if len(header) <= max_width:
        lines = [
            " ".join([name, *(c.rjust(width) for c in row), mean, spread, hit]).rstrip()
            for (name, mean, spread, hit), row in zip(figures, cells, strict=True)
        ]
        return header.rstrip(), lines
    label_width = len(f" #{n}")
    per_line = max(1, (max_width - label_width) // (width + 1))
    header = " ".join(["athlete".ljust(name_width), "  mean", "   SD", " hit"])
    entries = []
    for (name, mean, spread, hit), row in zip(figures, cells, strict=True):
        entry = [" ".join([name, mean, spread, hit]).rstrip()]
        for first in range(0, n, per_line):
            chunk = [c.rjust(width) for c in row[first : first + per_line]]
            line = " ".join([f" #{first + 1}".ljust(label_width), *chunk]).rstrip()
            if line.strip() != f"#{first + 1}":  # an athlete who logged fewer reps
                entry.append(line)
        entries.append("\n".join(entry))
    return header.rstrip(), entries
