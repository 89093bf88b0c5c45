"""A throwaway PostgreSQL server for tests: initdb into a temporary folder, start it on 127.0.0.1
and a free port, hand out fresh databases, stop it and delete everything afterwards.

Uses Debian's server binaries (/usr/lib/postgresql/<version>/bin, installed by `make test`).
As root it runs them as the `postgres` user (the server refuses to run as root). When no server
can be started, :class:`ClusterUnavailable` says why, and the tests that need it are skipped
with that reason.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import uuid
from pathlib import Path

from service_process import free_port


class ClusterUnavailable(RuntimeError):
    pass


def server_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


class PostgresCluster:
    def __init__(self) -> None:
        self.bin = server_bin_dir()
        if self.bin is None:
            raise ClusterUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                                     "install Debian's 'postgresql' package (make test does)")
        self.folder = Path(tempfile.mkdtemp(prefix="course-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                raise ClusterUnavailable("running as root and there is no 'postgres' user to run the server as") from None
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.folder)

    def start(self) -> "PostgresCluster":
        steps = [
            ("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale",
             "--no-sync"),
            ("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "60",
             "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=200 "
                   "-c fsync=off -c full_page_writes=off", "start"),
        ]
        for step in steps:
            try:
                result = self._run(*step)
            except (OSError, subprocess.TimeoutExpired) as exc:
                self.remove()
                raise ClusterUnavailable(f"{step[0]} could not run: {exc}") from None
            if result.returncode != 0:
                log = (self.folder / "server.log")
                detail = (result.stderr or result.stdout).strip()[-600:]
                if log.is_file():
                    detail += " | server log: " + log.read_text(errors="replace")[-600:]
                self.stop()
                raise ClusterUnavailable(f"{step[0]} failed: {detail}")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        import psycopg

        name = "course_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    # ---- faults, for the tests that make the server go away or hang ----

    def server_processes(self) -> list[int]:
        """The postmaster's pid and those of its children (backends, background workers)."""
        main = int((self.data / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == main:
                children.append(int(stat.parent.name))
        return [main, *children]

    def pause(self) -> None:
        """SIGSTOP the whole server: connections stay open, nothing answers (a hung server)."""
        for pid in self.server_processes():
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in self.server_processes():
            os.kill(pid, signal.SIGCONT)

    def stop_server(self) -> None:
        """Stop the server but keep its data, so that start_server() brings it back."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def start_server(self) -> None:
        result = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "60",
                           "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
                                 "-c max_connections=200 -c fsync=off -c full_page_writes=off", "start")
        if result.returncode != 0:
            raise ClusterUnavailable(f"pg_ctl start failed: {(result.stderr or result.stdout).strip()[-600:]}")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.remove()

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
