"""Tests of event extraction: actors, location, type, summary, references."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.factories import resources_with_line
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.clause_grammar import verb_phrase_patterns
from timeline_app.core.extract.datelines import undated_wire_prefixes
from timeline_app.core.extract import events as events_module
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.models import DateMention, EventMention, Precision
from timeline_app.errors import RulesError
from timeline_app.paths import resource

PUBLISHED = dt.date(2023, 3, 15)


def date_at(text: str, surface: str, value: str, granularity: Precision = Precision.DAY, nth: int = 0, kind: str = "DATE") -> DateMention:
    """A resolved DateMention for the nth occurrence of `surface` in `text`, built by hand."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    if granularity.placeable and value:
        first = dt.date.fromisoformat(value) if len(value) == 10 else dt.date(int(value[:4]), int(value[5:7] or 1) if len(value) >= 7 else 1, 1)
        last = first
    else:
        first = last = None
    return DateMention(start, start + len(surface), surface, value, granularity, first, last, kind=kind)


def extract(text: str, *dates: DateMention, published: dt.date = PUBLISHED) -> list[EventMention]:
    return extract_event_mentions(text, list(dates), None, published)


# ---- actors, modifiers, locations --------------------------------------------------------------------


def test_actors_and_not_modifiers_or_locations() -> None:
    text = "In February, Iran launched drone strikes against the US-backed militia in eastern Iraq."
    [m] = extract(text, date_at(text, "February", "2023-02", Precision.MONTH))
    assert m.countries == ("IRN",)
    assert m.location_country == "IRQ"


def test_organisations_go_to_their_own_field() -> None:
    text = "On Monday, NATO and the EU condemned the Hamas attack on Israel."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert m.countries == ("ISR",)
    assert m.organizations == ("EU", "HAMAS", "NATO")


def test_persons_bring_their_country_at_the_time() -> None:
    text = "Lavrov met Blinken in Geneva on Tuesday."
    [m] = extract(text, date_at(text, "Tuesday", "2022-01-18"), published=dt.date(2022, 1, 20))
    assert m.countries == ("RUS", "USA")
    assert m.location_country == "CHE"


def test_the_event_date_is_the_date_given_not_the_publication_date() -> None:
    text = "In November, Ankara launched airstrikes on Syrian territory."
    [m] = extract(text, date_at(text, "November", "2022-11", Precision.MONTH), published=dt.date(2022, 12, 28))
    assert m.date.value == "2022-11"
    assert m.countries == ("SYR", "TUR")  # strikes on a place: its state is the target (issue #16)
    assert m.location_country == "SYR"


# ---- references to an earlier event ------------------------------------------------------------------


def test_possessive_date_refers_to_the_event_of_that_date() -> None:
    text = (
        "The foreign ministers of Egypt, Jordan and Iraq met in Cairo on Sunday. "
        "A spokesman said that during Sunday's meeting, the ministers agreed to meet again."
    )
    first, second = extract(text, date_at(text, "Sunday", "2023-03-12"), date_at(text, "Sunday", "2023-03-12", nth=1))
    assert first.countries == ("EGY", "IRQ", "JOR")
    assert second.countries == ("EGY", "IRQ", "JOR")


def test_both_sides_refers_to_the_previous_event() -> None:
    text = (
        "India and Pakistan agreed on a ceasefire on Thursday. "
        "Both sides had exchanged fire in January."
    )
    _first, second = extract(text, date_at(text, "Thursday", "2023-03-09"), date_at(text, "January", "2023-01", Precision.MONTH))
    assert second.countries == ("IND", "PAK")


def test_pronoun_takes_the_country_of_the_earlier_clause() -> None:
    text = "Greek Foreign Minister Nikos Dendias revealed on Friday that he had met his Turkish counterpart in May 2021."
    reveal, meeting = extract(text, date_at(text, "Friday", "2023-03-10"), date_at(text, "May 2021", "2021-05", Precision.MONTH))
    assert reveal.countries == ("GRC",)
    assert meeting.countries == ("GRC", "TUR")
    assert reveal.event_type == "Make public statement"
    assert meeting.event_type == "Consult"


def test_a_clause_without_countries_takes_the_previous_event() -> None:
    text = "Japan and South Korea signed a trade agreement on Monday. The deal had been negotiated since 2019."
    _sign, since = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "2019", "2019", Precision.YEAR))
    assert since.countries == ("JPN", "KOR")


def test_a_clause_with_two_states_keeps_them() -> None:
    text = "Chile and Peru met on Monday. Both sides, Brazil and Argentina, held talks on Tuesday."
    _a, b = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "Tuesday", "2023-03-14"))
    assert b.countries == ("ARG", "BRA")


# ---- clauses and summaries --------------------------------------------------------------------------


def test_summary_is_the_clause_of_the_date() -> None:
    text = "Azerbaijan expelled four Iranian diplomats on Thursday, which Tehran called a provocation."
    [m] = extract(text, date_at(text, "Thursday", "2023-03-09"))
    assert m.summary == "Azerbaijan expelled four Iranian diplomats on Thursday"
    assert m.evidence == text
    assert (m.evidence_start, m.evidence_end) == (0, len(text))
    assert m.countries == ("AZE", "IRN")


def test_evidence_is_the_sentence_and_offsets_point_at_it() -> None:
    text = "Headline about talks\n\nFirst sentence here. Kenya and Uganda signed a border accord on 3 March 2023. Last one."
    [m] = extract(text, date_at(text, "3 March 2023", "2023-03-03"))
    assert text[m.evidence_start : m.evidence_end] == m.evidence
    assert m.evidence.startswith("Kenya and Uganda")


def test_summary_of_a_long_clause_is_short_and_keeps_the_date() -> None:
    filler = "with many officials and advisers from several agencies attending " * 6
    text = f"Canada and Mexico held talks {filler}on Wednesday in Ottawa {filler}."
    [m] = extract(text, date_at(text, "Wednesday", "2023-03-15"))
    assert len(m.summary) <= 210
    assert "Wednesday" in m.summary


# ---- event types ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, surface, code_root, name",
    [
        ("Finland's president met Sweden's prime minister on Monday.", "Monday", "04", "Consult"),
        ("The Indian prime minister visited Japan on Monday.", "Monday", "04", "Consult"),
        ("Serbia and Kosovo signed an agreement on Monday.", "Monday", "05", "Engage in diplomatic cooperation"),
        ("The EU imposed sanctions on Belarus on Monday.", "Monday", "16", "Reduce relations"),
        ("Moldova expelled a Russian diplomat on Monday.", "Monday", "16", "Reduce relations"),
        ("Israel carried out airstrikes in Lebanon on Monday.", "Monday", "19", "Fight"),
        ("Norway condemned the attack on Monday.", "Monday", "11", "Disapprove"),
        ("North Korea threatened Japan on Monday.", "Monday", "13", "Threaten"),
        # The main verb, not the trailing participle clause, types the event.
        ("Iran and Saudi Arabia agreed on Monday to reopen embassies, ending a seven-year rift.", "Monday", "05",
         "Engage in diplomatic cooperation"),
        # After a determiner or ordinal a verb form is a noun or adjective: "direct" is not "to direct".
        ("Iran fired missiles at Israel on Monday, its second direct attack.", "Monday", "19", "Fight"),
        # An event noun after "of" is what was talked about: the meeting is the event.
        ("King Abdullah met Egypt's president on Monday and warned of a regional war.", "Monday", "04", "Consult"),
    ],
)
def test_event_types_from_cameo(sentence: str, surface: str, code_root: str, name: str) -> None:
    [m] = extract(sentence, date_at(sentence, surface, "2023-03-13"))
    assert m.cameo_code.startswith(code_root), m.cameo_code
    assert m.event_type == name
    assert m.quad_class in (1, 2, 3, 4)


def test_quad_class_follows_the_root() -> None:
    coop = extract("Peru and Chile met on Monday.", date_at("Peru and Chile met on Monday.", "Monday", "2023-03-13"))[0]
    fight = "Armenia and Azerbaijan clashed with artillery on Monday."
    war = extract(fight, date_at(fight, "Monday", "2023-03-13"))[0]
    assert coop.quad_class == 1
    assert war.quad_class == 4


# ---- which dates become mentions ----------------------------------------------------------------------


def test_present_durations_and_sets_are_skipped_unresolved_kept() -> None:
    text = "Now Oman and Qatar talk every week, for three years already, and met on Friday."
    now = DateMention(0, 3, "Now", "PRESENT_REF", Precision.PRESENT)
    weekly = date_at(text, "every week", "P1W", Precision.SET, kind="SET")
    duration = date_at(text, "for three years", "P3Y", Precision.DURATION, kind="DURATION")
    unresolved = date_at(text, "Friday", "", Precision.UNKNOWN)
    found = extract(text, now, weekly, duration, unresolved)
    assert [m.date.text for m in found] == ["Friday"]
    assert found[0].date.value == ""
    assert found[0].countries == ("OMN", "QAT")


def test_a_dateline_is_not_an_event() -> None:
    text = "Published: 14 March 2023\n\nBrazil and Argentina met on Monday."
    [meeting] = extract(text, date_at(text, "14 March 2023", "2023-03-14"), date_at(text, "Monday", "2023-03-13"))
    assert meeting.date.text == "Monday"
    assert meeting.countries == ("ARG", "BRA")


def test_the_source_of_a_report_is_not_a_party() -> None:
    text = "Serbia and Hungary held talks in Belgrade on Monday, the Austrian foreign ministry said."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert m.countries == ("HUN", "SRB")
    assert m.summary == "Serbia and Hungary held talks in Belgrade on Monday"


def test_both_sides_prefers_the_last_event_with_two_parties() -> None:
    text = (
        "Ethiopia and Eritrea signed a peace deal on Monday. "
        "Ethiopian Prime Minister Abiy Ahmed said on Tuesday it was historic. "
        "Both sides will meet again in June."
    )
    found = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "Tuesday", "2023-03-14"),
                    date_at(text, "June", "2023-06", Precision.MONTH))
    assert found[2].countries == ("ERI", "ETH")


def test_month_names_and_weak_verbs_do_not_type_an_event() -> None:
    text = "Negotiators initialled the text in Seoul on March 12, and the cabinet took it up later."
    [m] = extract(text, date_at(text, "March 12", "2023-03-12"))
    assert not m.cameo_code.startswith("14")  # "March" is a date here, not a protest march
    assert not m.cameo_code.startswith("17")  # "took ... up" is no seizure


def test_two_dated_clauses_of_one_sentence_keep_their_own_parties() -> None:
    text = "Russia invaded Ukraine in February 2022, and Finland joined NATO in April 2023."
    war, joined = extract(text, date_at(text, "February 2022", "2022-02", Precision.MONTH),
                          date_at(text, "April 2023", "2023-04", Precision.MONTH))
    assert war.countries == ("RUS", "UKR")
    assert joined.countries == ("FIN",) and joined.organizations == ("NATO",)


def test_a_list_with_a_comma_before_and_is_not_cut() -> None:
    text = "The envoys of Peru, Chile, and Ecuador met on Monday."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert m.countries == ("CHL", "ECU", "PER")


def test_who_takes_the_person_before_the_comma() -> None:
    text = "Turkish President Recep Tayyip Erdogan, who met Vladimir Putin in Sochi on Friday, praised the talks."
    [m] = extract(text, date_at(text, "Friday", "2022-08-05"), published=dt.date(2022, 8, 7))
    assert m.countries == ("RUS", "TUR")
    assert m.location_country == "RUS"


def _cameo_examples() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(resource("cameo").glob("*.tsv")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("# EXAMPLE:"):
                clause, _, code = line[len("# EXAMPLE:") :].partition("=>")
                out.append((f"{path.name}:{no}", clause.strip(), code.strip()))
    return out


@pytest.mark.parametrize("where, clause, code", _cameo_examples())
def test_example_lines_of_the_cameo_files(where: str, clause: str, code: str) -> None:
    found = CameoTable.default().classify(clause)
    assert found is not None and found.code == code, (where, found)


def test_there_are_cameo_example_lines() -> None:
    assert len(_cameo_examples()) >= 5


def test_a_wire_dateline_is_not_an_event() -> None:
    text = "BUDAPEST, March 12 (Xinhua)\nHungary and Poland signed a pact on Friday."
    [pact] = extract(text, date_at(text, "March 12", "1999-03-12"), date_at(text, "Friday", "1999-03-12"))
    assert pact.date.text == "Friday"
    assert pact.countries == ("HUN", "POL")


@pytest.mark.parametrize("opening", [
    "ANKARA, July 19 (Reuters) - ",
    "NEW YORK/GENEVA, July 19 (AP) -- ",
    "KYIV, Ukraine, July 19, 2023 \u2014 ",
    "ANKARA, July 19: ",
])
def test_a_wire_dateline_opening_a_paragraph_is_not_an_event(opening: str) -> None:
    text = f"Headline\n\n{opening}Turkey and Russia signed a grain deal on Wednesday."
    found = extract(text, date_at(text, "July 19", "2023-07-19"), date_at(text, "Wednesday", "2023-07-19"),
                    published=dt.date(2023, 7, 19))
    assert [m.date.text for m in found] == ["Wednesday"]
    assert found[0].countries == ("RUS", "TUR")


def test_a_date_after_a_capitalised_place_in_a_sentence_is_still_an_event() -> None:
    text = "Talks in ANKARA, July 19 and 20, brought Turkey and Russia closer."
    found = extract(text, date_at(text, "July 19", "2023-07-19"), published=dt.date(2023, 7, 25))
    assert [m.date.text for m in found] == ["July 19"]


def test_a_pronoun_stands_for_the_person_named_just_before() -> None:
    text = (
        "On Thursday, Ukraine and Moldova were invited to open talks. "
        "Viktor Orban had threatened for weeks to veto the decision. He met Emmanuel Macron in Paris on Dec. 7."
    )
    first, meeting = extract(text, date_at(text, "Thursday", "2023-12-14"), date_at(text, "Dec. 7", "2023-12-07"),
                             published=dt.date(2023, 12, 15))
    assert first.countries == ("MDA", "UKR")
    assert meeting.countries == ("FRA", "HUN")


def test_a_pronoun_after_a_named_state_does_not_guess_a_person() -> None:
    text = (
        "On Thursday, Ukraine and Moldova were invited to open talks. "
        "Viktor Orban spoke, and then Austria objected. He met Emmanuel Macron in Paris on Dec. 7."
    )
    _first, meeting = extract(text, date_at(text, "Thursday", "2023-12-14"), date_at(text, "Dec. 7", "2023-12-07"),
                              published=dt.date(2023, 12, 15))
    assert "HUN" not in meeting.countries and "FRA" in meeting.countries


def test_cameo_loader_reports_file_and_line(tmp_path) -> None:
    target, line = resources_with_line(tmp_path, "cameo", "nouns.tsv", "parley\t999")
    with pytest.raises(RulesError, match=rf"nouns.tsv:{line}: '999' is not a CAMEO code"):
        CameoTable(target)


def test_a_person_counts_for_the_country_served_on_the_event_date() -> None:
    # Davutoglu served Türkiye until 2016; in a 2023 article he is a former minister.
    text = "Davutoglu visited Cairo in 2012."
    [m] = extract(text, date_at(text, "2012", "2012", Precision.YEAR), published=dt.date(2023, 5, 1))
    assert m.countries == ("EGY", "TUR")  # "visited Cairo": the host takes part
    assert m.location_country == ""


def test_the_two_countries_are_the_pair_named_most() -> None:
    text = (
        "Kyiv and Moscow exchanged prisoners on Saturday in a swap mediated by the United Arab Emirates. "
        "Ukraine thanked the mediators; Russia did not comment. "
        "Peace talks between the two countries collapsed in April 2022."
    )
    swap, talks = extract(text, date_at(text, "Saturday", "2024-01-20"), date_at(text, "April 2022", "2022-04", Precision.MONTH))
    assert swap.countries == ("ARE", "RUS", "UKR")
    assert talks.countries == ("RUS", "UKR")


def test_their_alone_does_not_pull_in_an_earlier_event() -> None:
    text = "Iran and Iraq signed a pact on Monday. On Friday, Turkey shelled their border posts."
    _pact, shelling = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "Friday", "2023-03-17"))
    assert shelling.countries == ("TUR",)


# ---- coordinated verb phrases, pair and role references, wire prefixes -------------------------


def test_each_coordinated_verb_phrase_takes_its_own_date_and_the_shared_subject() -> None:
    text = (
        "Hungarian Prime Minister Viktor Orban said on Sunday he would keep his veto on aid to Ukraine.\n"
        "He met French President Emmanuel Macron in Paris on Dec. 7 and spoke to German Chancellor Olaf Scholz on the phone on Monday."
    )
    _said, paris, phone = extract(
        text, date_at(text, "Sunday", "2023-12-10"), date_at(text, "Dec. 7", "2023-12-07"), date_at(text, "Monday", "2023-12-04"),
        published=dt.date(2023, 12, 10),
    )
    assert paris.countries == ("FRA", "HUN")
    assert phone.countries == ("DEU", "HUN")


def test_each_partner_of_a_coordination_without_verb_takes_its_own_date() -> None:
    text = "Tokyo signed similar deals with Australia in 2022 and Britain in 2023."
    australia, britain = extract(text, date_at(text, "2022", "2022", Precision.YEAR), date_at(text, "2023", "2023", Precision.YEAR),
                                 published=dt.date(2024, 7, 8))
    assert australia.countries == ("AUS", "JPN")
    assert britain.countries == ("GBR", "JPN")


def test_two_dates_of_one_verb_are_not_split() -> None:
    text = "Iran and Saudi Arabia held talks in Baghdad on Monday and Tuesday."
    first, second = extract(text, date_at(text, "Monday", "2023-03-06"), date_at(text, "Tuesday", "2023-03-07"))
    assert first.countries == second.countries == ("IRN", "SAU")


def test_an_opening_subordinate_clause_is_an_event_of_its_own() -> None:
    text = "When Mali's junta expelled French troops in 2022, few expected Burkina Faso and Niger to follow."
    [expelled] = extract(text, date_at(text, "2022", "2022", Precision.YEAR), published=dt.date(2024, 2, 1))
    assert expelled.countries == ("FRA", "MLI")


def test_the_same_day_after_a_comma_opens_another_event() -> None:
    # The talks told as the day's other happening are not what the accusation reports.
    text = "Greece accused Turkey of sending jets over Rhodes on Tuesday, the same day the ministers held talks in Athens."
    [accused] = extract(text, date_at(text, "Tuesday", "2023-03-14"))
    assert accused.cameo_code == "112"
    # Without the comma's clause, the talks are the sentence's event.
    text = "The ministers of Greece and Turkey held talks in Athens on Tuesday."
    [talks] = extract(text, date_at(text, "Tuesday", "2023-03-14"))
    assert talks.cameo_code == "046"


def test_relations_alone_are_the_pair_just_named() -> None:
    text = (
        "Colombia and Venezuela reopened their border on Monday. Maduro closed it in 2015.\n\n"
        "Relations broke down completely in 2019, when Bogota recognised the opposition leader."
    )
    *_rest, broke = extract(text, date_at(text, "Monday", "2022-09-26"), date_at(text, "2015", "2015", Precision.YEAR),
                            date_at(text, "2019", "2019", Precision.YEAR), published=dt.date(2022, 9, 27))
    assert broke.countries == ("COL", "VEN")


def test_a_duration_does_not_split_the_clause_of_its_event() -> None:
    text = "Iran and Saudi Arabia agreed on Friday to restore ties and reopen embassies within two months, in a deal brokered by China."
    dates = [date_at(text, "Friday", "2023-03-10"), date_at(text, "two months", "P2M", Precision.DURATION, kind="DURATION")]
    [deal] = extract(text, *dates, published=dt.date(2023, 3, 10))
    assert deal.countries == ("CHN", "IRN", "SAU")


def test_a_pronoun_takes_the_person_past_a_state_named_in_their_own_clause() -> None:
    text = "Erdogan said Turkey was ready to host peace talks. He visited Moscow in 2022."
    [visit] = extract(text, date_at(text, "2022", "2022", Precision.YEAR), published=dt.date(2024, 3, 17))
    assert "TUR" in visit.countries


def test_the_two_after_a_side_event_in_another_paragraph_is_the_articles_pair() -> None:
    text = (
        "The foreign ministers of Iran and Saudi Arabia met in Beijing on Thursday. Iran and Saudi Arabia cut ties in 2016.\n\n"
        "Washington spoke with Riyadh on Wednesday.\n\n"
        "Since the war in Yemen began in 2015, the two have backed opposing sides."
    )
    *_rest, yemen = extract(
        text, date_at(text, "Thursday", "2023-04-06"), date_at(text, "2016", "2016", Precision.YEAR),
        date_at(text, "Wednesday", "2023-04-05"), date_at(text, "2015", "2015", Precision.YEAR), published=dt.date(2023, 4, 6),
    )
    assert yemen.countries == ("IRN", "SAU")


def test_both_in_the_same_paragraph_is_the_pair_just_named() -> None:
    text = (
        "The Philippines summoned China's ambassador on Monday. China said the Philippines had provoked it.\n\n"
        "Vietnam and the Philippines signed a coast guard pact in January. Both have also raised the dispute at ASEAN in August."
    )
    *_rest, asean = extract(
        text, date_at(text, "Monday", "2023-12-11"), date_at(text, "January", "2024-01", Precision.MONTH),
        date_at(text, "August", "2023-08", Precision.MONTH), published=dt.date(2023, 12, 11),
    )
    assert asean.countries == ("PHL", "VNM")


def test_the_three_countries_are_the_three_named_most() -> None:
    text = (
        "Egypt said on Tuesday that talks with Ethiopia and Sudan over the dam had failed. "
        "The three countries resumed negotiations in August."
    )
    _said, resumed = extract(text, date_at(text, "Tuesday", "2023-12-19"), date_at(text, "August", "2023-08", Precision.MONTH),
                             published=dt.date(2023, 12, 20))
    assert resumed.countries == ("EGY", "ETH", "SDN")


def test_the_ministers_are_the_parties_of_the_last_event_with_ministers() -> None:
    text = (
        "The foreign ministers of Iran and Saudi Arabia met in Beijing on Thursday. "
        "Washington welcomed Riyadh's decision on Wednesday. "
        "The ministers will meet again by the end of May."
    )
    *_rest, again = extract(
        text, date_at(text, "Thursday", "2023-04-06"), date_at(text, "Wednesday", "2023-04-05"),
        date_at(text, "the end of May", "2023-05", Precision.MONTH), published=dt.date(2023, 4, 6),
    )
    assert again.countries == ("IRN", "SAU")


def test_they_after_a_named_state_is_not_a_reference() -> None:
    text = "Kenya and Ethiopia signed a pact on Friday. Venezuela expelled diplomats on Monday after they questioned the vote."
    _pact, expelled = extract(text, date_at(text, "Friday", "2024-07-26"), date_at(text, "Monday", "2024-07-29"),
                              published=dt.date(2024, 7, 30))
    assert expelled.countries == ("VEN",)


def test_days_after_opens_a_clause_of_its_own() -> None:
    text = "Lula received Javier Milei on Wednesday, days after Milei skipped the Mercosur summit on Monday."
    _visit, skipped = extract(text, date_at(text, "Wednesday", "2024-07-03"), date_at(text, "Monday", "2024-07-01"),
                              published=dt.date(2024, 7, 3))
    assert skipped.countries == ("ARG",)


def test_the_place_of_a_wire_dateline_is_not_a_party() -> None:
    text = "BEIJING, April 6 (Reuters) - The foreign ministers of Iran and Saudi Arabia met on Thursday."
    dates = [date_at(text, "April 6", "2023-04-06"), date_at(text, "Thursday", "2023-04-06")]
    [meeting] = extract(text, *dates, published=dt.date(2023, 4, 6))
    assert meeting.countries == ("IRN", "SAU")


@pytest.mark.parametrize("opening", ["VIENNA (Reuters) - ", "WASHINGTON \u2014 ", "KYIV, Ukraine (AP) -- "])
def test_the_place_of_a_wire_prefix_without_a_date_is_not_a_party(opening: str) -> None:
    text = f"Headline\n\n{opening}The foreign ministers of Iran and Saudi Arabia met on Thursday."
    [meeting] = extract(text, date_at(text, "Thursday", "2023-04-06"), published=dt.date(2023, 4, 6))
    assert meeting.countries == ("IRN", "SAU")
    assert meeting.summary.startswith("The foreign ministers")


@pytest.mark.parametrize(("text", "countries"), [
    # an organisation in capitals before a dash is the sentence's subject, not a filing place
    ("NATO \u2014 The alliance's ministers from Norway and Poland met on Thursday.", ("NOR", "POL")),
    ("Headline\n\nUN \u2014 Diplomats from Norway and Poland met on Thursday.", ("NOR", "POL")),
])
def test_an_organisation_in_capitals_before_a_dash_is_no_filing_place(text: str, countries: tuple) -> None:
    found = extract(text, date_at(text, "Thursday", "2023-04-06"), published=dt.date(2023, 4, 6))
    assert found[-1].countries == countries


def test_an_organisation_acting_alone_takes_no_earlier_state() -> None:
    text = "Germany backed the aid on Monday. The European Council will meet in Brussels on Dec. 14."
    _backed, council = extract(text, date_at(text, "Monday", "2023-12-04"), date_at(text, "Dec. 14", "2023-12-14"),
                               published=dt.date(2023, 12, 10))
    assert council.countries == ()


@pytest.mark.parametrize(("clause", "size"), [
    ("the two have backed opposing sides", 2),
    ("The three juntas formed an alliance", 3),
    ("both sides agreed", 2),
    ("after the two days of talks", 0),
    ("both Iran and Saudi Arabia", 0),
    ("the two-day summit", 0),
])
def test_a_number_counts_parties_only_before_a_verb_or_a_plural_noun(clause: str, size: int) -> None:
    assert verb_phrase_patterns().group_size(clause) == size


def test_which_after_an_organisation_takes_no_earlier_state() -> None:
    text = (
        "Armenia and Azerbaijan agreed the text of a peace treaty on Thursday. "
        "The European Union, which has deployed monitors on the border since February 2023, welcomed the announcement."
    )
    _treaty, monitors = extract(text, date_at(text, "Thursday", "2025-03-13"), date_at(text, "February 2023", "2023-02", Precision.MONTH),
                                published=dt.date(2025, 3, 14))
    assert monitors.countries == ()


def test_a_relative_aside_ends_at_the_comma_before_the_main_verb() -> None:
    text = "Ghana's president, who took office in January, has visited Mali, Burkina Faso and Niger since then."
    [office] = extract(text, date_at(text, "January", "2025-01", Precision.MONTH), published=dt.date(2025, 3, 12))
    assert office.countries == ("GHA",)


def test_since_between_two_dates_gives_each_its_own_clause() -> None:
    text = "NATO Secretary-General Jens Stoltenberg arrived in Kyiv on Thursday, his first visit since Russia's invasion began in February 2022."
    visit, invasion = extract(text, date_at(text, "Thursday", "2023-04-20"), date_at(text, "February 2022", "2022-02", Precision.MONTH),
                              published=dt.date(2023, 4, 20))
    assert visit.countries == ("UKR",)  # Stoltenberg acts for NATO; Kyiv's state hosts the visit
    assert invasion.countries == ("RUS",)


def test_a_struck_town_names_its_state_and_an_unnamed_fighter_takes_no_earlier_pair() -> None:
    text = ("Saudi Arabia and the United States suspended the talks on Thursday. The Rapid Support Forces "
            "attacked El Fasher on Wednesday. An Israeli strike on Hodeidah port, which killed six workers "
            "on Monday, drew condemnation.")
    days = [date_at(text, "Thursday", "2023-03-09"), date_at(text, "Wednesday", "2023-03-08"), date_at(text, "Monday", "2023-03-13")]
    assert [m.countries for m in extract(text, *days)] == [("SAU", "USA"), ("SDN",), ("ISR", "YEM")]


def test_an_officer_of_the_wto_or_the_francophonie_brings_no_state() -> None:
    text = "OIF Secretary-General Louise Mushikiwabo travelled to Kinshasa on Sunday."
    [m] = extract(text, date_at(text, "Sunday", "2023-03-12"))
    assert (m.countries, m.organizations) == (("COD",), ("OIF",))
    text = "Bosnian Serb leader Milorad Dodik met Viktor Orban in Budapest on Tuesday."
    [m] = extract(text, date_at(text, "Tuesday", "2023-03-14"))
    assert m.countries == ("BIH", "HUN")  # not SRB


def test_a_mediator_between_the_two_brings_the_pair_along() -> None:
    text = "Ethiopia and Somalia restored ties on Monday. Turkey brokered a deal between the two in December 2024."
    mentions = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "December 2024", "2024-12", Precision.MONTH))
    assert [m.countries for m in mentions] == [("ETH", "SOM"), ("ETH", "SOM", "TUR")]
    text = "Ethiopia and Somalia restored ties on Monday. Turkey brokered a grain deal in December 2024."
    mentions = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "December 2024", "2024-12", Precision.MONTH))
    assert mentions[1].countries == ("TUR",)


@pytest.mark.parametrize(("between", "expected"), [
    ("Thousands of protesters filled the square.", ()),  # "they" are the protesters
    ("The talks lasted six hours.", ("ARM", "AZE")),  # a sentence about the talks: "they" are the parties
    ("Pashinyan called it a breakthrough.", ("ARM", "AZE")),
    ("", ("ARM", "AZE")),
])
def test_they_after_a_sentence_of_unnamed_people_is_no_earlier_pair(between: str, expected: tuple[str, ...]) -> None:
    text = f"Armenia and Azerbaijan held talks on Monday. {between} They had gathered on Saturday in Baku."
    days = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "Saturday", "2023-03-11"))
    assert days[1].countries == expected


def test_a_clause_set_in_a_place_takes_no_earlier_parties() -> None:
    text = "Serbia and Kosovo traded blame on Tuesday. Protesters blocked roads in northern Kosovo on Wednesday. Shops reopened on Friday."
    days = [date_at(text, "Tuesday", "2023-03-14"), date_at(text, "Wednesday", "2023-03-15"), date_at(text, "Friday", "2023-03-17")]
    mentions = extract(text, *days)
    assert [m.countries for m in mentions] == [("SRB", "XKX"), (), ("SRB", "XKX")]  # a clause with no place still continues
    assert mentions[1].location_country == "XKX"


def test_a_failure_on_one_date_leaves_out_its_event_only(monkeypatch, caplog):
    text = "France and Spain met on Monday. Chile and Peru met on Tuesday."
    dates = [date_at(text, "Monday", "2023-03-13"), date_at(text, "Tuesday", "2023-03-14")]
    real = events_module._EventReader.read

    def failing(self, d):
        if d.text == "Monday":
            raise RuntimeError("injected failure")
        return real(self, d)

    monkeypatch.setattr(events_module._EventReader, "read", failing)
    found = extract_event_mentions(text, dates, published=PUBLISHED)
    assert [(m.date.text, m.countries) for m in found] == [("Tuesday", ("CHL", "PER"))]
    assert "injected failure" in caplog.text and "Monday" in caplog.text


# ---- clause boundaries that cost a party (issue #16) ---------------------------------------------


@pytest.mark.parametrize("sentence, surface, expected", [
    # "States" of a name is no "states" of an attribution ("..., the ministry states.")
    ("Peru and Chile agreed on Friday after talks mediated by Brazil, Ecuador and the United States.", "Friday",
     ("BRA", "CHL", "ECU", "PER", "USA")),
    # an opening "When ..." clause ends at a comma before a lower-case word, not before "India"
    ("When the leaders of Ghana, Togo, Benin and Nigeria met on Friday, they agreed on a plan.", "Friday",
     ("BEN", "GHA", "NGA", "TGO")),
    # a quoted word is no quotation opening what was said
    ('Chilean President Gabriel Boric announced his country\'s "pause" with Peru on Friday.', "Friday", ("CHL", "PER")),
])
def test_clause_boundaries_keep_the_parties(sentence: str, surface: str, expected: tuple[str, ...]) -> None:
    [m] = extract(sentence, date_at(sentence, surface, "2023-03-10"))
    assert m.countries == expected


def test_a_quotation_after_a_reporting_verb_still_opens_what_was_said() -> None:
    text = 'Peru said on Friday "Chile must pay now."'
    [m] = extract(text, date_at(text, "Friday", "2023-03-10"))
    assert m.countries == ("CHL", "PER")


def test_a_new_subject_after_a_comma_or_and_takes_its_own_date() -> None:
    text = ("Peru's Congress approved the pact in May, the Chilean Senate approved it in June, "
            "and Bolivia offered on Friday to send aid to Ecuador.")
    may, june, friday = extract(text, date_at(text, "May", "2023-05", Precision.MONTH),
                                date_at(text, "June", "2023-06", Precision.MONTH), date_at(text, "Friday", "2023-07-14"),
                                published=dt.date(2023, 7, 15))
    assert may.countries == ("PER",) and june.countries == ("CHL",) and friday.countries == ("BOL", "ECU")
    text = "Talks were held in Lima, and Quito in June."  # a list of places goes on after ", and"
    [m] = extract(text, date_at(text, "June", "2023-06", Precision.MONTH), published=dt.date(2023, 7, 15))
    assert m.countries == ()


@pytest.mark.parametrize(("text", "first", "second", "expected"), [
    ("Russia invaded Ukraine in February 2022 and Finland joined NATO in April 2023.",
     ("February 2022", "2022-02"), ("April 2023", "2023-04"), (("RUS", "UKR"), ("FIN",))),
    ("Iran signed the deal in July 2015 and the United States quit it in May 2018.",
     ("July 2015", "2015-07"), ("May 2018", "2018-05"), (("IRN",), ("USA",))),
    ("Chile hosted talks in May and Peru, Bolivia and Ecuador signed the pact in June.",
     ("May", "2023-05"), ("June", "2023-06"), (("CHL",), ("BOL", "ECU", "PER"))),
    ("Talks with Iran resumed in 2021 and Iran and the US agreed on a swap in 2023.",
     ("2021", "2021"), ("2023", "2023"), (("IRN",), ("IRN", "USA"))),
])
def test_and_before_a_new_named_subject_between_two_dates_starts_the_next_event(text, first, second, expected):
    precision = {4: Precision.YEAR, 7: Precision.MONTH}
    a, b = extract(text, date_at(text, first[0], first[1], precision[len(first[1])]),
                   date_at(text, second[0], second[1], precision[len(second[1])]), published=dt.date(2023, 7, 15))
    assert (a.countries, b.countries) == expected


@pytest.mark.parametrize("text", [
    "A settlement was reached in March, but Chile said in April that Peru had broken it.",
    "A settlement was reached in March; Chile said in April that Peru had broken it.",
])
def test_a_clause_naming_no_state_borrows_nothing_from_a_later_clause_with_its_own_date(text: str) -> None:
    march, april = extract(text, date_at(text, "March", "2023-03", Precision.MONTH),
                           date_at(text, "April", "2023-04", Precision.MONTH), published=dt.date(2023, 7, 15))
    assert march.countries == () and april.countries == ("CHL", "PER")


def test_a_clause_naming_no_state_takes_the_states_of_an_undated_clause_of_its_sentence() -> None:
    text = "A settlement was reached in March, but Chile rejected it."
    [march] = extract(text, date_at(text, "March", "2023-03", Precision.MONTH), published=dt.date(2023, 7, 15))
    assert march.countries == ("CHL",)


@pytest.mark.parametrize(("text", "tuesday_states"), [
    ("Chile's minister met Peru's on Monday before travelling to Quito on Tuesday.", ("CHL", "ECU")),
    ("Chile's minister met Peru's on Monday, after which Ecuador's president arrived on Tuesday.", ("ECU",)),
    ("Chile's minister met Peru's on Monday before Ecuador's president arrived on Tuesday.", ("ECU",)),
])
def test_a_clause_opened_by_a_participle_is_the_subject_of_the_clause_before(text: str, tuesday_states: tuple) -> None:
    monday, tuesday = extract(text, date_at(text, "Monday", "2024-09-09"), date_at(text, "Tuesday", "2024-09-10"),
                              published=dt.date(2024, 9, 13))
    assert monday.countries == ("CHL", "PER") and tuesday.countries == tuesday_states


@pytest.mark.parametrize(("number", "states"), [("three", ("KEN", "TZA", "UGA")), ("two", ("ETH", "KEN"))])
def test_the_three_countries_are_the_last_three_named_together_the_two_the_last_pair(number: str, states: tuple) -> None:
    text = ("Kenya, Uganda and Tanzania signed a customs pact on Monday. Ethiopia's prime minister flew to Nairobi on "
            f"Tuesday to meet Ethiopian traders, and Ethiopia's envoy joined him. The {number} countries will review it in March.")
    *_, march = extract(text, date_at(text, "Monday", "2024-03-04"), date_at(text, "Tuesday", "2024-03-05"),
                        date_at(text, "March", "2024-03", Precision.MONTH), published=dt.date(2024, 3, 8))
    assert march.countries == states


def test_and_between_two_names_is_one_subject_not_a_new_clause() -> None:
    text = "Malaysia hosted a meeting on Monday at which Thailand and Cambodia agreed to a truce from Tuesday."
    monday, tuesday = extract(text, date_at(text, "Monday", "2023-07-10"), date_at(text, "Tuesday", "2023-07-11"),
                              published=dt.date(2023, 7, 15))
    assert set(monday.countries) == set(tuesday.countries) == {"KHM", "MYS", "THA"}


def test_states_joined_in_a_treatys_name_are_its_parties_a_city_is_not() -> None:
    text = "The Chile-Peru-Ecuador Agreement took effect on Friday; the Paris Agreement did not."
    [m] = extract(text, date_at(text, "Friday", "2023-03-10"))
    assert m.countries == ("CHL", "ECU", "PER")


def test_a_role_named_beats_a_one_party_event_of_the_same_date() -> None:
    text = ("The leaders of Peru and Chile met in Lima on Friday. Bolivia said in March that it objected. "
            "The leaders' next summit, held the same month, agreed on a plan.")
    _friday, march, same = extract(text, date_at(text, "Friday", "2023-02-10"),
                                   date_at(text, "March", "2023-03", Precision.MONTH),
                                   date_at(text, "the same month", "2023-03", Precision.MONTH),
                                   published=dt.date(2023, 4, 1))
    assert march.countries == ("BOL",) and same.countries == ("CHL", "PER")


def test_between_the_two_names_the_pair_besides_the_hosts() -> None:
    text = "Peru and Chile broke off relations in 2019. Ecuador and Bolivia have hosted talks between the two since 2021."
    _broke, since = extract(text, date_at(text, "2019", "2019", Precision.YEAR),
                            date_at(text, "since 2021", "2021", Precision.YEAR), published=dt.date(2023, 3, 1))
    assert since.countries == ("BOL", "CHL", "ECU", "PER")
    text = "Peru and Chile broke off relations in 2019. Ecuador and Bolivia have traded since 2021."
    _broke, since = extract(text, date_at(text, "2019", "2019", Precision.YEAR),
                            date_at(text, "since 2021", "2021", Precision.YEAR), published=dt.date(2023, 3, 1))
    assert since.countries == ("BOL", "ECU")


def test_the_state_of_a_place_after_help_takes_part() -> None:
    text = "Norway and Japan pledged $300 million on Monday to help flood victims in Pakistan."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert m.countries == ("JPN", "NOR", "PAK")  # the state helped
    text = "Norway and Japan pledged $300 million on Monday at a meeting in Switzerland."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert m.countries == ("JPN", "NOR")  # where they met is no party


def test_undated_wire_prefixes_are_found_whatever_the_order_of_the_entities() -> None:
    text = "VIENNA (Reuters) - France met Italy.\n\nNATO - The allies met.\n\nPARIS (AFP) - Spain met Chile.\n"
    entities = Gazetteer.default().tag(text, dt.date(2024, 1, 1), "")
    spans = undated_wire_prefixes(text, entities[::-1])
    assert [text[a:b].strip() for a, b in spans] == ["VIENNA (Reuters) -", "PARIS (AFP) -"]
    assert spans == undated_wire_prefixes(text, entities)


def test_a_place_and_its_region_before_a_dash_is_a_wire_prefix() -> None:
    # "Washington, D.C. - The Permanent Council approved ..." gave the United States to the Council's vote.
    text = "Washington, D.C. - The Permanent Council approved a resolution on Friday.\n"
    [vote] = extract(text, date_at(text, "Friday", "2023-03-10"))
    assert vote.countries == ()
    listed = "Kenya, Uganda and Tanzania - The three signed a pact on Friday.\n"
    entities = Gazetteer.default().tag(listed, PUBLISHED, "")
    assert undated_wire_prefixes(listed, entities) == []  # a list of parties, not where the story was filed


@pytest.mark.parametrize("header", ["Media release | 14 March 2023", "Press Statement \u00b7 14 March 2023",
                                    "14 March 2023 | Ministry of Foreign Affairs", "Press release, 14 March 2023"])
def test_a_header_line_of_fields_is_not_an_event(header: str) -> None:
    # "Media release | 14 August 2025" took the type of "release" (0841) and the article's states.
    text = f"{header}\n\nBrazil and Argentina met on Monday."
    [meeting] = extract(text, date_at(text, "14 March 2023", "2023-03-14"), date_at(text, "Monday", "2023-03-13"))
    assert meeting.date.text == "Monday"


def test_a_header_opening_with_its_date_and_fields_is_not_an_event() -> None:
    # A UN release's "10 September 2030, Security Council, 10118th meeting" was an event of its own
    # (040, "counci meetin securi"), matching every Council report of the day, whatever the act.
    text = ("10 September 2030, Security Council, 10118th meeting\n\n"
            "The Security Council today extended the mandate of the mission in Colombia.")
    found = extract(text, date_at(text, "10 September 2030", "2030-09-10"), date_at(text, "today", "2030-09-10"))
    assert [m.date.text for m in found] == ["today"]


def test_a_line_opening_with_its_date_and_a_clause_is_an_event() -> None:
    text = "10 September 2030, Brazil and Argentina signed the border treaty in Brasilia\n\nIt was a long road."
    [treaty] = extract(text, date_at(text, "10 September 2030", "2030-09-10"))
    assert treaty.countries == ("ARG", "BRA")


def test_a_sentence_closed_by_a_comma_and_its_date_is_an_event() -> None:
    text = "Brazil and Argentina signed the border treaty in Brasilia, 14 March 2023."
    [treaty] = extract(text, date_at(text, "14 March 2023", "2023-03-14"))
    assert treaty.date.text == "14 March 2023" and treaty.countries == ("ARG", "BRA")


def test_a_sentence_with_a_bar_in_it_is_an_event() -> None:
    text = "Brazil | Argentina: the two presidents met on 14 March 2023."
    [meeting] = extract(text, date_at(text, "14 March 2023", "2023-03-14"))
    assert meeting.date.text == "14 March 2023"


def test_the_alliances_leaders_are_its_members_on_the_date() -> None:
    # "The alliance's leaders last met in Vilnius in July 2023" named no state: 31 allies then, Sweden not yet.
    text = "NATO opened its summit today. The alliance's leaders last met in Vilnius in July 2023."
    [_, vilnius] = extract(text, date_at(text, "today", "2024-07-09"),
                           date_at(text, "July 2023", "2023-07", Precision.MONTH), published=dt.date(2024, 7, 9))
    assert len(vilnius.countries) == 31 and "FIN" in vilnius.countries and "SWE" not in vilnius.countries
    # The states named right after the phrase are the ones meant.
    text = "NATO opened its summit. The alliance's ministers from Chile and Peru met in July 2023."
    [meeting] = extract(text, date_at(text, "July 2023", "2023-07", Precision.MONTH))
    assert meeting.countries == ("CHL", "PER")


def test_a_date_opening_a_period_of_a_denied_verb_is_no_event() -> None:
    # "had not met since 2019": no meeting in 2019 to put on the timeline.
    for text in ("Japan and China had not met in person since 2019.", "Japan and China haven't met since 2019.",
                 "Not since 2019 have Japan and China held talks."):
        assert extract(text, date_at(text, "2019", "2019", Precision.YEAR)) == []


def test_a_period_of_a_verb_not_denied_or_a_denied_verb_of_a_dated_noun_keeps_its_event() -> None:
    for text in ("Japan and China have met twice since 2019.", "Japan and China haven't met since the 2019 summit.",
                 "Japan and China have not met since they signed an accord in 2019."):
        [event] = extract(text, date_at(text, "2019", "2019", Precision.YEAR))
        assert event.countries == ("CHN", "JPN")


def test_a_relative_clause_after_a_preposition_is_its_own_event() -> None:
    # "to which", "against which": the date is the war's, told of the antecedent, not the main clause's break.
    text = "Bolivia broke off relations with Chile, to which it lost its coast in a war in 1884."
    [war] = extract(text, date_at(text, "1884", "1884", Precision.YEAR))
    assert war.event_type == "Fight" and war.countries == ("BOL", "CHL")
    assert war.summary == "Chile, to which it lost its coast in a war in 1884."
    # Without the relative pronoun the date is the break's.
    text = "Bolivia broke off relations with Chile, its neighbour, in 1884."
    [rupture] = extract(text, date_at(text, "1884", "1884", Precision.YEAR))
    assert rupture.event_type == "Reduce relations" and rupture.countries == ("BOL", "CHL")
