"""The learner record's rules (overrides/assets/course/record.js) against the shared vectors, with
each case's settings turned into the browser's rules by build_tools/record/settings.py: what
counts as done, totals after a section is removed, migration of an old record, the events."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.record.settings import CompletionRules

HERE = Path(__file__).resolve().parent
VECTORS_FILE = HERE / "record_vectors.json"
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))
NODE = shutil.which("node") or "/usr/bin/node"


def browser_rules() -> dict:
    cases = VECTORS["sections"] + VECTORS["summaries"] + VECTORS["events"]
    return {c["name"]: CompletionRules(**c["settings"]).for_browser() for c in cases}


def run(tmp_path: Path, vectors: dict) -> subprocess.CompletedProcess:
    (tmp_path / "vectors.json").write_text(json.dumps(vectors), encoding="utf-8")
    (tmp_path / "rules.json").write_text(json.dumps(browser_rules()), encoding="utf-8")
    return subprocess.run([NODE, str(HERE / "run_record_vectors.js"), str(tmp_path / "vectors.json"),
                           str(tmp_path / "rules.json")], capture_output=True, text=True, timeout=60)


def test_the_defaults_are_the_documented_rules():
    assert CompletionRules().for_browser() == {"endOnScreen": True, "narration": 0.9, "lessons": True, "quiz": True}


def test_vectors_cover_each_rule_and_switch():
    names = " ".join(c["name"] for part in ("sections", "summaries", "migrations", "events") for c in VECTORS[part])
    for edge in ("90 %", "89 %", "switched off", "removed section", "quiz pass not required", "lessons not required",
                 "schema 1", "newer schema", "done mark stays"):
        assert edge in names, edge


def test_javascript_record_passes_every_vector(tmp_path):
    result = run(tmp_path, VECTORS)
    assert result.returncode == 0, result.stdout + result.stderr
    total = sum(len(VECTORS[p]) for p in ("sections", "summaries", "migrations", "events"))
    assert result.stdout.strip().endswith(f"{total} passed, 0 failed")


@pytest.mark.parametrize("part,change", [
    ("sections", lambda c: c.update(done=not c["done"])),
    ("summaries", lambda c: c["expect"].update(percent=c["expect"]["percent"] + 1)),
    ("migrations", lambda c: c["expect"].update(schema=1)),
])
def test_the_runner_reports_a_wrong_vector(tmp_path, part, change):
    broken = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))
    change(broken[part][0])
    result = run(tmp_path, broken)
    assert result.returncode == 1
    assert f"FAIL {broken[part][0]['name']}" in result.stdout
