"""`POST /api/attempts` and `GET /api/quiz-stats` on a real `course serve`, over SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
import base64
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from service_process import ADMIN_TOKEN, for_database

from build_tools.attempts.storage import AttemptStore


def attempt(version: str, lang: str = "en", strong: bool = True, attempt_id: str | None = None) -> dict:
    answers = [{"question": "omni-meaning", "response": "side-by-side" if strong else "connects",
                "score": 0 if strong else 1, "max_score": 1, "seconds": 9.5},
               {"question": "multichannel-connected", "response": "false" if strong else "true",
                "score": 1 if strong else 0, "max_score": 1, "seconds": 4}]
    return {"attempt_id": attempt_id or str(uuid.uuid4()), "consent": True, "lang": lang, "bank_version": version,
            "total": sum(a["score"] for a in answers), "max_total": 2, "answers": answers}


@pytest.fixture
def service(built_fixture, database_url):
    with for_database(built_fixture, database_url, rate_limit=0) as running:
        yield running


def test_bad_input_gets_one_message_per_field(service, bank_version):
    body = attempt(bank_version)
    body.update(consent=False, lang="xx", bank_version="not hex", total=5, colour="red")
    body["answers"][1]["score"] = 3
    response = httpx.post(service.url + "/api/attempts", json=body)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"consent", "lang", "bank_version", "colour", "answers[1].score"}
    assert "agreed to share" in errors["consent"]
    assert "from 0 to 1" in errors["answers[1].score"]
    assert httpx.post(service.url + "/api/attempts", content=b"{", headers={"Content-Type": "application/json"}).status_code == 400
    assert httpx.post(service.url + "/api/attempts", content=b"{}").status_code == 415
    # The feedback service's body rules (feedback/api.py): a body past the limit is refused
    # (from its declared length), and a key given twice is not taken silently.
    json_type = {"Content-Type": "application/json"}
    too_big = httpx.post(service.url + "/api/attempts", content=b" " * (256 * 1024 + 1), headers=json_type)
    assert too_big.status_code == 413 and "larger than 262144 bytes" in too_big.json()["detail"]
    twice = httpx.post(service.url + "/api/attempts", content=b'{"lang": "en", "lang": "el"}', headers=json_type)
    assert twice.status_code == 400 and "appears twice" in twice.json()["detail"]
    assert httpx.get(service.url + "/api/attempts").status_code == 405
    wrong_total = attempt(bank_version)
    wrong_total["total"] = 2
    assert "sum of the answers" in httpx.post(service.url + "/api/attempts", json=wrong_total).json()["errors"]["total"]


def test_nothing_is_kept_without_consent_and_a_resend_is_kept_once(service, bank_version, database_url):
    no_consent = attempt(bank_version)
    del no_consent["consent"]
    assert httpx.post(service.url + "/api/attempts", json=no_consent).status_code == 422
    body = attempt(bank_version, lang="el")
    first = httpx.post(service.url + "/api/attempts", json=body)
    again = httpx.post(service.url + "/api/attempts", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] and again.json()["duplicate"] is True
    store = AttemptStore.open(database_url)
    try:
        kept = store.attempts()
    finally:
        store.close()
    assert [(a.id, a.lang, a.version, a.total) for a in kept] == [(body["attempt_id"], "el", bank_version, 1.0)]
    assert kept[0].answers[0].response == "side-by-side" and kept[0].answers[0].seconds == 9.5


def test_foreign_origins_are_refused(service, bank_version):
    response = httpx.post(service.url + "/api/attempts", json=attempt(bank_version),
                          headers={"Origin": "https://evil.example.org"})
    assert response.status_code == 403
    same = httpx.post(service.url + "/api/attempts", json=attempt(bank_version), headers={"Origin": service.url})
    assert same.status_code == 201


def test_rate_limit(built_fixture, tmp_path, bank_version):
    with for_database(built_fixture, "sqlite:///" + str(tmp_path / "r.sqlite3"), rate_limit=3) as running:
        codes = [httpx.post(running.url + "/api/attempts", json=attempt(bank_version)) for _ in range(4)]
        assert [c.status_code for c in codes] == [201, 201, 201, 429]
        assert int(codes[-1].headers["Retry-After"]) >= 1


def test_fifty_concurrent_clients_lose_nothing(service, bank_version, database_url):
    async def client(n: int) -> list[tuple[str, int]]:
        out = []
        async with httpx.AsyncClient(base_url=service.url, timeout=60, limits=httpx.Limits(max_connections=1)) as c:
            for k in range(8):
                body = attempt(bank_version, lang=("en", "el", "ru")[k % 3], strong=(n + k) % 2 == 0)
                if k == 5:
                    body["total"] = 99                              # refused
                r = await c.post("/api/attempts", json=body)
                out.append((body["attempt_id"], r.status_code))
                if k == 2:                                          # a retry after a lost answer
                    r = await c.post("/api/attempts", json=body)
                    out.append((body["attempt_id"], r.status_code))
        return out

    async def everyone():
        return [r for rs in await asyncio.gather(*(client(n) for n in range(50))) for r in rs]

    with ThreadPoolExecutor(1) as pool:         # its own event loop: Playwright's may be running in this thread
        results = pool.submit(asyncio.run, everyone()).result()
    accepted = {sid for sid, code in results if code in (200, 201)}
    assert len(accepted) == 50 * 7
    assert sum(code == 201 for _, code in results) == 50 * 7        # each stored once: the resends answer 200
    assert all(code in (200, 201, 422) for _, code in results)
    store = AttemptStore.open(database_url)
    try:
        assert {a.id for a in store.attempts()} == accepted
    finally:
        store.close()


def test_the_statistics_page_is_for_instructors(service, bank_version):
    for n in range(6):
        httpx.post(service.url + "/api/attempts", json=attempt(bank_version, strong=n % 2 == 0))
    refused = httpx.get(service.url + "/api/quiz-stats")
    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Basic")
    assert httpx.get(service.url + "/api/quiz-stats", headers={"Authorization": "Bearer wrong"}).status_code == 401
    page = httpx.get(service.url + "/api/quiz-stats?lang=en", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "omni-meaning" in page.text and "negative discrimination" in page.text
    assert '<link rel="stylesheet" href="/api/quiz-stats.css">' in page.text and "<style>" not in page.text
    basic = base64.b64encode(f"trainer:{ADMIN_TOKEN}".encode()).decode()
    assert httpx.get(service.url + "/api/quiz-stats", headers={"Authorization": f"Basic {basic}"}).status_code == 200
    assert httpx.get(service.url + "/api/quiz-stats.css").text.startswith("\nbody{")
