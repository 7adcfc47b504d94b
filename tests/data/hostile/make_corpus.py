"""Writes the small hand-made hostile files of this folder (run it to rebuild them). The big
ones (a 10 MB field, 100,000 columns) are built by tests/test_hostile.py at test time."""

from pathlib import Path

HERE = Path(__file__).parent
NETUI_HEADER = ("first_name,last_name,company,role,city,country,circle,tags,emails,phones,linkedin,websites,"
                "other_channels,how_met,cadence_days,starred,important_dates,facts,notes")
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
GOOGLE_HEADER = ("Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Notes,Group Membership,"
                 "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,"
                 "Organization 1 - Title")

FILES = {
    # CSV
    "netui_unclosed_quote.csv": f'{NETUI_HEADER}\nGiulia,Rossi,"Lumen,PR,Milano,Italy,work,,,,,,,,,,,,\n'.encode(),
    "linkedin_unclosed_quote.csv": (f"{LINKEDIN_HEADER}\nGiulia,Rossi,,,Acme,CTO,07 Nov 2023\n"
                                    'Marco,"Bianchi,,,Acme,CTO,07 Nov 2023\nAnna,Verdi,,,Acme,CTO,07 Nov 2023\n').encode(),
    "netui_truncated_mid_row.csv": f"{NETUI_HEADER}\nGiulia,Rossi,Lumen,PR,Mil".encode(),
    "netui_bad_values.csv": (f"{NETUI_HEADER}\n"
                             "Giulia,Rossi,,,,,planets,,not-an-email,abc,,,,,-5,maybe,birthday=0000-00-00,,\n"
                             "Marco,Bianchi,,,,,,,,,,,,,,,birthday=2023-02-31 | nameday=99999-01-01,,\n").encode(),
    "netui_header_only.csv": f"{NETUI_HEADER}\n".encode(),
    "linkedin_formula_cells.csv": (f"{LINKEDIN_HEADER}\n"
                                   '"=HYPERLINK(""http://evil.example"",""click"")",Rossi,,a@b.example,+cmd|\' /C calc\'!A0,-1+1,07 Nov 2023\n'
                                   "@SUM(A1:A9),Bianchi,,,=1+2,@Role,07 Nov 2023\n"
                                   "'=already quoted,Verdi,,,\t=tab,\r=cr,07 Nov 2023\n").encode(),
    "linkedin_absurd_dates.csv": (f"{LINKEDIN_HEADER}\n"
                                  "Anna,Uno,,,,,0000-00-00\nBruno,Due,,,,,31/02/2024\nCarla,Tre,,,,,01 Jan 99999\n"
                                  "Dario,Quattro,,,,,yesterday-ish\nElena,Cinque,,,,,99 Zzz 2023\n").encode(),
    "linkedin_latin1.csv": (f"{LINKEDIN_HEADER}\nNicolò,D'Àmico,,nicolo@example.it,Caffè Srl,Barista,07 Nov 2023\n"
                            ).encode("latin-1"),
    "google_utf16_le_bom.csv": ("\ufeff" + GOOGLE_HEADER + "\nAnna Bell,Anna,,Bell,,1985-04-15,notes,* myContacts,"
                                "* Home,anna@example.com,Mobile,+39 333 1234567,Acme,CEO\n").encode("utf-16-le"),
    "google_utf16_be_no_bom.csv": (GOOGLE_HEADER + "\nAnna Bell,Anna,,Bell,,--04-15,,,,,,,,\n").encode("utf-16-be"),
    "google_absurd_birthdays.csv": (GOOGLE_HEADER + "\nA One,A,,One,,0000-00-00,,,,,,,,\n"
                                    "B Two,B,,Two,,2023-02-31,,,,,,,,\nC Three,C,,Three,,99999-12-01,,,,,,,,\n"
                                    "D Four,D,,Four,,--13-45,,,,,,,,\n").encode(),
    "nul_bytes.csv": f"{LINKEDIN_HEADER}\nGiu\x00lia,Ros\x00si,,,Acme,,07 Nov 2023\n".encode(),
    "nul_only.csv": b"\x00" * 64,
    "empty.csv": b"",
    "bom_only.csv": b"\xef\xbb\xbf",
    "just_text.txt": "Dear Giulia,\nthis is a letter, not a contact list.\n".encode(),
    "zip_disguised.csv": b"PK\x03\x04" + bytes(range(256)) * 4,
    "invalid_utf8_and_cp1252_mix.csv": (f"{LINKEDIN_HEADER}\n".encode() + b"Caf\xe9,\xff\xfe\xfd,,,\x81\x8d,,07 Nov 2023\n"),
    "semicolon_ragged.csv": ("First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
                             "Giulia;Rossi\nMarco;Bianchi;;;;;;;;;;;;;;07 Nov 2023;extra\n").encode(),
    # vCard
    "vcard_truncated.vcf": b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Giulia Rossi\r\nN:Rossi;Giulia;;;\r\nEMAIL:giu",
    "vcard_garbage_lines.vcf": (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marco Bianchi\r\n:::;;;\r\nNOCOLON\r\n"
                                b"EMAIL;TYPE=\"unclosed:marco@example.com\r\nBDAY:0000-00-00\r\nBDAY:99999-01-01\r\n"
                                b"TEL;TYPE=CELL:+39 333 1234567\r\nEND:VCARD\r\n"
                                b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nBDAY:--0231\r\nEND:VCARD\r\n"
                                b"END:VCARD\r\nBEGIN:VCARD\r\n"),
    "vcard_nested_and_unbalanced.vcf": (b"BEGIN:VCARD\r\nBEGIN:VCARD\r\nFN:Inner\r\nEND:VCARD\r\n"
                                        b"FN:Outer\r\nEND:VCARD\r\nEND:VCARD\r\nEND:VCARD\r\n"),
    "vcard_bad_quoted_printable.vcf": (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:=ZZ=\r\n"
                                       b"FN;CHARSET=NOPE;ENCODING=QUOTED-PRINTABLE:Caf=E9=\r\n=\r\nEND:VCARD\r\n"),
    "vcard_nul.vcf": b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nu\x00ll\r\nEND:VCARD\r\n",
    "vcard_latin1.vcf": "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nicolò Caffè\r\nN:Caffè;Nicolò;;;\r\nEND:VCARD\r\n".encode("latin-1"),
    "vcard_utf16.vcf": "\ufeffBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ødegaard\r\nEND:VCARD\r\n".encode("utf-16-le"),
    # iCalendar: netui writes .ics files, it does not import them
    "calendar.ics": (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:1@x\r\n"
                     b"DTSTART:20261201T180000Z\r\nSUMMARY:Tennis with Marco\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
    "calendar_truncated.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:0000",
    "calendar_absurd_dates.ics": (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:99999231T250000Z\r\n"
                                  b"DTEND:20230231\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
}

if __name__ == "__main__":
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(FILES)} files")
