"""The Nu HTML Checker (npm vnu-jar, run with Debian's Java) over every built page of the real
course, in every language: no errors. One run over the whole site folder (Java starts once)."""
import json
import shutil
import subprocess

import pytest

from helpers import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(folder) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the Nu HTML Checker needs Java and node_modules/vnu-jar: run 'make test' (it installs both)")
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(folder)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or "{}").get("messages", [])


def test_every_page_of_every_language_passes_the_nu_html_checker(built_course):
    site = built_course / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50 and any(p.parent.name == "el" for p in pages)
    errors = [m for m in run_vnu(site) if m.get("type") == "error"]
    described = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in errors[:20]]
    assert errors == [], "\n".join(described)


def test_offline_pack_pages_pass_the_nu_html_checker(built_course, tmp_path):
    """The pack's pages are the site's with the language menu cut out: still valid HTML."""
    import zipfile

    from build_tools.trainer_packs.names import pack_file

    with zipfile.ZipFile(built_course / "dist" / "ru" / pack_file("offline-site", "ru")) as archive:
        archive.extractall(tmp_path)
    assert (tmp_path / "ru" / "index.html").is_file()
    errors = [m for m in run_vnu(tmp_path) if m.get("type") == "error"]
    assert errors == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in errors[:20])
