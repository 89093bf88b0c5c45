"""Browser tests: Playwright for Python driving Debian's Chromium, headless, against built sites
served on 127.0.0.1. COURSE_CHROMIUM names another Chromium; without one, Playwright's own is tried."""
from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
from build_tools.static_server import StaticServer

from helpers import REPO

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    named = os.environ.get("COURSE_CHROMIUM")
    if named:
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = chromium_path()
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def fixture_site(built_fixture) -> str:
    """Base URL of the built fixture course."""
    with StaticServer(built_fixture / "site") as server:
        yield server.url


@pytest.fixture(scope="session")
def built_course(tmp_path_factory) -> Path:
    """The real course (content/, quiz/, translations/) built once per session into a temporary folder."""
    from build_tools.pipeline import build

    out = tmp_path_factory.mktemp("real")
    # Under pytest-xdist each worker builds its own copy into its own folder, one after the other:
    # the caches (audio/, build/cache/) are the repository's, so the second build finds them made.
    lock_dir = REPO / "build"
    lock_dir.mkdir(exist_ok=True)
    with open(lock_dir / "tests-real-course.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            build(REPO, site_dir=out / "site", dist_dir=out / "dist")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return out


@pytest.fixture(scope="session")
def course_site(built_course) -> str:
    """Base URL of the real course's built site."""
    with StaticServer(built_course / "site") as server:
        yield server.url
