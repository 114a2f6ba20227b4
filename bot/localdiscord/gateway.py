"""The gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME, and dispatches.

Frames are plain-text JSON (discord.py asks for zlib/zstd but only inflates binary frames).
Events dispatched while the bot is disconnected are kept and replayed on RESUME, as Discord does.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from . import wire
from .state import DM, Guild, World

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, RESUME = 0, 1, 2, 3, 6
RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 7, 8, 9, 10, 11
HEARTBEAT_INTERVAL_MS = 41_250

# Intents (https://discord.com/developers/docs/events/gateway#gateway-intents).
GUILDS = 1 << 0
GUILD_MEMBERS = 1 << 1
GUILD_MESSAGES = 1 << 9
DIRECT_MESSAGES = 1 << 12
MESSAGE_CONTENT = 1 << 15

_EVENT_INTENTS = {
    "GUILD_CREATE": GUILDS,
    "GUILD_ROLE_CREATE": GUILDS,
    "CHANNEL_CREATE": GUILDS,
    "CHANNEL_UPDATE": GUILDS,
    "CHANNEL_DELETE": GUILDS,
    "GUILD_MEMBER_ADD": GUILD_MEMBERS,
    "GUILD_MEMBER_UPDATE": GUILD_MEMBERS,
}
# Message events need GUILD_MESSAGES in a guild, DIRECT_MESSAGES in a DM.
_MESSAGE_EVENTS = frozenset({"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE"})


@dataclass(eq=False)
class Session:
    id: str
    intents: int
    shard: list[int] | None
    seq: int = 0
    #  Every dispatched frame, so that a RESUME can replay what the bot missed.
    log: list[dict[str, Any]] = field(default_factory=list)
    outbox: asyncio.Queue[dict[str, Any] | None] | None = None
    socket: web.WebSocketResponse | None = None
    invalid: bool = False


class Gateway:
    def __init__(
        self,
        world: World,
        token: str,
        url: Callable[[], str],
        notify: Callable[[], None],
    ) -> None:
        self.world = world
        self.token = token
        self._url = url
        self._notify = notify
        self._session_ids = itertools.count(1)
        self.sessions: dict[str, Session] = {}
        self.current: Session | None = None
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0
        self._sockets: set[web.WebSocketResponse] = set()

    @property
    def connected(self) -> bool:
        session = self.current
        return session is not None and session.socket is not None and not session.socket.closed

    # -- sending --------------------------------------------------------------------------------
    def _needed(self, event: str, guild: Guild | None) -> int:
        """The intent an event needs (0: none)."""
        if event in _MESSAGE_EVENTS:
            return GUILD_MESSAGES if guild is not None else DIRECT_MESSAGES
        return _EVENT_INTENTS.get(event, 0)

    def delivers(self, event: str, guild: Guild | None = None) -> bool:
        """Whether `dispatch(event, ...)` would reach the bot (now, or on its RESUME): callers
        need not build the event's data otherwise."""
        session = self.current
        if session is None or session.invalid:
            return False
        needed = self._needed(event, guild)
        return not needed or bool(session.intents & needed)

    def dispatch(self, event: str, data: dict[str, Any], guild: Guild | None = None) -> None:
        """Queue an event for the bot (kept for RESUME if it is disconnected)."""
        if not self.delivers(event, guild):
            return
        session = self.current
        assert session is not None
        if event == "GUILD_CREATE" and guild is not None and not session.intents & GUILD_MEMBERS:
            data = guild.to_dict(all_members=False)  # without the intent: only the bot member
        if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE"):
            data = self._redact_content(session, data)
        session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        session.log.append(frame)
        if session.outbox is not None:
            session.outbox.put_nowait(frame)

    def _redact_content(self, session: Session, data: dict[str, Any]) -> dict[str, Any]:
        """Without the message content intent the bot sees content only in DMs and mentions."""
        if session.intents & MESSAGE_CONTENT:
            return data
        channel = self.world.channels.get(int(data["channel_id"]))
        bot_id = str(self.world.bot.id)
        mentioned = any(u["id"] == bot_id for u in data.get("mentions", []))
        if (
            (channel is not None and channel.type == DM)
            or mentioned
            or data["author"]["id"] == bot_id
        ):
            return data
        return {**data, "content": "", "embeds": [], "attachments": [], "components": []}

    async def drop(self, *, resumable: bool = True) -> None:
        """Close the bot's connection as a network fault would (code 4000). If not resumable, the
        next RESUME is answered with INVALID_SESSION and the bot must identify again."""
        session = self.current
        if session is None or session.socket is None:
            raise RuntimeError("the bot is not connected to the gateway")
        if not resumable:
            session.invalid = True
        await session.socket.close(code=4000, message=b"dropped by the test")

    async def close_all(self) -> None:
        for socket in list(self._sockets):
            await socket.close(code=1001)

    # -- connection -----------------------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(max_msg_size=0)
        await socket.prepare(request)
        self._sockets.add(socket)
        outbox: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        writer = asyncio.create_task(
            self._write(socket, outbox), name="localdiscord-gateway-writer"
        )
        outbox.put_nowait({"op": HELLO, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}})
        session: Session | None = None
        try:
            async for message in socket:
                if message.type is not WSMsgType.TEXT:
                    continue
                frame = wire.loads(message.data)
                op = frame.get("op")
                if op == HEARTBEAT:
                    self.heartbeats += 1
                    outbox.put_nowait({"op": HEARTBEAT_ACK})
                elif op == IDENTIFY:
                    session = await self._identify(socket, outbox, frame["d"])
                elif op == RESUME:
                    session = await self._resume(socket, outbox, frame["d"])
                elif op == REQUEST_MEMBERS:
                    self._request_members(outbox, frame["d"])
                elif op == PRESENCE:
                    pass
                else:
                    log.warning("unknown gateway op %s", op)
        finally:
            if session is not None and session.socket is socket:
                session.socket = None
                session.outbox = None
            outbox.put_nowait(None)
            with contextlib.suppress(Exception):
                await writer
            self._sockets.discard(socket)
            self._notify()
        return socket

    async def _write(
        self, socket: web.WebSocketResponse, outbox: asyncio.Queue[dict[str, Any] | None]
    ) -> None:
        while (frame := await outbox.get()) is not None:
            if socket.closed:
                return
            await socket.send_str(wire.dumps_text(frame))

    async def _identify(
        self,
        socket: web.WebSocketResponse,
        outbox: asyncio.Queue[dict[str, Any] | None],
        data: dict[str, Any],
    ) -> Session | None:
        if data.get("token") != self.token:
            await socket.close(code=4004, message=b"Authentication failed.")
            return None
        session = Session(
            id=f"session-{next(self._session_ids)}",
            intents=int(data.get("intents", 0)),
            shard=data.get("shard"),
        )
        self.sessions[session.id] = session
        self.current = session
        self.identifies += 1
        guilds = list(self.world.guilds.values())
        ready: dict[str, Any] = {
            "v": 10,
            "user": {
                **self.world.bot.to_dict(),
                "verified": True,
                "mfa_enabled": False,
                "flags": 0,
            },
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self._url(),
            "application": {"id": str(self.world.bot.id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "geo_ordered_rtc_regions": [],
        }
        if session.shard is not None:
            ready["shard"] = session.shard
        session.socket = socket
        session.outbox = outbox
        self.dispatch("READY", ready)
        if session.intents & GUILDS:
            all_members = bool(session.intents & GUILD_MEMBERS)
            for guild in guilds:
                self.dispatch("GUILD_CREATE", guild.to_dict(all_members=all_members), guild)
        self._notify()
        return session

    async def _resume(
        self,
        socket: web.WebSocketResponse,
        outbox: asyncio.Queue[dict[str, Any] | None],
        data: dict[str, Any],
    ) -> Session | None:
        session = self.sessions.get(data.get("session_id", ""))
        if data.get("token") != self.token:
            await socket.close(code=4004, message=b"Authentication failed.")
            return None
        if session is None or session.invalid or session is not self.current:
            outbox.put_nowait({"op": INVALID_SESSION, "d": False})
            return None
        self.resumes += 1
        session.socket = socket
        session.outbox = outbox
        seen = int(data.get("seq") or 0)
        for frame in session.log:
            if frame["s"] > seen:
                outbox.put_nowait(frame)
        self.dispatch("RESUMED", {})
        self._notify()
        return session

    def _request_members(
        self, outbox: asyncio.Queue[dict[str, Any] | None], data: dict[str, Any]
    ) -> None:
        guild = self.world.guilds.get(int(data["guild_id"]))
        if guild is None:
            return
        members = list(guild.members.values())
        wanted = data.get("user_ids")
        if wanted:
            ids = {int(u) for u in (wanted if isinstance(wanted, list) else [wanted])}
            members = [m for m in members if m.id in ids]
        elif data.get("query"):
            members = [m for m in members if m.name.startswith(data["query"])]
        limit = data.get("limit") or 0
        if limit:
            members = members[:limit]
        session = self.current
        if session is None:
            return
        session.seq += 1
        payload: dict[str, Any] = {
            "guild_id": str(guild.id),
            "members": [m.to_dict() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
        }
        if data.get("nonce"):
            payload["nonce"] = data["nonce"]
        frame = {"op": DISPATCH, "t": "GUILD_MEMBERS_CHUNK", "s": session.seq, "d": payload}
        session.log.append(frame)
        outbox.put_nowait(frame)
