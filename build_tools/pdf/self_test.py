"""The self-test section of the module PDF: the quiz questions and, for trainers, the answer key.

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


def _scrambled(items: list) -> list:
    """A stable order that does not give the answer away (a bank may list steps in order, matches side by side)."""
    return sorted(items, key=lambda item: hashlib.sha256(item.id.encode("utf-8")).hexdigest())


def _printed_question(question: Any, true_false: tuple[str, str]) -> tuple[dict, str]:
    """(what the template prints, the answer as printed in the key)."""
    printed = {"text": question.text, "numbered": [], "lettered": [], "blank": question.type == SHORT_TEXT}
    answer = question.answer
    if question.type in (SINGLE, MULTIPLE):
        letters = {o.id: letter(i) for i, o in enumerate(question.options)}
        printed["lettered"] = [o.text for o in question.options]
        chosen = answer if isinstance(answer, list) else [answer]
        return printed, ", ".join(letters[a] for a in chosen if a in letters)
    if question.type == TRUE_FALSE:
        printed["lettered"] = list(true_false)
        return printed, f"{letter(0 if answer else 1)} ({true_false[0] if answer else true_false[1]})"
    if question.type == SHORT_TEXT:
        return printed, " / ".join(str(a) for a in answer)
    if question.type == MATCHING:
        shown = _scrambled(question.options)
        letters = {o.id: letter(i) for i, o in enumerate(shown)}
        printed["numbered"] = [i.text for i in question.items]
        printed["lettered"] = [o.text for o in shown]
        return printed, ", ".join(f"{n}\u2009–\u2009{letters.get(answer.get(i.id), '?')}"
                                  for n, i in enumerate(question.items, start=1))
    if question.type == ORDERING:
        shown = _scrambled(question.items)
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
