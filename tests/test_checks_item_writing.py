"""The item-writing warnings of `course check` (build_tools/checks/item_writing.py), on small banks
written for each rule, and on the real bank, which must give none."""
from pathlib import Path

from helpers import REPO

from build_tools.checks import run_checks
from build_tools.checks.item_writing import item_writing_warnings
from build_tools.errors import Problem
from build_tools.model import load_course
from build_tools.quiz.loader import load_bank, load_translation
from build_tools.quiz.schema import Quiz


def single(qid: str, options: list[str], key: int = 0, extra: str = "") -> str:
    lines = [f"  - id: {qid}", "    type: single-choice", "    lesson: l", "    section: s", f"    text: {qid}?",
             "    explanation: Because.", "    options:"]
    for n, text in enumerate(options):
        lines += [f"      - id: o{n}", f"        text: \"{text}\""]
    lines.append(f"    answer: o{key}")
    return "\n".join(lines) + "\n" + extra


def true_false(qid: str, answer: bool) -> str:
    return (f"  - id: {qid}\n    type: true-false\n    lesson: l\n    section: s\n    text: {qid}.\n"
            f"    explanation: Because.\n    answer: {'true' if answer else 'false'}\n")


def quiz_of(tmp_path: Path, *questions: str, translation: str = "", lang: str = "ru") -> Quiz:
    bank = tmp_path / "bank.yml"
    bank.write_text("questions:\n" + "".join(questions), encoding="utf-8")
    problems: list[Problem] = []
    loaded = load_bank(bank, "quiz/bank.yml", problems)
    translations = {}
    if translation:
        path = tmp_path / f"{lang}.yml"
        path.write_text(translation, encoding="utf-8")
        translations[lang] = load_translation(path, f"quiz/{lang}.yml", lang, problems)
    assert problems == [] and loaded is not None, problems
    return Quiz("quiz/bank.yml", loaded[0], translations)


def warnings(quiz: Quiz, langs=("en",)) -> list[str]:
    found = item_writing_warnings(quiz, list(langs))
    assert all(not p.is_error for p in found)
    return [p.format() for p in found]


# Four single-choice questions with parallel options, keys in four different places: clean.
BALANCED = [single(f"q{n}", ["Red wine", "Blue sky", "Grey day", "Pink ink"], key=n) for n in range(4)]


def test_a_balanced_bank_gives_no_warning(tmp_path):
    assert warnings(quiz_of(tmp_path, *BALANCED)) == []


def test_keys_all_in_the_first_place(tmp_path):
    quiz = quiz_of(tmp_path, *[single(f"q{n}", ["Red wine", "Blue sky", "Grey day", "Pink ink"]) for n in range(8)])
    found = warnings(quiz)
    assert any(w.startswith("warning: quiz/bank.yml:2: key positions unbalanced: option 1 is the right answer 8 "
                            "time(s) where a balanced bank has about 2") for w in found), found
    assert any("option 2 is the right answer 0 time(s)" in w for w in found), found


def test_the_key_is_the_longest_option_too_often(tmp_path):
    long_keys = [single(f"q{n}", ["A short one", "Quite small", "The longest one", "Small one"], key=[2, 2, 0, 1][n])
                 for n in range(4)]
    found = warnings(quiz_of(tmp_path, *long_keys))
    assert found == ["warning: quiz/bank.yml:2: en: the right answer is the longest option in 2 of 4 single-choice "
                     "questions (q0, q1) — make options parallel in length; no more than a third of keys should be the "
                     "longest (see 'Item-writing warnings' in quiz/README.md)"], found


def test_an_option_more_than_twice_as_long_as_the_others(tmp_path):
    odd = single("odd", ["Red wine", "Blue sky", "Grey day and a long explanation of it", "Pink ink"], key=1)
    found = warnings(quiz_of(tmp_path, *BALANCED, odd))
    assert len(found) == 1 and "en: question 'odd': option 'o2' is more than 2 times as long as the others" in found[0]
    short = single("short", ["Red", "Sky", "Grey", "Online shop"], key=1)     # 11 characters: not compared
    assert warnings(quiz_of(tmp_path, *BALANCED, short)) == []


def test_absolute_words_in_wrong_options_only(tmp_path):
    absolute = single("abs", ["Always red", "Plain blue", "Only green", "Warm white"], key=0)
    found = warnings(quiz_of(tmp_path, *BALANCED, absolute))
    line = 2 + 4 * 16 + 11                        # the third option of the fifth question (16 lines each)
    assert found == [f"warning: quiz/bank.yml:{line}: en: question 'abs': wrong option 'o2' says 'only' — absolute words "
                     "mark an option as wrong; reword it (see 'Item-writing warnings' in quiz/README.md)"], found


def test_absolute_words_per_language_in_the_translation_file(tmp_path):
    translation = "".join(f"q{n}:\n  text: В{n}?\n  explanation: Потому.\n  options:\n    o0: Красное вино\n"
                          f"    o1: Синее небо\n    o2: Зелёный чай\n    o3: Белый песок\n" for n in range(3)) + \
        "q3:\n  text: В3?\n  explanation: Потому.\n  options:\n    o0: Всегда вино\n    o1: Синее небо\n" \
        "    o2: Серый день\n    o3: Белый лист\n"
    quiz = quiz_of(tmp_path, *BALANCED, translation=translation)
    assert warnings(quiz) == []
    found = warnings(quiz, ("en", "ru"))
    assert found == ["warning: quiz/ru.yml:29: ru: question 'q3': wrong option 'o0' says 'всегда' — absolute words "
                     "mark an option as wrong; reword it (see 'Item-writing warnings' in quiz/README.md)"], found


def test_all_or_none_of_the_above(tmp_path):
    above = single("above", ["Red wine", "Blue sky", "Grey day", "All of the above"], key=1)
    found = warnings(quiz_of(tmp_path, *BALANCED, above))
    assert len(found) == 1 and "question 'above': option 'o3' is 'all of the above' — write a real option" in found[0]


def test_duplicate_option_texts(tmp_path):
    twice = single("twice", ["Red wine", "Blue sky", "red  WINE", "Pink ink"], key=1)
    found = warnings(quiz_of(tmp_path, *BALANCED, twice))
    assert len(found) == 1 and "question 'twice': options 'o0' and 'o2' have the same text" in found[0], found


def test_true_false_unbalanced(tmp_path):
    found = warnings(quiz_of(tmp_path, *BALANCED, *[true_false(f"t{n}", n == 0) for n in range(4)]))
    assert len(found) == 1 and "true/false unbalanced: 1 of 4 answers are 'true'" in found[0], found
    assert warnings(quiz_of(tmp_path, *BALANCED, *[true_false(f"t{n}", n < 2) for n in range(4)])) == []


def test_the_real_bank_passes_without_warnings():
    found = [p.format() for p in run_checks(load_course(REPO)) if not p.is_error and p.path.startswith("quiz/")]
    assert found == []


def test_the_real_bank_keeps_the_guidelines_shape():
    quiz = load_course(REPO).quiz
    questions = quiz.questions
    assert sum(q.type == "true-false" and q.answer is True for q in questions) >= 3
    assert sum(q.type == "true-false" and q.answer is False for q in questions) >= 3
    single_keys = [[o.id for o in q.options].index(q.answer) for q in questions if q.type == "single-choice"]
    assert len(set(single_keys)) >= 3 and max(single_keys.count(p) for p in set(single_keys)) <= len(single_keys) / 3
    for outcome in range(1, 7):
        assert sum(q.outcome == outcome for q in questions) >= 3, outcome
