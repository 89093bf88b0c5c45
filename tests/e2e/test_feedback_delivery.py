"""What the feedback form tells the learner when a submission cannot be delivered, in a real browser:
a service that refuses it (the page's address is not the configured site_url), a host without the
service, a browser that cannot keep it, and resending that backs off and gives up after a bound."""
from __future__ import annotations

import json
import re
import time

import pytest
from e2e.feedback_pages import page_url, rows
from service_process import ServiceProcess

from build_tools.static_server import StaticServer

pytestmark = pytest.mark.browser

QUEUE = "course.feedback.pending"
REFUSED = {"en": "The course's server refused this feedback, so it was not sent.",
           "el": "Ο διακομιστής της ενότητας δεν δέχτηκε αυτά τα σχόλια, οπότε δεν στάλθηκαν."}


def queue(page) -> list:
    return json.loads(page.evaluate(f"localStorage.getItem('{QUEUE}')") or "[]")


def fill_form(page, rating: int, helpful: str) -> None:
    page.get_by_role("radio", name=re.compile(rf"^{rating}\b")).check()
    page.locator("#feedback-helpful").fill(helpful)


def send(page) -> None:
    page.locator(".course-feedback__send").click()


@pytest.mark.parametrize("lang", ["en", "el"])
def test_a_refused_submission_is_said_so_and_stays_in_the_form(page, built_fixture, tmp_path, lang):
    db = tmp_path / "feedback.sqlite3"
    # The pages are reached at an address the service does not know as its own (a proxy set up
    # without site_url, here a plain file server whose POSTs go on to the service): it refuses (403).
    with ServiceProcess(built_fixture, db=db, rate_limit=0,
                        extra_args=("--site-url", "https://course.example.org/")) as service, \
            StaticServer(built_fixture / "site") as static:
        page_origin = static.url.rstrip("/")

        def to_the_service(route):
            headers = {**route.request.headers, "origin": page_origin}
            route.fulfill(response=route.fetch(url=service.url + "/api/feedback", headers=headers))

        page.route("**/api/feedback", to_the_service)
        page.goto(page_url(static.url, lang, "95-feedback.html"))
        fill_form(page, 3, "κείμενο που δεν χάνεται" if lang == "el" else "text that is not lost")
        send(page)
        message = page.locator(".course-feedback__message")
        message.filter(has_text=REFUSED[lang]).wait_for(timeout=10_000)
        assert "course-feedback__message--error" in message.get_attribute("class")
        assert page.locator("#feedback-helpful").input_value().startswith(("κείμενο", "text"))
        assert queue(page) == []                                    # not retried for ever
        assert rows(f"sqlite:///{db}") == []
        assert f"refused a request from the origin {page_origin}" in service.log


def test_a_host_without_the_service_says_so_at_once(page, built_fixture):
    with StaticServer(built_fixture / "site") as static:           # plain files: POST gets 501
        page.goto(page_url(static.url, "ru", "95-feedback.html"))
        fill_form(page, 4, "Понятные примеры")
        send(page)
        page.locator(".course-feedback__message").filter(
            has_text="В этой копии курса нет службы приёма отзывов").wait_for(timeout=10_000)
        assert page.locator("#feedback-helpful").input_value() == "Понятные примеры"
        assert queue(page) == []


def test_when_the_browser_cannot_keep_it_the_learner_is_told_to_copy_it(page, built_fixture, tmp_path):
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    first = ServiceProcess(built_fixture, db=tmp_path / "f.sqlite3").start()
    page.goto(page_url(first.url, "en", "95-feedback.html"))
    first.stop()                                                   # sending fails: no connection
    fill_form(page, 2, "please do not lose me")
    send(page)
    page.locator(".course-feedback__message").filter(
        has_text="this browser does not let the course keep it for later. Please copy your text").wait_for(timeout=20_000)
    assert page.locator("#feedback-helpful").input_value() == "please do not lose me"


def kept_item(url: str, attempts: int, next_at_ms: float) -> dict:
    return {"url": url, "keptAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "attempts": attempts,
            "nextAt": next_at_ms,
            "payload": {"submission_id": "0b6f3c1e-4c1a-4d7e-9a51-6f0d2b9c7e11", "rating": 5, "helpful": "kept text",
                        "improve": "", "email": "", "page": "", "lesson": "", "lang": "en", "website": ""}}


def test_resending_backs_off_and_gives_up_after_a_bound(page, built_fixture, tmp_path):
    db = tmp_path / "f.sqlite3"
    with ServiceProcess(built_fixture, db=db, rate_limit=0) as service:
        endpoint = service.url + "/api/feedback"
        page.goto(page_url(service.url, "en", "01-basics.html"))
        # Not due yet (its last try was a moment ago): opening pages does not resend it.
        later = kept_item(endpoint, 3, time.time() * 1000 + 3600_000)
        page.evaluate(f"localStorage.setItem('{QUEUE}', JSON.stringify([{json.dumps(later)}]))")
        page.goto(page_url(service.url, "en", "01-basics.html"))
        page.wait_for_timeout(1500)
        assert rows(f"sqlite:///{db}") == [] and len(queue(page)) == 1
        port = service.port
    # The service is gone for good; the last allowed try fails and the text comes back to the form.
    last = kept_item(f"http://127.0.0.1:{port}/api/feedback", 7, 0)
    with StaticServer(built_fixture / "site") as static:
        page.goto(page_url(static.url, "en", "01-basics.html"))
        page.evaluate(f"localStorage.setItem('{QUEUE}', JSON.stringify([{json.dumps(last)}]))")
        page.goto(page_url(static.url, "en", "01-basics.html"))                # a page without the form: tried once more, quietly
        page.wait_for_function(f"JSON.parse(localStorage.getItem('{QUEUE}'))[0].givenUp === 'gave_up'")
        page.goto(page_url(static.url, "en", "95-feedback.html"))
        page.locator(".course-feedback__message").filter(
            has_text="still could not be sent after several tries, so the course has stopped trying").wait_for()
        assert page.locator("#feedback-helpful").input_value() == "kept text"
        assert queue(page) == []
