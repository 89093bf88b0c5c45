"""`course feedback export`: the instructors' view of the feedback database from the command line."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import CourseError
from ..progress import add_loudness


def _query(args: argparse.Namespace):
    from ..feedback.storage import FeedbackQuery, parse_day
    from ..feedback.validation import LANG_PATTERN

    if args.lang and not LANG_PATTERN.fullmatch(args.lang):
        raise CourseError.at("--lang", 0, f"{args.lang!r} is not a language code", "use e.g. --lang el")
    try:
        since = parse_day(args.since, "--since") if args.since else None
        until = parse_day(args.until, "--until") if args.until else None
    except ValueError as exc:
        raise CourseError.at(str(exc).split()[0], 0, str(exc), "write the date as YYYY-MM-DD, e.g. 2026-01-31") from None
    return FeedbackQuery(lang=args.lang or "", lesson=args.lesson or "", since=since, until=until,
                         include_spam=args.include_spam)


def cmd_export(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..feedback.database import StorageUnavailable, safe_url
    from ..feedback.options import database_url
    from ..feedback.storage import FeedbackStore

    query = _query(args)
    url = database_url(load_config(args.root), args.db, args.database_url)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        raise CourseError.at(url[len("sqlite:///"):], 0, "no feedback database here",
                             "give the file 'course serve' uses with --db, or --database-url for PostgreSQL")
    try:
        store = FeedbackStore.open(url)
    except StorageUnavailable as exc:
        raise CourseError.at(safe_url(url), 0, f"cannot open the feedback database: {exc}",
                             "check --db/--database-url/DATABASE_URL and that the database server runs")
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        _write(args, store, query, out)
    except StorageUnavailable as exc:
        raise CourseError.at(safe_url(url), 0, f"the feedback database stopped answering: {exc}",
                             "check that the database server runs, then export again") from None
    finally:
        store.close()
        if out is not sys.stdout:
            out.close()
    return 0


def _write(args: argparse.Namespace, store, query, out) -> None:
    from ..feedback.export import csv_lines, for_terminal, json_text

    rows = store.iter_all(query)
    if args.json:
        out.write(json_text(list(rows), indent=1) + "\n")      # control characters always escaped
    else:
        lines = csv_lines(rows)
        # On a terminal a learner's escape sequences would act (retitle, clear the screen): show them.
        out.writelines(for_terminal(lines) if out.isatty() else lines)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("feedback", help="instructors: export the learners' feedback",
                       description="Read the feedback database that 'course serve' writes.")
    actions = p.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    e = actions.add_parser("export", help="write feedback as CSV (default) or JSON",
                           description="Write the feedback (spam caught by the hidden field left out) as CSV, the "
                                       "same as GET /api/feedback.csv.")
    kind = e.add_mutually_exclusive_group()
    kind.add_argument("--csv", action="store_true", help="CSV, one row per submission (the default)")
    kind.add_argument("--json", action="store_true", help="JSON, a list of objects")
    e.add_argument("--lang", help="only this language, e.g. el")
    e.add_argument("--lesson", help="only this lesson id, e.g. omnichannel-basics")
    e.add_argument("--since", metavar="YYYY-MM-DD", help="only from this day on (UTC)")
    e.add_argument("--until", metavar="YYYY-MM-DD", help="only up to and including this day (UTC)")
    e.add_argument("--include-spam", action="store_true", help="include submissions that filled the hidden field")
    e.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    store = e.add_mutually_exclusive_group()
    store.add_argument("--db", type=Path, metavar="PATH", help="SQLite file (default: as 'course serve')")
    store.add_argument("--database-url", metavar="URL", help="postgresql://… (default: $DATABASE_URL)")
    add_loudness(e)
    e.set_defaults(func=cmd_export)
