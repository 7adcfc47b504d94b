"""The meeting brief."""

from __future__ import annotations

import pendulum

from netui import appointments, brief, contacts, dates, followups, timeline, upkeep


def test_meeting_brief(database, frozen):
    today = frozen.date()
    birthday = today.add(days=42)  # within the brief's 60 days
    coffee = today.add(days=3)
    marco = contacts.create_contact("Marco Bianchi")
    giulia = contacts.create_contact(
        "Giulia Rossi", company="Lumen Digital", role="Head of PR", city="Milano",
        how_met="PyCon panel", introduced_by_id=marco, cadence_days=30)
    contacts.add_fact(giulia, "kids", "Luca and Marta")
    contacts.add_fact(giulia, "hobby", "sailing")
    dates.add_date(giulia, "birthday", str(birthday.subtract(years=37)))
    dates.add_date(giulia, "work anniversary", f"--{today.add(days=150):%m-%d}")  # too far ahead
    for days_ago, summary in ((30, "first"), (20, "second"), (10, "third"), (5, "fourth")):
        timeline.log_interaction([giulia], "call", pendulum.now().subtract(days=days_ago), summary=summary)
    followups.create_followup(giulia, today.add(days=2), "Send the deck")
    appointments.create_appointment("Coffee", [giulia], f"{coffee} 08:30", count=2)  # weekly, twice

    seen = brief.meeting_brief(giulia)
    assert (seen.name, seen.headline) == ("Giulia Rossi", "Head of PR at Lumen Digital · Milano")
    assert [i.summary for i in seen.last_interactions] == ["fourth", "third", "second"]
    assert [f.action for f in seen.open_followups] == ["Send the deck"]
    assert [(f.label, f.value) for f in seen.facts] == [("kids", "Luca and Marta"), ("hobby", "sailing")]
    assert [(d.label, d.on, d.turning) for d in seen.upcoming_dates] == [("birthday", birthday, 37)]
    assert (seen.how_met, seen.introduced_by_id, seen.introduced_by_name) == ("PyCon panel", marco, "Marco Bianchi")
    assert isinstance(seen.keep_in_touch, upkeep.KeepInTouch) and seen.keep_in_touch.warmth == "warm"
    assert [o.occurs_on for o in seen.next_appointments] == [coffee, coffee.add(weeks=1)]
