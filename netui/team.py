"""Who is using netui, when a team shares one network (issue 19).

Each member is a user name: `--user`, then $NETUI_USER, then config.toml's `[team] user`,
else the login name (`choose_user`). The CLI and the TUI set it once at start (`use`); what
the domain writes then records it: who logged an interaction, a follow-up, a favour or an
introduction, and who owns a follow-up (whoever created it). Rows written before schema
version 8 have '' (not recorded).

**Mine and the team's.** Today shows my follow-ups (`mine()`: those I own, and those nobody
owns), or the team's on request. On a file one person uses, every follow-up is theirs or
nobody's: nothing changes for them. Who knows whom is netui.who_knows.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import os

from netui.text import LazyPattern
from netui.errors import ValidationError
from netui.i18n import _

USER_ENV_VAR = "NETUI_USER"
MAX_USER_LENGTH = 64
_CONTROL_CHARACTERS = LazyPattern(r"[\x00-\x1f\x7f]")

_current: str | None = None


def check_user(name: str, field: str = "user") -> str:
    """A member's user name, trimmed; blank, too long or with control characters: a ValidationError."""
    name = (name or "").strip()
    if not name or len(name) > MAX_USER_LENGTH or _CONTROL_CHARACTERS.search(name):
        raise ValidationError(field, _(
            "A user name is 1 to {limit} characters, on one line (e.g. anna).", limit=MAX_USER_LENGTH))
    return name


def login_name() -> str:
    """The login name: on a team's server, the role this member logs in as (the server checked
    who they are; it is the name the team's owner gave them); elsewhere the system's, or ''
    where the system has none (a container without a user entry)."""
    from netui.store import db

    role = db.server_login()
    if role:
        return role
    return _system_login()


@functools.cache
def _system_login() -> str:
    """The system's login name, asked once: it does not change while netui runs (and asking
    reads the password database where $USER is not set, at every quick capture's Enter)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def choose_user(flag: str | None, configured: str | None, environ=None) -> str:
    """The user: --user, then $NETUI_USER, then config.toml's [team] user, else the login name."""
    return said_user(flag, configured, environ) or login_name()


def said_user(flag: str | None, configured: str | None, environ=None) -> str | None:
    """The user someone named: --user, then $NETUI_USER, then config.toml's [team] user; None
    when nobody did (then the login name is the user, known once the database is open)."""
    environ = os.environ if environ is None else environ
    if flag is not None:  # even blank: `--user ""` is a mistake to say, not a login to guess
        return check_user(flag, "--user")
    for value, field in ((environ.get(USER_ENV_VAR), USER_ENV_VAR), (configured, "[team] user")):
        if value:
            return check_user(value, field)
    return None


def resolve_user(flag: str | None = None) -> str | None:
    """said_user with config.toml's [team] user, read only when neither --user nor
    $NETUI_USER says who (a broken file is then a ValidationError naming it)."""
    from netui import config

    configured = None if flag is not None or os.environ.get(USER_ENV_VAR) else config.load().user
    return said_user(flag, configured)


def use(name: str | None) -> None:
    """Make `name` the current user for what is written from now on (the CLI and the app, at
    start); None: nobody said, the login name is."""
    global _current
    _current = name.strip() if name is not None else None


@contextlib.contextmanager
def acting_as(name: str):
    """What is written inside the block is recorded as `name`'s: a line one member typed,
    applied later by whichever netui finds it (netui.capture.recover). '' or the current user:
    nothing changes."""
    global _current
    if not name or name == current_user():
        yield
        return
    before, _current = _current, name
    try:
        yield
    finally:
        _current = before


def current_user() -> str:
    """Who is using netui: what `use` set, else $NETUI_USER or the login name -- asked each
    time, not kept: a team's server tells the login only once it is open."""
    if _current is not None:
        return _current
    try:
        return choose_user(None, None)
    except ValidationError:
        return login_name()


def mine() -> tuple[str, ...]:
    """The owners of the follow-ups that are mine: me, and nobody ('', not recorded)."""
    return tuple(dict.fromkeys((current_user(), "")))


def member_label(member: str) -> str:
    """How a member is shown: their user name, "you" for the current user, or "not recorded"."""
    if member == current_user() and member:
        return _("{user} (you)", user=member)
    return member or _("not recorded")


def owner_label(owner: str) -> str:
    """Whose a follow-up is, in the team's Today: "mine", or the member's user name."""
    return _("mine") if owner == current_user() else owner
