"""The question bank as Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): one
category per lesson, every question type mapped, the downgrades documented in ``lms_bank``.
Moodle XML holds per-option feedback, general feedback (the explanation), the correct /
partially correct / incorrect feedback and the points (``defaultgrade``) as they are."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..model import Course
from .lms_bank import (Downgrade, as_matching, categories, check_exportable, module_title,
                       multiple_response_fractions, ordering_note, percent)
from .schema import MATCHING, MULTIPLE, ORDERING, SHORT_TEXT, SINGLE, TRUE_FALSE, Question

MOODLE_TYPES = {SINGLE: "multichoice", MULTIPLE: "multichoice", TRUE_FALSE: "truefalse",
                SHORT_TEXT: "shortanswer", MATCHING: "matching", ORDERING: "matching"}
FEEDBACK_ELEMENTS = {"correct": "correctfeedback", "partial": "partiallycorrectfeedback",
                     "incorrect": "incorrectfeedback"}


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _simple(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str = "", fmt: str = "html") -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": percent(fraction), "format": fmt})
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback)


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _choices(element: ET.Element, question: Question) -> None:
    single = question.type == SINGLE
    _simple(element, "single", "true" if single else "false")
    _simple(element, "shuffleanswers", "true")
    _simple(element, "answernumbering", "abc")
    fractions = ({o.id: (100 if o.id == question.answer else 0) for o in question.options} if single
                 else multiple_response_fractions(question))
    for option in question.options:
        _answer(element, fractions[option.id], _escape_html(option.text), _escape_html(option.feedback))


def _true_false(element: ET.Element, question: Question) -> None:
    _answer(element, 100 if question.answer else 0, "true", fmt="moodle_auto_format")
    _answer(element, 0 if question.answer else 100, "false", fmt="moodle_auto_format")


def _short_text(element: ET.Element, question: Question) -> None:
    _simple(element, "usecase", "0")
    for accepted in question.answer:
        _answer(element, 100, accepted, fmt="moodle_auto_format")


def _matching(element: ET.Element, question: Question, downgrades: list[Downgrade]) -> None:
    if question.type == ORDERING:
        downgrades.append(Downgrade(question.id, ordering_note(question)))
    _simple(element, "shuffleanswers", "true")
    items, options, answer = as_matching(question)
    texts = {o.id: o.text for o in options}
    for item in items:
        sub = ET.SubElement(element, "subquestion", {"format": "html"})
        ET.SubElement(sub, "text").text = _escape_html(item.text)
        partner = ET.SubElement(sub, "answer")
        ET.SubElement(partner, "text").text = texts[answer[item.id]]


def question_element(question: Question, downgrades: list[Downgrade]) -> ET.Element:
    check_exportable(question, "moodle-xml")
    element = ET.Element("question", {"type": MOODLE_TYPES[question.type]})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question.id
    _text(element, "questiontext", "<p>" + _escape_html(question.text) + "</p>")
    _text(element, "generalfeedback", "<p>" + _escape_html(question.explanation) + "</p>")
    _simple(element, "defaultgrade", f"{question.points:g}")
    _simple(element, "penalty", "0")
    _simple(element, "hidden", "0")
    _simple(element, "idnumber", question.id)
    if question.type in (SINGLE, MULTIPLE):
        _choices(element, question)
    elif question.type == TRUE_FALSE:
        _true_false(element, question)
    elif question.type == SHORT_TEXT:
        _short_text(element, question)
    else:
        _matching(element, question, downgrades)
    if question.type in (SINGLE, MULTIPLE, MATCHING, ORDERING):
        for key, tag in FEEDBACK_ELEMENTS.items():
            text = question.feedback.get(key) or (question.feedback.get("incorrect", "") if key == "partial" else "")
            _text(element, tag, _escape_html(text))
    elif question.feedback:
        downgrades.append(Downgrade(question.id, "per-question feedback kept in the answers' feedback"))
        for answer in element.findall("answer"):
            key = "correct" if answer.get("fraction") == "100" else "incorrect"
            answer.find("feedback/text").text = _escape_html(question.feedback.get(key, ""))
    return element


def _category(quiz: ET.Element, path: str) -> None:
    element = ET.SubElement(quiz, "question", {"type": "category"})
    _text(element, "category", path, fmt=None)


def bank_to_moodle_xml(course: Course, lang: str) -> tuple[str, list[Downgrade]]:
    """The whole bank in ``lang`` as Moodle XML text, and the downgrades made."""
    downgrades: list[Downgrade] = []
    quiz = ET.Element("quiz")
    title = module_title(course, lang).replace("/", "-")
    for category in categories(course, lang):
        _category(quiz, f"$course$/top/{title}/{category.title.replace('/', '-')}")
        for question in category.questions:
            quiz.append(question_element(question, downgrades))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n", downgrades
