"""CPU per interaction answer: Pacer's answer session against aiohttp's client, and the floor.

    python bench/answers.py [--requests 1000] [--rounds 5] [--connections 64]

A server in another process (uvloop, a canned 200 with a JSON body such as Discord's answer to
a defer) answers bursts of POSTs sent at once over a pool of kept-alive connections. For each
client, the CPU time this process used per request, median over the rounds (clients taken in
turn within each round, so a busy moment hits them alike):

- floor: the same exchange over a bare asyncio protocol (write the request's bytes, wait for
  the response's known length): what any client must spend on the loop and its sockets;
- answers: `bot.answers.AnswerSession`;
- aiohttp: an `aiohttp.ClientSession` with a connector of the same size;
- defer via answers / via aiohttp: discord.py's `create_interaction_response` (what
  `interaction.response.defer()` sends) through each: its adapter's own work added.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
from discord.http import Route
from discord.webhook.async_ import AsyncWebhookAdapter, interaction_response_params

from bot import eventloop
from bot.answers import AnswerSession

BODY = b'{"interaction":{"id":"1","type":2,"response_message_loading":true},"resource":{"type":5}}'
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
            b"X-RateLimit-Limit: 5\r\n\r\n" % len(BODY)) + BODY
PAYLOAD = '{"type":5,"data":{"flags":0}}'


class CannedServer(asyncio.Protocol):
    """Answers each request (head and Content-Length body) with RESPONSE."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head = self.buffer[:end].lower()
            at = head.find(b"content-length:")
            length = int(head[at + 15:].split(b"\r\n", 1)[0]) if at >= 0 else 0
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length:]
            self.transport.write(RESPONSE)


async def serve(port_file: str) -> None:
    server = await asyncio.get_running_loop().create_server(CannedServer, "127.0.0.1", 0)
    Path(port_file).write_text(str(server.sockets[0].getsockname()[1]))
    await asyncio.Event().wait()


class FloorConnection(asyncio.Protocol):
    def __init__(self) -> None:
        self.waiter: asyncio.Future[None] | None = None
        self.got = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.got += len(data)
        if self.got >= len(RESPONSE) and self.waiter is not None:
            self.got -= len(RESPONSE)
            self.waiter.set_result(None)


class Floor:
    """A bare pool: a queue of connections, a request's bytes written, the response's length
    awaited."""

    def __init__(self, port: int, connections: int) -> None:
        self.port = port
        self.size = connections
        self.free: asyncio.Queue[FloorConnection] = asyncio.Queue()
        body = PAYLOAD.encode()
        self.request = (b"POST /api/v10/interactions/1/t/callback?with_response=1 HTTP/1.1\r\n"
                        b"Host: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        b"Content-Length: %d\r\n\r\n" % len(body)) + body

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        for _ in range(self.size):
            _, conn = await loop.create_connection(FloorConnection, "127.0.0.1", self.port)
            self.free.put_nowait(conn)

    async def one(self) -> None:
        conn = await self.free.get()
        conn.waiter = asyncio.get_running_loop().create_future()
        conn.transport.write(self.request)
        await conn.waiter
        self.free.put_nowait(conn)

    def close(self) -> None:
        while not self.free.empty():
            self.free.get_nowait().transport.close()


def posting(session: AnswerSession | aiohttp.ClientSession, url: str
            ) -> Callable[[], Awaitable[None]]:
    async def one() -> None:
        async with session.request("POST", url, data=PAYLOAD,
                                   headers={"Content-Type": "application/json"}) as response:
            await response.text(encoding="utf-8")
            assert response.status == 200
    return one


def deferring(session: AnswerSession | aiohttp.ClientSession) -> Callable[[], Awaitable[None]]:
    adapter = AsyncWebhookAdapter()
    params = interaction_response_params(type=5, data={"flags": 0})

    async def one() -> None:
        await adapter.create_interaction_response(1, "t", session=session,  # type: ignore[arg-type]
                                                  params=params)
    return one


async def burst(one: Callable[[], Awaitable[None]], requests: int) -> float:
    """CPU µs per request of one burst of `requests` sent at once."""
    start = time.process_time()
    await asyncio.gather(*[one() for _ in range(requests)])
    return (time.process_time() - start) / requests * 1e6


async def measure(port: int, requests: int, rounds: int, connections: int) -> None:
    base = f"http://127.0.0.1:{port}"
    Route.BASE = base + "/api/v10"
    url = base + "/api/v10/interactions/1/t/callback?with_response=1"
    floor = Floor(port, connections)
    await floor.start()
    answers = AnswerSession(connections)
    client = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections),
                                   cookie_jar=aiohttp.DummyCookieJar())
    clients: dict[str, Callable[[], Awaitable[None]]] = {
        "floor": floor.one,
        "answers": posting(answers, url),
        "aiohttp": posting(client, url),
        "defer via answers": deferring(answers),
        "defer via aiohttp": deferring(client),
    }
    for one in clients.values():  # connections opened, code warm
        await burst(one, requests)
    times: dict[str, list[float]] = {name: [] for name in clients}
    for _ in range(rounds):
        for name, one in clients.items():
            times[name].append(await burst(one, requests))
    floor.close()
    await answers.close()
    await client.close()

    floor_us = statistics.median(times["floor"])
    print(f"{requests} requests at once over {connections} connections, {rounds} rounds; "
          f"event loop: {eventloop.loop_name()}; load average "
          f"{os.getloadavg()[0]:.2f}.\n")
    print("| client | CPU µs per request (median) | range | × floor |")
    print("|---|---:|---:|---:|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.0f} | {min(values):.0f}–{max(values):.0f} | "
              f"{median / floor_us:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--serve", metavar="PORT_FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        eventloop.run(serve(args.serve))
        return
    folder = tempfile.TemporaryDirectory()
    port_file = Path(folder.name) / "port"
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port_file)])
    try:
        while not port_file.exists() or not port_file.read_text():
            if server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.05)
        port = int(port_file.read_text())
        eventloop.run(measure(port, args.requests, args.rounds, args.connections))
    finally:
        server.kill()
        server.wait()
        folder.cleanup()


if __name__ == "__main__":
    main()
