"""The README documents every `course` command and both set-up commands."""
from helpers import REPO

from build_tools.cli import make_parser

README = (REPO / "README.md").read_text(encoding="utf-8")


def subcommands():
    return sorted(make_parser()._subparsers._group_actions[0].choices)


def test_every_command_is_in_the_readme():
    missing = [c for c in subcommands() if f"course {c}" not in README]
    assert missing == []


def test_readme_shows_the_two_setup_commands_and_ci_calls_the_test_one():
    assert "make site" in README and "make test" in README
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
