"""`course serve`: the built site and the feedback service, one process, on 127.0.0.1 by default.

Opens (and migrates) the feedback database, logs what it serves, runs the ASGI app under
uvicorn, and on Ctrl+C or SIGTERM stops taking connections, finishes the requests in flight
(each has bounded waits; past GRACE_SECONDS they are answered 503) and closes the database.

Limits (see README "Feedback service"): KEEP_ALIVE_SECONDS idle between requests, 10 s for a
request's headers (feedback/http_protocol.py) and 10 s for its body (feedback/app.py), at most
``--max-connections`` connections (uvicorn's limit_concurrency: beyond it, 503). Proxy headers
are ignored unless ``--trust-proxy`` names the proxy (feedback/proxy.py).
"""
from __future__ import annotations

import logging
import os
import signal
import threading
import time
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


SITE_URL_ENV = "COURSE_SITE_URL"
KEEP_ALIVE_SECONDS = 5          # an idle connection between requests is closed after this
GRACE_SECONDS = 12              # SIGTERM: requests in flight get this long (each bounds its own waits)
EXIT_WAIT_SECONDS = 10          # then threads still blocked on a hung database get this long
DEFAULT_MAX_CONNECTIONS = 1000


def _max_connections(wanted: int | None) -> int:
    """The connection cap, kept below the open-file limit (each connection is a file descriptor)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    room = max(16, soft - 64) if soft != resource.RLIM_INFINITY else 1_000_000
    return min(wanted or DEFAULT_MAX_CONNECTIONS, room)


def _exit_even_if_threads_hang() -> None:
    """Python waits for every worker thread at exit; one blocked on a hung database must not keep
    the process alive after the server has stopped."""
    deadline = time.monotonic() + EXIT_WAIT_SECONDS
    for thread in threading.enumerate():
        if thread is threading.current_thread() or thread.daemon:
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            log.warning(f"feedback service: a database call is still blocked after {EXIT_WAIT_SECONDS} s; exiting anyway")
            logging.shutdown()
            os._exit(0)


def serve(root: Path | str, host: str = "127.0.0.1", port: int = 8000, db: Path | None = None,
          database_url: str | None = None, rate_limit: int = 30, allowed_origins: tuple[str, ...] = (),
          site_dir: Path | None = None, site_url: str | None = None, trust_proxy: tuple[str, ...] = (),
          max_connections: int | None = None) -> None:
    import uvicorn

    from .config import normalise_site_url
    from .feedback.app import ADMIN_TOKEN_ENV, ServiceSettings, create_app, service_csp
    from .feedback.database import StorageUnavailable, safe_url
    from .feedback.http_protocol import HEADER_SECONDS, BoundedHttpToolsProtocol
    from .feedback.migrations import SchemaTooNew
    from .feedback.options import database_url as choose_database, feedback_options
    from .feedback.origin import is_wildcard, own_origins
    from .feedback.proxy import parse_networks
    from .feedback.security import origin_of, security_headers
    from .feedback.site_pages import known_pages
    from .feedback.storage import FeedbackStore

    config = load_config(root)
    site = Path(site_dir) if site_dir else config.site_dir
    if not (site / "index.html").is_file():
        raise CourseError.at(str(site), 0, "no built site to serve", "run 'course build' first")
    if rate_limit < 0:
        raise CourseError.at("--rate-limit", 0, f"{rate_limit} is not a rate limit", "use 0 (off) or a positive number")
    if max_connections is not None and max_connections < 1:
        raise CourseError.at("--max-connections", 0, f"{max_connections} is not a number of connections",
                             "use a positive number, e.g. 1000")
    given = site_url or os.environ.get(SITE_URL_ENV, "").strip()
    try:
        public = normalise_site_url(given) if given else config.site_url
    except CourseError:
        raise CourseError.at("--site-url" if site_url else SITE_URL_ENV, 0, f"{given!r} is not the public address of a site",
                             "write the address learners open, e.g. https://course.example.org/") from None
    try:
        trusted = parse_networks(trust_proxy)
    except ValueError as exc:
        raise CourseError.at("--trust-proxy", 0, str(exc), "give the address of your reverse proxy, e.g. 127.0.0.1") from None
    endpoint = feedback_options(config).endpoint
    url = choose_database(config, db, database_url)
    try:
        store = FeedbackStore.open(url)
    except (StorageUnavailable, SchemaTooNew) as exc:
        raise CourseError.at(safe_url(url), 0, f"cannot open the feedback database: {exc}",
                             "check that the database server runs and the URL (--database-url or DATABASE_URL) is right")
    token = os.environ.get(ADMIN_TOKEN_ENV, "").strip()
    own = own_origins(public, host, port)
    settings = ServiceSettings(rate_limit=rate_limit, admin_token=token, languages=frozenset(config.language_codes),
                               allowed_origins=frozenset(origin_of(o) or o for o in allowed_origins),
                               connect_origins=tuple(o for o in [origin_of(endpoint)] if o),
                               own_origins=own, origin_per_connection=is_wildcard(host), trusted_proxies=trusted,
                               known=known_pages(site))
    cap = _max_connections(max_connections)
    try:
        app = create_app(site, store, settings, server_adds_security_headers=True)
        log.info(f"feedback service: site {site}")
        log.info(f"feedback service: database {safe_url(url)} ({store.backend}, schema up to date)")
        log.info(f"feedback service: rate limit {f'{rate_limit} submissions a minute per client' if rate_limit else 'off'}; "
                 f"instructor API {'on' if token else f'off (set {ADMIN_TOKEN_ENV} to turn it on)'}")
        log.info(f"feedback service: accepts pages from {', '.join(sorted(own | settings.allowed_origins)) or 'the address each connection arrives at'}"
                 f"{'' if public else ' (no site_url: set it in mkdocs.yml or with --site-url behind a proxy)'}")
        log.info(f"feedback service: proxies trusted for X-Forwarded-For: {', '.join(map(str, trusted)) or 'none'}; "
                 f"at most {cap} connections, {HEADER_SECONDS:.0f} s for a request's headers, "
                 f"{settings.body_seconds:.0f} s for its body")
        quiet = not log.isEnabledFor(logging.INFO)
        headers = [(k.decode(), v.decode()) for k, v in security_headers(service_csp(site, settings))]
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, lifespan="off", server_header=False,
                                               log_level="warning" if quiet else "info",
                                               http=BoundedHttpToolsProtocol, headers=headers,
                                               proxy_headers=False, forwarded_allow_ips="",
                                               timeout_keep_alive=KEEP_ALIVE_SECONDS, limit_concurrency=cap,
                                               timeout_graceful_shutdown=GRACE_SECONDS))
        with _sigterm_exits_cleanly():
            server.run()
    finally:
        store.close()
        log.info("feedback service: stopped")
    _exit_even_if_threads_hang()
