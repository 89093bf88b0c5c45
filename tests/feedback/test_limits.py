"""What bounds the service against clients: slow and idle connections, the connection cap,
proxies trusted only on request, the Origin rule, and answers of the HTTP layer itself."""
from __future__ import annotations

import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from feedback_lessons import unique_lesson
from service_process import ServiceProcess

HEADER_SECONDS = 10      # build_tools/feedback/http_protocol.py
BODY_SECONDS = 10        # build_tools/feedback/app.py


def submission(**extra) -> dict:
    return {"rating": 4, "lang": "en", "lesson": unique_lesson(), **extra}


def read_until_closed(sock: socket.socket, limit: float) -> tuple[bytes, float]:
    started = time.monotonic()
    sock.settimeout(limit)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    return data, time.monotonic() - started


def split(response: bytes) -> tuple[str, dict[str, str], bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return lines[0], headers, body


@pytest.fixture(scope="module")
def service(served_course, tmp_path_factory):
    with ServiceProcess(served_course, db=tmp_path_factory.mktemp("limits") / "f.sqlite3", rate_limit=0,
                        extra_args=("--max-connections", "40")) as running:
        yield running


def test_slow_headers_and_slow_body_are_cut_off_while_others_are_served(service):
    slow_head = socket.create_connection(("127.0.0.1", service.port))
    slow_head.sendall(b"POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n")          # ... and nothing more
    slow_body = socket.create_connection(("127.0.0.1", service.port))
    slow_body.sendall(b"POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 100\r\n\r\n{\"rating\":")
    idle = socket.create_connection(("127.0.0.1", service.port))                      # sends nothing at all
    with ThreadPoolExecutor(3) as pool:
        waits = [pool.submit(read_until_closed, s, HEADER_SECONDS + 8) for s in (slow_head, slow_body, idle)]
        # Meanwhile everyone else is served at once.
        for _ in range(5):
            assert httpx.post(service.url + "/api/feedback", json=submission(), timeout=5).status_code == 201
        (head_answer, head_wait), (body_answer, body_wait), (idle_answer, idle_wait) = [w.result() for w in waits]
    for sock in (slow_head, slow_body, idle):
        sock.close()
    for answer, waited, limit in ((head_answer, head_wait, HEADER_SECONDS), (body_answer, body_wait, BODY_SECONDS),
                                  (idle_answer, idle_wait, HEADER_SECONDS)):
        status, headers, content = split(answer)
        assert status.startswith("HTTP/1.1 408 "), answer[:200]
        assert limit - 1 < waited < limit + 5
        assert headers["content-type"] == "application/json" and "content-security-policy" in headers
        assert "did not arrive within" in json.loads(content)["detail"]


def test_connections_beyond_the_cap_get_503_not_a_reset(service):
    idle = [socket.create_connection(("127.0.0.1", service.port)) for _ in range(45)]
    try:
        time.sleep(0.3)
        response = httpx.post(service.url + "/api/feedback", json=submission(), timeout=5)
        assert response.status_code == 503
        assert "content-security-policy" in response.headers
    finally:
        for sock in idle:
            sock.close()
    time.sleep(0.3)
    assert httpx.post(service.url + "/api/feedback", json=submission(), timeout=5).status_code == 201


def test_the_http_layers_own_400_is_json_with_the_security_headers(service):
    with socket.create_connection(("127.0.0.1", service.port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n")
        answer, _ = read_until_closed(sock, 5)
    status, headers, content = split(answer)
    assert status.startswith("HTTP/1.1 400 ")
    assert headers["content-type"] == "application/json" and "content-security-policy" in headers
    assert headers["x-content-type-options"] == "nosniff"
    assert json.loads(content)["detail"]


def test_huge_headers_are_refused(service):
    response = httpx.get(service.url + "/", headers={"X-Junk": "j" * 40_000}, timeout=5)
    assert response.status_code == 431 and "content-security-policy" in response.headers


def test_dotfiles_are_not_served(service, served_course):
    site = served_course / "site"
    (site / ".env").write_text("SECRET=1", encoding="utf-8")
    (site / ".git").mkdir(exist_ok=True)
    (site / ".git" / "config").write_text("[core]", encoding="utf-8")
    for path in ("/.env", "/.git/config", "/%2egit/config", "/el/../.env"):
        response = httpx.get(service.url + path)
        assert response.status_code == 404, path
        assert "SECRET" not in response.text and "[core]" not in response.text
    assert httpx.get(service.url + "/index.html").status_code == 200


def test_client_leaving_mid_body_logs_no_traceback(service):
    for _ in range(3):
        with socket.create_connection(("127.0.0.1", service.port)) as sock:
            sock.sendall(b"POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 500\r\n\r\n{\"rating\": 4,")
            time.sleep(0.2)
    time.sleep(0.5)
    assert httpx.get(service.url + "/api/health").status_code == 200
    assert "Traceback" not in service.log and "Exception in ASGI" not in service.log


# ---- proxies ----

def test_forwarded_for_counts_only_behind_a_trusted_proxy(served_course, tmp_path):
    with ServiceProcess(served_course, db=tmp_path / "f.sqlite3", rate_limit=2,
                        extra_args=("--trust-proxy", "127.0.0.1")) as service:
        def post(forwarded: str | None) -> int:
            headers = {"X-Forwarded-For": forwarded} if forwarded is not None else {}
            return httpx.post(service.url + "/api/feedback", json=submission(), headers=headers).status_code

        assert [post("203.0.113.9") for _ in range(3)] == [201, 201, 429]
        assert post("198.51.100.7") == 201                         # another learner behind the proxy
        assert post("198.51.100.7, 203.0.113.9") == 429            # the right-most untrusted hop counts
        # Made-up keys of any length all share one small key: no memory grows with them.
        junk = [post("x" * 20_000 + str(n)) for n in range(3)]
        assert junk == [201, 201, 429]
        assert post(None) == 201                                   # the proxy itself, and a warning
        assert "sent a request without X-Forwarded-For" in service.log


# ---- Origin and the public address ----

def test_origin_is_compared_with_site_url_not_with_host(served_course, tmp_path):
    public = "https://course.example.org"
    with ServiceProcess(served_course, db=tmp_path / "f.sqlite3", rate_limit=0,
                        extra_args=("--site-url", public + "/")) as service:
        def post(origin: str, host: str | None = None) -> int:
            headers = {"Origin": origin, **({"Host": host} if host else {})}
            return httpx.post(service.url + "/api/feedback", json=submission(), headers=headers).status_code

        assert post(public) == 201                                 # behind a proxy that rewrote Host
        assert post(public, host="backend:8000") == 201
        assert post("http://evil.example", host="evil.example") == 403     # Origin = a chosen Host
        assert post(service.url) == 201                            # the listening address: only our pages
        assert post(f"http://evil.example:{service.port}", host=f"evil.example:{service.port}") == 403
        assert "refused a request from the origin http://evil.example" in service.log


def test_without_site_url_only_the_listening_address_is_an_origin(served_course, tmp_path):
    with ServiceProcess(served_course, db=tmp_path / "f.sqlite3", rate_limit=0) as service:
        def post(origin: str, host: str | None = None) -> int:
            headers = {"Origin": origin, **({"Host": host} if host else {})}
            return httpx.post(service.url + "/api/feedback", json=submission(), headers=headers).status_code

        assert post(service.url) == 201
        assert post(f"http://localhost:{service.port}") == 201
        assert post("http://evil.example", host="evil.example") == 403
        assert post(f"http://evil.example:{service.port}", host=f"evil.example:{service.port}") == 403


def test_site_url_from_the_environment(served_course, tmp_path):
    service = ServiceProcess(served_course, db=tmp_path / "f.sqlite3", rate_limit=0)
    service.env["COURSE_SITE_URL"] = "https://learn.example.net/course/"
    with service:
        ok = httpx.post(service.url + "/api/feedback", json=submission(), headers={"Origin": "https://learn.example.net"})
        assert ok.status_code == 201
        [line] = [line for line in service.log.splitlines() if "accepts pages from" in line]
        assert "https://learn.example.net" in line and "(no site_url" not in line
