"""`course build`, `course check`, `course serve`, `course preview`."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..progress import log


def cmd_build(args: argparse.Namespace) -> int:
    from ..pipeline import build

    build(args.root, site_dir=args.site_dir, dist_dir=args.dist_dir)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ..checks import run_checks
    from ..model import load_course

    problems = run_checks(load_course(args.root))
    if args.strict:
        problems = [p.strict() for p in problems]
    quiet = getattr(args, "quiet", False)
    for problem in problems:
        if problem.is_error or not quiet:
            print(problem.format())
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if errors:
        log.error(f"{errors} problem(s), {warnings} warning(s)")
        return 1
    log.info(f"course check: no problems ({warnings} warning(s))")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from ..serve import serve

    serve(args.root, host=args.host, port=args.port, db=args.db, database_url=args.database_url,
          rate_limit=args.rate_limit, allowed_origins=tuple(args.allow_origin), site_dir=args.site_dir,
          site_url=args.site_url, trust_proxy=tuple(args.trust_proxy), max_connections=args.max_connections)
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from ..preview import preview

    preview(args.root, host=args.host, port=args.port)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="check, then build site/ (all languages) and dist/ (packs)",
                       description="Validate every input, derive audio/PDF/quiz data, build the site into site/ "
                                   "and the trainer packs into dist/. A failed build leaves the previous output intact.")
    p.add_argument("--site-dir", type=Path, help="write the site here instead of site/ (mkdocs.yml site_dir)")
    p.add_argument("--dist-dir", type=Path, help="write the packs here instead of dist/")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("check", help="validate lessons, translations, glossary and quiz banks",
                       description="Print one 'path:line: problem — what to do' line per problem; exit 1 if any "
                                   "error. Stale translations are warnings unless --strict.")
    p.add_argument("--strict", action="store_true",
                   help="treat stale or untranslated translations as errors (for CI that must fail on staleness)")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("serve", help="serve the built site (and the feedback API) on 127.0.0.1",
                       description="Serve site/ as built by 'course build' and the feedback API. Feedback is kept "
                                   "in SQLite (extra.course.feedback.database) or in PostgreSQL (--database-url or "
                                   "DATABASE_URL); the instructors' token is read from COURSE_ADMIN_TOKEN.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--site-dir", type=Path, help="serve this built site instead of site/ (mkdocs.yml site_dir)")
    store = p.add_mutually_exclusive_group()
    store.add_argument("--db", type=Path, metavar="PATH", help="SQLite file for feedback (default: feedback.sqlite3)")
    store.add_argument("--database-url", metavar="URL", help="postgresql://user:password@host/db (default: $DATABASE_URL)")
    p.add_argument("--rate-limit", type=int, default=30, metavar="N",
                   help="submissions a minute per client (default 30; 0 turns the limit off)")
    p.add_argument("--allow-origin", action="append", default=[], metavar="URL",
                   help="another site whose pages may send feedback here (repeatable)")
    p.add_argument("--site-url", metavar="URL",
                   help="public address of the site, e.g. https://course.example.org/ (default: $COURSE_SITE_URL, "
                        "else mkdocs.yml site_url); the browser's Origin must match it")
    p.add_argument("--trust-proxy", action="append", default=[], metavar="ADDRESS",
                   help="a reverse proxy (IP or network) whose X-Forwarded-For names the client (repeatable; "
                        "default: trust none)")
    p.add_argument("--max-connections", type=int, metavar="N",
                   help="open connections at most (default 1000); beyond it new requests get 503")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("preview", help="live-reloading preview for instructors while editing",
                       description="Regenerate pages and reload the browser whenever content/, quiz/ or translations/ change.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8001, help="port (default 8001)")
    p.set_defaults(func=cmd_preview)
