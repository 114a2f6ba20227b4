"""Workouts built by hand, so analysis tests do not depend on the notation reader."""

from __future__ import annotations

from bot.training.model import Rep, Rest, Workout


def reps_workout(
    count: int,
    distance_m: float | None = None,
    *,
    duration_s: float | None = None,
    rest: Rest | None = None,
    target_s: tuple[float, float] | None = None,
    target_name: str | None = None,
    text: str = "",
) -> Workout:
    """`count` equal reps; every rep but the last followed by `rest`."""
    reps = tuple(
        Rep(
            distance_m=distance_m,
            duration_s=duration_s,
            target_s=target_s,
            target_name=target_name,
            rest=rest if k < count - 1 else None,
        )
        for k in range(count)
    )
    return Workout(text=text, reps=reps)


def worked_example() -> Workout:
    """`6 x 1,000m w. 500m rec.`"""
    return reps_workout(6, 1000.0, rest=Rest(distance_m=500.0), text="6 x 1,000m w. 500m rec.")
