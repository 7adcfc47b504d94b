"""netui.records: a Record is a frozen dataclass made at its first instance (issue 18)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from netui.records import Record


def test_a_record_is_a_frozen_dataclass_once_it_has_an_instance():
    class Row(Record):
        id: int
        name: str
        tags: list = dataclasses.field(default_factory=list, compare=False)

    assert not dataclasses.is_dataclass(Row)  # nothing made yet: importing a module costs nothing
    row = Row(1, "Giulia")
    assert dataclasses.is_dataclass(Row) and [f.name for f in dataclasses.fields(row)] == ["id", "name", "tags"]
    assert row == Row(1, "Giulia", ["x"]) and hash(row) == hash(Row(1, "Giulia"))  # compare=False is honoured
    assert row != Row(2, "Giulia") and repr(row).endswith("Row(id=1, name='Giulia', tags=[])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.name = "Marco"  # type: ignore[misc]
    assert dataclasses.replace(row, name="Marco") == Row(1, "Marco")
    with pytest.raises(TypeError):
        Row(1)  # a missing field is an error, as in any dataclass


def test_a_subclass_inherits_the_fields_of_its_record_base():
    class Summary(Record):
        id: int
        title: str

    class Detail(Summary):
        notes: str = ""

    assert Detail(1, "Fiera", notes="stand 4") == Detail(1, "Fiera", "stand 4")
    assert Summary(1, "Fiera") == Summary(1, "Fiera") != Detail(1, "Fiera")
    assert isinstance(Detail(2, "Dinner"), Summary)


def test_two_threads_making_the_first_instances_at_once_both_get_them():
    class Pair(Record):
        a: int
        b: int = 0

    made, start = [], threading.Barrier(8)

    def make(n: int) -> None:
        start.wait()
        made.append(Pair(n, b=n))

    threads = [threading.Thread(target=make, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(made, key=lambda pair: pair.a) == [Pair(n, n) for n in range(8)]
