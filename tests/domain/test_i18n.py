"""The translation: complete, consistent, chosen the documented way, and Italian dates."""

from __future__ import annotations

import pendulum
import pytest

import i18n_check
from netui import capture_line, i18n, when
from netui.errors import ValidationError


def test_no_user_visible_text_bypasses_the_translation():
    found = i18n_check.bypasses()
    assert not found, "\n".join(str(bypass) for bypass in found)


def test_every_message_has_an_italian_translation():
    missing = i18n_check.untranslated("it")
    assert not missing, "\n".join(f"{m.where}: {m.msgid!r}" for m in missing)


def test_italian_translations_keep_the_placeholders():
    problems = i18n_check.placeholder_mismatches("it")
    assert not problems, "\n".join(problems)


def test_a_message_has_one_italian_translation_across_the_catalogues():
    problems = i18n_check.conflicting_translations("it")
    assert not problems, "\n".join(problems)


def test_the_checker_sees_untranslated_text(tmp_path):
    sample = tmp_path / "screen.py"
    sample.write_text(
        "from netui.i18n import _\n"
        "def f(self, n):\n"
        "    self.notify(f'Saved {n} people')\n"
        "    self.notify(_('Saved {n} people', n=n))\n"
        "    raise ValidationError('name', 'A contact needs a name.')\n"
        "    for _ in range(3): pass\n"
        "LABEL = _('Today')\n"
    )
    found = [bypass.line for bypass in i18n_check.bypasses([sample])]
    assert found == [3, 5, 6, 7]


@pytest.mark.parametrize(
    "flag, configured, environ, expected",
    [
        ("it", "en", {"LANG": "en_US.UTF-8"}, "it"),
        (None, "it", {"LANG": "en_US.UTF-8"}, "it"),
        (None, None, {"LANG": "it_IT.UTF-8"}, "it"),
        (None, None, {"LC_ALL": "en_GB.UTF-8", "LANG": "it_IT.UTF-8"}, "en"),
        (None, None, {"LC_MESSAGES": "it_CH", "LANG": "en_US"}, "it"),
        (None, None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, None, {"LANG": "C"}, "en"),
        (None, None, {}, "en"),
    ],
)
def test_language_is_chosen_by_flag_then_config_then_environment(flag, configured, environ, expected):
    assert i18n.choose_language(flag, configured, environ) == expected


def test_plural_forms_in_both_languages(italian):
    assert i18n.ngettext("{n} contact", "{n} contacts", 1) == "1 contatto"
    assert i18n.ngettext("{n} contact", "{n} contacts", 2) == "2 contatti"
    assert i18n.ngettext("{n} contact", "{n} contacts", 0) == "0 contatti"
    i18n.set_language("en")
    assert i18n.ngettext("{n} contact", "{n} contacts", 1) == "1 contact"
    assert i18n.ngettext("{n} contact", "{n} contacts", 2) == "2 contacts"


def test_italian_dates_and_durations(italian, frozen):
    assert when.humanize(pendulum.now("UTC").subtract(days=3)) == "3 giorni fa"
    assert when.humanize(pendulum.now("UTC").add(weeks=2)) == "tra 2 settimane"
    assert when.long_date(pendulum.date(2026, 12, 3)) == "giovedì 3 dicembre 2026"
    assert when.days_ahead(1) == "domani"
    assert when.days_ahead(5) == "tra 5 giorni"


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("03/12/2026", "2026-12-03 12:00"),
        ("3 dicembre", "2025-12-03 12:00"),  # a past moment: the last 3 December
        ("ieri 18:00", "2026-11-28 18:00"),
        ("ieri alle 18.30", "2026-11-28 18:30"),
        ("3 giorni fa", "2026-11-26 10:00"),
        ("venerdì", "2026-11-27 12:00"),
        ("oggi", "2026-11-29 12:00"),
        ("ieri sera", "2026-11-28 19:00"),
        ("stamattina", "2026-11-29 09:00"),
        ("lunedì scorso", "2026-11-23 12:00"),
        ("una settimana fa", "2026-11-22 10:00"),
    ],
)
def test_moments_typed_the_italian_way(italian, known_sunday, typed, expected):
    """Typed on Sunday 29 November 2026 at 10:00 in Rome: "venerdì" is the 27th, "3 dicembre"
    last year's."""
    moment = when.parse_when(typed).in_timezone("Europe/Rome")
    assert moment.format("YYYY-MM-DD HH:mm") == expected


@pytest.mark.parametrize(
    "typed, expected",
    [("domani", "2026-11-30"), ("3 dicembre", "2026-12-03"), ("03/12/2026", "2026-12-03"),
     ("venerdi", "2026-12-04"), ("tra 2 settimane", "2026-12-13"), ("tra una settimana", "2026-12-06"),
     ("lunedì prossimo", "2026-11-30"), ("ven", "2026-12-04"), ("la settimana prossima", "2026-12-06")],
)
def test_due_dates_typed_the_italian_way(italian, known_sunday, typed, expected):
    """Due dates typed on Sunday 29 November 2026: a weekday or a day of the year is the next one."""
    assert when.parse_date(typed, future=True).isoformat() == expected


def test_an_impossible_italian_date_is_named_as_typed(italian, frozen):
    with pytest.raises(ValidationError) as caught:
        when.parse_date("31/02/2026")
    assert "31/02/2026" in caught.value.message
    assert "febbraio" in caught.value.message


def test_english_does_not_read_slashed_dates_as_day_first(frozen):
    with pytest.raises(ValidationError):
        when.parse_date("03/12/2026")


@pytest.mark.parametrize(
    "token, expected",
    [("!2g", "2026-12-01"), ("!1s", "2026-12-06"), ("!3m", "2027-02-28"), ("!domani", "2026-11-30"),
     ("!venerdì", "2026-12-04"), ("!tomorrow", "2026-11-30"), ("!03/12", "2026-12-03"),
     ("!15/01", "2027-01-15"), ("!3/12/2026", "2026-12-03")],
)
def test_capture_line_understands_italian_due_dates(italian, token, expected):
    import datetime as dt

    line = capture_line.parse_capture_line(f"Giulia Rossi {token}", today=dt.date(2026, 11, 29))
    assert line.due.isoformat() == expected


def test_every_stored_code_has_a_label():
    from netui import labels, upkeep
    from netui.store import models

    codes = set()
    for name in ("CIRCLES", "CHANNEL_KINDS", "INTERACTION_KINDS", "MILESTONES", "EVENT_KINDS",
                 "EVENT_STATUSES", "ATTENDEE_STATUSES", "FAVOUR_DIRECTIONS", "FAVOUR_KINDS",
                 "INTRODUCTION_STATUSES", "OCCURRENCE_STATUSES", "INITIATORS"):
        codes.update(getattr(models, name))
    codes.update(upkeep.WARMTHS)
    assert codes <= set(labels.CODES)


def test_codes_are_labelled_in_italian(italian):
    from netui.labels import label

    assert label("job lead") == "segnalazione di lavoro"
    assert label("work") == "lavoro"
    assert label("something new") == "something new"


def test_search_box_filters_in_italian(italian, database):
    from netui import contacts

    text, filters = contacts.split_filters('cerchia:lavoro città:"La Spezia" ordina:saldo #fintech giulia')
    assert text == "giulia"
    assert filters == {"circle": "work", "city": "La Spezia", "sort": "saldo", "tag": "fintech"}
    assert contacts.find_contacts("ordina:saldo").sort == "balance"
