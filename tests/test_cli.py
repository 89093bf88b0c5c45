"""The `course` command: help on every subcommand, exit codes, -q/-v."""
import subprocess
import sys

import pytest
from helpers import edit

from build_tools.cli import make_parser

SUBCOMMANDS = sorted(make_parser()._subparsers._group_actions[0].choices)


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "build_tools.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert f"usage: course {command}" in result.stdout
    assert "-q, --quiet" in result.stdout and "-v, --verbose" in result.stdout


def test_core_commands_exist():
    assert {"build", "check", "serve", "preview", "i18n", "new-lesson"} <= set(SUBCOMMANDS)


def test_check_exit_codes(fixture_course):
    ok = run("-C", str(fixture_course), "check")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    edit(fixture_course / "content/en/01-basics.md", "title: Omnichannel basics\n", "")
    bad = run("check", "-q", cwd=fixture_course)
    assert bad.returncode == 1
    assert bad.stdout.strip() == ("content/en/01-basics.md:1: front matter field 'title' missing"
                                  " — add 'title: ...' between the '---' lines (see content/README.md)")


def test_build_failure_is_one_clean_message(fixture_course):
    edit(fixture_course / "translations/en.yml", "  feedback: Feedback form\n", "")
    result = run("build", cwd=fixture_course)
    assert result.returncode == 1
    assert "translations/en.yml:1: UI string 'actions.feedback' missing in en" in result.stderr
    assert "Traceback" not in result.stderr
