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

