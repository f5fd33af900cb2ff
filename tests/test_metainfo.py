"""The Linux desktop files as a software centre and a packager read them: one reverse-DNS id everywhere,
AppStream's rules for the metainfo (appstreamcli's own check too where it is installed), the library MIME type."""

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from timeline_app import __version__, desktop, paths
from timeline_app.core.library.opening import APPLICATION_ID, LIBRARY_SUFFIX

LINUX = paths.LINUX_DESKTOP
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
# AppStream's component id for a desktop application: a reverse domain name of at least three parts,
# each starting with a letter or "_" (cid-has-number-prefix), no "-" (cid-contains-hyphen), the
# top-level domain in lower case (cid-domain-not-lowercase).
RDNS = re.compile(r"^[a-z][a-z0-9]*(\.[A-Za-z_][A-Za-z0-9_]*){2,}$")
# The metadata licences appstreamcli accepts (metadata-license-invalid otherwise).
METADATA_LICENSES = {"FSFAP", "MIT", "0BSD", "CC0-1.0", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
                     "GFDL-1.1", "GFDL-1.2", "GFDL-1.3", "BSL-1.0", "FTL", "FSFUL"}


def metainfo_problems(path: Path) -> list[str]:
    """What appstreamcli validate would report as errors or warnings, for the rules that matter here."""
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != "component" or root.get("type") != "desktop-application":
        problems.append("the root is not <component type=\"desktop-application\">")
    cid = root.findtext("id", "")
    if not RDNS.match(cid):
        problems.append(f"component id {cid!r} is not a reverse domain name (cid-desktopapp-is-not-rdns)")
    if path.name != f"{cid}.metainfo.xml":
        problems.append(f"file name {path.name} is not <id>.metainfo.xml")
    for tag in ("id", "name", "summary", "metadata_license", "description"):
        if root.find(tag) is None:
            problems.append(f"<{tag}> is missing (tag-missing)")
    if root.findtext("metadata_license") not in METADATA_LICENSES:
        problems.append(f"metadata licence {root.findtext('metadata_license')!r} is not a permissive one")
    summary = root.findtext("summary", "")
    if summary.endswith(".") or len(summary) > 100:
        problems.append("the summary ends with a full stop or is too long")
    description = root.find("description")
    if description is not None and (not len(description) or description[0].tag != "p"):
        problems.append("the description does not start with a paragraph")
    launchables = [e.text for e in root.findall("launchable") if e.get("type") == "desktop-id"]
    if launchables != [f"{cid}.desktop"]:
        problems.append(f"launchable {launchables} is not the desktop entry {cid}.desktop")
    elif not (path.parent / launchables[0]).is_file():
        problems.append(f"the launchable {launchables[0]} is not beside the metainfo file")
    if not root.findtext("developer/name", "").strip():
        problems.append("no developer is named (AppStream 1.0: developer-info-missing)")
    if root.find("content_rating") is None:
        problems.append("<content_rating> is missing (content-rating-missing)")
    if not root.findall("releases/release"):
        problems.append("no release is listed (releases-info-missing)")
    return problems


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_the_metainfo_passes_appstreams_rules() -> None:
    assert metainfo_problems(LINUX / f"{desktop.APP_ID}.metainfo.xml") == []


def test_the_rules_catch_the_id_and_launchable_that_the_metainfo_had(tmp_path) -> None:
    # As it was before the id became reverse-DNS: appstreamcli warned cid-desktopapp-is-not-rdns.
    text = (LINUX / f"{desktop.APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    old = tmp_path / "diplomatic-timeline.metainfo.xml"
    old.write_text(text.replace(desktop.APP_ID, "diplomatic-timeline"), encoding="utf-8")
    (tmp_path / "diplomatic-timeline.desktop").touch()
    assert metainfo_problems(old) == ["component id 'diplomatic-timeline' is not a reverse domain name "
                                      "(cid-desktopapp-is-not-rdns)"]
    mismatched = tmp_path / f"{desktop.APP_ID}.metainfo.xml"
    mismatched.write_text(text.replace(f">{desktop.APP_ID}.desktop<", ">diplomatic-timeline.desktop<")
                          .replace("<releases>", "<!--").replace("</releases>", "-->")
                          .replace("<developer ", "<!--").replace("</developer>", "-->"), encoding="utf-8")
    assert metainfo_problems(mismatched) == [
        f"launchable ['diplomatic-timeline.desktop'] is not the desktop entry {desktop.APP_ID}.desktop",
        "no developer is named (AppStream 1.0: developer-info-missing)",
        "no release is listed (releases-info-missing)"]


def test_the_release_listed_is_this_version() -> None:
    root = ET.parse(LINUX / f"{desktop.APP_ID}.metainfo.xml").getroot()
    assert root.find("releases/release").get("version") == __version__


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream (appstreamcli) not installed")
def test_appstreamcli_validates_the_metainfo() -> None:
    out = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{desktop.APP_ID}.metainfo.xml")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr


def test_one_id_names_the_entry_the_icon_and_the_metainfo() -> None:
    assert RDNS.match(desktop.APP_ID)
    names = sorted(p.name for p in LINUX.iterdir())
    assert names == [f"{desktop.APP_ID}.desktop", f"{desktop.APP_ID}.metainfo.xml", f"{desktop.APP_ID}.mime.xml"]
    entry = read_entry(LINUX / f"{desktop.APP_ID}.desktop")
    assert entry["Icon"] == desktop.APP_ID
    assert (paths.ICONS / f"{desktop.APP_ID}.svg").is_file()
    assert sorted(p.name for p in paths.ICONS.iterdir() if not p.name.startswith(desktop.APP_ID)) == []
    root = ET.parse(LINUX / f"{desktop.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("icon") == desktop.APP_ID


def test_the_entry_offers_the_library_type_that_the_mime_file_defines() -> None:
    entry = read_entry(LINUX / f"{desktop.APP_ID}.desktop")
    assert desktop.LIBRARY_MIME_TYPE in entry["MimeType"].split(";")
    root = ET.parse(LINUX / f"{desktop.APP_ID}.mime.xml").getroot()
    (mime,) = root.findall("m:mime-type", MIME_NS)
    assert mime.get("type") == desktop.LIBRARY_MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", MIME_NS)] == [f"*{LIBRARY_SUFFIX}"]
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/vnd.sqlite3"
    # The magic is SQLite's header AND the app's application_id: other SQLite files stay SQLite files.
    (outer,) = mime.findall("m:magic/m:match", MIME_NS)
    assert (outer.get("offset"), outer.get("value")) == ("0", "SQLite format 3\\000")
    (inner,) = outer.findall("m:match", MIME_NS)
    assert (inner.get("type"), inner.get("offset"), int(inner.get("value"), 16)) == ("big32", "68", APPLICATION_ID)
    provides = ET.parse(LINUX / f"{desktop.APP_ID}.metainfo.xml").getroot().findall("provides/mediatype")
    assert [p.text for p in provides] == [desktop.LIBRARY_MIME_TYPE]


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_the_mime_database_takes_the_library_type(tmp_path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(LINUX / f"{desktop.APP_ID}.mime.xml", packages / f"{desktop.APP_ID}.xml")
    out = subprocess.run(["update-mime-database", str(tmp_path / "mime")], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0 and "Error" not in out.stderr, out.stderr
    assert f"{desktop.LIBRARY_MIME_TYPE}:*{LIBRARY_SUFFIX}" in (tmp_path / "mime" / "globs2").read_text()
    assert (tmp_path / "mime" / "application" / "x-diplomatic-timeline-library.xml").is_file()
