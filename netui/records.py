"""Frozen dataclasses made when first used (issue 18).

Making a frozen dataclass costs ~1 ms on Python 3.11 (its six methods are each written out
and compiled), and the modules the first screen imports define some twenty, of which it
uses a handful. A subclass of `Record` is `@dataclass(frozen=True)` done at its first
instance: until then no instance of it exists; from then on it is that very dataclass, the
same class object (fields, equality, hash, repr, `dataclasses.replace`, `dataclasses.fields`).
`tests/tui/test_startup_imports.py` lists the ones the first screen makes.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import dataclass_transform

_making = threading.RLock()  # two threads making the first instances at once: one makes the class


@dataclass_transform(frozen_default=True)
class Record:
    """Subclass it as one would write `@dataclass(frozen=True)` over the class."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if any(issubclass(base, Record) and base is not Record for base in cls.__bases__):
            # A record's subclass inherits its fields and would find its base's __init__ while
            # being made: it is made at once, with its bases.
            _make(cls)

    def __init__(self, *args, **kwargs) -> None:
        # Only the first instance of a record comes here: the dataclass's own __init__, set
        # on the class, is found first from then on (and while it is being made, this one,
        # which waits for it).
        cls = type(self)
        _make(cls)
        cls.__init__(self, *args, **kwargs)


def _make(cls: type) -> None:
    with _making:
        for klass in reversed(cls.__mro__):  # a record's record bases first: it inherits their fields
            if issubclass(klass, Record) and klass is not Record and "__dataclass_fields__" not in klass.__dict__:
                dataclasses.dataclass(frozen=True)(klass)
