"""The learner record in cmi.suspend_data (lms-adapter.js, run under Node.js): SCORM 1.2 allows
4,096 characters. At the largest course we plan for, and well beyond, the section marks always
fit (keyed by a short hash, or one letter per section for a very large course); what does not
fit is left out in a documented order (attempt in progress, then narration, then bookmark),
never the marks."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from build_tools.model import load_course
from helpers import REPO

NODE = shutil.which("node") or "/usr/bin/node"
SCRIPT = REPO / "tests" / "lms" / "suspend_roundtrip.js"


def roundtrip(record: dict, config: dict, limit: int) -> dict:
    out = subprocess.run([NODE, str(SCRIPT)], input=json.dumps({"record": record, "config": config, "limit": limit}),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def course_config(lessons: int, sections: int, id_length: int = 40) -> dict:
    return {"lang": "el", "lessons": [
        {"id": f"lesson-{n:02d}-" + "x" * id_length, "sections": [f"section-{n}-{m}-" + "y" * id_length for m in range(sections)]}
        for n in range(lessons)]}


def full_record(config: dict, questions: int) -> dict:
    sections = {l["id"]: {s: {"opened": 1, "end": 1, "done": "2026-12-01T10:00:00.000Z"} for s in l["sections"]}
                for l in config["lessons"]}
    attempt = {"version": "abc", "ids": [f"question-{n}-with-a-long-id" for n in range(questions)],
               "responses": {f"question-{n}-with-a-long-id": ["option-a", "option-b"] for n in range(questions)},
               "order": {}, "checked": {}}
    return {"schema": 2, "lang": "el", "sections": sections,
            "last": {"page": "03-example-strategies.html", "section": "click-and-collect"},
            "narration": {"page": "02-x.html", "src": "audio/02-x-03.mp3", "position": 41.2, "duration": 90, "title": "T"},
            "quiz": {"best": 87, "passed": True, "last": None, "attempt": attempt}, "completed": "2026-12-01"}


def marks(record: dict) -> set[tuple[str, str]]:
    return {(l, s) for l, ss in record["sections"].items() for s, f in ss.items() if f.get("done")}


def test_the_real_course_with_everything_kept_fits_scorm12():
    course = load_course(REPO)
    config = {"lang": "el", "lessons": [{"id": p.id, "sections": [s.id for s in p.sections]}
                                        for p in course.languages["el"].lessons]}
    record = full_record(config, questions=course.quiz.settings.questions_per_attempt)
    out = roundtrip(record, config, 4096)
    assert len(out["text"]) <= 4096
    decoded = out["decoded"]
    assert marks(decoded) == marks(record)
    assert decoded["quiz"]["best"] == 87 and decoded["quiz"]["passed"] is True
    assert decoded["last"]["page"] == "03-example-strategies.html"
    assert decoded["narration"]["position"] == 41 and decoded["quiz"]["attempt"]["ids"] == record["quiz"]["attempt"]["ids"]


@pytest.mark.parametrize("lessons, sections, questions", [(20, 15, 40), (40, 20, 100)])
def test_a_much_larger_course_keeps_every_mark_within_4096_characters(lessons, sections, questions):
    config = course_config(lessons, sections)
    record = full_record(config, questions)
    out = roundtrip(record, config, 4096)
    assert len(out["text"]) <= 4096
    assert marks(out["decoded"]) == marks(record)              # 300 and 800 sections, all still done
    assert out["decoded"]["quiz"]["best"] == 87
    if lessons == 40:
        assert out["decoded"]["quiz"]["attempt"] is None        # the first thing dropped when room runs out


def test_a_removed_section_drops_out_and_a_new_one_starts_empty():
    old = course_config(2, 3, 5)
    record = full_record(old, 3)
    new = json.loads(json.dumps(old))
    new["lessons"][0]["sections"] = new["lessons"][0]["sections"][1:] + ["section-new"]
    out = roundtrip(record, old, 4096)
    decoded = roundtrip(out["decoded"], new, 4096)["decoded"]
    first = decoded["sections"][new["lessons"][0]["id"]]
    assert old["lessons"][0]["sections"][0] not in first and "section-new" not in first
    assert all(first[s]["done"] for s in new["lessons"][0]["sections"][:-1])


def test_partial_progress_survives_the_compact_codes():
    config = course_config(1, 4, 3)
    lesson, secs = config["lessons"][0]["id"], config["lessons"][0]["sections"]
    record = {"schema": 2, "sections": {lesson: {secs[0]: {"opened": 1}, secs[1]: {"opened": 1, "end": 1},
                                                  secs[2]: {"opened": 1, "heard": 0.55}}},
              "quiz": {"best": None, "passed": False}, "last": None, "narration": None}
    decoded = roundtrip(record, config, 4096)["decoded"]["sections"][lesson]
    assert decoded[secs[0]] == {"opened": 1}
    assert decoded[secs[1]] == {"opened": 1, "end": 1}
    assert decoded[secs[2]] == {"opened": 1, "heard": 0.5}
    assert secs[3] not in decoded


def test_the_positional_form_keeps_marks_while_a_lessons_sections_stay_the_same():
    config = course_config(40, 20)
    record = full_record(config, 0)
    text = roundtrip(record, config, 4096)["text"]
    assert '"p":' in text and '"s":' not in text               # too large for keys: one letter per section
    changed = json.loads(json.dumps(config))
    changed["lessons"][0]["sections"].pop()
    decoded = roundtrip(record, config, 4096)["decoded"]
    assert marks(decoded) == marks(record)
    # the same text read by a build where lesson 0 lost a section: that lesson starts again, the others keep
    out = subprocess.run([NODE, "-e", f"const l=require({json.dumps(str(REPO / 'overrides/assets/course/lms-adapter.js'))});"
                          "let i='';process.stdin.on('data',c=>i+=c).on('end',()=>{const d=JSON.parse(i);"
                          "process.stdout.write(JSON.stringify(l.decode(d.text,d.config)))})"],
                         input=json.dumps({"text": text, "config": changed}), capture_output=True, text=True, timeout=60)
    after = json.loads(out.stdout)
    first = changed["lessons"][0]["id"]
    assert after["sections"][first] == {}
    assert len(marks(after)) == len(marks(record)) - 20
