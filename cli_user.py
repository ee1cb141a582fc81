"""`python cli.py user ...`: the users of a real company, from the command line.

    python cli.py user add ann@example.com --role lead --rep-id 12 --team-id 3
    python cli.py user list
    python cli.py user disable ann@example.com
    python cli.py user enable ann@example.com
    python cli.py user reset-password ann@example.com

A password is typed at a hidden prompt (twice), or read from the first line of standard input
with --password-stdin (for scripts); never as an argument, which would stay in the shell's
history. The command line acts as no signed-in user: its audit rows have no user_id.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from data import auth
from data.config import DB_HELP as _DB_HELP
from data.engine import open_store


def _password(args: argparse.Namespace) -> str:
    """The new password, from standard input or a hidden prompt typed twice."""
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n").removesuffix("\r")
    else:
        password = getpass.getpass("New password (at least 10 characters): ")
        if getpass.getpass("The same password again: ") != password:
            raise auth.AuthInvalid.of("auth.passwords_differ")
    auth.check_password_rules(password)  # said before anything is opened or written
    return password


def _line(user: auth.User) -> str:
    person = "" if user.rep_id is None else f" rep_id {user.rep_id}"
    team = "" if user.team_id is None else f" team_id {user.team_id}"
    state = " disabled" if user.disabled else ""
    if user.locked_until is not None:
        state += f" locked until {user.locked_until:%Y-%m-%d %H:%M} UTC"
    sign_in = "password" if user.has_password else "single sign-on only"
    return f"{user.login}\t{user.role}{person}{team}\t{user.display_name}\t{sign_in}{state}"


def cmd_user(args: argparse.Namespace) -> int:
    """Add, list, disable, enable a user or reset their password."""
    action = args.user_command
    if action == "add":
        password = None if args.no_password else _password(args)
        fields: dict[str, Any] = {
            "login": args.login, "role": args.role, "password": password,
            "display_name": args.name, "rep_id": args.rep_id, "team_id": args.team_id,
        }  # fmt: skip
        user = auth.add_user(open_store(args.db), **fields)
        print(f"Added {_line(user)}")
        return 0
    store = open_store(args.db)
    if action == "list":
        users = auth.list_users(store)
        if not users:
            print("No users yet. Add the first admin: python cli.py user add LOGIN --role admin")
        for user in users:
            print(_line(user))
        return 0
    if action == "reset-password":
        password = _password(args)
        auth.reset_password(store, args.login, password)
        print(f"Password of {args.login.strip().lower()} reset; any lock is lifted.")
        return 0
    auth.set_disabled(store, args.login, action == "disable")
    done = "disabled: every sign-in is refused" if action == "disable" else "enabled"
    print(f"{args.login.strip().lower()} {done}.")
    return 0


def add_user_parser(sub: Any) -> None:
    """Register `user` and its subcommands on the CLI's subparsers `sub`."""
    user = sub.add_parser("user", help="add, list, disable or enable users; reset a password")
    actions = user.add_subparsers(dest="user_command", required=True)
    add = actions.add_parser("add", help="add a user (asks for the password)")
    add.add_argument("login", help="e-mail address or name to sign in with (case is ignored)")
    add.add_argument("--role", required=True, choices=auth.ROLES)
    add.add_argument("--name", help="the name shown (default: the person's name, or the login)")
    add.add_argument("--rep-id", type=int, help="the person in reps (needed for lead and rep)")
    add.add_argument("--team-id", type=int, help="the team a lead leads (lead only)")
    way = add.add_mutually_exclusive_group()
    way.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    way.add_argument("--no-password", action="store_true", help="single sign-on only: no password")
    add.add_argument("--db", help=_DB_HELP)
    listing = actions.add_parser("list", help="every user, role and state")
    listing.add_argument("--db", help=_DB_HELP)
    for name, text in (
        ("disable", "refuse every sign-in of the user"),
        ("enable", "let a disabled user sign in again"),
        ("reset-password", "set a new password (asks for it); lifts a lock"),
    ):
        step = actions.add_parser(name, help=text)
        step.add_argument("login")
        if name == "reset-password":
            step.add_argument("--password-stdin", action="store_true", help="read it from stdin")
        step.add_argument("--db", help=_DB_HELP)
    user.set_defaults(run=cmd_user)
