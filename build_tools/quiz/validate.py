"""`course check` for the quiz: what the loader cannot see question by question.

Duplicate ids, an answer that names a missing option or item, a matching or ordering item
without a partner, a question pointing at a lesson section that does not exist, a learning
outcome that no question or too few questions test, and a translation that lacks a
question, an option or a text. Every problem names file and line.
"""
from __future__ import annotations

from collections import Counter

from ..artefact_paths import SECTION_PAGE_KINDS
from ..errors import Problem
from ..model import Course, Page
from .schema import MATCHING, MULTIPLE, ORDERING, SHORT_TEXT, SINGLE, BankText, Question, Quiz

QUIZ_README = "quiz/README.md"
MIN_QUESTIONS_PER_OUTCOME = 3


def _problem(q: Question, where: tuple, message: str, hint: str = "") -> Problem:
    return Problem(q.path, q.line_of(*where), f"question '{q.id}': {message}", hint)


def _duplicates(quiz: Quiz) -> list[Problem]:
    problems, first = [], {}
    for q in quiz.questions:
        if q.id in first:
            problems.append(Problem(q.path, q.line_of("id"), f"question id '{q.id}' is used twice (first on line {first[q.id]})",
                                    "give every question its own id; ids must never change once learners use the quiz"))
        first.setdefault(q.id, q.line_of("id"))
    for q in quiz.questions:
        for kind, choices in (("options", q.options), ("items", q.items)):
            seen: set[str] = set()
            for index, choice in enumerate(choices):
                if choice.id in seen:
                    problems.append(_problem(q, (kind, index, "id"), f"{kind[:-1]} id '{choice.id}' is used twice",
                                             f"give every {kind[:-1]} of a question its own id"))
                seen.add(choice.id)
    return problems


def _names(ids) -> str:
    return ", ".join(ids) or "none"


def _choice_key_problems(q: Question) -> list[Problem]:
    option_ids = [o.id for o in q.options]
    problems = []
    if len(q.options) < 2:
        problems.append(_problem(q, ("options",), "needs at least two options", "add the options learners choose from"))
    answers = [q.answer] if q.type == SINGLE else q.answer
    for index, answer in enumerate(answers):
        where = ("answer",) if q.type == SINGLE else ("answer", index)
        if answer not in option_ids:
            problems.append(_problem(q, where, f"the answer names option '{answer}', which the question does not have",
                                     f"use one of its option ids: {_names(option_ids)}"))
    if q.type == MULTIPLE:
        for answer, count in Counter(answers).items():
            if count > 1:
                problems.append(_problem(q, ("answer",), f"the answer names option '{answer}' twice", "name each correct option once"))
        if option_ids and set(option_ids) <= set(answers):
            problems.append(_problem(q, ("answer",), "every option is correct, so ticking everything would score full marks",
                                     "add at least one incorrect option (two or more work best)"))
    return problems


def _matching_problems(q: Question) -> list[Problem]:
    item_ids, option_ids = [i.id for i in q.items], [o.id for o in q.options]
    problems = []
    if len(q.items) < 2:
        problems.append(_problem(q, ("items",), "needs at least two items to match", "add items and their partners"))
    for item_id, option_id in q.answer.items():
        if item_id not in item_ids:
            problems.append(_problem(q, ("answer", item_id), f"the answer names item '{item_id}', which the question does not have",
                                     f"use one of its item ids: {_names(item_ids)}"))
        if option_id not in option_ids:
            problems.append(_problem(q, ("answer", item_id), f"the answer names option '{option_id}', which the question does not have",
                                     f"use one of its option ids: {_names(option_ids)}"))
    for index, item in enumerate(q.items):
        if item.id not in q.answer:
            problems.append(_problem(q, ("items", index), f"item '{item.id}' has no partner in the answer",
                                     f"add '{item.id}: <option id>' under 'answer:'"))
    used = Counter(q.answer.values())
    for index, option in enumerate(q.options):
        if used[option.id] == 0:
            problems.append(_problem(q, ("options", index), f"option '{option.id}' has no partner in the answer",
                                     "match it with an item under 'answer:', or remove it"))
        elif used[option.id] > 1:
            partners = [i for i, o in q.answer.items() if o == option.id]
            problems.append(_problem(q, ("options", index), f"option '{option.id}' is the partner of {len(partners)} items ({', '.join(partners)})",
                                     "match every option with exactly one item"))
    return problems


def _ordering_problems(q: Question) -> list[Problem]:
    item_ids = [i.id for i in q.items]
    problems = []
    if len(q.items) < 2:
        problems.append(_problem(q, ("items",), "needs at least two items to put in order", "add the steps"))
    for index, item_id in enumerate(q.answer):
        if item_id not in item_ids:
            problems.append(_problem(q, ("answer", index), f"the answer names item '{item_id}', which the question does not have",
                                     f"use one of its item ids: {_names(item_ids)}"))
    counts = Counter(q.answer)
    for index, item in enumerate(q.items):
        if counts[item.id] == 0:
            problems.append(_problem(q, ("items", index), f"item '{item.id}' has no place in the answer",
                                     "list every item id once under 'answer:', in the right order"))
        elif counts[item.id] > 1:
            problems.append(_problem(q, ("answer",), f"the answer names item '{item.id}' {counts[item.id]} times",
                                     "list every item id once"))
    return problems


def key_problems(q: Question) -> list[Problem]:
    """An answer key that contradicts the question's own options and items."""
    if q.type in (SINGLE, MULTIPLE):
        return _choice_key_problems(q)
    if q.type == MATCHING:
        return _matching_problems(q)
    if q.type == ORDERING:
        return _ordering_problems(q)
    return []


def _choices_of(q: Question) -> str:
    """What a translation must give besides text and explanation, in the words of the question type."""
    if q.type == ORDERING:
        return " and the text of every item"
    if q.type == MATCHING:
        return " and the text of every item and option"
    if q.type == SHORT_TEXT:
        return " and the answers a learner may type ('accept')"
    return " and the text of every option" if q.options else ""


def _reference_problems(q: Question, pages: dict[str, Page], source_dir: str) -> list[Problem]:
    page = pages.get(q.lesson)
    if page is None:
        return [_problem(q, ("lesson",), f"lesson '{q.lesson}' does not exist",
                         f"use the 'id' of a lesson, key points or FAQ page in {source_dir}: {_names(pages)}")]
    if page.section(q.section) is None:
        return [_problem(q, ("section",), f"section '{q.section}' does not exist in {page.path}",
                         f"use one of its section ids: {_names(s.id for s in page.sections)}")]
    return []


def outcome_problems(quiz: Quiz, outcomes: list, home_path: str) -> list[Problem]:
    """The 'outcome:' tags against the home page's outcomes, once the bank uses them.

    A bank that tags no question is not checked (a course may not map its quiz yet); once one
    question names its outcome, every question must, every outcome needs at least
    MIN_QUESTIONS_PER_OUTCOME questions, and an attempt must be long enough to hold one each.
    """
    tagged = [q for q in quiz.questions if q.outcome is not None]
    if not tagged:
        return []
    problems = []
    for q in tagged:
        if q.outcome > len(outcomes):
            problems.append(_problem(q, ("outcome",), f"outcome {q.outcome} does not exist: {home_path} lists "
                                     f"{len(outcomes)} learning outcome(s)",
                                     f"use a number from 1 to {len(outcomes)} (the place of the outcome under 'outcomes:')"))
    for q in quiz.questions:
        if q.outcome is None:
            problems.append(_problem(q, (), "names no learning outcome, but other questions do",
                                     f"add 'outcome: <number>' (1 to {len(outcomes)}, see {home_path})"))
    counts = Counter(q.outcome for q in tagged)
    first = quiz.questions[0]
    for number, outcome in enumerate(outcomes, start=1):
        if counts[number] < MIN_QUESTIONS_PER_OUTCOME:
            problems.append(Problem(quiz.path, first.line_of("id") if first else 0,
                                    f"learning outcome {number} ('{str(outcome)[:60]}') is tested by {counts[number]} "
                                    f"question(s)", f"write at least {MIN_QUESTIONS_PER_OUTCOME} questions with "
                                    f"'outcome: {number}' so that every attempt can draw a different one"))
    if outcomes and quiz.settings.questions_per_attempt < len(outcomes):
        problems.append(Problem("mkdocs.yml", 0, f"questions_per_attempt ({quiz.settings.questions_per_attempt}) is "
                                f"smaller than the number of learning outcomes ({len(outcomes)}), so an attempt "
                                "cannot test every outcome", f"set extra.course.quiz.questions_per_attempt to "
                                f"{len(outcomes)} or more"))
    return problems


def _missing_line(bank_text: BankText, quiz: Quiz, question_id: str) -> int:
    """Where a missing question belongs: after the translated question that precedes it in the bank."""
    ids = [q.id for q in quiz.questions]
    for previous in reversed(ids[: ids.index(question_id)]):
        if previous in bank_text.questions:
            return bank_text.questions[previous].line
    return 1


def _translation_problems(quiz: Quiz, bank_text: BankText, skip: set[str]) -> list[Problem]:
    """What ``bank_text`` lacks or has too much; questions in ``skip`` (duplicates, unreadable) are left out."""
    code, path, lines = bank_text.lang, bank_text.path, bank_text.lines
    if not bank_text.readable:
        return []
    if not bank_text.exists:
        first = quiz.questions[0] if quiz.questions else None
        start = f", starting with '{first.id}' ({first.path}:{first.line})" if first else ""
        return [Problem(path, 0, f"{code}: quiz translation missing: {path} gives no text for the "
                                 f"{len(quiz.questions)} question(s) of {quiz.path}{start}",
                        f"create {path} with the text of every question, keyed by its id ({QUIZ_README})")]
    problems = []
    for q in (q for q in quiz.questions if q.id not in skip):
        english = f"{q.path}:{q.line}"
        found = bank_text.questions.get(q.id)
        if found is None:
            problems.append(Problem(path, _missing_line(bank_text, quiz, q.id), f"{code}: question '{q.id}' missing; English: {english}",
                                    f"translate it under '{q.id}:' with text{', explanation' if _choices_of(q) else ' and explanation'}{_choices_of(q)} ({QUIZ_README})"))
            continue

        def missing(where: tuple, what: str, source_line: int, add: str) -> None:
            problems.append(Problem(path, lines.line(q.id, *where), f"{code}: question '{q.id}': {what} missing; English: {q.path}:{source_line}",
                                    f"add {add}"))

        for name in ("text", "explanation"):
            if not getattr(found, name):
                missing((name,), name, q.line_of(name), f"'{name}: ...' under '{q.id}:'")
        for key in q.feedback:
            if not found.feedback.get(key):
                missing(("feedback",), f"feedback '{key}'", q.line_of("feedback", key), f"'{key}: ...' under 'feedback:'")
        for kind, choices, given in (("options", q.options, found.options), ("items", q.items, found.items)):
            for choice in choices:
                entry = given.get(choice.id)
                text = entry.get("text") if isinstance(entry, dict) else entry
                if not text:
                    missing((kind,), f"{kind[:-1]} '{choice.id}'", choice.line, f"'{choice.id}: <text>' under '{kind}:'")
                elif kind == "options" and choice.feedback and not entry.get("feedback"):
                    missing((kind, choice.id), f"feedback of option '{choice.id}'", choice.line,
                            f"'{choice.id}: {{text: ..., feedback: ...}}' under 'options:'")
            known = [c.id for c in choices]
            for extra in given:
                if extra not in known:
                    problems.append(Problem(path, lines.line(q.id, kind, extra), f"{code}: question '{q.id}' has no {kind[:-1]} '{extra}' in {quiz.path}",
                                            f"use the {kind[:-1]} ids of {q.path}:{q.line}: {_names(known)}"))
        if q.type == SHORT_TEXT and not found.accept:
            missing(("accept",), "list of accepted answers ('accept')", q.line_of("answer"),
                    "'accept: [...]' with the answers learners may type in this language")
    known_ids = {q.id for q in quiz.questions} | skip
    for question_id, found in bank_text.questions.items():
        if question_id not in known_ids:
            problems.append(Problem(path, found.line, f"{code}: question '{question_id}' is not in {quiz.path}",
                                    "use the ids of the bank's questions; add a question to quiz/bank.yml first"))
    return problems


def check_quiz(course: Course) -> list[Problem]:
    quiz = course.quiz
    if quiz is None:
        return []
    english = course.source
    pages = {p.id: p for p in english.ordered_pages if p.kind in SECTION_PAGE_KINDS}
    problems = _duplicates(quiz)
    for q in quiz.questions:
        problems.extend(key_problems(q))
        problems.extend(_reference_problems(q, pages, f"content/{english.code}"))
    home = english.home
    if home is not None:
        problems.extend(outcome_problems(quiz, list(home.meta.get("outcomes") or []), home.path))
    if not quiz.readable:
        return problems             # the bank's own problems first: translations are checked against it
    counts = Counter(q.id for q in quiz.questions)
    skip = quiz.unreadable_ids | {qid for qid, n in counts.items() if n > 1}
    for bank_text in quiz.translations.values():
        problems.extend(_translation_problems(quiz, bank_text, skip))
    return problems
