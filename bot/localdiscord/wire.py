"""JSON as the local Discord reads and writes it: orjson, as compact as Discord's own.

The local Discord shares the machine with the bot it serves, so its CPU per request counts in
what a load bench measures (bench/load.py); json.dumps was the largest part of it.
"""

from __future__ import annotations

from typing import Any

import orjson

# orjson refuses keys that are not strings by default; json.dumps turned them into strings.
_OPTIONS = orjson.OPT_NON_STR_KEYS

JSONDecodeError = orjson.JSONDecodeError  # a subclass of json.JSONDecodeError


def dumps(data: Any) -> bytes:
    return orjson.dumps(data, option=_OPTIONS)


def dumps_text(data: Any) -> str:
    return orjson.dumps(data, option=_OPTIONS).decode()


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)
