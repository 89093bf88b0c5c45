"""The instructors' quiz statistics report in Chromium: the static file (`course quiz stats --format
html`) and the page of `course serve` behind the instructor token; no console errors, charts drawn,
question texts in the chosen language, printable, readable at phone width."""
from __future__ import annotations

import json

import httpx
import pytest
from service_process import ADMIN_TOKEN, for_database

from build_tools.cli import main
from stats.cohort import cohort

pytestmark = pytest.mark.browser


def watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return problems


@pytest.fixture
def report_file(fixture_course, tmp_path):
    statements = tmp_path / "s.jsonl"
    statements.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in cohort("ru", 30)), encoding="utf-8")
    target = tmp_path / "report.html"
    assert main(["-C", str(fixture_course), "quiz", "stats", "--statements", str(statements), "--lang", "ru",
                 "--format", "html", "-o", str(target)]) == 0
    return target


def test_the_static_report_renders_and_prints(page, report_file):
    problems = watch(page)
    page.goto(report_file.as_uri())
    assert page.locator("svg.chart").count() >= 3
    points = page.locator("svg.chart g.point")
    assert points.count() == 6                                    # every question of the fixture bank has figures
    assert page.locator("svg.chart g.point.flagged").count() >= 1
    flagged = page.locator("#q-ru-omni-meaning")
    assert "negative discrimination" in flagged.inner_text()
    ru_text = flagged.locator('p[lang="ru"]').inner_text()
    assert any("\u0400" <= ch <= "\u04ff" for ch in ru_text)       # the question in Russian
    box = page.locator("svg.chart").first.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    assert page.pdf(format="A4")[:5] == b"%PDF-"
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert problems == []


def test_the_served_page_needs_the_token_and_renders_under_the_policy(browser, built_fixture, tmp_path):
    from build_tools.model import load_course
    from build_tools.stats.bank import banks_of

    version = banks_of(load_course(built_fixture))["el"].version
    with for_database(built_fixture, "sqlite:///" + str(tmp_path / "a.sqlite3"), rate_limit=0) as service:
        for n in range(4):
            strong = n % 2 == 0
            answers = [{"question": "omni-meaning", "response": "side-by-side" if strong else "connects",
                        "score": 0 if strong else 1, "max_score": 1},
                       {"question": "multichannel-connected", "response": "false" if strong else "true",
                        "score": 1 if strong else 0, "max_score": 1}]
            assert httpx.post(service.url + "/api/attempts", json={
                "attempt_id": f"attempt-{n:04d}", "consent": True, "lang": "el", "bank_version": version,
                "total": 1, "max_total": 2, "answers": answers}).status_code == 201
        assert httpx.get(service.url + "/api/quiz-stats").status_code == 401
        # the browser's own login prompt: any user name, the instructor token as the password
        context = browser.new_context(http_credentials={"username": "trainer", "password": ADMIN_TOKEN})
        try:
            page = context.new_page()
            problems = watch(page)
            assert page.goto(service.url + "/api/quiz-stats?lang=el").status == 200
            assert page.locator("svg.chart").count() >= 3
            assert "only 4 attempts" in page.locator("p.warning").first.inner_text()
            border = page.evaluate("getComputedStyle(document.querySelector('h2')).borderBottomStyle")
            assert border == "solid"                                   # the stylesheet passed the CSP
            assert problems == []
        finally:
            context.close()
