"""Fixtures of the feedback service tests: databases of both kinds and the running service.

``database_url`` and ``api`` are parametrised over SQLite (a temporary file) and PostgreSQL (a
throwaway server, see tests/postgres_cluster.py), so every API test runs against both; the
PostgreSQL cases are skipped, with the reason, only when no server could be started.
"""
from __future__ import annotations

import shutil

import pytest
from feedback_lessons import add_test_lessons
from postgres_cluster import ClusterUnavailable, PostgresCluster
from service_process import start_service

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_cluster():
    try:
        cluster = PostgresCluster().start()
    except ClusterUnavailable as exc:
        yield exc
        return
    yield cluster
    cluster.stop()


def new_database_url(backend: str, postgres_cluster, folder) -> str:
    if backend == "sqlite":
        return "sqlite:///" + str(folder / "feedback.sqlite3")
    if isinstance(postgres_cluster, ClusterUnavailable):
        pytest.skip(f"PostgreSQL tests skipped: {postgres_cluster}")
    return postgres_cluster.new_database()


@pytest.fixture(params=BACKENDS)
def database_url(request, postgres_cluster, tmp_path) -> str:
    """An empty database of each kind, fresh for every test."""
    return new_database_url(request.param, postgres_cluster, tmp_path)


@pytest.fixture
def postgres_url(postgres_cluster) -> str:
    """A fresh PostgreSQL database (skipped, with the reason, when no server could be started)."""
    return new_database_url("postgresql", postgres_cluster, None)


@pytest.fixture(scope="session")
def served_course(built_fixture, tmp_path_factory):
    """A copy of the built fixture course the service serves (its site/ folder), with the test
    lessons added (see tests/feedback_lessons.py)."""
    root = tmp_path_factory.mktemp("served") / "course"
    shutil.copytree(built_fixture, root, ignore=shutil.ignore_patterns("dist", "build", "audio"))
    add_test_lessons(root / "site")
    return root


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, postgres_cluster, served_course, tmp_path_factory):
    """One running service per backend for a test module; no rate limit (tests of it start their own)."""
    url = new_database_url(request.param, postgres_cluster, tmp_path_factory.mktemp("api"))
    service = start_service(served_course, url, rate_limit=0)
    yield service
    service.stop()
