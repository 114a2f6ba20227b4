"""A terminal channel on the local Discord: typed lines become interactions, replies become text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from bot.localdiscord import (
    Channel,
    CommandRefused,
    Guild,
    LocalDiscord,
    Member,
    Message,
    ModalRecord,
    Reply,
    Upload,
    User,
)
from bot.localdiscord.state import MANAGE_GUILD
from bot.sandbox import lines as typed
from bot.sandbox.render import WIDTH, message_lines, walk_components

GUILD_NAME = "Sandbox Track Club"
CHANNEL_NAME = "training"
COACH = "coach"
FIRST_SPEAKER = "you"
MAX_UPLOAD = 8 * 1024 * 1024
# Discord allows 3 s for the first response (the local Discord enforces it; a little margin
# here lets its refusal arrive), and 15 minutes for follow-ups after a defer.
ANSWER_WAIT = 5.0
TOKEN_LIFETIME = 15 * 60.0

USAGE = """\
Type what you would type in Discord:
  /log splits: 2:26 2:28 2:26 workout: 6 x 1000m w/ 500m rec
                        a slash command; options as `name: value`
  /wod post workout: …  a subcommand
  /sessions athlete: an?  ask for suggestions (autocomplete) with a trailing ?
  @ana                  speak as ana from now on (@coach has the coach role)
  press Log my splits   press a button on the latest message that has it
  pick tempo            pick an option in the latest select menu that offers it
  menu Log splits       a message's Apps menu, on the latest message someone typed
  menu Recent sessions on @ana
                        a member's Apps menu
  anything else         a plain message in #training
  help, quit"""


def stable_id(name: str) -> int:
    """A snowflake-sized id that is the same for `name` every run (the database keys on it)."""
    digest = int.from_bytes(hashlib.sha256(name.encode()).digest()[:6], "big")
    return 1_300_000_000_000_000_000 + digest


class Sandbox:
    """One person at a terminal, speaking as any member of one server with one channel."""

    def __init__(
        self,
        local: LocalDiscord,
        out: TextIO,
        files_dir: Path,
        *,
        echo: bool,
        width: int = WIDTH,
    ) -> None:
        self.local = local
        self.interactive = not echo
        self.out = out
        self.files_dir = files_dir
        self.echo = echo
        self.width = width
        self.guild: Guild = local.add_guild(GUILD_NAME)
        self.coach_role = self.guild.add_role(COACH, permissions=MANAGE_GUILD)
        self.channel: Channel = self.guild.add_channel(CHANNEL_NAME)
        self.speaker: Member = self.member(FIRST_SPEAKER)
        self.shown: dict[int, int] = {}  # message id -> number of edits when last shown
        self.recent: list[Message] = []  # shown messages, oldest first, for `press`
        self.form: tuple[ModalRecord, list[str], dict[str, str]] | None = None

    async def set_up_team(self, store: Any) -> None:
        """Make the sandbox's coach role the team's coach role, and #training the WOD channel
        unless the database already names one (ids are the same every run)."""
        current = await store.guild_settings(self.guild.id)
        wod_channel = current.wod_channel_id or self.channel.id
        await store.update_guild_settings(
            self.guild.id, coach_role_id=self.coach_role.id, wod_channel_id=wod_channel
        )

    # -- people ---------------------------------------------------------------------------------
    def member(self, name: str) -> Member:
        name = name.lower()
        for member in self.guild.members.values():
            if member.user.name == name:
                return member
        user = User(world=self.local.world, id=stable_id(name), name=name)
        self.local.world.users[user.id] = user
        return self.guild.add_member(user, roles=[COACH] if name == COACH else [])

    @property
    def prompt(self) -> str:
        if self.form is not None:
            return f"  {self.form[1][0]}: "
        return f"{self.speaker.user.name}> "

    # -- output ---------------------------------------------------------------------------------
    def say(self, *text: str) -> None:
        for line in text:
            self.out.write(line + "\n")
        self.out.flush()

    def names(self, kind: str, ident: int) -> str | None:
        if kind == "user":
            user = self.local.world.users.get(ident)
            return user.name if user else None
        if kind == "channel":
            channel = self.local.world.channels.get(ident)
            return channel.name if channel else None
        role = next((r for r in self.guild.roles if r.id == ident), None)
        return role.name if role else None

    def save_files(self, message: Message) -> list[str]:
        paths = []
        for attachment in message.attachments:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            safe = Path(attachment.filename).name or "file"
            path = self.files_dir / safe
            n = 2
            while path.exists():
                path = self.files_dir / f"{Path(safe).stem}-{n}{Path(safe).suffix}"
                n += 1
            path.write_bytes(attachment.data)
            paths.append(str(path))
        return paths

    def show(self, message: Message) -> None:
        if message.loading:  # a deferred answer still "thinking": shown once it is filled
            return
        before = self.shown.get(message.id)
        if before is not None and before == len(message.edits):
            return
        self.shown[message.id] = len(message.edits)
        author = "Pacer" if message.author is self.local.bot_user else message.author.name
        if before is not None:
            author += " (edited)"
        if message.channel is not self.channel and message.channel.name:
            author += f" in #{message.channel.name}"
        elif message.channel.guild is None:
            to = message.channel.recipient.name if message.channel.recipient else "?"
            author += f" (direct message to {to})"
        lines = message_lines(
            message.to_dict(),
            author=author,
            files=self.save_files(message) if before is None else (),
            width=self.width,
            names=self.names,
        )
        self.say(*lines)
        if message not in self.recent:
            self.recent.append(message)

    def show_new_posts(self) -> None:
        """Bot messages that appeared outside an interaction's answer (posts, DMs)."""
        channels: Iterable[Channel] = list(self.local.world.channels.values())
        for channel in channels:
            for message in channel.visible_messages():
                if message.author is self.local.bot_user:
                    self.show(message)

    def show_reply(self, reply: Reply) -> None:
        if reply.modal is not None and not reply.modal.submitted:
            self.start_form(reply.modal)
        if reply.choices is not None:
            names = [str(c.get("name")) for c in reply.choices]
            self.say("Suggestions: " + (", ".join(names) if names else "(none)"))
        if reply.message is not None:
            self.show(reply.message)
        for followup in reply.followups:
            self.show(followup)
        for error in reply.errors:
            self.say(f"(Discord refused Pacer's answer: {error.status} {error.message})")
        self.show_new_posts()

    async def settle(self, reply: Reply) -> Reply:
        """Wait for Pacer's answer: the first response within Discord's 3 s (the local Discord
        refuses a late one), then, after a defer, the follow-up for as long as Discord allows."""
        await reply.wait_for(lambda r: r.acknowledged or bool(r.errors), timeout=ANSWER_WAIT)
        if not reply.settled:
            if self.interactive:
                self.say("Pacer is thinking…")
            await reply.wait_for(lambda r: r.settled, timeout=TOKEN_LIFETIME)
        return reply

    # -- input ----------------------------------------------------------------------------------
    async def handle(self, line: str) -> bool:
        """Act on one typed line; False when the person asked to quit."""
        if self.echo:
            self.say(self.prompt + line.rstrip("\n"))
        if self.form is not None:
            await self.answer_field(line.rstrip("\n"))
            return True
        try:
            action = typed.read_line(line, self.schema())
        except typed.LineError as exc:
            self.say(str(exc))
            return True
        if isinstance(action, typed.Quit):
            return False
        try:
            await self.act(action)
        except CommandRefused as exc:
            self.say(f"Discord would not send that: {exc}")
        except TimeoutError:
            self.say("Pacer did not answer (Discord shows “The application did not respond”).")
        return True

    async def act(self, action: typed.Action | None) -> None:
        if action is None:
            return
        if isinstance(action, typed.Help):
            self.say(USAGE, "Commands: " + ", ".join(self.command_names()))
        elif isinstance(action, typed.Speak):
            self.speaker = self.member(action.name)
            if not self.echo:
                self.say(f"(speaking as {self.speaker.user.name})")
        elif isinstance(action, typed.Say):
            self.recent.append(await self.local.say(self.speaker, self.channel, action.text))
            self.show_new_posts()
        elif isinstance(action, typed.Slash):
            await self.slash(action)
        elif isinstance(action, typed.Press):
            await self.press(action.label)
        elif isinstance(action, typed.Pick):
            await self.pick(action.options)
        elif isinstance(action, typed.Menu):
            await self.menu(action.name)

    def schema(self) -> list[dict[str, Any]]:
        """The commands as synced: this server's, then the global ones."""
        return self.local.synced_commands(self.guild) + self.local.synced_commands()

    def command_names(self) -> list[str]:
        names = []
        for command in self.schema():
            kind = command.get("type", 1)
            names.append(f"/{command['name']}" if kind == 1 else f"menu {command['name']}")
        return names

    def option_value(self, value: Any, option: dict[str, Any]) -> Any:
        kind = option.get("type")
        if kind in (typed.USER, typed.MENTIONABLE):
            return self.member(str(value))
        if kind == typed.ROLE:
            return self.guild.role(str(value))
        if kind == typed.CHANNEL:
            for channel in self.guild.channels.values():
                if channel.name == value:
                    return channel
            return self.guild.add_channel(str(value))
        if kind == typed.ATTACHMENT:
            path = Path(str(value)).expanduser()
            try:
                data = path.read_bytes()[: MAX_UPLOAD + 1]
            except OSError as exc:
                raise CommandRefused(f"cannot read {path}: {exc.strerror}") from None
            return Upload(path.name, data)
        return value

    async def slash(self, action: typed.Slash) -> None:
        leaf = self.leaf_options(action.path)
        values = {n: self.option_value(v, leaf.get(n, {})) for n, v in action.options.items()}
        command = " ".join(action.path)
        if action.focused is not None:
            partial = values.pop(action.focused)
            reply = await self.local.autocomplete(
                self.speaker, self.channel, command, action.focused, partial, options=values
            )
        else:
            reply = await self.settle(
                await self.local.slash(
                    self.speaker, self.channel, command, options=values, wait=False
                )
            )
        self.show_reply(reply)

    def leaf_options(self, path: tuple[str, ...]) -> dict[str, dict[str, Any]]:
        node: dict[str, Any] = self.local.command(path[0], guild=self.guild)
        for name in path[1:]:
            node = next(o for o in node.get("options") or [] if o["name"] == name)
        return {o["name"]: o for o in node.get("options") or []}

    async def press(self, label: str) -> None:
        wanted = label.strip().lower()
        for message in reversed(self.recent):
            if message.deleted:
                continue
            for button in message.buttons():
                if str(button.get("label", "")).lower() == wanted:
                    key = str(button.get("custom_id") or button.get("label"))
                    reply = await self.settle(
                        await self.local.press(self.speaker, message, key, wait=False)
                    )
                    self.show_reply(reply)
                    return
        self.say(f"No button “{label}” on the messages shown so far.")

    async def pick(self, wanted: tuple[str, ...]) -> None:
        lowered = [w.lower() for w in wanted]
        for message in reversed(self.recent):
            if message.deleted:
                continue
            for select in walk_components(message.components):
                if select.get("type") != 3:
                    continue
                by_name = {}
                for option in select.get("options") or []:
                    by_name[str(option.get("label", "")).lower()] = option["value"]
                    by_name[str(option["value"]).lower()] = option["value"]
                if all(w in by_name for w in lowered):
                    values = [by_name[w] for w in lowered]
                    reply = await self.settle(
                        await self.local.select(
                            self.speaker, message, select["custom_id"], values, wait=False
                        )
                    )
                    self.show_reply(reply)
                    return
        self.say(f"No menu offers {', '.join(wanted)} on the messages shown so far.")

    async def menu(self, text: str) -> None:
        name, _, target = text.partition(" on ")
        name = name.strip()
        if target.strip():
            member = self.member(target.strip().lstrip("@"))
            reply = await self.settle(
                await self.local.context_menu(
                    self.speaker, member, name, channel=self.channel, wait=False
                )
            )
        else:
            typed_by_people = [
                m for m in self.channel.visible_messages() if m.author is not self.local.bot_user
            ]
            if not typed_by_people:
                self.say("Type a message first: the menu applies to the latest one.")
                return
            reply = await self.settle(
                await self.local.context_menu(
                    self.speaker, typed_by_people[-1], name, wait=False
                )
            )
        self.show_reply(reply)

    # -- modals ---------------------------------------------------------------------------------
    def start_form(self, modal: ModalRecord) -> None:
        fields = modal.fields()
        labels = [f.label for f in fields]
        filled = [f"{f.label}: {f.value}" for f in fields if f.value]
        if filled:
            self.say(f"Form “{modal.title}”, filled in: " + " · ".join(filled))
            self.say("Answer each field on its own line (empty = keep what is filled in).")
        else:
            self.say(
                f"Form “{modal.title}”: answer each field on its own line (empty = leave empty)."
            )
        self.form = (modal, labels, {})
        if not labels:
            self.form = None

    async def answer_field(self, value: str) -> None:
        assert self.form is not None
        modal, pending, answers = self.form
        if value:
            answers[pending[0]] = value
        pending.pop(0)
        if pending:
            return
        self.form = None
        try:
            reply = await self.settle(
                await self.local.submit_modal(self.speaker, modal, answers, wait=False)
            )
        except CommandRefused as exc:
            self.say(f"Discord would not send that form: {exc}")
            return
        except TimeoutError:
            self.say("Pacer did not answer (Discord shows “The application did not respond”).")
            return
        self.show_reply(reply)
