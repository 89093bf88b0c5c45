"""Connections to the feedback database: SQLite (a file, the default) or PostgreSQL, one code path.

Plain DB-API (the standard ``sqlite3`` module and psycopg 3) rather than an ORM: the service runs
a handful of statements, so a :class:`Dialect` only has to know the placeholder style, the id
column, how to open a write transaction and how to lock migrations. SQL is written once with
``?`` placeholders and always parameterised.
"""
from __future__ import annotations

import queue
import sqlite3
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

MIGRATION_LOCK_ID = 7_281_950_113     # the PostgreSQL advisory lock that serialises schema changes


class StorageUnavailable(RuntimeError):
    """The database cannot be reached or is busy; the API answers 503 and the form keeps the text."""


@dataclass(frozen=True)
class Dialect:
    name: str
    id_column: str
    placeholder: str
    begin_write: str | None          # statement that opens a write transaction, if not implicit
    migration_lock: str | None       # statement that makes concurrent migrators wait for each other
    errors: tuple[type[BaseException], ...]

    def sql(self, statement: str) -> str:
        return statement if self.placeholder == "?" else statement.replace("?", self.placeholder)


SQLITE = Dialect("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "?", "BEGIN IMMEDIATE", None,
                 (sqlite3.OperationalError, sqlite3.DatabaseError))


def _postgres_dialect() -> Dialect:
    import psycopg

    return Dialect("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "%s", None,
                   f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})",
                   (psycopg.OperationalError, psycopg.InterfaceError))


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_url(path: Path | str) -> str:
    return "sqlite:///" + str(Path(path).resolve())


def safe_url(url: str) -> str:
    """The URL for logs: any password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


class ConnectionPool:
    """At most ``size`` open connections, reused last-in first-out; broken ones are dropped."""

    def __init__(self, connect: Callable[[], Any], size: int, is_broken: Callable[[Any], bool], wait: float = 30.0):
        self._connect, self._is_broken, self._wait = connect, is_broken, wait
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[Any]:
        if not self._slots.acquire(timeout=self._wait):
            raise StorageUnavailable(f"no free database connection within {self._wait:.0f} s")
        conn = None
        try:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                conn = self._connect()
            yield conn
        finally:
            if conn is not None:
                if self._closed or self._is_broken(conn):
                    _close_quietly(conn)
                else:
                    self._idle.put(conn)
            self._slots.release()

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                _close_quietly(self._idle.get_nowait())
            except queue.Empty:
                return


def _close_quietly(conn: Any) -> None:
    try:
        conn.close()
    except Exception:  # closing a broken connection may fail; it is gone either way
        pass


_JOURNAL_MODE_LOCK = threading.Lock()


def _use_write_ahead_log(conn: sqlite3.Connection, attempts: int = 100) -> None:
    """Switch to WAL (readers never block the writer). Switching a new file needs it to itself, and
    SQLite answers 'locked' at once instead of waiting when another connection opens it at that
    moment: serialise within the process and retry briefly for other processes."""
    for attempt in range(attempts):
        try:
            with _JOURNAL_MODE_LOCK:
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05)


def _connect_sqlite(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=30000")      # other processes writing: wait, do not fail
    _use_write_ahead_log(conn)
    conn.execute("PRAGMA synchronous=NORMAL")      # safe with WAL; no fsync on every commit
    return conn


class Database:
    """A pool of connections plus the dialect that says how to talk to them."""

    def __init__(self, url: str, pool_size: int = 16):
        self.url = url
        if is_postgres_url(url):
            import psycopg

            self.dialect = _postgres_dialect()
            connect = lambda: psycopg.connect(url, autocommit=False, connect_timeout=10)  # noqa: E731
            self._write_lock = nullcontext()
            is_broken = lambda conn: conn.closed or conn.broken  # noqa: E731
        elif url.startswith("sqlite:///"):
            path = Path(url[len("sqlite:///"):])
            path.parent.mkdir(parents=True, exist_ok=True)
            self.dialect = SQLITE
            connect = lambda: _connect_sqlite(path)  # noqa: E731
            # One writer at a time inside this process: threads queue on a lock instead of
            # sleeping in SQLite's busy handler (other processes still meet busy_timeout).
            self._write_lock = threading.Lock()
            is_broken = lambda conn: False  # noqa: E731
        else:
            raise ValueError(f"unsupported database URL {safe_url(url)!r}: use sqlite:///PATH or postgresql://...")
        self.pool = ConnectionPool(connect, pool_size, is_broken)

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Any]:
        """A cursor inside one transaction: committed on success, rolled back on any error."""
        lock = self._write_lock if write else nullcontext()
        try:
            with lock, self.pool.connection() as conn:
                cursor = conn.cursor()
                try:
                    if write and self.dialect.begin_write:
                        cursor.execute(self.dialect.begin_write)
                    yield cursor
                    conn.commit()
                except BaseException:
                    conn.rollback()
                    raise
                finally:
                    cursor.close()
        except self.dialect.errors as exc:
            raise StorageUnavailable(f"{self.dialect.name} database error: {exc}") from exc

    def execute(self, cursor: Any, statement: str, params: tuple | list = ()) -> Any:
        cursor.execute(self.dialect.sql(statement), tuple(params))
        return cursor

    def close(self) -> None:
        self.pool.close()
