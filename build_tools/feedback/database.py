"""Connections to the feedback database: SQLite (a file, the default) or PostgreSQL, one code path.

Plain DB-API (the standard ``sqlite3`` module and psycopg 3) rather than an ORM: the service runs
a handful of statements, so a :class:`Dialect` only has to know the placeholder style, the id
column, how to open a write transaction and how to lock migrations. SQL is written once with
``?`` placeholders and always parameterised.
"""
from __future__ import annotations

import os
import queue
import socket
import sqlite3
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

MIGRATION_LOCK_ID = 7_281_950_113     # the PostgreSQL advisory lock that serialises schema changes
# Every wait is bounded, and all of them end before the browser gives up on a request (15 s).
SQLITE_BUSY_SECONDS = 5.0             # another writer holds the SQLite file
POOL_WAIT_SECONDS = 5.0               # every connection of the pool is in use
STATEMENT_SECONDS = 5.0               # PostgreSQL statement_timeout (plus a client-side watchdog)
LOCK_SECONDS = 3.0                    # PostgreSQL lock_timeout
CONNECT_SECONDS = 5                   # PostgreSQL connect_timeout


class StorageUnavailable(RuntimeError):
    """The database cannot be reached or is busy; the API answers 503 and the form keeps the text."""


class DatabaseReplaced(StorageUnavailable):
    """The SQLite file was deleted or replaced under the running service (answered 503, then reopened)."""


class ItemRefused(ValueError):
    """The database refused this one submission (a constraint, a value it cannot store): a 4xx for
    that item only, never a reason to fail the others of its batch."""


@dataclass(frozen=True)
class Dialect:
    name: str
    id_column: str
    placeholder: str
    begin_write: str | None          # statement that opens a write transaction, if not implicit
    migration_lock: str | None       # statement that makes concurrent migrators wait for each other
    errors: tuple[type[BaseException], ...]       # an outage: 503, try again
    refusals: tuple[type[BaseException], ...]     # the data itself was refused: 4xx for that item

    def sql(self, statement: str) -> str:
        return statement if self.placeholder == "?" else statement.replace("?", self.placeholder)


SQLITE = Dialect("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "?", "BEGIN IMMEDIATE", None,
                 (sqlite3.OperationalError, sqlite3.DatabaseError), (sqlite3.IntegrityError, sqlite3.DataError))


def _postgres_dialect() -> Dialect:
    import psycopg

    return Dialect("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "%s", None,
                   f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})",
                   (psycopg.OperationalError, psycopg.InterfaceError, psycopg.DatabaseError),
                   (psycopg.IntegrityError, psycopg.DataError))


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
            while conn is None:
                try:
                    conn = self._idle.get_nowait()
                except queue.Empty:
                    conn = self._connect()
                    break
                if self._is_broken(conn):      # e.g. its SQLite file was replaced while it was idle
                    _close_quietly(conn)
                    conn = None
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


class SqliteConnection(sqlite3.Connection):
    """A connection that remembers which file it opened (device and inode), so that a database file
    deleted or replaced while the service runs is noticed before anything written into the old,
    unlinked file is acknowledged."""

    identity: tuple[int, int] | None = None
    broken = False


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _connect_sqlite(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=SQLITE_BUSY_SECONDS, isolation_level=None, check_same_thread=False,
                           factory=SqliteConnection)
    # Other processes writing: wait, but give up well before the browser's 15 s timeout.
    conn.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}")
    _use_write_ahead_log(conn)
    # FULL: every acknowledged commit is on disk (fsync of the WAL); NORMAL may lose the last
    # commits on power loss. The benchmark reports what this costs.
    conn.execute("PRAGMA synchronous=FULL")
    conn.identity = file_identity(path)
    return conn


class _Watchdog:
    """Bounds a PostgreSQL transaction in time even when the server hangs (stopped, not answering):
    past the deadline the connection's socket is shut down, so the blocked call returns with an
    error instead of waiting forever. The server's own statement_timeout covers a live server."""

    def __init__(self, conn: Any, seconds: float):
        self.conn, self.fired = conn, False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        self.fired = True
        try:
            fd = self.conn.pgconn.socket
            with socket.socket(fileno=os.dup(fd)) as sock:
                sock.shutdown(socket.SHUT_RDWR)
        except Exception:  # already closed: nothing is waiting on it
            pass

    def __enter__(self) -> "_Watchdog":
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.cancel()


def _connect_postgres(url: str) -> Any:
    import psycopg

    ms = int(STATEMENT_SECONDS * 1000)
    options = (f"-c statement_timeout={ms} -c lock_timeout={int(LOCK_SECONDS * 1000)} "
               f"-c idle_in_transaction_session_timeout={ms * 2}")
    return psycopg.connect(url, autocommit=False, connect_timeout=CONNECT_SECONDS, options=options,
                           keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=2,
                           tcp_user_timeout=int(STATEMENT_SECONDS * 1000))


class Database:
    """A pool of connections plus the dialect that says how to talk to them."""

    def __init__(self, url: str, pool_size: int = 16):
        self.url = url
        self.path: Path | None = None
        if is_postgres_url(url):
            self.dialect = _postgres_dialect()
            connect = lambda: _connect_postgres(url)  # noqa: E731
            self._write_lock = nullcontext()
            is_broken = lambda conn: conn.closed or conn.broken  # noqa: E731
        elif url.startswith("sqlite:///"):
            path = self.path = Path(url[len("sqlite:///"):])
            path.parent.mkdir(parents=True, exist_ok=True)
            self.dialect = SQLITE
            connect = self._connect_sqlite
            # One writer at a time inside this process: threads queue on a lock instead of
            # sleeping in SQLite's busy handler (other processes still meet busy_timeout).
            self._write_lock = _TimedLock(SQLITE_BUSY_SECONDS)
            is_broken = lambda conn: conn.broken or conn.identity != file_identity(path)  # noqa: E731
        else:
            raise ValueError(f"unsupported database URL {safe_url(url)!r}: use sqlite:///PATH or postgresql://...")
        self.pool = ConnectionPool(connect, pool_size, is_broken, wait=POOL_WAIT_SECONDS)
        # Set by the store: creates the schema in a SQLite file that was deleted and is now recreated.
        self.prepare_empty_file: Callable[[Any], None] | None = None

    def _connect_sqlite(self) -> sqlite3.Connection:
        conn = _connect_sqlite(self.path)
        if self.prepare_empty_file is not None and not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone():
            try:
                conn.execute("BEGIN IMMEDIATE")
                cursor = conn.cursor()
                self.prepare_empty_file(cursor)
                conn.commit()
            except BaseException:
                _rollback_quietly(conn)
                _close_quietly(conn)
                raise
        return conn

    def _check_file(self, conn: Any) -> None:
        """SQLite only: the file this connection writes into is still the one at the path."""
        if self.path is not None and conn.identity != file_identity(self.path):
            conn.broken = True
            raise DatabaseReplaced(f"the SQLite file {self.path} was deleted or replaced while the service ran; "
                                   "nothing was acknowledged from the old file, the next request reopens it")

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Any]:
        """A cursor inside one transaction: committed on success, rolled back on any error.

        Raises :class:`StorageUnavailable` for an outage (the client should try again),
        :class:`ItemRefused` when the database refuses the data itself (a constraint, a value)."""
        lock = self._write_lock if write else nullcontext()
        try:
            with lock, self.pool.connection() as conn:
                guard = _Watchdog(conn, STATEMENT_SECONDS + 1) if self.path is None else nullcontext()
                with guard:
                    if write:
                        self._check_file(conn)
                    cursor = conn.cursor()
                    try:
                        if write and self.dialect.begin_write:
                            cursor.execute(self.dialect.begin_write)
                        yield cursor
                        conn.commit()
                    except BaseException:
                        _rollback_quietly(conn)
                        raise
                    finally:
                        _close_quietly(cursor)
                    if write:
                        self._check_file(conn)      # committed into an unlinked file: do not acknowledge
                if getattr(guard, "fired", False):
                    raise StorageUnavailable(f"no answer from the database within {STATEMENT_SECONDS + 1:.0f} s")
        except self.dialect.refusals as exc:
            raise ItemRefused(f"the {self.dialect.name} database refused the data: {exc}") from exc
        except self.dialect.errors as exc:
            raise StorageUnavailable(f"{self.dialect.name} database error: {exc}") from exc

    def execute(self, cursor: Any, statement: str, params: tuple | list = ()) -> Any:
        cursor.execute(self.dialect.sql(statement), tuple(params))
        return cursor

    def close(self) -> None:
        self.pool.close()


class _TimedLock:
    """A lock whose wait is bounded: past it the request is answered 503 instead of queueing on."""

    def __init__(self, seconds: float):
        self._lock, self._seconds = threading.Lock(), seconds

    def __enter__(self) -> None:
        if not self._lock.acquire(timeout=self._seconds):
            raise StorageUnavailable(f"the database was busy for {self._seconds:.0f} s")

    def __exit__(self, *exc) -> None:
        self._lock.release()


def _rollback_quietly(conn: Any) -> None:
    try:
        conn.rollback()
    except Exception:  # a broken connection cannot roll back; the pool drops it
        if isinstance(conn, SqliteConnection):
            conn.broken = True
