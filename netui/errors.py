"""The errors the domain layer raises for things a user can fix."""

from __future__ import annotations

from netui.i18n import ngettext


class NetuiError(Exception):
    """A problem the user can act on; str() is one sentence meant for them."""


class ValidationError(NetuiError):
    """A value given for a field is not acceptable."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(NetuiError):
    """Nothing matches what was asked for."""


class AmbiguousNameError(NetuiError):
    """A name matches several contacts; `candidates` holds them so the user can pick one."""

    def __init__(self, text: str, candidates: list, noun: str = "contacts"):
        """`noun` says what the candidates are: "contacts" or "events" (a code, not text)."""
        self.text = text
        self.candidates = candidates
        self.noun = noun
        count = len(candidates)
        if noun == "events":
            message = ngettext(
                "{n} event matches '{text}'; use a more precise name or '#id'.",
                "{n} events match '{text}'; use a more precise name or '#id'.",
                count, text=text,
            )
        else:
            message = ngettext(
                "{n} contact matches '{text}'; use a more precise name or '#id'.",
                "{n} contacts match '{text}'; use a more precise name or '#id'.",
                count, text=text,
            )
        super().__init__(message)


class EditConflictError(NetuiError):
    """Someone else changed what a form was editing after it was read; `current` is how it is
    now (netui.editing.save_form)."""

    def __init__(self, message: str, current=None):
        super().__init__(message)
        self.current = current


class StorageError(NetuiError):
    """The database file could not be written (read-only, disk full, busy); nothing changed."""


class ReadOnlyError(StorageError):
    """The database was opened read-only (the file or its folder cannot be written)."""


class OwnerRoleNeeded(StorageError):
    """A team's server: the change needs the role owning netui's tables, not a member's."""


class DiskFullError(StorageError):
    """The disk (or the file's size limit) is full; the transaction was rolled back."""


class DatabaseBusyError(StorageError):
    """Another process held the write lock longer than the busy timeout."""
