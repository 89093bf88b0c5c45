"""The self-test section of the module PDF: the quiz questions and, for trainers, the answer key.

Choice options, matching partners and ordering steps are printed in a scrambled order that is
the same in every build and language (``_scrambled``), so the answer key is not "a" throughout
and an ordering is never printed in its right order.

The questions come from ``course.quiz`` (the quiz engine's bank, in the document's language,
with the one answer key of the bank). Without a bank the module PDF simply has no self-test
section, and the build says so once per language.
"""
from __future__ import annotations

import hashlib
from typing import Any

from ..model import Course, Language, Page
from ..progress import log

SINGLE, MULTIPLE, TRUE_FALSE, SHORT_TEXT, MATCHING, ORDERING = (
    "single-choice", "multiple-response", "true-false", "short-text", "matching", "ordering")


def letter(index: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa': the markers of CSS ``lower-alpha`` lists."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _scrambled(items: list, question_id: str, avoid: list[str] | None = None) -> list:
    """A stable order that does not give the answer away: the bank may list steps in order,
    matches side by side, or a key in the same place every time. The order depends on the
    question and option ids only, so every build and every language prints the same letters.
    ``avoid``: an order of ids it must not be (the right order of an ordering question);
    then the scrambled list is turned by one place."""
    def rank(item) -> str:
        return hashlib.sha256(f"{question_id}\x00{item.id}".encode("utf-8")).hexdigest()

    shown = sorted(items, key=rank)
    if avoid is not None and len(shown) > 1 and [item.id for item in shown] == list(avoid):
        shown = shown[1:] + shown[:1]
    return shown


def _printed_question(question: Any, true_false: tuple[str, str]) -> tuple[dict, str]:
    """(what the template prints, the answer as printed in the key)."""
    printed = {"text": question.text, "numbered": [], "lettered": [], "blank": question.type == SHORT_TEXT}
    answer = question.answer
    if question.type in (SINGLE, MULTIPLE):
        shown = _scrambled(question.options, question.id)
        letters = {o.id: letter(i) for i, o in enumerate(shown)}
        printed["lettered"] = [o.text for o in shown]
        chosen = answer if isinstance(answer, list) else [answer]
        return printed, ", ".join(sorted((letters[a] for a in chosen if a in letters), key=lambda l: (len(l), l)))
    if question.type == TRUE_FALSE:
        printed["lettered"] = list(true_false)
        return printed, f"{letter(0 if answer else 1)} ({true_false[0] if answer else true_false[1]})"
    if question.type == SHORT_TEXT:
        return printed, " / ".join(str(a) for a in answer)
    if question.type == MATCHING:
        shown = _scrambled(question.options, question.id, [answer.get(i.id) for i in question.items])
        letters = {o.id: letter(i) for i, o in enumerate(shown)}
        printed["numbered"] = [i.text for i in question.items]
        printed["lettered"] = [o.text for o in shown]
        return printed, ", ".join(f"{n}\u2009–\u2009{letters.get(answer.get(i.id), '?')}"
                                  for n, i in enumerate(question.items, start=1))
    if question.type == ORDERING:
        shown = _scrambled(question.items, question.id, answer)
        letters = {item.id: letter(i) for i, item in enumerate(shown)}
        printed["lettered"] = [item.text for item in shown]
        return printed, ", ".join(letters[a] for a in answer if a in letters)
    return printed, ""


def _source_of(quiz: Any, language: Language, question: Any) -> tuple[str, int]:
    translation = quiz.translations.get(language.code) if language.code != quiz.source_language else None
    if translation is not None and question.id in translation.questions:
        return translation.path, translation.questions[question.id].line
    return question.path, question.line


def self_test_for(course: Course, language: Language, quiz_page: Page | None, collect, answer_key: bool) -> dict | None:
    """Template context of the self-test part, or None when there are no questions to print."""
    quiz = course.quiz
    questions = quiz.questions_for(language.code) if quiz is not None else []
    if not questions or quiz_page is None:
        log.info(f"module PDF ({language.code}): no quiz questions or 'Test yourself' page, so it has no self-test section")
        return None
    true_false = (collect.ui("quiz.true_label"), collect.ui("quiz.false_label"))
    # The online quiz's hint (quiz.hint_multiple), so that paper says what the screen says.
    choose_all = collect.ui("quiz.hint_multiple")
    printed, answers = [], []
    for question in questions:
        shown, key = _printed_question(question, true_false)
        shown["hint"] = choose_all if question.type == MULTIPLE else ""
        path, line = _source_of(quiz, language, question)
        for text in [shown["text"], *shown["numbered"], *shown["lettered"], question.explanation, key]:
            collect.add(path, line, text)
        printed.append(shown)
        answers.append({"letters": key, "explanation": question.explanation})
    return {"title": collect.meta(quiz_page, "title"),
            "questions": printed, "answers": answers if answer_key else [],
            "answers_title": collect.ui("pdf.answer_key")}
