"""The per-user rate limiter, on a clock the test moves."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ratelimit import RateLimited, RateLimiter

T0 = dt.datetime(2026, 7, 15, 18, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def test_allows_the_limit_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(10, dt.timedelta(minutes=1), clock, what="logged {n} sessions")
    for _ in range(10):
        limiter.check("ana")
        limiter.record("ana")
        clock.advance(2)
    with pytest.raises(RateLimited) as hit:
        limiter.check("ana")
    # The first of the ten was 20 s ago: it leaves the window in 40 s.
    assert str(hit.value.message) == (
        "You've logged 10 sessions in the last minute; try again in 40 s.")
    assert hit.value.retry_after_s == pytest.approx(40)
    limiter.check("ben")  # others are not held back
    clock.advance(39)
    with pytest.raises(RateLimited):
        limiter.check("ana")
    clock.advance(1)
    limiter.check("ana")


def test_only_recorded_actions_count_and_idle_keys_are_dropped() -> None:
    clock = Clock()
    limiter = RateLimiter(2, dt.timedelta(minutes=10), clock, what="posted {n} workouts")
    for _ in range(5):
        limiter.check("carla")  # checked, refused elsewhere: never recorded
    limiter.record("carla")
    limiter.record("carla")
    with pytest.raises(RateLimited, match="posted 2 workouts in the last 10 minutes"):
        limiter.check("carla")
    clock.advance(600)
    assert limiter.retry_after("carla") == 0
    assert limiter._hits == {}


def test_hold_counts_an_action_while_it_runs_and_not_when_it_fails() -> None:
    clock = Clock()
    limiter = RateLimiter(2, dt.timedelta(minutes=1), clock, what="logged {n} sessions")
    # A second action at the same time: the first already counts.
    with limiter.hold("ana"), limiter.hold("ana"), pytest.raises(RateLimited):
        limiter.check("ana")
    with pytest.raises(RateLimited):
        limiter.check("ana")  # both happened
    clock.advance(60)
    with pytest.raises(ValueError), limiter.hold("ana"):
        raise ValueError("the store refused it")
    assert limiter.retry_after("ana") == 0 and limiter._hits == {}  # a failure is not counted


def test_a_limit_allows_at_least_one_action() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0, dt.timedelta(seconds=1), Clock(), what="x")


async def test_logging_and_posting_are_limited_through_discord(tmp_path) -> None:
    from tests.proof.arena import arena

    async with arena(tmp_path, athletes=1) as a:
        ana = a.athletes[0]
        for n in range(9):  # the arena logged one of ana's sessions already
            reply = await a.discord.slash(ana, a.training, "log", splits=f"2:{10 + n} 2:20")
            assert not reply.ephemeral, reply.content
        refused = await a.discord.slash(ana, a.training, "log", splits="2:30 2:31")
        assert refused.ephemeral
        assert refused.content.startswith(
            "You've logged 10 sessions in the last minute; try again in ")
        # The bot's clock is fixed: the wait is the whole minute, and nothing was stored.
        assert "in 60 s" in refused.content
        count = len(await a.bot.store.recent_sessions(a.guild.id, ana.id, limit=50))
        assert count == 10
        for n in range(19):  # the arena scheduled one workout of the day already
            opened = await a.discord.slash(a.coach, a.training, "wod post", workout="4x800m",
                                           when=f"in {n + 2} hours")
            done = await a.discord.submit_modal(a.coach, opened.modal, {})
            assert "Scheduled" in done.content
        refused = await a.discord.slash(a.coach, a.training, "wod post", workout="4x800m")
        assert refused.ephemeral and refused.modal is None
        assert "You've posted 20 workouts of the day in the last 10 minutes" in refused.content


def test_count_is_the_actions_in_the_window_now() -> None:
    clock = Clock()
    limiter = RateLimiter(30, dt.timedelta(hours=1), clock, what="logged {n} sessions")
    assert limiter.count("ana") == 0
    limiter.record("ana")
    clock.advance(1800)
    limiter.record("ana")
    assert (limiter.count("ana"), limiter.count("ben")) == (2, 0)
    clock.advance(1800)  # the first leaves the window
    assert limiter.count("ana") == 1


def test_an_action_counted_ahead_is_held_without_a_second_check() -> None:
    clock = Clock()
    limiter = RateLimiter(2, dt.timedelta(minutes=1), clock, what="logged {n} sessions")
    first = limiter.record("ana")
    second = limiter.record("ana")  # at the limit, both counted ahead of their actions
    with limiter.hold("ana", counted=first):
        assert limiter.count("ana") == 2
    with pytest.raises(RuntimeError), limiter.hold("ana", counted=second):
        raise RuntimeError("the action failed")
    assert limiter.count("ana") == 1  # the failed one is uncounted


def test_an_action_taken_back_is_no_longer_counted() -> None:
    clock = Clock()
    limiter = RateLimiter(2, dt.timedelta(minutes=1), clock, what="logged {n} sessions")
    at = limiter.record("ana")
    limiter.record("ana")
    limiter.uncount("ana", at)
    assert limiter.count("ana") == 1
    limiter.uncount("ben", at)  # nothing of ben's: nothing changes
    limiter.uncount("ana", at - dt.timedelta(seconds=1))  # no action then
    assert (limiter.count("ana"), limiter.count("ben")) == (1, 0)
