"""Helpers of the feedback browser tests: page addresses, CSP violations, the rows stored."""
from __future__ import annotations

from build_tools.feedback.storage import FeedbackQuery, FeedbackStore


def page_url(base: str, lang: str, name: str) -> str:
    return base.rstrip("/") + "/" + ("" if lang == "en" else f"{lang}/") + name


def watch_csp(page) -> list[str]:
    """Collects every Content-Security-Policy violation the page reports."""
    found: list[str] = []
    page.on("console", lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
    return found


def rows(db_url: str, **filters) -> list[dict]:
    store = FeedbackStore.open(db_url)
    try:
        return store.query(FeedbackQuery(**filters))
    finally:
        store.close()
