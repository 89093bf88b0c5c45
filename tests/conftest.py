import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import make_fixture_course  # noqa: E402


@pytest.fixture
def fixture_course(tmp_path: Path) -> Path:
    """A fresh, writable copy of the small five-language fixture course."""
    return make_fixture_course(tmp_path / "course")


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory) -> Path:
    """The fixture course built once per session (do not modify)."""
    from build_tools.pipeline import build

    root = make_fixture_course(tmp_path_factory.mktemp("built") / "course")
    build(root)
    return root


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`make test` runs two workers), every test of the real course's build runs
    on one worker: the build is made once, and only one process writes the repository's caches
    (audio/, build/cache/)."""
    for item in items:
        if "built_course" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("real-course"))
