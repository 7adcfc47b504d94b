"""Applying imported people: new, updated (fill, add, never overwrite), unchanged, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from netui import contacts, rules, timeline
from netui.exchange import importing
from netui.store import search
from netui.exchange.records import IncomingPerson, ReadResult, Skipped


def read(*people, skipped=()):
    return ReadResult("test", list(people), list(skipped))


def test_new_people_are_created_with_all_their_details(database, frozen):
    person = IncomingPerson(
        "line 2", first_name="Giulia", last_name="Rossi", company="Lumen", role="Head of PR",
        city="Milano", emails=["giulia@lumen.it"], phones=["+39 333 123 4567"],
        linkedin=["https://www.linkedin.com/in/giuliarossi"], tags=["fintech"],
        facts=[("children", "Luca and Marta")], important_dates=[("birthday", None, 4, 15)],
        connected_on=dt.date(2023, 11, 7))
    plan = importing.plan_import(read(person))
    assert plan.summary() == "test: 1 new, 0 updated, 0 unchanged, 0 skipped"
    importing.apply_import(plan)
    giulia = contacts.get_contact(contacts.resolve_contact("Giulia Rossi"))
    assert (giulia.company, giulia.role, giulia.city, giulia.tags) == ("Lumen", "Head of PR", "Milano", ["fintech"])
    assert [f.value for f in giulia.facts] == ["Luca and Marta"]
    assert [(d.label, d.year, d.month, d.day) for d in giulia.important_dates] == [("birthday", None, 4, 15)]
    [connected] = timeline.contact_timeline(giulia.id)
    assert connected.summary == "Connected on LinkedIn"
    assert connected.occurred_at.in_timezone("Europe/Rome").date() == dt.date(2023, 11, 7)


def test_a_known_person_is_updated_never_overwritten(database, frozen):
    known = contacts.create_contact("Giulia Rossi", company="Lumen", emails=["giulia@lumen.it"])
    incoming = IncomingPerson("line 3", first_name="Giulia", last_name="Rossi", company="Acme",
                              city="Milano", emails=["GIULIA@lumen.it", "g@acme.com"], tags=["speaker"])
    plan = importing.plan_import(read(incoming))
    [update] = plan.updated
    assert (update.contact_id, update.reason) == (known, "same e-mail")
    assert update.fills == {"city": "Milano"}
    assert [(c.field, c.kept, c.incoming) for c in update.conflicts] == [("company", "Lumen", "Acme")]
    importing.apply_import(plan)
    giulia = contacts.get_contact(known)
    assert (giulia.company, giulia.city) == ("Lumen", "Milano")
    assert sorted(giulia.emails) == ["g@acme.com", "giulia@lumen.it"]
    assert giulia.tags == ["speaker"]
    assert contacts.count_contacts() == 1


@pytest.mark.parametrize("incoming, reason", [
    (IncomingPerson("line 2", first_name="G", last_name="R", linkedin=["https://www.linkedin.com/in/gr"]),
     "same LinkedIn profile"),
    (IncomingPerson("line 2", first_name="G", last_name="R", phones=["0039 333 1234567"]), "same phone number"),
    (IncomingPerson("line 2", first_name="giulia", last_name="ROSSI", company="lumen"), "same name and company"),
])
def test_matching_rules(database, incoming, reason):
    known = contacts.create_contact("Giulia Rossi", company="Lumen", phones=["+39 333 123 4567"],
                                    channels=[("linkedin", "https://www.linkedin.com/in/GR", "")])
    plan = importing.plan_import(read(incoming))
    matched = (plan.updated + plan.unchanged)[0]
    assert (matched.contact_id, matched.reason) == (known, reason)


def test_the_same_person_twice_in_one_file_becomes_one_contact(database):
    first = IncomingPerson("line 2", first_name="Marco", last_name="Bianchi", emails=["m@b.it"])
    again = IncomingPerson("line 9", first_name="Marco", last_name="Bianchi", emails=["m@b.it"],
                           phones=["+39 02 1234 5678"])
    importing.apply_import(importing.plan_import(read(first, again)))
    [marco] = contacts.list_contacts()
    assert contacts.get_contact(marco.id).phones == ["+39 02 1234 5678"]


def test_unchanged_and_skipped_are_counted_with_where_and_why(database):
    contacts.create_contact("Giulia Rossi", emails=["giulia@lumen.it"])
    plan = importing.plan_import(read(
        IncomingPerson("line 2", first_name="Giulia", last_name="Rossi", emails=["giulia@lumen.it"]),
        IncomingPerson("line 3", first_name="Bad", emails=["not-an-email"]),
        IncomingPerson("line 4", first_name="Leap", important_dates=[("birthday", 2025, 2, 29)]),
        skipped=[Skipped("line 5", "only a date, no name")]))
    assert plan.summary() == "test: 0 new, 0 updated, 1 unchanged, 3 skipped"
    assert [s.where for s in plan.skipped] == ["line 5", "line 3", "line 4"]
    assert "not-an-email" in plan.skipped[1].reason and "February" in plan.skipped[2].reason


def test_nothing_is_written_when_applying_fails_midway(database, monkeypatch):
    contacts.create_contact("Zoe Known", emails=["zoe@known.it"])
    plan = importing.plan_import(read(
        IncomingPerson("line 2", first_name="Anna", emails=["anna@a.it"]),
        IncomingPerson("line 3", first_name="Bruno", emails=["bruno@b.it"]),
        IncomingPerson("line 4", first_name="Zoe", last_name="Known", emails=["zoe@known.it"], city="Roma")))
    calls = []
    original = rules.validate_channel

    def failing(kind, value):
        calls.append(value)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(kind, value)

    monkeypatch.setattr(rules, "validate_channel", failing)
    with pytest.raises(RuntimeError):
        importing.apply_import(plan)
    assert contacts.count_contacts() == 1
    assert contacts.get_contact(contacts.resolve_contact("Zoe Known")).city == ""
    assert contacts.search_contacts("anna") == []


def test_phone_key_ignores_prefixes_and_spacing():
    assert importing.phone_key("+39 333 123 4567") == importing.phone_key("0039 3331234567") \
        == importing.phone_key("333-123-4567")
    assert importing.phone_key("12") == ""


def test_a_newer_linkedin_export_flags_a_job_change(database, frozen):
    """Same profile URL, another company and position: applied, logged, and a follow-up."""
    known = contacts.create_contact(
        "Giulia Rossi", company="Lumen", role="Head of PR",
        channels=[("linkedin", "https://www.linkedin.com/in/giuliarossi", "")])
    newer = IncomingPerson("line 5", first_name="Giulia", last_name="Rossi", company="Acme",
                           role="CMO", linkedin=["https://www.linkedin.com/in/giuliarossi"])
    plan = importing.plan_import(ReadResult("LinkedIn connections", [newer]))
    [update] = plan.updated
    assert update.job_change == ("Head of PR at Lumen", "CMO at Acme") and update.conflicts == []
    importing.apply_import(plan)
    giulia = contacts.get_contact(known)
    assert (giulia.company, giulia.role) == ("Acme", "CMO")
    [news] = timeline.contact_timeline(known)
    assert news.summary == "New job: CMO at Acme" and "Head of PR at Lumen" in news.notes
    [congratulate] = giulia.open_followups
    assert congratulate.action.startswith("Congratulate") and congratulate.due_on == frozen.date().add(days=2)


def test_the_same_position_in_more_words_is_no_new_job(database, frozen):
    """LinkedIn's title with a team added ("…, Pagos"), at the same company: the role is
    updated, with no news and no congratulation; another title is still a new job."""
    known = contacts.create_contact(
        "Ana Núñez", company="Globex", role="Directora de Ingeniería",
        channels=[("linkedin", "https://www.linkedin.com/in/ananunez", "")])
    newer = IncomingPerson("line 2", first_name="Ana", last_name="Núñez", company="Globex",
                           role="Directora de ingenieria, Pagos", linkedin=["https://www.linkedin.com/in/ananunez"])
    plan = importing.plan_import(ReadResult("LinkedIn connections", [newer]))
    [update] = plan.updated
    assert update.job_change is None and update.conflicts == []
    importing.apply_import(plan)
    ana = contacts.get_contact(known)
    assert ana.role == "Directora de ingenieria, Pagos"
    assert timeline.contact_timeline(known) == [] and ana.open_followups == []
    promoted = IncomingPerson("line 2", first_name="Ana", last_name="Núñez", company="Globex",
                              role="VP de Ingeniería", linkedin=["https://www.linkedin.com/in/ananunez"])
    [update] = importing.plan_import(ReadResult("LinkedIn connections", [promoted])).updated
    assert update.job_change == ("Directora de ingenieria, Pagos at Globex", "VP de Ingeniería at Globex")


def test_other_files_list_a_different_company_as_a_conflict(database):
    contacts.create_contact("Giulia Rossi", company="Lumen",
                            channels=[("linkedin", "https://www.linkedin.com/in/giuliarossi", "")])
    other = IncomingPerson("card 1", first_name="Giulia", last_name="Rossi", company="Acme",
                           linkedin=["https://www.linkedin.com/in/giuliarossi"])
    [update] = importing.plan_import(ReadResult("vCard", [other])).updated
    assert update.job_change is None and [c.field for c in update.conflicts] == ["company"]


def test_a_name_alone_matches_only_one_person_without_a_company(database):
    """Re-importing a file whose people have no e-mail or phone must not create twins, but a
    name shared by two people without a company identifies neither."""
    kofi = contacts.create_contact("Kofi Mensah")
    contacts.create_contact("Marco Rossi")
    contacts.create_contact("Marco Rossi", city="Roma")
    plan = importing.plan_import(read(
        IncomingPerson("line 2", first_name="Kofi", last_name="Mensah", city="Accra"),
        IncomingPerson("line 3", first_name="Marco", last_name="Rossi"),
        IncomingPerson("line 4", first_name="Kofi", last_name="Mensah", company="Acme")))
    assert [(u.contact_id, u.reason) for u in plan.updated] == [
        (kofi, "same name (no company, e-mail or phone to tell apart)")]
    assert [p.where for p in plan.new] == ["line 3", "line 4"]


def test_a_progress_callback_that_raises_cancels_the_whole_import(database, monkeypatch):
    from netui.exchange import importing

    monkeypatch.setattr(importing, "PROGRESS_STEP", 2)
    people = [IncomingPerson(where=f"line {n}", first_name=f"P{n}", last_name="X") for n in range(5)]
    plan = importing.plan_import(ReadResult("netui CSV", people))
    reports = []

    def stop_after_first(done, total):
        reports.append((done, total))
        raise importing.ImportCancelled()

    with pytest.raises(importing.ImportCancelled, match="nothing was written"):
        importing.apply_import(plan, stop_after_first)
    assert reports == [(2, 5)]
    assert contacts.count_contacts() == 0  # the two people already written were rolled back
    assert search.search_ids("P0") == []


def test_an_unreadable_line_is_named_in_italian(italian):
    from netui.errors import ValidationError
    from netui.exchange.formats import text as text_format

    with pytest.raises(ValidationError) as error:
        list(text_format.csv_records('Name,Email\n"Anna,anna@example.com\n', ",", first_line=1))
    assert error.value.message == (
        "riga 2: un valore tra virgolette che inizia su questa riga non viene mai chiuso (manca un \"), "
        "quindi il file non si può leggere.")


def _edited_export(tmp_path, edits: dict[str, dict[str, str]]):
    """netui's own CSV of three people, with some cells edited by hand (by first name)."""
    import csv
    import io

    from netui.exchange.formats.netui_csv import CONTACT_COLUMNS, HEADER_LINE

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for first, last in (("Giulia", "Rossi"), ("Nico", "Caffè"), ("Anna", "Verdi")):
        cells = {"first_name": first, "last_name": last, "starred": "no", **edits.get(first, {})}
        writer.writerow([cells.get(name, "") for name in CONTACT_COLUMNS])
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER_LINE + "\r\n" + buffer.getvalue(), encoding="utf-8")
    return path


def test_bad_values_in_netuis_own_csv_are_kept_in_the_notes_and_no_row_is_counted_skipped(database, tmp_path):
    """Every row is imported: a birthday on 31 February and an e-mail without @ are in the
    person's notes (as the Outlook and vCard readers keep them), a bad cadence is ignored,
    and the report names each as a note on its line, not as a skipped row."""
    path = _edited_export(tmp_path, {
        "Giulia": {"important_dates": "birthday=1985-02-31", "cadence_days": "thirty"},
        "Nico": {"emails": "nico-at-caffe.it"},
    })
    plan = importing.plan_import(importing.read_file(path))
    assert plan.summary() == "netui CSV: 3 new, 0 updated, 0 unchanged, 0 skipped"
    assert [f"{n.where}: {n.reason}" for n in plan.notes] == [
        "line 2: ignored: cadence_days: 'thirty' is not a number of days.",
        "line 2: kept in the notes: important_dates: birthday: 1985-02-31 is not a date: February 1985 has 28 days.",
        "line 3: kept in the notes: emails: 'nico-at-caffe.it' is not an e-mail address (like name@example.com).",
    ]
    importing.apply_import(plan)
    giulia, nico = (contacts.get_contact(contacts.resolve_contact(name)) for name in ("Giulia Rossi", "Nico Caffè"))
    assert giulia.notes == "birthday as exported: 1985-02-31" and giulia.important_dates == []
    assert nico.notes == "e-mail as exported: nico-at-caffe.it" and nico.channels == []


def test_a_vcard_birthday_on_31_february_is_kept_in_the_notes(database, tmp_path):
    path = tmp_path / "people.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pino Verdi\r\nN:Verdi;Pino;;;\r\nBDAY:1985-02-31\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    plan = importing.plan_import(importing.read_file(path))
    assert plan.summary() == "vCard: 1 new, 0 updated, 0 unchanged, 0 skipped"
    assert [n.reason for n in plan.notes] == [
        "birthday '1985-02-31' kept in the notes: 1985-02-31 is not a date: February 1985 has 28 days."]
    importing.apply_import(plan)
    assert contacts.get_contact(contacts.resolve_contact("Pino Verdi")).notes == "birthday as exported: 1985-02-31"
