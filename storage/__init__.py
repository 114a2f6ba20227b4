"""Pacer's storage: the only place with SQL. `store = await Store.open(path)`."""

from storage.errors import NotFound, SchemaTooNew, StoreError
from storage.records import (
    UNSET,
    Athlete,
    BestRep,
    GuildSettings,
    LogCheck,
    LogResult,
    NewRaceResult,
    NewRep,
    NewSession,
    NewWod,
    RaceResult,
    RepRow,
    SessionEdit,
    SessionRow,
    WodDraft,
    WodRow,
)
from storage.store import Store

__all__ = [
    "UNSET",
    "Athlete",
    "BestRep",
    "GuildSettings",
    "LogCheck",
    "LogResult",
    "NewRaceResult",
    "NewRep",
    "NewSession",
    "NewWod",
    "NotFound",
    "RaceResult",
    "RepRow",
    "SchemaTooNew",
    "SessionEdit",
    "SessionRow",
    "Store",
    "StoreError",
    "WodDraft",
    "WodRow",
]
