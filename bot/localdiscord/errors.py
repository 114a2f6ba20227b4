"""Errors in Discord's shape, raised by the local Discord's checks, sent as HTTP responses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class APIError(Exception):
    """A refused request: HTTP status, Discord error code and message, optional field errors."""

    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        errors: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {message} (error code: {code})")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        #  Filled by the REST layer: which request was refused.
        self.method = ""
        self.path = ""

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            body["errors"] = self.errors
        return body

    def __repr__(self) -> str:
        where = f" on {self.method} {self.path}" if self.method else ""
        detail = f" {self.errors}" if self.errors else ""
        return f"<APIError {self.status} code={self.code} {self.message!r}{where}{detail}>"


def form_error(path: Sequence[str | int], err_code: str, message: str) -> APIError:
    """400 Invalid Form Body (50035) with the nested `errors` object Discord uses."""
    node: dict[str, Any] = {"_errors": [{"code": err_code, "message": message}]}
    for key in reversed(path):
        node = {str(key): node}
    return APIError(400, 50035, "Invalid Form Body", node)


def unknown(what: str, code: int) -> APIError:
    return APIError(404, code, f"Unknown {what}")


UNKNOWN_CHANNEL = 10003
UNKNOWN_GUILD = 10004
UNKNOWN_MEMBER = 10007
UNKNOWN_MESSAGE = 10008
UNKNOWN_USER = 10013
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062
UNKNOWN_COMMAND = 10063
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013
CANNOT_EDIT_OTHERS = 50005
EMPTY_MESSAGE = 50006
INVALID_WEBHOOK_TOKEN = 50027
ALREADY_ACKNOWLEDGED = 40060
ENTITY_TOO_LARGE = 40005
UNAUTHORIZED = 0


def missing_permissions() -> APIError:
    return APIError(403, MISSING_PERMISSIONS, "Missing Permissions")


def missing_access() -> APIError:
    return APIError(403, MISSING_ACCESS, "Missing Access")


class CommandRefused(ValueError):
    """The test asked for something the real Discord client could not send (bad option, no such
    command, a disabled button...). Raised on the test side; nothing reaches the bot."""
