"""Interaction protocol rules that discord.py's own guards hide, exercised over raw HTTP."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.localdiscord import Reply

from .conftest import Env


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def silent(env: Env) -> Reply:
    """An interaction the bot receives but never answers."""
    reply = await env.discord.slash(env.ana, env.training, "silent", wait=False)
    await env.bot.entered.wait()
    return reply


async def call(
    http: aiohttp.ClientSession, env: Env, method: str, path: str, body: Any = None
) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json"}
    data = None if body is None else json.dumps(body)
    url = env.discord.api_url + path
    async with http.request(method, url, data=data, headers=headers) as response:
        assert response.status == 204 or response.headers["Content-Type"] == "application/json"
        return response.status, (await response.json() if response.status != 204 else None)


def callback(reply: Reply) -> str:
    return f"/interactions/{reply.id}/{reply.token}/callback"


def webhook(env: Env, reply: Reply, tail: str = "") -> str:
    return f"/webhooks/{env.discord.bot_user.id}/{reply.token}{tail}"


async def test_follow_up_before_any_response_is_an_unknown_webhook(
    env: Env, http: aiohttp.ClientSession
) -> None:
    reply = await silent(env)
    status, body = await call(
        http, env, "POST", webhook(env, reply) + "?wait=true", {"content": "x"}
    )

    assert (status, body["code"]) == (404, 10015)
    status, body = await call(http, env, "PATCH", webhook(env, reply, "/messages/@original"), {})
    assert (status, body["code"]) == (404, 10015)


async def test_callback_types_must_fit_the_interaction(
    env: Env, http: aiohttp.ClientSession
) -> None:
    reply = await silent(env)
    status, body = await call(
        http, env, "POST", callback(reply), {"type": 8, "data": {"choices": []}}
    )
    assert (status, body["code"]) == (400, 50035)
    assert "type" in body["errors"]
    status, body = await call(http, env, "POST", callback(reply), {"type": 7, "data": {}})
    assert status == 400
    assert reply.error_codes == [50035, 50035] and not reply.acknowledged


async def test_modal_only_as_the_initial_response(env: Env, http: aiohttp.ClientSession) -> None:
    reply = await silent(env)
    status, body = await call(http, env, "POST", callback(reply), {"type": 5})
    assert status == 200 and body["interaction"]["response_message_loading"] is True

    modal = {
        "custom_id": "m",
        "title": "Log",
        "components": [
            {"type": 1, "components": [{"type": 4, "custom_id": "s", "label": "S", "style": 1}]}
        ],
    }
    status, body = await call(http, env, "POST", callback(reply), {"type": 9, "data": modal})
    assert (status, body["code"]) == (400, 40060)
    assert reply.modal is None


async def test_callback_response_has_the_current_api_shape(
    env: Env, http: aiohttp.ClientSession
) -> None:
    reply = await silent(env)
    status, body = await call(
        http, env, "POST", callback(reply), {"type": 4, "data": {"content": "hi", "flags": 64}}
    )

    assert status == 200
    assert body["interaction"] == {
        "id": str(reply.id),
        "type": 2,
        "response_message_id": body["resource"]["message"]["id"],
        "response_message_loading": False,
        "response_message_ephemeral": True,
    }
    assert body["resource"]["type"] == 4 and body["resource"]["message"]["content"] == "hi"


async def test_edit_and_delete_original_and_follow_ups(
    env: Env, http: aiohttp.ClientSession
) -> None:
    reply = await silent(env)
    await call(http, env, "POST", callback(reply), {"type": 4, "data": {"content": "v1"}})
    status, _ = await call(
        http, env, "PATCH", webhook(env, reply, "/messages/@original"), {"content": "v2"}
    )
    assert status == 200 and reply.content == "v2" and reply.edits == [{"content": "v2"}]
    status, body = await call(
        http, env, "POST", webhook(env, reply) + "?wait=true", {"content": "more"}
    )
    assert status == 200 and [m.content for m in reply.followups] == ["more"]
    follow_id = body["id"]
    status, _ = await call(http, env, "DELETE", webhook(env, reply, f"/messages/{follow_id}"))
    assert status == 204 and reply.followups[0].deleted
    assert [m.content for m in env.training.visible_messages()] == ["v2"]
    status, body = await call(
        http, env, "PATCH", webhook(env, reply, "/messages/@original"), {"content": "x" * 2001}
    )
    assert (status, body["code"]) == (400, 50035) and reply.content == "v2"


async def test_bad_interaction_token_is_unknown(env: Env, http: aiohttp.ClientSession) -> None:
    reply = await silent(env)
    status, body = await call(
        http, env, "POST", f"/interactions/{reply.id}/not-the-token/callback", {"type": 5}
    )
    assert (status, body["code"]) == (404, 10062)


async def test_rest_routes_need_the_bot_token(env: Env, http: aiohttp.ClientSession) -> None:
    status, body = await call(http, env, "GET", "/users/@me")
    assert (status, body["message"]) == (401, "401: Unauthorized")
