"""`course feedback export`: the same rows and filters as the instructors' API, from the command line."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

from helpers import REPO

from build_tools.feedback.storage import FeedbackStore
from build_tools.feedback.validation import validate_submission


def run(root, *args):
    return subprocess.run([sys.executable, "-m", "build_tools.cli", "-C", str(root), "feedback", "export", *args],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


def seed(url: str) -> None:
    store = FeedbackStore.open(url)
    try:
        for lang, helpful, email in [("el", "Τα παραδείγματα", "a@example.org"), ("pl", "Przykłady", ""),
                                     ("el", "+cmd|' /C calc'!A0", ""), ("en", "spam", "")]:
            data = {"rating": 4, "lang": lang, "helpful": helpful, "email": email, "page": "01-basics", "lesson": "basics"}
            if helpful == "spam":
                data["website"] = "http://spam.example"
            store.add(validate_submission(data))
    finally:
        store.close()


def store_args(url: str) -> list[str]:
    return ["--db", url[len("sqlite:///"):]] if url.startswith("sqlite:///") else ["--database-url", url]


def test_export_csv_with_filters(fixture_course, database_url):
    seed(database_url)
    result = run(fixture_course, "--csv", "--lang", "el", "--since", date.today().isoformat(), *store_args(database_url))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [(r["lang"], r["helpful"], r["email"]) for r in rows] == [
        ("el", "Τα παραδείγματα", "a@example.org"), ("el", "'+cmd|' /C calc'!A0", "")]
    everything = run(fixture_course, *store_args(database_url))
    assert len(list(csv.DictReader(io.StringIO(everything.stdout.lstrip("\ufeff"))))) == 3      # spam left out
    future = run(fixture_course, "--csv", "--since", "2999-01-01", *store_args(database_url))
    assert future.stdout.lstrip("\ufeff").strip() == "id,created_at,lang,page,lesson,rating,helpful,improve,email"


def test_export_json_to_a_file(fixture_course, database_url, tmp_path):
    seed(database_url)
    out = tmp_path / "feedback.json"
    result = run(fixture_course, "--json", "--include-spam", "-o", str(out), *store_args(database_url))
    assert result.returncode == 0, result.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["lang"] for r in rows] == ["el", "pl", "el", "en"]
    assert rows[3]["is_spam"] is True


def test_export_reads_the_database_url_from_the_environment(fixture_course, tmp_path):
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    seed(url)
    result = subprocess.run([sys.executable, "-m", "build_tools.cli", "-C", str(fixture_course), "feedback", "export"],
                            cwd=REPO, capture_output=True, text=True, timeout=60,
                            env={**__import__("os").environ, "DATABASE_URL": url})
    assert result.returncode == 0 and "Przykłady" in result.stdout


def test_export_errors_are_one_clear_line(fixture_course, tmp_path):
    missing = run(fixture_course, "--db", str(tmp_path / "none.sqlite3"))
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[0] == (f"{tmp_path / 'none.sqlite3'}: no feedback database here — give the file "
                                              "'course serve' uses with --db, or --database-url for PostgreSQL")
    bad_day = run(fixture_course, "--since", "last week", "--db", str(tmp_path / "x.sqlite3"))
    assert bad_day.returncode == 1
    assert bad_day.stderr.splitlines()[0] == ("--since: --since must be a date written YYYY-MM-DD, not 'last week' — "
                                              "write the date as YYYY-MM-DD, e.g. 2026-01-31")
    bad_url = run(fixture_course, "--database-url", "mysql://localhost/x")
    assert bad_url.returncode == 1
    assert "--database-url: unsupported database URL mysql://…" in bad_url.stderr
    assert "Traceback" not in missing.stderr + bad_day.stderr + bad_url.stderr


ESCAPES = "title\x1b]0;pwned\x07 clear\x1b[2J csi\x9b31m bidi\u202eevil"


def test_export_to_a_terminal_shows_escape_sequences_instead_of_running_them(fixture_course, tmp_path):
    import os
    import pty

    url = f"sqlite:///{tmp_path / 'f.sqlite3'}"
    store = FeedbackStore.open(url)
    try:
        store.add(validate_submission({"rating": 2, "lang": "en", "helpful": ESCAPES, "improve": "line one\nline two"}))
    finally:
        store.close()
    leader, follower = pty.openpty()
    with os.fdopen(leader, "rb", buffering=0) as terminal:
        process = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "-C", str(fixture_course), "feedback",
                                    "export", "--csv", "--db", url[len("sqlite:///"):]],
                                   cwd=REPO, stdout=follower, stderr=subprocess.PIPE)
        os.close(follower)
        assert process.wait(60) == 0, process.stderr.read()
        shown = b""
        try:
            while chunk := terminal.read(65536):
                shown += chunk
        except OSError:          # the pty ends when the program has exited
            pass
    text = shown.decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text and "\u202e" not in text
    assert "title\\x1b]0;pwned\\x07 clear\\x1b[2J csi\\x9b31m bidi\\u202eevil" in text
    assert "line one" in text and "line two" in text
    # To a file (or a pipe) the text is kept exactly as the learner wrote it.
    piped = run(fixture_course, "--csv", "--db", url[len("sqlite:///"):])
    assert ESCAPES in piped.stdout


def test_json_export_escapes_c0_and_c1_controls(fixture_course, tmp_path):
    url = f"sqlite:///{tmp_path / 'f.sqlite3'}"
    store = FeedbackStore.open(url)
    try:
        store.add(validate_submission({"rating": 2, "lang": "ru", "helpful": ESCAPES + " Всё"}))
    finally:
        store.close()
    result = run(fixture_course, "--json", "--db", url[len("sqlite:///"):])
    assert result.returncode == 0, result.stderr
    assert not any(0x00 <= ord(c) < 0x20 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in result.stdout)
    assert "\\u001b]0;pwned\\u0007" in result.stdout and "\\u009b31m" in result.stdout and "Всё" in result.stdout
    assert json.loads(result.stdout)[0]["helpful"] == ESCAPES + " Всё"
