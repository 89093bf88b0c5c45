"""The shared grading vectors (tests/quiz/grading_vectors.json) in Python and, under Node.js, in
JavaScript: both graders give every vector's score, status and feedback."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.errors import Problem
from build_tools.quiz.export import question_data
from build_tools.quiz.grader import grade_response, normalise_text, score_attempt
from build_tools.quiz.loader import parse_question
from build_tools.quiz.validate import key_problems
from build_tools.yaml_lines import LineMap

HERE = Path(__file__).resolve().parent
VECTORS_FILE = HERE / "grading_vectors.json"
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))
NODE = shutil.which("node") or "/usr/bin/node"


def question(question_id: str):
    problems: list[Problem] = []
    parsed = parse_question(VECTORS["questions"][question_id], "vectors", LineMap(), (), problems)
    assert problems == [] and parsed is not None, problems
    return parsed


def test_vectors_cover_every_type_and_the_edge_cases():
    types = {q["type"] for q in VECTORS["questions"].values()}
    assert types == {"single-choice", "multiple-response", "true-false", "short-text", "matching", "ordering"}
    names = " ".join(v["name"] for v in VECTORS["vectors"])
    for edge in ("ticking everything", "partial credit", "accent", "spaces", "final sigma", "no answer"):
        assert edge in names, edge
    assert {v["status"] for v in VECTORS["vectors"]} == {"correct", "partial", "incorrect"}


@pytest.mark.parametrize("question_id", sorted(VECTORS["questions"]))
def test_vector_questions_are_valid_bank_questions(question_id):
    assert key_problems(question(question_id)) == []


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_python_grader(vector):
    grade = grade_response(question(vector["question"]), vector["response"])
    assert grade.score == pytest.approx(vector["score"], abs=1e-9)
    assert grade.status == vector["status"]
    if "feedback" in vector:
        assert grade.feedback == vector["feedback"]


@pytest.mark.parametrize("attempt", VECTORS["attempts"], ids=lambda a: a["name"])
def test_python_attempt_score(attempt):
    result = score_attempt([question(q) for q in attempt["questions"]], attempt["responses"], attempt["passMark"])
    want = attempt["result"]
    assert (result.score, result.points, result.percent, result.passed) == \
        (pytest.approx(want["score"]), want["points"], want["percent"], want["passed"])
    assert [(l.lesson, l.correct, l.total, pytest.approx(l.score), l.points) for l in result.lessons] == \
        [(l["lesson"], l["correct"], l["total"], l["score"], l["points"]) for l in want["lessons"]]


def run_node(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NODE, *args], capture_output=True, text=True, timeout=60)


def test_javascript_grader_under_node():
    result = run_node(str(HERE / "run_vectors.js"), str(VECTORS_FILE))
    total = len(VECTORS["vectors"]) + len(VECTORS["attempts"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"{total} passed, 0 failed")


def test_javascript_grades_the_questions_as_the_page_receives_them(tmp_path):
    """The same vectors with each question as export.py writes it into the page."""
    exported = dict(VECTORS, questions={qid: question_data(question(qid), None) for qid in VECTORS["questions"]})
    path = tmp_path / "exported.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    result = run_node(str(HERE / "run_vectors.js"), str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_failing_vector_fails_the_node_run(tmp_path):
    broken = json.loads(json.dumps(VECTORS))
    broken["vectors"][0]["score"] = 0.5
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    result = run_node(str(HERE / "run_vectors.js"), str(path))
    assert result.returncode == 1
    assert "FAIL single: the right option" in result.stdout


@pytest.mark.parametrize("typed,accepted", [
    ("Πολυκαναλικό", "πολυκαναλικο"), ("  Omnichannel ", "omnichannel"), ("ОБЪЁМ", "объем"), ("Ő", "o"),
    ('"Customer-retention."', "customer retention"), ("«Омниканальность».", "омниканальность"),
    ("„Wielokanałowość”", "wielokanałowosc"), ("click — and — collect", "click and collect"),
])
def test_normalise_text(typed, accepted):
    assert normalise_text(typed) == normalise_text(accepted) == accepted


def test_javascript_normalises_text_as_python_does():
    samples = ["Πολυκαναλικό", " ΟΔΟΣ  ", "Объём", "Többcsatornás", "Wielokanałowość", "Straße", "ﬁle", "Ⅸ",
               "click\u00a0and\u2003collect", "İstanbul", "ᴬbc", "Ça\tva",
               '"Customer-retention."', "«Омниканальность».", "„Wielokanałowość”", "'a'.'b'", "x -- y", "...", "Inc.."]
    script = ("const g = require(process.argv[1]);"
              "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(g.normaliseText)))")
    grader = HERE.parent.parent / "overrides" / "assets" / "course" / "quiz-grader.js"
    result = run_node("-e", script, str(grader), json.dumps(samples))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [normalise_text(s) for s in samples]


def test_random_draw_and_reshuffle_under_node():
    result = run_node("--test", str(HERE / "draw.test.js"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 6" in result.stdout
