"""The cmi5 package against a real LRS: Ralph, started by the test on 127.0.0.1. The test plays
the LMS (registration, LMS.LaunchData, the launch URL and its one-time fetch URL, the
'launched' statement), runs the package in Chromium, then asks Ralph what arrived: the
cmi5-defined statements in order, one registration and session id throughout, the results, and
an 'answered' statement per question; Ralph's own xAPI model accepts every statement."""
from __future__ import annotations

import json
import uuid
import zipfile
from xml.etree import ElementTree as ET

import pytest

from build_tools.lms.manifests import CMI5_NS
from build_tools.model import load_course
from build_tools.trainer_packs.names import pack_file
from e2e.test_lms_scorm import read_lesson, take_quiz
from lms.ralph_lrs import Cmi5Lms, RalphServer, validate_with_ralph_models

pytestmark = pytest.mark.browser

VERB = "http://adlnet.gov/expapi/verbs/"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    with RalphServer(tmp_path_factory.mktemp("ralph")) as server:
        yield server


def unpack(package, folder):
    (folder / "package").mkdir(parents=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "package")
        structure = ET.fromstring(archive.read("cmi5.xml"))
    au = structure.find(f"{{{CMI5_NS}}}au")
    return au.get("id"), au.find(f"{{{CMI5_NS}}}url").text, float(au.get("masteryScore"))


def verbs(statements):
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_passed_session_reaches_the_lrs_as_cmi5_says(built_fixture, ralph, context, tmp_path, lang):
    course = load_course(built_fixture)
    au_id, au_url, mastery = unpack(built_fixture / "dist" / lang / pack_file("cmi5", lang), tmp_path)
    assert mastery == course.quiz.settings.pass_mark / 100
    questions = {q.id: q for q in course.quiz.questions_for(lang)}
    lesson = course.languages[lang].lessons[0]
    actor = {"objectType": "Agent", "name": "Test Learner", "account": {"homePage": "https://lms.example.org", "name": "learner-1"}}
    registration, session = str(uuid.uuid4()), str(uuid.uuid4())
    with Cmi5Lms(tmp_path, ralph) as lms:
        template = {"extensions": {SESSION: session},
                    "contextActivities": {"grouping": [{"id": au_id + "/publisher", "objectType": "Activity"}]}}
        lms.put_launch_data(actor, registration, au_id, {"contextTemplate": template, "launchMode": "Normal",
                                                         "masteryScore": mastery, "moveOn": "CompletedAndPassed",
                                                         "returnURL": lms.url + "/done"})
        ralph.post({"id": str(uuid.uuid4()), "actor": actor, "verb": {"id": VERB + "launched", "display": {"en-US": "launched"}},
                    "object": {"id": au_id, "objectType": "Activity"},
                    "context": {"registration": registration, "extensions": {SESSION: session},
                                "contextActivities": {"category": [{"id": CMI5}]}}, "timestamp": "2026-01-01T00:00:00Z"})
        page = context.new_page()
        page.goto(lms.launch_url(au_url, actor, registration, au_id))
        read_lesson(page, lesson.html_name, [s.id for s in lesson.sections])
        take_quiz(page, questions, lang, right=True)
        page.evaluate("document.getElementById('course-frame').remove()")
        page.goto("about:blank")                                  # the learner leaves: terminated
        page.wait_for_timeout(500)
        assert lms.fetches == 1 and lms.refused == []
        saved = [k for m, k in lms.state_requests if m == "PUT"]
        assert saved, "the record was never saved to the State API"

    # in the order they happened (Ralph's file-system backend returns them in no set order)
    statements = sorted(ralph.statements(registration=registration), key=lambda s: s["timestamp"])
    by_verb = verbs(statements)
    defined = [v for v in by_verb if v != "answered"]
    assert defined == ["launched", "initialized", "completed", "passed", "terminated"]
    assert by_verb.index("answered") > by_verb.index("initialized") and by_verb[-1] == "terminated"
    for s in statements:
        assert s["context"]["registration"] == registration
        assert s["context"]["extensions"][SESSION] == session
        assert s["actor"]["account"] == actor["account"]
    mine = [s for s in statements if s["verb"]["id"] != VERB + "launched"]
    for s in mine:
        categories = {c["id"] for c in s["context"].get("contextActivities", {}).get("category", [])}
        is_defined = s["verb"]["id"] != VERB + "answered"
        assert (CMI5 in categories) == is_defined                 # 'cmi5 allowed' statements carry no cmi5 category
        assert s["context"]["contextActivities"]["grouping"] == template["contextActivities"]["grouping"]
        if s["verb"]["id"] in (VERB + "completed", VERB + "passed"):
            assert MOVEON in categories and s["result"]["duration"].startswith("PT")
    passed = next(s for s in mine if s["verb"]["id"] == VERB + "passed")
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1
    assert passed["object"]["id"] == au_id
    answered = [s for s in mine if s["verb"]["id"] == VERB + "answered"]
    assert len(answered) == course.quiz.settings.questions_per_attempt or len(answered) == len(questions)
    for s in answered:
        qid = s["object"]["id"].rsplit("/", 1)[1]
        assert qid in questions
        assert s["result"]["success"] is True and s["result"]["response"] != ""
        assert s["object"]["definition"]["interactionType"] in ("choice", "true-false", "fill-in", "matching", "sequencing")
        assert s["context"]["contextActivities"]["parent"][0]["id"] == au_id
        assert lang in s["object"]["definition"]["name"]
    assert validate_with_ralph_models(statements) == []
