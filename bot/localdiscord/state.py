"""The local Discord's world: users, guilds, roles, members, channels and messages.

Each object knows how to render itself as the JSON payload Discord sends (`to_dict`). Mutations made
after the bot connected are announced to it through `World.dispatch` (set up by the gateway).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

# Permission bits (https://discord.com/developers/docs/topics/permissions).
CREATE_INSTANT_INVITE = 1 << 0
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CHANGE_NICKNAME = 1 << 26
MANAGE_ROLES = 1 << 28
USE_APPLICATION_COMMANDS = 1 << 31
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 51) - 1

DEFAULT_PERMISSIONS = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)

# Message flags.
EPHEMERAL = 1 << 6
LOADING = 1 << 7

# Channel types.
GUILD_TEXT = 0
DM = 1
GUILD_CATEGORY = 4

_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
DISCORD_EPOCH = datetime(2015, 1, 1, tzinfo=UTC)  # snowflakes count milliseconds from it


def snowflake_at(moment: datetime) -> int:
    """The smallest snowflake of a moment: milliseconds since Discord's epoch, shifted 22 bits."""
    return int((moment - DISCORD_EPOCH).total_seconds() * 1000) << 22


def iso(moment: datetime) -> str:
    return moment.isoformat()


@dataclass(frozen=True)
class Activity:
    """One change to a message, in the order the local Discord saw them."""

    kind: str  # "created", "edited" or "deleted"
    message: Message


class World:
    """Root of the state: id allocation, lookups, and the hook that sends gateway events."""

    def __init__(
        self, bot_name: str = "Pacer", *, wall: Callable[[], datetime] | None = None
    ) -> None:
        #  The wall clock ids are made on (Discord's, as UTC datetimes): real time by default.
        self.wall: Callable[[], datetime] = wall or (lambda: datetime.now(UTC))
        self._last_id = 1_400_000_000_000_000_000
        self._ticks = itertools.count()
        self.users: dict[int, User] = {}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, Message] = {}
        #  Every message created, edited or deleted (by the bot or by users), in order.
        self.activity: list[Activity] = []
        self.bot = self.add_user(bot_name, bot=True)
        #  Set by the gateway; called with (event name, payload, guild or None).
        self.dispatch: Callable[[str, dict[str, Any], Guild | None], None] = _no_dispatch
        #  Called after every mutation so that waiters re-check their condition.
        self.notify: Callable[[], None] = _no_notify

    def next_id(self) -> int:
        """A snowflake of the wall clock's moment, as Discord makes them (so `after=` a time
        finds what was made since), strictly increasing even if the clock stands still."""
        self._last_id = max(self._last_id + 1, snowflake_at(self.wall()))
        return self._last_id

    def ids_from(self, moment: datetime) -> None:
        """Make ids from now on no smaller than snowflakes of `moment`, so they keep growing
        from one run to the next of a kept database whose clock is ahead of the wall's. What
        was made before (the server, its channel) keeps its ids."""
        self._last_id = max(self._last_id, snowflake_at(moment) - 1)

    def timestamp(self) -> datetime:
        """A strictly increasing timestamp (one second per call): deterministic ordering."""
        return _EPOCH + timedelta(seconds=next(self._ticks))

    def record(self, kind: str, message: Message) -> None:
        self.activity.append(Activity(kind, message))
        self.notify()

    def add_user(self, name: str, *, bot: bool = False) -> User:
        user = User(world=self, id=self.next_id(), name=name, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(self, name: str, *, owner: User | None = None) -> Guild:
        owner = owner or self.add_user(f"{name}-owner")
        guild = Guild(world=self, id=self.next_id(), name=name, owner=owner)
        self.guilds[guild.id] = guild
        everyone = Role(guild=guild, id=guild.id, name="@everyone", permissions=DEFAULT_PERMISSIONS)
        guild.roles.append(everyone)
        guild._add_member_for(owner, [])
        bot_role = guild.add_role(self.bot.name, permissions=DEFAULT_PERMISSIONS, managed=True)
        guild._add_member_for(self.bot, [bot_role])
        self.dispatch("GUILD_CREATE", guild.to_dict(), guild)
        self.notify()
        return guild

    def dm_channel(self, user: User) -> Channel:
        """The bot's DM channel with `user`, created on first use."""
        for channel in self.channels.values():
            if channel.type == DM and channel.recipient is user:
                return channel
        channel = Channel(world=self, id=self.next_id(), guild=None, name="", type=DM)
        channel.recipient = user
        self.channels[channel.id] = channel
        return channel

    def channel(self, channel_id: int) -> Channel | None:
        channel = self.channels.get(channel_id)
        return None if channel is None or channel.deleted else channel


def _no_dispatch(event: str, data: dict[str, Any], guild: Guild | None) -> None:
    return None


def _no_notify() -> None:
    return None


@dataclass(eq=False)
class User:
    world: World = field(repr=False)
    id: int
    name: str
    bot: bool = False

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    @property
    def user(self) -> User:
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "global_name": None if self.bot else self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(eq=False)
class Role:
    guild: Guild = field(repr=False)
    id: int
    name: str
    permissions: int = 0
    position: int = 0
    managed: bool = False
    mentionable: bool = False

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.managed:
            data["tags"] = {"bot_id": str(self.guild.world.bot.id)}
        return data


@dataclass(eq=False)
class Member:
    guild: Guild = field(repr=False)
    user: User
    roles: list[Role] = field(default_factory=list)
    nick: str | None = None
    joined_at: datetime = field(default_factory=lambda: _EPOCH)

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def name(self) -> str:
        return self.user.name

    @property
    def mention(self) -> str:
        return self.user.mention

    def permissions(self) -> int:
        """Guild-level permissions (owner and administrators have them all)."""
        if self.guild.owner is self.user:
            return ALL_PERMISSIONS
        perms = self.guild.everyone.permissions
        for role in self.roles:
            perms |= role.permissions
        return ALL_PERMISSIONS if perms & ADMINISTRATOR else perms

    def permissions_in(self, channel: Channel) -> int:
        """Permissions in a channel, after its overwrites (everyone, then roles, then member)."""
        perms = self.permissions()
        if perms == ALL_PERMISSIONS:
            return perms
        overwrites = channel.overwrites
        if (ow := overwrites.get(self.guild.id)) is not None:
            perms = (perms & ~ow.deny) | ow.allow
        allow = deny = 0
        for role in self.roles:
            if (ow := overwrites.get(role.id)) is not None:
                allow |= ow.allow
                deny |= ow.deny
        perms = (perms & ~deny) | allow
        if (ow := overwrites.get(self.id)) is not None:
            perms = (perms & ~ow.deny) | ow.allow
        return perms

    def add_roles(self, *roles: Role) -> None:
        for role in roles:
            if role not in self.roles:
                self.roles.append(role)
        self.guild.world.dispatch("GUILD_MEMBER_UPDATE", self.to_dict(with_guild=True), self.guild)
        self.guild.world.notify()

    def to_dict(
        self, *, channel: Channel | None = None, with_user: bool = True, with_guild: bool = False
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roles": [str(r.id) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": iso(self.joined_at),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.to_dict()
        if with_guild:
            data["guild_id"] = str(self.guild.id)
        if channel is not None:
            data["permissions"] = str(self.permissions_in(channel))
        return data


@dataclass
class Overwrite:
    target_id: int
    kind: int  # 0 role, 1 member
    allow: int = 0
    deny: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": str(self.target_id),
            "type": self.kind,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


@dataclass(eq=False)
class Attachment:
    id: int
    filename: str
    data: bytes = field(repr=False)
    content_type: str | None = None
    description: str | None = None
    url: str = ""

    @property
    def size(self) -> int:
        return len(self.data)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "filename": self.filename,
            "size": self.size,
            "url": self.url,
            "proxy_url": self.url,
        }
        if self.content_type:
            data["content_type"] = self.content_type
        if self.description:
            data["description"] = self.description
        return data


_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


@dataclass(frozen=True)
class Pings:
    """Who a message actually notifies, after `allowed_mentions`."""

    everyone: bool
    users: frozenset[int]
    roles: frozenset[int]

    @property
    def nobody(self) -> bool:
        return not (self.everyone or self.users or self.roles)


@dataclass(eq=False)
class Message:
    world: World = field(repr=False)
    id: int
    channel: Channel = field(repr=False)
    author: User
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    #  As the bot sent it; None when it sent none (Discord then parses every mention).
    allowed_mentions: dict[str, Any] | None = None
    created_at: datetime = field(default_factory=lambda: _EPOCH)
    edited_at: datetime | None = None
    webhook_id: int | None = None
    interaction_id: int | None = None
    interaction_type: int | None = None
    interaction_user: User | None = None
    message_type: int = 0
    reference_id: int | None = None
    #  As the bot sent it (Discord echoes it in the create response and event, never on fetch).
    nonce: str | None = None
    #  Each PATCH the message received, as sent.
    edits: list[dict[str, Any]] = field(default_factory=list, repr=False)
    reactions: list[str] = field(default_factory=list)
    deleted: bool = False

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        return bool(self.flags & LOADING)

    @property
    def guild(self) -> Guild | None:
        return self.channel.guild

    @property
    def files(self) -> dict[str, bytes]:
        """Attachments by file name."""
        return {a.filename: a.data for a in self.attachments}

    def pings(self) -> Pings:
        """Who this message notifies: mentions in its content filtered by `allowed_mentions`."""
        allowed = self.allowed_mentions
        if allowed is None:
            parse = {"users", "roles", "everyone"}
            allowed_users: set[int] = set()
            allowed_roles: set[int] = set()
        else:
            parse = set(allowed.get("parse", []))
            allowed_users = {int(u) for u in allowed.get("users", [])}
            allowed_roles = {int(r) for r in allowed.get("roles", [])}
        everyone = "everyone" in parse and ("@everyone" in self.content or "@here" in self.content)
        users = {
            int(m)
            for m in _USER_MENTION.findall(self.content)
            if "users" in parse or int(m) in allowed_users
        }
        roles = {
            int(m)
            for m in _ROLE_MENTION.findall(self.content)
            if "roles" in parse or int(m) in allowed_roles
        }
        return Pings(everyone, frozenset(users), frozenset(roles))

    def buttons(self) -> list[dict[str, Any]]:
        """Every button in the message's components (action rows, sections, containers)."""
        return [c for c in walk_components(self.components) if c.get("type") == 2]

    def to_dict(self) -> dict[str, Any]:
        pings = self.pings()
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel.id),
            "author": self.author.to_dict(),
            "content": self.content,
            "timestamp": iso(self.created_at),
            "edited_timestamp": iso(self.edited_at) if self.edited_at else None,
            "tts": False,
            "mention_everyone": pings.everyone,
            "mentions": [
                self.world.users[u].to_dict() for u in sorted(pings.users) if u in self.world.users
            ],
            "mention_roles": [str(r) for r in sorted(pings.roles)],
            "attachments": [a.to_dict() for a in self.attachments],
            "embeds": self.embeds,
            "components": self.components,
            "reactions": [],
            "pinned": False,
            "type": self.message_type,
            "flags": self.flags,
        }
        guild = self.channel.guild
        if guild is not None:
            data["guild_id"] = str(guild.id)
            member = guild.members.get(self.author.id)
            if member is not None and self.webhook_id is None:
                data["member"] = member.to_dict(with_user=False)
        if self.webhook_id is not None:
            data["webhook_id"] = str(self.webhook_id)
            data["application_id"] = str(self.webhook_id)
        if self.interaction_id is not None and self.interaction_user is not None:
            data["interaction_metadata"] = {
                "id": str(self.interaction_id),
                "type": self.interaction_type,
                "user": self.interaction_user.to_dict(),
                "authorizing_integration_owners": {"0": str(guild.id)} if guild else {},
            }
        if self.reference_id is not None:
            data["message_reference"] = {
                "type": 0,
                "message_id": str(self.reference_id),
                "channel_id": str(self.channel.id),
            }
        return data


def walk_components(components: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for component in components:
        yield component
        yield from walk_components(component.get("components", []))
        for key in ("accessory", "component"):
            if isinstance(component.get(key), dict):
                yield from walk_components([component[key]])


@dataclass(eq=False)
class Channel:
    world: World = field(repr=False)
    id: int
    guild: Guild | None = field(repr=False)
    name: str
    type: int = GUILD_TEXT
    position: int = 0
    topic: str | None = None
    overwrites: dict[int, Overwrite] = field(default_factory=dict)
    #  Every message posted here that everyone can see (ephemeral ones are not in a channel).
    messages: list[Message] = field(default_factory=list, repr=False)
    recipient: User | None = None
    deleted: bool = False

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    def message(self, message_id: int) -> Message | None:
        found = self.world.messages.get(message_id)
        if found is None or found.deleted or found.channel is not self:
            return None
        return found

    def visible_messages(self) -> list[Message]:
        return [m for m in self.messages if not m.deleted]

    def bot_permissions(self) -> int:
        if self.guild is None:
            return DEFAULT_PERMISSIONS
        return self.guild.me.permissions_in(self)

    def set_permissions(self, target: Member | Role, *, allow: int = 0, deny: int = 0) -> None:
        """Set a permission overwrite on this channel, as a moderator would."""
        kind = 1 if isinstance(target, Member) else 0
        self.overwrites[target.id] = Overwrite(target.id, kind, allow, deny)
        self._announce_update()

    def set_bot_can_send(self, allowed: bool) -> None:
        """Deny (or restore) the bot's right to post here: its sends then fail with 403/50013."""
        assert self.guild is not None, "a DM channel has no permission overwrites"
        if allowed:
            self.overwrites.pop(self.world.bot.id, None)
        else:
            self.overwrites[self.world.bot.id] = Overwrite(self.world.bot.id, 1, 0, SEND_MESSAGES)
        self._announce_update()

    def delete(self) -> None:
        """Delete the channel: the bot gets CHANNEL_DELETE, later requests on it get 404/10003."""
        self.deleted = True
        if self.guild is not None:
            self.guild.channels.pop(self.id, None)
        self.world.dispatch("CHANNEL_DELETE", self.to_dict(), self.guild)
        self.world.notify()

    def _announce_update(self) -> None:
        self.world.dispatch("CHANNEL_UPDATE", self.to_dict(), self.guild)
        self.world.notify()

    def to_dict(self) -> dict[str, Any]:
        if self.type == DM:
            assert self.recipient is not None
            return {
                "id": str(self.id),
                "type": DM,
                "last_message_id": None,
                "recipients": [self.recipient.to_dict()],
                "flags": 0,
            }
        assert self.guild is not None
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild.id),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [ow.to_dict() for ow in self.overwrites.values()],
            "topic": self.topic,
            "nsfw": False,
            "parent_id": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }


@dataclass(eq=False)
class Guild:
    world: World = field(repr=False)
    id: int
    name: str
    owner: User
    roles: list[Role] = field(default_factory=list)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)

    @property
    def everyone(self) -> Role:
        return self.roles[0]

    @property
    def me(self) -> Member:
        return self.members[self.world.bot.id]

    def add_role(
        self, name: str, *, permissions: int = 0, managed: bool = False, mentionable: bool = False
    ) -> Role:
        role = Role(
            guild=self,
            id=self.world.next_id(),
            name=name,
            permissions=permissions,
            position=len(self.roles),
            managed=managed,
            mentionable=mentionable,
        )
        self.roles.append(role)
        self.world.dispatch(
            "GUILD_ROLE_CREATE", {"guild_id": str(self.id), "role": role.to_dict()}, self
        )
        self.world.notify()
        return role

    def role(self, name: str) -> Role:
        for role in self.roles:
            if role.name == name:
                return role
        raise KeyError(f"no role {name!r} in guild {self.name!r}: {[r.name for r in self.roles]}")

    def _add_member_for(self, user: User, roles: list[Role]) -> Member:
        member = Member(guild=self, user=user, roles=list(roles), joined_at=self.world.timestamp())
        self.members[user.id] = member
        return member

    def add_member(
        self, name: str | User, *, roles: Iterable[Role | str] = (), nick: str | None = None
    ) -> Member:
        """Add a member (a new user unless a `User` is given); roles by object or by name."""
        user = name if isinstance(name, User) else self.world.add_user(name)
        resolved = [r if isinstance(r, Role) else self.role(r) for r in roles]
        member = self._add_member_for(user, resolved)
        member.nick = nick
        self.world.dispatch("GUILD_MEMBER_ADD", member.to_dict(with_guild=True), self)
        self.world.notify()
        return member

    def member(self, name: str) -> Member:
        for member in self.members.values():
            if member.user.name == name:
                return member
        raise KeyError(f"no member {name!r} in guild {self.name!r}")

    def add_channel(self, name: str, *, topic: str | None = None) -> Channel:
        channel = Channel(
            world=self.world,
            id=self.world.next_id(),
            guild=self,
            name=name,
            position=len(self.channels),
            topic=topic,
        )
        self.channels[channel.id] = channel
        self.world.channels[channel.id] = channel
        self.world.dispatch("CHANNEL_CREATE", channel.to_dict(), self)
        self.world.notify()
        return channel

    def channel(self, name: str) -> Channel:
        for channel in self.channels.values():
            if channel.name == name:
                return channel
        raise KeyError(f"no channel #{name} in guild {self.name!r}")

    def to_dict(self, *, all_members: bool = True) -> dict[str, Any]:
        members = list(self.members.values()) if all_members else [self.me]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner.id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": [r.to_dict() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": iso(self.me.joined_at),
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "members": [m.to_dict() for m in members],
            "channels": [c.to_dict() for c in self.channels.values()],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }
