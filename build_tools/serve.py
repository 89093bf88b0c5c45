"""`course serve`: the built site and the feedback service, one process, on 127.0.0.1 by default.

Opens (and migrates) the feedback database, logs what it serves, runs the ASGI app under
uvicorn, and on Ctrl+C or SIGTERM stops taking connections, finishes the requests in flight
and closes the database.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .config import load_config
from .errors import CourseError
from .progress import log


@contextmanager
def _sigterm_exits_cleanly() -> Iterator[None]:
    """uvicorn shuts down gracefully on SIGTERM, then raises the signal again: end with exit code 0."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def exit_cleanly(signum, frame):
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, exit_cleanly)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve(root: Path | str, host: str = "127.0.0.1", port: int = 8000, db: Path | None = None,
          database_url: str | None = None, rate_limit: int = 30, allowed_origins: tuple[str, ...] = (),
          site_dir: Path | None = None) -> None:
    import uvicorn

    from .feedback.app import ADMIN_TOKEN_ENV, ServiceSettings, create_app
    from .feedback.database import StorageUnavailable, safe_url
    from .feedback.migrations import SchemaTooNew
    from .feedback.options import database_url as choose_database, feedback_options
    from .feedback.security import origin_of
    from .feedback.storage import FeedbackStore

    config = load_config(root)
    site = Path(site_dir) if site_dir else config.site_dir
    if not (site / "index.html").is_file():
        raise CourseError.at(str(site), 0, "no built site to serve", "run 'course build' first")
    if rate_limit < 0:
        raise CourseError.at("--rate-limit", 0, f"{rate_limit} is not a rate limit", "use 0 (off) or a positive number")
    endpoint = feedback_options(config).endpoint
    url = choose_database(config, db, database_url)
    try:
        store = FeedbackStore.open(url)
    except (StorageUnavailable, SchemaTooNew) as exc:
        raise CourseError.at(safe_url(url), 0, f"cannot open the feedback database: {exc}",
                             "check that the database server runs and the URL (--database-url or DATABASE_URL) is right")
    token = os.environ.get(ADMIN_TOKEN_ENV, "").strip()
    settings = ServiceSettings(rate_limit=rate_limit, admin_token=token, languages=frozenset(config.language_codes),
                               allowed_origins=frozenset(origin_of(o) or o for o in allowed_origins),
                               connect_origins=tuple(o for o in [origin_of(endpoint)] if o))
    from .attempts.service import open_attempts
    attempts = open_attempts(config, url, settings)       # POST /api/attempts, GET /api/quiz-stats
    try:
        app = attempts.mount(create_app(site, store, settings))
        log.info(f"feedback service: site {site}")
        log.info(f"feedback service: database {safe_url(url)} ({store.backend}, schema up to date)")
        log.info(f"feedback service: rate limit {f'{rate_limit} submissions a minute per client' if rate_limit else 'off'}; "
                 f"instructor API {'on' if token else f'off (set {ADMIN_TOKEN_ENV} to turn it on)'}")
        quiet = not log.isEnabledFor(logging.INFO)
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, lifespan="off", server_header=False,
                                               log_level="warning" if quiet else "info",
                                               timeout_graceful_shutdown=10))
        with _sigterm_exits_cleanly():
            server.run()
    finally:
        store.close()
        attempts.close()
        log.info("feedback service: stopped")
