"""Fetch an article or feed URL: http and https only, with a time-out, a size cap and few redirects."""

from __future__ import annotations

import logging
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException
from typing import IO

from timeline_app import __version__
from timeline_app.core.ingest.detect import detect, extension
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.ingest.limits import Limits, describe_size
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

USER_AGENT = f"DiplomaticTimeline/{__version__} (news article reader; Python urllib)"
ALLOWED_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_CONTENT_KINDS = {
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "application/rss+xml": Kind.FEED,
    "application/atom+xml": Kind.FEED,
    "application/rdf+xml": Kind.FEED,
    "application/feed+json": Kind.JSON,
    "application/json": Kind.JSON,
    "application/x-ndjson": Kind.JSONL,
    "application/jsonl": Kind.JSONL,
    "text/csv": Kind.CSV,
    "text/tab-separated-values": Kind.TSV,
    "text/plain": Kind.TEXT,
    "text/markdown": Kind.TEXT,
    "application/zip": Kind.ZIP,
}


@dataclass(frozen=True)
class Page:
    """A downloaded document."""

    data: bytes
    final_url: str  # after redirects
    content_type: str
    charset: str | None
    kind: Kind


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most `limit` redirects, and only to http or https."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.max_redirections = limit
        self.max_repeats = min(self.max_repeats, limit)

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Message
    ) -> object:
        target = headers.get("Location") or headers.get("URI") or ""
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, target)).scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            fp.close()
            raise InputError(f"redirected to a {scheme}: URL, which is not fetched (only http and https)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def check_url(url: str) -> str:
    """The URL, stripped, if it is an http or https URL with a host; InputError otherwise."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise InputError(f"only http and https URLs can be opened, not {parts.scheme or 'this'}: URLs")
    if not parts.hostname:
        raise InputError("not a valid URL: it names no host")
    return url


def _opener(limits: Limits) -> urllib.request.OpenerDirector:
    # Built by hand rather than with build_opener, which would also add file:, ftp: and data: handlers.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _LimitedRedirects(limits.max_redirects),
    ):
        opener.add_handler(handler)
    return opener


def _kind(content_type: str, url: str, head: bytes) -> Kind:
    """The reader for a download: the content sniffed, then its declared type, then its URL's extension."""
    sniffed = detect(urllib.parse.urlsplit(url).path, head)  # raises for binary content
    if sniffed in (Kind.HTML, Kind.FEED, Kind.ZIP):
        return sniffed
    declared = _CONTENT_KINDS.get(content_type)
    if declared is None and content_type in ("application/xml", "text/xml"):
        declared = Kind.FEED
    if declared is not None and not (declared is Kind.TEXT and extension(urllib.parse.urlsplit(url).path)):
        return declared
    return sniffed


def _connect_problem(reason: object, host: str | None) -> str:
    """Why a connection failed, in words: the resolver's and the socket's ("[Errno -2] Name or service
    not known") said nothing a user could act on."""
    if isinstance(reason, socket.gaierror):
        return f"no server named {host} was found; check the address and the network connection"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection; the address or its port may be wrong"
    return str(reason)


def fetch(url: str, limits: Limits) -> Page:
    """Download `url`; raises InputError with a reason a user understands when it cannot."""
    url = check_url(url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    deadline = time.monotonic() + 3 * limits.timeout_seconds
    cap = limits.max_download_bytes
    try:
        with _opener(limits).open(request, timeout=limits.timeout_seconds) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length", "")
            if length.isdigit() and int(length) > cap:
                raise InputError(f"download larger than {describe_size(cap)}: refused")
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    raise InputError(f"download larger than {describe_size(cap)}: refused")
                if time.monotonic() > deadline:
                    raise InputError(f"download took longer than {3 * limits.timeout_seconds:g} seconds: stopped")
                chunks.append(chunk)
            final_url = response.geturl()
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:
            raise InputError(f"too many redirects (more than {limits.max_redirects})") from e
        raise InputError(f"the server answered HTTP {e.code} {e.reason}") from e
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(f"no answer within {limits.timeout_seconds:g} seconds") from e
        host = urllib.parse.urlsplit(url).hostname
        raise InputError(f"could not connect: {_connect_problem(reason, host)}") from e
    except (socket.timeout, TimeoutError) as e:
        raise InputError(f"no answer within {limits.timeout_seconds:g} seconds") from e
    except (HTTPException, OSError, ValueError) as e:
        raise InputError(f"download failed: {e}") from e
    data = b"".join(chunks)
    if not data:
        raise InputError("the server sent an empty page")
    content_type = headers.get_content_type()
    log.info("fetched %s (%s, %s)", final_url, content_type, describe_size(len(data)))
    return Page(data, final_url, content_type, headers.get_content_charset(), _kind(content_type, final_url, data[:8192]))
