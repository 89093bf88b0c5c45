"""The question bank as GIFT, Moodle's plain-text question format (quiz/README.md,
"Exporting to an LMS question bank"). One ``$CATEGORY`` per lesson; every question type is
mapped, with the downgrades documented in ``lms_bank``."""
from __future__ import annotations

from ..model import Course
from .lms_bank import (Downgrade, as_matching, categories, check_exportable, module_title,
                       multiple_response_fractions, ordering_note, percent)
from .schema import MATCHING, MULTIPLE, ORDERING, SHORT_TEXT, SINGLE, TRUE_FALSE, Question

_SPECIAL = "\\~=#{}:"
FEEDBACK_LABELS = {"correct": "✓", "partial": "½", "incorrect": "✗"}


def escape(text: str) -> str:
    """GIFT text: special characters backslash-escaped, line breaks as spaces."""
    out = "".join("\\" + c if c in _SPECIAL else c for c in str(text))
    return " ".join(out.split())


def _option_feedback(feedback: str) -> str:
    return f"#{escape(feedback)}" if feedback else ""


def _general_feedback(question: Question, downgrades: list[Downgrade]) -> str:
    parts = [question.explanation]
    if question.feedback and question.type != TRUE_FALSE:
        downgrades.append(Downgrade(question.id, "per-question feedback appended to the general feedback"))
        parts += [f"{FEEDBACK_LABELS[key]} {text}" for key, text in question.feedback.items()]
    return "####" + escape(" ".join(p for p in parts if p))


def _answers(question: Question, downgrades: list[Downgrade]) -> list[str]:
    if question.type == SINGLE:
        return [("=" if o.id == question.answer else "~") + escape(o.text) + _option_feedback(o.feedback)
                for o in question.options]
    if question.type == MULTIPLE:
        if not question.partial_credit:
            downgrades.append(Downgrade(question.id, "all-or-nothing scoring expressed as −100 % per wrong option"))
        fractions = multiple_response_fractions(question)
        return [f"~%{percent(fractions[o.id])}%" + escape(o.text) + _option_feedback(o.feedback)
                for o in question.options]
    if question.type == TRUE_FALSE:
        # GIFT's own form: {TRUE#feedback if wrong#feedback if right}
        wrong, right = question.feedback.get("incorrect", ""), question.feedback.get("correct", "")
        tail = f"#{escape(wrong)}#{escape(right)}" if wrong or right else ""
        return [("TRUE" if question.answer else "FALSE") + tail]
    if question.type == SHORT_TEXT:
        return ["=" + escape(answer) for answer in question.answer]
    if question.type in (MATCHING, ORDERING):
        if question.type == ORDERING:
            downgrades.append(Downgrade(question.id, ordering_note(question)))
        items, options, answer = as_matching(question)
        texts = {o.id: o.text for o in options}
        return ["=" + escape(item.text) + " -> " + escape(texts[answer[item.id]]) for item in items]
    raise ValueError(f"unknown question type {question.type}")


def question_gift(question: Question, downgrades: list[Downgrade]) -> str:
    check_exportable(question, "gift")
    answers = _answers(question, downgrades)
    title = f"::{escape(question.id)}::"
    body = escape(question.text)
    inner = "\n  ".join(answers + [_general_feedback(question, downgrades)])
    return f"// {question.id} ({question.type}, {question.points:g} point{'s' if question.points != 1 else ''})\n" \
           f"{title}{body} {{\n  {inner}\n}}\n"


def bank_to_gift(course: Course, lang: str) -> tuple[str, list[Downgrade]]:
    """The whole bank in ``lang`` as GIFT text, and the downgrades made."""
    downgrades: list[Downgrade] = []
    title = module_title(course, lang)
    lines = [f"// {title} — question bank ({lang}), exported by 'course quiz export --format gift'",
             "// Points per question are in the comment above it: set them as the default mark in Moodle.", ""]
    for category in categories(course, lang):
        lines.append(f"$CATEGORY: $course$/top/{_category_path(title)}/{_category_path(category.title)}")
        lines.append("")
        lines.extend(question_gift(q, downgrades) for q in category.questions)
    return "\n".join(lines), downgrades


def _category_path(text: str) -> str:
    """A category name, read raw to the end of the line by Moodle: '/' separates levels there,
    so a slash in a title becomes a dash."""
    return " ".join(text.replace("/", "-").split())
