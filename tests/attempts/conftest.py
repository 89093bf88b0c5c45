"""The attempts service runs inside `course serve`: the fixture course built once, a database of each kind."""
from __future__ import annotations

import pytest

from feedback.conftest import BACKENDS, new_database_url, postgres_cluster  # noqa: F401  (fixtures reused)


@pytest.fixture(params=BACKENDS)
def database_url(request, postgres_cluster, tmp_path) -> str:  # noqa: F811
    return new_database_url(request.param, postgres_cluster, tmp_path)


@pytest.fixture(scope="session")
def bank_version(built_fixture) -> str:
    from build_tools.model import load_course
    from build_tools.stats.bank import banks_of

    return banks_of(load_course(built_fixture))["en"].version
