"""Minimal Word (.docx) files written with zipfile for the tests: styled paragraphs, a table, core properties."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
# Word's own style names are English whatever the language; the ids are translated (German: "berschrift1").
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>'
    '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Standard"><w:name w:val="Normal"/></w:style></w:styles>'
)


def paragraph(text: str, style: str = "") -> str:
    """A w:p of one run; "\\t" and "\\n" in `text` as Word's tab and line break."""
    runs = []
    for i, line in enumerate(text.split("\n")):
        if i:
            runs.append("<w:br/>")
        runs.append("<w:tab/>".join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in line.split("\t")))
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r>{''.join(runs)}</w:r></w:p>"


def table(rows: list[list[str]]) -> str:
    """A w:tbl whose cells each hold one paragraph."""
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{paragraph(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def docx_bytes(body: list[str], *, title: str | None = None, created: str | None = None,
               document_xml: str | None = None) -> bytes:
    """A .docx whose body is the w:p and w:tbl elements `body` (paragraph() and table() write them), with a
    core title and creation time ("2021-03-03T09:00:00Z") when given; `document_xml` replaces the whole part."""
    document = document_xml or (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
        + "".join(body) + "</w:body></w:document>"
    )
    core = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">')
    if title is not None:
        core += f"<dc:title>{escape(title)}</dc:title>"
    if created is not None:
        core += f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
    core += "</cp:coreProperties>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", _STYLES)
        z.writestr("docProps/core.xml", core)
    return out.getvalue()
