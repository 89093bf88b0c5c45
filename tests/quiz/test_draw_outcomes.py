"""Every attempt covers every learning outcome: the draw of quiz-grader.js under Node.js, on small
banks and on the real bank as its page receives it; and `course check` on the 'outcome:' tags."""
import json
import os
import shutil
import subprocess
from pathlib import Path

from helpers import REPO, edit, line_of

from build_tools.checks import run_checks
from build_tools.model import load_course
from build_tools.quiz.export import quiz_data

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node") or "/usr/bin/node"


def run_draw_tests(quiz_json: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, **({"QUIZ_JSON": str(quiz_json)} if quiz_json else {}))
    return subprocess.run([NODE, "--test", str(HERE / "draw_outcomes.test.js")], capture_output=True, text=True,
                          timeout=120, env=env)


def test_draw_covers_every_outcome_on_small_banks():
    result = run_draw_tests()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 4" in result.stdout


def real_quiz_json(tmp_path: Path, lang: str) -> Path:
    course = load_course(REPO)
    path = tmp_path / f"quiz-{lang}.json"
    path.write_text(json.dumps(quiz_data(course.quiz, course.languages[lang]), ensure_ascii=False), encoding="utf-8")
    return path


def test_every_attempt_at_the_real_quiz_covers_every_outcome(tmp_path):
    course = load_course(REPO)
    outcomes = course.source.home.meta["outcomes"]
    data = json.loads(real_quiz_json(tmp_path, "ru").read_text(encoding="utf-8"))
    assert sorted({q["outcome"] for q in data["questions"]}) == list(range(1, len(outcomes) + 1))
    result = run_draw_tests(real_quiz_json(tmp_path, "ru"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# pass 5" in result.stdout, result.stdout


def outcome_problems(root: Path) -> list[str]:
    return [p.format() for p in run_checks(load_course(root)) if p.is_error and p.format().startswith(("quiz/", "mkdocs"))]


def tag_all(root: Path, outcome: str = "1") -> Path:
    path = root / "quiz/bank.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n    type: ", f"\n    outcome: {outcome}\n    type: "), encoding="utf-8")
    return path


def test_a_fully_tagged_bank_is_clean(fixture_course):
    tag_all(fixture_course)
    assert outcome_problems(fixture_course) == []
    assert {q.outcome for q in load_course(fixture_course).quiz.questions} == {1}


def test_an_untagged_question_in_a_tagged_bank(fixture_course):
    path = tag_all(fixture_course)
    edit(path, "    outcome: 1\n    type: true-false", "    type: true-false")
    found = outcome_problems(fixture_course)
    assert len(found) == 1 and "question 'multichannel-connected': names no learning outcome, but other questions do" \
        in found[0] and "add 'outcome: <number>' (1 to 1, see content/en/index.md)" in found[0], found


def test_an_outcome_the_home_page_does_not_list(fixture_course):
    path = tag_all(fixture_course)
    edit(path, "    outcome: 1\n    type: true-false", "    outcome: 2\n    type: true-false")
    found = outcome_problems(fixture_course)
    assert f"quiz/bank.yml:{line_of(path, 'outcome: 2')}: question 'multichannel-connected': outcome 2 does not exist: " \
        "content/en/index.md lists 1 learning outcome(s)" in found[0], found


def test_an_outcome_with_too_few_questions(fixture_course):
    path = fixture_course / "quiz/bank.yml"
    edit(path, "    type: true-false", "    outcome: 1\n    type: true-false")
    found = outcome_problems(fixture_course)
    assert any("learning outcome 1 ('Omnichannel links every channel of a shop.') is tested by 1 question(s)" in p
               and "write at least 3 questions with 'outcome: 1'" in p for p in found), found


def test_an_outcome_that_is_not_a_number(fixture_course):
    path = tag_all(fixture_course)
    edit(path, "    outcome: 1\n    type: true-false", "    outcome: first\n    type: true-false")
    found = outcome_problems(fixture_course)
    assert f"quiz/bank.yml:{line_of(path, 'outcome: first')}: outcome must be the number of a learning outcome " \
        "(1, 2, ...), not 'first'" in found[0], found


def test_an_attempt_too_short_for_the_outcomes(fixture_course):
    tag_all(fixture_course)
    edit(fixture_course / "mkdocs.yml", "questions_per_attempt: 15", "questions_per_attempt: 1")
    assert outcome_problems(fixture_course) == []           # one outcome fits in one question
    edit(fixture_course / "content/en/index.md", "outcomes:\n", "outcomes:\n  - A second outcome.\n")
    found = outcome_problems(fixture_course)
    assert any(p.startswith("mkdocs.yml: questions_per_attempt (1) is smaller than the number of learning outcomes (2)")
               for p in found), found


def test_a_translation_cannot_set_the_outcome(fixture_course):
    tag_all(fixture_course)
    path = fixture_course / "quiz/el.yml"
    text = path.read_text(encoding="utf-8")
    first_id = next(line for line in text.splitlines() if line and not line.startswith(("#", " ")))
    edit(path, first_id + "\n", first_id + "\n  outcome: 1\n")
    found = outcome_problems(fixture_course)
    assert found == [f"quiz/el.yml:{line_of(path, 'outcome: 1')}: 'outcome' cannot be set in a translation — a "
                     "translation gives text only; the answer key, points and lesson are in quiz/bank.yml"], found
