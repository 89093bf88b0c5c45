"""Print HTML: the site's Markdown extensions, links that work inside a PDF, open click-to-expand
blocks, every part of the module, the answer key switch, and where every printed text came from."""
import yaml
from helpers import REPO, edit

from build_tools.errors import CourseError
from build_tools.model import load_course
from build_tools.pdf.markdown_html import MARKDOWN_EXTENSIONS, keep_external_only, markdown_to_html
from build_tools.pdf.print_html import documents_for, lesson_document, module_document
from build_tools.pdf.self_test import letter
from build_tools.pdf.settings import PdfSettings, pdf_settings


class _IgnorePythonTags(yaml.SafeLoader):
    pass


_IgnorePythonTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_print_markdown_uses_the_extensions_of_the_site():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnorePythonTags)
    site = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert [name for name in site if name != "toc"] == list(MARKDOWN_EXTENSIONS)


def test_click_to_expand_blocks_are_printed_open_and_links_resolved():
    html = markdown_to_html('<details markdown="1">\n<summary>More</summary>\n\nHidden *text* [x](92-faq.md) '
                            '[web](https://example.org/)\n\n</details>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
                            keep_external_only)
    assert "<details open" in html and "<em>text</em>" in html
    assert '<span class="unlinked">x</span>' in html
    assert '<a href="https://example.org/">web</a>' in html
    assert "<table>" in html


def test_links_inside_the_module_become_internal(fixture_course):
    course = load_course(fixture_course)
    el = course.languages["el"]
    module = module_document(course, el, PdfSettings()).html
    # Each link's title says where it leads (the PDF's link description), in the document's language.
    assert '<a href="#93-glossary" title="Γλωσσάριο">Γλωσσάριο</a>' in module              # lesson -> glossary page
    assert 'href="#01-basics--what-is-omnichannel" title="Τι σημαίνει πανκαναλικό"' in module  # -> lesson section
    assert 'id="01-basics--what-is-omnichannel"' in module and 'id="93-glossary"' in module
    lesson = lesson_document(course, el, el.pages["01-basics.md"]).html
    assert '<span class="unlinked">Γλωσσάριο</span>' in lesson                # not in this PDF: plain text


def test_module_has_every_part_and_the_answer_key_can_be_switched_off(fixture_course):
    course = load_course(fixture_course)
    ru = course.languages["ru"]
    trainer = module_document(course, ru, PdfSettings(answer_key=True))
    for page in ru.lessons + [ru.page_of_kind("keypoints")]:
        assert f'id="{page.stem}"' in trainer.html
        for section in page.sections:
            assert f'id="{page.stem}--{section.id}"' in trainer.html
    for entry_id, entry in ru.glossary.items():
        assert f'id="93-glossary--{entry_id}"' in trainer.html and entry["term"] in trainer.html
    assert 'id="outcomes"' in trainer.html and 'id="contents"' in trainer.html and 'id="bibliography"' in trainer.html
    learner = module_document(course, ru, PdfSettings(answer_key=False))
    assert learner.artefact != trainer.artefact and learner.published == trainer.published
    assert 'id="answer-key"' not in learner.html
    if course.quiz is not None and course.quiz.questions_for("ru"):
        assert 'id="self-test"' in trainer.html and 'id="answer-key"' in trainer.html
        assert 'id="self-test"' in learner.html
    else:
        assert 'id="self-test"' not in trainer.html


def test_one_pdf_per_page_with_sections_and_one_module_pdf(fixture_course):
    course = load_course(fixture_course)
    names = [d.published for d in documents_for(course, course.languages["hu"], PdfSettings())]
    assert names == ["pdf/omnichannel-hu-01-basics.pdf", "pdf/omnichannel-hu-90-key-points.pdf", "pdf/omnichannel-module-hu.pdf"]


def test_printed_texts_name_their_file_and_line(fixture_course):
    course = load_course(fixture_course)
    el = course.languages["el"]
    page = el.pages["01-basics.md"]
    sources = lesson_document(course, el, page).sources
    path = fixture_course / "content/el/01-basics.md"
    heading_line = path.read_text(encoding="utf-8").splitlines().index("## Τα κανάλια {#channels}") + 1
    assert ("content/el/01-basics.md", heading_line, "Τα κανάλια") in [(s.path, s.line, s.text) for s in sources]
    assert any(s.path == "translations/el.yml" and s.text == el.t("pdf.author") and s.line > 1 for s in sources)


def test_answer_key_setting_is_validated_and_the_flag_wins(fixture_course):
    course = load_course(fixture_course)
    assert pdf_settings(course.config) == PdfSettings(answer_key=True, jobs=0)
    assert pdf_settings(course.config, answer_key=False).answer_key is False
    edit(fixture_course / "mkdocs.yml", "  course:\n", "  course:\n    pdf:\n      answer_key: 'no'\n")
    try:
        pdf_settings(load_course(fixture_course).config)
    except CourseError as exc:
        line = (fixture_course / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("      answer_key: 'no'") + 1
        assert str(exc) == (f"mkdocs.yml:{line}: extra.course.pdf.answer_key: expected type bool but received str ('no')"
                            " — for example: answer_key: True")
    else:
        raise AssertionError("a text answer_key was accepted")


def test_answer_letters_follow_css_lower_alpha():
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def test_answer_key_names_the_printed_letters_of_every_question_type(fixture_course):
    from build_tools.pdf.print_html import _Collector
    from build_tools.pdf.self_test import self_test_for

    course = load_course(fixture_course)
    el = course.languages["el"]
    self_test = self_test_for(course, el, el.page_of_kind("quiz"), _Collector(el), answer_key=True)
    questions = {q.type: q for q in course.quiz.questions_for("el")}
    assert len(questions) == 6, "the fixture bank has one question of each type"
    printed = dict(zip([q.type for q in course.quiz.questions_for("el")], zip(self_test["questions"], self_test["answers"])))

    def options_named(kind):
        shown, answer = printed[kind]
        by_letter = {letter(i): text for i, text in enumerate(shown["lettered"])}
        return [by_letter[a.split(" ")[0]] for a in answer["letters"].split(", ")]

    single = questions["single-choice"]
    assert options_named("single-choice") == [single.option(single.answer).text]
    multiple = questions["multiple-response"]
    assert sorted(options_named("multiple-response")) == sorted(multiple.option(a).text for a in multiple.answer)
    ordering = questions["ordering"]
    assert options_named("ordering") == [ordering.item(a).text for a in ordering.answer]
    assert printed["ordering"][0]["lettered"] != [ordering.item(a).text for a in ordering.answer], "printed in order"
    matching = questions["matching"]
    shown, answer = printed["matching"]
    pairs = dict(pair.split("\u2009–\u2009") for pair in answer["letters"].split(", "))
    by_letter = {letter(i): text for i, text in enumerate(shown["lettered"])}
    assert {shown["numbered"][int(n) - 1]: by_letter[l] for n, l in pairs.items()} == \
        {matching.item(i).text: matching.option(o).text for i, o in matching.answer.items()}
    truth = questions["true-false"]
    assert printed["true-false"][1]["letters"] == ("a (Σωστό)" if truth.answer else "b (Λάθος)")
    assert printed["short-text"][0]["blank"] and printed["short-text"][1]["letters"].split(" / ")[0] == \
        questions["short-text"].answer[0]
    learner = self_test_for(course, el, el.page_of_kind("quiz"), _Collector(el), answer_key=False)
    assert learner["answers"] == [] and len(learner["questions"]) == 6


def test_cover_keeps_a_marked_phrase_and_metadata_drops_the_tags(fixture_course):
    edit(fixture_course / "content/el/index.md", "description: Το πανκαναλικό",
         'description: Με <span lang="en">email</span> και <b>x</b>. Το πανκαναλικό')
    course = load_course(fixture_course)
    html = module_document(course, course.languages["el"], PdfSettings(answer_key=True)).html
    assert '<p class="cover__description">Με <span lang="en">email</span> και &lt;b&gt;x&lt;/b&gt;.' in html
    assert '<meta name="description" content="Με email και x. Το πανκαναλικό' in html


def test_outcomes_keep_marked_phrases_and_the_text_holds_no_hyphen_of_line_breaks(fixture_course):
    edit(fixture_course / "content/el/index.md", "  - Το πανκαναλικό μοντέλο συνδέει κάθε κανάλι ενός καταστήματος.",
         '  - \'Το <span lang="en">e\u2010mail</span> & <b>x</b>: Το πανκαναλικό μοντέλο συνδέει.\'')
    course = load_course(fixture_course)
    html = module_document(course, course.languages["el"], PdfSettings()).html
    # U+2010 is what WeasyPrint draws where it breaks a word; the text's own is written U+002D.
    assert '<li>Το <span lang="en">e-mail</span> &amp; &lt;b&gt;x&lt;/b&gt;: Το πανκαναλικό' in html
    assert "\u2010" not in html
