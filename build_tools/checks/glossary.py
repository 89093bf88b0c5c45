"""The glossary gives one fixed term per concept and language; translations use them as English does."""
from __future__ import annotations

from ..errors import Problem
from ..model import Course, Language
from ..terminology import KEY_TERMS, count_terms, forms_of
from .staleness import as_stale

# Counts of the key terms may differ by this much per section (inflection, a pronoun).
TOLERANCE = 1


def _entry_problems(language: Language, english: Language) -> list[Problem]:
    problems = []
    path, lines = language.glossary_path, language.glossary_lines
    if not language.glossary:
        return [Problem(path, 1, f"{language.code}: glossary missing or empty",
                        f"create it with the entries of {english.glossary_path}")]
    for entry_id in english.glossary:
        entry = language.glossary.get(entry_id)
        if not isinstance(entry, dict):
            problems.append(Problem(path, lines.line(entry_id), f"{language.code}: glossary entry '{entry_id}' missing",
                                    f"add it with 'term', 'forms' and 'definition' as in {english.glossary_path}:{english.glossary_lines.line(entry_id)}"))
            continue
        for field in ("term", "definition"):
            if not str(entry.get(field) or "").strip():
                problems.append(Problem(path, lines.line(entry_id), f"{language.code}: glossary entry '{entry_id}' has no {field}",
                                        f"add '{field}: ...' under '{entry_id}:'"))
        if "forms" in entry and not isinstance(entry["forms"], list):
            problems.append(Problem(path, lines.line(entry_id, "forms"), f"{language.code}: glossary '{entry_id}.forms' must be a list",
                                    "write forms: [stem1, stem2]"))
    for entry_id in language.glossary:
        if entry_id not in english.glossary:
            problems.append(Problem(path, lines.line(entry_id), f"{language.code}: glossary entry '{entry_id}' is not in {english.glossary_path}",
                                    "add it to the English glossary first, or remove it"))
    return problems


def _key_term_problems(language: Language) -> list[Problem]:
    path, lines = language.glossary_path, language.glossary_lines
    entries = [language.glossary.get(t) for t in KEY_TERMS]
    if not all(isinstance(e, dict) for e in entries):
        return []
    omni, multi = entries
    problems = []
    if str(omni.get("term", "")).strip().lower() == str(multi.get("term", "")).strip().lower():
        problems.append(Problem(path, lines.line("multichannel", "term"),
                                f"{language.code}: omnichannel and multichannel share the term '{omni.get('term')}'",
                                "give each concept its own fixed term: the module is about their difference"))
    shared = set(forms_of(omni)) & set(forms_of(multi))
    if shared:
        problems.append(Problem(path, lines.line("multichannel", "forms"),
                                f"{language.code}: omnichannel and multichannel share the forms {', '.join(sorted(shared))}",
                                "remove the shared forms from one of the two entries"))
    return problems


def check_glossary(course: Course) -> list[Problem]:
    english = course.source
    problems = []
    for term in KEY_TERMS:
        if english.glossary and term not in english.glossary:
            problems.append(Problem(english.glossary_path, 1, f"glossary entry '{term}' missing",
                                    "the checks count this term in every section; add it with its forms"))
    for language in course.languages.values():
        if language is not english:
            problems.extend(_entry_problems(language, english))
        problems.extend(_key_term_problems(language))
    return problems


def check_terminology(course: Course) -> list[Problem]:
    """A translated section uses each key term about as often as the English section."""
    english = course.source
    problems = []
    for language, page, section, _, source_section in course.aligned_sections():
        theirs = count_terms(source_section.title + "\n" + source_section.body, english.glossary)
        ours = count_terms(section.title + "\n" + section.body, language.glossary)
        for term in KEY_TERMS:
            if abs(theirs[term] - ours[term]) > TOLERANCE:
                local = (language.glossary.get(term) or {}).get("term", term)
                problems.append(as_stale(course, page, Problem(
                    page.path, section.line,
                    f"{language.code}: section '{section.id}' uses the {term} term '{local}' {ours[term]} times, English {theirs[term]} times",
                    f"check that {term} is translated with its glossary term ({language.glossary_path}) and not mixed up with the other concept")))
    return problems


def _question_source_text(question) -> str:
    parts = [question.text, question.explanation, *question.feedback.values()]
    parts += [part for choice in question.options + question.items for part in (choice.text, choice.feedback)]
    return "\n".join(p for p in parts if p)


def _question_translated_text(text) -> str:
    parts = [text.text, text.explanation, *text.feedback.values(), *text.items.values()]
    parts += [part for option in text.options.values() for part in (option.get("text", ""), option.get("feedback", ""))]
    return "\n".join(p for p in parts if p)


def check_quiz_terminology(course: Course) -> list[Problem]:
    """The same gate for the quiz translations: each question uses the key terms as English does."""
    quiz = course.quiz
    if quiz is None or not quiz.readable:
        return []
    english = course.source
    problems = []
    for question in quiz.questions:
        theirs = count_terms(_question_source_text(question), english.glossary)
        for code, bank_text in quiz.translations.items():
            text = bank_text.questions.get(question.id)
            language = course.languages.get(code)
            if text is None or language is None:
                continue
            ours = count_terms(_question_translated_text(text), language.glossary)
            for term in KEY_TERMS:
                if abs(theirs[term] - ours[term]) > TOLERANCE:
                    local = (language.glossary.get(term) or {}).get("term", term)
                    problems.append(Problem(
                        bank_text.path, text.line,
                        f"{code}: question '{question.id}' uses the {term} term '{local}' {ours[term]} times, English {theirs[term]} times",
                        f"check that {term} is translated with its glossary term ({language.glossary_path}) and not mixed up with the other concept"))
    return problems
