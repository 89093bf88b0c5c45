"""`course quiz stats --statements FILE` on the fixture course: flags, languages, versions, dates, formats."""
import csv
import io
import json
from datetime import datetime, timezone

import pytest

from build_tools.cli import main

from .cohort import BAD, cohort


def write_jsonl(path, statements):
    path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in statements) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def statements_file(tmp_path):
    noise = {"verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}, "object": {"id": "urn:omnichannel-course:en:v1.0:au"}}
    other = cohort("en", 3)
    for s in other:                                  # another course's AU: never read
        s["context"]["contextActivities"]["parent"][0]["id"] = "urn:other-course:en:v1.0:au"
    return write_jsonl(tmp_path / "statements.jsonl", cohort("en", 30) + cohort("el", 12) + [noise] + other
                       + cohort("en", 6, version="0.9"))


def run_json(capsys, *args):
    assert main(["-C", str(pytest.fixture_root), "quiz", "stats", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(autouse=True)
def root(fixture_course):
    pytest.fixture_root = fixture_course


def part(report, lang, current=True):
    return next(p for p in report["languages"] if p["lang"] == lang and p["current"] == current)


def question(p, qid):
    return next(q for q in p["questions"] if q["id"] == qid)


def test_the_bad_question_is_flagged_and_the_good_ones_are_not(capsys, statements_file):
    report = run_json(capsys, "--statements", str(statements_file))
    en = part(report, "en")
    assert en["test"]["attempts"] == 30 and en["test"]["warning"] == ""
    bad = question(en, BAD)
    assert bad["discrimination"] < 0
    flags = " ".join(bad["flags"])
    assert "negative discrimination" in flags
    assert "distractor 'closes' is chosen by nobody" in flags
    assert "distractor 'side-by-side' is chosen by more high scorers" in flags
    good = question(en, "term-omnichannel")
    assert good["discrimination"] > 50 and good["flags"] == []
    assert good["facility"] == pytest.approx(100 * 15 / 30)        # abilities above 0.5: 15 of 30


def test_languages_apart_and_few_attempts_warned(capsys, statements_file):
    report = run_json(capsys, "--statements", str(statements_file))
    el = part(report, "el")
    assert el["test"]["attempts"] == 12
    assert "fewer than 30" in el["test"]["warning"]
    assert question(el, BAD)["facility"] is not None               # shown, not hidden
    only_el = run_json(capsys, "--statements", str(statements_file), "--lang", "el")
    assert {p["lang"] for p in only_el["languages"]} == {"el"}


def test_an_older_package_version_is_reported_apart(capsys, statements_file):
    report = run_json(capsys, "--statements", str(statements_file))
    older = part(report, "en", current=False)
    assert older["version"] == "package v0.9" and older["test"]["attempts"] == 6
    assert part(report, "en")["test"]["attempts"] == 30            # not mixed in


def test_since_and_until(capsys, statements_file):
    # cohort() starts on 2 November 2026 at 09:00 UTC, one learner an hour: en learners 0-14 on the 2nd
    report = run_json(capsys, "--statements", str(statements_file), "--lang", "en", "--until", "2026-11-02")
    assert part(report, "en")["test"]["attempts"] == 15
    report = run_json(capsys, "--statements", str(statements_file), "--lang", "en", "--since", "2026-11-03T00:00Z")
    assert part(report, "en")["test"]["attempts"] == 15


def test_table_csv_and_html(capsys, statements_file, tmp_path):
    assert main(["-C", str(pytest.fixture_root), "quiz", "stats", "--statements", str(statements_file)]) == 0
    table = capsys.readouterr().out
    assert "OLDER bank version" in table and "negative discrimination" in table
    assert main(["-C", str(pytest.fixture_root), "quiz", "stats", "--statements", str(statements_file), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert any(r["question"] == BAD and r["lang"] == "en" and "negative" in r["flags"] for r in rows)
    target = tmp_path / "report.html"
    assert main(["-C", str(pytest.fixture_root), "quiz", "stats", "--statements", str(statements_file),
                 "--format", "html", "--lang", "el", "-o", str(target)]) == 0
    html = target.read_text(encoding="utf-8")
    assert html.count("<svg") >= 3 and 'lang="el"' in html


def test_errors_name_the_problem(capsys, tmp_path, statements_file):
    assert main(["-C", str(pytest.fixture_root), "quiz", "stats"]) == 1
    assert "no attempts to read" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"verb": {}}\n{not json\n', encoding="utf-8")
    assert main(["-C", str(pytest.fixture_root), "quiz", "stats", "--statements", str(broken)]) == 1
    assert f"{broken}:2: not a JSON statement" in capsys.readouterr().err
    assert main(["-C", str(pytest.fixture_root), "quiz", "stats", "--statements", str(statements_file),
                 "--since", "yesterday"]) == 1
    assert "--since: 'yesterday' is not a date" in capsys.readouterr().err
