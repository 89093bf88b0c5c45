"""`course serve` as the tests run it: a real process on 127.0.0.1 and a free port, logging to a file.

Started and stopped by the tests; ``stop()`` sends SIGTERM (a graceful shutdown) and returns the
exit code; the log is kept for assertions and for the message of a failed start.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from build_tools.static_server import free_port

REPO = Path(__file__).resolve().parent.parent
ADMIN_TOKEN = "instructor-token-for-tests"


class ServiceProcess:
    def __init__(self, root: Path, *, db: Path | None = None, database_url: str | None = None,
                 rate_limit: int = 30, token: str | None = ADMIN_TOKEN, port: int | None = None,
                 extra_args: tuple[str, ...] = ()):
        self.root, self.port = root, port or free_port()
        self.args = ["--port", str(self.port), "--rate-limit", str(rate_limit), *extra_args]
        if db is not None:
            self.args += ["--db", str(db)]
        if database_url is not None:
            self.args += ["--database-url", database_url]
        self.env = {k: v for k, v in os.environ.items() if k not in ("COURSE_ADMIN_TOKEN", "DATABASE_URL")}
        if token is not None:
            self.env["COURSE_ADMIN_TOKEN"] = token
        self.log_path = Path(tempfile.mkstemp(prefix="course-serve-", suffix=".log")[1])
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def start(self, timeout: float = 30) -> "ServiceProcess":
        return self.launch().wait_ready(timeout)

    def launch(self) -> "ServiceProcess":
        """Start the process without waiting for it (several can then start at once)."""
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "-C", str(self.root), "serve", *self.args],
                                            cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        return self

    def wait_ready(self, timeout: float = 30) -> "ServiceProcess":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"course serve exited with {self.process.returncode}:\n{self.log}")
            try:
                if httpx.get(self.url + "/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"course serve did not answer within {timeout} s:\n{self.log}")

    def stop(self, timeout: float = 20) -> int | None:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def __enter__(self) -> "ServiceProcess":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        self.log_path.unlink(missing_ok=True)

    def admin(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=30)


def for_database(root: Path, url: str, **options) -> ServiceProcess:
    """A service (not started) on the database ``url``: sqlite:///PATH or postgresql://…"""
    if url.startswith("sqlite:///"):
        return ServiceProcess(root, db=Path(url[len("sqlite:///"):]), **options)
    return ServiceProcess(root, database_url=url, **options)


def start_service(root: Path, url: str, **options) -> ServiceProcess:
    return for_database(root, url, **options).start()
