"""`pacer db`: back up, check and export the database (works while the bot is running)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.settings import Settings


def register(sub: Any) -> None:
    db = sub.add_parser(
        "db",
        help="back up, check or export the database",
        description="Maintenance of Pacer's database (PACER_DB, default pacer.db).",
    )
    db.add_argument("--db", metavar="PATH", help="the database file (default: PACER_DB)")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    backup = actions.add_parser(
        "backup", help="make a consistent copy of the database, even while the bot runs"
    )
    backup.add_argument("path", metavar="PATH", help="the new file to write (must not exist)")
    backup.set_defaults(func=_guarded(_backup))

    check = actions.add_parser(
        "check", help="check the database's integrity; show its schema version and row counts"
    )
    check.set_defaults(func=_guarded(_check))

    export = actions.add_parser(
        "export",
        help="export a team's sessions and reps as CSV",
        description="Write sessions to PATH and their reps to PATH-reps.csv beside it.",
    )
    export.add_argument("--guild", type=_snowflake, required=True, metavar="ID")
    export.add_argument("--athlete", type=_snowflake, metavar="ID")
    export.add_argument("--csv", required=True, metavar="PATH", help="the sessions file to write")
    export.set_defaults(func=_guarded(_export))


def _snowflake(text: str) -> int:
    if not text.isdigit() or len(text) > 20:
        raise argparse.ArgumentTypeError(
            f"expected a Discord id (digits only, e.g. 123456789012345678), not {text!r}"
        )
    return int(text)


def _db_path(args: argparse.Namespace) -> str:
    return args.db or Settings.from_env().db_path


def _guarded(action: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Known problems (no database, bad path, damaged file) become one line and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        from storage import StoreError

        try:
            return action(args)
        except (StoreError, ValueError, OSError) as exc:
            print(f"pacer db {args.db_command}: {exc}", file=sys.stderr)
            return 2

    return run


def _backup(args: argparse.Namespace) -> int:
    from storage import admin

    source = _db_path(args)
    admin.backup(source, args.path)
    print(f"backed up {source} to {args.path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from storage import admin

    path = _db_path(args)
    report = admin.check(path)
    print(f"database: {path}")
    print(f"integrity: {'ok' if not report.problems else 'PROBLEMS'}")
    for problem in report.problems[:20]:
        print(f"  {problem}")
    status = f"schema version: {report.schema_version} (latest {report.latest_version})"
    if report.schema_version < report.latest_version:
        status += "; upgraded when Pacer next starts"
    elif report.schema_version > report.latest_version:
        status += "; made by a newer Pacer"
    print(status)
    for table, count in report.counts.items():
        print(f"  {table}: {count}")
    return 0 if report.ok else 1


def _export(args: argparse.Namespace) -> int:
    from storage import admin

    out = Path(args.csv)
    sessions, reps = admin.export_csv(_db_path(args), args.guild, out, athlete_id=args.athlete)
    print(f"exported {sessions} sessions to {out} and {reps} reps to {admin.reps_path(out)}")
    return 0
