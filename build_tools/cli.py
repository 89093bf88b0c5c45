"""The `course` command: parse options, call the library, turn errors into exit codes."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import CourseError
from .progress import add_loudness, configure_logging, log

COMMAND_MODULES = (
    "build_tools.commands.core",
    "build_tools.commands.i18n",
    "build_tools.commands.audio",
    "build_tools.commands.quiz",
    "build_tools.commands.pdf",
    "build_tools.commands.feedback",
    "build_tools.commands.export",
)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="course", description="Build, check and serve the omnichannel course.")
    parser.add_argument("-C", "--root", default=".", help="course folder (default: current folder)")
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    loudness.add_argument("-v", "--verbose", action="store_true", help="print details of every step")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for subparser in sub.choices.values():
        add_loudness(subparser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    configure_logging(-1 if args.quiet else 1 if args.verbose else 0)
    try:
        return args.func(args) or 0
    except CourseError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        log.error(f"course {args.command}: failed with {len(exc.problems)} problem(s)")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
