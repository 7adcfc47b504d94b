"""The errors the domain layer raises for things a user can fix."""

from __future__ import annotations


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
        self.text = text
        self.candidates = candidates
        super().__init__(
            f"{len(candidates)} {noun} match '{text}'; use a more precise name or '#id'."
        )


class StorageError(NetuiError):
    """The database file could not be written (read-only, disk full, busy); nothing changed."""


class ReadOnlyError(StorageError):
    """The database was opened read-only (the file or its folder cannot be written)."""


class DiskFullError(StorageError):
    """The disk (or the file's size limit) is full; the transaction was rolled back."""


class DatabaseBusyError(StorageError):
    """Another process held the write lock longer than the busy timeout."""
