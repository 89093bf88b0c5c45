"""SCORM 1.2 and 2004 packages in a real runtime: scorm-again (npm) as the LMS API in a parent
window, the unzipped package of the built fixture course in a frame, in headless Chromium on
127.0.0.1. Launch, read the lesson, pass or fail the quiz; what scorm-again's cmi then holds is
what an LMS such as Moodle would store. Then close, relaunch with the saved data and find the
learner at the bookmark with the progress intact."""
from __future__ import annotations

import pytest

from build_tools.model import load_course
from build_tools.static_server import StaticServer
from build_tools.trainer_packs.names import pack_file
from e2e.test_quiz import answer
from lms.scorm_host import saved_for_relaunch, unpack

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def course(built_fixture):
    return load_course(built_fixture)


def built_fixture_root(built):
    """The course folder of a built course: the fixture is built in place, the real course elsewhere."""
    from helpers import REPO
    return built if (built / "mkdocs.yml").is_file() else REPO


def launch(context, url: str, saved: str | None = None):
    page = context.new_page()
    if saved:
        page.add_init_script(f"sessionStorage.setItem('lms-saved', {saved!r})")
    page.goto(url)
    page.wait_for_function("window.lmsCalls && window.lmsCalls.length > 0")
    return page


def course_frame(page):
    """The frame that shows the course inside the package's launch page, once its record is running."""
    def find():
        for frame in page.frames:
            path = frame.url.split("?")[0].split("#")[0]
            if "/package/" in path and not path.endswith("/lms.html"):
                try:
                    if frame.evaluate("!!window.CourseRecord"):
                        return frame
                except Exception:      # navigating
                    pass
        return None
    for _ in range(200):
        frame = find()
        if frame:
            return frame
        page.wait_for_timeout(100)
    raise AssertionError("the course never started inside the package: " + str([f.url for f in page.frames]))


def open_in_course(page, name: str):
    inner = course_frame(page)
    inner.goto(inner.url.split("?")[0].split("#")[0].rsplit("/", 1)[0] + "/" + name)
    return course_frame(page)


def read_lesson(page, lesson_file: str, sections: list[str]) -> None:
    inner = open_in_course(page, lesson_file)
    for section in sections:
        inner.locator(f"#{section} > summary").click()
        inner.locator(f"#{section} > .course-section__end").scroll_into_view_if_needed()
        inner.wait_for_selector(f"#{section} > summary .course-tick")


def take_quiz(page, questions: dict, lang: str, right: bool) -> None:
    inner = open_in_course(page, "91-test-yourself.html")
    inner.wait_for_selector(".course-quiz__question")
    inner.page.on("dialog", lambda d: d.accept())
    shown = inner.locator(".course-quiz__question").evaluate_all("els => els.map(e => e.dataset.question)")
    for qid in shown:
        q = questions[qid]
        answer(inner, q, right, q.answer[0] if q.type == "short-text" else "")
    inner.locator(".course-quiz__finish").click()
    inner.wait_for_selector(".course-quiz__result--pass" if right else ".course-quiz__result--fail")


def leave(page) -> dict:
    """Close the course window as a learner does; the LMS keeps what was committed."""
    host = page.evaluate("() => 1")
    page.evaluate("document.getElementById('sco').remove()")        # unloads lms.html: LMSFinish / Terminate
    page.wait_for_function("window.lmsCalls.includes('LMSFinish') || window.lmsCalls.includes('Terminate')")
    assert host == 1
    return page.evaluate("lmsCmi()")


@pytest.mark.parametrize("kind, lang, which", [("scorm12", "en", "fixture"), ("scorm2004", "el", "real")])
def test_pass_then_relaunch_resumes_at_the_bookmark(request, context, tmp_path, kind, lang, which):
    # SCORM 2004 runs on the real course: its bank tags every question with a learning outcome
    built = request.getfixturevalue("built_fixture" if which == "fixture" else "built_course")
    course = load_course(built_fixture_root(built))
    folder = unpack(built / "dist" / lang / pack_file(kind, lang), tmp_path / kind, kind)
    language = course.languages[lang]
    lesson = language.lessons[0]
    questions = {q.id: q for q in course.quiz.questions_for(lang)}
    with StaticServer(folder) as server:
        page = launch(context, server.url + "host.html")
        read_lesson(page, lesson.html_name, [s.id for s in lesson.sections])
        every_lesson = len(language.lessons) == 1           # the fixture: reading its one lesson completes it
        take_quiz(page, questions, lang, right=True)
        cmi = leave(page)
        calls = page.evaluate("window.lmsCalls")
        page.close()
        if kind == "scorm12":
            assert calls[0] == "LMSInitialize" and calls[-1] == "LMSFinish" and "LMSCommit" in calls
            core = cmi["core"]
            assert core["lesson_status"] == ("passed" if every_lesson else "incomplete")
            assert core["score"]["raw"] == "100" and core["score"]["min"] == "0" and core["score"]["max"] == "100"
            assert core["exit"] == "suspend" and core["session_time"] != "00:00:00"
            location = core["lesson_location"]
        else:
            assert calls[0] == "Initialize" and calls[-1] == "Terminate"
            assert cmi["success_status"] == "passed" and float(cmi["score"]["scaled"]) == 1
            assert cmi["completion_status"] == ("completed" if every_lesson else "incomplete")
            assert (float(cmi["progress_measure"]) == 1) == every_lesson
            interactions = list(cmi["interactions"].values())
            assert len(interactions) == len(set(i["id"] for i in interactions)) > 0
            for item in interactions:
                q = questions[item["id"]]
                assert item["result"] == "correct", item
                if q.outcome is not None:
                    assert list(item["objectives"].values())[0]["id"] == f"outcome-{q.outcome}"
            objectives = {o["id"]: o for o in cmi["objectives"].values()}
            asked = {questions[i["id"]].outcome for i in interactions}
            assert None not in asked and set(objectives) == {f"outcome-{n}" for n in asked}
            for objective in objectives.values():            # every question right: each outcome passed
                assert objective["success_status"] == "passed" and float(objective["score"]["scaled"]) == 1
                assert list(item["objectives"].values())[0]["id"] == f"outcome-{q.outcome}"
            objectives = {o["id"]: o for o in cmi["objectives"].values()}
            assert set(objectives) == {f"outcome-{q.outcome}" for q in questions.values()}
            for objective in objectives.values():            # every question right: each outcome passed
                assert objective["success_status"] == "passed" and float(objective["score"]["scaled"]) == 1
                assert item["type"] == {"single-choice": "choice", "multiple-response": "choice", "true-false": "true-false",
                                        "short-text": "fill-in", "matching": "matching", "ordering": "sequencing"}[q.type]
            location = cmi["location"]
        assert location == ("" if lang == "en" else f"{lang}/") + "91-test-yourself.html"
        assert cmi["suspend_data"] and len(cmi["suspend_data"]) <= 4096

        again = launch(context, server.url + "host.html", saved_for_relaunch(cmi, kind))
        inner = course_frame(again)
        assert inner.url.split("#")[0].endswith(location.split("#")[0])      # resumed at the bookmark
        summary = inner.evaluate("CourseRecord.summary()")
        done = {l["id"]: l["done"] for l in summary["lessons"]}
        assert done[lesson.id] == len(lesson.sections) and summary["quizPassed"] is True   # progress intact


@pytest.mark.parametrize("kind, lang", [("scorm12", "el"), ("scorm2004", "en")])
def test_a_failed_quiz_is_reported_failed_and_the_lesson_incomplete(built_fixture, course, context, tmp_path, kind, lang):
    folder = unpack(built_fixture / "dist" / lang / pack_file(kind, lang), tmp_path / kind, kind)
    lesson = course.languages[lang].lessons[0]
    questions = {q.id: q for q in course.quiz.questions_for(lang)}
    with StaticServer(folder) as server:
        page = launch(context, server.url + "host.html")
        read_lesson(page, lesson.html_name, [lesson.sections[0].id])      # one section of two
        take_quiz(page, questions, lang, right=False)
        cmi = leave(page)
    if kind == "scorm12":
        assert cmi["core"]["lesson_status"] == "failed"
        assert int(cmi["core"]["score"]["raw"]) < course.quiz.settings.pass_mark
    else:
        assert cmi["success_status"] == "failed" and cmi["completion_status"] == "incomplete"
        assert float(cmi["score"]["scaled"]) < course.quiz.settings.pass_mark / 100
        results = {i["result"] for i in cmi["interactions"].values()}
        assert "correct" not in results and results
