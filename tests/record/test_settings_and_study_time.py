"""Completion settings (extra.course.completion): defaults, and messages naming key, value and fix;
the estimated study time; the course check's warning on a hand-written time far off; and the
parts of generated pages the record reads (lesson n of N, next lesson, home total)."""
import re
import textwrap

import pytest

from build_tools.checks import run_checks
from build_tools.config import load_config
from build_tools.errors import CourseError
from build_tools.model import load_course
from build_tools.record.settings import READING_SPEED, CompletionRules, completion_rules
from build_tools.record.study_time import estimated_minutes, format_minutes, lesson_words, word_count, written_minutes
from build_tools.site.pages import write_generated_docs
from helpers import REPO, edit


def set_completion(root, block: str) -> None:
    edit(root / "mkdocs.yml", "  course:\n", "  course:\n    completion:\n" + textwrap.indent(textwrap.dedent(block), "      "))


def test_defaults_when_nothing_is_set(fixture_course):
    rules = completion_rules(load_config(fixture_course))
    assert rules == CompletionRules()
    assert (rules.section_end_on_screen, rules.section_narration, rules.module_lessons, rules.module_quiz) == (True, 90, True, True)
    assert rules.speed("el") == READING_SPEED["el"]


def test_the_real_course_sets_the_documented_defaults():
    assert completion_rules(load_config(REPO)) == CompletionRules()


@pytest.mark.parametrize("block,message,fix", [
    ("section_narration: 120\n", "extra.course.completion.section_narration: 120 is out of range", "from 0 to 100"),
    ("module_quiz: 'no'\n", "extra.course.completion.module_quiz: expected type bool but received str ('no')", "module_quiz: True"),
    ("pass_required: true\n", "unknown option extra.course.completion.pass_required", "module_quiz"),
    ("section_end_on_screen: false\nsection_narration: 0\n", "no section can ever be done", "section_end_on_screen: true"),
    ("module_lessons: false\nmodule_quiz: false\n", "complete before it starts", "module_quiz: true"),
    ("reading_speed: {de: 200}\n", "'de' is not a course language", "en, el, hu, pl, ru"),
    ("reading_speed: {el: 9000}\n", "reading_speed.el: 9000 is not a reading speed", "el: 140"),
])
def test_bad_settings_name_key_value_and_fix(fixture_course, block, message, fix):
    set_completion(fixture_course, block)
    with pytest.raises(CourseError) as caught:
        completion_rules(load_config(fixture_course))
    problem = caught.value.problems[0]
    assert message in problem.message and fix in problem.hint
    assert problem.path == "mkdocs.yml" and problem.line > 1
    errors = [p.format() for p in run_checks(load_course(fixture_course)) if p.is_error]
    assert any(message in e for e in errors)                    # course check reports it before any build


def test_switches_reach_the_browser(fixture_course):
    set_completion(fixture_course, "module_quiz: false\nsection_narration: 60\nreading_speed: {hu: 100}\n")
    rules = completion_rules(load_config(fixture_course))
    assert rules.for_browser() == {"endOnScreen": True, "narration": 0.6, "lessons": True, "quiz": False}
    assert rules.speed("hu") == 100 and rules.speed("en") == READING_SPEED["en"]


def test_word_count_leaves_out_markup():
    assert word_count("Omni means *all*: see [the shop](https://example.org/x) {#id .cls} <span lang=\"en\">click-and-collect</span>") == 7


@pytest.mark.parametrize("words,speed,narration,minutes", [
    (170, 170, 0, 1), (171, 170, 0, 2), (1700, 170, 0, 10), (100, 170, 600, 10), (3400, 170, 60, 20), (0, 170, 0, 1),
])
def test_estimated_minutes_is_the_longer_of_reading_and_listening(words, speed, narration, minutes):
    assert estimated_minutes(words, speed, narration) == minutes


@pytest.mark.parametrize("written,minutes", [
    ("4 hours", 240), ("90 min", 90), ("1,5 óra", 90), ("4 ώρες", 240), ("45 λεπτά", 45), ("2 godziny", 120),
    ("30 минут", 30), ("1", None), ("", None), (None, None),
])
def test_written_study_times_are_read_in_every_language(written, minutes):
    assert written_minutes(written) == minutes


def test_format_minutes_uses_the_language_units():
    course = load_course(REPO)
    assert format_minutes(45, course.languages["en"].t) == "45 min"
    assert format_minutes(135, course.languages["ru"].t) == "2 ч 15 мин"


def test_course_check_warns_when_the_written_time_is_far_off(fixture_course):
    edit(fixture_course / "content" / "en" / "index.md", "duration:", "duration: 6 hours\nold_duration:")
    problems = run_checks(load_course(fixture_course))
    warnings = [p for p in problems if "study time" in p.message]
    assert len(warnings) == 1 and not warnings[0].is_error
    assert warnings[0].path == "content/en/index.md" and "'6 hours' is far from the estimated 1 min" in warnings[0].message


def test_no_warning_when_the_written_time_is_close(fixture_course):
    edit(fixture_course / "content" / "en" / "index.md", "duration:", "duration: 2 min\nold_duration:")
    assert [p for p in run_checks(load_course(fixture_course)) if "study time" in p.message] == []


@pytest.fixture(scope="module")
def real_docs(tmp_path_factory):
    course = load_course(REPO)
    docs = tmp_path_factory.mktemp("docs")
    write_generated_docs(course, docs)
    return course, docs


def test_lesson_pages_say_which_lesson_and_lead_on(real_docs):
    course, docs = real_docs
    for code, language in course.languages.items():
        lessons = language.lessons
        assert len(lessons) == 4
        for number, lesson in enumerate(lessons, start=1):
            page = (docs / code / lesson.name).read_text(encoding="utf-8")
            expected = language.t("record.lesson_of").replace("{n}", str(number)).replace("{total}", "4")
            assert f'<span class="course-lesson-status__number">{expected}</span>' in page
            assert f'max="{len(lesson.sections)}" value="0"' in page
            target = lessons[number].html_name if number < 4 else language.page_of_kind("quiz").html_name
            assert f'href="{target}" rel="next"' in page
            record = re.search(r'<script type="application/json" id="course-record">(.*?)</script>', page).group(1)
            assert f'"sections": {str([s.id for s in lesson.sections]).replace(chr(39), chr(34))}' in record


def test_the_home_page_total_is_the_sum_of_the_lessons(real_docs):
    course, docs = real_docs
    for code, language in course.languages.items():
        minutes = []
        for lesson in language.lessons:
            page = (docs / code / lesson.name).read_text(encoding="utf-8")
            shown = re.search(r'course-lesson-status__time">[^<]*?(\d+)\D*</span>', page)
            minutes.append(int(shown.group(1)))
            assert lesson_words(lesson) > 100
        home = (docs / code / "index.md").read_text(encoding="utf-8")
        total = format_minutes(sum(minutes), language.t)
        assert f"<dd>{total}</dd>" in home
        if "duration" in language.home.meta:                            # a hand-written time is not shown
            assert str(language.home.meta["duration"]) not in home
        assert (docs / code / "completion.html").is_file()


def lesson_sections(root, tmp_path) -> list[str]:
    docs = tmp_path / "docs"
    write_generated_docs(load_course(root), docs)
    page = (docs / "en" / "01-basics.md").read_text(encoding="utf-8")
    record = re.search(r'<script type="application/json" id="course-record">(.*?)</script>', page).group(1)
    import json
    return json.loads(record)["lessons"][0]["sections"]


def test_a_text_change_keeps_the_section_list_and_a_removed_section_leaves_it(fixture_course, tmp_path):
    lesson = fixture_course / "content" / "en" / "01-basics.md"
    before = lesson_sections(fixture_course, tmp_path)
    assert before == ["what-is-omnichannel", "channels"]
    text = lesson.read_text(encoding="utf-8")
    head, body = text.split("{#channels}", 1)
    lesson.write_text(head + "{#channels}\n\nA typo fixed, a sentence added." + body, encoding="utf-8")
    assert lesson_sections(fixture_course, tmp_path) == before              # same ids: done marks stay
    lesson.write_text(text[:text.index("\n## ", text.index("{#what-is-omnichannel}"))] + "\n", encoding="utf-8")
    assert lesson_sections(fixture_course, tmp_path) == ["what-is-omnichannel"]   # the totals drop it


def test_narration_length_comes_from_the_length_tag_or_else_the_frames(tmp_path):
    """The study time uses each lesson track's length: read from the TLEN tag the narration
    writes (quick), or, for a track without one, by counting its frames."""
    from build_tools.narration.encode import SAMPLE_RATE, TrackTags, encode_pcm, write_track
    from build_tools.narration.mp3 import read_stream
    from build_tools.record.study_time import narration_seconds

    mp3 = encode_pcm(bytes(2 * SAMPLE_RATE * 3), SAMPLE_RATE, 32)      # three seconds of silence
    plain = tmp_path / "plain.mp3"
    plain.write_bytes(mp3)
    tagged = tmp_path / "tagged.mp3"
    stream = write_track(tagged, mp3, TrackTags("Lesson", "Course", "en", 1, 1))
    assert 2.9 < narration_seconds(plain) < 3.2
    assert narration_seconds(plain) == read_stream(mp3).seconds
    assert narration_seconds(tagged) == stream.milliseconds / 1000
    assert narration_seconds(tmp_path / "missing.mp3") == 0.0
    from mutagen.id3 import ID3, TLEN
    tags = ID3(tagged)
    tags.setall("TLEN", [TLEN(encoding=3, text="60000")])
    tags.save(tagged)
    assert narration_seconds(tagged) == 60.0          # the tag is what is read, not the frames
