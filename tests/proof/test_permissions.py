"""Who may do what: every command, button and menu against the six kinds of caller, with the
expected answer; a denied action changes nothing in the database."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.localdiscord import CommandRefused, Reply
from tests.proof.arena import Arena, arena

ACTORS = ("coach", "athlete", "owner", "hidden", "stranger", "dm", "admin")
# action: the callers allowed (the others must be refused, by Discord's client or by Pacer).
MATRIX: dict[str, set[str]] = {
    "/log": {"coach", "athlete", "owner", "hidden", "stranger", "admin"},
    "/sessions of the owner": {"coach", "athlete", "owner", "hidden", "admin"},
    "/sessions of the hidden athlete": {"coach", "hidden", "admin"},
    "/session show": {"coach", "athlete", "owner", "hidden", "admin"},
    "/session show of the hidden athlete": {"coach", "hidden", "admin"},
    "/session edit": {"coach", "owner", "admin"},
    "/session delete": {"coach", "owner", "admin"},
    "/progress of the hidden athlete": {"coach", "hidden", "admin"},
    "/wod post": {"coach", "admin"},
    "/wod edit": {"coach", "admin"},
    "/wod cancel": {"coach", "admin"},
    "/wod settings": {"coach", "admin"},
    "/pacer setup": {"admin"},
    "Log splits menu on the owner's message": {"coach", "owner", "admin"},
    "Log my splits button": {"coach", "athlete", "owner", "hidden", "admin"},
    "My targets button": {"coach", "athlete", "owner", "hidden", "admin"},
}


def snapshot(a: Arena) -> list[str]:
    with contextlib.closing(sqlite3.connect(a.bot.db_path)) as db:
        return list(db.iterdump())


class Failures(logging.Handler):
    """The interactions Pacer answered with an error (bot.tree logs each one it refuses)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.ids: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("interaction %s (%s) failed"):
            self.ids.add(int(record.args[0]))  # type: ignore[index]


@pytest.fixture
def failures() -> Iterator[Failures]:
    handler = Failures()
    logger = logging.getLogger("bot.tree")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def test_permission_matrix(tmp_path: Path, failures: Failures) -> None:
    async with arena(tmp_path, athletes=3) as a:
        d = a.discord
        owner, athlete, hidden = a.athletes
        other = d.add_guild("Other Club")
        stranger = other.add_member("sam")
        elsewhere = other.add_channel("general")
        loner = d.add_user("dora")
        guild_of = {"coach": a.coach, "athlete": athlete, "owner": owner, "hidden": hidden,
                    "admin": a.admin}
        await d.slash(hidden, a.training, "profile", private=True)
        secret = await d.slash(hidden, a.training, "log", splits="3:01 3:02",
                               workout="2x1000m")
        secret_id = int(secret.embeds[0]["footer"]["text"].split("#")[1].split()[0])
        message = await d.say(owner, a.training, "6x400 today: 75 76 74 75 73 72")
        opened = await d.slash(a.coach, a.training, "wod post", workout="5x1000m @ 3:30")
        await d.submit_modal(a.coach, opened.modal, {})
        wod_post = d.world.messages[max(m.id for m in a.training.visible_messages()
                                        if m.buttons())]

        def where(actor: str) -> tuple[Any, Any]:
            if actor == "stranger":
                return stranger, elsewhere
            if actor == "dm":
                return loner, d.dm(loner)
            return guild_of[actor], a.training

        def slash(command: str, **values: Any) -> Callable[[str], Awaitable[Reply]]:
            async def run(actor: str) -> Reply:
                who, channel = where(actor)
                return await d.slash(who, channel, command, **values)
            return run

        async def menu(actor: str) -> Reply:
            who, _ = where(actor)
            return await d.context_menu(who, message, "Log splits")

        def button(label: str) -> Callable[[str], Awaitable[Reply]]:
            async def run(actor: str) -> Reply:
                who, _ = where(actor)
                return await d.press(who, wod_post, label)
            return run

        fresh: dict[str, int] = {}

        async def new_wod() -> None:
            # A workout of the day of its own for each caller: a cancel by one is not a refusal
            # of the next.
            opened = await d.slash(a.coach, a.training, "wod post", workout="3x1 mile",
                                   when="next monday 7am")
            await d.submit_modal(a.coach, opened.modal, {})
            latest = await a.bot.store.list_wods(a.guild.id, statuses=("scheduled",), limit=50)
            fresh["wod"] = max(w.id for w in latest)

        async def cancel(actor: str) -> Reply:
            return await slash("wod cancel", id=fresh["wod"])(actor)

        prepare = {"/wod cancel": new_wod}

        actions: dict[str, Callable[[str], Awaitable[Reply]]] = {
            "/log": slash("log", splits="2:31 2:32"),
            "/sessions of the owner": slash("sessions", athlete=owner),
            "/sessions of the hidden athlete": slash("sessions", athlete=hidden),
            "/session show": slash("session show", id=a.session_id),
            "/session show of the hidden athlete": slash("session show", id=secret_id),
            "/session edit": slash("session edit", id=a.session_id, notes="changed"),
            "/session delete": slash("session delete", id=a.session_id),
            "/progress of the hidden athlete": slash("progress", workout="2x1000m",
                                                     athlete=hidden),
            "/wod post": slash("wod post", workout="4x800m"),
            "/wod edit": slash("wod edit", id=a.wod_id, title="changed"),
            "/wod cancel": cancel,
            "/wod settings": slash("wod settings", late_window_hours=3),
            "/pacer setup": slash("pacer setup", units="mi"),
            "Log splits menu on the owner's message": menu,
            "Log my splits button": button("Log my splits"),
            "My targets button": button("My targets"),
        }
        assert set(actions) == set(MATRIX)
        wrong: list[str] = []
        why: dict[tuple[str, str], str] = {}
        for name, act in actions.items():
            for actor in ACTORS:
                if name in prepare:
                    await prepare[name]()
                before = snapshot(a)
                try:
                    reply: Reply | None = await act(actor)
                except CommandRefused as exc:
                    reply = None  # Discord's client does not offer it
                    why[(name, actor)] = str(exc)
                denied = reply is None or (reply.id in failures.ids and reply.ephemeral)
                if reply is not None and not denied and name.startswith("/sessions of the hidden"):
                    denied = "3:01" not in str(reply.embeds) + str(reply.content)
                if reply is not None and not denied and name.startswith("/progress of the hidden"):
                    denied = not reply.embeds and not reply.files
                if denied == (actor in MATRIX[name]):
                    wrong.append(f"{name} by {actor}: {'denied' if denied else 'allowed'} "
                                 f"({reply.content if reply else why[(name, actor)]})")
                if denied and snapshot(a) != before:
                    wrong.append(f"{name} by {actor}: denied but the database changed")
                if reply is not None and reply.modal is not None:
                    reply.modal.submitted = True  # left unsubmitted: the user closed it
        assert wrong == [], "\n".join(wrong)
