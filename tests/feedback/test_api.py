"""The feedback API of a real `course serve` process, against SQLite and PostgreSQL: what it accepts,
what it refuses (each refusal with its status and message), and what instructors get back."""
from __future__ import annotations

import csv
import io
import uuid

import httpx
import pytest
from feedback_lessons import unique_lesson

LONGEST = 4000


def feedback(**fields) -> dict:
    body = {"rating": 4, "helpful": "The examples", "improve": "More pictures", "lang": "en",
            "page": "01-basics", "lesson": unique_lesson()}
    body.update(fields)
    return {k: v for k, v in body.items() if v is not ...}


def post(api, body=None, *, content=None, headers=None) -> httpx.Response:
    if content is not None:
        return httpx.post(api.url + "/api/feedback", content=content, headers=headers, timeout=30)
    return httpx.post(api.url + "/api/feedback", json=body, headers=headers, timeout=30)


def stored(api, lesson: str, **filters) -> list[dict]:
    with api.admin() as client:
        response = client.get("/api/feedback", params={"lesson": lesson, **filters})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_valid_feedback_is_stored_as_given(api):
    body = feedback(email="learner@example.org", lang="el", helpful="Τα παραδείγματα\nκαι οι πίνακες ✓")
    response = post(api, body)
    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    new_id = response.json()["id"]
    assert isinstance(new_id, int) and response.json()["duplicate"] is False
    [row] = stored(api, body["lesson"])
    assert row["id"] == new_id
    assert {k: row[k] for k in ("rating", "helpful", "improve", "email", "page", "lesson", "lang")} == \
        {k: body[k] for k in ("rating", "helpful", "improve", "email", "page", "lesson", "lang")}
    assert row["created_at"].endswith("Z") and row["is_spam"] is False


def test_health(api):
    response = httpx.get(api.url + "/api/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] in ("sqlite", "postgresql")


def test_script_in_text_is_kept_verbatim_and_never_served_as_html(api):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    body = feedback(helpful=attack, improve="</textarea><b>bold</b>")
    assert post(api, body).status_code == 201
    [row] = stored(api, body["lesson"])
    assert row["helpful"] == attack and row["improve"] == "</textarea><b>bold</b>"
    with api.admin() as client:
        listing = client.get("/api/feedback", params={"lesson": body["lesson"]})
        export = client.get("/api/feedback.csv", params={"lesson": body["lesson"]})
    for response in (listing, export):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "text/html" not in response.headers["content-type"]
    assert export.headers["content-disposition"].startswith("attachment;")
    [record] = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert record["helpful"] == attack


@pytest.mark.parametrize("text", [
    "'); DROP TABLE feedback; --",
    "' OR '1'='1",
    "1; DELETE FROM feedback WHERE 1=1 --",
    "%s %(name)s ? :name $1",
])
def test_sql_fragments_are_plain_text(api, text):
    body = feedback(helpful=text, improve=text)
    assert post(api, body).status_code == 201
    [row] = stored(api, body["lesson"])
    assert row["helpful"] == text and row["improve"] == text
    other = feedback()
    assert post(api, other).status_code == 201          # the table is still there and still takes rows
    assert len(stored(api, other["lesson"])) == 1


@pytest.mark.parametrize("change,field,message", [
    ({"rating": ...}, "rating", "is required: a whole number from 1 to 5"),
    ({"rating": "5"}, "rating", "must be a whole number from 1 to 5, not str"),
    ({"rating": 4.5}, "rating", "must be a whole number from 1 to 5, not a number"),
    ({"rating": True}, "rating", "must be a whole number from 1 to 5, not true/false"),
    ({"rating": 0}, "rating", "must be a whole number from 1 to 5, not 0"),
    ({"rating": 6}, "rating", "must be a whole number from 1 to 5, not 6"),
    ({"helpful": 42}, "helpful", "must be text, not a number"),
    ({"improve": ["a", "b"]}, "improve", "must be text, not a list"),
    ({"email": {"a": 1}}, "email", "must be text, not an object"),
    ({"email": "not-an-address"}, "email", "is not an e-mail address such as name@example.com"),
    ({"lang": "xx"}, "lang", "must be one of the course languages: el, en, hu, pl, ru"),
    ({"lang": ...}, "lang", "is required: the language of the page, such as en"),
    ({"page": "../../etc/passwd"}, "page", "must be a page name such as 01-omnichannel-basics"),
    ({"lesson": "x' OR 1=1"}, "lesson", "must be a lesson id such as omnichannel-basics"),
    ({"submission_id": "short"}, "submission_id", "must be 8-64 letters, digits or hyphens (a UUID)"),
    ({"helpful": "a\x00b"}, "helpful", "must not contain NUL characters"),
    ({"helpful": "x" * (LONGEST + 1)}, "helpful", "is too long: 4001 characters, at most 4000"),
    ({"improve": "я" * (LONGEST + 1)}, "improve", "is too long: 4001 characters, at most 4000"),
    ({"email": "a" * 250 + "@x.org"}, "email", "is too long: 256 characters, at most 254"),
    ({"email": "<script>@x.org"}, "email", "is not an e-mail address such as name@example.com"),
    ({"email": "a\u202e@example.org"}, "email", "is not an e-mail address such as name@example.com"),
    ({"email": "a\x1b[2J@example.org"}, "email", "is not an e-mail address such as name@example.com"),
    ({"email": "a\x7f@example.org"}, "email", "is not an e-mail address such as name@example.com"),
    ({"email": "a@example.org\n"}, "email", "is not an e-mail address such as name@example.com"),
    ({"lesson": "basics\n"}, "lesson", "must be a lesson id such as omnichannel-basics"),
    ({"lang": "en\n"}, "lang", "must be a language code such as en or el"),
    ({"submission_id": "abcdefgh-1234\n"}, "submission_id", "must be 8-64 letters, digits or hyphens (a UUID)"),
    ({"page": "99-no-such-page"}, "page", "is not a page of this course"),
    ({"lesson": "no-such-lesson"}, "lesson", "is not a lesson of this course"),
    ({"admin": True}, "admin", "unknown field; the fields are: rating, helpful, improve, email, page, lesson, "
                               "lang, submission_id, website"),
])
def test_invalid_fields_are_refused_with_a_message(api, change, field, message):
    body = feedback(**change)
    response = post(api, body)
    assert response.status_code == 422
    assert response.json()["detail"] == "the feedback has invalid fields"
    assert response.json()["errors"][field] == message
    if "lesson" in body and field != "lesson":
        assert stored(api, body["lesson"]) == []


def test_lone_surrogate_is_refused(api):
    raw = b'{"rating": 3, "lang": "en", "helpful": "\\ud800"}'
    response = post(api, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["errors"]["helpful"] == "contains characters that are not valid Unicode"


def test_longest_texts_in_any_script_are_accepted(api):
    body = feedback(helpful="Ω" * LONGEST, improve="😀" * LONGEST)
    assert post(api, body).status_code == 201
    [row] = stored(api, body["lesson"])
    assert row["helpful"] == "Ω" * LONGEST and row["improve"] == "😀" * LONGEST


@pytest.mark.parametrize("body,status,message", [
    (b"[1, 2]", 422, None),
    (b"{not json", 400, "the body is not valid JSON"),
    (b"\xff\xfe", 400, "the body is not valid JSON"),
    (b'{"rating": ' + b"9" * 5000 + b', "lang": "en"}', 400, "the body is not valid JSON: a number of 5000 digits"),
    (b'{"rating": 4, "rating": 5, "lang": "en"}', 400, "the body is not valid JSON: the key 'rating' appears twice"),
    (b'{"rating": NaN, "lang": "en"}', 400, "the body is not valid JSON: NaN is not a JSON number"),
])
def test_bodies_that_are_not_a_json_object(api, body, status, message):
    response = post(api, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status
    if message:
        assert response.json()["detail"].startswith(message)
    else:
        assert response.json()["errors"] == {"body": "must be a JSON object, not a list"}


def test_wrong_content_type_is_refused(api):
    response = post(api, content=b"rating=5&lang=en", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415
    assert response.json()["detail"] == "send the feedback as JSON (Content-Type: application/json)"


def test_oversize_body_is_refused(api):
    lesson = unique_lesson()
    big = feedback(lesson=lesson, helpful="x" * 70_000)
    response = post(api, big)
    assert response.status_code == 413
    assert response.json()["detail"] == "the request body is larger than 65536 bytes"
    chunks = (b'{"rating": 5, "lang": "en", "lesson": "' + lesson.encode() + b'", "helpful": "' + b"y" * 70_000 + b'"}'
              for _ in range(1))
    chunked = post(api, content=chunks, headers={"Content-Type": "application/json"})   # no Content-Length
    assert chunked.status_code == 413
    assert stored(api, lesson) == []


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1"])
def test_foreign_origin_is_refused(api, origin):
    body = feedback()
    response = post(api, body, headers={"Origin": origin})
    assert response.status_code == 403
    assert response.json()["detail"] == f"requests from the origin {origin} are not accepted"
    assert stored(api, body["lesson"]) == []


def test_same_origin_is_accepted(api):
    response = post(api, feedback(), headers={"Origin": api.url})
    assert response.status_code == 201


def test_resent_submission_is_stored_once(api):
    body = feedback(submission_id=str(uuid.uuid4()))
    first, again = post(api, body), post(api, body)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == {"id": first.json()["id"], "duplicate": True}
    assert len(stored(api, body["lesson"])) == 1


def test_honeypot_submissions_are_kept_apart(api):
    body = feedback(website="http://spam.example")
    assert post(api, body).status_code == 201
    assert stored(api, body["lesson"]) == []
    [row] = stored(api, body["lesson"], include_spam="1")
    assert row["is_spam"] is True


@pytest.mark.parametrize("path", ["/", "/el/01-basics.html", "/api/health", "/missing.html", "/api/nothing"])
def test_security_headers_on_every_response(api, path):
    response = httpx.get(api.url + path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp


def test_unknown_api_routes_and_methods_answer_json(api):
    missing = httpx.get(api.url + "/api/nothing")
    assert missing.status_code == 404
    assert missing.json()["detail"].startswith("no API route /api/nothing")
    wrong = httpx.delete(api.url + "/api/feedback")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "GET, POST"


def test_site_is_served(api):
    page = httpx.get(api.url + "/el/95-feedback.html")
    assert page.status_code == 200
    assert 'id="course-feedback-config"' in page.text
    assert httpx.get(api.url + "/assets/course/feedback.js").status_code == 200


# ---- instructors ----

@pytest.mark.parametrize("headers,message", [
    ({}, "instructor token missing or wrong: send 'Authorization: Bearer <token>'"),
    ({"Authorization": "Bearer wrong"}, "instructor token missing or wrong: send 'Authorization: Bearer <token>'"),
    ({"Authorization": "Basic aW5zdHJ1Y3Rvcg=="}, "instructor token missing or wrong: send 'Authorization: Bearer <token>'"),
])
@pytest.mark.parametrize("path", ["/api/feedback", "/api/feedback.csv"])
def test_no_token_no_instructor_data(api, headers, message, path):
    assert post(api, feedback(email="secret@example.org")).status_code == 201
    response = httpx.get(api.url + path, headers=headers)
    assert response.status_code == 401
    assert response.json() == {"detail": message}
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "secret@example.org" not in response.text


def test_email_is_never_echoed_to_the_learner(api):
    response = post(api, feedback(email="private@example.org"))
    assert "private@example.org" not in response.text


def test_filters_by_language_lesson_and_date(api):
    lesson = unique_lesson()
    for lang in ("el", "el", "pl"):
        assert post(api, feedback(lang=lang, lesson=lesson)).status_code == 201
    assert len(stored(api, lesson)) == 3
    assert [r["lang"] for r in stored(api, lesson, lang="el")] == ["el", "el"]
    today = stored(api, lesson)[0]["created_at"][:10]
    assert len(stored(api, lesson, since=today, until=today)) == 3
    assert stored(api, lesson, since="2999-01-01") == []
    assert stored(api, lesson, until="2000-01-01") == []
    with api.admin() as client:
        first = client.get("/api/feedback", params={"lesson": lesson, "limit": 2}).json()
        rest = client.get("/api/feedback", params={"lesson": lesson, "after_id": first["next_after_id"]}).json()
    assert first["count"] == 2 and rest["count"] == 1 and rest["next_after_id"] is None


@pytest.mark.parametrize("params,message", [
    ({"since": "yesterday"}, "since must be a date written YYYY-MM-DD, not 'yesterday'"),
    ({"until": "2026-02-30"}, "until is not a real date: '2026-02-30'"),
    ({"lang": "el' OR '1'='1"}, "lang must be a language code such as el, not \"el' OR '1'='1\""),
    ({"lesson": "a;b"}, "lesson must be a lesson id such as omnichannel-basics, not 'a;b'"),
    ({"limit": "-1"}, "limit must be a whole number from 0 to 5000, not '-1'"),
    ({"limit": "\u00b2"}, "limit must be a whole number from 0 to 5000, not '\u00b2'"),
    ({"after_id": "\u00b9"}, "after_id must be a whole number from 0 to 4611686018427387904, not '\u00b9'"),
    ({"after_id": "9" * 5000}, "after_id must be a whole number from 0 to 4611686018427387904, not '" + "9" * 40 + "'"),
    ({"limit": "5\n"}, "limit must be a whole number from 0 to 5000, not '5\\n'"),
    ({"lesson": "basics\n"}, "lesson must be a lesson id such as omnichannel-basics, not 'basics\\n'"),
    ({"sort": "id"}, "unknown filter 'sort'; filters: lang, lesson, since, until, include_spam, after_id, limit"),
])
def test_bad_filters_are_refused(api, params, message):
    with api.admin() as client:
        response = client.get("/api/feedback", params=params)
    assert response.status_code == 400
    assert response.json() == {"detail": message}


def test_csv_export(api):
    lesson = unique_lesson()
    assert post(api, feedback(lesson=lesson, lang="ru", helpful="Всё понятно, спасибо", improve="=HYPERLINK(\"x\")",
                              email="r@example.org")).status_code == 201
    with api.admin() as client:
        response = client.get("/api/feedback.csv", params={"lesson": lesson})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "id,created_at,lang,page,lesson,rating,helpful,improve,email"
    assert len(lines) == 2
    assert ',ru,01-basics,' in lines[1]
    assert lines[1].endswith(',4,"Всё понятно, спасибо","\'=HYPERLINK(""x"")",r@example.org')


def test_control_characters_are_escaped_in_json_answers(api):
    text = "esc\x1b[2J c1\x9b31m del\x7f Ω"
    body = feedback(helpful=text)
    assert post(api, body).status_code == 201
    with api.admin() as client:
        raw = client.get("/api/feedback", params={"lesson": body["lesson"]}).text
    assert "\x1b" not in raw and "\x9b" not in raw and "\x7f" not in raw
    assert "\\u001b[2J" in raw and "\\u009b31m" in raw and "\\u007f" in raw and "Ω" in raw
    [row] = stored(api, body["lesson"])
    assert row["helpful"] == text
