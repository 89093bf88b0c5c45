"""A real LRS for the cmi5 tests: Ralph (PyPI ralph-malph), file-system backend, on 127.0.0.1,
run from its own virtual environment .venv-ralph (the Makefile makes it: Ralph pins FastAPI and
Starlette versions of its own). Plus the part of the LMS a cmi5 test must play: the launch URL,
the one-time fetch URL for the auth token, and the State API, which Ralph does not implement
(the LMS writes LMS.LaunchData there before launch); statements are passed on to Ralph."""
from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from helpers import REPO

RALPH_VENV = REPO / ".venv-ralph"
USER, PASSWORD = "lms", "a-test-password"
TOKEN = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RalphServer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self) -> "RalphServer":
        python = RALPH_VENV / "bin" / "python"
        if not python.exists():
            raise AssertionError(".venv-ralph is missing: run 'make test' (it installs Ralph there)")
        env = dict(os.environ, RALPH_AUTH_FILE=str(self.folder / "auth.json"), RALPH_RUNSERVER_BACKEND="fs",
                   RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(self.folder / "data"))
        (self.folder / "data").mkdir(parents=True, exist_ok=True)
        subprocess.run([str(RALPH_VENV / "bin" / "ralph"), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                        "-M", "mailto:lms@example.org", "-w"], env=env, check=True, capture_output=True, timeout=60)
        self.log = open(self.folder / "ralph.log", "w")
        self.process = subprocess.Popen([str(python), "-m", "uvicorn", "ralph_append_app:app", "--app-dir",
                                         str(Path(__file__).parent), "--host", "127.0.0.1", "--port", str(self.port)],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url + "/__heartbeat__", timeout=2)
                return self
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.__exit__()
        raise AssertionError("Ralph did not start: " + (self.folder / "ralph.log").read_text())

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if getattr(self, "log", None):
            self.log.close()

    def statements(self, **query) -> list[dict]:
        """Every statement matching ``query``, oldest first, following 'more' links."""
        url = self.url + "/xAPI/statements?" + urllib.parse.urlencode({**query, "ascending": "true", "limit": 500})
        found = []
        while url:
            request = urllib.request.Request(url, headers={"Authorization": "Basic " + TOKEN,
                                                           "X-Experience-API-Version": "1.0.3"})
            with urllib.request.urlopen(request, timeout=10) as response:
                page = json.load(response)
            found += page["statements"]
            url = (self.url + page["more"]) if page.get("more") else None
        return found

    def post(self, statement: dict) -> None:
        request = urllib.request.Request(self.url + "/xAPI/statements", data=json.dumps(statement).encode(), method="POST",
                                         headers={"Authorization": "Basic " + TOKEN, "Content-Type": "application/json",
                                                  "X-Experience-API-Version": "1.0.3"})
        urllib.request.urlopen(request, timeout=10).close()


def validate_with_ralph_models(statements: list[dict]) -> list[str]:
    """Ralph's own xAPI statement model (pydantic) over every statement: the errors, if any."""
    script = ("import json,sys\nfrom ralph.models.xapi.base.statements import BaseXapiStatement\n"
              "errors=[]\nfor s in json.load(sys.stdin):\n"
              "    try: BaseXapiStatement(**s)\n"
              "    except Exception as e: errors.append(s['verb']['id'] + ': ' + str(e).replace(chr(10), ' '))\n"
              "print(json.dumps(errors))\n")
    out = subprocess.run([str(RALPH_VENV / "bin" / "python"), "-c", script], input=json.dumps(statements),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


class _LmsHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def _json(self, status: int, body) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _authorised(self) -> bool:
        if self.headers.get("Authorization") != "Basic " + TOKEN:
            self._json(401, {"error": "bad token"})
            return False
        return True

    def _route(self, method: str) -> None:
        lms = self.server.lms
        path, _, query = self.path.partition("?")
        if path == "/fetch" and method == "POST":
            lms.fetches += 1
            if lms.fetches > 1:                      # cmi5 8.2: the fetch URL answers once only
                return self._json(200, {"error-code": "1", "error-text": "already in use"})
            return self._json(200, {"auth-token": TOKEN})
        if path.startswith("/lrs/activities/state"):
            if not self._authorised():
                return
            params = urllib.parse.parse_qs(query)
            key = tuple(params.get(k, [""])[0] for k in ("stateId", "activityId", "agent", "registration"))
            lms.state_requests.append((method, key[0]))
            if method == "GET":
                if key in lms.state:
                    return self._json(200, json.loads(lms.state[key]))
                return self._json(404, {"error": "no such state"})
            if method in ("PUT", "POST"):
                lms.state[key] = self._body().decode()
                self.send_response(204)
                self.end_headers()
                return
        if path == "/lrs/statements":
            if not self._authorised():
                return
            data = self._body() if method in ("POST", "PUT") else None
            request = urllib.request.Request(lms.ralph.url + "/xAPI/statements" + ("?" + query if query else ""),
                                             data=data, method=method, headers={
                                                 "Authorization": self.headers["Authorization"],
                                                 "Content-Type": "application/json",
                                                 "X-Experience-API-Version": "1.0.3"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return self._json(response.status, json.load(response))
            except urllib.error.HTTPError as error:
                lms.refused.append(error.read().decode())
                return self._json(error.code, {"error": "refused by the LRS"})
        if method == "GET":
            return super().do_GET()
        self._json(405, {"error": "no such route"})

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PUT(self) -> None:
        self._route("PUT")


class Cmi5Lms:
    """Serves ``folder`` (the unzipped package under package/) and plays the LMS on 127.0.0.1."""

    def __init__(self, folder: Path, ralph: RalphServer):
        self.folder, self.ralph = folder, ralph
        self.state: dict[tuple, str] = {}
        self.state_requests: list[tuple] = []
        self.refused: list[str] = []
        self.fetches = 0

    def __enter__(self) -> "Cmi5Lms":
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_LmsHandler, directory=str(self.folder)))
        self.server.lms = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def launch_url(self, au_url: str, actor: dict, registration: str, activity_id: str) -> str:
        self.fetches = 0
        query = urllib.parse.urlencode({"endpoint": self.url + "/lrs/", "fetch": self.url + "/fetch",
                                        "actor": json.dumps(actor, separators=(",", ":")), "registration": registration,
                                        "activityId": activity_id})
        return f"{self.url}/package/{au_url}?{query}"

    def put_launch_data(self, actor: dict, registration: str, activity_id: str, data: dict) -> None:
        self.state[("LMS.LaunchData", activity_id, json.dumps(actor, separators=(",", ":")), registration)] = json.dumps(data)
