"""vCard import and export (netui.exchange.formats.vcard).

The corpus files (../shared/corpus/vcf, see its README for origins and licences) are real
exports from phones and mail clients; each test says what a person importing that file would
expect to find. tests/data/vcard*.vcf are our own small files for the cases the corpus lacks.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
import vobject

from netui.contacts import ChannelInfo, ContactDetail, FactInfo, ImportantDateInfo
from netui.errors import ValidationError
from netui.exchange.formats import vcard

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "vcf"
DATA = Path(__file__).parents[1] / "data"
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.vcf")) if CORPUS.is_dir() else []


def corpus(name: str) -> vcard.ReadResult:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the shared corpus is not here ({path})")
    return vcard.read(path.read_text(encoding="utf-8"))


def data(name: str) -> vcard.ReadResult:
    return vcard.read((DATA / name).read_text(encoding="utf-8"))


def only(result):
    assert len(result.people) == 1, result
    return result.people[0]


def test_the_corpus_is_there():
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not here ({CORPUS})")
    assert len(CORPUS_FILES) >= 17


# --- every corpus file ---------------------------------------------------------------------


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_corpus_file_reads_without_a_crash(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert vcard.looks_like(text)
    result = vcard.read(text)
    assert result.format_name == "vCard"
    assert result.people or result.skipped
    for person in result.people:
        assert person.name, person
        assert person.where.startswith("card ")
    for skipped in result.skipped:
        assert skipped.where.startswith("card ") and skipped.reason


# --- each corpus file: what a person would expect -----------------------------------------


def test_android_multi_card_file_quoted_printable_and_nameless_cards():
    result = corpus("mangstadt_ez-vcard_John_Doe_ANDROID.vcf")
    # Six cards; the first two hold only an e-mail address: reported, not imported.
    assert [p.where for p in result.people] == ["card 3", "card 4", "card 5", "card 6"]
    nameless = {s.where: s.reason for s in result.skipped}
    assert set(nameless) == {"card 1", "card 2"}
    assert "no name" in nameless["card 1"] and "john.doe@company.com" in nameless["card 1"]
    assert "jane.doe@company.com" in nameless["card 2"]

    third, fourth, fifth, sixth = result.people
    assert (third.first_name, third.last_name) == ("", "Ñ Ñ Ñ Ñ")  # N wins over FN (5 Ñ)
    assert third.phones == ["123456789"]
    assert third.tags == []  # Android's "My Contacts" group is not a tag
    # Quoted-printable soft line breaks inside N and NOTE.
    assert fourth.last_name == " ".join(["Ñ"] * 11)
    assert fourth.phones == ["123456", "234567", "3456789", "45678901"]
    note = " ".join("Ñ" * 8) + " ".join("Ñ" * 8) + " ".join("Ñ" * 5)  # soft breaks join directly
    assert fourth.notes == f"{note}\n\n{note}"  # two NOTEs
    assert (fifth.first_name, fifth.last_name) == ("Ñ Ñ Ñ", "Ñ Ñ")
    assert fifth.company == "Ñ" * 12
    assert fifth.emails == ["bob@company.com"]
    assert "e-mail as exported: " + "Ñ" * 14 in fifth.notes
    assert fifth.phones == ["123456"]  # three TELs with the same number
    assert fifth.websites == ["http://www.company.com"]  # and www.company.com, the same site
    # A soft line break followed by a blank line, and a stray =80 byte that is not UTF-8.
    assert sixth.last_name == "ÑÑÑÑ"
    assert sixth.company == "Ñ" * 44
    assert sixth.emails == ["henry@company.com"] and sixth.phones == ["55556666"]


def test_blackberry():
    person = only(corpus("mangstadt_ez-vcard_John_Doe_BLACK_BERRY.vcf"))
    assert (person.first_name, person.last_name) == ("john", "Doe")  # as the file spells it
    assert person.company == "Acme Solutions"
    assert person.phones == ["+96123456789"]
    assert person.notes == ""


def test_evolution():
    person = only(corpus("mangstadt_ez-vcard_John_Doe_EVOLUTION.vcf"))
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert (person.company, person.role) == ("IBM", "Money Counter")
    assert ("department", "Accounting, Dungeon") in person.facts
    assert person.emails == ["john.doe@ibm.com"]  # folded in the middle of the address
    assert person.phones == ["905-666-1234", "905-555-1234"]
    assert (person.city, person.country) == ("Albaney", "United States of America")
    assert person.websites == ["http://www.ibm.com"]
    assert person.tags == ["vip"]
    assert ("other", "johnny5@aol.com", "AIM") in person.other_channels
    assert ("birthday", 1980, 3, 22) in person.important_dates
    assert ("anniversary", 1980, 3, 22) in person.important_dates
    assert {("nickname", "Johny"), ("spouse", "Maria"), ("manager", "Big Blue")} <= set(person.facts)
    assert "WARRANTIES, INCLUDING, BUT NOT LIMITED TO" in person.notes
    assert person.notes.endswith("POSSIBILITY OF SUCH DAMAGE.")


def test_gmail_unescaped_comma_in_fn():
    person = only(corpus("mangstadt_ez-vcard_John_Doe_GMAIL.vcf"))
    # FN:Mr. John Richter, James Doe Sr. has an unescaped comma; N gives the name.
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert (person.company, person.role) == ("IBM", "Money Counter")
    assert person.emails == ["john.doe@ibm.com"]
    assert person.phones == ["905-555-1234", "905-666-1234"]
    assert person.websites == ["http://www.ibm.com"]  # written http\://
    assert ("birthday", 1980, 3, 22) in person.important_dates
    assert ("anniversary", 1975, 3, 1) in person.important_dates  # Apple's labelled X-ABDATE
    assert ("spouse", "Jenny") in person.facts
    assert '"AS IS"' in person.notes  # Google writes \"
    assert person.notes.endswith("Favotire Color: Blue")
    # The address is all in one component: no city netui could trust, kept as a fact.
    assert person.city == ""
    assert any(label == "address (home)" and "Albaney" in value for label, value in person.facts)


def test_iphone_cr_cr_lf_line_ends_and_a_photo():
    person = only(corpus("mangstadt_ez-vcard_John_Doe_IPHONE.vcf"))
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert (person.company, person.role) == ("IBM", "Money Counter")
    assert person.emails == ["john.doe@ibm.com"]
    assert person.phones[0] == "905-555-1234"  # the preferred one first
    assert len(person.phones) == 7
    labels = {value: label for kind, value, label in person.channels() if kind == "phone"}
    assert labels["905-555-1234"] == "mobile"  # TYPE=CELL
    assert labels["905-888-1234"] == "home fax"  # TYPE=HOME,FAX
    assert labels["905-111-1234"] == "pager"
    assert (person.city, person.country) == ("New York", "United States of America")
    assert person.websites == ["http://www.ibm.com"]
    assert person.important_dates == [("birthday", 2012, 6, 6)]


def test_lotus_notes_profile_line_and_role():
    person = only(corpus("mangstadt_ez-vcard_John_Doe_LOTUS_NOTES.vcf"))
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert (person.company, person.role) == ("IBM", "Generic Accountant")
    assert person.emails == ["john.doe@ibm.com", "billy_bob@gmail.com"]
    assert person.phones == ["+1 (212) 204-34456", "00-1-212-555-7777"]
    assert (person.city, person.country) == ("New York", "U.S.A.")
    assert person.websites == ["http://www.sun.com"]
    assert person.important_dates == [("birthday", 1980, 5, 21)]
    assert ("profession", "Counting Money") in person.facts


def test_mac_address_book():
    person = only(corpus("mangstadt_ez-vcard_John_Doe_MAC_ADDRESS_BOOK.vcf"))
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert person.company == "IBM"
    assert person.emails == ["john.doe@ibm.com"]
    assert person.phones[0] == "905-777-1234"  # type=pref
    assert "905-222-1234" in person.phones  # the grouped item1.TEL
    assert ("phone", "905-222-1234", "AssistantPhone") in person.channels()  # its item1.X-ABLabel
    assert ("email", "john.doe@ibm.com", "work") in person.channels()
    assert (person.city, person.country) == ("New York", "United States of America")
    assert ("spouse", "Jenny") in person.facts
    assert person.important_dates == [("birthday", 2012, 6, 6)]


def test_ms_outlook_vcard21_commas_are_not_separators():
    person = only(corpus("mangstadt_ez-vcard_John_Doe_MS_OUTLOOK.vcf"))
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert (person.company, person.role) == ("IBM", "Money Counter")
    assert ("profession", "Counting Money") in person.facts
    # vCard 2.1 does not escape commas: the whole note, not the part before the first one.
    assert "WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED" in person.notes
    assert person.emails == ["john.doe@ibm.cm"]
    assert person.phones == ["(905) 555-1234", "(905) 666-1234"]
    assert (person.city, person.country) == ("Albaney", "United States of America")  # WORK;PREF
    assert person.websites == ["http://www.ibm.com"]
    assert ("birthday", 1980, 3, 22) in person.important_dates  # BDAY:19800322
    assert ("anniversary", 2011, 1, 13) in person.important_dates
    assert ("other", "johny5@aol.com", "IM") in person.other_channels


def test_fullcontact_vcard40():
    person = only(corpus("mangstadt_ez-vcard_fullcontact.vcf"))
    assert (person.first_name, person.last_name) == ("FirstName", "LastName")
    assert (person.company, person.role) == ("Organization1", "Title1")
    assert "organization as exported: Organization2; Department2" in person.notes
    assert "title as exported: Title2" in person.notes
    assert person.notes.startswith("Notes line 1\nNotes line 2")
    assert len(person.emails) == 5 and person.emails[0] == "home@example.com"
    assert len(person.phones) == 9
    assert (person.city, person.country) == ("HomeCity", "HomeCountry")
    assert person.important_dates == [("birthday", 2016, 8, 1)]  # two BDAYs, one ALTID
    assert person.tags == ["tag"]
    assert ("other", "skype:skype", "Skype") in person.other_channels


def test_gmail_single2_many_labelled_items():
    person = only(corpus("mangstadt_ez-vcard_gmail-single2.vcf"))
    assert (person.first_name, person.last_name) == ("VCard", "Test")
    assert (person.company, person.role) == ("TheCompany", "TheJobTitle")
    assert len(person.emails) == 5 and "customcategory@example.com" in person.emails
    assert len(person.phones) == 11
    assert len(person.websites) == 6 and person.websites[0] == "http://www.example1.com"
    dates = person.important_dates
    assert ("birthday", 1912, 6, 23) in dates
    assert ("anniversary", 1930, 3, 20) in dates
    assert ("CustomDateCategory", 2000, 9, 12) in dates
    # 1776 is no year netui stores: the day is kept, the exported value goes to the notes.
    assert ("date", None, 7, 4) in dates
    assert "date as exported: 1776-07-04" in person.notes
    assert {("spouse", "Name2"), ("child", "Name3"), ("referred by", "Name13")} <= set(person.facts)
    assert ("other", "IM5", "Skype") in person.other_channels


def test_outlook_2003_invalid_phones_go_to_the_notes():
    person = only(corpus("mangstadt_ez-vcard_outlook-2003.vcf"))
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert person.company == "Company, The"  # a literal comma in 2.1
    assert person.role == "The Job Title"
    assert person.phones == []
    for placeholder in ("BusinessPhone", "HomePhone", "MobilePhone", "BusinessFaxPhone"):
        assert f"phone as exported: {placeholder}" in person.notes
    assert person.notes.startswith("This is the note field!!\nSecond line\n\nThird line is empty")
    assert person.emails == ["jdoe@hotmail.com"]
    assert (person.city, person.country) == ("Austin", "United States of America")
    assert person.important_dates == [("birthday", 1980, 3, 21)]


def test_outlook_2007():
    person = only(corpus("mangstadt_ez-vcard_outlook-2007.vcf"))
    assert (person.first_name, person.last_name) == ("Michael", "Angstadt")
    assert (person.company, person.role) == ("TheCompany", "TheJobTitle")
    assert person.notes.startswith("This is the NOTE field")
    assert "It does not preserve the formatting" in person.notes
    assert person.emails == ["mike.angstadt@gmail.com"]
    assert person.phones == ["(111) 555-1111", "(111) 555-2222", "(111) 555-4444", "(111) 555-3333"]
    assert ("birthday", 1922, 3, 10) in person.important_dates
    assert ("anniversary", 2012, 8, 1) in person.important_dates


def test_rfc6350_example():
    person = only(corpus("mangstadt_ez-vcard_rfc6350-example.vcf"))
    assert (person.first_name, person.last_name) == ("Simon", "Perreault")
    assert person.company == "Viagenie"
    assert ("birthday", None, 2, 3) in person.important_dates  # BDAY:--0203
    assert ("anniversary", 2009, 8, 8) in person.important_dates  # 20090808T1430-0500
    assert person.phones == ["+1-418-656-9254", "+1-418-262-6501"]  # tel: URIs
    assert "extension: 102" in person.notes
    assert person.emails == ["simon.perreault@viagenie.ca"]
    assert (person.city, person.country) == ("Quebec", "Canada")
    assert person.websites == ["http://nomis80.org"]


def test_thunderbird_escaped_commas_in_categories():
    person = only(corpus("mangstadt_ez-vcard_thunderbird-MoreFunctionsForAddressBook-extension.vcf"))
    assert (person.first_name, person.last_name) == ("John", "Doe")
    assert (person.company, person.role) == ("TheOrganization", "TheTitle")
    assert person.tags == ["category1", "category2", "category3"]
    assert person.emails[0] == "doe.john@hotmail.com" and len(person.emails) == 5
    assert (person.city, person.country) == ("New York", "USA")
    assert ("birthday", 1970, 9, 21) in person.important_dates
    assert ("anniversary", 1990, 4, 30) in person.important_dates
    assert person.notes.endswith('You can put anything in the "note" field; even curse words.')


def test_radicale_minimal_card():
    person = only(corpus("py-vobject_vobject_radicale-1587.vcf"))
    assert (person.first_name, person.last_name) == ("Given", "Family")


def test_sabre_issue153_big_base64_photo():
    person = only(corpus("sabre-io_vobject_issue153.vcf"))
    assert (person.first_name, person.last_name) == ("Test", "Benutzer")


def test_sabre_issue64_photo_only_card_is_reported():
    result = corpus("sabre-io_vobject_issue64.vcf")
    assert result.people == []
    assert [s.where for s in result.skipped] == ["card 1"]
    assert "no name" in result.skipped[0].reason


# --- our own files -------------------------------------------------------------------------


def test_vcard21_quoted_printable():
    person = only(data("vcard21_quoted_printable.vcf"))
    assert (person.first_name, person.last_name) == ("José", "Niño")
    assert person.company == "Café Olé, S.L."
    assert ("department", "Ventas") in person.facts
    assert person.role == "Director, Ventas"
    assert person.phones == ["+34 600 111 222", "+34 91 555 0000"]
    assert person.emails == ["jose@cafeole.es"]
    assert (person.city, person.country) == ("Málaga", "España")
    assert person.notes == "Conocido en la feria de Málaga, 2024.\nLe gusta el café solo, sin azúcar."
    assert person.important_dates == [("birthday", 1985, 7, 4)]
    assert person.tags == ["clientes", "feria-2024"]


def test_vcard40_birthday_without_year_and_an_impossible_one():
    result = data("vcard40_bday_noyear.vcf")
    giulia, marco = result.people
    assert giulia.important_dates == [("birthday", None, 4, 15), ("anniversary", None, 6, 2)]
    assert giulia.emails == ["giulia.rossi@lumen.example"]
    assert giulia.linkedin == ["https://www.linkedin.com/in/giulia-rossi-example"]
    assert giulia.websites == []
    # 30 February: the date is reported, Marco is still imported.
    assert (marco.first_name, marco.last_name) == ("Marco", "Bianchi")
    assert marco.important_dates == []
    assert len(result.skipped) == 1
    assert result.skipped[0].where == "card 2"
    assert "--0230" in result.skipped[0].reason and "February" in result.skipped[0].reason


def test_broken_middle_card_is_skipped_and_the_rest_imported():
    result = data("vcard_broken_middle_card.vcf")
    assert [(p.where, p.name) for p in result.people] == [("card 1", "Anna Verdi"), ("card 3", "Sara Gallo")]
    assert result.people[1].phones == ["+39 333 123 4567"]
    assert [s.where for s in result.skipped] == ["card 2"]
    assert "END:VCARD missing" in result.skipped[0].reason


def test_fn_with_an_unescaped_comma():
    john, maria, richter, smith = data("vcard_fn_comma.vcf").people
    assert (john.first_name, john.last_name) == ("John", "Doe")  # FN:Doe, John
    assert (maria.first_name, maria.last_name) == ("Maria", "De Luca")
    assert maria.company == "Rossi, Bianchi & Associati"
    assert (richter.first_name, richter.last_name) == ("John", "Doe")  # N wins
    assert (smith.first_name, smith.last_name) == ("John", "Smith Jr.")  # a suffix, not a first name


# --- the front end: breakages the corpus does not have -------------------------------------

BROKEN = "\ufeff\n" + "\n".join([
    "BEGIN:VCARD", "VERSION:2.1", "N:Uno;Primo",
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQEAYABgAAD",
    "AAgAAgESAAMAAAABAAEAAIdpAAQAAAABAAAAJgAAAAAAA6ABAAMAAAABAAEAAKACAAQAAAABAA",
    "YI9KXwX4EXwz4hm1STUhdM8RiCtGM4JByWz7DpXQ72/vH86idm/vH86ShZ3uNXtY/9k=",
    "", "TEL;CELL:+39 02 1234567", "END:VCARD",
    "BEGIN:VCARD", "VERSION:4.0", "FN:Seconda Due",
    "PHOTO:data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
    " YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "EMAIL:seconda@example.com", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "N:Terzo;Tre", "this line has no colon at all", "END:VCARD",
    "some stray text between cards",
    "begin:vcard", "version:3.0", "n:Quarto;Quattro",
    "x-socialprofile;type=twitter:https://x.com/quattro",
    "x-socialprofile;type=linkedin:https://www.linkedin.com/in/quattro",
    "IMPP;X-SERVICE-TYPE=Skype:skype:quattro.q",
    "end:vcard",
    "BEGIN:VCARD", "VERSION:3.0", "N:Quinto;Cinque",
])


def test_blobs_unreadable_cards_and_a_truncated_file():
    result = vcard.read(BROKEN)
    names = {p.where: p for p in result.people}
    assert set(names) == {"card 1", "card 2", "card 4"}
    assert names["card 1"].phones == ["+39 02 1234567"]  # unindented 2.1 base64 dropped
    assert names["card 2"].emails == ["seconda@example.com"]  # data: URI
    quattro = names["card 4"]  # lower-case property names
    assert quattro.linkedin == ["https://www.linkedin.com/in/quattro"]
    assert ("x", "https://x.com/quattro", "") in quattro.other_channels
    assert ("other", "skype:quattro.q", "Skype") in quattro.other_channels
    reasons = {s.where: s.reason for s in result.skipped}
    assert set(reasons) == {"card 3", "card 5"}
    assert "line 21" in reasons["card 3"] and "this line has no colon" in reasons["card 3"]
    assert "END:VCARD missing" in reasons["card 5"] and "end of the file" in reasons["card 5"]


IPHONE_STYLE = "\r\r\n".join([
    "BEGIN:VCARD", "VERSION:3.0", "N:Rossi;Giulia;;;", "FN:Giulia Rossi",
    "NOTE:A note long enough to be folded by the phone that wrote this card\\, with a", "  comma in it.",
    "EMAIL;type=INTERNET;type=pref:giulia.rossi@exam", " ple.com", "END:VCARD", "",
])


@pytest.mark.parametrize("newline", ["", None], ids=["bytes-as-written", "universal-newlines"])
def test_cr_cr_lf_line_ends_with_folded_lines(tmp_path, newline):
    path = tmp_path / "iphone.vcf"
    path.write_bytes(IPHONE_STYLE.encode())
    with open(path, encoding="utf-8", newline=newline) as handle:
        text = handle.read()
    person = only(vcard.read(text))
    assert person.emails == ["giulia.rossi@example.com"]
    assert person.notes == (
        "A note long enough to be folded by the phone that wrote this card, with a comma in it."
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BEGIN:VCARD\r\nVERSION:3.0\r\n", True),
        ("\ufeff  \n\nbegin:vcard\n", True),
        ("  BEGIN:VCARD  \n", True),
        ("First Name,Last Name\nBEGIN:VCARD\n", False),
        ("BEGIN:VCALENDAR\n", False),
        ("", False),
    ],
)
def test_looks_like(text, expected):
    assert vcard.looks_like(text) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1990-04-15", ("birthday", 1990, 4, 15)),
        ("19900415", ("birthday", 1990, 4, 15)),
        ("--0415", ("birthday", None, 4, 15)),
        ("--04-15", ("birthday", None, 4, 15)),
        ("1990-04-15T00:00:00Z", ("birthday", 1990, 4, 15)),
        ("--0229", ("birthday", None, 2, 29)),
    ],
)
def test_birthday_forms(value, expected):
    text = f"BEGIN:VCARD\nVERSION:3.0\nN:Rossi;Giulia\nBDAY:{value}\nEND:VCARD\n"
    result = vcard.read(text)
    assert result.skipped == []
    assert result.people[0].important_dates == [expected]


def test_apple_no_year_birthday():
    text = "BEGIN:VCARD\nVERSION:3.0\nN:Rossi;Giulia\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15\nEND:VCARD\n"
    assert vcard.read(text).people[0].important_dates == [("birthday", None, 4, 15)]


@pytest.mark.parametrize("value", ["1990-02-30", "--1345", "circa 1990"])
def test_impossible_birthday_is_reported_and_the_person_kept(value):
    result = vcard.read(f"BEGIN:VCARD\nVERSION:3.0\nN:Rossi;Giulia\nBDAY:{value}\nEND:VCARD\n")
    assert result.people[0].name == "Giulia Rossi"
    assert result.people[0].important_dates == []
    assert [s.where for s in result.skipped] == ["card 1"]
    assert value in result.skipped[0].reason


# --- writing and reading back --------------------------------------------------------------

STAMP = pendulum.datetime(2026, 11, 29, 9, 0, tz="UTC")
LONG_NOTE = "会議で会いました。" * 20 + "\nSecond line, with a comma; a semicolon and a \\ backslash."


def contact(contact_id: int, first: str, last: str, **fields) -> ContactDetail:
    values = dict(
        id=contact_id, first_name=first, last_name=last, company="", role="", city="", country="",
        circle="other", how_met="", met_at_id=None, met_at_title=None, introduced_by_id=None,
        introduced_by_name=None, cadence_days=None, starred=False, notes="", created_at=STAMP,
        updated_at=STAMP, trashed_at=None, last_contacted=None,
    )
    values.update(fields)
    return ContactDetail(**values)


PEOPLE = [
    contact(
        1, "Nicolò", "Ødegaard-Müller",
        company="Rossi, Bianchi & Associati; S.r.l.", role="Head of PR, EMEA",
        city="Zürich", country="Schweiz", circle="work", cadence_days=30, starred=True,
        how_met="Pitti Uomo 2026; stand 12", notes=LONG_NOTE,
        channels=[
            ChannelInfo(1, "email", "nicolo@example.it", "work"),
            ChannelInfo(2, "email", "nicolo.private@example.com", ""),
            ChannelInfo(3, "phone", "+39 333 123 4567", "mobile"),
            ChannelInfo(4, "linkedin", "https://www.linkedin.com/in/nicolo-example", ""),
            ChannelInfo(5, "website", "https://nicolo.example", ""),
            ChannelInfo(6, "x", "@nicolo", ""),
            ChannelInfo(7, "other", "signal:+39333", "Signal"),
        ],
        tags=["fintech", "milano-2026"],
        facts=[FactInfo(1, "children", "two: Anna, Luca"), FactInfo(2, "wine", "Barolo")],
        important_dates=[
            ImportantDateInfo(1, "birthday", 4, 15, None, 3),  # reminders other than the default too
            ImportantDateInfo(2, "anniversary", 6, 2, 2015, 0),
            ImportantDateInfo(3, "name day", 12, 6, None, 14),
        ],
    ),
    contact(
        2, "小明", "王", company="华为", city="深圳", country="中国", circle="friends",
        important_dates=[ImportantDateInfo(4, "birthday", 2, 29, 1992, 7)],
    ),
    contact(3, "Anne-Marie", "D'Arcy, Jr."),
]


def fields(person) -> dict:
    """What a contact and an IncomingPerson have in common."""
    if isinstance(person, ContactDetail):
        channel = lambda kind: [c.value for c in person.channels if c.kind == kind]  # noqa: E731
        return dict(
            first_name=person.first_name, last_name=person.last_name, company=person.company,
            role=person.role, city=person.city, country=person.country, notes=person.notes,
            how_met=person.how_met, circle=person.circle, cadence_days=person.cadence_days,
            starred=person.starred, emails=channel("email"), phones=channel("phone"),
            linkedin=channel("linkedin"), websites=channel("website"),
            other=sorted((c.kind, c.value) for c in person.channels
                         if c.kind not in ("email", "phone", "linkedin", "website")),
            tags=list(person.tags), facts=[(f.label, f.value) for f in person.facts],
            dates=sorted((d.label, d.year, d.month, d.day, d.remind_days_before) for d in person.important_dates),
            labelled=sorted((c.kind, c.value, c.label) for c in person.channels if c.label),
        )
    return dict(
        first_name=person.first_name, last_name=person.last_name, company=person.company,
        role=person.role, city=person.city, country=person.country, notes=person.notes,
        how_met=person.how_met, circle=person.circle, cadence_days=person.cadence_days,
        starred=person.starred, emails=person.emails, phones=person.phones,
        linkedin=person.linkedin, websites=person.websites,
        other=sorted((kind, value) for kind, value, _ in person.other_channels),
        tags=person.tags, facts=person.facts,
        dates=sorted(((*date, remind) for date, remind in zip(person.important_dates, person.date_reminders)),
                     key=lambda d: (d[0], d[1] or 0, d[2], d[3])),
        labelled=sorted(channel for channel in person.channels() if channel[2]),
    )


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_write_then_read_gives_back_the_same_fields(version):
    text = vcard.write(PEOPLE, version)
    assert vcard.looks_like(text)
    result = vcard.read(text)
    assert result.skipped == []
    assert [fields(p) for p in result.people] == [fields(p) for p in PEOPLE]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_write_is_readable_by_vobject(version):
    text = vcard.write(PEOPLE, version)
    cards = list(vobject.readComponents(text))
    assert [c.version.value for c in cards] == [version] * 3
    assert [c.fn.value for c in cards] == ["Nicolò Ødegaard-Müller", "小明 王", "Anne-Marie D'Arcy, Jr."]
    first = cards[0]
    assert first.n.value.family == "Ødegaard-Müller" and first.n.value.given == "Nicolò"
    assert first.org.value == ["Rossi, Bianchi & Associati; S.r.l."]
    assert first.title.value == "Head of PR, EMEA"
    assert first.note.value == LONG_NOTE
    assert first.categories.value == ["fintech", "milano-2026"]
    assert first.bday.value == "--0415"
    assert [e.value for e in first.contents["email"]] == ["nicolo@example.it", "nicolo.private@example.com"]
    assert first.contents["email"][0].params["TYPE"] == ["work"]
    assert first.tel.params["TYPE"] == ["cell"]
    assert first.adr.value.city == "Zürich" and first.adr.value.country == "Schweiz"
    assert cards[1].bday.value == ("19920229" if version == "4.0" else "1992-02-29")
    anniversary = "anniversary" if version == "4.0" else "x-anniversary"
    assert first.contents[anniversary][0].value == ("20150602" if version == "4.0" else "2015-06-02")


def test_write_lines_are_folded_crlf():
    text = vcard.write(PEOPLE)
    assert text.count("BEGIN:VCARD") == 3
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")


def test_write_refuses_other_versions():
    with pytest.raises(ValidationError):
        vcard.write(PEOPLE, "2.1")


def test_a_card_without_a_name_is_named_after_its_nickname_or_organisation():
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Idraulica Rossi\r\nTEL;TYPE=WORK:+39 011 555 1234\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nNICKNAME:Bobby\r\nEMAIL:bob@example.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:newsletter@example.com\r\nEND:VCARD\r\n"
    )
    result = vcard.read(text)
    plumber, bobby = result.people
    assert (plumber.name, plumber.company) == ("Idraulica Rossi", "Idraulica Rossi")
    assert plumber.channels() == [("phone", "+39 011 555 1234", "work")]
    assert bobby.name == "Bobby" and ("nickname", "Bobby") not in bobby.facts
    # An e-mail address alone is not a person: reported with the address, so it can be found.
    assert [s.where for s in result.skipped] == ["card 3"]
    assert "newsletter@example.com" in result.skipped[0].reason
