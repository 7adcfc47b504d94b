"""File formats netui reads and writes. Each reader is a pure function from a file's text
to a netui.exchange.importing.ReadResult; writers take plain data from the domain layer."""

from __future__ import annotations


def readers():
    """(looks_like, read) for every importable format, most specific first."""
    from netui.exchange.formats import google, linkedin, netui_csv, vcard

    return [
        (netui_csv.looks_like, netui_csv.read),
        (linkedin.looks_like, linkedin.read),
        (google.looks_like, google.read),
        (vcard.looks_like, vcard.read),
    ]
