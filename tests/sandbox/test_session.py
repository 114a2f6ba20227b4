"""A scripted sandbox session: what a person types, and the transcript Pacer's replies make."""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

from bot.pacer import InThreadCharts
from bot.sandbox.run import run_sandbox
from bot.sandbox.session import stable_id
from bot.settings import Settings

from .sandbox_cog import PNG

COG = "tests.sandbox.sandbox_cog"
# The test cog stands in for Pacer's own commands (same names), so only /help comes along.
EXTENSIONS = ("cogs.meta",)


async def feed(lines: Iterable[str]) -> AsyncIterator[str]:
    for line in lines:
        yield line + "\n"


async def transcript(tmp_path: Path, script: str) -> str:
    out = io.StringIO()
    status = await run_sandbox(
        Settings(db_path=str(tmp_path / "sandbox.db")),
        lines=feed(script.splitlines()),
        out=out,
        files_dir=tmp_path / "files",
        interactive=False,
        extensions=(*EXTENSIONS, COG),
        charts=InThreadCharts(),
    )
    assert status == 0
    return out.getvalue()


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start) + len(start))]


async def test_scripted_session_reads_as_a_transcript(tmp_path: Path) -> None:
    script = "\n".join(
        [
            "/log splits: 2:26 2:28 2:26 workout: 6 x 1000m w/ 500m rec",
            "/drill post workout: 5 x 1 mile",
            "@coach",
            "/drill post workout: 5 x 1 mile",
            "@ana",
            "press Log my splits",
            "5:40 5:38",
            "",
            "/chart",
            "/sessions athlete: an?",
            "2:26 2:28 (typed in the channel)",
            "menu Log as splits",
            "menu Profile on @coach",
            "/log workout: no splits",
            "quit",
            "/ping",
        ]
    )
    text = await transcript(tmp_path, script)
    assert text.startswith("Pacer sandbox: #training on a local Discord")
    # Each typed line is echoed after the speaker's name, so the output reads as a transcript.
    assert "you> /log splits: 2:26 2:28 2:26 workout: 6 x 1000m w/ 500m rec\nPacer:\n" in text
    session = between(text, "you> /log", "you> /drill")
    assert "┌─ Session " in session and "6 x 1000m w/ 500m rec × 1" in session
    assert "│ Splits" in session and "│   2:26 2:28 2:26" in session
    # `you` is not a coach: the role check answers ephemerally; @coach can post.
    refused = between(text, "you> /drill post", "you> @coach")
    assert "(only you can see this)" in refused and "You need the coach role" in refused
    posted = between(text, "coach> /drill post", "coach> @ana")
    assert "WOD: 5 x 1 mile" in posted and "[ Log my splits ]" in posted
    # The modal's fields are answered on the lines that follow; an empty line leaves one empty.
    assert "Form “Log splits”" in text
    assert "  Splits: 5:40 5:38\n  Notes: \nPacer:\n  logged 5:40 5:38 (no notes)\n" in text
    # A deferred answer with a file: the file is saved and its path shown.
    chart = between(text, "ana> /chart", "ana> /sessions")
    saved = tmp_path / "files" / "c.png"
    assert f"📎 {saved}" in chart and saved.read_bytes() == PNG
    assert "Suggestions: ana, andre" in text
    assert "splits: 2:26 2:28 (typed in the channel)" in text
    assert "profile of coach" in text
    # A line Discord's client would not send says what works, and nothing reaches the bot.
    assert "/log needs splits: Use: /log splits: …" in text
    # `quit` ends the session: nothing after it runs.
    assert "/ping" not in text.split("ana> quit")[1]


async def test_members_keep_their_ids_between_runs(tmp_path: Path) -> None:
    first = await transcript(tmp_path, "@zoe\n/whoami\n@ana\n/whoami who: @zoe")
    second = await transcript(tmp_path, "@ana\n/whoami\n/whoami who: zoe")
    ids = re.findall(r"(\w+) is (\d+)", first + second)
    assert set(ids) == {("zoe", str(stable_id("zoe"))), ("ana", str(stable_id("ana")))}
    assert (tmp_path / "sandbox.db").exists()


async def test_what_was_stored_is_there_next_time(tmp_path: Path) -> None:
    first = await transcript(tmp_path, "@ana\n/join\n@ben\n/join\n/roster")
    assert "roster: ana, ben; coach role @coach" in first
    second = await transcript(tmp_path, "/roster")
    assert "roster: ana, ben; coach role @coach" in second


async def test_select_menus_are_picked_by_label(tmp_path: Path) -> None:
    text = await transcript(tmp_path, "/pace\npick fast\npick Tempo")
    assert "  choose\n  [ Pick a pace ▾ Easy | Tempo ]\n" in text
    assert "No menu offers fast on the messages shown so far." in text
    assert "Pacer (edited):\n  pace: tempo\n" in text


async def test_bad_lines_are_explained_and_the_session_goes_on(tmp_path: Path) -> None:
    text = await transcript(tmp_path, "/nope\npress Nothing\nmenu Log as splits\n/ping")
    assert "There is no command /nope. Commands: " in text and "/ping" in text
    assert "No button “Nothing” on the messages shown so far." in text
    assert "Type a message first" in text
    assert text.rstrip().endswith("Pong: Pacer is awake.")


async def test_a_new_run_logs_new_sessions(tmp_path: Path) -> None:
    """Message and interaction ids grow from one run to the next, as Discord's do: a /log in a
    later run on the same database is a new session, not taken for one already stored."""
    script = "@ana\n/log splits: 70 71 workout: 2 x 400"
    out = io.StringIO()
    for _ in range(2):
        await run_sandbox(
            Settings(db_path=str(tmp_path / "sandbox.db")),
            lines=feed(script.splitlines()),
            out=out,
            files_dir=tmp_path / "files",
            interactive=False,
            charts=InThreadCharts(),
        )
    assert "Session #1" in out.getvalue() and "Session #2" in out.getvalue()
    assert "Already logged" not in out.getvalue()
