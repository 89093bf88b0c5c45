"""`course preview`: an instructor edits a lesson and the preview serves the new text without a restart."""
import subprocess
import sys
import time
import urllib.request

from helpers import edit
from build_tools.static_server import free_port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, needle: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = fetch(url)
        if html is not None and needle in html:
            return True
        time.sleep(0.3)
    return False


def test_preview_reloads_after_a_lesson_edit(fixture_course):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "-q", "preview", "--port", str(port)],
                              cwd=fixture_course, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        lesson = f"http://127.0.0.1:{port}/el/01-basics.html"
        assert wait_for(lesson, "Τα κανάλια"), server.stderr.read() if server.poll() is not None else "no answer"
        edit(fixture_course / "content/el/01-basics.md", "- Τα κανάλια\n", "- Τα κανάλια του καταστήματος μας\n")
        assert wait_for(lesson, "Τα κανάλια του καταστήματος μας")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_preview_prints_its_url_shows_errors_in_the_page_and_warns_once(fixture_course):
    from build_tools.translation_files import mark_translated
    from build_tools.model import load_course

    course = load_course(fixture_course)
    mark_translated(course, course.languages["el"].pages["01-basics.md"])
    edit(fixture_course / "content/en/01-basics.md", "- The channels\n", "- The channels we use\n")   # el is stale
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "preview", "--port", str(port)],
                              cwd=fixture_course, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lesson = f"http://127.0.0.1:{port}/el/01-basics.html"
        assert wait_for(lesson, "Τα κανάλια"), "no answer"
        assert server.stdout.readline().startswith(f"course preview: open http://127.0.0.1:{port}/ ")
        edit(fixture_course / "content/el/01-basics.md", "- Τα κανάλια\n", "- Τα κανάλια <script>x</script>\n")
        assert wait_for(lesson, "course check found 1 problem(s)", seconds=60)
        page = fetch(lesson)
        assert "content/el/01-basics.md:" in page and "HTML &lt;script&gt; is not allowed" in page
        edit(fixture_course / "content/el/01-basics.md", " <script>x</script>", "")
        assert wait_for(lesson, "Τα κανάλια")
    finally:
        server.terminate()
        server.wait(timeout=20)
    log = server.stderr.read()
    # Started once, rebuilt twice: the stale warning is printed once per build, not once per language.
    assert log.count("el: translation is stale") == 3, log
