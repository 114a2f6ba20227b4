"""The test-side driver: start the local Discord, run a real discord.py bot against it, and act as
users do (slash commands, context menus, autocomplete, buttons, selects, modals, messages).

    async with LocalDiscord() as discord:
        guild = discord.add_guild("Track Club")
        ana = guild.add_member("ana")
        training = guild.add_channel("training")
        async with discord.run_bot(make_bot) as bot:
            await bot.tree.sync()
            reply = await discord.slash(ana, training, "log", splits="2:26 2:28")
            assert reply.content == "..."
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import re
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import discord
import yarl
from aiohttp import web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.eventloop import cancel_and_wait

from .checks import MAX_ATTACHMENT_BYTES, MAX_CONTENT
from .clock import Clock, MonotonicClock
from .commands import (
    CommandRegistry,
    Resolver,
    Upload,
    build_options,
    check_can_use,
    split_path,
    walk_to_leaf,
    wrap_in_chain,
)
from .errors import APIError, CommandRefused
from .gateway import Gateway
from .records import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    ModalField,
    ModalRecord,
    Notifier,
    Reply,
)
from .rest import Rest
from .state import (
    Activity,
    Attachment,
    Channel,
    Guild,
    Member,
    Message,
    User,
    World,
    walk_components,
)

BotFactory = Callable[[], discord.Client]
Actor = Member | User

DEFAULT_TIMEOUT = 5.0
#  Start-up waits this long after the last GUILD_CREATE before `on_ready` (discord.py default: 2 s).
GUILD_READY_TIMEOUT = 0.05


class LocalDiscord:
    """A Discord on 127.0.0.1 (ephemeral port) for one test. Use as an async context manager."""

    _running_bot: LocalDiscord | None = None

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        token: str = "local-bot-token",
        bot_name: str = "Pacer",
        wall: Callable[[], datetime] | None = None,
    ) -> None:
        self.clock: Clock = clock or MonotonicClock()
        self.token = token
        #  `wall`: the UTC time ids (snowflakes) are made at; real time unless a test moves it.
        self.world = World(bot_name, wall=wall)
        self.notifier = Notifier()
        self.registry = CommandRegistry(self.world.bot.id)
        self.gateway = Gateway(self.world, token, lambda: self.gateway_url, self.notifier.notify)
        self.rest = Rest(
            self.world,
            self.registry,
            self.gateway,
            self.clock,
            token,
            lambda: self.url,
            self.notifier.notify,
        )
        self.world.dispatch = self.gateway.dispatch
        self.world.notify = self.notifier.notify
        #  Errors the bot logged while it ran (formatted, with tracebacks), for diagnostics
        #  and for tests asserting that nothing went wrong.
        self.logged_errors: list[str] = []
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._tokens = itertools.count(1)

    # -- server lifecycle -----------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self.gateway.handle)
        app.add_routes(self.rest.routes())
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]

    async def close(self) -> None:
        self.rest.release_held()  # no handler left waiting through the shutdown
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port}/gateway"

    # -- world ----------------------------------------------------------------------------------
    @property
    def bot_user(self) -> User:
        return self.world.bot

    @property
    def guilds(self) -> list[Guild]:
        return list(self.world.guilds.values())

    def add_guild(self, name: str, *, owner: User | None = None) -> Guild:
        return self.world.add_guild(name, owner=owner)

    def add_user(self, name: str) -> User:
        return self.world.add_user(name)

    def dm(self, user: Actor) -> Channel:
        """The DM channel between `user` and the bot."""
        return self.world.dm_channel(user.user)

    @property
    def errors(self) -> list[APIError]:
        """Every request the local Discord refused, in order."""
        return self.rest.errors

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(method, path) of every REST request the bot made, in order."""
        return self.rest.requests

    def connections(self, method: str, path: str) -> set[Any]:
        """The client addresses (one per TCP connection) that requests matching `method` and
        the regex `path` came from."""
        pattern = re.compile(path)
        return {peer for (m, p), peer in zip(self.rest.requests, self.rest.peers, strict=True)
                if m == method.upper() and pattern.search(p)}

    def fail_next(self, method: str, path: str, **failure: Any) -> None:
        """Make the next matching REST request fail (default: a 429 the client retries); see
        `Rest.fail_next` for status, code, message, retry_after and times."""
        self.rest.fail_next(method, path, **failure)

    def hold_next(self, method: str, path: str, *, times: int = 1) -> None:
        """Carry out the next matching REST request(s) but hold the answer until
        `release_held()` (an answer lost in transit); see `Rest.hold_next`."""
        self.rest.hold_next(method, path, times=times)

    def release_held(self) -> None:
        self.rest.release_held()

    def synced_commands(self, guild: Guild | None = None) -> list[dict[str, Any]]:
        """The command schema the last sync uploaded for a guild (or globally), as stored."""
        return self.registry.list(None if guild is None else guild.id)

    def command(self, name: str, *, guild: Guild | None = None, kind: int = 1) -> dict[str, Any]:
        """One synced command (kind 1 slash, 2 user menu, 3 message menu); guild ones first."""
        return self.registry.find(guild, name, kind)

    # -- waiting --------------------------------------------------------------------------------
    async def wait_until(
        self, predicate: Callable[[], bool], *, timeout: float = DEFAULT_TIMEOUT, what: str = ""
    ) -> None:
        """Wait (event-driven) until `predicate()` holds after some change of the local Discord."""
        await self.notifier.wait_for(
            predicate,
            timeout,
            lambda: f"timed out after {timeout}s waiting for {what or predicate}",
        )

    async def wait_for_message(
        self,
        channel: Channel,
        predicate: Callable[[Message], bool] | None = None,
        *,
        after: Message | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> Message:
        """The first message in `channel` (after `after`) that the bot posted and that matches."""
        floor = after.id if after is not None else 0

        def find() -> Message | None:
            for message in channel.visible_messages():
                mine = message.id > floor and message.author is self.world.bot
                if mine and (predicate is None or predicate(message)):
                    return message
            return None

        await self.wait_until(
            lambda: find() is not None, timeout=timeout, what=f"a bot message in #{channel.name}"
        )
        found = find()
        assert found is not None
        return found

    async def activity(
        self, *, start: int = 0, timeout: float | None = None
    ) -> AsyncGenerator[Activity, None]:
        """Every message created / edited / deleted from index `start` on, as it happens (for a
        live view such as a terminal sandbox). Ends only when the caller stops iterating, or
        with TimeoutError if nothing happens for `timeout` seconds."""
        index = start
        log = self.world.activity
        while True:
            while index < len(log):
                yield log[index]
                index += 1
            seen = index
            await self.notifier.wait_for(
                lambda n=seen: len(log) > n,  # type: ignore[misc]
                timeout,
                lambda: f"no message activity for {timeout}s",
            )

    # -- the bot --------------------------------------------------------------------------------
    @contextlib.asynccontextmanager
    async def run_bot(
        self,
        bot: discord.Client | BotFactory,
        *,
        ready_timeout: float = 10.0,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
    ) -> AsyncIterator[Any]:
        """Run a real discord.py client against this Discord until the block ends.

        Points discord.py's REST base and gateway at this server for the duration, logs in, runs
        `connect()` as a task and waits until the bot is ready with every guild available. On
        exit the bot is closed and its task awaited, leaving nothing pending.
        """
        if LocalDiscord._running_bot is not None:
            raise RuntimeError("another local Discord is running a bot: one at a time per process")
        client = bot() if not isinstance(bot, discord.Client) else bot
        self._watch(client)
        LocalDiscord._running_bot = self
        saved = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
        Route.BASE = self.api_url
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        client._connection.guild_ready_timeout = min(
            client._connection.guild_ready_timeout, guild_ready_timeout
        )
        task: asyncio.Task[None] | None = None
        catcher = _ErrorCatcher(self.logged_errors, self.notifier.notify)
        logging.getLogger().addHandler(catcher)
        try:
            await client.login(self.token)
            task = asyncio.create_task(client.connect(reconnect=True), name="localdiscord-bot")
            ready = asyncio.ensure_future(self._bot_ready(client))
            done, _ = await asyncio.wait(
                {ready, task}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if ready not in done:
                await cancel_and_wait(ready)
                if task in done:
                    task.result()  # re-raises why connect() ended
                raise TimeoutError(f"the bot was not ready within {ready_timeout}s")
            ready.result()
            yield client
        finally:
            await client.close()
            if task is not None:
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await task
            Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
            LocalDiscord._running_bot = None
            logging.getLogger().removeHandler(catcher)

    def _watch(self, client: discord.Client) -> None:
        """Wake `wait_until` waiters whenever the bot processed an event or an event handler
        finished, so tests can wait on the bot's own state without polling."""
        notify = self.notifier.notify
        dispatch = client.dispatch
        run_event = client._run_event

        def dispatch_and_notify(event: str, /, *args: Any, **kwargs: Any) -> None:
            dispatch(event, *args, **kwargs)
            notify()

        async def run_event_and_notify(
            coro: Any, event_name: str, *args: Any, **kwargs: Any
        ) -> None:
            try:
                await run_event(coro, event_name, *args, **kwargs)
            finally:
                notify()

        client.dispatch = dispatch_and_notify  # type: ignore[method-assign]
        client._connection.dispatch = dispatch_and_notify

        if type(client).before_identify_hook is discord.Client.before_identify_hook:
            # discord.py waits 5 s before identifying again (Discord's identify rate limit);
            # the local gateway has no such limit.
            async def identify_at_once(shard_id: int | None, *, initial: bool = False) -> None:
                return None

            client.before_identify_hook = identify_at_once  # type: ignore[method-assign]
        client._run_event = run_event_and_notify  # type: ignore[method-assign]

    async def _bot_ready(self, client: discord.Client) -> None:
        await client.wait_until_ready()

        def missing() -> list[int]:
            return [
                gid
                for gid in self.world.guilds
                if (g := client.get_guild(gid)) is None or g.unavailable
            ]

        while missing():
            await client.wait_for("guild_available")

    async def drop_gateway(
        self, *, resumable: bool = True, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        """Drop the bot's gateway connection and wait until it is back (resumed, or identified
        again when `resumable` is False)."""
        before = (self.gateway.resumes, self.gateway.identifies)
        await self.gateway.drop(resumable=resumable)

        def back() -> bool:
            now = (self.gateway.resumes, self.gateway.identifies)
            return self.gateway.connected and now != before

        await self.wait_until(back, timeout=timeout, what="the bot to reconnect")

    # -- acting as users ------------------------------------------------------------------------
    def _require_bot(self) -> None:
        if LocalDiscord._running_bot is not self or self.gateway.current is None:
            raise RuntimeError("no bot is connected: start one with `discord.run_bot(...)`")

    def _actor(self, actor: Actor, channel: Channel) -> tuple[User, Member | None]:
        if channel.deleted:
            raise CommandRefused(f"#{channel.name} was deleted")
        guild = channel.guild
        if guild is None:
            return actor.user, None
        member = guild.members.get(actor.user.id)
        if member is None:
            raise CommandRefused(f"{actor.user.name} is not a member of {guild.name!r}")
        return member.user, member

    def _upload(self, upload: Upload) -> Attachment:
        if len(upload.data) > MAX_ATTACHMENT_BYTES:
            raise CommandRefused(f"{upload.filename} is larger than {MAX_ATTACHMENT_BYTES} bytes")
        return self.rest.make_attachment(upload.filename, upload.data, upload.content_type)

    def _interact(
        self,
        kind: int,
        actor: Actor,
        channel: Channel,
        data: dict[str, Any],
        *,
        name: str,
        message: Message | None = None,
    ) -> Reply:
        self._require_bot()
        user, member = self._actor(actor, channel)
        guild = channel.guild
        interaction_id = self.world.next_id()
        token = f"local-interaction-token-{next(self._tokens)}"
        channel_data = channel.to_dict()
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.world.bot.id),
            "type": kind,
            "data": data,
            "token": token,
            "version": 1,
            "channel_id": str(channel.id),
            "channel": channel_data,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": MAX_ATTACHMENT_BYTES,
            "app_permissions": str(channel.bot_permissions()),
            "context": 0 if guild is not None else 1,
        }
        if guild is not None and member is not None:
            payload["guild_id"] = str(guild.id)
            payload["guild"] = {"id": str(guild.id), "locale": "en-US", "features": []}
            payload["guild_locale"] = "en-US"
            payload["member"] = member.to_dict(channel=channel)
            payload["authorizing_integration_owners"] = {"0": str(guild.id)}
            channel_data["permissions"] = str(member.permissions_in(channel))
        else:
            payload["user"] = user.to_dict()
            payload["authorizing_integration_owners"] = {"0": "0"}
        if message is not None:
            payload["message"] = message.to_dict()
        reply = Reply(
            notifier=self.notifier,
            id=interaction_id,
            token=token,
            type=kind,
            name=name,
            user=user,
            member=member,
            channel=channel,
            payload=payload,
            created_at=self.clock.now(),
            source_message=message,
        )
        self.rest.register(reply)
        self.gateway.dispatch("INTERACTION_CREATE", payload, guild)
        self.notifier.notify()
        return reply

    async def settle(self, reply: Reply, *, timeout: float = DEFAULT_TIMEOUT) -> Reply:
        """Wait until `reply` is settled (see `Reply.settled`). On timeout the error names what
        was recorded and the last errors the bot logged."""
        try:
            await reply.wait_for(lambda r: r.settled, timeout=timeout)
        except TimeoutError as exc:
            logged = "\n".join(self.logged_errors[-3:])
            if logged:
                raise TimeoutError(f"{exc}\nthe bot logged:\n{logged}") from None
            raise
        return reply

    async def _settle(self, reply: Reply, wait: bool, timeout: float) -> Reply:
        return await self.settle(reply, timeout=timeout) if wait else reply

    def _command_data(
        self,
        actor: Actor,
        channel: Channel,
        command: str | Sequence[str],
        values: Mapping[str, Any],
        *,
        focused: str | None = None,
    ) -> tuple[dict[str, Any], str]:
        self._require_bot()
        parts = split_path(command)
        _, member = self._actor(actor, channel)
        schema = self.registry.find(channel.guild, parts[0], 1)
        check_can_use(schema, member)
        leaf, chain = walk_to_leaf(schema, parts)
        resolver = Resolver(channel.guild)
        options = build_options(leaf, values, resolver, self._upload, focused=focused)
        data: dict[str, Any] = {
            "id": schema["id"],
            "name": schema["name"],
            "type": 1,
            "options": wrap_in_chain(chain, options),
        }
        if resolver.data:
            data["resolved"] = resolver.data
        if "guild_id" in schema:
            data["guild_id"] = schema["guild_id"]
        return data, " ".join(parts)

    async def slash(
        self,
        member: Actor,
        channel: Channel,
        command: str | Sequence[str],
        /,
        *,
        options: Mapping[str, Any] | None = None,
        wait: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
        **values: Any,
    ) -> Reply:
        """Run a slash command as `member` in `channel`. `command` is "log", "wod post" or
        ("wod", "post"); option values by keyword (or in `options` for names that clash with
        the keywords here). With `wait`, return once the bot answered (a reply, or a defer
        followed by an edit or follow-up) or the local Discord refused its answer."""
        data, name = self._command_data(member, channel, command, {**(options or {}), **values})
        reply = self._interact(APPLICATION_COMMAND, member, channel, data, name=name)
        return await self._settle(reply, wait, timeout)

    async def autocomplete(
        self,
        member: Actor,
        channel: Channel,
        command: str | Sequence[str],
        option: str,
        /,
        partial: str = "",
        *,
        options: Mapping[str, Any] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        **values: Any,
    ) -> Reply:
        """Type `partial` into `option` (other options already filled from `values`); returns
        once the bot sent its choices (`reply.choices`)."""
        filled = {**(options or {}), **values, option: partial}
        data, name = self._command_data(member, channel, command, filled, focused=option)
        reply = self._interact(AUTOCOMPLETE, member, channel, data, name=name)
        return await self._settle(reply, True, timeout)

    async def context_menu(
        self,
        member: Actor,
        target: Message | Member | User,
        name: str,
        /,
        *,
        channel: Channel | None = None,
        wait: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> Reply:
        """Use a message context menu on `target` (a Message), or a user context menu on a
        Member/User (in `channel`, default the guild's first channel)."""
        if isinstance(target, Message):
            kind, where = 3, target.channel
            if target.deleted:
                raise CommandRefused("the message was deleted")
        else:
            kind = 2
            if channel is None:
                if not isinstance(member, Member) or not member.guild.channels:
                    raise CommandRefused("a user context menu needs channel=...")
                channel = next(iter(member.guild.channels.values()))
            where = channel
        _, acting = self._actor(member, where)
        command = self.registry.find(where.guild, name, kind)
        check_can_use(command, acting)
        resolver = Resolver(where.guild)
        target_id = (
            resolver.message(target) if isinstance(target, Message) else resolver.user(target)
        )
        data: dict[str, Any] = {
            "id": command["id"],
            "name": command["name"],
            "type": kind,
            "target_id": str(target_id),
            "resolved": resolver.data,
        }
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        reply = self._interact(APPLICATION_COMMAND, member, where, data, name=name)
        return await self._settle(reply, wait, timeout)

    async def press(
        self,
        member: Actor,
        message: Message,
        button: str,
        /,
        *,
        wait: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> Reply:
        """Click the button labelled `button` (or with that custom_id) on `message`."""
        if message.deleted:
            raise CommandRefused("the message was deleted")
        buttons = message.buttons()
        matches = [b for b in buttons if b.get("custom_id") == button] or [
            b for b in buttons if b.get("label") == button
        ]
        if not matches:
            listed = [f"{b.get('label')!r} ({b.get('custom_id')})" for b in buttons]
            raise CommandRefused(
                f"no button {button!r} on the message; buttons: {listed or 'none'}"
            )
        if len(matches) > 1:
            raise CommandRefused(f"several buttons are labelled {button!r}: use a custom_id")
        found = matches[0]
        if found.get("disabled"):
            raise CommandRefused(f"button {button!r} is disabled")
        _only_its_user_sees(message, member)
        if "custom_id" not in found:
            raise CommandRefused(f"button {button!r} is a link: clicking it sends no interaction")
        data = {"custom_id": found["custom_id"], "component_type": 2}
        reply = self._interact(
            MESSAGE_COMPONENT,
            member,
            message.channel,
            data,
            name=found["custom_id"],
            message=message,
        )
        return await self._settle(reply, wait, timeout)

    async def select(
        self,
        member: Actor,
        message: Message,
        select: str,
        values: Sequence[str],
        /,
        *,
        wait: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> Reply:
        """Pick `values` in the string select with custom_id or placeholder `select`."""
        selects = [c for c in walk_components(message.components) if c.get("type") == 3]
        found = next(
            (s for s in selects if select in (s.get("custom_id"), s.get("placeholder"))), None
        )
        if found is None:
            raise CommandRefused(f"no string select {select!r} on the message")
        if found.get("disabled"):
            raise CommandRefused(f"select {select!r} is disabled")
        _only_its_user_sees(message, member)
        offered = [o["value"] for o in found.get("options", [])]
        low, high = found.get("min_values", 1), found.get("max_values", 1)
        if not low <= len(values) <= high:
            raise CommandRefused(f"select {select!r} takes {low} to {high} values, got {values!r}")
        bad = [v for v in values if v not in offered]
        if bad:
            raise CommandRefused(f"{bad} are not options of {select!r}; options: {offered}")
        data = {"custom_id": found["custom_id"], "component_type": 3, "values": list(values)}
        reply = self._interact(
            MESSAGE_COMPONENT,
            member,
            message.channel,
            data,
            name=found["custom_id"],
            message=message,
        )
        return await self._settle(reply, wait, timeout)

    async def submit_modal(
        self,
        member: Actor,
        modal: ModalRecord,
        values: Mapping[str, str | Sequence[str]],
        /,
        *,
        wait: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> Reply:
        """Fill and submit a modal the bot opened; `values` keyed by field label or custom_id."""
        source = modal.source
        if modal.submitted:
            raise CommandRefused(f"modal {modal.title!r} was already submitted")
        if member.user is not source.user:
            raise CommandRefused(f"modal {modal.title!r} was opened for {source.user.name}")
        fields = modal.fields()
        keys = {f.custom_id: f for f in fields} | {f.label: f for f in fields}
        unknown = [k for k in values if k not in keys]
        if unknown:
            listed = [f"{f.label!r} ({f.custom_id})" for f in fields]
            raise CommandRefused(f"modal {modal.title!r} has no field {unknown}; fields: {listed}")
        given = {keys[k].custom_id: v for k, v in values.items()}
        for field in fields:
            value = given.get(field.custom_id, field.value or "")
            if field.kind == 3:
                _check_modal_select(modal, field, value)
            if field.kind == 4:
                if not isinstance(value, str):
                    raise CommandRefused(f"field {field.label!r} takes text, got {value!r}")
                if field.required and not value:
                    raise CommandRefused(f"field {field.label!r} of {modal.title!r} is required")
                if value and not field.min_length <= len(value) <= field.max_length:
                    raise CommandRefused(
                        f"field {field.label!r} takes {field.min_length} to {field.max_length} "
                        f"characters, got {len(value)}"
                    )
        components = [_submitted(top, given) for top in modal.components]
        data = {"custom_id": modal.custom_id, "components": [c for c in components if c]}
        modal.submitted = True
        reply = self._interact(
            MODAL_SUBMIT,
            member,
            source.channel,
            data,
            name=modal.custom_id,
            message=source.source_message,
        )
        return await self._settle(reply, wait, timeout)

    async def say(
        self,
        member: Actor,
        channel: Channel,
        content: str,
        /,
        *,
        files: Sequence[Upload] = (),
        reply_to: Message | None = None,
    ) -> Message:
        """Post a message as `member` (the bot receives MESSAGE_CREATE)."""
        user, _ = self._actor(member, channel)
        if len(content) > MAX_CONTENT:
            raise CommandRefused(
                f"a message is at most {MAX_CONTENT} characters, got {len(content)}"
            )
        message = Message(
            world=self.world,
            id=self.world.next_id(),
            channel=channel,
            author=user,
            content=content,
            attachments=[self._upload(f) for f in files],
            created_at=self.world.timestamp(),
        )
        if reply_to is not None:
            message.reference_id = reply_to.id
            message.message_type = 19
        self.world.messages[message.id] = message
        channel.messages.append(message)
        self.gateway.dispatch("MESSAGE_CREATE", message.to_dict(), channel.guild)
        self.world.record("created", message)
        return message


def _check_modal_select(modal: ModalRecord, field: ModalField, value: Any) -> None:
    chosen = [value] if isinstance(value, str) and value else list(value or [])
    offered = [o["value"] for o in field.component.get("options", [])]
    low = field.component.get("min_values", 1)
    high = field.component.get("max_values", 1)
    if not field.component.get("required", True):
        low = 0
    if not low <= len(chosen) <= high or any(v not in offered for v in chosen):
        raise CommandRefused(
            f"field {field.label!r} of {modal.title!r} takes {low} to {high} of {offered}, "
            f"got {chosen}"
        )


def _only_its_user_sees(message: Message, actor: Actor) -> None:
    user = message.interaction_user
    if message.ephemeral and user is not None and user is not actor.user:
        raise CommandRefused(f"the message is ephemeral: only {user.name} sees it")


class _ErrorCatcher(logging.Handler):
    """Keeps ERROR records logged while a bot runs (discord.py logs failing commands there)."""

    def __init__(self, sink: list[str], notify: Callable[[], None]) -> None:
        super().__init__(logging.ERROR)
        self.sink = sink
        self.notify = notify
        self.setFormatter(logging.Formatter("%(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(self.format(record))
        self.notify()


def _submitted(
    component: dict[str, Any], given: Mapping[str, str | Sequence[str]]
) -> dict[str, Any] | None:
    """A modal component as Discord sends it back on submit."""
    kind = component.get("type")
    if kind == 1:
        inner = [c for c in (_submitted(x, given) for x in component.get("components", [])) if c]
        return {"type": 1, "components": inner}
    if kind == 18:
        inner_one = _submitted(component["component"], given)
        return {"type": 18, "component": inner_one} if inner_one else None
    custom_id = component.get("custom_id")
    if custom_id is None:
        return None
    if kind == 4:
        return {
            "type": 4,
            "custom_id": custom_id,
            "value": given.get(custom_id, component.get("value") or ""),
        }
    if kind == 3:
        raw = given.get(custom_id, "")
        chosen = [raw] if isinstance(raw, str) and raw else list(raw)
        return {"type": 3, "custom_id": custom_id, "values": chosen}
    return None
