"""Settings from the environment (and a `.env` file beside the working directory, if present)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


def _read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; `#` comments and blank lines ignored; optional quotes stripped."""
    values: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return values
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


@dataclass(frozen=True, slots=True)
class Settings:
    discord_token: str | None = None
    db_path: str = "pacer.db"
    dev_guild: int | None = None
    log_level: str = "INFO"

    def __repr__(self) -> str:
        # The token must never reach a log line or a traceback.
        token = "set" if self.discord_token else "unset"
        return (
            f"Settings(discord_token=<{token}>, db_path={self.db_path!r}, "
            f"dev_guild={self.dev_guild!r}, log_level={self.log_level!r})"
        )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")
    ) -> Settings:
        """Environment variables win over `.env`, which wins over defaults."""
        env: dict[str, str] = {}
        if dotenv is not None:
            env.update(_read_dotenv(dotenv))
        env.update(os.environ if environ is None else environ)
        guild = env.get("PACER_DEV_GUILD", "").strip()
        if guild and not guild.isdigit():
            raise ValueError(f"PACER_DEV_GUILD must be a server id (digits only), not {guild!r}")
        level = (env.get("PACER_LOG_LEVEL") or "INFO").strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(
                f"PACER_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {level!r}"
            )
        return cls(
            discord_token=(env.get("DISCORD_TOKEN") or "").strip() or None,
            db_path=(env.get("PACER_DB") or "").strip() or "pacer.db",
            dev_guild=int(guild) if guild else None,
            log_level=level,
        )
