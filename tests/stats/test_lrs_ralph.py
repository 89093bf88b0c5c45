"""`course quiz stats --lrs URL` against a real LRS (Ralph, tests/lms/ralph_lrs.py): the cmi5 path
reads the same figures as the statements file, following Ralph's `more` links."""
import json

import pytest

from build_tools.cli import main
from lms.ralph_lrs import PASSWORD, USER, RalphServer

from .cohort import BAD, cohort


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    with RalphServer(tmp_path_factory.mktemp("ralph")) as server:
        yield server


def rounded(value):
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


def stats(root, *args) -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["-C", str(root), "quiz", "stats", "--format", "json", *args])
    assert code == 0
    return json.loads(out.getvalue())


def test_the_lrs_gives_the_figures_the_file_gives(ralph, fixture_course, tmp_path, monkeypatch):
    statements = cohort("en", 30) + cohort("ru", 31)
    for start in range(0, len(statements), 50):           # batches, as the package sends them
        ralph.post(statements[start:start + 50])
    stored = ralph.statements()       # no verb filter: Ralph's file backend cannot (build_tools/stats/lrs.py)
    assert len(stored) == len(statements)
    exported = tmp_path / "export.jsonl"
    exported.write_text("\n".join(json.dumps(s) for s in stored), encoding="utf-8")

    monkeypatch.setenv("COURSE_LRS_USER", USER)
    monkeypatch.setenv("COURSE_LRS_PASSWORD", PASSWORD)
    from_lrs = stats(fixture_course, "--lrs", ralph.url + "/xAPI/")
    from_file = stats(fixture_course, "--statements", str(exported))
    assert rounded(from_lrs) == rounded(from_file)     # the LRS's order may differ: sums differ in the last bits
    en = next(p for p in from_lrs["languages"] if p["lang"] == "en")
    assert en["test"]["attempts"] == 30
    bad = next(q for q in en["questions"] if q["id"] == BAD)
    assert any("negative discrimination" in f for f in bad["flags"])
    ru_only = stats(fixture_course, "--lrs", ralph.url + "/xAPI/", "--lang", "ru")
    assert [p["test"]["attempts"] for p in ru_only["languages"]] == [31]


def test_wrong_credentials_say_which_variables(ralph, fixture_course, monkeypatch, capsys):
    monkeypatch.setenv("COURSE_LRS_USER", USER)
    monkeypatch.setenv("COURSE_LRS_PASSWORD", "wrong")
    assert main(["-C", str(fixture_course), "quiz", "stats", "--lrs", ralph.url + "/xAPI/"]) == 1
    err = capsys.readouterr().err
    assert "the LRS answered 401" in err and "COURSE_LRS_USER" in err
