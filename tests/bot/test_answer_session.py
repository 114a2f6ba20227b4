"""The answer session speaks HTTP/1.1 as discord.py's webhook adapter expects of aiohttp."""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import discord
import pytest
from discord.http import Route
from discord.webhook.async_ import AsyncWebhookAdapter

from bot import answers, eventloop
from bot.answers import AnswerSession

Handler = Callable[[bytes, asyncio.StreamWriter], Awaitable[None]]
TLS = Path(__file__).parent / "tls"  # a self-signed certificate for localhost, for tests only
LOOPS = [pytest.param(True, id="uvloop"), pytest.param(False, id="asyncio")]


def ok(body: bytes = b'{"ok": true}', *, extra: str = "", status: str = "200 OK") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n{extra}\r\n").encode() + body


class Server:
    """A scripted HTTP server: each request (read whole) goes to `handler`; requests and
    connections are counted."""

    def __init__(self, handler: Handler, *, tls: ssl.SSLContext | None = None) -> None:
        self.handler = handler
        self.tls = tls
        self.requests: list[bytes] = []
        self.connections = 0
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> Server:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.tls)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()

    @property
    def url(self) -> str:
        assert self.server is not None
        port = self.server.sockets[0].getsockname()[1]
        return f"{'https' if self.tls else 'http'}://localhost:{port}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                request = head + await reader.readexactly(length)
                self.requests.append(request)
                await self.handler(request, writer)
                if writer.is_closing():
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def run(coro: Awaitable[Any], uv: bool) -> Any:
    async def main() -> Any:
        return await coro
    return eventloop.run(main(), prefer_uvloop=uv)


async def closing(body: bytes, writer: asyncio.StreamWriter) -> None:
    """Answers, then closes the connection, as its response says."""
    writer.write(ok(extra="Connection: close\r\n"))
    await writer.drain()
    writer.close()


async def answering(body: bytes, writer: asyncio.StreamWriter) -> None:
    writer.write(ok(b'{"echo": %d}' % len(body)))


@pytest.mark.parametrize("uv", LOOPS)
def test_a_json_request_is_sent_whole_and_its_response_read(uv: bool) -> None:
    async def go() -> None:
        async with Server(answering) as server:
            session = AnswerSession(4)
            url = server.url + "/api/v10/interactions/1/tok/callback"
            async with session.request("POST", url, data='{"type": 5}',
                                       headers={"Content-Type": "application/json"},
                                       params={"with_response": "1"}) as response:
                assert response.status == 200 and response.reason == "OK"
                assert response.headers["content-type"] == "application/json"  # any case
                text = await response.text(encoding="utf-8")
            await session.close()
        request = server.requests[0]
        assert request.startswith(
            b"POST /api/v10/interactions/1/tok/callback?with_response=1 HTTP/1.1\r\n")
        assert b"\r\nContent-Type: application/json\r\n" in request
        assert b"\r\nContent-Length: 11\r\n" in request
        assert b"\r\nUser-Agent: DiscordBot (" in request
        assert request.endswith(b'\r\n\r\n{"type": 5}')
        assert json.loads(text) == {"echo": len(request)}
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_a_burst_shares_the_pool_s_few_kept_alive_connections(uv: bool) -> None:
    async def slow(body: bytes, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(0)  # let others queue
        writer.write(ok())

    async def go() -> None:
        async with Server(slow) as server:
            session = AnswerSession(3)

            async def one() -> int:
                async with session.request("POST", server.url + "/x", data="{}") as response:
                    return response.status

            assert await asyncio.gather(*[one() for _ in range(50)]) == [200] * 50
            assert session.connections() <= 3
            assert await one() == 200  # and kept for the next
            await session.close()
        assert len(server.requests) == 51
        assert 1 <= server.connections <= 3
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_responses_in_pieces_chunked_or_empty_are_read(uv: bool) -> None:
    async def pieces(body: bytes, writer: asyncio.StreamWriter) -> None:
        if b"/chunked" in body:
            response = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        b"Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n")
        elif b"/empty" in body:
            response = b"HTTP/1.1 204 No Content\r\n\r\n"
        else:
            response = ok(b'{"split": "byte by byte"}')
        for i in range(len(response)):
            writer.write(response[i:i + 1])
            await writer.drain()

    async def go() -> None:
        async with Server(pieces) as server:
            session = AnswerSession(1)
            for path, status, text in [("/chunked", 200, '{"a":1}'), ("/empty", 204, ""),
                                       ("/split", 200, '{"split": "byte by byte"}')]:
                async with session.request("POST", server.url + path, data="{}") as response:
                    assert (response.status, await response.text()) == (status, text)
            await session.close()
        assert server.connections == 1
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_a_connection_the_server_closes_is_not_used_again(uv: bool) -> None:
    async def go() -> None:
        async with Server(closing) as server:
            session = AnswerSession(1)
            for _ in range(3):
                async with session.request("POST", server.url + "/x", data="{}") as response:
                    assert response.status == 200
            await session.close()
        assert server.connections == 3
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_requests_arriving_while_connections_close_never_open_more_than_the_limit(
    uv: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_use: list[int] = []  # the pool's count of its connections, each time it opens one
    connect = answers._Pool._connect

    async def counted(pool: answers._Pool) -> answers._Connection:
        in_use.append(pool.open)
        return await connect(pool)

    monkeypatch.setattr(answers._Pool, "_connect", counted)

    async def go() -> None:
        async with Server(closing) as server:
            session = AnswerSession(3)
            post = poster(session, server)
            waves = []
            for _ in range(20):  # new requests while earlier ones' connections close
                waves += [asyncio.create_task(post("/x")) for _ in range(5)]
                await asyncio.sleep(0)
            assert await asyncio.gather(*waves) == [200] * 100
            assert session.connections() == 0  # every one closed by the server
            await session.close()
        assert len(in_use) == 100 and max(in_use) <= 3
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_a_server_that_hangs_up_fails_that_request_once_and_frees_its_place(uv: bool) -> None:
    async def hang_up_once(body: bytes, writer: asyncio.StreamWriter) -> None:
        if b"/hang-up" in body:
            writer.close()
        else:
            writer.write(ok())

    async def go() -> None:
        async with Server(hang_up_once) as server:
            session = AnswerSession(1)
            with pytest.raises(aiohttp.ServerDisconnectedError):
                async with session.request("POST", server.url + "/hang-up", data="{}"):
                    pass
            async with session.request("POST", server.url + "/x", data="{}") as response:
                assert response.status == 200
            await session.close()
        assert [r.split(b" ")[1] for r in server.requests] == [b"/hang-up", b"/x"]  # once each
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_garbage_or_an_oversized_response_is_an_error_not_a_hang(
    uv: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(answers, "MAX_RESPONSE_BYTES", 1000)

    async def bad(body: bytes, writer: asyncio.StreamWriter) -> None:
        writer.write(b"SPLAT\r\n\r\n" if b"/garbage" in body else ok(b"x" * 5000))

    async def go() -> None:
        async with Server(bad) as server:
            session = AnswerSession(1)
            for path in ("/garbage", "/huge"):
                with pytest.raises(aiohttp.ClientPayloadError):
                    async with session.request("POST", server.url + path, data="{}"):
                        pass
            assert session.connections() == 0
            await session.close()
    run(go(), uv)


class Held:
    """A server's handler that holds the answer to `/held` until `release()`."""

    def __init__(self) -> None:
        self.arrived = asyncio.Event()
        self.gate = asyncio.Event()

    async def __call__(self, body: bytes, writer: asyncio.StreamWriter) -> None:
        if b"/held" in body:
            self.arrived.set()
            await self.gate.wait()
        writer.write(ok())


def poster(session: AnswerSession, server: Server) -> Callable[[str], Awaitable[int]]:
    async def post(path: str) -> int:
        async with session.request("POST", server.url + path, data="{}") as response:
            return response.status
    return post


@pytest.mark.parametrize("uv", LOOPS)
def test_a_request_cancelled_while_queued_or_in_flight_leaves_the_pool_whole(uv: bool) -> None:
    async def go() -> None:
        held = Held()
        async with Server(held) as server:
            session = AnswerSession(1)
            post = poster(session, server)
            in_flight = asyncio.create_task(post("/held"))
            queued = asyncio.create_task(post("/queued"))
            await held.arrived.wait()
            queued.cancel()
            in_flight.cancel()
            await asyncio.gather(in_flight, queued, return_exceptions=True)
            held.gate.set()
            assert await asyncio.wait_for(post("/after"), 10) == 200
            await session.close()
        assert b"/queued" not in b"".join(server.requests)
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_https_is_verified_against_the_trusted_authorities(uv: bool) -> None:
    served = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    served.load_cert_chain(TLS / "localhost.crt", TLS / "localhost.key")
    trusting = ssl.create_default_context(cafile=str(TLS / "localhost.crt"))

    async def go() -> None:
        async with Server(answering, tls=served) as server:
            session = AnswerSession(2, ssl_context=trusting)
            for _ in range(2):  # the second on the kept connection
                async with session.request("POST", server.url + "/x", data="{}") as response:
                    assert response.status == 200
            await session.close()
            assert server.connections == 1
            # The system's authorities do not know this server's certificate: refused.
            untrusting = AnswerSession(1)
            with pytest.raises(ssl.SSLCertVerificationError):
                async with untrusting.request("POST", server.url + "/x", data="{}"):
                    pass
            await untrusting.close()
        assert len(server.requests) == 2
    run(go(), uv)


def test_header_values_cannot_smuggle_lines() -> None:
    async def go() -> None:
        async with Server(answering) as server:
            session = AnswerSession(1)
            with pytest.raises(ValueError, match="invalid header"):
                async with session.request("POST", server.url + "/x", data="{}",
                                           headers={"X-Audit-Log-Reason": "a\r\nX-Evil: 1"}):
                    pass
            await session.close()
        assert server.requests == []
    run(go(), False)


def test_all_through_aiohttp_sends_json_through_aiohttp_too() -> None:
    async def go() -> None:
        async with Server(answering) as server:
            session = AnswerSession(1, all_through_aiohttp=True)
            async with session.request("POST", server.url + "/x", data="{}") as response:
                assert isinstance(response, aiohttp.ClientResponse)
            await session.close()
        assert b"aiohttp" in server.requests[0]
    run(go(), False)


def test_forms_and_proxies_go_to_aiohttp() -> None:
    async def go() -> None:
        async with Server(answering) as server:
            session = AnswerSession(1)
            form = aiohttp.FormData()
            form.add_field("payload_json", "{}")
            async with session.request("POST", server.url + "/form", data=form) as response:
                assert isinstance(response, aiohttp.ClientResponse)
                assert response.status == 200
            await session.close()
            assert session.closed
        assert b"aiohttp" in server.requests[0] and b"payload_json=" in server.requests[0]
    run(go(), False)


@pytest.mark.parametrize("uv", LOOPS)
def test_discord_py_reads_answers_and_errors_through_it(
    uv: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def discordish(body: bytes, writer: asyncio.StreamWriter) -> None:
        if b"/interactions/2/" in body:
            error = b'{"message": "Unknown interaction", "code": 10062}'
            writer.write(ok(error, status="404 Not Found"))
        else:
            writer.write(ok(b'{"interaction": {"id": "1", "type": 2}}'))

    async def go() -> None:
        async with Server(discordish) as server:
            monkeypatch.setattr(Route, "BASE", server.url + "/api/v10")
            session = AnswerSession(2)
            adapter = AsyncWebhookAdapter()
            params = discord.webhook.async_.interaction_response_params(type=5)
            data = await adapter.create_interaction_response(1, "tok", session=session,  # type: ignore[arg-type]
                                                             params=params)
            assert data == {"interaction": {"id": "1", "type": 2}}
            with pytest.raises(discord.NotFound) as refused:
                await adapter.create_interaction_response(2, "tok", session=session,  # type: ignore[arg-type]
                                                          params=params)
            assert refused.value.code == 10062 and refused.value.status == 404
            await session.close()
    run(go(), uv)


@pytest.mark.parametrize("uv", LOOPS)
def test_no_response_in_time_is_a_timeout_for_the_request_and_for_those_queued(
    uv: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def go() -> None:
        held = Held()
        async with Server(held) as server:
            session = AnswerSession(1)
            post = poster(session, server)
            monkeypatch.setattr(answers, "TIMEOUT_S", 0.3)
            with pytest.raises(TimeoutError):  # sent, never answered
                await post("/held")
            held.arrived.clear()
            monkeypatch.setattr(answers, "TIMEOUT_S", 60.0)
            holding = asyncio.create_task(post("/held"))
            await held.arrived.wait()
            monkeypatch.setattr(answers, "TIMEOUT_S", 0.3)
            with pytest.raises(TimeoutError):  # never got the one connection
                await post("/queued")
            monkeypatch.setattr(answers, "TIMEOUT_S", 60.0)
            held.gate.set()
            assert await holding == 200
            assert session.connections() == 1
            await session.close()
        assert b"/queued" not in b"".join(server.requests)
    run(go(), uv)
