"""The shape of a workout once read: reps, their targets and rests, and the segments around them.

Plain frozen dataclasses so that the rest of Pacer (analysis, storage, the bot) can rely on them
without importing the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# A stated amount: one value, or a (low, high) range such as `90sec-2min` or `52-54`.
Amount = float | tuple[float, float]


def amount_json(value: Amount | None) -> float | list[float] | None:
    """An amount as JSON: a number, `[low, high]`, or None."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return [_clean(value[0]), _clean(value[1])]
    return _clean(value)


def amount_mid(value: Amount | None) -> float | None:
    """The middle of a range, or the value itself: what sums and paces use."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return (value[0] + value[1]) / 2
    return value


def _clean(x: float) -> float:
    # Unit conversions leave float noise (1609.3440000000001): keep JSON and tests stable.
    return round(float(x), 6)


@dataclass(frozen=True, slots=True)
class Rest:
    """The recovery right after a rep."""

    distance_m: Amount | None = None
    duration_s: Amount | None = None
    # How it is taken, when the text says: "jog", "walk", "float", "rest", "stand".
    kind: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "distance_m": amount_json(self.distance_m),
            "duration_s": amount_json(self.duration_s),
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Rep:
    """One work rep. Exactly one of `distance_m` and `duration_s` is set."""

    distance_m: Amount | None = None
    duration_s: Amount | None = None
    # The time the rep should take, (low, high) seconds; (68, 68) for a single value.
    target_s: tuple[float, float] | None = None
    # A race-pace name with no time of its own yet: "5k", "10k", "mile", "T", "I", "R", "M", "E".
    target_name: str | None = None
    # A pace given for a rep whose length is a duration (`20 min @ 5:10/mi`): seconds per km.
    target_pace_s_per_km: tuple[float, float] | None = None
    rest: Rest | None = None
    # What kind of rep the text calls it: "strides", "hills", "tempo", ...
    label: str | None = None
    # Which set the rep belongs to (0-based), for between-set rests and display.
    set_index: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "distance_m": amount_json(self.distance_m),
            "duration_s": amount_json(self.duration_s),
            "target_s": None if self.target_s is None else [_clean(v) for v in self.target_s],
            "target_name": self.target_name,
            "target_pace_s_per_km": (
                None
                if self.target_pace_s_per_km is None
                else [_clean(v) for v in self.target_pace_s_per_km]
            ),
            "rest": None if self.rest is None else self.rest.to_dict(),
            "label": self.label,
            "set": self.set_index,
        }


SegmentKind = Literal["warmup", "cooldown", "easy", "work"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A part of the session. Work segments point at their reps by index range [first, last)."""

    kind: SegmentKind
    distance_m: Amount | None = None
    duration_s: Amount | None = None
    first_rep: int = 0
    last_rep: int = 0

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind}
        if self.kind == "work":
            out["reps"] = [self.first_rep, self.last_rep]
        else:
            out["distance_m"] = amount_json(self.distance_m)
            out["duration_s"] = amount_json(self.duration_s)
        return out


@dataclass(frozen=True, slots=True)
class Workout:
    text: str
    reps: tuple[Rep, ...]
    segments: tuple[Segment, ...] = field(default=())
    # A post with a workout for each of several groups (`Varsity: ... / JV: ...`, `Week 1: ...
    # Week 2: ...`): their names as written, in order. The reps are the first group's only.
    groups: tuple[str, ...] = field(default=())

    # -- totals -------------------------------------------------------------------------------

    @property
    def work_distance_m(self) -> float:
        return sum(amount_mid(r.distance_m) or 0.0 for r in self.reps)

    @property
    def work_duration_s(self) -> float:
        return sum(amount_mid(r.duration_s) or 0.0 for r in self.reps)

    @property
    def rest_distance_m(self) -> float:
        return sum(amount_mid(r.rest.distance_m) or 0.0 for r in self.reps if r.rest)

    @property
    def rest_duration_s(self) -> float:
        # A rest with both a distance and a time (`500m in 3:00`) counts in both totals.
        return sum(amount_mid(r.rest.duration_s) or 0.0 for r in self.reps if r.rest)

    @property
    def extra_distance_m(self) -> float:
        """Warm-up, cool-down and easy running."""
        return sum(amount_mid(s.distance_m) or 0.0 for s in self.segments if s.kind != "work")

    @property
    def extra_duration_s(self) -> float:
        return sum(amount_mid(s.duration_s) or 0.0 for s in self.segments if s.kind != "work")

    def describe(self) -> str:
        """The canonical form: notation that reads back to this same workout."""
        from bot.training.notation.canonical import describe

        return describe(self)

    def summary(self) -> str:
        """One line: reps, work, and the total with recoveries."""
        from bot.training.notation.canonical import summary

        return summary(self)

    @property
    def key(self) -> str:
        """What the workout is called whatever its targets and recoveries: `6x1000m`."""
        from bot.training.notation.canonical import key

        return key(self)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "canonical": self.describe(),
            "key": self.key,
            "reps": [r.to_dict() for r in self.reps],
            "segments": [s.to_dict() for s in self.segments],
            "groups": list(self.groups),
            "totals": {
                "reps": len(self.reps),
                "work_distance_m": _clean(self.work_distance_m),
                "work_duration_s": _clean(self.work_duration_s),
                "rest_distance_m": _clean(self.rest_distance_m),
                "rest_duration_s": _clean(self.rest_duration_s),
                "extra_distance_m": _clean(self.extra_distance_m),
                "extra_duration_s": _clean(self.extra_duration_s),
            },
        }
