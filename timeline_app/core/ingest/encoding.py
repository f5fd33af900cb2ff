"""Bytes to text: byte-order marks, UTF-16 without a mark, UTF-8, legacy code pages (never UTF-7), "\\n" line ends."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections import Counter

from timeline_app.errors import InputError

log = logging.getLogger(__name__)

# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels that browsers read as windows-1252 (WHATWG Encoding Standard): pages that declare
# ISO-8859-1 are in practice cp1252, and Python's latin-1 would turn their quotes into controls.
_WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1"})

# High bytes that UTF-16 text in one script shows: zero, its block's, and one for punctuation (0x20: dashes, quotes).
_SCRIPT_HIGH_BYTES = 3

_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_OTHER_LINE_ENDS = ("\r", "\u2028", "\u2029", "\x85")
# Control characters that never occur in text people write (tab, line ends and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start of `data`, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when `data` looks like UTF-16 without a mark, in any script."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.6 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.6 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    for codec, high in (("utf-16-le", odd), ("utf-16-be", even)):
        if _one_script(high, half) and _reads_as_text(sample, codec):
            return codec
    return None


def _one_script(high: bytes, half: int) -> bool:
    """True when the high bytes of UTF-16 code units are those of text in one script: zero for its spaces,
    digits and punctuation, and its block's byte (0x04 Cyrillic, 0x06 Arabic) for its letters."""
    common = Counter(high).most_common(_SCRIPT_HIGH_BYTES)
    return high.count(0) >= 0.05 * half and sum(n for _, n in common) >= 0.95 * half


def _reads_as_text(sample: bytes, codec: str) -> bool:
    """True when `sample` decodes in `codec` to printable text (line ends and tabs allowed)."""
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
    return printable >= 0.98 * len(text)


def normalise_newlines(text: str) -> str:
    """Every line end ("\\r\\n", "\\r", Unicode separators) as "\\n"."""
    if not any(end in text for end in _OTHER_LINE_ENDS):  # most texts: four scans, not a substitution
        return text
    return _LINE_ENDS.sub("\n", text)


def is_utf7(label: str) -> bool:
    """True for a label of UTF-7, which no reader should honour: it turns plain ASCII into other text."""
    try:
        return codecs.lookup(label.strip().strip("\"'")).name == "utf-7"
    except LookupError:
        return False


def _canonical(label: str) -> str | None:
    """Python's codec name for an encoding label, windows-1252 for Latin-1 labels; None if unknown.

    UTF-7 (WHATWG lists no such label: a page declaring it could hide its text behind "+...-"
    runs) and codecs that are no text encodings (base64, rot13 ...) count as unknown.
    """
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
        b"  ".decode(name)  # LookupError for base64, rot13, hex: bytes-to-bytes or str-to-str codecs
    except LookupError:
        return None
    except UnicodeDecodeError:
        pass  # a text encoding that has no two spaces in two bytes (UTF-32): fine
    return None if name == "utf-7" else name


def _looks_western(text: str) -> bool:
    """True when cp1252-decoded text reads like a Western European language, not mis-decoded bytes.

    Text in another code page decoded as cp1252 gives either whole words of accented letters
    (Cyrillic, Greek) or symbols inside words ("Z\u00b3rich", "wi\u00b9zanie"); real Western text has
    few non-ASCII letters, each inside an otherwise ASCII word.
    """
    letters = 0
    non_ascii_letters = 0
    for i, ch in enumerate(text):
        if ch.isalpha():
            letters += 1
            if ord(ch) > 127:
                non_ascii_letters += 1
        elif ord(ch) > 127 and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            if unicodedata.category(ch) not in ("Pd", "Pf", "Pi"):  # hyphens and apostrophes are fine
                return False
    return letters > 0 and non_ascii_letters <= 0.3 * letters


def _decode_legacy(data: bytes) -> str | None:
    """Decode bytes that are neither UTF-8 nor UTF-16; None when no encoding fits."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western[:200_000]):
        return western
    # Imported here, for the few texts neither UTF-8 nor Western: it was 15-40 ms of every start of
    # the window, which imports this module (through core.ingest) and reads no file itself.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        log.debug("charset-normalizer chose %s", best.encoding)
        return str(best)
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data` to text with "\\n" line ends; raise InputError when it is not text.

    Order: byte-order mark, UTF-16 without a mark (by its NUL bytes), the encoding the container
    declared (HTTP header, HTML meta; never UTF-7), UTF-8, then Western cp1252 when it reads as
    such, then charset-normalizer.
    """
    text: str | None = None
    bom = bom_encoding(data)
    if bom:
        try:
            text = data.decode(bom).lstrip("\ufeff")
        except UnicodeDecodeError as e:
            raise InputError(f"undecodable text: it starts with a {bom.upper()} mark but is not valid {bom.upper()}") from e
    # Before UTF-8: ASCII text in UTF-16 is valid UTF-8 too, with a NUL every other byte.
    utf16 = None if bom else utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
    if text is None and declared:
        codec = _canonical(declared)
        if codec and not codec.startswith(("utf-8", "utf-16", "utf-32")) and not data.isascii():
            # Bytes that are valid UTF-8 beyond ASCII are UTF-8 whatever the page says: a page saved or
            # served with a stale "iso-8859-1" or "windows-1251" would otherwise read "Ã©" and "Ð¿".
            try:
                text = data.decode("utf-8")
                log.debug("declared encoding %s, but the bytes are UTF-8: read as UTF-8", declared)
            except UnicodeDecodeError:
                pass
        if codec and text is None:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                log.debug("declared encoding %s does not fit the bytes; detecting", declared)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if text is None:
        text = _decode_legacy(data)
    if text is None:
        raise InputError("undecodable text: not UTF-8, UTF-16 or a recognisable legacy encoding")
    text = normalise_newlines(text)
    controls = len(_CONTROL.findall(text, 0, 100_000))
    if controls > max(2, len(text[:100_000]) // 100):
        raise InputError("undecodable text: the decoded text is full of control characters")
    return text
