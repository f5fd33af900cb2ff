"""Arabic honorifics with a fused pronoun ("سموه", "دولته", "سيادته") stand for the person last named with that title."""

from __future__ import annotations

import datetime as dt

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.honorifics import HonorificReference
from timeline_app.core.models import EntityKind, EntityMention, EntityRole

DAY = dt.date(2024, 9, 10)


def parties(text: str, surface: str, value: str) -> tuple[str, ...]:
    [m] = extract_event_mentions(text, [date_at(text, surface, value)], None, DAY, language="ar")
    return m.countries


def test_his_highness_is_the_person_titled_so_before_not_the_last_person_named() -> None:
    text = ("التقى سمو الشيخ محمد بن زايد رئيس دولة الإمارات العربية المتحدة رئيس وزراء الهند ناريندرا مودي في أبوظبي. "
            "واستقبل وزير التجارة الهندي بيوش غويال الوفد. وكان سموه قد وصل إلى نيودلهي أمس.")
    assert parties(text, "أمس", "2024-09-09") == ("ARE", "IND")  # the visitor and his host; not the minister alone


def test_his_excellency_after_mister_president_is_the_president() -> None:
    text = ("عاد السيد الرئيس عبد الفتاح السيسي إلى القاهرة اليوم. وكان سيادته قد استقبل الرئيس رجب طيب أردوغان أمس في أنقرة.")
    assert set(parties(text, "أمس", "2024-09-09")) == {"EGY", "TUR"}


def _entity(text: str, surface: str, code: str) -> EntityMention:
    start = text.index(surface)
    return EntityMention(start, start + len(surface), surface, code, EntityKind.PERSON, EntityRole.ACTOR)


def test_an_honorific_refers_to_nobody_without_its_title_before_it_or_in_a_language_without_the_words() -> None:
    text = "واستقبل وزير التجارة الهندي بيوش غويال الوفد. وكان سموه قد وصل إلى نيودلهي أمس."
    people = [_entity(text, "بيوش غويال", "IND")]
    arabic = HonorificReference(CameoTable.for_language("ar").words)
    assert arabic.states(text, (0, len(text)), people, [e.start for e in people]) == frozenset()
    titled = "التقى سمو الشيخ بيوش غويال الوفد. وكان سموه قد وصل أمس."
    people = [_entity(titled, "بيوش غويال", "IND")]
    assert arabic.states(titled, (titled.index("وكان"), len(titled)), people, [e.start for e in people]) == {"IND"}
    portuguese = HonorificReference(CameoTable.for_language("pt").words)
    assert portuguese.states(titled, (0, len(titled)), people, [e.start for e in people]) == frozenset()
