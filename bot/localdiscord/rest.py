"""The REST API a bot uses, served under /api/v10, with Discord's checks and error shapes.

Unknown routes answer 404 with a Discord-shaped body so a test fails loudly. Every refused request
is kept in `Rest.errors` (and in the interaction's `Reply.errors` when it concerns one).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiohttp import web

from . import errors as e
from . import wire
from .checks import (
    MAX_ATTACHMENT_BYTES,
    check_autocomplete_choices,
    check_command_schema,
    check_message,
    check_modal,
)
from .clock import Clock
from .commands import CommandRegistry
from .errors import APIError
from .gateway import Gateway
from .records import (
    ACK_DEADLINE,
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE_MESSAGE,
    MESSAGE_COMPONENT,
    MODAL,
    MODAL_SUBMIT,
    TOKEN_LIFETIME,
    UPDATE_MESSAGE,
    ModalRecord,
    Reply,
)
from .state import (
    ATTACH_FILES,
    DM,
    EPHEMERAL,
    LOADING,
    MANAGE_MESSAGES,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    Attachment,
    Channel,
    Message,
    World,
    snowflake_at,
)

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
JSON = "application/json"
#  How long Discord remembers a message's nonce for `enforce_nonce` ("the past few minutes";
#  kept short so that a test relying on a longer memory fails here).
NONCE_WINDOW = timedelta(minutes=2)
#  Flags a bot may set on a message it sends.
_SETTABLE_FLAGS = (1 << 2) | EPHEMERAL | (1 << 12) | (1 << 15)
_ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, MODAL},
    MESSAGE_COMPONENT: {
        CHANNEL_MESSAGE,
        DEFERRED_CHANNEL_MESSAGE,
        DEFERRED_UPDATE_MESSAGE,
        UPDATE_MESSAGE,
        MODAL,
    },
    AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
    MODAL_SUBMIT: {
        CHANNEL_MESSAGE,
        DEFERRED_CHANNEL_MESSAGE,
        DEFERRED_UPDATE_MESSAGE,
        UPDATE_MESSAGE,
    },
}


def json_response(data: Any, status: int = 200) -> web.Response:
    # Exactly "application/json": discord.py only decodes JSON for that exact header value.
    return web.Response(status=status, body=wire.dumps(data), content_type=JSON)


def no_content() -> web.Response:
    return web.Response(status=204)


@dataclass
class Upload:
    index: int
    filename: str
    data: bytes
    content_type: str | None


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class InjectedFailure:
    method: str
    path: re.Pattern[str]
    status: int
    code: int
    message: str
    retry_after: float
    times: int

    def response(self) -> web.Response:
        body: dict[str, Any] = {"message": self.message, "code": self.code}
        headers: dict[str, str] = {}
        if self.status == 429:
            body.update({"retry_after": self.retry_after, "global": False})
            # Without a Via header discord.py takes a 429 for a Cloudflare ban and gives up.
            headers = {
                "Via": "1.1 google",
                "Retry-After": str(self.retry_after),
                "X-RateLimit-Scope": "user",
            }
        response = json_response(body, status=self.status)
        response.headers.update(headers)
        return response


class Rest:
    def __init__(
        self,
        world: World,
        registry: CommandRegistry,
        gateway: Gateway,
        clock: Clock,
        token: str,
        base_url: Callable[[], str],
        notify: Callable[[], None],
    ) -> None:
        self.world = world
        self.registry = registry
        self.gateway = gateway
        self.clock = clock
        self.token = token
        self._base_url = base_url
        self._notify = notify
        self.interactions: dict[int, Reply] = {}
        self._by_token: dict[str, Reply] = {}
        self.attachments: dict[int, Attachment] = {}
        #  Every refused request, in order.
        self.errors: list[APIError] = []
        #  (method, path) of every request, in order: lets tests assert what the bot called.
        self.requests: list[tuple[str, str]] = []
        #  The client's address (host, port) each of those came from: one per connection, so
        #  tests can tell a connection kept open from one opened per request.
        self.peers: list[Any] = []
        self._failures: list[InjectedFailure] = []
        #  (method, path regex, how many more) whose answers are held after they took effect.
        self._holds: list[list[Any]] = []
        self._released = asyncio.Event()

    def fail_next(
        self,
        method: str,
        path: str,
        *,
        status: int = 429,
        code: int = 0,
        message: str = "You are being rate limited.",
        retry_after: float = 0.0,
        times: int = 1,
    ) -> None:
        """Answer the next `times` requests matching `method` and the regex `path` (searched in
        the path after /api/v10) with an error; by default a 429 discord.py will retry."""
        self._failures.append(
            InjectedFailure(
                method.upper(), re.compile(path), status, code, message, retry_after, times
            )
        )

    def hold_next(self, method: str, path: str, *, times: int = 1) -> None:
        """Carry out the next `times` requests matching `method` and the regex `path`, but hold
        their answers until `release_held()`: what the bot sees when an answer is lost in
        transit (a message created that it never hears of)."""
        self._released.clear()
        self._holds.append([method.upper(), re.compile(path), times])

    def release_held(self) -> None:
        """Send the held answers (to whoever still listens), and hold no more."""
        self._holds.clear()
        self._released.set()

    def _held(self, request: web.Request) -> bool:
        path = request.path.removeprefix(API_PREFIX)
        for hold in self._holds:
            if hold[0] == request.method and hold[1].search(path):
                hold[2] -= 1
                if hold[2] <= 0:
                    self._holds.remove(hold)
                return True
        return False

    def register(self, reply: Reply) -> None:
        self.interactions[reply.id] = reply
        self._by_token[reply.token] = reply

    # -- wiring ---------------------------------------------------------------------------------
    def routes(self) -> list[web.RouteDef]:
        p = API_PREFIX
        table: list[tuple[str, str, Handler, bool]] = [
            ("GET", "/users/@me", self.get_me, True),
            ("GET", "/users/{user_id}", self.get_user, True),
            ("POST", "/users/@me/channels", self.create_dm, True),
            ("GET", "/oauth2/applications/@me", self.get_application, True),
            ("GET", "/applications/@me", self.get_application, True),
            ("GET", "/gateway", self.get_gateway, False),
            ("GET", "/gateway/bot", self.get_gateway, True),
            ("GET", "/applications/{app_id}/commands", self.get_commands, True),
            ("PUT", "/applications/{app_id}/commands", self.put_commands, True),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self.get_commands, True),
            ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self.put_commands, True),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self.callback, False),
            ("POST", "/webhooks/{app_id}/{token}", self.followup, False),
            (
                "GET",
                "/webhooks/{app_id}/{token}/messages/{message_id}",
                self.get_webhook_msg,
                False,
            ),
            (
                "PATCH",
                "/webhooks/{app_id}/{token}/messages/{message_id}",
                self.edit_webhook_msg,
                False,
            ),
            (
                "DELETE",
                "/webhooks/{app_id}/{token}/messages/{message_id}",
                self.del_webhook_msg,
                False,
            ),
            ("GET", "/channels/{channel_id}", self.get_channel, True),
            ("GET", "/channels/{channel_id}/messages", self.list_messages, True),
            ("POST", "/channels/{channel_id}/messages", self.create_message, True),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self.get_message, True),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self.edit_message, True),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self.delete_message, True),
            ("POST", "/channels/{channel_id}/typing", self.typing, True),
            (
                "PUT",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self.add_reaction,
                True,
            ),
            ("GET", "/guilds/{guild_id}", self.get_guild, True),
            ("GET", "/guilds/{guild_id}/channels", self.get_guild_channels, True),
            ("GET", "/guilds/{guild_id}/roles", self.get_roles, True),
            ("GET", "/guilds/{guild_id}/members", self.list_members, True),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self.get_member, True),
        ]
        defs = [web.route(m, p + path, self._wrap(h, auth)) for m, path, h, auth in table]
        defs.append(web.get("/attachments/{attachment_id}/{filename}", self.get_attachment))
        defs.append(web.route("*", "/{tail:.*}", self._wrap(self.not_found, False)))
        return defs

    def _wrap(self, handler: Handler, auth: bool) -> Handler:
        async def wrapped(request: web.Request) -> web.StreamResponse:
            self.requests.append((request.method, request.path))
            transport = request.transport
            self.peers.append(None if transport is None else transport.get_extra_info("peername"))
            injected = self._injected(request)
            if injected is not None:
                with contextlib.suppress(Exception):
                    await request.read()
                self._notify()
                return injected
            try:
                if auth and request.headers.get("Authorization") != f"Bot {self.token}":
                    raise APIError(401, 0, "401: Unauthorized")
                held = self._held(request)
                response = await handler(request)
                if held:
                    self._notify()  # what it did shows at once; its answer waits
                    await self._released.wait()
                return response
            except APIError as error:
                # Drain an unread body, or aiohttp drops the connection under the client.
                with contextlib.suppress(Exception):
                    await request.read()
                error.method, error.path = request.method, request.path
                self.errors.append(error)
                reply = self._reply_for(request)
                if reply is not None:
                    reply.errors.append(error)
                log.info("refused %s %s: %r", request.method, request.path, error)
                return json_response(error.to_json(), status=error.status)
            finally:
                self._notify()

        return wrapped

    def _injected(self, request: web.Request) -> web.Response | None:
        path = request.path.removeprefix(API_PREFIX)
        for failure in self._failures:
            if failure.method == request.method and failure.path.search(path):
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
                return failure.response()
        return None

    def _reply_for(self, request: web.Request) -> Reply | None:
        info = request.match_info
        if "interaction_id" in info:
            try:
                return self.interactions.get(int(info["interaction_id"]))
            except ValueError:
                return None
        if "token" in info:
            return self._by_token.get(info["token"])
        return None

    async def not_found(self, request: web.Request) -> web.StreamResponse:
        raise APIError(
            404, 0, f"404: Not Found (no local route for {request.method} {request.path})"
        )

    # -- bodies ---------------------------------------------------------------------------------
    async def _body(self, request: web.Request) -> tuple[Any, list[Upload]]:
        if request.content_type.startswith("multipart/"):
            payload: Any = None
            files: list[Upload] = []
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                name = getattr(part, "name", None) or ""
                if name == "payload_json":
                    payload = wire.loads(await part.text())  # type: ignore[union-attr]
                elif name.startswith("files["):
                    data = await part.read(decode=False)  # type: ignore[union-attr]
                    files.append(
                        Upload(
                            int(name[6:-1]),
                            getattr(part, "filename", None) or name,
                            bytes(data),
                            part.headers.get("Content-Type"),
                        )
                    )
            return payload or {}, files
        raw = await request.read()
        if not raw:
            return {}, []
        try:
            return wire.loads(raw), []
        except wire.JSONDecodeError as exc:
            raise APIError(400, 50109, f"The request body contains invalid JSON ({exc})") from None

    def _attachment(self, filename: str, data: bytes, content_type: str | None) -> Attachment:
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise APIError(413, e.ENTITY_TOO_LARGE, "Request entity too large")
        attachment = Attachment(
            id=self.world.next_id(), filename=filename, data=data, content_type=content_type
        )
        attachment.url = f"{self._base_url()}/attachments/{attachment.id}/{filename}"
        self.attachments[attachment.id] = attachment
        return attachment

    def make_attachment(self, filename: str, data: bytes, content_type: str | None) -> Attachment:
        return self._attachment(filename, data, content_type)

    def _new_attachments(self, payload: dict[str, Any], files: list[Upload]) -> list[Attachment]:
        meta = {
            str(a.get("id")): a for a in payload.get("attachments") or [] if isinstance(a, dict)
        }
        made = []
        for upload in files:
            info = meta.get(str(upload.index), {})
            attachment = self._attachment(
                info.get("filename") or upload.filename, upload.data, upload.content_type
            )
            attachment.description = info.get("description")
            made.append(attachment)
        return made

    def new_message(
        self,
        channel: Channel,
        payload: dict[str, Any],
        files: list[Upload],
        *,
        webhook: Reply | None = None,
        extra_flags: int = 0,
    ) -> Message:
        check_message(payload, n_files=len(files))
        message = Message(
            world=self.world,
            id=self.world.next_id(),
            channel=channel,
            author=self.world.bot,
            content=payload.get("content") or "",
            embeds=list(payload.get("embeds") or []),
            components=list(payload.get("components") or []),
            attachments=self._new_attachments(payload, files),
            flags=(int(payload.get("flags") or 0) & _SETTABLE_FLAGS) | extra_flags,
            allowed_mentions=payload.get("allowed_mentions"),
            created_at=self.world.timestamp(),
            nonce=None if payload.get("nonce") is None else str(payload["nonce"]),
        )
        reference = payload.get("message_reference")
        if reference and reference.get("message_id"):
            message.reference_id = int(reference["message_id"])
            message.message_type = 19
        if webhook is not None:
            message.webhook_id = self.world.bot.id
            message.interaction_id = webhook.id
            message.interaction_type = webhook.type
            message.interaction_user = webhook.user
            message.message_type = {2: 20, 5: 0, 3: 0}.get(webhook.type, 0)
        self.world.messages[message.id] = message
        if not message.ephemeral:
            channel.messages.append(message)
            if self.gateway.delivers("MESSAGE_CREATE", channel.guild):
                event = message.to_dict()
                if message.nonce is not None:  # only the create event carries it, no fetch
                    event["nonce"] = message.nonce
                self.gateway.dispatch("MESSAGE_CREATE", event, channel.guild)
        self.world.record("created", message)
        return message

    def apply_edit(self, message: Message, payload: dict[str, Any], files: list[Upload]) -> None:
        check_message(payload, n_files=len(files), creating=False)
        if "content" in payload:
            message.content = payload["content"] or ""
        if "embeds" in payload:
            message.embeds = list(payload["embeds"] or [])
        if "components" in payload:
            message.components = list(payload["components"] or [])
        if "allowed_mentions" in payload:
            message.allowed_mentions = payload["allowed_mentions"]
        if "flags" in payload and payload["flags"] is not None:
            kept = message.flags & EPHEMERAL
            message.flags = (int(payload["flags"]) & _SETTABLE_FLAGS & ~EPHEMERAL) | kept
        if "attachments" in payload:
            # Existing attachments are listed by their snowflake; new files by a small index.
            keep = {int(a["id"]) for a in payload["attachments"] or [] if isinstance(a, dict)}
            kept_attachments = [a for a in message.attachments if a.id in keep]
            message.attachments = kept_attachments + self._new_attachments(payload, files)
        elif files:
            message.attachments = message.attachments + self._new_attachments(payload, files)
        message.flags &= ~LOADING
        if not (message.content or message.embeds or message.attachments or message.components):
            raise APIError(400, e.EMPTY_MESSAGE, "Cannot send an empty message")
        message.edits.append(payload)
        message.edited_at = self.world.timestamp()
        guild = message.channel.guild
        if not message.ephemeral and self.gateway.delivers("MESSAGE_UPDATE", guild):
            self.gateway.dispatch("MESSAGE_UPDATE", message.to_dict(), guild)
        self.world.record("edited", message)

    def delete(self, message: Message) -> None:
        message.deleted = True
        if not message.ephemeral:
            data = {"id": str(message.id), "channel_id": str(message.channel.id)}
            if message.channel.guild is not None:
                data["guild_id"] = str(message.channel.guild.id)
            self.gateway.dispatch("MESSAGE_DELETE", data, message.channel.guild)
        self.world.record("deleted", message)

    # -- users, application, gateway ------------------------------------------------------------
    async def get_me(self, request: web.Request) -> web.StreamResponse:
        me = self.world.bot.to_dict()
        return json_response({**me, "verified": True, "mfa_enabled": False, "flags": 0})

    async def get_user(self, request: web.Request) -> web.StreamResponse:
        user = self.world.users.get(int(request.match_info["user_id"]))
        if user is None:
            raise e.unknown("User", e.UNKNOWN_USER)
        return json_response(user.to_dict())

    async def create_dm(self, request: web.Request) -> web.StreamResponse:
        body, _ = await self._body(request)
        user = self.world.users.get(int(body.get("recipient_id", 0)))
        if user is None:
            raise e.unknown("User", e.UNKNOWN_USER)
        return json_response(self.world.dm_channel(user).to_dict())

    async def get_application(self, request: web.Request) -> web.StreamResponse:
        bot = self.world.bot
        owner = next(iter(self.world.users.values()))
        for guild in self.world.guilds.values():
            owner = guild.owner
            break
        return json_response(
            {
                "id": str(bot.id),
                "name": bot.name,
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": owner.to_dict(),
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
                "bot": bot.to_dict(),
                "summary": "",
                "rpc_origins": [],
                "tags": [],
                "redirect_uris": [],
                "interactions_endpoint_url": None,
            }
        )

    async def get_gateway(self, request: web.Request) -> web.StreamResponse:
        url = self._base_url().replace("http://", "ws://") + "/gateway"
        return json_response(
            {
                "url": url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    # -- application commands -------------------------------------------------------------------
    def _scope(self, request: web.Request) -> int | None:
        if int(request.match_info["app_id"]) != self.world.bot.id:
            raise APIError(
                403, 20012, "You are not authorized to perform this action on this application"
            )
        guild_id = request.match_info.get("guild_id")
        if guild_id is None:
            return None
        if int(guild_id) not in self.world.guilds:
            raise e.missing_access()
        return int(guild_id)

    async def get_commands(self, request: web.Request) -> web.StreamResponse:
        return json_response(self.registry.list(self._scope(request)))

    async def put_commands(self, request: web.Request) -> web.StreamResponse:
        scope = self._scope(request)
        body, _ = await self._body(request)
        check_command_schema(body)
        return json_response(self.registry.overwrite(scope, body))

    # -- interactions ---------------------------------------------------------------------------
    async def callback(self, request: web.Request) -> web.StreamResponse:
        reply = self.interactions.get(int(request.match_info["interaction_id"]))
        if reply is None or reply.token != request.match_info["token"]:
            raise e.unknown("interaction", e.UNKNOWN_INTERACTION)
        body, files = await self._body(request)
        if reply.response_type is not None:
            raise APIError(
                400, e.ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged."
            )
        if self.clock.now() - reply.created_at > ACK_DEADLINE:
            raise e.unknown("interaction", e.UNKNOWN_INTERACTION)
        kind = body.get("type")
        data = body.get("data") or {}
        allowed = set(_ALLOWED_CALLBACKS.get(reply.type, set()))
        if reply.type == MODAL_SUBMIT and reply.source_message is None:
            allowed -= {DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE}
        if kind not in allowed:
            raise e.form_error(
                ["type"],
                "INTERACTION_CALLBACK_TYPE_INVALID",
                f"Callback type {kind} is not valid for interaction type {reply.type}",
            )
        try:
            self._respond(reply, kind, data, files)
        except APIError as error:
            if error.errors is not None:  # field paths are relative to the callback's "data"
                error.errors = {"data": error.errors}
            raise
        reply.response_type = kind
        reply.response = data
        interaction: dict[str, Any] = {"id": str(reply.id), "type": reply.type}
        resource: dict[str, Any] = {"type": kind}
        shows_message = kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, UPDATE_MESSAGE)
        if reply.message is not None and shows_message:
            interaction["response_message_id"] = str(reply.message.id)
            interaction["response_message_loading"] = kind == DEFERRED_CHANNEL_MESSAGE
            interaction["response_message_ephemeral"] = reply.message.ephemeral
            resource["message"] = reply.message.to_dict()
        return json_response({"interaction": interaction, "resource": resource})

    def _respond(self, reply: Reply, kind: int, data: dict[str, Any], files: list[Upload]) -> None:
        if kind == CHANNEL_MESSAGE:
            reply.message = self.new_message(reply.channel, data, files, webhook=reply)
        elif kind == DEFERRED_CHANNEL_MESSAGE:
            flags = int(data.get("flags") or 0) & EPHEMERAL
            reply.message = self._placeholder(reply, flags)
        elif kind == DEFERRED_UPDATE_MESSAGE:
            reply.message = reply.source_message
        elif kind == UPDATE_MESSAGE:
            assert reply.source_message is not None
            self.apply_edit(reply.source_message, data, files)
            reply.message = reply.source_message
            reply.edits.append(data)
        elif kind == AUTOCOMPLETE_RESULT:
            check_autocomplete_choices(data.get("choices"), _focused_type(reply.payload))
            reply.choices = list(data.get("choices") or [])
        elif kind == MODAL:
            check_modal(data)
            reply.modal = ModalRecord(
                custom_id=data["custom_id"],
                title=data["title"],
                components=list(data["components"]),
                source=reply,
            )

    def _placeholder(self, reply: Reply, flags: int) -> Message:
        message = Message(
            world=self.world,
            id=self.world.next_id(),
            channel=reply.channel,
            author=self.world.bot,
            flags=flags | LOADING,
            created_at=self.world.timestamp(),
            webhook_id=self.world.bot.id,
            interaction_id=reply.id,
            interaction_type=reply.type,
            interaction_user=reply.user,
            message_type=20 if reply.type == APPLICATION_COMMAND else 0,
        )
        self.world.messages[message.id] = message
        if not message.ephemeral:
            reply.channel.messages.append(message)
            if self.gateway.delivers("MESSAGE_CREATE", reply.channel.guild):
                self.gateway.dispatch("MESSAGE_CREATE", message.to_dict(), reply.channel.guild)
        self.world.record("created", message)
        return message

    def _webhook_reply(self, request: web.Request) -> Reply:
        reply = self._by_token.get(request.match_info["token"])
        try:
            app_id = int(request.match_info["app_id"])
        except ValueError:
            app_id = 0
        if reply is None or app_id != self.world.bot.id:
            raise e.unknown("Webhook", e.UNKNOWN_WEBHOOK)
        if self.clock.now() - reply.created_at > TOKEN_LIFETIME:
            raise APIError(401, e.INVALID_WEBHOOK_TOKEN, "Invalid Webhook Token")
        if reply.response_type is None or reply.response_type in (AUTOCOMPLETE_RESULT, MODAL):
            raise e.unknown("Webhook", e.UNKNOWN_WEBHOOK)
        return reply

    async def followup(self, request: web.Request) -> web.StreamResponse:
        reply = self._webhook_reply(request)
        payload, files = await self._body(request)
        original = reply.message
        if (
            reply.response_type == DEFERRED_CHANNEL_MESSAGE
            and original is not None
            and original.loading
            and not original.deleted
        ):
            # The first follow-up after a "thinking" defer replaces the thinking message.
            check_message(payload, n_files=len(files))
            self.apply_edit(original, payload, files)
            message = original
        else:
            message = self.new_message(reply.channel, payload, files, webhook=reply)
        reply.followups.append(message)
        if request.query.get("wait", "false").lower() in ("1", "true"):
            return json_response(message.to_dict())
        return no_content()

    def _webhook_message(self, request: web.Request, reply: Reply) -> Message:
        key = request.match_info["message_id"]
        if key == "@original":
            message = reply.message
        else:
            wanted = int(key)
            candidates = [reply.message, *reply.followups]
            message = next((m for m in candidates if m is not None and m.id == wanted), None)
        if message is None or message.deleted:
            raise e.unknown("Message", e.UNKNOWN_MESSAGE)
        return message

    async def get_webhook_msg(self, request: web.Request) -> web.StreamResponse:
        reply = self._webhook_reply(request)
        return json_response(self._webhook_message(request, reply).to_dict())

    async def edit_webhook_msg(self, request: web.Request) -> web.StreamResponse:
        reply = self._webhook_reply(request)
        message = self._webhook_message(request, reply)
        payload, files = await self._body(request)
        self.apply_edit(message, payload, files)
        if message is reply.message:
            reply.edits.append(payload)
        return json_response(message.to_dict())

    async def del_webhook_msg(self, request: web.Request) -> web.StreamResponse:
        reply = self._webhook_reply(request)
        self.delete(self._webhook_message(request, reply))
        return no_content()

    # -- channels and messages ------------------------------------------------------------------
    def _channel(self, request: web.Request) -> Channel:
        channel = self.world.channel(int(request.match_info["channel_id"]))
        if channel is None:
            raise e.unknown("Channel", e.UNKNOWN_CHANNEL)
        if channel.type != DM and not channel.bot_permissions() & VIEW_CHANNEL:
            raise e.missing_access()
        return channel

    def _message(self, request: web.Request, channel: Channel) -> Message:
        message = channel.message(int(request.match_info["message_id"]))
        if message is None or message.ephemeral:
            raise e.unknown("Message", e.UNKNOWN_MESSAGE)
        return message

    async def get_channel(self, request: web.Request) -> web.StreamResponse:
        return json_response(self._channel(request).to_dict())

    async def list_messages(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        messages = channel.visible_messages()
        query = request.query
        if "before" in query:
            messages = [m for m in messages if m.id < int(query["before"])]
        if "after" in query:
            messages = [m for m in messages if m.id > int(query["after"])]
        limit = max(1, min(100, int(query.get("limit", 50))))
        newest_first = sorted(messages, key=lambda m: m.id, reverse=True)
        newest_first = newest_first[-limit:] if "after" in query else newest_first[:limit]
        return json_response([m.to_dict() for m in newest_first])

    async def create_message(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        payload, files = await self._body(request)
        perms = channel.bot_permissions()
        if not perms & SEND_MESSAGES or (files and not perms & ATTACH_FILES):
            raise e.missing_permissions()
        check_message(payload, n_files=len(files))
        nonce = payload.get("nonce")
        if nonce is not None and payload.get("enforce_nonce"):
            earlier = self._same_nonce(channel, str(nonce))
            if earlier is not None:  # Discord answers with that message and creates none
                return json_response(earlier.to_dict() | {"nonce": earlier.nonce})
        message = self.new_message(channel, payload, files)
        data = message.to_dict()
        if message.nonce is not None:
            data["nonce"] = message.nonce
        return json_response(data)

    def _same_nonce(self, channel: Channel, nonce: str) -> Message | None:
        """The bot's message in `channel` sent with `nonce` within NONCE_WINDOW, if any."""
        since = snowflake_at(self.world.wall() - NONCE_WINDOW)
        for message in reversed(channel.messages):
            if message.id < since:
                return None
            if message.nonce == nonce and message.author is self.world.bot:
                return None if message.deleted else message
        return None

    async def get_message(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        return json_response(self._message(request, channel).to_dict())

    async def edit_message(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        message = self._message(request, channel)
        if message.author is not self.world.bot:
            raise APIError(
                403, e.CANNOT_EDIT_OTHERS, "Cannot edit a message authored by another user"
            )
        payload, files = await self._body(request)
        self.apply_edit(message, payload, files)
        return json_response(message.to_dict())

    async def delete_message(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        message = self._message(request, channel)
        if message.author is not self.world.bot and not channel.bot_permissions() & MANAGE_MESSAGES:
            raise e.missing_permissions()
        self.delete(message)
        return no_content()

    async def typing(self, request: web.Request) -> web.StreamResponse:
        self._channel(request)
        return no_content()

    async def add_reaction(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        message = self._message(request, channel)
        message.reactions.append(request.match_info["emoji"])
        return no_content()

    # -- guilds ---------------------------------------------------------------------------------
    def _guild(self, request: web.Request) -> Any:
        guild = self.world.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            raise e.unknown("Guild", e.UNKNOWN_GUILD)
        return guild

    async def get_guild(self, request: web.Request) -> web.StreamResponse:
        data = self._guild(request).to_dict()
        for key in ("members", "channels", "threads", "presences", "voice_states"):
            data.pop(key, None)
        return json_response(data)

    async def get_guild_channels(self, request: web.Request) -> web.StreamResponse:
        return json_response([c.to_dict() for c in self._guild(request).channels.values()])

    async def get_roles(self, request: web.Request) -> web.StreamResponse:
        return json_response([r.to_dict() for r in self._guild(request).roles])

    async def list_members(self, request: web.Request) -> web.StreamResponse:
        guild = self._guild(request)
        limit = max(1, min(1000, int(request.query.get("limit", 1))))
        members = sorted(guild.members.values(), key=lambda m: m.id)
        if "after" in request.query:
            members = [m for m in members if m.id > int(request.query["after"])]
        return json_response([m.to_dict() for m in members[:limit]])

    async def get_member(self, request: web.Request) -> web.StreamResponse:
        guild = self._guild(request)
        member = guild.members.get(int(request.match_info["user_id"]))
        if member is None:
            raise e.unknown("Member", e.UNKNOWN_MEMBER)
        return json_response(member.to_dict())

    async def get_attachment(self, request: web.Request) -> web.StreamResponse:
        attachment = self.attachments.get(int(request.match_info["attachment_id"]))
        if attachment is None:
            return web.Response(status=404, text="no such attachment")
        return web.Response(body=attachment.data, content_type="application/octet-stream")


def _focused_type(payload: dict[str, Any]) -> int:
    options = payload.get("data", {}).get("options", [])
    while options:
        for option in options:
            if option.get("focused"):
                return int(option["type"])
        options = [o for top in options for o in top.get("options", [])]
    return 3
