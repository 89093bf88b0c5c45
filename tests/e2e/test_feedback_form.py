"""The feedback form in a real browser against the real service (`course serve` on 127.0.0.1): sent in
two languages and found in the database; validation in the page's language; with the service
stopped the text is kept and delivered later (retry button, or the next page opened); a copy opened
from files and a mailto endpoint say what happens to the text. All under the service's CSP."""
from __future__ import annotations

import json
import re
from urllib.parse import unquote

import httpx
import pytest
from e2e.feedback_pages import page_url, rows, watch_csp
from service_process import ServiceProcess

pytestmark = pytest.mark.browser

QUEUE = "course.feedback.pending"
MESSAGES = {
    "en": {"thanks": "Thank you! Your feedback has reached the course team.", "send": "Send feedback",
           "helpful": "What helped you?", "improve": "What should we improve?"},
    "el": {"thanks": "Ευχαριστούμε! Τα σχόλιά σας έφτασαν στην ομάδα της ενότητας.", "send": "Αποστολή σχολίων",
           "helpful": "Τι σας βοήθησε;", "improve": "Τι πρέπει να βελτιώσουμε;"},
}


def queue(page) -> list:
    return json.loads(page.evaluate(f"localStorage.getItem('{QUEUE}')") or "[]")


def fill_form(page, rating: int, helpful: str, improve: str = "") -> None:
    page.get_by_role("radio", name=re.compile(rf"^{rating}\b")).check()
    page.locator("#feedback-helpful").fill(helpful)
    page.locator("#feedback-improve").fill(improve)


@pytest.fixture(scope="module")
def service(built_fixture, tmp_path_factory):
    db = tmp_path_factory.mktemp("feedback-e2e") / "feedback.sqlite3"
    with ServiceProcess(built_fixture, db=db, rate_limit=0) as running:
        running.db_url = f"sqlite:///{db}"
        yield running


@pytest.mark.parametrize("lang", ["en", "el"])
def test_feedback_from_a_lesson_reaches_the_database(page, service, lang):
    violations = watch_csp(page)
    page.goto(page_url(service.url, lang, "01-basics.html"))
    page.locator(".course-action--feedback").click()
    page.wait_for_load_state()
    assert page.url.endswith("95-feedback.html?page=01-basics")
    title = page.locator(".course-feedback__page").inner_text()
    assert title == {"en": "Omnichannel basics", "el": "Βασικές αρχές"}[lang]     # what the feedback is about
    text = {"en": "The table of channels <b>helped</b>", "el": "Ο πίνακας με τα κανάλια βοήθησε"}[lang]
    page.get_by_role("radio", name=re.compile(r"^5\b")).check()
    page.get_by_label(MESSAGES[lang]["helpful"]).fill(text)
    page.get_by_label(MESSAGES[lang]["improve"]).fill("More examples\nfrom small shops")
    page.get_by_role("button", name=MESSAGES[lang]["send"]).click()
    status = page.locator(".course-feedback__message")
    status.filter(has_text=MESSAGES[lang]["thanks"]).wait_for()
    assert page.locator("#feedback-helpful").input_value() == ""          # ready for another one
    [row] = [r for r in rows(service.db_url, lang=lang) if r["helpful"] == text]
    assert (row["rating"], row["improve"], row["page"], row["lesson"]) == (5, "More examples\nfrom small shops",
                                                                           "01-basics", "basics")
    assert queue(page) == []
    assert violations == []


def test_validation_speaks_the_page_language(page, service):
    page.goto(page_url(service.url, "pl", "95-feedback.html"))
    before = len(rows(service.db_url))
    page.locator("#feedback-helpful").fill("ą" * 4001)
    page.locator("#feedback-email").fill("nie-adres")
    page.get_by_role("button", name="Wyślij opinię").click()
    assert page.locator("#feedback-rating-error").inner_text() == "Wybierz ocenę od 1 do 5."
    assert page.locator("#feedback-helpful-error").inner_text() == "Skróć ten tekst do najwyżej 4000 znaków (teraz ma 4001)."
    assert page.locator("#feedback-email-error").inner_text() == "Wpisz adres e-mail, np. imie@example.com, albo zostaw to pole puste."
    assert page.evaluate("document.activeElement.name") == "rating"
    assert page.locator("#feedback-helpful-count").inner_text() == "4001 / 4000"
    assert page.locator("#feedback-helpful").input_value() == "ą" * 4001      # nothing cut off
    assert len(rows(service.db_url)) == before


def test_stopped_service_keeps_the_text_and_retry_delivers_it(page, built_fixture, tmp_path):
    db = tmp_path / "feedback.sqlite3"
    first = ServiceProcess(built_fixture, db=db).start()
    violations = watch_csp(page)
    page.goto(page_url(first.url, "hu", "95-feedback.html?page=01-basics"))
    first.stop()
    fill_form(page, 2, "A példák segítettek", "Több kép kellene")
    page.get_by_role("button", name="Visszajelzés küldése").click()
    message = page.locator(".course-feedback__message")
    message.filter(has_text="A visszajelzést most nem sikerült elküldeni").wait_for()
    assert "Próbálja újra" in message.inner_text()
    assert "A példák segítettek" in page.locator(".course-feedback__kept").inner_text()
    [kept] = queue(page)
    assert kept["payload"]["helpful"] == "A példák segítettek" and kept["payload"]["lang"] == "hu"
    with ServiceProcess(built_fixture, db=db, port=first.port):
        page.get_by_role("button", name="Próbálja újra").click()
        message.filter(has_text="A megőrzött visszajelzését most elküldtük. Köszönjük!").wait_for()
        assert queue(page) == []
        assert page.locator(".course-feedback__kept").is_hidden()
        [row] = rows(f"sqlite:///{db}")
        assert (row["helpful"], row["improve"], row["rating"], row["page"]) == \
            ("A példák segítettek", "Több kép kellene", 2, "01-basics")
        assert row["submission_id"] == kept["payload"]["submission_id"]
    assert violations == []


def test_kept_feedback_is_sent_on_the_next_visit(page, built_fixture, tmp_path):
    db = tmp_path / "feedback.sqlite3"
    first = ServiceProcess(built_fixture, db=db).start()
    page.goto(page_url(first.url, "ru", "95-feedback.html"))
    first.stop()
    fill_form(page, 4, "Понятные примеры")
    page.get_by_role("button", name="Отправить отзыв").click()
    page.locator(".course-feedback__message").filter(has_text="Сейчас не удалось отправить ваш отзыв").wait_for()
    assert len(queue(page)) == 1
    with ServiceProcess(built_fixture, db=db, port=first.port):
        page.goto(page_url(first.url, "ru", "01-basics.html"))     # any page of the course sends what was kept
        page.wait_for_function(f"!localStorage.getItem('{QUEUE}')")
        [row] = rows(f"sqlite:///{db}")
        assert (row["helpful"], row["lang"], row["page"]) == ("Понятные примеры", "ru", "")


def test_a_copy_opened_from_files_keeps_the_text_and_says_so(page, built_fixture):
    page.goto((built_fixture / "site" / "el" / "95-feedback.html").as_uri())
    fill_form(page, 3, "Χρήσιμο για τη δουλειά μου", "Περισσότερα παραδείγματα")
    page.get_by_role("button", name="Αποστολή σχολίων").click()
    message = page.locator(".course-feedback__message")
    assert message.inner_text().startswith("Αυτό το αντίγραφο της ενότητας άνοιξε από αρχεία της συσκευής σας")
    kept = page.locator(".course-feedback__kept")
    assert "Χρήσιμο για τη δουλειά μου" in kept.inner_text() and "Περισσότερα παραδείγματα" in kept.inner_text()
    assert page.locator(".course-feedback__retry").is_hidden()
    assert len(queue(page)) == 1
    page.reload()                                         # still there on the next visit
    assert "Χρήσιμο για τη δουλειά μου" in page.locator(".course-feedback__kept").inner_text()
    page.evaluate(f"localStorage.removeItem('{QUEUE}')")


def test_mailto_endpoint_opens_the_mail_program_with_the_text(page, service):
    def with_mailto(route):
        response = route.fetch()
        body = response.text().replace('"endpoint": "/api/feedback"', '"endpoint": "mailto:trainer@example.org"')
        route.fulfill(response=response, body=body)

    page.route("**/95-feedback.html*", with_mailto)
    page.goto(page_url(service.url, "en", "95-feedback.html?page=01-basics"))
    before = len(rows(service.db_url))
    fill_form(page, 4, "Clear & short", "Add a video?")
    page.get_by_role("button", name="Send feedback").click()
    message = page.locator(".course-feedback__message")
    message.filter(has_text="Your e-mail program should now open").wait_for()
    href = unquote(message.locator("a").get_attribute("href"))
    assert href.startswith("mailto:trainer@example.org?subject=Feedback on the course (Omnichannel basics)&body=")
    assert "Clear & short" in href and "Add a video?" in href and "Your rating: 4 / 5" in href
    assert len(rows(service.db_url)) == before


@pytest.mark.parametrize("lang,name", [("en", "index.html"), ("el", "01-basics.html"), ("hu", "95-feedback.html"),
                                       ("pl", "91-test-yourself.html"), ("ru", "93-glossary.html"),
                                       ("en", "94-downloads.html")])
def test_pages_pass_the_content_security_policy(page, service, lang, name):
    violations = watch_csp(page)
    response = page.goto(page_url(service.url, lang, name))
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("omni")
    page.keyboard.press("End")          # Material reads the query on keyup
    page.locator(".md-search-result__meta").wait_for(timeout=10000)    # the search worker answered
    assert page.evaluate("typeof __md_get") == "function"       # Material's inline start-up script ran
    assert violations == []


def test_an_inline_script_the_site_does_not_contain_is_blocked(page, service):
    """The policy is strict: a script injected into a page does not run."""
    violations = watch_csp(page)
    page.goto(page_url(service.url, "en", "95-feedback.html"))
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = true'; document.body.appendChild(s); }""")
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in v for v in violations)
    assert httpx.get(service.url + "/api/health").status_code == 200
