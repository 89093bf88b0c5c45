"""The real course (built once per session by `built_course`) served by `course serve`: every
language's pages run under the service's Content-Security-Policy without a violation, and the form
sends from a real lesson."""
from __future__ import annotations

import pytest
from e2e.feedback_pages import page_url, rows, watch_csp
from helpers import REPO
from service_process import ServiceProcess

pytestmark = pytest.mark.browser

LANGS = ["en", "el", "hu", "pl", "ru"]
PAGES = ["index.html", "01-omnichannel-basics.html", "91-test-yourself.html", "93-glossary.html",
         "94-downloads.html", "95-feedback.html"]


@pytest.fixture(scope="module")
def real_service(built_course, tmp_path_factory):
    db = tmp_path_factory.mktemp("real-feedback") / "feedback.sqlite3"
    with ServiceProcess(REPO, db=db, extra_args=("--site-dir", str(built_course / "site"))) as running:
        running.db_url = f"sqlite:///{db}"
        yield running


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_runs_under_the_policy(page, real_service, lang):
    violations = watch_csp(page)
    for name in PAGES:
        response = page.goto(page_url(real_service.url, lang, name))
        assert response.status == 200, name
        page.wait_for_load_state("networkidle")
    assert violations == []


def test_the_form_sends_from_a_real_lesson(page, real_service):
    violations = watch_csp(page)
    page.goto(page_url(real_service.url, "pl", "02-omnichannel-vs-multichannel.html"))
    page.locator(".course-action--feedback").click()
    page.wait_for_load_state()
    page.get_by_role("radio", name="4 Bardzo dobrze").check()
    page.get_by_label("Co powinniśmy poprawić?").fill("Więcej przykładów z małych sklepów")
    page.get_by_role("button", name="Wyślij opinię").click()
    page.locator(".course-feedback__message").filter(has_text="Dziękujemy!").wait_for()
    [row] = rows(real_service.db_url)
    assert (row["lang"], row["page"], row["lesson"], row["rating"]) == \
        ("pl", "02-omnichannel-vs-multichannel", "omnichannel-vs-multichannel", 4)
    assert violations == []
