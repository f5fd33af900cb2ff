"""Minimal PDF files written as bytes for the tests: pages of lines of text in Helvetica, an Info dictionary."""

from __future__ import annotations

_PAGE_HEIGHT = 842  # A4, in points
_TOP = 800
_LEADING = 14


def _literal(text: str) -> bytes:
    """A PDF string literal of Latin-1 text, its parentheses and backslashes escaped."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def _content(lines: list[str]) -> bytes:
    """A content stream that shows each line below the one before, from the top of the page; "" leaves a gap."""
    ops = [b"BT", b"/F1 11 Tf", f"72 {_TOP} Td".encode(), f"{_LEADING} TL".encode()]
    for i, line in enumerate(lines):
        if i:
            ops.append(b"T*")
        if line:
            ops.append(_literal(line) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops)


def pdf_bytes(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A PDF whose pages show `pages`' lines of text (a page of no lines has no text layer) and whose
    Info dictionary holds `info` ({"Title": ..., "CreationDate": "D:20210303120000Z"})."""
    objects: list[bytes] = []  # objects[i] is object number i + 1
    n_pages = len(pages)
    first_page = 4  # 1 catalog, 2 page tree, 3 font, then a page and its content stream each
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        content = _content(lines) if lines else b"0 0 m 100 100 l S"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 {_PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {first_page + 2 * i + 1} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    trailer_info = b""
    if info:
        entries = b" ".join(f"/{key} ".encode() + _literal(value) for key, value in info.items())
        objects.append(b"<< " + entries + b" >>")
        trailer_info = f" /Info {len(objects)} 0 R".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R".encode() + trailer_info + b" >>\n"
    out += f"startxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)
