"""Words that stand for a statement's issuer ("we", "the Secretary", "member states") as mentions of its state or body."""

from __future__ import annotations

from dataclasses import replace

from timeline_app.core.extract.actors import Doc
from timeline_app.core.extract.issuer_words import in_quotation, opens_statement
from timeline_app.core.extract.language_lexicon import LanguageLexicon
from timeline_app.core.extract.lexicon import END, Lexicon
from timeline_app.core.models import EntityKind, EntityMention, EntityRole, issuer_codes

# Words of the office lists that also join phrases: "NATO and Stoltenberg" names no office.
JOINERS = frozenset({"and", "or", "of", "the", "for", "to", "in", "on", "at", "with"})


def issuer_mention(doc: Doc, i: int, last: int, what: str, lexicon: Lexicon | LanguageLexicon) -> EntityMention | None:
    """"we", "the Secretary", "member states" ...: the issuer (or its members), when the text has one;
    the first state of a joint statement's issuers (co_issuers adds the others)."""
    issuer = doc.issuer
    keys, n = doc.keys, len(doc.keys)
    if not issuer:
        return None
    if what == "speaker" and in_quotation(doc.text, doc.starts[i]):
        return None  # "the ministers state: "We will open our borders"": the speaker's, not the issuer's
    if what == "opening" and not opens_statement(doc.text, doc.starts[i]):
        return None  # "President Ruto ... the President thanked": another state's, as often as its own
    codes = issuer_codes(issuer)
    if len(codes) > 1:
        states = [c for c in codes if c in lexicon.countries]
        if not states or what != "speaker":
            return None  # "the Minister" of a joint statement is one of its states: which, it does not say
        issuer = states[0]
    if doc.matched_end >= 0 and doc.text[doc.matched_end : doc.starts[i]].strip() in ("", "'s", "\u2019s") \
            and "\n" not in doc.text[doc.matched_end : doc.starts[i]]:
        return None  # "the Chinese Foreign Ministry", "Benin's Minister": the office of the name before it
    if last + 2 < n and keys[last + 1] == "of" and doc.joined(last, last + 1):
        # "the Ministry of Defence of Benin" is Benin's, "the Department of the Treasury" a name of its
        # own: a name in the office's name.
        for k in range(last + 2, min(n, last + 8)):
            if not doc.joined(k - 1, k) or not (doc.surfaces[k][:1].isupper() or keys[k] in JOINERS):
                break
            if doc.surfaces[k][:1].isupper() and any(v.kind != "person" for v in lexicon.trie.get(keys[k], {}).get(END, ())):
                return None
    start, end = doc.starts[i], doc.ends[last]
    if issuer in lexicon.countries:
        if what in ("members", "organisation"):
            return None
        return EntityMention(start, end, doc.text[start:end], issuer, EntityKind.COUNTRY, EntityRole.ACTOR, lexicon.countries[issuer])
    if what == "members":
        if issuer not in lexicon.groups.groups():
            return None
        return EntityMention(start, end, doc.text[start:end], issuer, EntityKind.GROUP, EntityRole.ACTOR, issuer)
    return EntityMention(start, end, doc.text[start:end], issuer, EntityKind.ORGANIZATION, EntityRole.ACTOR,
                         lexicon.organizations.get(issuer, issuer))


def co_issuers(doc: Doc, mention: EntityMention, countries: dict[str, str]) -> list[EntityMention]:
    """The other states of a joint statement's issuers, at the span of the word that stands for them all."""
    states = [c for c in issuer_codes(doc.issuer) if c in countries]
    if len(states) < 2 or mention.kind is not EntityKind.COUNTRY or mention.code != states[0]:
        return []
    return [replace(mention, code=c, name=countries[c]) for c in states[1:]]
