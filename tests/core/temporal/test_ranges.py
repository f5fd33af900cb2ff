"""find_dates links the two mentions of a range ("7-8 March") and keeps each one's TimeML value; lists,
scores, codes, moved dates and two dates of two events stay unlinked."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.models import DateMention, Precision
from timeline_app.core.temporal import default_rules, find_dates
from timeline_app.core.temporal.ranges import Joins, link_ranges

PUBLISHED = dt.date(2024, 3, 13)  # a Wednesday


def ranges(text: str, language: str = "en") -> list[tuple[str, str, str]]:
    """(whole range as written, first value, last value) of each range of `text`."""
    mentions = find_dates(text, PUBLISHED, language=language)
    by_end = {m.end: m for m in mentions}
    return [(text[m.start : m.range_end], m.value, by_end[m.range_end].value)
            for m in mentions if m.range_end is not None]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister visited Hanoi on 7-8 March.", ("7-8 March", "2024-03-07", "2024-03-08")),
        ("The summit will be held from 3 to 5 June.", ("3 to 5 June", "2024-06-03", "2024-06-05")),
        ("The conference took place March 3-5, 2019.", ("March 3-5, 2019", "2019-03-03", "2019-03-05")),
        ("He was in Paris from June 1 to June 3.", ("June 1 to June 3", "2023-06-01", "2023-06-03")),
        ("Talks ran between Monday and Wednesday.", ("Monday and Wednesday", "2024-03-11", "2024-03-13")),
        ("Talks were held 7 through 9 March.", ("7 through 9 March", "2024-03-07", "2024-03-09")),
        ("Talks ran from March to May 2019.", ("March to May 2019", "2019-03", "2019-05")),
        ("Sanctions applied between 2011 and 2014.", ("2011 and 2014", "2011", "2014")),
        ("The league stopped in the 2019-2020 season.", ("2019-2020", "2019", "2020")),
        ("The league stopped in the 1990-91 season.", ("1990-91", "1990", "1991")),
        ("Polls were open Dec. 28-Jan. 3, 2019.", ("Dec. 28-Jan. 3, 2019", "2018-12-28", "2019-01-03")),
        ("Talks ran March 3 – 5 in Geneva.", ("March 3 – 5", "2024-03-03", "2024-03-05")),
        # The first day and the verb of its lasting: the end is the first such after the start.
        ("The forum opens on Monday and runs through Thursday.",
         ("Monday and runs through Thursday", "2024-03-18", "2024-03-21")),
        ("The fair opened on March 1 and lasted until March 4.",
         ("March 1 and lasted until March 4", "2024-03-01", "2024-03-04")),
    ],
)
def test_a_range_is_linked_and_each_end_keeps_its_value(sentence: str, expected: tuple[str, str, str]) -> None:
    assert ranges(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("The embargo has applied from 2011.", [("2011", "2011")]),  # an open start, no range
        ("They met on March 3 and 5.", [("March 3", "2024-03-03"), ("5", "2024-03-05")]),  # a list
        ("They met on Monday and Wednesday.", [("Monday", "2024-03-11"), ("Wednesday", "2024-03-13")]),
        ("The council adopted it by a 3-5 vote.", []),  # a score
        ("Resolution 2231 was adopted in 2015.", [("2015", "2015")]),  # a resolution's number
        ("They met on Monday and will meet again on Wednesday.", [("Monday", "2024-03-11"), ("Wednesday", "2024-03-13")]),
        ("Egypt postponed the talks from March 3 to March 10.", [("March 3", "2024-03-03"), ("March 10", "2024-03-10")]),
        ("The vote was pushed back from 2023 to 2024.", [("2023", "2023"), ("2024", "2024")]),
        ("Prices fell from 2014 to 2011 levels.", [("2014", "2014"), ("2011", "2011")]),  # the second is earlier
        # Another verb between: two events, no stretch.
        ("The forum opened on Monday and will meet again on Thursday.", [("Monday", "2024-03-11"), ("Thursday", "2024-03-14")]),
    ],
)
def test_what_is_no_range_stays_apart(sentence: str, dates: list[tuple[str, str]]) -> None:
    mentions = find_dates(sentence, PUBLISHED)
    assert [(m.text, m.value) for m in mentions] == dates
    assert all(m.range_end is None for m in mentions)


def test_a_moving_verb_in_another_clause_leaves_the_range() -> None:
    assert ranges("The summit, postponed in January, will run from 3 to 5 June.") == [
        ("3 to 5 June", "2024-06-03", "2024-06-05")]


def test_the_end_of_one_range_starts_none() -> None:
    text = "Talks will run from Monday to Wednesday to Friday."
    linked = [m.text for m in find_dates(text, PUBLISHED) if m.range_end is not None]
    assert linked == ["Monday"]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("fr", "Le sommet aura lieu du 3 au 5 juin.", ("3 au 5 juin", "2024-06-03", "2024-06-05")),
        ("fr", "De mars à mai 2019, les prix ont monté.", ("mars à mai 2019", "2019-03", "2019-05")),
        ("fr", "Les pourparlers ont eu lieu entre lundi et mercredi.", ("lundi et mercredi", "2024-03-11", "2024-03-13")),
        ("es", "La cumbre se celebrará del 3 al 5 de junio.", ("3 al 5 de junio", "2024-06-03", "2024-06-05")),
        ("es", "Las sanciones rigieron entre 2011 y 2014.", ("2011 y 2014", "2011", "2014")),
        ("pt", "A cúpula será realizada de 3 a 5 de junho.", ("3 a 5 de junho", "2024-06-03", "2024-06-05")),
        ("pt", "O campeonato parou na temporada 2019-2020.", ("2019-2020", "2019", "2020")),
        ("de", "Der Gipfel wird vom 3. bis 5. Juni stattfinden.", ("3. bis 5. Juni", "2024-06-03", "2024-06-05")),
        ("de", "Die Gespräche liefen zwischen Montag und Mittwoch.", ("Montag und Mittwoch", "2024-03-11", "2024-03-13")),
        ("ru", "Министр посетил Ханой 7-8 марта.", ("7-8 марта", "2024-03-07", "2024-03-08")),
        ("ru", "Санкции действовали с 2011 по 2014 год.", ("2011 по 2014 год", "2011", "2014")),
        ("ar", "عقد المؤتمر من مارس إلى مايو 2019.", ("مارس إلى مايو 2019", "2019-03", "2019-05")),
        ("ar", "استمرت العقوبات بين 2011 و2014.", ("2011 و2014", "2011", "2014")),
    ],
)
def test_ranges_in_other_languages(language: str, sentence: str, expected: tuple[str, str, str]) -> None:
    assert ranges(sentence, language) == [expected]


@pytest.mark.parametrize(
    ("language", "sentence", "texts"),
    [
        ("fr", "Le ministre s'est rendu à Hanoï les 7 et 8 mars.", ["7", "8 mars"]),  # a list
        ("fr", "Ils se sont réunis lundi et se réuniront mercredi.", ["lundi", "mercredi"]),
        ("fr", "Le sommet a été reporté du 3 au 10 mars.", ["3", "10 mars"]),  # moved
        ("es", "Los ministros se reunieron los días 7 y 8 de marzo.", ["7", "8 de marzo"]),
        ("pt", "O ministro visitou Hanói nos dias 7 e 8 de março.", ["7", "8 de março"]),
        ("de", "Der Minister besuchte Hanoi am 7. und 8. März.", ["7.", "8. März"]),
        ("ru", "Министр посетил Ханой 7 и 8 марта.", ["7", "8 марта"]),
        ("ar", "زار الوزير هانوي يومي 7 و8 مارس.", ["7", "8 مارس"]),
    ],
)
def test_lists_and_moved_dates_in_other_languages_stay_apart(language: str, sentence: str, texts: list[str]) -> None:
    mentions = find_dates(sentence, PUBLISHED, language=language)
    assert [m.text for m in mentions] == texts
    assert all(m.range_end is None for m in mentions)


def test_the_range_end_is_an_offset_into_the_text_as_written() -> None:
    # Arabic is read folded (Eastern Arabic digits as 0-9): the link points into the original text.
    text = "عقد المؤتمر من ٣ إلى ٥ مارس ٢٠١٩."
    [first, last] = find_dates(text, PUBLISHED, language="ar")
    assert first.range_end == last.end
    assert text[first.start : first.range_end] == "٣ إلى ٥ مارس ٢٠١٩"


def _day(text: str, surface: str, day: dt.date, relative: bool) -> DateMention:
    start = text.index(surface)
    return DateMention(start, start + len(surface), surface, day.isoformat(), Precision.DAY, day, day, relative=relative)


def test_days_without_a_year_read_a_year_apart_are_no_range() -> None:
    # "3" read in last year's June and "5 June" in next June: one end is misread; linking them would
    # draw a year-long span.
    text = "from 3 to 5 June"
    three, five = _day(text, "3", dt.date(2023, 6, 3), True), _day(text, "5 June", dt.date(2024, 6, 5), True)
    joins = Joins.of(default_rules().cues)
    assert [m.range_end for m in link_ranges(text, [three, five], joins)] == [None, None]
    near = _day(text, "3", dt.date(2024, 6, 3), True)
    assert [m.range_end for m in link_ranges(text, [near, five], joins)] == [five.end, None]
    # Written with their years, ends a year apart are a long range.
    text = "from June 3, 2023 to June 5, 2024"
    first, last = _day(text, "June 3, 2023", dt.date(2023, 6, 3), False), _day(text, "June 5, 2024", dt.date(2024, 6, 5), False)
    assert link_ranges(text, [first, last], joins)[0].range_end == last.end
