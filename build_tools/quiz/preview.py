"""The bank as a trainer reads it for proofreading: by lesson, with the answers marked."""
from __future__ import annotations

from ..model import Course, Language
from .schema import MATCHING, MULTIPLE, ORDERING, SHORT_TEXT, SINGLE, TRUE_FALSE, TYPE_LABELS, Question

FEEDBACK_LABELS = {"correct": "if correct", "partial": "if partly correct", "incorrect": "if incorrect"}


def _points(points: float) -> str:
    shown = f"{points:g}"
    return f"{shown} point" + ("" if points == 1 else "s")


def _with_feedback(text: str, feedback: str) -> str:
    return f"{text}  — {feedback}" if feedback else text


def answer_lines(question: Question, language: Language) -> list[str]:
    """The options, items or accepted answers of ``question``, the right ones marked."""
    answer = question.answer
    if question.type in (SINGLE, MULTIPLE):
        right = {answer} if question.type == SINGLE else set(answer)
        return [_with_feedback(f"[{'x' if o.id in right else ' '}] {o.text}", o.feedback) for o in question.options]
    if question.type == TRUE_FALSE:
        return [f"[{'x' if answer else ' '}] {language.t('quiz.true_label')}",
                f"[{'x' if not answer else ' '}] {language.t('quiz.false_label')}"]
    if question.type == SHORT_TEXT:
        return ["accepted: " + " | ".join(answer) + "   (case, accents and spaces ignored)"]
    if question.type == MATCHING:
        options = {o.id: o.text for o in question.options}
        return [f"{item.text}  →  {options.get(answer.get(item.id), '?')}" for item in question.items]
    if question.type == ORDERING:
        items = {i.id: i.text for i in question.items}
        return [f"{n}. {items.get(item_id, '?')}" for n, item_id in enumerate(answer, start=1)]
    return []


def preview_text(course: Course, lang: str) -> str:
    quiz, language = course.quiz, course.languages[lang]
    settings = quiz.settings
    translation = quiz.translations.get(lang)
    lines = [f"Quiz bank, {language.name}: {len(quiz.questions)} questions ({quiz.path}"
             + (f" with the text of {translation.path})" if translation else ")"),
             f"Pass mark {settings.pass_mark}%, {settings.questions_per_attempt} questions per attempt, "
             f"options {'shuffled' if settings.shuffle_options else 'in the order written'}", ""]
    pages = {p.id: p for p in language.ordered_pages}
    order = {p.id: n for n, p in enumerate(course.source.ordered_pages)}
    questions = quiz.questions_for(lang)
    number = 0
    for lesson in sorted({q.lesson for q in questions}, key=lambda l: order.get(l, len(order))):
        page = pages.get(lesson)
        lines.append(f"{page.title if page else lesson} ({page.path if page else 'no such page'})")
        for q in (q for q in questions if q.lesson == lesson):
            number += 1
            section = page.section(q.section) if page else None
            untranslated = translation is not None and q.id not in translation.questions
            lines.append(f"  {number}. [{q.id}] {TYPE_LABELS[q.type]}, {_points(q.points)}"
                         f"{', no partial credit' if not q.partial_credit and q.type in (MULTIPLE, MATCHING, ORDERING) else ''}"
                         f" — {section.title if section else '?'} (#{q.section})"
                         + (f", outcome {q.outcome}" if q.outcome is not None else "")
                         + ("   [NOT TRANSLATED: English text shown]" if untranslated else ""))
            lines.append(f"     {q.text}")
            lines.extend(f"       {line}" for line in answer_lines(q, language))
            for key, text in q.feedback.items():
                lines.append(f"     Feedback {FEEDBACK_LABELS[key]}: {text}")
            lines.append(f"     Explanation: {q.explanation}")
            lines.append("")
    return "\n".join(lines)
