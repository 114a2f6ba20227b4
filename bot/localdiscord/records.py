"""What the bot did in answer to one interaction, recorded for tests to assert on."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import APIError
from .state import Channel, Member, Message, User, walk_components

# Interaction callback types.
PONG = 1
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE_MESSAGE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
MODAL = 9

RESPONSE_NAMES = {
    CHANNEL_MESSAGE: "message",
    DEFERRED_CHANNEL_MESSAGE: "deferred",
    DEFERRED_UPDATE_MESSAGE: "deferred_update",
    UPDATE_MESSAGE: "update_message",
    AUTOCOMPLETE_RESULT: "autocomplete",
    MODAL: "modal",
}

# Interaction types.
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5

ACK_DEADLINE = 3.0
TOKEN_LIFETIME = 15 * 60.0


class Notifier:
    """Wakes every waiter when the local Discord's state changes (no polling, no sleeps)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait_for(
        self, predicate: Callable[[], bool], timeout: float | None, describe: Callable[[], str]
    ) -> None:
        try:
            async with asyncio.timeout(timeout):
                while True:
                    event = self._event
                    if predicate():
                        return
                    await event.wait()
        except TimeoutError:
            raise TimeoutError(describe()) from None


@dataclass(frozen=True)
class ModalField:
    custom_id: str
    label: str
    kind: int  # 4 text input, 3 string select...
    required: bool
    min_length: int
    max_length: int
    value: str | None  # pre-filled value
    component: dict[str, Any] = field(repr=False)


@dataclass(eq=False)
class ModalRecord:
    """A modal the bot opened; pass it to `LocalDiscord.submit_modal`."""

    custom_id: str
    title: str
    components: list[dict[str, Any]]
    source: Reply = field(repr=False)
    submitted: bool = False

    def fields(self) -> list[ModalField]:
        found: list[ModalField] = []
        for top in self.components:
            label = top.get("label") if top.get("type") == 18 else None
            for item in walk_components([top]):
                if item.get("type") in (1, 18) or "custom_id" not in item:
                    continue
                found.append(
                    ModalField(
                        custom_id=item["custom_id"],
                        label=label or item.get("label") or item["custom_id"],
                        kind=item["type"],
                        required=item.get("required", True),
                        min_length=item.get("min_length", 0),
                        max_length=item.get("max_length", 4000),
                        value=item.get("value"),
                        component=item,
                    )
                )
        return found


@dataclass(eq=False)
class Reply:
    """Everything the bot sent in answer to one interaction.

    `message` is the interaction's original response: the message created by a type-4 reply or
    a defer (filled by the later edit / first follow-up), or for a component interaction answered
    with an update (types 6/7), the message the component was on.
    """

    notifier: Notifier = field(repr=False)
    id: int
    token: str
    type: int
    name: str
    user: User
    member: Member | None
    channel: Channel = field(repr=False)
    payload: dict[str, Any] = field(repr=False)
    created_at: float
    source_message: Message | None = field(default=None, repr=False)
    response_type: int | None = None
    response: dict[str, Any] | None = field(default=None, repr=False)
    message: Message | None = None
    modal: ModalRecord | None = None
    choices: list[dict[str, Any]] | None = None
    followups: list[Message] = field(default_factory=list)
    #  PATCH bodies on the original response and update-message callbacks, in order.
    edits: list[dict[str, Any]] = field(default_factory=list, repr=False)
    #  Requests about this interaction that the local Discord refused, in order.
    errors: list[APIError] = field(default_factory=list)

    # -- summary -----------------------------------------------------------------------------
    @property
    def response_kind(self) -> str | None:
        """'message', 'deferred', 'deferred_update', 'update_message', 'autocomplete', 'modal'."""
        return None if self.response_type is None else RESPONSE_NAMES[self.response_type]

    @property
    def acknowledged(self) -> bool:
        return self.response_type is not None

    @property
    def deferred(self) -> bool:
        return self.response_type in (DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE_MESSAGE)

    @property
    def ephemeral(self) -> bool:
        return self.message is not None and self.message.ephemeral

    @property
    def original(self) -> Message:
        """`message`, for tests that expect one: fails with what was recorded if there is none."""
        if self.message is None:
            raise AssertionError(f"no message was sent in answer to {self.describe()}")
        return self.message

    @property
    def answer(self) -> Message | None:
        """The message the user is left with: the original response (after a defer, filled by
        the first follow-up), or, when the bot deleted it (a "thinking" message withdrawn to
        answer privately instead), the last follow-up still there."""
        if self.message is not None and not self.message.deleted:
            return self.message
        kept = [m for m in self.followups if not m.deleted]
        return kept[-1] if kept else None

    @property
    def content(self) -> str | None:
        return None if self.message is None else self.message.content

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return [] if self.message is None else self.message.embeds

    @property
    def components(self) -> list[dict[str, Any]]:
        return [] if self.message is None else self.message.components

    @property
    def files(self) -> dict[str, bytes]:
        """Attachments of the original response, by file name."""
        return {} if self.message is None else self.message.files

    @property
    def error_codes(self) -> list[int]:
        return [e.code for e in self.errors]

    @property
    def settled(self) -> bool:
        """Answered in a way a user would see: a response that is not a pending defer, or an
        error the local Discord returned."""
        if self.errors:
            return True
        if self.response_type is None:
            return False
        if self.response_type == DEFERRED_CHANNEL_MESSAGE:
            return bool(self.followups) or (self.message is not None and not self.message.loading)
        if self.response_type == DEFERRED_UPDATE_MESSAGE:
            return bool(self.followups or self.edits)
        return True

    def describe(self) -> str:
        parts = [f"interaction {self.name!r} (type {self.type}) by {self.user.name}"]
        parts.append(f"response={self.response_kind}")
        if self.message is not None:
            parts.append(f"content={self.message.content!r}")
        parts.append(f"followups={len(self.followups)} edits={len(self.edits)}")
        if self.errors:
            parts.append(f"errors={self.errors!r}")
        return ", ".join(parts)

    async def wait_for(self, predicate: Callable[[Reply], bool], *, timeout: float = 5.0) -> Reply:
        """Wait (event-driven) until `predicate(self)` holds; TimeoutError says what was seen."""
        await self.notifier.wait_for(
            lambda: predicate(self),
            timeout,
            lambda: f"timed out after {timeout}s waiting on {self.describe()}",
        )
        return self

    async def next_followup(self, *, timeout: float = 5.0) -> Message:
        count = len(self.followups)
        await self.wait_for(lambda r: len(r.followups) > count, timeout=timeout)
        return self.followups[count]
