"""What `course serve` adds for attempts: open the store in the feedback database, mount the routes.

serve.py calls ``open_attempts(config, url, settings)`` with the feedback service's database URL
and settings, wraps its app with ``.mount(app)`` and calls ``.close()`` when it stops.
"""
from __future__ import annotations

from ..feedback.database import StorageUnavailable, safe_url
from ..errors import CourseError
from ..progress import log
from .app import AttemptSettings, create_attempts_app, with_attempts
from .storage import AttemptStore


class AttemptsService:
    def __init__(self, config, url: str, feedback_settings):
        from ..model import load_course
        from ..stats.bank import banks_of

        try:
            self.store = AttemptStore.open(url)
        except StorageUnavailable as exc:
            raise CourseError.at(safe_url(url), 0, f"cannot open the attempts table: {exc}",
                                 "check that the database server runs and the URL is right")
        self.banks = banks_of(load_course(config.root))
        self.settings = AttemptSettings(rate_limit=feedback_settings.rate_limit, admin_token=feedback_settings.admin_token,
                                        languages=feedback_settings.languages,
                                        allowed_origins=feedback_settings.allowed_origins,
                                        own_origins=feedback_settings.own_origins,
                                        origin_per_connection=feedback_settings.origin_per_connection,
                                        trusted_proxies=feedback_settings.trusted_proxies)

    def report_page(self, attempts: list, lang: str | None) -> str:
        from ..stats.html import as_html
        from ..stats.report import analyse, select

        return as_html(analyse(select(attempts, lang), self.banks), stylesheet="/api/quiz-stats.css")

    def mount(self, app):
        from ..stats.html import STYLE

        log.info(f"attempts: POST /api/attempts, instructors' report at /api/quiz-stats "
                 f"({'on' if self.settings.admin_token else 'off: no instructor token'})")
        return with_attempts(app, create_attempts_app(self.store, self.settings, self.report_page, STYLE))

    def close(self) -> None:
        self.store.close()


def open_attempts(config, url: str, feedback_settings) -> AttemptsService:
    return AttemptsService(config, url, feedback_settings)
