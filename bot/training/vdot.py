"""Race equivalents and training paces: the Daniels-Gilbert formulas, and Riegel's beside them.

VDOT is the VO2max a race result implies: the oxygen cost of the race speed divided by the
fraction of VO2max a runner can hold for the race's duration. Equivalent times solve the same
equation for another distance. Training paces (E, M, T, I, R) come from fixed fractions of VDOT
fitted to Daniels' published tables:

- T at 88 % of VDOT, I at 97.5 %; E spans 63-73 % (a range, slow end first);
- M is the marathon-equivalent pace; R is I pace minus 6 s per 400 m.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from bot.training.units import HALF_MARATHON_M, MARATHON_M, MILE_M, format_time

# The distances an equivalent-times table lists, in the order runners read them.
EQUIVALENT_DISTANCES: tuple[tuple[str, float], ...] = (
    ("800m", 800.0),
    ("1500m", 1500.0),
    ("mile", MILE_M),
    ("3000m", 3000.0),
    ("5k", 5000.0),
    ("10k", 10000.0),
    ("half", HALF_MARATHON_M),
    ("marathon", MARATHON_M),
)

RIEGEL_EXPONENT = 1.06

# Fractions of VDOT for the training paces (see the module docstring).
T_FRACTION = 0.88
I_FRACTION = 0.975
E_FRACTIONS = (0.63, 0.73)
R_OFFSET_S_PER_400 = 6.0

# VDOTs outside this range come from typos, not races (Daniels' tables run from 30 to 85).
VDOT_RANGE = (10.0, 100.0)

# Daniels' formulas hold for races of roughly 3.5 minutes to 4 hours; outside, extrapolate but
# keep the solver bounded.
_MIN_SECONDS = 1.0
_MAX_SECONDS = 7 * 24 * 3600.0


def oxygen_cost(v_m_per_min: float) -> float:
    """ml/kg/min needed to run at `v` metres per minute."""
    return -4.60 + 0.182258 * v_m_per_min + 0.000104 * v_m_per_min * v_m_per_min


def sustainable_fraction(minutes: float) -> float:
    """Fraction of VO2max a runner can hold for `minutes`."""
    return (
        0.8
        + 0.1894393 * math.exp(-0.012778 * minutes)
        + 0.2989558 * math.exp(-0.1932605 * minutes)
    )


def vdot(distance_m: float, time_s: float) -> float:
    """The VDOT a performance implies: `vdot(5000, 1200)` is about 49.8."""
    if not (distance_m > 0 and time_s > 0) or not math.isfinite(distance_m + time_s):
        raise ValueError("a performance needs a positive distance and time")
    minutes = time_s / 60.0
    return oxygen_cost(distance_m / minutes) / sustainable_fraction(minutes)


def plausible_vdot(value: float) -> bool:
    return VDOT_RANGE[0] <= value <= VDOT_RANGE[1]


def velocity_for_vo2(vo2: float) -> float:
    """The speed (m/min) whose oxygen cost is `vo2`: the positive root of the cost quadratic."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


@lru_cache(maxsize=4096)
def time_for_vdot(distance_m: float, target_vdot: float) -> float:
    """The time (s) over `distance_m` that a runner of `target_vdot` can race.

    VDOT falls as the time grows, so bisection on a log scale finds it in ~50 steps.
    """
    if not (distance_m > 0 and target_vdot > 0):
        raise ValueError("a distance and a VDOT must be positive")
    lo, hi = _MIN_SECONDS, _MAX_SECONDS
    for _ in range(60):
        mid = math.sqrt(lo * hi)
        if vdot(distance_m, mid) > target_vdot:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-4:
            break
    return (lo + hi) / 2


def riegel(distance_m: float, time_s: float, to_distance_m: float) -> float:
    """Riegel's prediction: T2 = T1 × (D2 / D1)^1.06."""
    return time_s * float((to_distance_m / distance_m) ** RIEGEL_EXPONENT)


@dataclass(frozen=True, slots=True)
class TrainingPaces:
    """Seconds per km for each Daniels zone; E is a (slow, fast) range."""

    vdot: float
    easy: tuple[float, float]
    marathon: float
    threshold: float
    interval: float
    repetition: float

    def pace(self, zone: str) -> tuple[float, float]:
        """A zone's pace (s/km) as (low, high) seconds: E is a range, the others a point."""
        zone = zone.upper()
        if zone == "E":
            fast, slow = sorted(self.easy)
            return (fast, slow)
        value = {
            "M": self.marathon,
            "T": self.threshold,
            "I": self.interval,
            "R": self.repetition,
        }[zone]
        return (value, value)

    def zones(self) -> dict[str, tuple[float, float]]:
        return {z: self.pace(z) for z in "EMTIR"}

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for zone, (fast, slow) in self.zones().items():
            out[zone] = {
                "s_per_km": [round(fast, 2), round(slow, 2)] if fast != slow else round(fast, 2),
                "s_per_mile": (
                    [round(fast * MILE_M / 1000, 2), round(slow * MILE_M / 1000, 2)]
                    if fast != slow
                    else round(fast * MILE_M / 1000, 2)
                ),
                "s_per_400m": (
                    [round(fast * 0.4, 2), round(slow * 0.4, 2)]
                    if fast != slow
                    else round(fast * 0.4, 2)
                ),
            }
        return out


def _pace_at_fraction(v: float, fraction: float) -> float:
    """Seconds per km at the speed whose oxygen cost is `fraction` of VDOT `v`."""
    return 60_000.0 / velocity_for_vo2(v * fraction)


@lru_cache(maxsize=256)
def training_paces(v: float) -> TrainingPaces:
    """E, M, T, I, R paces (s/km) for a VDOT."""
    interval = _pace_at_fraction(v, I_FRACTION)
    return TrainingPaces(
        vdot=v,
        easy=(_pace_at_fraction(v, E_FRACTIONS[0]), _pace_at_fraction(v, E_FRACTIONS[1])),
        marathon=time_for_vdot(MARATHON_M, v) / (MARATHON_M / 1000),
        threshold=_pace_at_fraction(v, T_FRACTION),
        interval=interval,
        repetition=interval - R_OFFSET_S_PER_400 * 2.5,
    )


@dataclass(frozen=True, slots=True)
class Equivalent:
    """What one race result says about every other distance."""

    distance_m: float
    time_s: float
    vdot: float
    # (name, distance_m, Daniels time_s, Riegel time_s) in EQUIVALENT_DISTANCES order.
    times: tuple[tuple[str, float, float, float], ...]
    paces: TrainingPaces

    def to_dict(self) -> dict[str, object]:
        return {
            "distance_m": round(self.distance_m, 3),
            "time_s": round(self.time_s, 2),
            "vdot": round(self.vdot, 2),
            "equivalents": [
                {
                    "name": name,
                    "distance_m": round(d, 3),
                    "time_s": round(t, 1),
                    "time": format_time(t, 1 if t < 600 else 0),
                    "riegel_s": round(r, 1),
                    "riegel": format_time(r, 1 if r < 600 else 0),
                }
                for name, d, t, r in self.times
            ],
            "training_paces": self.paces.to_dict(),
        }


def equivalent(distance: float | str, time: float | str) -> Equivalent:
    """VDOT, equivalent times and training paces from one race: `equivalent("5k", "20:00")`.

    Text arguments are read as runners write them; a bad one raises ParseError.
    """
    from bot.training.errors import ParseError
    from bot.training.units import parse_clock, parse_race_distance

    if isinstance(distance, str):
        try:
            distance_m = parse_race_distance(distance)
        except ValueError as exc:
            raise ParseError(
                str(exc), text=distance, offset=0, length=len(distance), hint="5k 20:00"
            ) from None
    else:
        distance_m = float(distance)
    if isinstance(time, str):
        try:
            time_s = parse_clock(time)
        except ValueError as exc:
            raise ParseError(
                str(exc), text=time, offset=0, length=len(time), hint="20:00 or 1:35:10"
            ) from None
    else:
        time_s = float(time)
    if not (distance_m > 0 and math.isfinite(distance_m)) or not (
        time_s > 0 and math.isfinite(time_s)
    ):
        raise ParseError("A race needs a distance and a time above zero", hint="5k 20:00")
    speed = distance_m / time_s
    if speed > 12.5 or speed < 0.5 or not plausible_vdot(vdot(distance_m, time_s)):
        # Faster than any human or slower than walking: a typo, not a race.
        raise ParseError(
            f"{format_time(time_s)} for {distance_m:g} m is not a race time",
            text=time if isinstance(time, str) else "",
            length=len(time) if isinstance(time, str) else 1,
            hint="5k 20:00",
        )
    v = vdot(distance_m, time_s)
    times = tuple(
        (name, d, time_for_vdot(d, round(v, 6)), riegel(distance_m, time_s, d))
        for name, d in EQUIVALENT_DISTANCES
    )
    return Equivalent(distance_m, time_s, v, times, training_paces(round(v, 6)))
