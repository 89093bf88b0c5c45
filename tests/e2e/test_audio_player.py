"""In a real browser: the lesson's Play audio action and a section's play control load a track
that plays (the audio element reaches a playable state and its time advances); the player's
pause, seek, speed and time work with mouse and keyboard, its labels are localized, and it
also plays from file:// URLs."""
import pytest

pytestmark = pytest.mark.browser

AUDIO = "document.querySelector('.course-player__audio')"


def lesson_url(base: str, lang: str, name: str = "01-basics.html") -> str:
    return base + ("" if lang == "en" else f"{lang}/") + name


def wait_until_playing(page, past: float = 0.3) -> None:
    """HAVE_FUTURE_DATA (3) or better, not paused, and the clock moving past ``past`` seconds."""
    page.wait_for_function(f"{AUDIO} && {AUDIO}.readyState >= 3", timeout=15000)
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > {past}", timeout=15000)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_play_audio_action_plays_the_whole_lesson(page, fixture_site, lang):
    page.goto(lesson_url(fixture_site, lang))
    page.locator(".course-actions .course-action--audio").click()
    wait_until_playing(page)
    src = page.evaluate(f"{AUDIO}.currentSrc")
    assert src.endswith(("" if lang == "en" else f"{lang}/") + f"audio/omnichannel-{lang}-01-basics.mp3")
    assert page.evaluate(f"{AUDIO}.duration") > 5
    assert page.locator(".course-player").is_visible()
    assert page.locator(".course-player__title").inner_text() == page.locator("h1").first.inner_text()


def test_a_section_play_control_plays_that_section(page, fixture_site):
    page.goto(lesson_url(fixture_site, "el"))
    section = page.locator("details#channels")
    section.locator("summary").click()
    section.locator(".course-section-play").click()
    wait_until_playing(page, past=0.2)
    assert page.evaluate(f"{AUDIO}.currentSrc").endswith("el/audio/01-basics/channels.mp3")
    assert page.locator(".course-player__title").inner_text() == "Τα κανάλια"


def test_pause_seek_speed_and_time(page, fixture_site):
    page.goto(lesson_url(fixture_site, "pl"))
    page.locator(".course-action--audio").click()
    wait_until_playing(page)
    toggle = page.locator(".course-player__toggle")
    assert toggle.get_attribute("aria-label") == "Wstrzymaj"          # localized: "Pause"
    toggle.click()
    page.wait_for_function(f"{AUDIO}.paused")
    page.wait_for_function("document.querySelector('.course-player__toggle').getAttribute('aria-label') === 'Odtwórz'")
    page.locator(".course-player__speed").select_option("1.5")
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.5
    before = page.evaluate(f"{AUDIO}.currentTime")
    page.locator(".course-player__seek").focus()
    page.keyboard.press("ArrowRight")                                  # +5 s
    page.wait_for_function(f"{AUDIO}.currentTime >= {before} + 4.9")
    assert page.locator(".course-player__time").inner_text().startswith("0:0")
    assert " / 0:" in page.locator(".course-player__time").inner_text()
    toggle.focus()
    page.keyboard.press("Enter")
    wait_until_playing(page, past=before + 5.2)


def test_escape_closes_the_player_and_returns_focus(page, fixture_site):
    page.goto(lesson_url(fixture_site, "hu"))
    action = page.locator(".course-action--audio")
    action.focus()
    page.keyboard.press("Enter")
    wait_until_playing(page)
    page.locator(".course-player__toggle").focus()
    page.keyboard.press("Escape")
    assert not page.locator(".course-player").is_visible()
    assert page.evaluate(f"{AUDIO}.paused")
    assert page.evaluate("document.activeElement.classList.contains('course-action--audio')")


def test_show_the_text_opens_the_section_being_played(page, fixture_site):
    page.goto(lesson_url(fixture_site, "en"))
    page.locator("details#what-is-omnichannel summary").click()
    page.locator("details#what-is-omnichannel .course-section-play").click()
    wait_until_playing(page, past=0.1)
    page.locator("details#what-is-omnichannel summary").click()        # closed while it plays
    page.get_by_role("button", name="Show the text").click()
    assert page.locator("details#what-is-omnichannel").evaluate("d => d.open") is True


def test_plays_from_file_urls(page, built_fixture):
    page.goto((built_fixture / "site" / "el" / "90-key-points.html").as_uri())
    page.locator(".course-action--audio").click()
    wait_until_playing(page)
    assert page.evaluate(f"{AUDIO}.currentSrc").startswith("file://")
