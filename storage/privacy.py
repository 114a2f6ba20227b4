"""Who is hidden from teammates, kept in memory beside the database.

A /log is acknowledged from its gateway event, before discord.py builds the interaction
(bot/early_acks.py), and that acknowledgement is public or ephemeral by the athlete's privacy:
it cannot wait for a store hop. The store keeps this copy in step with its own writes, in the
order they commit (each update runs on the connection's thread right after its write), and
loads it when it opens; the bot is the database's only writer.
"""

from __future__ import annotations

import sqlite3


class Privacy:
    """Each guild's default for new athletes, and each athlete's own setting (an athlete's row
    keeps the default it was created with)."""

    def __init__(self) -> None:
        self._defaults: dict[int, bool] = {}
        self._athletes: dict[tuple[int, int], bool] = {}

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> Privacy:
        privacy = cls()
        for guild_id, hidden in conn.execute(
            "SELECT guild_id, hidden_by_default FROM guilds WHERE hidden_by_default"
        ):
            privacy._defaults[guild_id] = bool(hidden)
        for guild_id, athlete_id, hidden in conn.execute(
            "SELECT guild_id, athlete_id, hidden FROM athletes"
        ):
            privacy._athletes[guild_id, athlete_id] = bool(hidden)
        return privacy

    def hidden(self, guild_id: int, athlete_id: int) -> bool:
        """Whether the athlete's sessions are hidden from teammates (as `Store.log_check`)."""
        found = self._athletes.get((guild_id, athlete_id))
        return self._defaults.get(guild_id, False) if found is None else found

    # Called on the connection's thread, after the write commits.

    def set_default(self, guild_id: int, hidden: bool) -> None:
        self._defaults[guild_id] = hidden

    def set_athlete(self, guild_id: int, athlete_id: int, hidden: bool) -> None:
        self._athletes[guild_id, athlete_id] = hidden

    def ensure_athlete(self, guild_id: int, athlete_id: int) -> None:
        """An athlete's row exists: created now, it took the guild's default."""
        key = (guild_id, athlete_id)
        if key not in self._athletes:
            self._athletes[key] = self._defaults.get(guild_id, False)

    def forget_athlete(self, guild_id: int, athlete_id: int) -> None:
        self._athletes.pop((guild_id, athlete_id), None)

    def forget_guild(self, guild_id: int) -> None:
        self._defaults.pop(guild_id, None)
        for key in [key for key in self._athletes if key[0] == guild_id]:
            del self._athletes[key]
