"""The module PDF's self-test prints every choice question's options in a scrambled, stable order:
the answer key is not "a" throughout, and every build and language prints the same letters."""
from collections import Counter

from helpers import REPO

from build_tools.model import load_course
from build_tools.pdf.print_html import _Collector
from build_tools.pdf.self_test import _printed_question, letter, self_test_for
from build_tools.quiz.schema import Choice, Question

TRUE_FALSE = ("True", "False")


def single(question_id: str, n: int = 4) -> Question:
    """A single-choice question whose key is its first option, as a careless bank writes it."""
    return Question(question_id, "single-choice", "l", "s", "Q?", "E.", "o0",
                    options=[Choice(f"o{i}", f"Option {i}") for i in range(n)])


def test_keys_written_first_are_not_printed_first():
    keys = [_printed_question(single(f"q{i}"), TRUE_FALSE)[1] for i in range(40)]
    counts = Counter(keys)
    assert set(counts) == {"a", "b", "c", "d"}, counts
    assert max(counts.values()) <= 20, counts


def test_the_printed_letter_names_the_key_and_the_order_is_stable():
    for i in range(20):
        q = single(f"stable-{i}", 3 + i % 3)
        printed, key = _printed_question(q, TRUE_FALSE)
        again, key_again = _printed_question(q, TRUE_FALSE)
        assert (printed, key) == (again, key_again)
        assert sorted(printed["lettered"]) == sorted(o.text for o in q.options)
        assert printed["lettered"][ord(key) - ord("a")] == "Option 0"


def test_multiple_response_letters_are_in_alphabetical_order():
    q = Question("multi", "multiple-response", "l", "s", "Q?", "E.", ["o0", "o1", "o2"],
                 options=[Choice(f"o{i}", f"Option {i}") for i in range(6)])
    printed, key = _printed_question(q, TRUE_FALSE)
    letters = key.split(", ")
    assert letters == sorted(letters) and len(letters) == 3
    assert sorted(printed["lettered"][ord(l) - ord("a")] for l in letters) == ["Option 0", "Option 1", "Option 2"]


def test_an_ordering_is_never_printed_in_its_right_order():
    for i in range(60):
        items = [Choice(f"s{n}", f"Step {n}") for n in range(2 + i % 2)]
        q = Question(f"order-{i}", "ordering", "l", "s", "Q?", "E.", [c.id for c in items], items=items)
        printed, _ = _printed_question(q, TRUE_FALSE)
        assert printed["lettered"] != [c.text for c in items], q.id


def test_the_real_module_pdf_key_is_spread_and_the_same_in_every_language():
    course = load_course(REPO)
    keys = {}
    for code in ("en", "ru"):
        language = course.languages[code]
        part = self_test_for(course, language, language.page_of_kind("quiz"), _Collector(language), answer_key=True)
        keys[code] = [a["letters"] for a in part["answers"]]
    questions = course.quiz.questions
    choice = [n for n, q in enumerate(questions) if q.type in ("single-choice", "multiple-response")]
    assert [keys["en"][n] for n in choice] == [keys["ru"][n] for n in choice]
    single_keys = Counter(keys["en"][n] for n, q in enumerate(questions) if q.type == "single-choice")
    assert len(single_keys) >= 3 and max(single_keys.values()) <= sum(single_keys.values()) / 2, single_keys
    bank_order = [n for n in choice if _printed_question(questions[n], TRUE_FALSE)[0]["lettered"]
                  == [o.text for o in questions[n].options]]
    assert len(bank_order) <= len(choice) / 3, "most choice questions are printed in another order than the bank's"
    assert letter(0) == "a"
