"""What the narration says: lesson Markdown read in a natural order, code, URLs, comments and
images left out, abbreviations respelled from the language's pronunciation list; and the
narration settings and pronunciation lists are checked with file:line messages."""
from pathlib import Path

import pytest
from helpers import REPO, edit

from build_tools.checks import run_checks
from build_tools.errors import CourseError
from build_tools.model import load_course
from build_tools.narration.settings import load_audio_settings
from build_tools.narration.synthesis import plan_language
from build_tools.narration.text import (Pronunciations, load_pronunciations, plain, runs, spoken_blocks,
                                        spoken_text)

LESSON = """\
Shops link their channels. See [the glossary](93-glossary.md) or https://example.com/omni for more.

### Three models {#models}

1. **Mobile.** She taps the link.
2. **Store.** She checks the keyboard

Two more points:

- BOPIS means "buy online, pick up in store"
- ![A diagram](img/diagram.png)

| Brand | What the customer gains |
|---|---|
| Disney | One wristband for everything |
| Starbucks | Top-ups everywhere |

```python
print("never read")
```

<!-- a note for translators, never read -->

Term
: What it means

!!! note "Tip"
    Start small.
"""


def test_blocks_come_in_document_order_with_tables_read_as_header_value():
    assert spoken_blocks(LESSON) == [
        "Shops link their channels. See the glossary or for more.",
        "Three models.",
        "1. Mobile. She taps the link.",
        "2. Store. She checks the keyboard.",
        "Two more points:",
        'BOPIS means "buy online, pick up in store."',
        "Brand: Disney. What the customer gains: One wristband for everything.",
        "Brand: Starbucks. What the customer gains: Top-ups everywhere.",
        "Term: What it means.",
        "Tip.",
        "Start small.",
    ]


def test_code_urls_comments_and_images_are_never_spoken():
    text = spoken_text(LESSON)
    for unwanted in ("print", "never read", "translators", "diagram", "img", "https", "example.com", "93-glossary", "{#"):
        assert unwanted not in text


def test_pronunciations_replace_whole_words_only_and_longest_first():
    say = Pronunciations({"CRM": "C R M", "PDF": "P D F", "PDFs": "P D Fs"})
    assert say.apply("CRM and PDFs, not CRMs or PDF's") == "C R M and P D Fs, not CRMs or P D F's"


@pytest.mark.parametrize("lang,written,spoken", [
    ("en", "BOPIS and CRM", "Bopis and C R M"),
    ("el", "Το BOPIS και το CRM", "Το Μπόπις και το σι αρ εμ"),
    ("hu", "A BOPIS és a CRM", "A Bopisz és a cé-er-em"),
    ("pl", "BOPIS i CRM", "Bopis i ce-er-em"),
    ("ru", "BOPIS и CRM", "Бопис и си-ар-эм"),
])
def test_the_course_pronunciation_lists_respell_abbreviations(lang, written, spoken):
    say, problems = load_pronunciations(REPO, lang)
    assert problems == []
    assert spoken_text(written, say) == spoken + "."


def test_an_instructors_edit_is_in_the_next_narration(fixture_course):
    edit(fixture_course / "content/hu/01-basics.md", "## A csatornák {#channels}", "## A csatornák és az ERP {#channels}")
    course = load_course(fixture_course)
    plans = plan_language(course, course.languages["hu"], Pronunciations({"ERP": "é-er-pé"}))
    section = next(p for lesson in plans for p in lesson.parts if p.track == "hu/01-basics/channels")
    assert section.text.startswith("A csatornák és az é-er-pé.")
    assert section.site_path == "audio/01-basics/channels.mp3"


def test_each_page_has_an_opening_part_and_one_part_per_section(fixture_course):
    course = load_course(fixture_course)
    plans = plan_language(course, course.languages["en"], Pronunciations({}))
    assert [lesson.track for lesson in plans] == ["en/01-basics", "en/90-key-points"]
    assert [p.track for p in plans[0].parts] == ["en/01-basics/_intro", "en/01-basics/what-is-omnichannel",
                                                 "en/01-basics/channels"]
    assert plans[0].parts[0].text == "Omnichannel basics.\n\nOmnichannel links every channel of a shop."
    assert [p.tags.track for lesson in plans for p in [lesson] + lesson.sections if hasattr(p, "tags")] == [1, 2, 3, 4, 5]


def test_a_pronunciation_entry_without_spoken_form_is_reported_with_its_line(fixture_course):
    folder = fixture_course / "translations" / "pronunciation"
    folder.mkdir()
    (folder / "pl.yml").write_text("# list\nCRM: ce-er-em\nERP:\n", encoding="utf-8")
    messages = [p.format() for p in run_checks(load_course(fixture_course))]
    assert ("translations/pronunciation/pl.yml:3: 'ERP' has no spoken form — write it as 'ERP: how to say it'"
            in messages)


def test_audio_settings_name_the_key_and_the_fix(fixture_course):
    edit(fixture_course / "mkdocs.yml", "      engine: espeak", "      engine: festival\n      engines: {xx: gtts, el: say}")
    with pytest.raises(CourseError) as failure:
        load_audio_settings(load_course(fixture_course).config)
    assert "extra.course.audio.engine: 'festival' is not one of auto, gtts, espeak — use one of: auto, gtts, espeak" in str(failure.value)


def test_per_language_engines_are_validated(fixture_course):
    edit(fixture_course / "mkdocs.yml", "      engine: espeak", "      engine: auto\n      engines: {xx: gtts, el: say}")
    with pytest.raises(CourseError) as failure:
        load_audio_settings(load_course(fixture_course).config)
    message = str(failure.value)
    assert "extra.course.audio.engines: 'xx' is not a course language — use one of: en, el, hu, pl, ru" in message
    assert "extra.course.audio.engines.el: 'say' is not an engine — use one of: auto, gtts, espeak" in message


def test_settings_defaults_and_forcing(fixture_course):
    edit(fixture_course / "mkdocs.yml", "      engine: espeak", "      engine: auto\n      engines: {ru: espeak}")
    settings = load_audio_settings(load_course(fixture_course).config)
    assert (settings.engine_for("en"), settings.engine_for("ru")) == ("auto", "espeak")
    assert settings.with_engine("gtts").engine_for("ru") == "gtts"
    assert settings.bitrate == 32 and settings.voice("en", "espeak") == "en-gb"


def test_the_real_course_has_valid_audio_settings():
    settings = load_audio_settings(load_course(REPO).config)
    assert settings.engine == "auto"
    assert Path(REPO / "translations/pronunciation/en.yml").is_file()


def test_phrases_in_another_language_are_runs_that_keep_their_spelling():
    say, _ = load_pronunciations(REPO, "hu")
    text = spoken_text('A <span lang="en">click and collect</span> és a CRM, a <span lang="en">CRM</span> '
                       'és a <span lang="hu">saját</span> szó.', say, lang="hu")
    assert plain(text) == "A click and collect és a cé-er-em, a CRM és a saját szó."
    assert runs(text, "hu") == [("hu", "A "), ("en", "click and collect"), ("hu", " és a cé-er-em, a "), ("en", "CRM"),
                                ("hu", " és a saját szó.")]


def test_the_real_greek_lesson_marks_its_english_terms():
    course = load_course(REPO)
    plans = plan_language(course, course.languages["el"], load_pronunciations(REPO, "el")[0])
    spoken = "\n".join(p.text for lesson in plans for p in lesson.parts)
    assert ("en", "omnichannel") in runs(spoken, "el") or ("en", "BOPIS") in runs(spoken, "el")
    assert "<span" not in spoken and "lang=" not in plain(spoken)
