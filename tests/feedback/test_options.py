"""`extra.course.feedback` in mkdocs.yml: the endpoint the form uses and where `course serve` keeps
feedback, validated by `course check` with the line and the fix."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from helpers import REPO, line_of

from build_tools.config import load_config
from build_tools.feedback.options import database_url as choose_database
from build_tools.model import load_course
from build_tools.site.pages import write_generated_docs


def set_feedback(course, text: str) -> None:
    path = course / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8") + "    feedback:\n" + text, encoding="utf-8")


def form_config(course, tmp_path, lang="el") -> dict:
    docs = tmp_path / "docs"
    write_generated_docs(load_course(course), docs)
    page = (docs / lang / "95-feedback.md").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="course-feedback-config">(.*?)</script>', page)
    return json.loads(found.group(1))


def test_the_default_endpoint_is_the_service(fixture_course, tmp_path):
    config = form_config(fixture_course, tmp_path)
    assert config["endpoint"] == "/api/feedback"
    assert config["lang"] == "el"
    assert config["pages"]["01-basics"] == {"lesson": "basics", "title": "Βασικές αρχές"}
    assert config["messages"]["thanks"].startswith("Ευχαριστούμε")


@pytest.mark.parametrize("endpoint", ["mailto:trainer@example.org", "https://feedback.example.org/api/feedback",
                                      "/course/api/feedback"])
def test_a_configured_endpoint_reaches_the_form(fixture_course, tmp_path, endpoint):
    set_feedback(fixture_course, f"      endpoint: {endpoint}\n")
    assert form_config(fixture_course, tmp_path, "pl")["endpoint"] == endpoint


@pytest.mark.parametrize("endpoint", ["ftp://files.example.org/x", "api/feedback", "mailto:nobody", "https://"])
def test_course_check_refuses_an_endpoint_it_cannot_send_to(fixture_course, endpoint):
    set_feedback(fixture_course, f"      endpoint: {endpoint}\n")
    result = subprocess.run([sys.executable, "-m", "build_tools.cli", "-C", str(fixture_course), "check", "-q"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1
    line = line_of(fixture_course / "mkdocs.yml", f"endpoint: {endpoint}")
    assert f"mkdocs.yml:{line}: extra.course.feedback.endpoint: {endpoint!r} is not a place to send feedback — " \
           "use a path on this site (/api/feedback), a service URL (https://feedback.example.org/api/feedback) " \
           "or mailto:trainer@example.org" in result.stdout


def test_unknown_feedback_option_is_named(fixture_course):
    set_feedback(fixture_course, "      endpiont: /api/feedback\n")
    result = subprocess.run([sys.executable, "-m", "build_tools.cli", "-C", str(fixture_course), "check", "-q"],
                            cwd=REPO, capture_output=True, text=True)
    assert "unknown option extra.course.feedback.endpiont — valid options are: database, endpoint" in result.stdout


def test_which_database_is_used(fixture_course, monkeypatch, tmp_path):
    config = load_config(fixture_course)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert choose_database(config) == f"sqlite:///{fixture_course / 'feedback.sqlite3'}"
    set_feedback(fixture_course, "      database: var/learners.sqlite3\n")
    config = load_config(fixture_course)
    assert choose_database(config) == f"sqlite:///{fixture_course / 'var/learners.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db.example/feedback")
    assert choose_database(config) == "postgresql://u@db.example/feedback"
    assert choose_database(config, db=tmp_path / "x.sqlite3") == f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert choose_database(config, db=tmp_path / "x.sqlite3", url="postgres://other/db") == "postgres://other/db"
