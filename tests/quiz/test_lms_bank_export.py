"""`course quiz export --format gift|moodle-xml`: the bank for an LMS question bank.

GIFT is parsed by gift-pegjs (npm), a parser nobody here wrote; Moodle XML is checked against
the structure Moodle documents (docs.moodle.org/en/Moodle_XML_format) and read back. In both,
every question of every language is compared with the bank's answer key."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from build_tools.errors import CourseError
from build_tools.model import load_course
from build_tools.quiz.gift import bank_to_gift, question_gift
from build_tools.quiz.lms_bank import categories
from build_tools.quiz.moodle_xml import bank_to_moodle_xml
from build_tools.quiz.schema import Choice, Question
from helpers import REPO

NODE = shutil.which("node") or "/usr/bin/node"
PARSER = REPO / "tests" / "quiz" / "parse_gift.js"
LANGS = ("en", "el", "hu", "pl", "ru")


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


def parse_gift(text: str, tmp_path: Path) -> list[dict]:
    if not (REPO / "node_modules" / "gift-pegjs").exists():
        pytest.fail("node_modules/gift-pegjs is missing: run 'make test' (npm ci) first")
    source = tmp_path / "bank.gift"
    source.write_text(text, encoding="utf-8")
    out = subprocess.run([NODE, str(PARSER), str(source)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def text_of(node) -> str:
    return node["text"] if isinstance(node, dict) else node


def subanswer(pair: dict) -> str:
    """gift-pegjs 1.0.2 leaves an escaped colon in a matching answer as Moodle's internal
    placeholder '&&058;' (Moodle's own importer turns it back into ':'); only that is undone."""
    return pair["subanswer"].replace("&&058;", ":")


def check_gift_key(parsed: dict, q: Question) -> None:
    """The parsed GIFT question grades as the bank's key does."""
    options = {o.id: o.text for o in q.options}
    if q.type == "single-choice":
        assert parsed["type"] == "MC"
        right = [text_of(c["text"]) for c in parsed["choices"] if c["isCorrect"]]
        assert right == [options[q.answer]]
        assert len(parsed["choices"]) == len(q.options)
    elif q.type == "multiple-response":
        assert parsed["type"] == "MC"
        positive = {text_of(c["text"]) for c in parsed["choices"] if (c["weight"] or 0) > 0}
        assert positive == {options[a] for a in q.answer}
        assert sum(c["weight"] for c in parsed["choices"] if c["weight"] > 0) == pytest.approx(100, abs=0.01)
    elif q.type == "true-false":
        assert parsed["type"] == "TF" and parsed["isTrue"] is q.answer
    elif q.type == "short-text":
        assert parsed["type"] == "Short"
        assert [text_of(c["text"]) for c in parsed["choices"]] == list(q.answer)
        assert all(c["isCorrect"] for c in parsed["choices"])
    elif q.type == "matching":
        assert parsed["type"] == "Matching"
        items = {i.id: i.text for i in q.items}
        pairs = {text_of(m["subquestion"]): subanswer(m) for m in parsed["matchPairs"]}
        assert pairs == {items[i]: options[o] for i, o in q.answer.items()}
    elif q.type == "ordering":                    # documented downgrade: matched with positions
        assert parsed["type"] == "Matching"
        items = {i.id: i.text for i in q.items}
        pairs = {text_of(m["subquestion"]): subanswer(m) for m in parsed["matchPairs"]}
        assert pairs == {items[i]: str(n) for n, i in enumerate(q.answer, start=1)}
    assert text_of(parsed["stem"]) == " ".join(q.text.split())
    assert text_of(parsed["globalFeedback"]).startswith(" ".join(q.explanation.split()))


@pytest.mark.parametrize("lang", LANGS)
def test_gift_parsed_by_gift_pegjs_holds_every_key_in_every_language(course, lang, tmp_path):
    text, downgrades = bank_to_gift(course, lang)
    parsed = parse_gift(text, tmp_path)
    bank = {q.id: q for q in course.quiz.questions_for(lang)}
    questions = [p for p in parsed if p["type"] != "Category"]
    assert sorted(p["title"] for p in questions) == sorted(bank)
    for p in questions:
        check_gift_key(p, bank[p["title"]])
    # one category per lesson, in course order, named by the lesson's title in this language
    lesson_titles = [c.title for c in categories(course, lang)]
    cats = [p["title"].rsplit("/", 1)[1] for p in parsed if p["type"] == "Category"]
    assert cats == lesson_titles and len(cats) == len({q.lesson for q in bank.values()})
    # every ordering question is reported as downgraded, none silently
    orderings = {q.id for q in bank.values() if q.type == "ordering"}
    assert orderings <= {d.question_id for d in downgrades}


def test_gift_escapes_every_special_character(tmp_path):
    q = Question(id="tricky", type="single-choice", lesson="l", section="s",
                 text="Price {new} = 5: ~half #1 \\ off?", explanation="Because: a=b #2 {x}",
                 answer="a", options=[Choice("a", "A ~ b = c"), Choice("b", "B: {d}#", feedback="No = {e}")])
    parsed = parse_gift(question_gift(q, []), tmp_path)[0]
    assert parsed["stem"]["text"] == q.text
    assert [c["text"]["text"] for c in parsed["choices"]] == ["A ~ b = c", "B: {d}#"]
    assert parsed["choices"][1]["feedback"]["text"] == "No = {e}"
    assert parsed["globalFeedback"]["text"] == q.explanation


def test_gift_refuses_a_matching_question_moodle_cannot_hold():
    q = Question(id="two-pairs", type="matching", lesson="l", section="s", text="Match", explanation="E",
                 answer={"x": "1", "y": "2"}, items=[Choice("x", "X"), Choice("y", "Y")],
                 options=[Choice("1", "One"), Choice("2", "Two")], path="quiz/bank.yml")
    with pytest.raises(CourseError, match="two-pairs.*at least 3"):
        question_gift(q, [])


MOODLE_TYPES = {"single-choice": "multichoice", "multiple-response": "multichoice", "true-false": "truefalse",
                "short-text": "shortanswer", "matching": "matching", "ordering": "matching"}


def read_moodle_key(element: ET.Element) -> dict:
    kind = element.get("type")
    answers = [(float(a.get("fraction")), a.findtext("text")) for a in element.findall("answer")]
    if kind == "matching":
        return {"pairs": {s.findtext("text"): s.findtext("answer/text") for s in element.findall("subquestion")}}
    return {"answers": answers, "single": element.findtext("single")}


@pytest.mark.parametrize("lang", LANGS)
def test_moodle_xml_has_moodles_structure_and_every_key(course, lang):
    text, _ = bank_to_moodle_xml(course, lang)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    bank = {q.id: q for q in course.quiz.questions_for(lang)}
    seen = []
    for element in root.findall("question"):
        if element.get("type") == "category":
            assert element.findtext("category/text").startswith("$course$/top/")
            continue
        q = bank[element.findtext("name/text")]
        seen.append(q.id)
        assert element.get("type") == MOODLE_TYPES[q.type]
        for required in ("name/text", "questiontext/text", "generalfeedback/text", "defaultgrade"):
            assert element.find(required) is not None, (q.id, required)
        assert element.find("questiontext").get("format") == "html"
        assert float(element.findtext("defaultgrade")) == q.points
        key = read_moodle_key(element)
        options = {o.id: o.text for o in q.options}
        if q.type == "single-choice":
            assert key["single"] == "true"
            assert [t for f, t in key["answers"] if f == 100] == [options[q.answer]]
        elif q.type == "multiple-response":
            assert key["single"] == "false"
            assert {t for f, t in key["answers"] if f > 0} == {options[a] for a in q.answer}
            assert sum(f for f, _ in key["answers"] if f > 0) == pytest.approx(100, abs=0.01)
        elif q.type == "true-false":
            assert dict((t, f) for f, t in key["answers"]) == {"true": 100 if q.answer else 0,
                                                               "false": 0 if q.answer else 100}
        elif q.type == "short-text":
            assert [t for f, t in key["answers"] if f == 100] == list(q.answer)
        else:
            items = {i.id: i.text for i in q.items}
            expected = ({items[i]: options[o] for i, o in q.answer.items()} if q.type == "matching"
                        else {items[i]: str(n) for n, i in enumerate(q.answer, start=1)})
            assert key["pairs"] == expected
        for option in (o for o in q.options if o.feedback and q.type in ("single-choice", "multiple-response")):
            answer = next(a for a in element.findall("answer") if a.findtext("text") == option.text)
            assert answer.findtext("feedback/text") == option.feedback
    assert sorted(seen) == sorted(bank)
    categories_seen = [e.findtext("category/text") for e in root.findall("question[@type='category']")]
    assert len(categories_seen) == len({q.lesson for q in bank.values()})


def run_course(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([str(REPO / ".venv" / "bin" / "course"), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cli_writes_one_file_per_language_into_dist(tmp_path):
    out = run_course("quiz", "export", "--format", "moodle-xml", "--lang", "ru",
                     "-o", str(tmp_path / "ru.xml"))
    assert out.returncode == 0, out.stderr
    assert "<quiz>" in (tmp_path / "ru.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (("--format", "qti"), "invalid choice: 'qti'"),
    (("--format", "gift", "--lang", "de"), "'de' is not a course language"),
    (("--format", "gift", "-o", "x.gift"), "-o names one file"),
])
def test_cli_bad_input_is_a_clear_error(args, message):
    out = run_course("quiz", "export", *args)
    assert out.returncode != 0
    assert message in out.stderr, out.stderr
