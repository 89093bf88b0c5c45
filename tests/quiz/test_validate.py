"""`course check` on the quiz banks: every error names file, line and what to do (fixture: a bank with
one question of each type, and its four translations)."""
from pathlib import Path

from helpers import edit, line_of

from build_tools.checks import run_checks
from build_tools.model import load_course

BANK = "quiz/bank.yml"


def problems_of(root: Path) -> list[str]:
    return [p.format() for p in run_checks(load_course(root)) if p.is_error]


def quiz_problems(root: Path) -> list[str]:
    return [p for p in problems_of(root) if p.startswith(("quiz/", "mkdocs.yml"))]


def test_fixture_bank_is_clean_and_loaded(fixture_course):
    course = load_course(fixture_course)
    assert problems_of(fixture_course) == []
    assert [q.type for q in course.quiz.questions] == [
        "single-choice", "multiple-response", "true-false", "short-text", "matching", "ordering"]
    assert set(course.quiz.translations) == {"el", "hu", "pl", "ru"}
    assert course.quiz.settings.pass_mark == 70 and course.quiz.settings.questions_per_attempt == 15


def test_yaml_error_in_the_bank(fixture_course):
    path = fixture_course / BANK
    edit(path, "    text: Which of these are channels of a shop?", "    text: [Which of these are channels of a shop?")
    found = quiz_problems(fixture_course)
    assert len(found) == 1, found
    assert found[0].startswith(f"quiz/bank.yml:{line_of(path, '[Which of these')}: YAML syntax error"), found
    assert "fix the indentation or quoting" in found[0]


def test_yaml_error_in_a_translation(fixture_course):
    path = fixture_course / "quiz/pl.yml"
    edit(path, "  text: Które z nich są kanałami sklepu?", "  text: 'Które z nich są kanałami sklepu?")
    found = quiz_problems(fixture_course)
    assert len(found) == 1, found
    assert found[0].startswith(f"quiz/pl.yml:{line_of(path, chr(39) + 'Które')}: YAML syntax error"), found


def test_unknown_question_type(fixture_course):
    path = fixture_course / BANK
    edit(path, "type: true-false", "type: yes-no")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'type: yes-no')}: unknown question type 'yes-no' — use one of: single-choice, "
        "multiple-response, true-false, short-text, matching, ordering"]


def test_unknown_field_in_a_question(fixture_course):
    path = fixture_course / BANK
    edit(path, "    points: 2\n", "    points: 2\n    hint: Think of the shop.\n")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'hint: Think')}: unknown field 'hint' in question 'channel-examples' "
        "(multiple-response) — valid fields of a multiple-response question: id, type, lesson, section, outcome, points, text, "
        "explanation, feedback, answer, options, partial_credit"]


def test_field_of_another_type(fixture_course):
    path = fixture_course / BANK
    edit(path, "    answer: false\n", "    answer: false\n    items: []\n")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'items: []')}: unknown field 'items' in question 'multichannel-connected' "
        "(true-false) — 'items' belongs to matching, ordering questions; a true-false question has: id, type, lesson, "
        "section, outcome, points, text, explanation, feedback, answer"]


def test_unknown_field_in_an_option(fixture_course):
    path = fixture_course / BANK
    edit(path, "        text: It closes all but one.\n", "        text: It closes all but one.\n        correct: true\n")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'correct: true')}: unknown field 'correct' in an entry of 'options' — "
        "valid fields are: id, text, feedback"]


def test_missing_required_field(fixture_course):
    path = fixture_course / BANK
    edit(path, "    explanation: Omnichannel links every channel of a shop.\n", "")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'id: term-omnichannel')}: question 'term-omnichannel' has no 'explanation' — "
        "add 'explanation:' (see quiz/README.md)"]


def test_duplicate_question_id(fixture_course):
    path = fixture_course / BANK
    edit(path, "id: multichannel-connected", "id: omni-meaning")
    found = quiz_problems(fixture_course)
    assert found[0] == (
        f"quiz/bank.yml:{_nth_line(path, 'id: omni-meaning', 2)}: question id 'omni-meaning' is used twice "
        f"(first on line {line_of(path, 'id: omni-meaning')}) — give every question its own id; ids must never change "
        "once learners use the quiz")
    # the translations still have the renamed question; nothing is said about the duplicated one's text
    assert [p.split(": ", 1)[1] for p in found[1:]] == [
        f"{lang}: question 'multichannel-connected' is not in quiz/bank.yml — use the ids of the bank's questions; "
        "add a question to quiz/bank.yml first" for lang in ("el", "hu", "pl", "ru")]


def line_exact(path: Path, text: str) -> int:
    return _nth_line(path, text, 1, exact=True)


def _nth_line(path: Path, needle: str, nth: int, exact: bool = False) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if (line.strip() == needle if exact else needle in line)]
    return lines[nth - 1]


def test_duplicate_option_id(fixture_course):
    path = fixture_course / BANK
    edit(path, "      - id: tax-office", "      - id: weather")
    assert quiz_problems(fixture_course)[0] == (
        f"quiz/bank.yml:{_nth_line(path, '- id: weather', 2)}: question 'channel-examples': option id 'weather' is used "
        "twice — give every option of a question its own id")


def test_answer_names_a_missing_option(fixture_course):
    path = fixture_course / BANK
    edit(path, "    answer: connects\n", "    answer: connect\n")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'answer: connect')}: question 'omni-meaning': the answer names option 'connect', "
        "which the question does not have — use one of its option ids: connects, side-by-side, closes"]


def test_multiple_response_answer_names_a_missing_option(fixture_course):
    path = fixture_course / BANK
    edit(path, "answer: [web-shop, store]", "answer: [web-shop, shop]")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'answer: [web-shop, shop]')}: question 'channel-examples': the answer names option "
        "'shop', which the question does not have — use one of its option ids: web-shop, store, weather, tax-office"]


def test_multiple_response_with_every_option_correct(fixture_course):
    path = fixture_course / BANK
    edit(path, "answer: [web-shop, store]", "answer: [web-shop, store, weather, tax-office]")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'answer: [web-shop, store, weather')}: question 'channel-examples': every option is "
        "correct, so ticking everything would score full marks — add at least one incorrect option (two or more work best)"]


def test_matching_item_without_a_partner(fixture_course):
    path = fixture_course / BANK
    edit(path, "      multi: side-by-side\n", "")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_exact(path, '- id: multi')}: question 'match-terms': item 'multi' has no partner in the answer"
        " — add 'multi: <option id>' under 'answer:'",
        f"quiz/bank.yml:{_nth_line(path, '- id: side-by-side', 2)}: question 'match-terms': option 'side-by-side' has no "
        "partner in the answer — match it with an item under 'answer:', or remove it"]


def test_matching_answer_names_a_missing_option(fixture_course):
    path = fixture_course / BANK
    edit(path, "      omni: connects\n", "      omni: links\n")
    found = quiz_problems(fixture_course)
    assert found[0] == (
        f"quiz/bank.yml:{line_of(path, 'omni: links')}: question 'match-terms': the answer names option 'links', which "
        "the question does not have — use one of its option ids: connects, side-by-side")


def test_ordering_item_without_a_place(fixture_course):
    path = fixture_course / BANK
    edit(path, "answer: [see, cart, pay, collect]", "answer: [see, cart, collect]")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_exact(path, '- id: pay')}: question 'order-purchase': item 'pay' has no place in the answer"
        " — list every item id once under 'answer:', in the right order"]


def test_ordering_answer_names_a_missing_item(fixture_course):
    path = fixture_course / BANK
    edit(path, "answer: [see, cart, pay, collect]", "answer: [see, cart, pay, collect, deliver]")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'answer: [see, cart, pay, collect, deliver]')}: question 'order-purchase': the "
        "answer names item 'deliver', which the question does not have — use one of its item ids: see, cart, pay, collect"]


def test_section_that_does_not_exist(fixture_course):
    path = fixture_course / BANK
    edit(path, "    section: remember\n", "    section: remember-this\n")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'section: remember-this')}: question 'multichannel-connected': section "
        "'remember-this' does not exist in content/en/90-key-points.md — use one of its section ids: remember"]


def test_lesson_that_does_not_exist(fixture_course):
    path = fixture_course / BANK
    edit(path, "    lesson: basics\n", "    lesson: basic\n")
    assert quiz_problems(fixture_course) == [
        f"quiz/bank.yml:{line_of(path, 'lesson: basic')}: question 'omni-meaning': lesson 'basic' does not exist — use "
        "the 'id' of a lesson, key points or FAQ page in content/en: basics, key-points"]


def test_translation_missing_a_question(fixture_course):
    path = fixture_course / "quiz/hu.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("multichannel-connected:"), text.index("term-omnichannel:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    english = line_of(fixture_course / BANK, "id: multichannel-connected")
    assert quiz_problems(fixture_course) == [
        f"quiz/hu.yml:{line_of(path, 'channel-examples:')}: hu: question 'multichannel-connected' missing; English: "
        f"quiz/bank.yml:{english} — translate it under 'multichannel-connected:' with text and explanation "
        "(quiz/README.md)"]          # a true/false question has no options to translate


def test_translation_missing_an_option(fixture_course):
    path = fixture_course / "quiz/ru.yml"
    edit(path, "    weather: Погода\n", "")
    english = line_of(fixture_course / BANK, "- id: weather")
    assert quiz_problems(fixture_course) == [
        f"quiz/ru.yml:{_nth_line(path, '  options:', 2)}: ru: question 'channel-examples': option 'weather' missing; "
        f"English: quiz/bank.yml:{english} — add 'weather: <text>' under 'options:'"]


def test_translation_missing_an_item_and_the_accepted_answers(fixture_course):
    path = fixture_course / "quiz/pl.yml"
    edit(path, "    pay: Płaci\n", "")
    edit(path, "  accept: [omnichannel, omnikanałowy]\n", "")
    bank = fixture_course / BANK
    assert quiz_problems(fixture_course) == [
        f"quiz/pl.yml:{line_of(path, 'term-omnichannel:')}: pl: question 'term-omnichannel': list of accepted answers "
        f"('accept') missing; English: quiz/bank.yml:{line_of(bank, 'answer: [omnichannel, omni-channel]')} — add "
        "'accept: [...]' with the answers learners may type in this language",
        f"quiz/pl.yml:{_nth_line(path, '  items:', 2)}: pl: question 'order-purchase': item 'pay' missing; English: "
        f"quiz/bank.yml:{line_exact(bank, '- id: pay')} — add 'pay: <text>' under 'items:'"]


def test_translation_file_missing(fixture_course):
    (fixture_course / "quiz/el.yml").unlink()
    assert quiz_problems(fixture_course) == [
        f"quiz/el.yml: el: quiz translation missing: quiz/el.yml gives no text for the 6 question(s) of quiz/bank.yml, "
        f"starting with 'omni-meaning' (quiz/bank.yml:{line_of(fixture_course / BANK, 'id: omni-meaning')}) — create "
        "quiz/el.yml with the text of every question, keyed by its id (quiz/README.md)"]


def test_translation_cannot_change_the_answer_key(fixture_course):
    path = fixture_course / "quiz/el.yml"
    edit(path, "multichannel-connected:\n", "multichannel-connected:\n  answer: true\n")
    assert quiz_problems(fixture_course) == [
        f"quiz/el.yml:{line_of(path, 'answer: true')}: 'answer' cannot be set in a translation — a translation gives "
        "text only; the answer key, points and lesson are in quiz/bank.yml"]
    quiz = load_course(fixture_course).quiz
    assert next(q for q in quiz.questions_for("el") if q.id == "multichannel-connected").answer is False


def test_translation_with_an_unknown_question_and_option(fixture_course):
    path = fixture_course / "quiz/hu.yml"
    edit(path, "    closes: Egy kivételével mindet bezárja.\n",
         "    closes: Egy kivételével mindet bezárja.\n    opens: Mindet kinyitja.\n")
    path.write_text(path.read_text(encoding="utf-8") + "\nextra-question:\n  text: Mi ez?\n", encoding="utf-8")
    assert quiz_problems(fixture_course) == [
        f"quiz/hu.yml:{line_of(path, 'opens:')}: hu: question 'omni-meaning' has no option 'opens' in quiz/bank.yml — "
        f"use the option ids of quiz/bank.yml:{line_of(fixture_course / BANK, 'id: omni-meaning')}: "
        "connects, side-by-side, closes",
        f"quiz/hu.yml:{line_of(path, 'extra-question:')}: hu: question 'extra-question' is not in quiz/bank.yml — use "
        "the ids of the bank's questions; add a question to quiz/bank.yml first"]


def test_quiz_settings_are_validated(fixture_course):
    path = fixture_course / "mkdocs.yml"
    edit(path, "pass_mark: 70", "pass_mark: 170")
    assert quiz_problems(fixture_course) == [
        f"mkdocs.yml:{line_of(path, 'pass_mark: 170')}: extra.course.quiz.pass_mark: 170 is out of range — use a value "
        "from 0 to 100"]


def test_bank_missing_while_the_course_has_a_quiz_page(fixture_course):
    (fixture_course / BANK).unlink()
    assert quiz_problems(fixture_course) == [
        "quiz/bank.yml: quiz bank missing: the 'Test yourself' page has no questions — write the questions in "
        "quiz/bank.yml as described in quiz/README.md"]
