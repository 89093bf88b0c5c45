"""The learner record in a real Chromium against the built fixture course (one lesson of two
sections, a six-question quiz): ticks and progress bars as sections are read, kept over a reload,
Continue where you left off, paused narration offered back, completion and the certificate on one
A4 page, storage switched off, an old-schema record migrated, a removed section, the quiz's
confirmations, the keyboard alone, phone width, file:// and axe — in English and Greek."""
import io
import json

import pytest
from e2e.axe import axe_violations, blocking, describe
from e2e.test_quiz import answer, TEXT as QUIZ_TEXT
from pypdf import PdfReader

from build_tools.model import load_course

pytestmark = pytest.mark.browser

LESSON = "01-basics.html"
SECTIONS = ["what-is-omnichannel", "channels"]
TEXT = {
    "en": {"lesson_of": "Lesson 1 of 1", "time": "Estimated time: 1 min", "done": "Done",
           "value": "{d} of 2 sections done", "start": "Start the course", "continue": "Continue where you left off",
           "next": "Next: Test yourself", "module": "{p}% of the module done", "lessons": "Lessons done: {d} of 1",
           "storage": "Your browser is not keeping data for this site", "title": "Certificate of completion",
           "intro": "6 questions. To pass, you need 70% of the points.", "answered": "{n} of 6 answered",
           "unanswered": "Not answered yet: 5 of 6 questions.", "quiz_reset": "Reset the quiz?",
           "scoring": "How this is scored:", "resume": "Resume the narration at 0:0"},
    "el": {"lesson_of": "Μάθημα 1 από 1", "time": "Εκτιμώμενος χρόνος: 1 λεπ.", "done": "Ολοκληρώθηκε",
           "value": "Ολοκληρωμένες υποενότητες: {d} από 2", "start": "Ξεκινήστε την ενότητα",
           "continue": "Συνεχίστε από εκεί που σταματήσατε", "next": "Στη συνέχεια: Αξιολογήστε τον εαυτό σας",
           "module": "Έχετε ολοκληρώσει το {p}% της εκπαιδευτικής ενότητας", "lessons": "Ολοκληρωμένα μαθήματα: {d} από 1",
           "storage": "Το πρόγραμμα περιήγησης δεν αποθηκεύει δεδομένα", "title": "Βεβαίωση ολοκλήρωσης",
           "intro": "6 ερωτήσεις. Για να περάσετε, χρειάζεστε το 70% των βαθμών.", "answered": "Απαντήσατε σε {n} από 6",
           "unanswered": "Δεν έχετε απαντήσει ακόμη σε 5 από τις 6 ερωτήσεις", "quiz_reset": "Μηδενισμός του τεστ;",
           "scoring": "Πώς βαθμολογείται:", "resume": "Συνέχεια της αφήγησης από το 0:0"},
}


def url(base: str, lang: str, name: str = LESSON) -> str:
    return base + ("" if lang == "en" else f"{lang}/") + name


@pytest.fixture(scope="module")
def bank(built_fixture):
    course = load_course(built_fixture)
    return {lang: {q.id: q for q in course.quiz.questions_for(lang)} for lang in course.languages}


@pytest.fixture
def errors(page):
    found = []
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def read(page, section: str) -> None:
    """Open a section and bring its end on screen, as a reader does."""
    summary = page.locator(f"#{section} > summary")
    if page.locator(f"#{section}").get_attribute("open") is None:
        summary.click()
    page.locator(f"#{section} > .course-section__end").scroll_into_view_if_needed()
    page.wait_for_selector(f"#{section} > summary .course-tick")


def lesson_bar(page) -> tuple[str, str]:
    bar = page.locator("#course-lesson-progress")
    return bar.evaluate("e => e.value + '/' + e.max"), bar.get_attribute("aria-valuetext")


def record(page, lang: str = "en") -> dict:
    return page.evaluate(f"JSON.parse(localStorage.getItem('course-record:{lang}'))")


def pass_quiz(page, base, lang, bank) -> None:
    page.goto(url(base, lang, "91-test-yourself.html"))
    for q in bank[lang].values():
        answer(page, q, True, QUIZ_TEXT[lang]["short_answer"])
    page.locator(".course-quiz__finish").click()
    page.wait_for_selector(".course-quiz__result--pass")


@pytest.mark.parametrize("lang", ["en", "el"])
def test_reading_sections_ticks_them_fills_the_bars_and_survives_a_reload(page, fixture_site, lang, errors):
    text = TEXT[lang]
    page.goto(url(fixture_site, lang))
    status = page.locator(".course-lesson-status")
    assert status.locator(".course-lesson-status__number").inner_text() == text["lesson_of"]
    assert status.locator(".course-lesson-status__time").inner_text() == text["time"]
    assert lesson_bar(page) == ("0/2", text["value"].format(d=0))
    assert page.locator(".course-tick").count() == 0

    page.locator(f"#{SECTIONS[0]} > summary").click()       # opened, but its end not yet on screen: not done
    page.wait_for_function("() => JSON.parse(localStorage.getItem('course-record:' + document.documentElement.lang))"
                           f".sections.basics['{SECTIONS[0]}'].opened === 1")
    read(page, SECTIONS[0])
    tick = page.locator(f"#{SECTIONS[0]} > summary .course-tick")
    assert tick.locator(".course-sr").inner_text() == text["done"]
    assert tick.locator("[aria-hidden=true]").inner_text() == "✓"
    assert lesson_bar(page) == ("1/2", text["value"].format(d=1))
    nav_lesson = page.locator(f".md-sidebar--primary .md-nav__link[href='{LESSON}']")
    assert nav_lesson.locator(".course-tick").count() == 0              # the lesson is not done yet

    read(page, SECTIONS[1])
    assert lesson_bar(page) == ("2/2", text["value"].format(d=2))
    assert nav_lesson.locator(".course-tick .course-sr").inner_text() == text["done"]
    assert page.locator(".course-next a").inner_text() == text["next"]
    assert page.locator(".course-next a").get_attribute("href") == "91-test-yourself.html"

    page.reload()
    assert page.locator("details.course-section > summary .course-tick").count() == 2
    assert lesson_bar(page) == ("2/2", text["value"].format(d=2))
    page.goto(url(fixture_site, lang, "index.html"))
    bar = page.locator("#course-module-progress")
    assert bar.evaluate("e => e.value") == 50                   # the lesson done, the quiz not yet passed
    assert bar.get_attribute("aria-valuetext") == text["module"].format(p=50)
    assert page.locator(".course-home-progress__summary").inner_text().startswith(text["lessons"].format(d=1))
    assert page.locator(f".md-nav__link[href='{LESSON}'] .course-tick").count() >= 1
    other = "el" if lang == "en" else "en"                     # one record per language
    page.goto(url(fixture_site, other))
    assert lesson_bar(page)[0] == "0/2"
    assert errors == []


@pytest.mark.parametrize("lang", ["en", "el"])
def test_continue_opens_the_last_page_at_the_last_section(page, fixture_site, lang):
    text = TEXT[lang]
    page.goto(url(fixture_site, lang, "index.html"))
    start = page.locator(".course-start")
    assert start.inner_text() == text["start"]
    start.click()
    page.wait_for_url(f"**/{LESSON}")
    page.locator(f"#{SECTIONS[1]} > summary").click()
    page.wait_for_function(f"() => (JSON.parse(localStorage.getItem('course-record:{lang}')).last || {{}}).section === '{SECTIONS[1]}'")
    page.goto(url(fixture_site, lang, "93-glossary.html"))      # a page without sections: the last page now
    page.goto(url(fixture_site, lang, LESSON))
    page.locator(f"#{SECTIONS[1]} > summary").click()           # closed again; then open it: the last section
    page.locator(f"#{SECTIONS[1]} > summary").click()
    page.goto(url(fixture_site, lang, "index.html"))
    assert start.inner_text() == text["continue"]
    start.click()
    page.wait_for_url(f"**/{LESSON}#{SECTIONS[1]}")
    assert page.locator(f"#{SECTIONS[1]}").get_attribute("open") is not None
    assert page.locator(f"#{SECTIONS[0]}").get_attribute("open") is None


def test_paused_narration_is_offered_back_at_its_position(page, fixture_site, errors):
    page.goto(url(fixture_site, "en"))
    page.locator(f"#{SECTIONS[0]} > summary").click()
    page.locator(f"#{SECTIONS[0]} .course-section-play").click()
    page.wait_for_function("() => { const a = document.querySelector('.course-player__audio'); return a && a.currentTime > 0; }")
    page.evaluate("() => { const a = document.querySelector('.course-player__audio'); a.currentTime = 4.2; }")
    page.wait_for_function("() => document.querySelector('.course-player__audio').currentTime >= 4.2")
    page.locator(".course-player__toggle").click()                # pause
    page.wait_for_function("() => ((JSON.parse(localStorage.getItem('course-record:en')).narration) || {}).position >= 4")
    assert record(page)["narration"]["src"].endswith(f"{SECTIONS[0]}.mp3")

    page.reload()
    offer = page.locator(".course-resume__play")
    assert offer.inner_text().startswith(TEXT["en"]["resume"] + "4")
    offer.click()
    page.wait_for_function("() => { const a = document.querySelector('.course-player__audio'); return a && !a.paused && a.currentTime >= 4; }")
    assert page.locator(".course-resume").count() == 0
    page.goto(url(fixture_site, "en", "index.html"))             # offered only on the page where it paused
    assert page.locator(".course-resume").count() == 0
    assert errors == []


def test_narration_heard_to_the_end_marks_a_section_done(page, fixture_site):
    page.goto(url(fixture_site, "en"))
    page.locator(f"#{SECTIONS[0]} > summary").click()
    page.evaluate("() => { window.scrollTo(0, 0); }")
    page.locator(f"#{SECTIONS[0]} .course-section-play").click()
    page.evaluate("() => { document.querySelector('.course-player__audio').playbackRate = 4; }")   # heard, at speed
    page.wait_for_function("() => document.querySelector('.course-player__audio').ended", timeout=30000)
    facts = record(page)["sections"]["basics"][SECTIONS[0]]
    assert facts["heard"] >= 0.9 and facts["done"]


@pytest.mark.parametrize("lang", ["en", "el"])
def test_the_whole_lesson_track_counts_for_each_section_in_it(page, fixture_site, lang):
    """Play audio on the lesson's action bar plays the whole lesson: the time heard inside each
    section's part counts for that section (its place in the track: data-course-chapters)."""
    page.goto(url(fixture_site, lang))
    chapters = json.loads(page.locator(".course-action--audio").get_attribute("data-course-chapters"))
    assert [c[0] for c in chapters] == SECTIONS
    assert all(0 < start < end for _, start, end in chapters) and chapters[0][2] <= chapters[1][1]
    page.locator(f"#{SECTIONS[0]} > summary").click()          # opened; the second one is not
    page.evaluate("() => { window.scrollTo(0, 0); }")
    page.locator(".course-action--audio").click()
    page.evaluate("() => { document.querySelector('.course-player__audio').playbackRate = 2; }")
    page.wait_for_function("() => document.querySelector('.course-player__audio').ended", timeout=30000)
    facts = record(page, lang)["sections"]["basics"]
    assert facts[SECTIONS[0]]["heard"] >= 0.9 and facts[SECTIONS[0]]["done"]
    assert facts[SECTIONS[1]]["heard"] >= 0.9 and "done" not in facts[SECTIONS[1]]     # heard, never opened
    page.locator(f"#{SECTIONS[1]} > summary").click()
    page.wait_for_function("([lang, s]) => JSON.parse(localStorage.getItem('course-record:' + lang)).sections.basics[s].done",
                           arg=[lang, SECTIONS[1]])


@pytest.mark.parametrize("lang", ["en", "el"])
def test_all_lessons_and_a_pass_complete_the_module_and_the_certificate_prints_on_one_a4_page(
        page, fixture_site, built_fixture, bank, lang):
    text = TEXT[lang]
    page.goto(url(fixture_site, lang, "completion.html"))
    assert page.locator(".not-yet").is_visible() and not page.locator(".certificate").is_visible()
    page.goto(url(fixture_site, lang))
    for section in SECTIONS:
        read(page, section)
    pass_quiz(page, fixture_site, lang, bank)
    page.goto(url(fixture_site, lang, "index.html"))
    assert page.locator("#course-module-progress").evaluate("e => e.value") == 100
    link = page.locator(".course-home-progress__complete a")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/completion.html")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == text["title"]
    assert page.locator(".certificate").is_visible() and not page.locator(".not-yet").is_visible()
    page.locator("#course-certificate-name").fill("Μαρία Παπαδοπούλου-Smith")
    assert page.locator("[data-course-certificate-name]").inner_text() == "Μαρία Παπαδοπούλου-Smith"
    assert page.locator("[data-course-certificate-score]").inner_text() == "100%"
    assert page.locator("[data-course-certificate-date]").inner_text().strip() != ""
    home = load_course(built_fixture).languages[lang].home
    assert page.locator(".certificate li").all_inner_texts() == [str(o).strip() for o in home.meta["outcomes"]]
    assert page.locator(".certificate .module").inner_text() == home.title
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(pdf.pages) == 1
    printed = pdf.pages[0].extract_text()
    assert "Smith" in printed and "100%" in printed


# Two ways a browser switches storage off: site data blocked (reading localStorage throws, as in
# Chromium; Material's own head script then throws too, which is the theme's and harmless), and
# a private mode that refuses every write.
STORAGE_OFF = {
    "blocked": "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});",
    "no-writes": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
}


@pytest.mark.parametrize("how", sorted(STORAGE_OFF))
def test_storage_off_tells_the_learner_once_and_nothing_breaks(context, fixture_site, errors, page, how):
    context.add_init_script(STORAGE_OFF[how])
    page.goto(url(fixture_site, "en"))
    notes = page.locator(".course-record-note")
    assert notes.count() == 1 and notes.inner_text().startswith(TEXT["en"]["storage"])
    assert notes.get_attribute("role") == "status"
    read(page, SECTIONS[0])
    read(page, SECTIONS[1])
    assert lesson_bar(page)[0] == "2/2"                          # progress lasts as long as the page
    assert notes.count() == 1                                    # told once, not on every change
    page.locator(".course-next a").click()
    page.wait_for_url("**/91-test-yourself.html")
    assert page.locator(".course-quiz__question").count() == 6
    assert page.locator(".course-record-note").count() == 0        # told once in this tab, not on every page
    page.goto(url(fixture_site, "en", "index.html"))
    assert page.locator(".course-record-note").count() == 0
    assert page.locator(".course-start").inner_text() == TEXT["en"]["start"]   # nothing kept, nothing broken
    other = page.context.new_page()                                  # a new tab is told again
    other.goto(url(fixture_site, "en", "index.html"))
    assert other.locator(".course-record-note").count() == 1
    assert errors == [] if how == "no-writes" else set(errors) == {"denied"}


def test_an_old_schema_record_is_migrated(page, fixture_site):
    page.goto(url(fixture_site, "en", "93-glossary.html"))
    page.evaluate("""() => { localStorage.removeItem('course-record:en');
        localStorage.setItem('course-quiz:en', JSON.stringify({best: 86, attempt: null})); }""")
    page.goto(url(fixture_site, "en", "index.html"))
    summary = page.locator(".course-home-progress__summary").inner_text()
    assert "Quiz: passed" in summary                            # 86% >= the pass mark of 70%
    assert page.locator("#course-module-progress").evaluate("e => e.value") == 50
    page.goto(url(fixture_site, "en", "93-glossary.html"))      # any report saves the record in schema 2
    migrated = record(page)
    assert migrated["schema"] == 2 and migrated["quiz"]["best"] == 86 and migrated["quiz"]["passed"] is True
    assert page.evaluate("localStorage.getItem('course-quiz:en')") is None
    page.goto(url(fixture_site, "en", "91-test-yourself.html"))
    assert page.locator(".course-quiz__best").inner_text() == "Best score so far: 86%"


def test_a_removed_section_leaves_the_totals_right(page, fixture_site):
    page.goto(url(fixture_site, "en", "93-glossary.html"))
    stale = {"schema": 2, "lang": "en", "sections": {"basics": {
        SECTIONS[0]: {"opened": 1, "end": 1, "done": "2026-01-01T00:00:00Z"},
        "a-section-since-removed": {"opened": 1, "end": 1, "done": "2026-01-01T00:00:00Z"}}},
        "quiz": {"best": None, "passed": False}}
    page.evaluate("r => localStorage.setItem('course-record:en', JSON.stringify(r))", stale)
    page.goto(url(fixture_site, "en"))
    assert lesson_bar(page) == ("1/2", "1 of 2 sections done")  # not 2 of 2, not 2 of 3
    assert page.locator(f"#{SECTIONS[0]} > summary .course-tick").count() == 1
    page.goto(url(fixture_site, "en", "index.html"))
    assert page.locator("#course-module-progress").evaluate("e => e.value") == 25   # half a lesson of lesson + quiz


@pytest.mark.parametrize("lang", ["en", "el"])
def test_quiz_states_its_size_counts_answers_and_asks_before_finishing_or_resetting(page, fixture_site, bank, lang):
    text, questions = TEXT[lang], bank[lang]
    page.goto(url(fixture_site, lang, "91-test-yourself.html"))
    first = page.locator(".course-quiz__content > *").first
    assert first.inner_text() == text["intro"]
    counter = page.locator(".course-quiz__counter").first
    assert counter.inner_text() == text["answered"].format(n=0)
    answer(page, questions["omni-meaning"], True, "")
    assert counter.inner_text() == text["answered"].format(n=1)
    assert page.locator("[data-type=multiple-response] .course-quiz__scoring").first.inner_text().startswith(text["scoring"])

    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator(".course-quiz__finish").click()
    assert asked and asked[0].startswith(text["unanswered"])
    assert page.locator(".course-quiz__result").count() == 0        # not finished
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    page.locator(".course-quiz__finish").click()
    page.wait_for_selector(".course-quiz__result")
    links = page.locator(".course-quiz__lessons a")
    assert links.first.get_attribute("href") == LESSON
    best = page.locator(".course-quiz__best").inner_text()

    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator(".course-quiz__reset").click()
    assert asked[-1] == [m for m in asked if m.startswith(text["quiz_reset"])][0]
    assert page.locator(".course-quiz__best").inner_text() == best     # kept: the learner said no
    page.once("dialog", lambda d: d.accept())
    page.locator(".course-quiz__reset").click()
    page.wait_for_function("() => !document.querySelector('.course-quiz__best')")


def test_reset_my_progress_asks_first_then_clears_the_record(page, fixture_site):
    page.goto(url(fixture_site, "en"))
    read(page, SECTIONS[0])
    page.goto(url(fixture_site, "en", "index.html"))
    assert page.locator(".course-start").inner_text() == TEXT["en"]["continue"]
    page.once("dialog", lambda d: d.dismiss())
    page.locator(".course-reset").click()
    assert page.locator(".course-start").inner_text() == TEXT["en"]["continue"]
    page.once("dialog", lambda d: d.accept())
    page.locator(".course-reset").click()
    assert page.locator(".course-start").inner_text() == TEXT["en"]["start"]
    assert page.locator(".course-home-progress [role=status]").inner_text() == "Your progress has been reset."
    page.goto(url(fixture_site, "en"))
    assert lesson_bar(page)[0] == "0/2"


def test_by_keyboard_alone(page, fixture_site):
    page.goto(url(fixture_site, "en", "index.html"))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.course-start')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{LESSON}")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches('#{SECTIONS[0]} > summary')"):
            break
    page.keyboard.press("Enter")
    page.keyboard.press("End")                                    # scroll to the end, as a keyboard reader does
    page.wait_for_selector(f"#{SECTIONS[0]} > summary .course-tick")
    page.goto(url(fixture_site, "en", "index.html"))
    page.once("dialog", lambda d: d.accept())
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.course-reset')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.course-start').textContent === 'Start the course'")


@pytest.mark.parametrize("lang", ["en", "el"])
def test_phone_width_status_and_ticks_fit(browser, fixture_site, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(url(fixture_site, lang))
        read(page, SECTIONS[0])
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        for selector in ("#course-lesson-progress", f"#{SECTIONS[0]} > summary .course-tick", ".course-next a"):
            box = page.locator(selector).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
        page.goto(url(fixture_site, lang, "index.html"))
        box = page.locator(".course-start").bounding_box()
        assert box["x"] + box["width"] <= 390
        assert page.locator(".course-start").inner_text() == TEXT[lang]["continue"]
    finally:
        context.close()


def test_works_from_a_file_url(page, built_fixture):
    page.goto((built_fixture / "site" / LESSON).as_uri())
    read(page, SECTIONS[0])
    assert lesson_bar(page)[0] == "1/2"
    page.reload()
    assert lesson_bar(page)[0] == "1/2"


@pytest.mark.parametrize("lang", ["en", "el"])
def test_record_pages_have_no_serious_accessibility_violations(page, fixture_site, bank, lang):
    page.goto(url(fixture_site, lang, "completion.html"))
    assert blocking(axe_violations(page)) == [], describe(blocking(axe_violations(page)))
    page.goto(url(fixture_site, lang))
    for section in SECTIONS:
        read(page, section)
    violations = blocking(axe_violations(page))
    assert violations == [], describe(violations)
    pass_quiz(page, fixture_site, lang, bank)
    for name in ("index.html", "completion.html"):
        page.goto(url(fixture_site, lang, name))
        violations = blocking(axe_violations(page))
        assert violations == [], f"{name}: {describe(violations)}"
    assert json.dumps(record(page, lang))                       # the record is plain JSON


def test_works_in_the_offline_pack(page, built_fixture, bank, tmp_path):
    """The Greek offline copy, unzipped and opened from file://: progress, completion, certificate."""
    import zipfile

    from build_tools.trainer_packs.names import pack_file

    with zipfile.ZipFile(built_fixture / "dist" / "el" / pack_file("offline-site", "el")) as archive:
        archive.extractall(tmp_path)
    lesson = next(tmp_path.rglob(f"el/{LESSON}"))
    page.goto(lesson.as_uri())
    for section in SECTIONS:
        read(page, section)
    assert lesson_bar(page) == ("2/2", TEXT["el"]["value"].format(d=2))
    page.goto(lesson.with_name("91-test-yourself.html").as_uri())
    for q in bank["el"].values():
        answer(page, q, True, QUIZ_TEXT["el"]["short_answer"])
    page.locator(".course-quiz__finish").click()
    page.goto(lesson.with_name("index.html").as_uri())
    page.locator(".course-home-progress__complete a").click()
    assert page.locator(".certificate").is_visible()
    assert page.locator("[data-course-certificate-score]").inner_text() == "100%"
