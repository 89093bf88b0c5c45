"""Benchmark figures of the feedback service: POST /api/feedback on `course serve` (SQLite) with
50 concurrent clients, alone and again while other processes use every core, plus what
``synchronous=FULL`` (every acknowledged commit on disk) costs per commit against NORMAL."""
from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from ..feedback.site_pages import known_pages
from ..static_server import free_port
from .results import Results

LOAD_SECONDS, CLIENTS = 10, 50
COMMITS = 300


def _wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"service did not answer at {url}")


def _wrk_script(site: Path) -> str:
    known = known_pages(site)
    page = sorted(known.pages)[1] if known and len(known.pages) > 1 else ""
    body = json.dumps({"rating": 4, "helpful": "The laptop journey", "improve": "More examples", "page": page,
                       "lang": "en"})
    return f"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{body}'
"""


def _wrk_latency(output: str, label: str) -> float | None:
    match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if not match:
        return None
    return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]


def _burn(stop_at: float) -> None:
    while time.monotonic() < stop_at:
        sum(i * i for i in range(10_000))


def _run_load(root: Path, wrk: str, tmp: Path, name: str, cpu_burners: int) -> tuple[str, int]:
    db, port = tmp / f"{name}.sqlite3", free_port()
    script = tmp / "post.lua"
    script.write_text(_wrk_script(root / "site"), encoding="utf-8")
    service = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "-q", "serve", "--port", str(port),
                                "--db", str(db), "--rate-limit", "0", "--site-dir", str(root / "site")],
                               cwd=root, env=dict(os.environ, COURSE_ADMIN_TOKEN="bench"))
    burners = []
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/api/health")
        stop_at = time.monotonic() + LOAD_SECONDS + 2
        burners = [multiprocessing.Process(target=_burn, args=(stop_at,), daemon=True) for _ in range(cpu_burners)]
        for burner in burners:
            burner.start()
        out = subprocess.run([wrk, "-t2", f"-c{CLIENTS}", f"-d{LOAD_SECONDS}s", "--latency", "-s", str(script),
                              "-H", f"Origin: {base}", base + "/api/feedback"],
                             capture_output=True, text=True, check=True).stdout
    finally:
        for burner in burners:
            burner.terminate()
        service.terminate()
        service.wait(timeout=40)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
    return out, stored


def _accepted(out: str) -> int:
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return total - (int(bad.group(1)) if bad else 0)


def measure_commit_cost(folder: Path, results: Results) -> None:
    """Milliseconds per single-row commit in WAL mode, synchronous FULL (the service) against NORMAL."""
    per_commit = {}
    for mode in ("FULL", "NORMAL"):
        path = folder / f"commits-{mode}.sqlite3"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={mode}")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
        started = time.perf_counter()
        for n in range(COMMITS):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t (body) VALUES (?)", (f"feedback {n}" * 20,))
            conn.execute("COMMIT")
        per_commit[mode] = (time.perf_counter() - started) * 1000 / COMMITS
        conn.close()
    results.add("feedback", "SQLite commit, synchronous=FULL (used)", per_commit["FULL"], "ms",
                note=f"{COMMITS} single-row commits, WAL, on the benchmark's temporary folder")
    results.add("feedback", "SQLite commit, synchronous=NORMAL (not used)", per_commit["NORMAL"], "ms",
                note="may lose acknowledged commits on power loss")


def measure_feedback(root: Path, results: Results) -> None:
    """Requests/s and latency of POST /api/feedback, 50 concurrent clients for 10 s; rows stored = accepted."""
    wrk = shutil.which("wrk")
    with tempfile.TemporaryDirectory() as tmp:
        measure_commit_cost(Path(tmp), results)
        if not wrk:
            results.add("feedback", "requests per second", None, "req/s", ">= 1000", note="wrk missing: make bench installs it")
            return
        out, stored = _run_load(root, wrk, Path(tmp), "bench", cpu_burners=0)
        accepted = _accepted(out)
        results.add("feedback", "requests per second", accepted / LOAD_SECONDS, "req/s", ">= 1000",
                    note=f"{CLIENTS} clients, {LOAD_SECONDS} s, synchronous=FULL")
        results.add("feedback", "p50 latency", _wrk_latency(out, "50"), "ms")
        results.add("feedback", "p99 latency", _wrk_latency(out, "99"), "ms", "<= 50")
        results.add("feedback", "accepted requests", accepted, "")
        # wrk stops counting with up to one request per client still in flight; those are stored too.
        results.add("feedback", "accepted but not stored (lost)", max(0, accepted - stored), "", "<= 0")
        results.add("feedback", "stored beyond accepted (in flight at the end)", stored - accepted, "", f"<= {CLIENTS}")
        burners = os.cpu_count() or 2
        out, stored = _run_load(root, wrk, Path(tmp), "busy", cpu_burners=burners)
        accepted = _accepted(out)
        note = f"{burners} other processes busy on the CPU meanwhile; reported, no target"
        results.add("feedback", "requests per second under CPU load", accepted / LOAD_SECONDS, "req/s", note=note)
        results.add("feedback", "p99 latency under CPU load", _wrk_latency(out, "99"), "ms", note=note)
        results.add("feedback", "accepted but not stored under CPU load", max(0, accepted - stored), "", "<= 0")
