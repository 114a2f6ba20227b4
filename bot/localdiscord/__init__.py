"""A small local Discord that a real discord.py client connects to, for end-to-end tests.

See `driver.LocalDiscord` for the test-side API and `records.Reply` for what is recorded.
"""

from .clock import Clock, ManualClock, MonotonicClock
from .commands import Upload
from .driver import LocalDiscord
from .errors import APIError, CommandRefused
from .records import ModalField, ModalRecord, Reply
from .state import Activity, Attachment, Channel, Guild, Member, Message, Pings, Role, User

__all__ = [
    "APIError",
    "Activity",
    "Attachment",
    "Channel",
    "Clock",
    "CommandRefused",
    "Guild",
    "LocalDiscord",
    "ManualClock",
    "Member",
    "Message",
    "ModalField",
    "ModalRecord",
    "MonotonicClock",
    "Pings",
    "Reply",
    "Role",
    "Upload",
    "User",
]
