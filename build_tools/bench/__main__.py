"""Run every measurement on a throwaway copy of the course and print one table."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ..progress import configure_logging
from ..static_server import StaticServer
from .builds import measure_builds
from .lighthouse import measure_lighthouse
from .page_weight import measure_page_weight, measure_quiz_size
from .results import Results
from .workspace import make_workspace

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def measure_in_browser(site: Path, results: Results) -> None:
    from playwright.sync_api import sync_playwright

    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        measure_page_weight(browser, server.url, site, results)
        browser.close()
        measure_lighthouse(REPO, server.url, CHROMIUM, results)


def main() -> int:
    configure_logging(-1)
    results = Results()
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        root = make_workspace(REPO, Path(tmp) / "course")
        measure_builds(root, results)
        site = root / "site"
        measure_quiz_size(site, results)
        measure_in_browser(site, results)
        from .extra import measure_extras
        from .later import measure_later
        measure_extras(root, results)
        measure_later(root, results)
    print(results.table())
    out = REPO / "bench-results.json"
    results.save(out)
    print(f"\nsaved {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
