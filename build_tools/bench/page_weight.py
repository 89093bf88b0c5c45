"""What a learner's browser loads for one lesson page: bytes by type (raw and gzip) and requests."""
from __future__ import annotations

import gzip
from pathlib import Path

from .results import Results

KINDS = {"document": "html", "stylesheet": "css", "script": "js"}
GZIP_TARGET, REQUESTS_TARGET = "<= 90", "<= 16"
LANGUAGE_FOLDERS = ("", "el/", "hu/", "pl/", "ru/")


def _first_load(page, url: str) -> dict:
    seen: list = []
    page.on("response", lambda response: seen.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    totals = {"requests": 0}
    for response in seen:
        kind = KINDS.get(response.request.resource_type, "other")
        if response.request.resource_type == "media":
            continue  # audio is excluded from the budget
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            body = b""
        totals["requests"] += 1
        totals[f"{kind}_raw"] = totals.get(f"{kind}_raw", 0) + len(body)
        totals[f"{kind}_gzip"] = totals.get(f"{kind}_gzip", 0) + len(gzip.compress(body, 6))
    return totals


def measure_page_weight(browser, base_url: str, site: Path, results: Results) -> None:
    """Every lesson page of every language, on a first visit; search is not opened (it loads when it is)."""
    lessons = [folder + p.name for folder in LANGUAGE_FOLDERS for p in sorted((site / folder).glob("0[1-9]-*.html"))]
    worst_gzip, worst_requests = 0, 0
    for name in lessons:
        context = browser.new_context()  # empty cache: a first load
        totals = _first_load(context.new_page(), base_url + name)
        context.close()
        gz = sum(v for k, v in totals.items() if k.endswith("_gzip"))
        if "/" not in name:      # the English pages in detail; every page's total below
            for kind in ("html", "css", "js", "other"):
                results.add("page", f"{name}: {kind} raw / gzip",
                            f"{totals.get(kind + '_raw', 0) / 1024:.1f} / {totals.get(kind + '_gzip', 0) / 1024:.1f}", "KB")
        results.add("page", f"{name}: requests", totals["requests"], "", REQUESTS_TARGET)
        results.add("page", f"{name}: total gzip", gz / 1024, "KB", GZIP_TARGET)
        worst_gzip, worst_requests = max(worst_gzip, gz), max(worst_requests, totals["requests"])
    results.add("page", "heaviest lesson page, gzip", worst_gzip / 1024, "KB", GZIP_TARGET)
    results.add("page", "most requests on a lesson page", worst_requests, "", REQUESTS_TARGET)


def measure_quiz_size(site: Path, results: Results) -> None:
    files = sorted(p for p in (site / "assets" / "course").glob("quiz*") if ".min." not in p.name)  # sources, not the bundle
    raw = b"".join(p.read_bytes() for p in files)
    results.add("page", "quiz engine JS + CSS, gzip", len(gzip.compress(raw, 9)) / 1024 if files else None, "KB", "<= 12",
                note=", ".join(p.name for p in files) or "no quiz files")
