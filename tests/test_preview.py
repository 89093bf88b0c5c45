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
