"""A corpus of hostile inputs, kept as tests: each is read correctly or refused with a clear
message; as notes it is stored exactly and echoed back escaped, pinging nobody."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from bot.training import ParseError, parse_splits, parse_workout
from tests.proof.arena import arena
from tests.proof.fuzzing import feed

# (name, splits text, what it reads as or None when it must be refused)
SPLITS = [
    ("zero-width space", "2:26\u200b 2:28", (146.0, 148.0)),
    ("right-to-left override", "\u202e2:26 2:28", (146.0, 148.0)),
    ("bidi isolates", "2:26\u2066 2:28\u2069", (146.0, 148.0)),
    ("byte-order mark", "\ufeff2:26 2:28", (146.0, 148.0)),
    ("full-width digits", "２：２６ ／ ２：２８", (146.0, 148.0)),
    ("emoji between", "2:26 🏃‍♀️ 2:28 🔥", (146.0, 148.0)),
    ("markdown", "**2:26** ~~2:28~~", (146.0, 148.0)),
    ("code block", "```2:26 2:28```", (146.0, 148.0)),
    ("@everyone", "@everyone 2:26 2:28", (146.0, 148.0)),
    ("SQL", "2:26 2:28'); DROP TABLE sessions;--", (146.0, 148.0)),
    ("NUL", "2:26\x00 2:28", (146.0, 148.0)),
    ("CRLF", "2:26\r\n2:28", (146.0, 148.0)),
    ("role mention", "<@&123456789012345678> 2:26 2:28", None),
    ("terminal escape", "2:26\x1b[2J 2:28", None),
    ("Arabic-Indic digits", "٢:٢٦ ٢:٢٨", None),
    ("nothing but emoji", "🏃🏃🏃", None),
    ("nested brackets", "(" * 400 + "2:26" + ")" * 400, (146.0,)),
]
WORKOUTS = [
    ("full-width", "６ｘ４００ｍ", "6 × 400 m"),
    ("zero-width", "6x400m @ 75 \u200b", "6 × 400 m @ 75"),
    ("mentions", "6x400 <@&1> @everyone", "6 × 400 m"),
    # Discord's markup carries numbers that are no reps: `<@&55>` once read as 55 m.
    ("a role mention's number", "2x1k <@&55>", "2 × 1000 m"),
    ("a member, a channel, an emoji, a timestamp",
     "<@!123> 6 x 400 @ 70 <#99> <:fire:12345> <t:1700000000:R>", "6 × 400 m @ 70"),
    ("right-to-left", "\u202e6x400", "6 × 400 m"),
    # Digits of other scripts are digits: once a colon before one made the lexer crash.
    ("Arabic-Indic digits", "٦ x ٤٠٠ @ ١:٠٥", "6 × 400 m @ 65"),
    # Accented letters are the letters (`récup` is no `r`, `é`, `cup`).
    ("accents", "6 x 400 récup 1’", "6 × 400 m, 1 min recovery"),
    ("Devanagari digit after a colon", "6 x 400 @ 1:०५", "6 × 400 m @ 65"),
    ("Arabic-Indic digit after a colon", "6 x 400 in 1:٣", "6 × 400 m"),
    # Discord's bold, strike-through and bullets are marks around the workout.
    ("markdown", "**6x400** ~~@ 80~~ @ 75", "6 × 400 m @ 75"),
    ("a bullet", "* 6x400", "6 × 400 m"),
    ("a 400-digit number", "6x" + "4" * 400, None),
    ("a chain of counts", "3 times" * 570, None),
    ("nine counts in a row", "2 x " * 9 + "400", None),
    ("deep brackets", "(" * 1000 + "6x400" + ")" * 1000, None),
]
NOTES = [
    "@everyone @here look at this",
    "<@123456789012345678> <@&987654321098765432> <#1234>",
    "``` closing the block\n# heading\n> quote ||spoiler||",
    "'; DROP TABLE sessions; -- \" OR 1=1",
    "\u202eright to left\u202c and \u200bzero\u200bwidth",
    "emoji 🏃‍♀️🔥👍🏽 and full-width ２：２６",
    "control \x07 bell \x1b[31m red",
    "x" * 500,
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SPLITS],
                         ids=[c[0] for c in SPLITS])
def test_hostile_splits_are_read_or_refused_clearly(text: str, expected: tuple | None) -> None:
    if expected is None:
        with pytest.raises(ParseError) as refused:
            parse_splits(text)
        assert "Try:" in str(refused.value) and refused.value.hint
    else:
        assert parse_splits(text).splits_s == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in WORKOUTS],
                         ids=[c[0] for c in WORKOUTS])
def test_hostile_workouts_are_read_or_refused_clearly(text: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(ParseError) as refused:
            parse_workout(text)
        assert "Try:" in str(refused.value)
    else:
        assert parse_workout(text).describe() == expected


async def test_hostile_text_through_discord(tmp_path: Path) -> None:
    async with arena(tmp_path, athletes=4) as a:
        for name, text, expected in SPLITS:
            if len(text) > 1000:
                continue  # Discord's client refuses it before Pacer sees it
            reply, problems = await a.call("log", {"splits": text})
            assert problems == [], name
            if expected is None:
                assert reply.ephemeral and "Couldn't read the splits" in reply.content, name
            else:
                assert not reply.ephemeral, (name, reply.content)
        for i, note in enumerate(NOTES):
            reply, problems = await a.call("log", {"splits": "2:26 2:28", "notes": note})
            assert problems == [] and not reply.ephemeral, note
            session_id = int(reply.embeds[0]["footer"]["text"].split("#")[1].split()[0])
            shown = await a.discord.slash(a.athletes[(a.calls) % len(a.athletes)], a.training,
                                          "session show", id=session_id)
            field = next(f for f in shown.embeds[0]["fields"]
                         if f["name"] == "Notes from the athlete")
            assert "```" not in field["value"] and "@everyone" not in field["value"], i
            assert shown.message.pings().nobody
        with contextlib.closing(sqlite3.connect(a.bot.db_path)) as db:
            stored = [r[0] for r in db.execute(
                "SELECT notes FROM sessions WHERE notes IS NOT NULL ORDER BY id")]
    assert stored == [n.strip() for n in NOTES]  # exactly as typed, SQL included


# Inputs the fuzz bench found to raise or to take seconds, kept so that they stay fixed.
FOUND_BY_FUZZING = [
    "400" * 103,  # an infinite count: OverflowError
    "3 times" * 255,  # a chain of counts: 7 s (cubic)
    "3 times" * 570,  # deeper: RecursionError
    "1.２：２６1.２：２６",  # a clock read from a dot: ValueError
    "1:05.41:05.41:05.41:05.4",
]


@pytest.mark.parametrize("text", FOUND_BY_FUZZING, ids=range(len(FOUND_BY_FUZZING)))
@pytest.mark.parametrize("parser", ["workout", "log", "splits"])
def test_what_fuzzing_found_stays_fixed(parser: str, text: str) -> None:
    feed(parser, text)  # raises Unexpected for anything but a clear refusal
