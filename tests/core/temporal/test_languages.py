"""Dates in other languages: every language's EXAMPLE lines, the reading settings, and the traps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline_app.core.temporal import check_example, default_rules, find_dates, languages, load_rules
from timeline_app.core.reading import load_reading
from timeline_app.errors import RulesError

WED = dt.date(2022, 12, 28)
OTHER = [lang for lang in languages() if lang != "en"]


def _examples() -> list:
    return [e for lang in OTHER for e in default_rules(lang).examples]


def test_the_six_languages_of_diplomacy_have_rules() -> None:
    assert {"fr", "es", "pt", "de", "ru", "ar"} <= set(OTHER)


@pytest.mark.parametrize("lang", OTHER)
def test_every_rule_of_a_language_has_an_example(lang: str) -> None:
    rules = default_rules(lang)
    assert {e.rule for e in rules.examples} == {r.name for r in rules.rules}


@pytest.mark.parametrize("example", _examples(), ids=lambda e: f"{e.path.parent.parent.name}/{e}")
def test_language_rule_example(example) -> None:
    lang = example.path.parent.parent.name
    assert check_example(example, default_rules(lang)) is None


def _found(text: str, lang: str, published: dt.date = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published, language=lang)]


def test_a_language_without_rules_is_read_with_the_english_ones() -> None:
    assert default_rules("it") is default_rules("en")
    assert _found("La riunione del 2011 a Roma.", "it") == [("2011", "2011")]


def test_the_english_rules_load_once_however_they_are_asked_for() -> None:
    # The import loads default_rules() up front and find_dates asks for default_rules("en"): one load.
    assert default_rules() is default_rules("en") is default_rules(language="en")
    assert default_rules("fr") is not default_rules()


# ---- the traps the annotators found -----------------------------------------------------------


def test_german_articles_and_prepositions_are_no_weekdays() -> None:
    assert _found("Die Gespräche mit Ankara sind so wichtig wie die mit Moskau.", "de") == []
    assert _found("Die Minister trafen sich am Mittwoch.", "de") == [("Mittwoch", "2022-12-28")]


def test_german_numeric_dates_are_day_first() -> None:
    assert _found("Berlin, 05.09.2014 – Pressemitteilung.", "de") == [("05.09.2014", "2014-09-05")]


def test_german_planned_attribute_points_its_month_ahead() -> None:
    # "die für April geplanten Gespräche": the inflected participle is a plan, even beside a past tense.
    mar = dt.date(2024, 3, 7)
    assert _found("Prag hat die für April geplanten Gespräche abgesagt.", "de", mar) == [("April", "2024-04")]
    assert _found("Prag hat die Gespräche im April abgesagt.", "de", mar) == [("April", "2023-04")]


def test_german_morning_noun_is_not_tomorrow() -> None:
    assert _found("Die Gespräche dauerten bis in den Morgen.", "de") == []
    assert _found("Der Minister reist morgen nach Paris.", "de") == [("morgen", "2022-12-29")]


def test_russian_year_with_goda_is_the_year_not_the_twelfth() -> None:
    assert _found("Отношения были разорваны в 2011 года.", "ru") == [("2011 года", "2011")]


def test_russian_sreda_as_milieu_is_no_wednesday() -> None:
    assert _found("Это обсуждали в среде экспертов и защитники окружающей среды.", "ru") == []
    assert _found("Министры встретились в среду.", "ru") == [("среду", "2022-12-28")]


def test_russian_months_in_every_case() -> None:
    found = _found("В марте, 3 марта и в конце марта министры встречались.", "ru", dt.date(2022, 5, 1))
    assert [v for _, v in found] == ["2022-03", "2022-03-03", "2022-03"]


def test_arabic_tomorrow_inside_baghdad_is_no_date() -> None:
    assert _found("وصل الوزير إلى بغداد في زيارة رسمية.", "ar") == []


def test_arabic_one_of_and_general_are_no_dates() -> None:
    assert _found("قال أحد المسؤولين إن الأمين العام سيزور المنطقة.", "ar") == []
    assert _found("اجتمع الوزراء يوم الأحد.", "ar") == [("يوم الأحد", "2022-12-25")]


def test_arabic_eastern_digits_and_offsets_into_the_text_as_written() -> None:
    text = "اندلعت الأزمة في ١٢ ديسمبر ٢٠٢٢ في العاصمة."
    [(surface, value)] = _found(text, "ar")
    assert (surface, value) == ("١٢ ديسمبر ٢٠٢٢", "2022-12-12")
    [m] = find_dates(text, WED, language="ar")
    assert text[m.start : m.end] == surface


def test_arabic_vowel_marks_do_not_move_the_offsets() -> None:
    text = "وَصَلَ الوفدُ غدًا، ثم التقى الوزيرَ أمسِ الثلاثاء."
    found = find_dates(text, WED, language="ar")
    assert [(text[m.start : m.end], m.value) for m in found] == [("غدًا", "2022-12-29"), ("أمسِ الثلاثاء", "2022-12-27")]


def test_arabic_clitics_before_a_date_word() -> None:
    assert _found("وبالأمس أعلن الوزير استقالته.", "ar") == [("الأمس", "2022-12-27")]
    assert _found("خلال عامي 2021 و2022 تحسنت العلاقات.", "ar") == [("عامي 2021", "2021"), ("2022", "2022")]


def test_hijri_date_alone_is_its_umm_al_qura_day_and_beside_a_gregorian_one_is_left_out() -> None:
    assert _found("صدر البيان في ١٥ رمضان ١٤٤٤هـ في جدة.", "ar") == [("١٥ رمضان ١٤٤٤هـ", "2023-04-06")]
    assert _found("صدر في 15 رمضان 1444هـ الموافق 6 أبريل 2023م في جدة.", "ar") == [("6 أبريل 2023م", "2023-04-06")]


def test_a_weekday_before_a_hijri_date_beside_a_gregorian_one_goes_with_the_hijri_date() -> None:
    # One day written twice is one mention, the Gregorian one; the weekday does not make the Hijri day win.
    text = "عقدت القمة يوم الاثنين ٩ جمادى الأولى ١٤٤٦هـ الموافق ١١ نوفمبر ٢٠٢٤م في الرياض."
    assert _found(text, "ar", dt.date(2024, 11, 16)) == [("١١ نوفمبر ٢٠٢٤م", "2024-11-11")]
    alone = "عقدت القمة يوم الاثنين ٩ جمادى الأولى ١٤٤٦هـ في الرياض."
    assert _found(alone, "ar", dt.date(2024, 11, 16)) == [("يوم الاثنين ٩ جمادى الأولى ١٤٤٦هـ", "2024-11-11")]


def test_french_a_decembre_is_the_month_not_a_day() -> None:
    assert _found("La dernière rencontre remonte à décembre 2022.", "fr") == [("décembre 2022", "2022-12")]


@pytest.mark.parametrize(("lang", "text", "surface", "value"), [
    ("es", "La guerra empezó en 2014. En noviembre de ese año hubo negociaciones.", "noviembre de ese año", "2014-11"),
    ("fr", "La guerre a éclaté en 2014. En novembre de la même année, des pourparlers ont eu lieu.",
     "novembre de la même année", "2014-11"),
])
def test_a_month_of_that_year_takes_the_last_year_told(lang: str, text: str, surface: str, value: str) -> None:
    assert (surface, value) in _found(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    # "este año" / "cette année" is the publication's year (2022), never the last one told.
    ("es", "La guerra empezó en 2014. En noviembre de este año habrá negociaciones."),
    ("fr", "La guerre a éclaté en 2014. En novembre de cette année, des pourparlers s'ouvriront."),
])
def test_a_month_of_this_year_does_not_take_the_last_year_told(lang: str, text: str) -> None:
    assert not [value for _, value in _found(text, lang) if value.startswith("2014-")]


def test_spanish_last_year_and_russian_last_year_are_found() -> None:
    assert _found("El año pasado firmaron el acuerdo.", "es") == [("El año pasado", "2021")]
    assert _found("Договор подписали в прошлом году.", "ru") == [("в прошлом году", "2021")]


def test_brazilian_weekday_with_its_day_in_parentheses() -> None:
    # Published on Friday 14 April 2023: Saturday (15) is the next day, whatever the tense.
    assert _found("Lula visitou no sábado (15) a fábrica.", "pt", dt.date(2023, 4, 14)) == [("sábado (15)", "2023-04-15")]
    assert _found("Lula chegou na quinta-feira (13) a Pequim.", "pt", dt.date(2023, 4, 14)) == [
        ("quinta-feira (13)", "2023-04-13")]


# ---- the reading settings ---------------------------------------------------------------------


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


def test_inflection_gives_a_word_the_endings_of_its_class_and_reads_them_back(tmp_path: Path) -> None:
    _write(tmp_path, "inflection.txt", "ь => я | е\nй => я\n(?<=[тр]) => а | е\nый => ом | ого\n")
    reading = load_reading(tmp_path)
    assert reading.inflect("март") == "март(?:а|е)?"
    assert reading.inflect("прошлый") == "прошл(?:ого|ом|ый)"  # the longest ending speaks, not "й"
    assert "март" in reading.base_forms("марте")
    assert "январь" in reading.base_forms("январе")
    assert reading.inflect("[0-9]+") == "[0-9]+"  # a regex says its forms itself


def test_fold_maps_characters_and_offsets_back(tmp_path: Path) -> None:
    _write(tmp_path, "fold.txt", '"٢","2"\n"ً",""\n')
    reading = load_reading(tmp_path)
    folded, positions = reading.fold_text("aً٢b")
    assert folded == "a2b" and positions == [0, 2, 3, 4]
    assert reading.fold_text("a٢b") == ("a2b", None)


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("fold.txt", '"ab","c"\n', "one character"),
        ("proclitics.txt", "و1\n", "letters only"),
        ("inflection.txt", "ь я\n", "expected 'ending => other|endings'"),
        ("inflection.txt", "( => а\n", "invalid ending"),
    ],
)
def test_bad_reading_files_are_reported_with_path_and_line(tmp_path: Path, name: str, text: str, reason: str) -> None:
    _write(tmp_path, name, text)
    with pytest.raises(RulesError, match=rf"{name}:1: .*{reason}"):
        load_reading(tmp_path)


def test_a_language_folder_loads_on_its_own(tmp_path: Path) -> None:
    from timeline_app.paths import TEMPORAL
    import shutil

    shutil.copytree(TEMPORAL / "fr", tmp_path / "fr")
    rules = load_rules(tmp_path / "fr")
    assert rules.reading.fold  # the typographic apostrophe
    assert find_dates("Il est venu aujourd’hui.", WED, rules) [0].value == "2022-12-28"


@pytest.mark.parametrize(("lang", "text", "published", "expected"), [
    ("ru", "МИД Эстонии потребовало отъезда посла России до 7 февраля.", dt.date(2023, 1, 24), ("7 февраля", "2023-02-07")),
    ("pt", "Os ministros assinaram ontem um memorando que prolonga a missão até dezembro.", dt.date(2024, 2, 23),
     ("dezembro", "2024-12")),
    ("es", "El Gobierno exigió la salida del embajador hasta el 15 de enero.", dt.date(2024, 12, 20),
     ("el 15 de enero", "2025-01-15")),
    # Without a verb that sets a deadline, "до"/"até" in a sentence told in the past stay in the past.
    ("ru", "Посольство работало до 7 января.", dt.date(2023, 1, 24), ("7 января", "2023-01-07")),
    ("pt", "Os militares ficaram em Pemba até dezembro.", dt.date(2024, 2, 23), ("dezembro", "2023-12")),
])
def test_a_deadline_set_in_the_past_looks_ahead(lang: str, text: str, published: dt.date, expected: tuple[str, str]) -> None:
    assert expected in _found(text, lang, published)


@pytest.mark.parametrize(("text", "expected"), [
    ("Il a reçu le chargé d'affaires de la Sierra Leone après l'incident survenu le 14 mai.", ("le 14 mai", "2025-05-14")),
    ("Il a reçu M. Oliveira après l'incident survenu le 14 mai.", ("le 14 mai", "2025-05-14")),
    ("Le ministre se rendra le 14 mai à Freetown.", ("le 14 mai", "2026-05-14")),
])
def test_a_french_name_ending_like_a_future_verb_is_no_future(text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text, "fr", dt.date(2025, 5, 20))


@pytest.mark.parametrize(("text", "expected"), [
    ("Die beiden Minister eröffnen am Freitag in Berlin ein Wirtschaftsforum.", ("Freitag", "2024-10-18")),
    ("Die beiden Minister eröffneten am Freitag in Berlin ein Wirtschaftsforum.", ("Freitag", "2024-10-11")),
])
def test_german_opening_in_the_present_is_a_scheduled_event(text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text, "de", dt.date(2024, 10, 16))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El presidente recibió hoy a Lacalle Pou en su última visita antes del traspaso de mando del 1 de marzo.",
     ("1 de marzo", "2025-03-01")),
    ("es", "El presidente recibió hoy a Lacalle Pou, después del traspaso de mando del 1 de marzo.", ("1 de marzo", "2024-03-01")),
    ("pt", "O presidente recebeu ontem o chanceler, antes da posse de 1º de março.", ("1º de março", "2025-03-01")),
    ("pt", "O presidente recebeu ontem o chanceler, depois da posse de 1º de março.", ("1º de março", "2024-03-01")),
])
def test_an_event_named_as_still_ahead_dates_forward(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text, lang, dt.date(2025, 1, 29))


@pytest.mark.parametrize(("text", "expected"), [
    ("Договор президенты двух стран подпишут в марте, сообщил глава ГКНБ.", ("марте", "2025-03")),
    ("Договор президенты двух стран подписали в марте, сообщил глава ГКНБ.", ("марте", "2024-03")),
])
def test_an_attribution_after_the_comma_does_not_turn_a_plan_into_the_past(text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text, "ru", dt.date(2025, 2, 14))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "La commission se réunira au second semestre de cette année.", ("second semestre de cette année", "2024-H2")),
    ("de", "Die Kommission tagt im vierten Quartal dieses Jahres.", ("vierten Quartal dieses Jahres", "2024-Q4")),
    ("ru", "Комиссия соберется в третьем квартале 2025 года.", ("третьем квартале 2025 года", "2025-Q3")),
    ("ar", "وستنعقد اللجنة في الربع الأخير من العام الجاري.", ("الربع الأخير من العام الجاري", "2024-Q4")),
])
def test_a_half_or_quarter_of_this_year_is_one_mention_of_the_publication_year(lang: str, text: str,
                                                                               expected: tuple[str, str]) -> None:
    assert _found(text, lang, dt.date(2024, 3, 27)) == [expected]


def test_a_half_of_that_year_is_not_read_as_of_the_publication_year() -> None:
    # "cette année-là" is another year: the half is not this year's (the anaphora rules read "cette année-là").
    found = _found("En 2019, la commission s'était réunie au second semestre de cette année-là.", "fr", dt.date(2024, 3, 27))
    assert ("second semestre de cette année", "2024-H2") not in found
    assert all(not surface.endswith("de cette année") for surface, _value in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Rwanda accueille mardi un sommet des chefs d'État de la région.", ("mardi", "2024-01-16")),
    ("Le Rwanda a accueilli mardi un sommet des chefs d'État de la région.", ("mardi", "2024-01-09")),
])
def test_french_hosting_in_the_present_is_a_scheduled_event(text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text, "fr", dt.date(2024, 1, 13))


@pytest.mark.parametrize(("lang", "text", "surface"), [
    ("fr", "La guerre a éclaté en 2014. Le lendemain, les troupes sont entrées dans la ville.", "Le lendemain"),
    ("ru", "Война началась в 2014 году. Накануне войска вошли в город.", "Накануне"),
    ("pt", "A guerra começou em 2014. No dia seguinte, as tropas entraram na cidade.", "dia seguinte"),
])
def test_a_day_after_or_before_only_a_year_makes_up_no_day(lang: str, text: str, surface: str) -> None:
    # "Le lendemain" counts from the last day told; after a year alone that day is unknown, and
    # neither the year nor a day of the publication month is given for it.
    assert all(found != surface for found, _value in _found(text, lang, dt.date(2024, 12, 2)))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # An anchor after an agreement is an earlier event's day (cues/promise_anchor.txt), not a day agreed on.
    ("fr", "Les deux pays sont convenus de rouvrir leurs ambassades, deux semaines après un appel du 7 juillet.",
     ("7 juillet", "2024-07-07")),
    ("es", "Ambos países acordaron reabrir sus embajadas, dos semanas después de una llamada el 7 de julio.",
     ("el 7 de julio", "2024-07-07")),
    ("pt", "Ambos os países acordaram reabrir as embaixadas, duas semanas após um telefonema em 7 de julho.",
     ("7 de julho", "2024-07-07")),
    # Without the anchor, what is agreed is ahead of the agreement.
    ("fr", "Les deux ministres ont convenu de poursuivre les discussions le 7 juillet.", ("le 7 juillet", "2025-07-07")),
    ("es", "Los cancilleres acordaron reanudar el diálogo el 7 de julio.", ("el 7 de julio", "2025-07-07")),
    ("pt", "Os chanceleres acordaram retomar o diálogo em 7 de julho.", ("7 de julho", "2025-07-07")),
])
def test_an_anchor_after_an_agreement_keeps_its_earlier_day(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert _found(text, lang, dt.date(2024, 12, 4)) == [expected]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # "no dia 23" alone is a day of the month (rules day_of_month); with its month it is that date, and a
    # count of days ("dia 23 e 24", "dia 2º") or a number that goes on ("dia 23/11") is no day of its own.
    ("pt", "O embaixador foi convocado no dia 23 de novembro.", [("23 de novembro", "2022-11-23")]),
    ("es", "El embajador fue convocado el día 23 de noviembre.", [("23 de noviembre", "2022-11-23")]),
    ("pt", "O embaixador foi convocado no dia 23/11.", []),
    ("pt", "A reunião começou no dia 20 de dezembro e terminou no dia 23.", [("20 de dezembro", "2022-12-20"),
                                                                               ("dia 23", "2022-12-23")]),
    ("pt", "Ele não disse que dia 23 seria feriado.", []),
])
def test_a_day_of_the_month_alone_after_its_article(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text, lang) == expected
