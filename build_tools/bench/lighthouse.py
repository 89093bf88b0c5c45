"""Lighthouse 12 (npm, runs on Node 20) against the site on 127.0.0.1 with Debian's Chromium."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .results import Results

CATEGORIES = ("accessibility", "best-practices", "seo")
PAGE_TYPES = {"home": "index.html", "lesson": "01-omnichannel-basics.html", "glossary": "93-glossary.html",
              "quiz": "91-test-yourself.html", "feedback": "95-feedback.html", "downloads": "94-downloads.html"}


def lighthouse_scores(repo: Path, url: str, chromium: str) -> dict[str, float]:
    binary = repo / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                        f"--only-categories={','.join(CATEGORIES)}",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
                       check=True, env=dict(os.environ, CHROME_PATH=chromium), timeout=180, capture_output=True)
        report = json.loads(out.read_text(encoding="utf-8"))
    return {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}


def measure_lighthouse(repo: Path, base_url: str, chromium: str, results: Results) -> None:
    for kind, name in PAGE_TYPES.items():
        try:
            scores = lighthouse_scores(repo, base_url + name, chromium)
        except (subprocess.SubprocessError, OSError, KeyError, ValueError) as exc:
            results.add("lighthouse", f"{kind}", None, note=f"failed: {type(exc).__name__}")
            continue
        for category, score in scores.items():
            results.add("lighthouse", f"{kind}: {category}", score, "/100")
