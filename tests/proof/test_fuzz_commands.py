"""Fuzzing the text options of Pacer's commands through the local Discord (fixed seed; the full
run is bench/fuzz.py): every call is answered, nothing goes over Discord's limits, nothing is
logged as an error, nobody is pinged."""

from __future__ import annotations

from pathlib import Path

from tests.proof.arena import arena
from tests.proof.fuzzing import command_call, draw, option_text

CALLS = 60


async def test_fuzzed_commands_answer_within_limits(tmp_path: Path) -> None:
    calls = draw(command_call(), CALLS, seed=20260715)
    notes = draw(option_text(1000), CALLS, seed=7)
    assert {name for name, _ in calls} >= {"log", "wod post", "session edit"}
    async with arena(tmp_path, athletes=5) as a:
        for (name, values), text in zip(calls, notes, strict=True):
            _, problems = await a.call(name, values, modal_text=text)
            assert problems == [], (name, values)


async def test_arena_reports_what_goes_wrong(tmp_path: Path) -> None:
    async with arena(tmp_path) as a:
        reply, problems = await a.call("log", {"splits": "2:26 2:27"})
        assert problems == [] and not reply.ephemeral
        a.discord.fail_next("POST", r"/interactions/.*/callback", status=400, code=50035,
                            message="Invalid Form Body")
        _, problems = await a.call("log", {"splits": "2:29 2:27"})
        assert problems and any("refused" in p or "not answered" in p or "logged" in p
                                for p in problems)
