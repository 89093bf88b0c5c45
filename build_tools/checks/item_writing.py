"""`course check` warnings on how the quiz questions are written (item-writing guidelines).

After Haladyna, Downing and Rodriguez (2002), "A review of multiple-choice item-writing
guidelines": the place and the length of the right answer must not give it away, and neither
must the wording of the wrong ones. Warnings, never errors: a question can have a good reason
to break a rule. quiz/README.md ("Item-writing warnings") explains each one to instructors.

For the whole bank (the answer key is the same in every language):
- key positions: a position (1st, 2nd, ... option) holds far more, or none, of the right
  answers than a balanced bank would;
- true/false: fewer than a third, or more than two thirds, of the answers are "true".
For every language's text:
- the key is the longest option in more than a third of the single-choice questions;
- an option of 25 characters or more is more than twice as long as the others on average;
- a wrong option carries an absolute word ("always", "only", ...: test-wise learners rule it out);
- "all of the above" / "none of the above";
- two options (or two items) of one question with the same text.
"""
from __future__ import annotations

import re
import unicodedata

from ..errors import WARNING, Problem
from ..model import Course
from ..quiz.schema import MATCHING, MULTIPLE, ORDERING, SINGLE, TRUE_FALSE, Question, Quiz

README = "see 'Item-writing warnings' in quiz/README.md"
POSITION_FACTOR = 1.5        # a position with more than 1.5 times its expected share of keys ...
POSITION_MARGIN = 2          # ... and at least 2 keys more than expected
LONGEST_KEY_SHARE = 1 / 3
LENGTH_FACTOR = 2
MIN_LENGTH_COMPARED = 25     # shorter options (a word, a name, a figure) vary in length naturally
TRUE_SHARE = (1 / 3, 2 / 3)
MIN_QUESTIONS = 3            # shares are judged from this many questions of the kind on

# Words that mark an option as wrong to a test-wise learner (compared without case and accents,
# as whole words). "all" and "every" are left out: this course's own subject is "all channels".
ABSOLUTE_WORDS = {
    "en": ["always", "never", "only", "alone", "entirely", "completely", "absolutely", "no longer", "no more",
           "none", "nothing", "nobody"],
    "el": ["πάντα", "πάντοτε", "ποτέ", "μόνο", "μόνον", "μόνη", "μόνος", "αποκλειστικά", "εντελώς", "απολύτως",
           "τίποτα", "κανείς"],
    "hu": ["mindig", "soha", "sohasem", "sosem", "csak", "csakis", "kizárólag", "egyedül", "teljesen", "semmi",
           "senki", "többé"],
    "pl": ["zawsze", "nigdy", "tylko", "wyłącznie", "jedynie", "całkowicie", "zupełnie", "nic", "nikt"],
    "ru": ["всегда", "никогда", "только", "исключительно", "лишь", "полностью", "совсем", "ничего", "никто",
           "больше не"],
}
ALL_OR_NONE = {
    "en": ["all of the above", "none of the above", "all the above", "both of the above"],
    "el": ["όλα τα παραπάνω", "κανένα από τα παραπάνω", "όλα τα ανωτέρω", "κανένα από τα ανωτέρω"],
    "hu": ["a fentiek mindegyike", "mindegyik fenti", "a fentiek közül egyik sem", "egyik fenti sem",
           "mind a fenti"],
    "pl": ["wszystkie powyższe", "żadne z powyższych", "żadna z powyższych", "żaden z powyższych"],
    "ru": ["все перечисленное", "все вышеперечисленное", "ничего из перечисленного", "ни один из перечисленных",
           "все ответы верны"],
}


def fold(text: str) -> str:
    """Lower case without accents and with single spaces: what the word lists are compared with."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _pattern(phrases: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(fold(p)) for p in phrases) + r")(?!\w)")


SHOWN = {fold(p): p for phrases in (*ABSOLUTE_WORDS.values(), *ALL_OR_NONE.values()) for p in phrases}
ABSOLUTE_PATTERNS = {lang: _pattern(words) for lang, words in ABSOLUTE_WORDS.items()}
ALL_OR_NONE_PATTERNS = {lang: _pattern(words) for lang, words in ALL_OR_NONE.items()}


def _warning(path: str, line: int, message: str, hint: str) -> Problem:
    return Problem(path, line, message, f"{hint} ({README})", WARNING)


def _keys(q: Question) -> set[str]:
    return {q.answer} if q.type == SINGLE else set(q.answer)


def key_position_warnings(quiz: Quiz) -> list[Problem]:
    """Right answers piled up in one position (or missing from one) across the bank."""
    questions = [q for q in quiz.questions if q.type in (SINGLE, MULTIPLE) and len(q.options) >= 2]
    if len(questions) < MIN_QUESTIONS:
        return []
    most = max(len(q.options) for q in questions)
    observed, expected = [0] * most, [0.0] * most
    for q in questions:
        keys = _keys(q)
        for index, option in enumerate(q.options):
            observed[index] += option.id in keys
            expected[index] += len(keys) / len(q.options)
    out = []
    for index, (seen, wanted) in enumerate(zip(observed, expected)):
        too_many = seen > POSITION_FACTOR * wanted and seen - wanted >= POSITION_MARGIN
        none = seen == 0 and wanted >= POSITION_MARGIN
        if too_many or none:
            counts = ", ".join(f"{n + 1}: {c} (about {e:.0f})" for n, (c, e) in enumerate(zip(observed, expected)))
            out.append(_warning(quiz.path, questions[0].line, f"key positions unbalanced: option {index + 1} is the "
                                f"right answer {seen} time(s) where a balanced bank has about {wanted:.0f} "
                                f"(right answers per position: {counts})",
                                "move right answers to other positions, so that the position gives nothing away"))
    return out


def true_false_warnings(quiz: Quiz) -> list[Problem]:
    questions = [q for q in quiz.questions if q.type == TRUE_FALSE]
    if len(questions) < MIN_QUESTIONS:
        return []
    true = sum(1 for q in questions if q.answer is True)
    if TRUE_SHARE[0] <= true / len(questions) <= TRUE_SHARE[1]:
        return []
    return [_warning(quiz.path, questions[0].line, f"true/false unbalanced: {true} of {len(questions)} answers are "
                     "'true'", "write about as many true statements as false ones")]


class _Located:
    """Where the text of a question's parts is, in the bank or in one translation file."""

    def __init__(self, quiz: Quiz, lang: str):
        self.translation = quiz.translations.get(lang) if lang != quiz.source_language else None

    def line(self, q: Question, kind: str = "", index: int = 0, choice_id: str = "") -> tuple[str, int]:
        t = self.translation
        if t is not None and q.id in t.questions:
            line = t.lines.line(q.id, kind, choice_id) if kind else 0
            return t.path, line or t.questions[q.id].line
        return q.path, q.line_of(kind, index) if kind else q.line


def longest_key_warnings(quiz: Quiz, questions: list[Question], lang: str) -> list[Problem]:
    single = [q for q in questions if q.type == SINGLE and len(q.options) >= 2]
    if len(single) < MIN_QUESTIONS:
        return []
    longest = [q for q in single if q.option(q.answer) is not None
               and all(len(q.option(q.answer).text) > len(o.text) for o in q.options if o.id != q.answer)]
    if len(longest) <= LONGEST_KEY_SHARE * len(single):
        return []
    path, line = _Located(quiz, lang).line(longest[0])
    return [_warning(path, line, f"{lang}: the right answer is the longest option in {len(longest)} of {len(single)} "
                     f"single-choice questions ({', '.join(q.id for q in longest)})",
                     "make options parallel in length; no more than a third of keys should be the longest")]


def question_warnings(quiz: Quiz, q: Question, lang: str) -> list[Problem]:
    """The warnings of one question in one language's text."""
    located, out = _Located(quiz, lang), []
    absolute, all_or_none = ABSOLUTE_PATTERNS.get(lang), ALL_OR_NONE_PATTERNS.get(lang)
    if q.type in (SINGLE, MULTIPLE):
        keys = _keys(q)
        for index, option in enumerate(q.options):
            path, line = located.line(q, "options", index, option.id)
            others = [len(o.text) for o in q.options if o is not option]
            if others and len(option.text) >= MIN_LENGTH_COMPARED \
                    and len(option.text) > LENGTH_FACTOR * sum(others) / len(others):
                out.append(_warning(path, line, f"{lang}: question '{q.id}': option '{option.id}' is more than "
                                    f"{LENGTH_FACTOR} times as long as the others", "make the options similar in length"))
            found = absolute.search(fold(option.text)) if absolute and option.id not in keys else None
            if found:
                out.append(_warning(path, line, f"{lang}: question '{q.id}': wrong option '{option.id}' says "
                                    f"'{SHOWN[found.group(1)]}'", "absolute words mark an option as wrong; reword it"))
            found = all_or_none.search(fold(option.text)) if all_or_none else None
            if found:
                out.append(_warning(path, line, f"{lang}: question '{q.id}': option '{option.id}' is "
                                    f"'{SHOWN[found.group(1)]}'", "write a real option instead"))
    for kind, choices in (("options", q.options), ("items", q.items)):
        if q.type not in (SINGLE, MULTIPLE, MATCHING, ORDERING):
            continue
        seen: dict[str, str] = {}
        for index, choice in enumerate(choices):
            text = fold(choice.text)
            if text and text in seen:
                path, line = located.line(q, kind, index, choice.id)
                out.append(_warning(path, line, f"{lang}: question '{q.id}': {kind[:-1]}s '{seen[text]}' and "
                                    f"'{choice.id}' have the same text", "give each one its own wording"))
            seen.setdefault(text, choice.id)
    return out


def item_writing_warnings(quiz: Quiz, langs: list[str]) -> list[Problem]:
    out = key_position_warnings(quiz) + true_false_warnings(quiz)
    for lang in langs:
        questions = quiz.questions_for(lang)
        out += longest_key_warnings(quiz, questions, lang)
        for q in questions:
            out += question_warnings(quiz, q, lang)
    return out


def check_item_writing(course: Course) -> list[Problem]:
    if course.quiz is None or not course.quiz.readable:
        return []
    return item_writing_warnings(course.quiz, list(course.languages))
