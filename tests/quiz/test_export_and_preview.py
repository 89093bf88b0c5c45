"""The quiz JSON of each language, the rendered "Test yourself" page, and `course quiz preview`."""
import json
import re
import subprocess
import sys

from helpers import edit

from build_tools.model import load_course
from build_tools.quiz.export import quiz_data
from build_tools.quiz.page import render_quiz
from build_tools.site.rendering import rendering


def data_of(root, lang):
    course = load_course(root)
    return quiz_data(course.quiz, course.languages[lang])


def test_one_answer_key_for_every_language(fixture_course):
    english = data_of(fixture_course, "en")
    for lang in ("el", "hu", "pl", "ru"):
        translated = data_of(fixture_course, lang)
        for mine, theirs in zip(translated["questions"], english["questions"]):
            assert (mine["id"], mine["type"], mine["points"], mine["partial_credit"]) == \
                (theirs["id"], theirs["type"], theirs["points"], theirs["partial_credit"])
            assert [o["id"] for o in mine.get("options", [])] == [o["id"] for o in theirs.get("options", [])]
            if mine["type"] == "short-text":      # the translation's own forms first, then the bank's
                assert set(theirs["answer"]) <= set(mine["answer"]) and len(mine["answer"]) > len(theirs["answer"])
            else:
                assert mine["answer"] == theirs["answer"]


def test_quiz_data_carries_text_settings_lessons_and_links(fixture_course):
    edit(fixture_course / "mkdocs.yml", "questions_per_attempt: 15", "questions_per_attempt: 4")
    edit(fixture_course / "mkdocs.yml", "shuffle_options: true", "shuffle_options: false")
    data = data_of(fixture_course, "el")
    assert (data["lang"], data["passMark"], data["perAttempt"], data["shuffle"]) == ("el", 70, 4, False)
    assert data["lessons"] == [{"id": "basics", "title": "Βασικές αρχές", "href": "01-basics.html"},
                               {"id": "key-points", "title": "Βασικά σημεία", "href": "90-key-points.html"}]
    first = data["questions"][0]
    assert first["text"] == "Τι κάνει ένα πανκαναλικό κατάστημα με τα κανάλια του;"
    assert first["href"] == "01-basics.html#what-is-omnichannel"
    assert first["sectionTitle"] == "Τι σημαίνει πανκαναλικό"
    assert first["options"][0] == {"id": "connects", "text": "Τα συνδέει.",
                                   "feedback": "Ναι, τα κανάλια λειτουργούν ως ένα κατάστημα."}
    assert data["ui"]["check"] == "Έλεγχος απάντησης"
    assert re.fullmatch(r"[0-9a-f]{12}", data["version"])


def test_version_changes_with_the_bank(fixture_course):
    before = data_of(fixture_course, "en")["version"]
    edit(fixture_course / "quiz/bank.yml", "answer: [web-shop, store]", "answer: [web-shop, store, weather]")
    assert data_of(fixture_course, "en")["version"] != before


def test_page_embeds_the_bank_safely(fixture_course):
    edit(fixture_course / "quiz/bank.yml", "text: Pay\n", "text: Pay </script><b>now</b>\n")
    course = load_course(fixture_course)
    language = course.languages["en"]
    with rendering(course):
        html = render_quiz(language, language.page_of_kind("quiz"), fixture_course)
    assert html.startswith("Omnichannel links every channel of a shop.")
    assert '<div class="course-quiz" id="course-quiz" data-course-quiz="course-quiz-data" lang="en">' in html
    assert "<noscript><p>The quiz needs JavaScript." in html
    payload = re.search(r'<script type="application/json" id="course-quiz-data">(.*?)</script>', html, re.S).group(1)
    assert any(i["text"] == "Pay </script><b>now</b>" for q in json.loads(payload)["questions"] for i in q.get("items", []))


def test_built_quiz_pages_have_their_language_and_the_scripts(built_fixture):
    site = built_fixture / "site"
    for lang, folder in (("en", site), ("ru", site / "ru")):
        html = (folder / "91-test-yourself.html").read_text(encoding="utf-8")
        data = json.loads(re.search(r'id="course-quiz-data">(.*?)</script>', html, re.S).group(1))
        assert data["lang"] == lang and len(data["questions"]) == 6
        # quiz.js, quiz-grader.js and quiz.css reach the page inside the course's bundles (site/asset_bundle.py)
        scripts = re.search(r'src="((?:\.\./)?assets/course/scripts\.[0-9a-f]{10}\.min\.js)"', html).group(1)
        styles = re.search(r'href="((?:\.\./)?assets/course/styles\.[0-9a-f]{10}\.min\.css)"', html).group(1)
        # the every-page bundle fetches the quiz engine on pages with a quiz (asset_bundle.ON_DEMAND)
        engine = re.search(r'"(quiz\.[0-9a-f]{10}\.min\.js)"', (folder / scripts).read_text(encoding="utf-8")).group(1)
        assert "CourseQuizGrader" in (folder / scripts).parent.joinpath(engine).read_text(encoding="utf-8")
        assert ".course-quiz" in (folder / styles).read_text(encoding="utf-8")
    assert "course-quiz-data" not in (site / "01-basics.html").read_text(encoding="utf-8")


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "build_tools.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_preview_marks_the_answers(fixture_course):
    result = run("quiz", "preview", cwd=fixture_course)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Quiz bank, English: 6 questions (quiz/bank.yml)\nPass mark 70%, 15 questions per attempt")
    assert "Omnichannel basics (content/en/01-basics.md)" in out and "Key points (content/en/90-key-points.md)" in out
    assert ("  1. [omni-meaning] single choice, 1 point — What omnichannel means (#what-is-omnichannel)\n"
            "     What does an omnichannel shop do with its channels?\n"
            "       [x] It connects them.  — Yes, the channels work as one shop.\n"
            "       [ ] It runs them side by side.  — That is what a multichannel shop does.\n"
            "       [ ] It closes all but one.\n") in out
    assert "       [x] The web shop\n       [x] The store\n       [ ] The weather\n" in out
    assert "       [ ] True\n       [x] False\n" in out
    assert "accepted: omnichannel | omni-channel" in out
    assert "       Omnichannel shop  →  Connects its channels\n" in out
    assert "       1. See the product\n       2. Put it in the cart\n       3. Pay\n       4. Collect it in the store\n" in out
    assert "     Explanation: Omnichannel links every channel of a shop.\n" in out


def test_preview_in_a_translation_marks_what_is_not_translated(fixture_course):
    path = fixture_course / "quiz/el.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("match-terms:")] + text[text.index("order-purchase:"):], encoding="utf-8")
    result = run("quiz", "preview", "--lang", "el", cwd=fixture_course)
    assert result.returncode == 0, result.stderr
    assert "Quiz bank, Ελληνικά: 6 questions (quiz/bank.yml with the text of quiz/el.yml)" in result.stdout
    assert "       [ ] Σωστό\n       [x] Λάθος\n" in result.stdout
    assert "accepted: πανκαναλικό | πανκαναλικό κατάστημα | omnichannel | omni-channel" in result.stdout
    assert "[match-terms] matching, 1 point — Τι σημαίνει πανκαναλικό (#what-is-omnichannel)   [NOT TRANSLATED: " \
           "English text shown]\n     Match each kind of shop with what it does." in result.stdout


def test_preview_without_a_bank_fails_cleanly(fixture_course):
    (fixture_course / "quiz/bank.yml").unlink()
    result = run("quiz", "preview", cwd=fixture_course)
    assert result.returncode == 1
    assert "quiz/bank.yml: no quiz bank: quiz/bank.yml is missing" in result.stderr
    assert "Traceback" not in result.stderr
