"""The `course serve` process itself: rate limit, instructor access turned off, start-up logs and
errors, and a graceful shutdown that finishes the request in flight."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time

import httpx
from service_process import REPO, ServiceProcess, free_port, start_service

from build_tools.feedback.storage import FeedbackQuery, FeedbackStore


def submission(**extra) -> dict:
    return {"rating": 5, "lang": "hu", "helpful": "A példák", **extra}


def count_rows(url: str) -> int:
    store = FeedbackStore.open(url)
    try:
        return store.count(FeedbackQuery(include_spam=True))
    finally:
        store.close()


def test_flood_past_the_rate_limit_is_refused(served_course, database_url):
    service = start_service(served_course, database_url, rate_limit=5, token=None)
    try:
        statuses = [httpx.post(service.url + "/api/feedback", json=submission()).status_code for _ in range(5)]
        assert statuses == [201] * 5
        flood = [httpx.post(service.url + "/api/feedback", json=submission()) for _ in range(20)]
        assert {r.status_code for r in flood} == {429}
        refused = flood[0]
        assert re.fullmatch(r"too many submissions: at most 5 a minute from one client; try again in 1[12] s",
                            refused.json()["detail"]), refused.json()
        assert refused.headers["retry-after"] in ("11", "12")
        # No proxy is trusted unless the operator says so: a client cannot pick its own key.
        other = httpx.post(service.url + "/api/feedback", json=submission(), headers={"X-Forwarded-For": "203.0.113.9"})
        assert other.status_code == 429
        assert count_rows(database_url) == 5
    finally:
        service.stop()


def test_instructor_routes_are_off_without_a_token(served_course, database_url):
    service = start_service(served_course, database_url, token=None)
    try:
        assert httpx.post(service.url + "/api/feedback", json=submission(email="x@example.org")).status_code == 201
        for path in ("/api/feedback", "/api/feedback.csv"):
            response = httpx.get(service.url + path, headers={"Authorization": "Bearer anything"})
            assert response.status_code == 403
            assert response.json() == {"detail": "instructor access is off: set COURSE_ADMIN_TOKEN before starting the service"}
        assert "instructor API off (set COURSE_ADMIN_TOKEN to turn it on)" in service.log
    finally:
        service.stop()


def test_start_up_logs_say_what_is_served_and_hide_passwords(served_course, postgres_cluster, tmp_path):
    service = ServiceProcess(served_course, db=tmp_path / "f.sqlite3", rate_limit=12).start()
    assert service.stop() == 0
    log = service.log
    assert f"feedback service: site {served_course / 'site'}" in log
    assert f"feedback service: database sqlite:///{tmp_path / 'f.sqlite3'} (sqlite, schema up to date)" in log
    assert "rate limit 12 submissions a minute per client; instructor API on" in log
    assert f"Uvicorn running on http://127.0.0.1:{service.port}" in log
    assert log.rstrip().endswith("feedback service: stopped")
    if hasattr(postgres_cluster, "url"):
        url = postgres_cluster.new_database().replace("postgres@", "postgres:hunter2@")
        service = ServiceProcess(served_course, database_url=url).start()
        service.stop()
        assert "postgres:***@" in service.log and "hunter2" not in service.log


def test_unreachable_database_is_one_clean_error(served_course):
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/feedback"
    result = subprocess.run([sys.executable, "-m", "build_tools.cli", "-C", str(served_course), "serve",
                             "--port", str(free_port()), "--database-url", url],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{url}: cannot open the feedback database: postgresql database error:" in result.stderr
    assert "check that the database server runs and the URL (--database-url or DATABASE_URL) is right" in result.stderr
    assert "Traceback" not in result.stderr


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def test_shutdown_finishes_the_request_in_flight(served_course, database_url):
    service = start_service(served_course, database_url)
    body = json.dumps(submission(improve="sent while the service stops")).encode()
    head = (f"POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1:{service.port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", service.port), timeout=30) as sock:
        sock.sendall(head + body[:10])
        time.sleep(0.5)                                   # the request has started
        service.process.terminate()                       # SIGTERM, as from systemd or docker stop
        time.sleep(1.0)
        assert service.process.poll() is None, "the service quit with a request in flight"
        with socket.socket() as probe:                    # ... but takes no new connections
            assert probe.connect_ex(("127.0.0.1", service.port)) != 0
        sock.sendall(body[10:])
        response = _read_all(sock)
    assert response.startswith(b"HTTP/1.1 201 "), response[:200]
    assert service.process.wait(30) == 0
    assert count_rows(database_url) == 1
    assert "Shutting down" in service.log and service.log.rstrip().endswith("feedback service: stopped")


def test_an_allowed_other_site_may_send_feedback(served_course, tmp_path):
    site = "https://course.example.org"
    with ServiceProcess(served_course, db=tmp_path / "f.sqlite3", extra_args=("--allow-origin", site + "/")) as service:
        preflight = httpx.options(service.url + "/api/feedback", headers={
            "Origin": site, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
        assert preflight.status_code == 204
        assert preflight.headers["access-control-allow-origin"] == site
        assert "POST" in preflight.headers["access-control-allow-methods"]
        assert "content-type" in preflight.headers["access-control-allow-headers"]
        sent = httpx.post(service.url + "/api/feedback", json=submission(), headers={"Origin": site})
        assert sent.status_code == 201 and sent.headers["access-control-allow-origin"] == site
        other = httpx.post(service.url + "/api/feedback", json=submission(), headers={"Origin": "https://other.example"})
        assert other.status_code == 403 and "access-control-allow-origin" not in other.headers
        assert count_rows(f"sqlite:///{tmp_path / 'f.sqlite3'}") == 1
