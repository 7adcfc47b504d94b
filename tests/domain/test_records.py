"""netui.records: a Record behaves as a frozen dataclass, and is made one when asked (issue 18)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from netui.records import Record


def test_a_record_behaves_as_a_frozen_dataclass_before_and_after_it_is_made_one():
    class Row(Record):
        id: int
        name: str
        tags: list = dataclasses.field(default_factory=list, compare=False)

    def behaves_as_a_frozen_dataclass(row: Row) -> None:
        assert row == Row(1, "Giulia", ["x"]) and hash(row) == hash(Row(1, "Giulia"))  # compare=False is honoured
        assert row == Row(id=1, name="Giulia") and row.tags == [] and row.tags is not Row(1, "G").tags
        assert row != Row(2, "Giulia") and repr(row).endswith("Row(id=1, name='Giulia', tags=[])")
        with pytest.raises(dataclasses.FrozenInstanceError):
            row.name = "Marco"  # type: ignore[misc]
        for wrong in ((1,), (1, "G", [], 4)):
            with pytest.raises(TypeError):
                Row(*wrong)  # a missing field, or one too many, is an error, as in any dataclass
        with pytest.raises(TypeError):
            Row(1, "G", colour="red")

    row = Row(1, "Giulia")
    behaves_as_a_frozen_dataclass(row)
    assert "__dataclass_fields__" not in vars(Row)  # making and showing records makes no dataclass
    # Asking for the dataclass makes it: the same class, and the rows made before are its rows.
    assert dataclasses.is_dataclass(row) and [f.name for f in dataclasses.fields(row)] == ["id", "name", "tags"]
    assert "__dataclass_fields__" in vars(Row) and Row.__init__ is not Record.__init__
    behaves_as_a_frozen_dataclass(row)
    assert dataclasses.replace(row, name="Marco") == Row(1, "Marco")
    assert dataclasses.asdict(row) == {"id": 1, "name": "Giulia", "tags": []}
    assert row in {Row(1, "Giulia")}


def test_a_subclass_inherits_the_fields_of_its_record_base():
    class Summary(Record):
        id: int
        title: str

    class Detail(Summary):
        notes: str = ""

    assert Detail(1, "Fiera", notes="stand 4") == Detail(1, "Fiera", "stand 4")
    assert Summary(1, "Fiera") == Summary(1, "Fiera") != Detail(1, "Fiera")
    assert isinstance(Detail(2, "Dinner"), Summary)
    # The base made a dataclass: its subclass is made one too (the base's methods would serve it).
    assert [f.name for f in dataclasses.fields(Summary)] == ["id", "title"]
    assert [f.name for f in dataclasses.fields(Detail)] == ["id", "title", "notes"]
    assert repr(Detail(1, "Fiera")).endswith("Detail(id=1, title='Fiera', notes='')")

    class Later(Summary):
        place: str = "Milano"

    assert dataclasses.asdict(Later(3, "Dinner")) == {"id": 3, "title": "Dinner", "place": "Milano"}


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


def test_a_record_made_many_times_becomes_the_dataclass_for_its_faster_constructor(monkeypatch):
    monkeypatch.setattr("netui.records.MADE_BEFORE_DATACLASS", 3)

    class Point(Record):
        x: int
        y: int = 0

    points = [Point(n) for n in range(5)]
    assert "__dataclass_fields__" in vars(Point) and Point.__init__ is not Record.__init__
    assert points == [Point(n, 0) for n in range(5)] and points[4] == Point(4)
