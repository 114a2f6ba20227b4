"""The shape of a workout once read: reps, their targets and rests, and the segments around them.

Plain immutable values so that the rest of Pacer (analysis, storage, the bot) can rely on them
without importing the reader.
"""

from __future__ import annotations

from typing import ClassVar, Final, Literal

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


class _Value:
    """Equality, hash, repr and pickling by field, as frozen dataclasses have them. Written out
    because mypyc compiles these classes (the reader makes thousands: a dataclass's generated
    __init__ runs as interpreted Python); their fields are Final, so read-only once compiled,
    and to mypy everywhere."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        return (
            other.__class__ is self.__class__
            and isinstance(other, _Value)
            and self._fields() == other._fields()
        )

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = self.FIELDS
        pairs = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
        return f"{type(self).__name__}({pairs})"

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (type(self), self._fields())


class Rest(_Value):
    """The recovery right after a rep."""

    # In field order: equality, hash, repr and pickling go by it.
    FIELDS: ClassVar[tuple[str, ...]] = ("distance_m", "duration_s", "kind")
    __slots__ = FIELDS

    def __init__(
        self,
        distance_m: Amount | None = None,
        duration_s: Amount | None = None,
        kind: str | None = None,
    ) -> None:
        self.distance_m: Final = distance_m
        self.duration_s: Final = duration_s
        # How it is taken, when the text says: "jog", "walk", "float", "rest", "stand".
        self.kind: Final = kind

    def to_dict(self) -> dict[str, object]:
        return {
            "distance_m": amount_json(self.distance_m),
            "duration_s": amount_json(self.duration_s),
            "kind": self.kind,
        }


class Rep(_Value):
    """One work rep. Exactly one of `distance_m` and `duration_s` is set."""

    # In field order: equality, hash, repr and pickling go by it.
    FIELDS: ClassVar[tuple[str, ...]] = (
        "distance_m",
        "duration_s",
        "target_s",
        "target_name",
        "target_pace_s_per_km",
        "rest",
        "label",
        "set_index",
    )
    __slots__ = FIELDS

    def __init__(
        self,
        distance_m: Amount | None = None,
        duration_s: Amount | None = None,
        target_s: tuple[float, float] | None = None,
        target_name: str | None = None,
        target_pace_s_per_km: tuple[float, float] | None = None,
        rest: Rest | None = None,
        label: str | None = None,
        set_index: int = 0,
    ) -> None:
        self.distance_m: Final = distance_m
        self.duration_s: Final = duration_s
        # The time the rep should take, (low, high) seconds; (68, 68) for a single value.
        self.target_s: Final = target_s
        # A race-pace name with no time of its own yet: "5k", "10k", "mile", "T", "I", "R", "M",
        # "E".
        self.target_name: Final = target_name
        # A pace given for a rep whose length is a duration (`20 min @ 5:10/mi`): seconds per km.
        self.target_pace_s_per_km: Final = target_pace_s_per_km
        self.rest: Final = rest
        # What kind of rep the text calls it: "strides", "hills", "tempo", ...
        self.label: Final = label
        # Which set the rep belongs to (0-based), for between-set rests and display.
        self.set_index: Final = set_index

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


class Segment(_Value):
    """A part of the session. Work segments point at their reps by index range [first, last)."""

    # In field order: equality, hash, repr and pickling go by it.
    FIELDS: ClassVar[tuple[str, ...]] = (
        "kind",
        "distance_m",
        "duration_s",
        "first_rep",
        "last_rep",
    )
    __slots__ = FIELDS

    def __init__(
        self,
        kind: SegmentKind,
        distance_m: Amount | None = None,
        duration_s: Amount | None = None,
        first_rep: int = 0,
        last_rep: int = 0,
    ) -> None:
        self.kind: Final = kind
        self.distance_m: Final = distance_m
        self.duration_s: Final = duration_s
        self.first_rep: Final = first_rep
        self.last_rep: Final = last_rep

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind}
        if self.kind == "work":
            out["reps"] = [self.first_rep, self.last_rep]
        else:
            out["distance_m"] = amount_json(self.distance_m)
            out["duration_s"] = amount_json(self.duration_s)
        return out


class Workout(_Value):
    """A workout as read: its reps in running order, the segments around them."""

    # In field order: equality, hash, repr and pickling go by it.
    FIELDS: ClassVar[tuple[str, ...]] = (
        "text",
        "reps",
        "segments",
        "groups",
    )
    __slots__ = FIELDS

    def __init__(
        self,
        text: str,
        reps: tuple[Rep, ...],
        segments: tuple[Segment, ...] = (),
        groups: tuple[str, ...] = (),
    ) -> None:
        self.text: Final = text
        self.reps: Final = reps
        self.segments: Final = segments
        # A post with a workout for each of several groups (`Varsity: ... / JV: ...`, `Week 1: ...
        # Week 2: ...`): their names as written, in order. The reps are the first group's only.
        self.groups: Final = groups



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
