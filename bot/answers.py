"""Interaction answers over a small pool of kept-alive HTTP/1.1 connections.

Discord wants every interaction acknowledged within 3 s, one HTTP request each. In a burst the
bot's CPU per request is what makes the last one late, and aiohttp's client spends 100-170 µs
of it on each (its request and response objects, URL handling, tracing hooks, timeouts): six to
eight times what a bare exchange on the same loop and sockets costs; `AnswerSession` 2.5 times
(bench/answers.py). It stands in for an `aiohttp.ClientSession` where discord.py answers
interactions (`Interaction._session`): it sends a request with a JSON body on a kept-alive
connection and reads the response with httptools (the HTTP parser uvloop's authors keep, in C).
Everything else it hands to an aiohttp session: bodies that are forms (a file attached to an
answer), proxies.

It behaves as aiohttp does where discord.py can tell: `request()` is an async context manager
whose response has `status`, `reason`, case-insensitive `headers` and `text()`; a connection the
server closes before it answers raises `aiohttp.ServerDisconnectedError` (a request is never
sent twice: an answer sent twice is an error on Discord); a connection that cannot be opened
raises its `OSError`; a request over its time raises `TimeoutError`.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
from collections import deque
from collections.abc import Mapping
from types import TracebackType
from typing import Any, cast
from urllib.parse import urlencode, urlsplit

import aiohttp
import discord
import httptools
from multidict import CIMultiDict, CIMultiDictProxy

# Connections kept open per server. A burst's answers queue for one of these instead of each
# opening its own. Each answers one at a time, so on Discord they answer 64 / (Discord's time for
# one answer) a second: 1,000 at once are all answered in 3 s while one takes under ~190 ms.
# Against the local Discord 16, 32 and 64 did alike; 256 opened more at once and did worse
# (bench/load.py).
CONNECTIONS = 64
# An idle connection is closed after this long (aiohttp's default), before a server that closes
# idle connections does so while a request is on its way.
IDLE_S = 15.0
# aiohttp's defaults for every request: opening a connection, and the whole request.
CONNECT_TIMEOUT_S = 30.0
TIMEOUT_S = 300.0
# An answer's response is an interaction or a message: far under this.
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
USER_AGENT = (
    f"DiscordBot (https://github.com/Rapptz/discord.py {discord.__version__}) Pacer"
)

_Key = tuple[str, str, int]


class AnswerResponse:
    """A response read whole before `async with` hands it over: discord.py reads every answer's
    body at once, so there is nothing to stream."""

    __slots__ = ("_body", "headers", "method", "reason", "status", "url")

    def __init__(self, method: str, url: str, status: int, reason: str,
                 headers: CIMultiDictProxy[str], body: bytes) -> None:
        self.method = method
        self.url = url
        self.status = status
        self.reason = reason
        self.headers = headers
        self._body = body

    async def read(self) -> bytes:
        return self._body

    async def text(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        return self._body.decode(encoding, errors)

    def release(self) -> None:
        """Nothing to release: the body was read with the response."""

    def close(self) -> None:
        """Nothing to close: the connection went back to the pool with the response."""

    def __repr__(self) -> str:
        return f"<AnswerResponse({self.url}) [{self.status} {self.reason}]>"


class _Connection(asyncio.Protocol):
    """One kept-alive connection: one request at a time, its response parsed as it arrives."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.idle_since = 0.0
        self._parser = httptools.HttpResponseParser(self)
        self._waiter: asyncio.Future[tuple[int, str, CIMultiDictProxy[str], bytes]] | None = None
        self._reason = ""
        self._headers: CIMultiDict[str] = CIMultiDict()
        self._body: list[bytes] = []
        self._size = 0
        self.reusable = False

    # -- asyncio.Protocol ----------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not subclasses of asyncio's: a cast, not a check.
        self.transport = cast(asyncio.Transport, transport)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._fail(aiohttp.ServerDisconnectedError())

    def data_received(self, data: bytes) -> None:
        if self._waiter is None:  # nothing asked: a server talking out of turn
            self.close()
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(aiohttp.ClientPayloadError(f"not an HTTP response: {exc}"))
            self.close()

    def eof_received(self) -> bool | None:
        self.closed = True
        return None

    # -- httptools callbacks -------------------------------------------------------------------

    def on_status(self, status: bytes) -> None:
        self._reason += status.decode("latin-1")

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.add(name.decode("latin-1"), value.decode("latin-1"))

    def on_body(self, body: bytes) -> None:
        if self._waiter is None:  # failed already
            return
        self._size += len(body)
        if self._size > MAX_RESPONSE_BYTES:
            self._fail(aiohttp.ClientPayloadError(
                f"response over {MAX_RESPONSE_BYTES} bytes"))
            self.close()
            return
        self._body.append(body)

    def on_message_complete(self) -> None:
        self.reusable = bool(self._parser.should_keep_alive())
        waiter, self._waiter = self._waiter, None
        result = (self._parser.get_status_code(), self._reason, CIMultiDictProxy(self._headers),
                  b"".join(self._body))
        self._reason, self._headers, self._body, self._size = "", CIMultiDict(), [], 0
        if waiter is not None and not waiter.done():
            waiter.set_result(result)

    # -- the session's side --------------------------------------------------------------------

    def send(self, data: bytes) -> asyncio.Future[tuple[int, str, CIMultiDictProxy[str], bytes]]:
        assert self.transport is not None and self._waiter is None
        self.reusable = False
        self._waiter = asyncio.get_running_loop().create_future()
        self.transport.write(data)
        return self._waiter

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    def time_out(self) -> None:
        self._fail(TimeoutError(f"no response within {TIMEOUT_S:g} s"))
        self.close()

    def _fail(self, exc: BaseException) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)


class _Pool:
    """The connections to one server: at most `limit` open; a request waits its turn for one."""

    def __init__(self, key: _Key, limit: int, ssl_context: ssl.SSLContext | None) -> None:
        self.key = key
        self.limit = limit
        self.open = 0
        self.idle: list[_Connection] = []
        self.waiters: deque[asyncio.Future[_Connection | None]] = deque()
        self._ssl = ssl_context

    async def acquire(self, deadline: float) -> _Connection:
        loop = asyncio.get_running_loop()
        while self.idle:
            conn = self.idle.pop()
            if not conn.closed and loop.time() - conn.idle_since < IDLE_S:
                return conn
            self._drop(conn)
        if self.open < self.limit:
            self.open += 1
        else:
            waiter: asyncio.Future[_Connection | None] = loop.create_future()
            self.waiters.append(waiter)
            try:
                async with asyncio.timeout_at(deadline):
                    conn_or_none = await waiter
            except (asyncio.CancelledError, TimeoutError):
                if waiter.done() and not waiter.cancelled():
                    given = waiter.result()
                    if given is not None:
                        self.release(given)
                    else:  # the place kept for us goes to the next
                        self.open -= 1
                        self._wake_one()
                raise
            if conn_or_none is not None:
                return conn_or_none
            # A connection was closed and its place kept for us (_wake_one): ours to open.
        try:
            return await self._connect()
        except BaseException:
            self.open -= 1
            self._wake_one()
            raise

    def release(self, conn: _Connection) -> None:
        if conn.closed or not conn.reusable:
            self._drop(conn)
            self._wake_one()
            return
        conn.idle_since = asyncio.get_running_loop().time()
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(conn)
                return
        self.idle.append(conn)

    def close(self) -> None:
        for conn in self.idle:
            conn.close()
        self.idle.clear()

    def _drop(self, conn: _Connection) -> None:
        conn.close()
        self.open -= 1

    def _wake_one(self) -> None:
        """A place has come free: keep it for the first waiter, to open a connection in (a
        request arriving before that waiter runs must not take it too)."""
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                self.open += 1
                waiter.set_result(None)
                return

    async def _connect(self) -> _Connection:
        _, host, port = self.key
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(CONNECT_TIMEOUT_S):
            _, conn = await loop.create_connection(
                _Connection, host, port, ssl=self._ssl,
                server_hostname=host if self._ssl is not None else None)
        return conn


class AnswerSession:
    """What discord.py's webhook adapter needs of an `aiohttp.ClientSession`, for answers."""

    def __init__(self, limit: int = CONNECTIONS, *,
                 fallback: aiohttp.ClientSession | None = None,
                 all_through_aiohttp: bool = False,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self.limit = limit
        self._fallback = fallback
        # Every request through aiohttp's client (a pool of the same size): the answers as they
        # were sent before, for comparing the two in one run (bench/load.py).
        self._all_through_aiohttp = all_through_aiohttp
        self._pools: dict[_Key, _Pool] = {}
        self._origins: dict[str, _Pool] = {}
        # For https: the system's certificate authorities, verified (as aiohttp does).
        self._ssl = ssl_context
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def connections(self) -> int:
        """Connections open now, over every server."""
        return sum(pool.open for pool in self._pools.values())

    def request(self, method: str, url: str, *, data: Any = None,
                headers: Mapping[str, str] | None = None,
                params: Mapping[str, str] | None = None, **options: Any) -> Any:
        """As `aiohttp.ClientSession.request`: `async with session.request(...) as response`."""
        if self._closed:
            raise RuntimeError("the answer session is closed")
        if (self._all_through_aiohttp or not (data is None or isinstance(data, str | bytes))
                or any(options.values())):
            # A form (a file attached) or a proxy: aiohttp's whole client.
            return self._aiohttp().request(method, url, data=data, headers=headers,
                                           params=params, **options)
        return _Request(self, method, url, data, headers, params)

    async def close(self) -> None:
        self._closed = True
        for pool in self._pools.values():
            pool.close()
        if self._fallback is not None:
            await self._fallback.close()

    def _aiohttp(self) -> aiohttp.ClientSession:
        if self._fallback is None:
            self._fallback = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.limit),
                cookie_jar=aiohttp.DummyCookieJar())
        return self._fallback

    def _pool(self, scheme: str, host: str, port: int) -> _Pool:
        key = (scheme, host, port)
        pool = self._pools.get(key)
        if pool is None:
            context = None
            if scheme == "https":
                if self._ssl is None:
                    self._ssl = ssl.create_default_context()
                context = self._ssl
            pool = self._pools[key] = _Pool(key, self.limit, context)
        return pool

    def _origin(self, url: str) -> tuple[_Pool, str, str]:
        """The pool for `url`'s server, its Host header and the request target. The server
        part is read once per origin: every answer goes to the same one."""
        scheme, _, rest = url.partition("://")
        netloc, _, path = rest.partition("/")
        target = "/" + path
        if not target.isprintable() or " " in target:
            raise aiohttp.InvalidURL(url)
        key = f"{scheme}://{netloc}"
        pool = self._origins.get(key)
        if pool is None:
            parts = urlsplit(key)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise aiohttp.InvalidURL(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            pool = self._origins[key] = self._pool(parts.scheme, parts.hostname, port)
        return pool, netloc, target

    async def _send(self, method: str, url: str, body: bytes,
                    headers: Mapping[str, str] | None) -> AnswerResponse:
        pool, host, target = self._origin(url)
        lines = [f"{method} {target} HTTP/1.1", f"Host: {host}",
                 f"User-Agent: {USER_AGENT}", f"Content-Length: {len(body)}"]
        for name, value in (headers or {}).items():
            if "\r" in value or "\n" in value or "\r" in name or "\n" in name or ":" in name:
                raise ValueError(f"invalid header {name!r}")
            lines.append(f"{name}: {value}")
        request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT_S
        conn = await pool.acquire(deadline)
        # A timer, not asyncio.timeout: a cancelled scope costs more than the rest of a request.
        timer = loop.call_at(deadline, conn.time_out)
        try:
            status, reason, got, content = await conn.send(request)
        except BaseException:
            conn.close()  # whatever was on its way, this connection is done
            raise
        finally:
            timer.cancel()
            pool.release(conn)
        return AnswerResponse(method, url, status, reason, got, content)


@functools.lru_cache(maxsize=64)
def _encoded(params: tuple[tuple[str, str], ...]) -> str:
    return urlencode(params)


def _query(params: Mapping[str, str]) -> str:
    """The query string: the same few parameters on every answer, encoded once."""
    try:
        return _encoded(tuple(params.items()))
    except TypeError:  # a value that cannot be a cache key
        return urlencode(params)


class _Request:
    """`session.request(...)`: the request is made when its context is entered."""

    __slots__ = ("_body", "_headers", "_method", "_session", "_url")

    def __init__(self, session: AnswerSession, method: str, url: str, data: str | bytes | None,
                 headers: Mapping[str, str] | None, params: Mapping[str, str] | None) -> None:
        self._session = session
        self._method = method.upper()
        self._url = url if not params else f"{url}{'&' if '?' in url else '?'}{_query(params)}"
        self._body = data.encode() if isinstance(data, str) else (data or b"")
        self._headers = headers

    async def __aenter__(self) -> AnswerResponse:
        return await self._session._send(self._method, self._url, self._body, self._headers)

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        return None
