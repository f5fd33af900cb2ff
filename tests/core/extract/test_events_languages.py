"""Tests of event parties in other languages: group numbers, venues, clauses and references (issue #19)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.actors import token_key
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.clause_grammar import verb_phrase_patterns
from timeline_app.core.extract.clauses import clause_spans
from timeline_app.core.extract.datelines import undated_wire_prefixes
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.models import EntityKind, EventMention, Precision


def extract(lang: str, text: str, *dates, published: dt.date = dt.date(2024, 3, 14)) -> list[EventMention]:
    return extract_event_mentions(text, list(dates), None, published, language=lang)


@pytest.mark.parametrize(("clause", "size"), [
    ("Beide wollen sich im Mai erneut treffen", 2),
    ("Beide Politiker sprachen sich gegen Atomwaffen aus", 2),
    ("Beide Tage verliefen ruhig", 0),
    ("Die Gespräche dauerten beide Male lange", 0),
])
def test_german_beide_before_a_verb_or_a_plural_counts_two_parties(clause: str, size: int) -> None:
    assert verb_phrase_patterns(CameoTable.for_language("de")).group_size(clause) == size


def test_german_beide_takes_the_two_states_named_before() -> None:
    text = ("Die Präsidenten Polens und Litauens trafen sich am Montag in Warschau. "
            "Beide wollen im Mai in Vilnius weiter verhandeln.")
    _met, again = extract("de", text, date_at(text, "Montag", "2024-03-11"), date_at(text, "Mai", "2024-05", Precision.MONTH))
    assert again.countries == ("LTU", "POL")


@pytest.mark.parametrize(("lang", "text", "when", "parties"), [
    ("de", "Ramaphosa traf Modi am Montag beim G20-Gipfel in Neu-Delhi.", "Montag", ("IND", "ZAF")),
    ("pt", "Lula encontrou Modi na segunda-feira na cúpula do G20 em Nova Délhi.", "segunda-feira", ("BRA", "IND")),
    ("es", "Pedro Sánchez se reunió con Modi el lunes en la cumbre del G20.", "lunes", ("ESP", "IND")),
    ("de", "Die G20-Staaten einigten sich am Montag auf eine Erklärung.", "Montag", None),
])
def test_a_group_named_as_the_summit_where_others_met_is_no_party(lang: str, text: str, when: str,
                                                                   parties: tuple[str, ...] | None) -> None:
    [m] = extract(lang, text, date_at(text, when, "2023-09-11"), published=dt.date(2023, 9, 12))
    if parties is None:
        assert len(m.countries) >= 19  # the group acts: its members take part
    else:
        assert m.countries == parties


@pytest.mark.parametrize(("lang", "text", "when", "parties"), [
    ("de", "Polen und Litauen haben sich auf ein Grenzabkommen geeinigt. Die Einigung wurde am Montag in Vilnius verkündet.",
     "Montag", ("LTU", "POL")),
    ("ru", "Армения и Азербайджан согласовали текст мирного договора. Переговоры завершились в понедельник в Вашингтоне.",
     "понедельник", ("ARM", "AZE")),
    ("de", "Polen hat ein Grenzabkommen vorgeschlagen. Die Einigung wurde am Montag in Vilnius verkündet.", "Montag", ()),
])
def test_a_reference_before_any_event_takes_the_states_of_the_undated_sentence_before(
        lang: str, text: str, when: str, parties: tuple[str, ...]) -> None:
    [m] = extract(lang, text, date_at(text, when, "2024-03-11"))
    assert m.countries == parties


@pytest.mark.parametrize(("lang", "text", "when", "parties"), [
    ("es", "BRUSELAS (EFE) - Cuba rechazó el martes la declaración final.", "martes", ("CUB",)),
    ("de", "Wien (Reuters) - Ungarn blockierte am Dienstag die Erklärung.", "Dienstag", ("HUN",)),
    # Without an agency in brackets the line is not read as a wire prefix.
    ("es", "Bruselas - Madrid rechazó el martes la declaración final.", "martes", ("BEL", "ESP")),
])
def test_an_undated_wire_prefix_names_where_the_story_was_filed_not_a_party(
        lang: str, text: str, when: str, parties: tuple[str, ...]) -> None:
    [m] = extract(lang, text, date_at(text, when, "2024-03-12"))
    assert m.countries == parties


_DEAL = "Armenien und Aserbaidschan unterzeichneten am Montag in Washington ein Friedensabkommen. "


@pytest.mark.parametrize(("second", "parties"), [
    ("Der iranische Außenminister kritisierte das Abkommen am Dienstag scharf.", ("IRN",)),  # speaks of it
    ("Georgien unterzeichnete das Abkommen am Dienstag als Zeuge.", ("ARM", "AZE", "GEO")),  # signs it: a party
    ("Das Abkommen wurde am Dienstag unter Vermittlung Georgiens ergänzt.", ("ARM", "AZE", "GEO")),  # the noun first
])
def test_a_state_that_speaks_of_an_earlier_agreement_takes_none_of_its_parties(second: str, parties: tuple[str, ...]) -> None:
    text = _DEAL + second
    _signed, later = extract("de", text, date_at(text, "Montag", "2024-03-11"), date_at(text, "Dienstag", "2024-03-12"))
    assert later.countries == parties


@pytest.mark.parametrize("lang", ["ar", "de", "es", "fr", "pt", "ru"])
def test_every_event_reference_is_a_group_reference(lang: str) -> None:
    words = CameoTable.for_language(lang).words
    assert words["event_reference"] and words["event_reference"] <= words["group_reference"]


@pytest.mark.parametrize(("text", "parties"), [
    ("Сербия и Венгрия договорились о строительстве нефтепровода. Документ подписан в понедельник.", ("HUN", "SRB")),
    ("Сербия предложила построить нефтепровод. Документ подписан в понедельник.", ()),  # one state: no event told
])
def test_a_clause_naming_no_state_before_any_event_takes_the_states_of_the_undated_sentence_before(
        text: str, parties: tuple[str, ...]) -> None:
    [m] = extract("ru", text, date_at(text, "понедельник", "2024-03-11"))
    assert m.countries == parties


def _clauses(lang: str, text: str, *dates: str) -> list[str]:
    spans = [(text.index(x), text.index(x) + len(x)) for x in dates]
    return [text[a:b] for a, b in clause_spans(text, 0, len(text), spans, CameoTable.for_language(lang))]


def test_a_german_main_clause_after_a_comma_with_a_long_subject_is_cut() -> None:
    text = "Polens Präsident Andrzej Duda war im Mai in Kiew, Litauens Präsident Gitanas Nausėda reiste im Juni nach Berlin."
    assert _clauses("de", text, "Mai", "Juni") == ["Polens Präsident Andrzej Duda war im Mai in Kiew",
                                                   "Litauens Präsident Gitanas Nausėda reiste im Juni nach Berlin."]


def test_a_german_list_after_a_comma_is_not_cut() -> None:
    text = "Im Mai sprach Polen mit Litauen, den Vereinigten Staaten und Kanada über die Lieferungen vom Juni."
    assert len(_clauses("de", text, "Mai", "Juni")) == 1


@pytest.mark.parametrize(("text", "parties"), [
    # An event noun as the head of a compound opening the clause refers back to the pair that met.
    ("Griechenland und Bulgarien unterzeichneten am Montag ein Energieabkommen. Tschechien hatte am Dienstag gewählt. "
     "Die nächste Ministerrunde soll im Mai in Sofia stattfinden.", ("BGR", "GRC")),
    ("Griechenland und Bulgarien unterzeichneten am Montag ein Energieabkommen. Tschechien hatte am Dienstag gewählt. "
     "Das Nachfolgetreffen soll im Mai in Sofia stattfinden.", ("BGR", "GRC")),
    # The same noun as a complement names a topic: no reference, the clause keeps its own state.
    ("Griechenland und Bulgarien unterzeichneten am Montag ein Energieabkommen. Tschechien hatte am Dienstag gewählt. "
     "Im Mai hatte Tschechien mit dem Ende der Ministerrunde gedroht.", ("CZE",)),
])
def test_a_german_compound_event_noun_opening_a_clause_refers_back(text: str, parties: tuple[str, ...]) -> None:
    mentions = extract("de", text, date_at(text, "Montag", "2024-03-11"), date_at(text, "Dienstag", "2024-03-12"),
                       date_at(text, "Mai", "2024-05", Precision.MONTH))
    assert mentions[-1].countries == parties


_HOME = [
    ("de", "Bamako (dpa) - Die Militärjunta hat am Montag den französischen Botschafter ausgewiesen.", "Montag", ("FRA", "MLI")),
    ("de", "Bamako (dpa) - Ein Sprecher der Armee sagte am Montag, die Lage sei ruhig.", "Montag", ("MLI",)),
    ("de", "Bamako (dpa) - Ein Sprecher der Armee des Niger sagte am Montag, die Lage sei ruhig.", "Montag", ("NER",)),
    ("fr", "BAMAKO (AFP) - Un porte-parole de l'armée a déclaré lundi que la situation était calme.", "lundi", ("MLI",)),
    ("es", "BAMAKO (EFE) - Un portavoz del ejército dijo el lunes que la situación estaba en calma.", "lunes", ("MLI",)),
    ("pt", "BAMAKO (Lusa) - Um porta-voz do exército disse na segunda-feira que a situação estava calma.",
     "segunda-feira", ("MLI",)),
    ("ru", "БАМАКО - Представитель армии заявил в понедельник, что ситуация спокойная.", "понедельник", ("MLI",)),
    # Without a wire prefix the institution has no state.
    ("fr", "Un porte-parole de l'armée a déclaré lundi que la situation était calme.", "lundi", ()),
]


@pytest.mark.parametrize(("text", "parties"), [
    # A story filed from Khartoum: its army, named without a state, is Sudan's, whatever proclitic it takes.
    ("الخرطوم - حاصر المحتجون مقر القيادة العامة للجيش منذ السبت.", ("SDN",)),
    ("الخرطوم - وأعلن الجيش السبت حظر التجول.", ("SDN",)),
    # A state's adjective after the institution names its own state, not the place the story was filed from.
    ("الخرطوم - وأعلن الجيش المصري السبت رفع حالة التأهب.", ("EGY",)),
    # Not a place: a line opening with an organisation and a dash is no wire prefix.
    ("حماس - وأعلن الجيش السبت حظر التجول.", ()),
])
def test_an_arabic_wire_prefix_lends_its_state_to_an_unqualified_institution(text: str, parties: tuple[str, ...]) -> None:
    [m] = extract("ar", text, date_at(text, "السبت", "2019-04-06"), published=dt.date(2019, 4, 12))
    assert m.countries == parties


_EMBASSY = [
    # The state an embassy is opened or closed in takes part, as the place of a visit does.
    ("de", "Polen hat am Montag seine Botschaft in Minsk geschlossen.", "Montag", ("BLR", "POL")),
    ("es", "Chile reabrió el lunes su embajada en Caracas.", "lunes", ("CHL", "VEN")),
    ("ru", "Литва в понедельник закрыла посольство в Минске.", "понедельник", ("BLR", "LTU")),
    # Arabic writes the pronoun fused to the noun: "سفارتها" is "its embassy".
    ("ar", "أغلقت تركيا سفارتها في دمشق يوم الاثنين.", "الاثنين", ("SYR", "TUR")),
    # Without an embassy, a visit or an attack, the place is only where it happened.
    ("de", "Polen hat am Montag in Minsk ein Abkommen mit Litauen unterzeichnet.", "Montag", ("LTU", "POL")),
    ("ar", "عقدت تركيا اجتماعها في دمشق يوم الاثنين.", "الاثنين", ("TUR",)),
]


_OWNER = [
    # Where the adjective follows its noun, it names the owner of the embassy or the troops, not a thing between.
    ("pt", "O Brasil assumiu na segunda-feira a custódia da embaixada argentina em Caracas.", "segunda-feira",
     ("ARG", "BRA", "VEN")),
    ("es", "Las tropas rusas entraron el lunes en Georgia.", "lunes", ("GEO", "RUS")),
    # A state's thing further on still stands between: the target is Russia's convoy, Georgia only where it was.
    ("es", "Ucrania atacó el lunes un convoy ruso en Georgia.", "lunes", ("RUS", "UKR")),
]


_PRESENT = ", en présence de plusieurs présidents de région et des directeurs des agences de bassin hydraulique"
_TOPICS = (" sur le dessalement de l'eau de mer, la gestion des barrages, la recharge des nappes phréatiques, la "
           "réutilisation des eaux usées traitées dans l'agriculture et la formation des ingénieurs des deux rives du "
           "détroit, un dossier devenu prioritaire après plusieurs années de sécheresse")


def test_a_long_clause_is_read_far_enough_after_its_date_for_the_object_after_a_list() -> None:
    text = f"Le ministre marocain de l'Eau a signé mercredi à Rabat{_PRESENT}, un accord avec l'Espagne{_TOPICS}."
    assert len(text) > 400
    [m] = extract("fr", text, date_at(text, "mercredi", "2024-03-13"))
    assert m.countries == ("ESP", "MAR")


def test_a_long_clause_is_not_read_to_its_end() -> None:
    text = f"Le ministre marocain de l'Eau a signé mercredi à Rabat{_PRESENT}{_TOPICS}, un accord avec l'Espagne."
    [m] = extract("fr", text, date_at(text, "mercredi", "2024-03-13"))
    assert m.countries == ("MAR",)  # 370 characters after the date: a run-on clause is read around its date only


_CITIES = [
    # Cities the English tables know, as Arabic and Russian write them (cities.tsv, from GeoNames).
    ("ar", "قصفت الطائرات الروسية إدلب يوم الاثنين.", "الاثنين", ("RUS", "SYR")),
    ("ar", "شنت إسرائيل غارات على غزة يوم الاثنين.", "الاثنين", ("ISR", "PSE")),
    ("ru", "В понедельник российская авиация бомбила Идлиб.", "понедельник", ("RUS", "SYR")),
    # A short name of a small city is too often a word: "صور" (Tyre) is also "pictures".
    ("ar", "نشرت مصر صور الاجتماع يوم الاثنين.", "الاثنين", ("EGY",)),
]


@pytest.mark.parametrize(("text", "prefixes"), [
    # A one-letter first word after the dash starts the story too ("В пятницу", "A deal").
    ("СТАМБУЛ - В пятницу Россия и Украина подписали соглашение.\n", ["СТАМБУЛ -"]),
    ("ISTANBUL - A deal was signed on Friday.\n", ["ISTANBUL -"]),
    # Arabic writes the place without capitals; an organisation before the dash is no place.
    ("الخرطوم (وكالات) - أعلن الجيش حظر التجول.\n", ["الخرطوم (وكالات) -"]),
    ("NATO - A deal was signed on Friday.\n", []),
])
def test_wire_prefixes_in_other_scripts_and_before_a_one_letter_word(text: str, prefixes: list[str]) -> None:
    lang = "ru" if "СТАМБУЛ" in text else "ar" if "الخرطوم" in text else "en"
    entities = Gazetteer.for_language(lang).tag(text, dt.date(2024, 1, 1), "")
    assert [text[a:b].strip() for a, b in undated_wire_prefixes(text, entities)] == prefixes


def test_a_hyphenated_office_of_another_script_keeps_its_letters() -> None:
    # "премьер-министр" was keyed "-", which made every dash an office and "В" after "СТАМБУЛ -" a person.
    assert token_key("премьер-министр") == "премьер-министр" and token_key("—") == "—"
    assert token_key("Türkiye") == "turkiye" and token_key("al-Assad") == "al-assad"
    text = "СТАМБУЛ - В пятницу в Стамбуле были подписаны документы.\n"
    assert not [e for e in Gazetteer.for_language("ru").tag(text, dt.date(2022, 7, 23), "") if e.kind is EntityKind.PERSON]


@pytest.mark.parametrize(("lang", "text", "when", "parties"), _HOME + _EMBASSY + _OWNER + _CITIES)
def test_the_states_of_a_clause_with_institutions_embassies_and_cities(lang: str, text: str, when: str,
                                                                        parties: tuple[str, ...]) -> None:
    """_HOME: a wire prefix lends its state to an unqualified institution in each language; _EMBASSY: the
    state an embassy is in takes part; _OWNER: an adjective after a place word names its owner; _CITIES:
    cities in the script of the language."""
    [m] = extract(lang, text, date_at(text, when, "2024-03-11"))
    assert m.countries == parties


@pytest.mark.parametrize(("lang", "text", "parties"), [
    # Recalling an earlier event in the present is no part in it (English 'recalls' in undated_reaction) ...
    ("pt", "O Chile recorda a crise entre o Peru e a Bolívia de março de 2021.", ("BOL", "PER")),
    ("es", "Chile recuerda la crisis entre Perú y Bolivia de marzo de 2021.", ("BOL", "PER")),
    ("fr", "Le Chili rappelle la crise entre le Pérou et la Bolivie de mars 2021.", ("BOL", "PER")),
    ("de", "Chile erinnert an die Krise zwischen Peru und Bolivien im März 2021.", ("BOL", "PER")),
    # ... but one recalled in the past was a dated act of the state
    ("pt", "O Chile criticou a crise entre o Peru e a Bolívia em março de 2021.", ("BOL", "CHL", "PER")),
    ("fr", "Le Chili a critiqué la crise entre le Pérou et la Bolivie en mars 2021.", ("BOL", "CHL", "PER")),
])
def test_a_state_recalling_an_earlier_event_in_the_present_is_no_party_of_it(lang: str, text: str, parties: tuple[str, ...]) -> None:
    surface = {"pt": "março de 2021", "es": "marzo de 2021", "fr": "mars 2021", "de": "März 2021"}[lang]
    (event,) = extract(lang, text, date_at(text, surface, "2021-03", Precision.MONTH))
    assert event.countries == parties


@pytest.mark.parametrize(("lang", "text", "when", "value", "parties"), [
    # A leader arriving or expected in a capital visits its state: the host is a party.
    ("pt", "Lula esteve em Montevidéu no sábado para a posse do novo presidente.", "sábado", "2025-03-01", ("BRA", "URY")),
    ("fr", "Le Premier ministre vietnamien est attendu à Paris l'an prochain.", "l'an prochain", "2026", ("FRA", "VNM")),
    # Talk of a place is no visit to it.
    ("pt", "Lula disse no sábado que a situação em Montevidéu é calma.", "sábado", "2025-03-01", ("BRA",)),
])
def test_being_in_or_expected_in_a_capital_makes_its_state_a_party(lang: str, text: str, when: str, value: str,
                                                                   parties: tuple[str, ...]) -> None:
    granularity = Precision.DAY if len(value) == 10 else Precision.YEAR
    [m] = extract(lang, text, date_at(text, when, value, granularity), published=dt.date(2025, 3, 7))
    assert m.countries == parties


@pytest.mark.parametrize(("lang", "text", "dates", "published", "parties"), [
    # "os dois dirigentes": the last event of leaders, not the last event (Russia's deal with São Tomé).
    ("pt", "O Presidente angolano, João Lourenço, recebeu ontem em Luanda o primeiro-ministro são-tomense. "
           "São Tomé e Príncipe tinha assinado um acordo com a Rússia em abril de 2022. "
           "Os dois dirigentes voltam a encontrar-se em julho.",
     (("ontem", "2024-04-25"), ("abril de 2022", "2022-04"), ("julho", "2024-07")), dt.date(2024, 4, 26), ("AGO", "STP")),
    # "Die nächsten Konsultationen": the event that named consultations, not the attack told in between.
    ("de", "Olaf Scholz und Donald Tusk haben am Dienstag in Warschau die ersten Regierungskonsultationen seit 2018 "
           "abgehalten. Nach dem russischen Angriff auf die Ukraine im Februar 2022 hatte Polen aufgerüstet. "
           "Die nächsten Konsultationen sollen 2026 in Deutschland stattfinden.",
     (("Dienstag", "2024-07-02"), ("Februar 2022", "2022-02"), ("2026", "2026")), dt.date(2024, 7, 3), ("DEU", "POL")),
])
def test_a_role_named_again_refers_back_to_the_event_that_named_it(
        lang: str, text: str, dates: tuple[tuple[str, str], ...], published: dt.date, parties: tuple[str, ...]) -> None:
    granularity = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}
    mentions = [date_at(text, surface, value, granularity[len(value)]) for surface, value in dates]
    *_, again = extract(lang, text, *mentions, published=published)
    assert again.countries == parties


@pytest.mark.parametrize(("text", "when", "value", "events"), [
    # Arabic has no capitals: a short sentence of its words is a sentence, not a header dating the article;
    # a statement's place and day ("بغداد ٢٨ آب ٢٠٢١") date the statement, an event (header_article), as in de,
    # fr, es, pt; a label before the day ("نشر في") dates the article.
    ("وقال البيان إن الحكومة ستجتمع. ويزور ميقاتي نيقوسيا الشهر المقبل.", "الشهر المقبل", "2024-06", 1),
    ("بيان\nبغداد ٢٨ آب ٢٠٢١\nوقال البيان إن الحكومة ستجتمع.", "٢٨ آب ٢٠٢١", "2021-08-28", 1),
    ("بيان\nنشر في ٢٨ آب ٢٠٢١\nوقال البيان إن الحكومة ستجتمع.", "٢٨ آب ٢٠٢١", "2021-08-28", 0),
])
def test_a_short_arabic_sentence_and_a_statements_place_and_day_are_events(text: str, when: str, value: str,
                                                                         events: int) -> None:
    granularity = Precision.MONTH if len(value) == 7 else Precision.DAY
    found = extract("ar", text, date_at(text, when, value, granularity), published=dt.date(2024, 5, 3))
    assert len(found) == events


@pytest.mark.parametrize(("text", "parties"), [
    # Talks held in a capital: its state hosts them, a party by the annotation rule ("diálogos en Caracas").
    ("Colombia y el ELN anunciaron un acuerdo. Los diálogos se reanudaron en Caracas en noviembre.", ("VEN",)),
    # A summit's venue is only a place ("Bruselas as a venue").
    ("Colombia y el ELN anunciaron un acuerdo. La cumbre se celebró en Bruselas en noviembre.", ()),
])
def test_spanish_talks_held_in_a_capital_make_its_state_a_host(text: str, parties: tuple[str, ...]) -> None:
    [m] = extract("es", text, date_at(text, "noviembre", "2022-11", Precision.MONTH), published=dt.date(2023, 6, 10))
    assert m.countries == parties


@pytest.mark.parametrize(("lang", "header", "when"), [
    ("en", "Published on 3 March 2021", "3 March 2021"),
    ("de", "Veröffentlicht am 3. März 2021", "3. März 2021"),
    ("ar", "نشر في 3 مارس 2021", "3 مارس 2021"),
])
def test_a_line_labelled_as_the_articles_date_is_not_an_event(lang: str, header: str, when: str) -> None:
    # "Veröffentlicht am 28. Mai 2021" was an event with no state: its lower-case "am" made it a sentence.
    text = f"{header}\n\nBrazil and Argentina met in Brasília on 2 March 2021."
    found = extract(lang, text, date_at(text, when, "2021-03-03"), date_at(text, "2 March 2021", "2021-03-02"))
    assert [m.date.text for m in found] == ["2 March 2021"]


def test_a_sentence_telling_of_a_publication_is_an_event() -> None:
    text = "Brazil and Argentina published the treaty on 3 March 2021."
    [m] = extract("en", text, date_at(text, "3 March 2021", "2021-03-03"))
    assert m.countries == ("ARG", "BRA")


@pytest.mark.parametrize(("lang", "text", "surface", "parties"), [
    ("de", "Pressemitteilung\n\nBerlin, 13. September 2024\n\nDas Auswärtige Amt bestellte heute den Botschafter ein.",
     "13. September 2024", ("DEU",)),
    ("fr", "Communiqué\n\nBruxelles, le 5 juin 2024\n\nLa ministre a reçu ce jour son homologue.", "5 juin 2024", ("BEL",)),
    ("pt", "Comunicado\n\nLisboa, 16 de maio de 2024\n\nRealizou-se hoje a cimeira.", "16 de maio de 2024", ("PRT",)),
])
def test_a_statements_place_and_day_line_dates_the_statement(lang: str, text: str, surface: str,
                                                            parties: tuple[str, ...]) -> None:
    value = {"de": "2024-09-13", "fr": "2024-06-05", "pt": "2024-05-16"}[lang]
    found = extract(lang, text, date_at(text, surface, value), published=dt.date.fromisoformat(value))
    assert [(m.date.text, m.countries) for m in found] == [(surface, parties)]


@pytest.mark.parametrize(("lang", "text", "surface"), [
    # English keeps such a line as the article's dateline; a wire dateline in capitals is the story's in any
    # language; a label before the day dates the article.
    ("en", "Press release\n\nLondon, 13 September 2024\n\nThe minister met her counterpart today.", "13 September 2024"),
    ("de", "BERLIN, 13. September 2024\n\nDas Auswärtige Amt bestellte heute den Botschafter ein.", "13. September 2024"),
    ("fr", "Communiqué\n\nPublié le 5 juin 2024\n\nLa ministre a reçu ce jour son homologue.", "5 juin 2024"),
    ("de", "Berlin, September 2024\n\nDer Minister reiste ab.", "September 2024"),
])
def test_other_lines_with_a_day_only_date_the_article(lang: str, text: str, surface: str) -> None:
    value = "2024-09" if surface == "September 2024" else "2024-09-13" if "Sept" in surface else "2024-06-05"
    d = date_at(text, surface, value, Precision.MONTH if len(value) == 7 else Precision.DAY)
    assert [m.date.text for m in extract(lang, text, d, published=dt.date(2024, 9, 13))] == []


@pytest.mark.parametrize(("lang", "text", "surface", "parties"), [
    # Arabic: a relative clause without a comma is its own event, of the state right before it.
    ("ar", "وأكد الرئيس المصري دعم بلاده للحكومة الصومالية التي انتخب رئيسها في مايو 2022.", "مايو 2022", ("SOM",)),
    ("ar", "وأيد البلدان المفاوضات بين المملكة العربية السعودية والجمهورية الإسلامية الإيرانية التي بدأت في مايو 2022.",
     "مايو 2022", ("IRN", "SAU")),
    # A date of the main clause keeps the main clause's states; English does not cut before "that".
    ("ar", "وقعت مصر والصومال في مايو 2022 الاتفاق الذي أعدته الحكومة الإثيوبية.", "مايو 2022", ("EGY", "SOM")),
    ("en", "Egypt backed the Somali government that was elected in May 2022.", "May 2022", ("EGY", "SOM")),
])
def test_a_relative_clause_without_a_comma_is_its_own_event_in_arabic(lang: str, text: str, surface: str,
                                                                       parties: tuple[str, ...]) -> None:
    found = extract(lang, text, date_at(text, surface, "2022-05", Precision.MONTH), published=dt.date(2024, 10, 11))
    assert [m.countries for m in found] == [parties]


def test_a_surname_the_text_learned_acts_for_the_persons_state() -> None:
    # "Mauro Vieira", then "Vieira": the bare surname has no dated office of its own in the gazetteer, so the
    # state the text gave him stands; a known office-holder out of office still acts for none (test_parties).
    text = ("O ministro das Relações Exteriores, Mauro Vieira, assinou ontem um acordo.\n\n"
            "Vieira segue amanhã para Georgetown.")
    _signed, goes = extract("pt", text, date_at(text, "ontem", "2024-11-05"), date_at(text, "amanhã", "2024-11-07"),
                            published=dt.date(2024, 11, 6))
    assert goes.countries == ("BRA", "GUY")
    text = "Vieira segue amanhã para Georgetown."  # a surname the text never introduced is nobody's
    [goes] = extract("pt", text, date_at(text, "amanhã", "2024-11-07"), published=dt.date(2024, 11, 6))
    assert goes.countries == ("GUY",)


@pytest.mark.parametrize(("middle", "parties"), [
    # An earlier event named as background is no pair "beide" refers back to ...
    ("Seit dem russischen Angriff auf die Ukraine im Februar 2022 liefert Norwegen Gas.", ("DEU", "NOR")),
    # ... a pair that acts is.
    ("Russland und die Ukraine verhandelten im Februar 2022 in Istanbul.", ("RUS", "UKR")),
])
def test_beide_refers_to_the_last_pair_that_acted_not_to_a_background_event(middle: str, parties: tuple[str, ...]) -> None:
    text = f"Deutschland und Norwegen unterzeichneten im Februar 2024 ein Abkommen. {middle} Beide Regierungen treffen sich im Herbst wieder."
    found = extract("de", text, date_at(text, "Februar 2024", "2024-02", Precision.MONTH),
                    date_at(text, "Februar 2022", "2022-02", Precision.MONTH), date_at(text, "Herbst", "2025-10", Precision.MONTH),
                    published=dt.date(2025, 4, 9))
    assert found[-1].countries == parties


@pytest.mark.parametrize(("ending", "parties"), [
    # The coup is the event September dates, and the place after the date is where it happened ...
    ("après le coup d'État de septembre 2022 à Ouagadougou.", ("BFA",)),
    # ... without a coup named, the relations are; without a place, the coup names no state and the clause's stand.
    ("en septembre 2022 à Ouagadougou.", ("BFA", "CIV")),
    ("après le coup d'État de septembre 2022.", ("BFA", "CIV")),
])
def test_french_coup_before_a_date_and_a_place_is_that_places_event(ending: str, parties: tuple[str, ...]) -> None:
    text = "Les relations entre la Côte d'Ivoire et le Burkina Faso se sont dégradées " + ending
    found = extract("fr", text, date_at(text, "septembre 2022", "2022-09", Precision.MONTH), published=dt.date(2024, 10, 26))
    assert [m.countries for m in found] == [parties]


_DE_TITLES = ("Bundesinnenministerin Nancy Faeser empfing am Montag Gäste aus Nairobi. Der kenianische Außenminister "
              "Musalia Mudavadi nahm teil. {} wird im Oktober mit den Ländern beraten.", "Montag", "Oktober")
_ES_TITLES = ("La presidenta mexicana, Claudia Sheinbaum, habló el lunes con Ottawa. El presidente estadounidense, "
              "Donald Trump, anunció aranceles. {} hablará en octubre ante el Congreso.", "lunes", "octubre")


@pytest.mark.parametrize(("lang", "story", "reference", "parties"), [
    # "die Ministerin" passes over the male minister named last, to the woman whose title ends in "Ministerin" ...
    ("de", _DE_TITLES, "Die Ministerin", ("DEU",)),
    # ... and "der Minister" is the man; Spanish "la presidenta" is the woman titled so, "el presidente" the last named.
    ("de", _DE_TITLES, "Der Minister", ("KEN",)),
    ("es", _ES_TITLES, "La presidenta", ("MEX",)),
    ("es", _ES_TITLES, "El presidente", ("USA",)),
])
def test_a_feminine_title_is_the_person_whose_title_says_so(lang: str, story: tuple[str, str, str], reference: str,
                                                            parties: tuple[str, ...]) -> None:
    template, day, month = story
    text = template.format(reference)
    found = extract(lang, text, date_at(text, day, "2024-09-09"), date_at(text, month, "2024-10", Precision.MONTH),
                    published=dt.date(2024, 9, 13))
    assert found[-1].countries == parties


@pytest.mark.parametrize(("lang", "text", "when", "value", "parties"), [
    ("fr", "Le Maroc et l'Algérie ont négocié à Genève. Le Mali n'a pas pris part aux discussions de mardi avec le Niger.",
     "mardi", "2024-03-12", ("NER",)),
    ("es", "Chile, que exporta cobre, no ha participado en la reunión con Perú del martes.", "martes", "2024-03-12", ("PER",)),
    ("pt", "Angola não participou na cimeira de terça-feira com a Zâmbia.", "terça-feira", "2024-03-12", ("ZMB",)),
    ("ar", "ولم تشارك قطر في اجتماع الثلاثاء مع مصر.", "الثلاثاء", "2024-03-12", ("EGY",)),
    # Nor a state that said nothing of it.
    ("ar", "ولم يصدر عن الجزائر أي تعليق على زيارة الوزير الغامبي، التي تستمر حتى الثلاثاء.", "الثلاثاء", "2024-03-12", ("GMB",)),
    ("fr", "Le Mali n'a pas commenté la visite de mardi du ministre nigérien.", "mardi", "2024-03-12", ("NER",)),
    ("fr", "Le Mali a commenté la visite de mardi du ministre nigérien.", "mardi", "2024-03-12", ("MLI", "NER")),
    # The same sentences without the denial: the state took part.
    ("fr", "Le Mali a pris part aux discussions de mardi avec le Niger.", "mardi", "2024-03-12", ("MLI", "NER")),
    ("es", "Chile, que exporta cobre, ha participado en la reunión con Perú del martes.", "martes", "2024-03-12", ("CHL", "PER")),
    # A date before the denial is not what the state missed.
    ("pt", "O Ruanda, que mantém militares em Moçambique desde julho de 2021, não participou no encontro.",
     "julho de 2021", "2021-07", ("RWA",)),
])
def test_a_state_that_took_no_part_is_no_party_of_what_it_missed(lang: str, text: str, when: str, value: str,
                                                                  parties: tuple[str, ...]) -> None:
    precision = Precision.MONTH if len(value) == 7 else Precision.DAY
    [m] = extract(lang, text, date_at(text, when, value, precision))
    assert m.countries == parties


@pytest.mark.parametrize(("lang", "text", "name", "role"), [
    ("de", "Montenegro, Beitrittskandidat wie Albanien, hat die Reform beschlossen.", "Albanien", "modifier"),
    ("fr", "La Hongrie, membre de l'UE comme la Croatie, a voté contre.", "Croatie", "modifier"),
    ("es", "Chile, miembro de la OCDE como México, firmó el acuerdo.", "México", "modifier"),
    ("de", "Staaten wie Albanien und Serbien haben unterzeichnet.", "Albanien", "actor"),
    ("de", "Die Länder, wie Polen, haben unterzeichnet.", "Polen", "actor"),
    ("fr", "Des pays comme la Croatie, la Hongrie et la Pologne ont voté.", "Croatie", "actor"),
])
def test_a_state_compared_in_an_apposition_is_no_party(lang: str, text: str, name: str, role: str) -> None:
    found = {m.text: m.role.value for m in Gazetteer.for_language(lang).tag(text)}
    assert found[name] == role


@pytest.mark.parametrize(("lang", "text", "parties"), [
    # The relative clause after the apposition tells of its head, Hungary.
    ("de", "Ungarn, EU-Mitglied wie Kroatien, das im Juli den Vorsitz übernimmt, schwieg.", ("HUN",)),
    # A comparison alone before the relative: the state compared is what "which" stands for.
    ("en", "Brazil, like Mexico, which modernised its trade deal in July, wants talks.", ("MEX",)),
])
def test_a_relative_clause_after_an_apposition_tells_of_its_head(lang: str, text: str, parties: tuple[str, ...]) -> None:
    [m] = extract(lang, text, date_at(text, "July" if lang == "en" else "Juli", "2024-07", Precision.MONTH))
    assert m.countries == parties


@pytest.mark.parametrize(("lang", "text", "first", "second", "parties"), [
    # A relative clause after an event's noun tells of that event: its parties, not the clause before's.
    ("es", "Bolivia y Paraguay firmaron el martes un acuerdo de gas. Argentina no ha participado en las negociaciones, "
           "que comenzaron en marzo.", "martes", "marzo", ("BOL", "PRY")),
    ("de", "Namibia und Deutschland haben am Dienstag ein Abkommen geschlossen. Botswana war an den Gesprächen, "
           "die im März begannen, nicht beteiligt.", "Dienstag", "März", ("DEU", "NAM")),
    # After a state the relative clause is that state's, as before.
    ("es", "Bolivia y Paraguay firmaron el martes un acuerdo de gas. Lo celebró Argentina, que lo propuso en marzo.",
     "martes", "marzo", ("ARG",)),
])
def test_a_relative_clause_after_an_event_noun_takes_the_event_s_parties(lang: str, text: str, first: str, second: str,
                                                                          parties: tuple[str, ...]) -> None:
    _signed, later = extract(lang, text, date_at(text, first, "2024-03-12"), date_at(text, second, "2024-03", Precision.MONTH))
    assert later.countries == parties


@pytest.mark.parametrize(("text", "clauses"), [
    ("Botswana war an den Gesprächen, die 2015 begannen, nicht beteiligt.", 3),
    ("Saudi-Arabien, die 27 Staaten, Bahrain und Katar unterzeichneten.", 1),
])
def test_a_german_relative_pronoun_before_a_number_opens_a_clause(text: str, clauses: int) -> None:
    assert len(clause_spans(text, 0, len(text), None, CameoTable.for_language("de"))) == clauses


@pytest.mark.parametrize(("text", "when", "value", "parties"), [
    # An aside opened by "que" ends at the comma before the main verb: the subject before it acts.
    ("Le Rwanda, que Kinshasa accuse d'armer les rebelles, a rejeté mardi ces accusations.", "mardi", "2024-03-12",
     ("COD", "RWA")),
    # Inside the aside, its own subject's act: the antecedent is its object, not a party of the date.
    ("L'Algérie a dénoncé l'exfiltration de l'opposante franco-algérienne, que les autorités françaises ont aidée "
     "à quitter la Tunisie mardi.", "mardi", "2024-03-12", ("FRA", "TUN")),
])
def test_a_french_que_opens_an_aside_before_the_main_verb(text: str, when: str, value: str,
                                                          parties: tuple[str, ...]) -> None:
    [m] = extract("fr", text, date_at(text, when, value))
    assert m.countries == parties


_MET = {"es": "La presidenta Claudia Sheinbaum recibió el lunes a su homólogo guatemalteco, Bernardo Arévalo. ",
        "fr": "Le président Emmanuel Macron a reçu lundi son homologue mexicaine, Claudia Sheinbaum. ",
        "de": "Bundeskanzler Olaf Scholz empfing am Montag den polnischen Regierungschef Donald Tusk. "}


@pytest.mark.parametrize(("lang", "met", "text", "month", "parties"), [
    # A relative clause of a noun in a clause whose subject is a group: the group's states, not the venue's alone.
    ("es", "lunes", "Ambos mandatarios acordaron crear un grupo, que se reunirá en abril en la capital guatemalteca.",
     "abril", ("GTM", "MEX")),
    ("fr", "lundi", "Les deux présidents ont créé un groupe de travail, qui se réunira en avril à Mexico.", "avril",
     ("FRA", "MEX")),
    ("de", "Montag", "Beide Regierungschefs gründeten eine Arbeitsgruppe, die im April in Warschau tagen soll.", "April",
     ("DEU", "POL")),
    # A relative clause naming its own party keeps it.
    ("es", "lunes", "Ambos mandatarios evocaron el cierre del paso, que las autoridades hondureñas ordenaron en abril.",
     "abril", ("HND",)),
])
def test_a_relative_clause_after_a_group_subject_takes_the_group(lang: str, met: str, text: str, month: str,
                                                                  parties: tuple[str, ...]) -> None:
    full = _MET[lang] + text
    published = dt.date(2025, 3, 7)
    mentions = extract(lang, full, date_at(full, met, "2025-03-03"), date_at(full, month, "2025-04", Precision.MONTH),
                       published=published)
    assert mentions[-1].countries == parties


@pytest.mark.parametrize("opening", [
    "القاهرة، 12 مارس 2023 (رويترز) - ",  # the Arabic comma and an agency
    "دار السلام, 12 مارس 2023 - ",  # a place of two words, a Latin comma, no agency
])
def test_an_arabic_wire_dateline_is_no_event_and_the_summary_starts_after_it(opening: str) -> None:
    text = f"عنوان\n\n{opening}اتفق وزيرا خارجية مصر والسودان يوم الأحد على تشكيل لجنة مشتركة.\n"
    found = extract("ar", text, date_at(text, "12 مارس 2023", "2023-03-12"), date_at(text, "يوم الأحد", "2023-03-12"),
                    published=dt.date(2023, 3, 12))
    assert [m.date.text for m in found] == ["يوم الأحد"]
    assert found[0].summary.startswith("اتفق وزيرا")


def test_an_arabic_sentence_opening_with_a_place_and_a_date_stays_an_event() -> None:
    # No dash after the date: "In Cairo, on 12 March 2023, Egypt and Sudan signed ..." is a sentence.
    text = "عنوان\n\nفي القاهرة، 12 مارس 2023، وقعت مصر والسودان اتفاقا للمياه.\n"
    found = extract("ar", text, date_at(text, "12 مارس 2023", "2023-03-12"), published=dt.date(2023, 3, 20))
    assert [m.date.text for m in found] == ["12 مارس 2023"]
