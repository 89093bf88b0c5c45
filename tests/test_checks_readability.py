"""The readability check: Flesch reading ease per English page, long sentences, the -v report."""
from helpers import REPO, edit

from build_tools.checks.readability import (MAX_SENTENCE_WORDS, check_readability, measure, sentences_of,
                                            syllables)
from build_tools.cli import main
from build_tools.model import load_course


def test_syllables_from_the_hyphenation_dictionary():
    assert syllables("shop") == 1
    assert syllables("customer") == 3
    assert syllables("CRM") == 3
    assert syllables("BOPIS") == 2
    assert syllables("store") == 1
    assert syllables("simple") == 2


def test_sentences_split_at_full_stops_but_not_after_e_g():
    assert sentences_of("Buy it, e.g. online. Then collect it! Done") == ["Buy it, e.g. online.", "Then collect it!", "Done"]


def test_short_plain_sentences_read_easily_and_long_latinate_ones_do_not():
    easy = measure(["The shop is open. You can buy a top online and pick it up."])
    hard = measure(["Organisational interoperability necessitates comprehensive integration of heterogeneous "
                    "information infrastructures, consequently complicating implementation considerably."])
    assert easy.reading_ease > 80
    assert hard.reading_ease < 0


def test_a_hard_page_and_a_long_sentence_are_reported_with_the_file_and_line(fixture_course):
    lesson = fixture_course / "content" / "en" / "01-basics.md"
    long_sentence = " ".join(["word"] * (MAX_SENTENCE_WORDS + 1)) + "."
    text = lesson.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    edit(lesson, heading, heading + "\n\n" + long_sentence + "\n\n" +
         "Organisational interoperability necessitates comprehensive integration of heterogeneous "
         "information infrastructures, consequently complicating implementation considerably. " * 6 + "\n")
    problems = [p.format() for p in check_readability(load_course(fixture_course))]
    assert any("content/en/01-basics.md:1: Flesch reading ease" in p and "below 60" in p for p in problems), problems
    section_line = text.splitlines().index(heading) + 1
    assert f"content/en/01-basics.md:{section_line}: sentence of {MAX_SENTENCE_WORDS + 1} words" in "\n".join(problems)


def test_pages_too_short_to_measure_get_no_figure_but_their_sentences_are_checked(fixture_course):
    assert check_readability(load_course(fixture_course)) == []
    edit(fixture_course / "content" / "en" / "95-feedback.md", "title: Feedback\n---\n", "title: Feedback\n---\n" + " ".join(["word"] * 31) + ".\n\n")
    problems = [p.format() for p in check_readability(load_course(fixture_course))]
    assert len(problems) == 1 and "95-feedback.md" in problems[0] and "sentence of 31 words" in problems[0], problems


def test_verbose_check_reports_the_figure_of_every_english_page(fixture_course, capsys):
    main(["-C", str(fixture_course), "check", "-v"])
    reported = [line for line in capsys.readouterr().err.splitlines() if "Flesch reading ease" in line]
    english = sorted(p.name for p in load_course(fixture_course).source.ordered_pages)
    assert sorted(m.split(":")[0].split("/")[-1] for m in reported) == english


def test_every_english_page_of_the_real_course_reads_easily():
    assert [p.format() for p in check_readability(load_course(REPO))] == []


def test_the_glossary_page_is_measured_with_its_definitions(fixture_course):
    glossary = fixture_course / "translations" / "glossary" / "en.yml"
    hard = ("Organisational interoperability necessitates comprehensive integration of heterogeneous "
            "information infrastructures, consequently complicating implementation considerably. ") * 4
    text = glossary.read_text(encoding="utf-8")
    first_definition = text.index("definition:")
    line_end = text.index("\n", first_definition)
    glossary.write_text(text[:first_definition] + "definition: " + hard.strip() + text[line_end:], encoding="utf-8")
    problems = [p.format() for p in check_readability(load_course(fixture_course))]
    assert any(p.startswith("content/en/93-glossary.md:1: Flesch reading ease") for p in problems), problems
