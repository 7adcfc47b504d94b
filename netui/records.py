"""Frozen records that are dataclasses only when asked to be (issue 18).

Making a frozen dataclass costs ~1 ms on Python 3.11 (its six methods are each written out
and compiled), and the modules the first screen imports define some twenty. A subclass of
`Record` is written as one writes `@dataclass(frozen=True)` over a class, and behaves as one:
the same constructor (positional and keyword arguments, defaults, `field(default_factory=...)`),
equality and hash over the fields compared, the same repr, frozen. Until something asks for
the dataclass itself (`dataclasses.fields`, `replace`, `asdict`, `is_dataclass`: anything
reading `__dataclass_fields__`), Record's own generic methods serve, reading the fields from
the annotations once per class; from that moment the class is `@dataclass(frozen=True)` done
over it (the same class object; instances made before are its instances, their attributes
already where the dataclass keeps them). A record made more than MADE_BEFORE_DATACLASS times
becomes the dataclass too, for its faster constructor. So the first screen, which only makes
and shows some records, makes no dataclass at all: `tests/tui/test_startup_imports.py` holds it.

A record's annotations are plain fields: no `ClassVar`, `InitVar`, `__post_init__`,
`init=False` or `kw_only` (a record needing one of them is an ordinary dataclass).
"""

from __future__ import annotations

import dataclasses
import threading
from operator import attrgetter
from typing import dataclass_transform

# The generic constructor is about half as fast as a dataclass's own: a record made more often
# than this becomes the dataclass (the first screen makes some 170 records in all).
MADE_BEFORE_DATACLASS = 1000
_making = threading.RLock()  # two threads asking for the same dataclass at once: one makes it
_MISSING = dataclasses.MISSING


class _Spec:
    """A record class's fields, read once from its annotations and defaults (its bases' first)."""

    __slots__ = ("names", "known", "defaults", "factories", "compared", "hashed", "shown", "made")

    def __init__(self, cls: type) -> None:
        fields: dict[str, object] = {}  # name -> its default, a Field, or _MISSING (in dataclass order)
        for klass in reversed(cls.__mro__):
            if issubclass(klass, Record) and klass is not Record:
                for name in klass.__dict__.get("__annotations__", {}):
                    fields[name] = klass.__dict__.get(name, _MISSING)
        self.made = 0  # instances made through Record's generic constructor
        self.names = tuple(fields)
        self.known = frozenset(fields)
        self.defaults, self.factories = {}, {}
        compared, hashed, shown = [], [], []
        for name, value in fields.items():
            if isinstance(value, dataclasses.Field):
                if value.default is not _MISSING:
                    self.defaults[name] = value.default
                elif value.default_factory is not _MISSING:
                    self.factories[name] = value.default_factory
                if value.compare:
                    compared.append(name)
                if value.hash or (value.hash is None and value.compare):
                    hashed.append(name)
                if value.repr:
                    shown.append(name)
            else:
                if value is not _MISSING:
                    self.defaults[name] = value
                compared.append(name), hashed.append(name), shown.append(name)
        self.compared = _getter(compared)
        self.hashed = _getter(hashed)
        self.shown = tuple(shown)


def _getter(names: list[str]):
    """A function returning the tuple of these attributes (as the dataclass's methods compare them)."""
    if not names:
        return lambda record: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda record: (get(record),)
    return attrgetter(*names)


class _DataclassFields:
    """`__dataclass_fields__` on a record class that is not a dataclass yet: reading it makes it one."""

    def __get__(self, instance, owner: type):
        if owner is Record:
            raise AttributeError("__dataclass_fields__")  # Record itself is no dataclass
        _make(owner)
        return owner.__dict__["__dataclass_fields__"]


@dataclass_transform(frozen_default=True)
class Record:
    """Subclass it as one would write `@dataclass(frozen=True)` over the class."""

    __slots__ = ()
    __dataclass_fields__ = _DataclassFields()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if any("__dataclass_fields__" in base.__dict__ for base in cls.__mro__[1:] if issubclass(base, Record) and base is not Record):
            # A dataclass's methods would serve it, with its base's fields: a dataclass too.
            _make(cls)

    def __init__(self, *args, **kwargs) -> None:
        cls = type(self)
        spec = _spec(cls)
        spec.made += 1
        if spec.made > MADE_BEFORE_DATACLASS:
            _make(cls)  # many of them (a long list, an export): the dataclass's own constructor is faster
            cls.__init__(self, *args, **kwargs)
            return
        names = spec.names
        if len(args) > len(names):
            raise TypeError(f"{cls.__qualname__}.__init__() takes {len(names) + 1} positional arguments "
                            f"but {len(args) + 1} were given")
        given = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in spec.known:
                raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument '{name}'")
            if name in given:
                raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument '{name}'")
            given[name] = value
        if len(given) == len(names):
            values = given if not kwargs else {name: given[name] for name in names}
        else:
            values = {}
            for name in names:
                if name in given:
                    values[name] = given[name]
                elif name in spec.defaults:
                    values[name] = spec.defaults[name]
                elif name in spec.factories:
                    values[name] = spec.factories[name]()
                else:
                    raise TypeError(f"{cls.__qualname__}.__init__() missing 1 required positional argument: '{name}'")
        self.__dict__.update(values)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _spec(type(self)).shown)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            compared = _spec(type(self)).compared
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_spec(type(self)).hashed(self))

    def __setattr__(self, name, value) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")  # i18n: not text (as dataclasses say it)

    def __delattr__(self, name) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")  # i18n: not text


def _spec(cls: type) -> _Spec:
    spec = cls.__dict__.get("_record_spec")
    if spec is None:
        spec = _Spec(cls)
        type.__setattr__(cls, "_record_spec", spec)  # its own: a subclass reads its own fields
    return spec


def _make(cls: type) -> None:
    """`cls` becomes `@dataclass(frozen=True)`, with its record bases first (it inherits their
    fields) and its subclasses after it (else its generated methods would serve them)."""
    with _making:
        for klass in reversed(cls.__mro__):
            if issubclass(klass, Record) and klass is not Record and "__dataclass_fields__" not in klass.__dict__:
                dataclasses.dataclass(frozen=True)(klass)
        for subclass in cls.__subclasses__():
            _make(subclass)
