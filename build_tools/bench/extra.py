"""Measurements of the offline narration engine and of the feedback service under load."""
from __future__ import annotations

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

from ..config import load_config
from ..model import load_course
from ..narration.engines.espeak import EspeakEngine
from ..narration.mp3 import read_stream
from ..narration.settings import load_audio_settings
from ..narration.text import spoken_text
from ..static_server import free_port
from .results import Results

LOAD_SECONDS, CLIENTS = 10, 50


def measure_narration(root: Path, results: Results) -> None:
    """Seconds of speech per second of synthesis (espeak-ng + MP3 encoding), all five languages."""
    course = load_course(root)
    engine = EspeakEngine(load_audio_settings(load_config(root)).with_engine("espeak"))
    audio = spent = size = 0.0
    for code, language in course.languages.items():
        for section in language.lessons[0].sections[:3]:
            text = spoken_text(section.body)
            started = time.perf_counter()
            mp3 = engine.synthesise(text, code)
            spent += time.perf_counter() - started
            audio += read_stream(mp3).seconds
            size += len(mp3)
    results.add("narration", "offline engine speed (espeak-ng + MP3)", audio / spent, "x real time", ">= 100",
                note=f"{audio:.0f} s of speech, 15 sections")
    results.add("narration", "size per minute of speech", size / 1024 / (audio / 60), "KB/min")


def _wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"service did not answer at {url}")


WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"rating": 4, "helpful": "The laptop journey", "improve": "More examples", "page": "01-omnichannel-basics", "lang": "en"}'
"""


def _wrk_latency(output: str, label: str) -> float | None:
    match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if not match:
        return None
    return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]


def measure_feedback(root: Path, results: Results) -> None:
    """Requests/s and latency of POST /api/feedback, 50 concurrent clients for 10 s; rows stored = accepted."""
    wrk = shutil.which("wrk")
    if not wrk:
        results.add("feedback", "requests per second", None, "req/s", ">= 1000", note="wrk missing: make bench installs it")
        return
    with tempfile.TemporaryDirectory() as tmp:
        db, port = Path(tmp) / "bench.sqlite3", free_port()
        script = Path(tmp) / "post.lua"
        script.write_text(WRK_SCRIPT, encoding="utf-8")
        service = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "-q", "serve", "--port", str(port),
                                    "--db", str(db), "--rate-limit", "0", "--site-dir", str(root / "site")],
                                   cwd=root, env=dict(os.environ, COURSE_ADMIN_TOKEN="bench"))
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(base + "/api/health")
            out = subprocess.run([wrk, "-t2", f"-c{CLIENTS}", f"-d{LOAD_SECONDS}s", "--latency", "-s", str(script),
                                  "-H", f"Origin: {base}", base + "/api/feedback"],
                                 capture_output=True, text=True, check=True).stdout
        finally:
            service.terminate()
            service.wait(timeout=30)
        total = int(re.search(r"(\d+) requests in", out).group(1))
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        accepted = total - (int(bad.group(1)) if bad else 0)
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
    results.add("feedback", "requests per second", accepted / LOAD_SECONDS, "req/s", ">= 1000",
                note=f"{CLIENTS} clients, {LOAD_SECONDS} s")
    results.add("feedback", "p50 latency", _wrk_latency(out, "50"), "ms")
    results.add("feedback", "p99 latency", _wrk_latency(out, "99"), "ms", "<= 50")
    results.add("feedback", "accepted requests", accepted, "")
    # wrk stops counting with up to one request per client still in flight; those are stored too.
    results.add("feedback", "accepted but not stored (lost)", max(0, accepted - stored), "", "<= 0")
    results.add("feedback", "stored beyond accepted (in flight at the end)", stored - accepted, "", f"<= {CLIENTS}")


def measure_extras(root: Path, results: Results) -> None:
    measure_narration(root, results)
    measure_feedback(root, results)
