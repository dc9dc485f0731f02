"""A throwaway PostgreSQL cluster of the tests' own, with password (SCRAM) logins, that a
test may stop and start: for a wrong password, and for a server stopped mid-push.

Made with Debian's binaries as the postgres system user (PostgreSQL refuses to run as
root); skipped with a reason where that cannot be done.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    bin: str
    data: str
    port: int
    password: str  # the superuser's

    def _as_postgres(self, *args: str) -> None:
        command = [f"{self.bin}/{args[0]}", *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        self._as_postgres(
            "pg_ctl", "-D", self.data, "-l", f"{self.data}/log", "-w", "-o",
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.data}",
            "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._as_postgres("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def url(self, role: str, dbname: str, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{role}{secret}@127.0.0.1:{self.port}/{dbname}"

    @property
    def admin(self) -> str:
        return self.url("postgres", "postgres", self.password)


def _why_not() -> str | None:
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        return "PostgreSQL's server binaries are not installed"
    if os.geteuid() != 0:
        try:
            import pwd

            if pwd.getpwuid(os.geteuid()).pw_name != "postgres":
                return "a cluster of its own needs root or the postgres user"
        except KeyError:
            return "a cluster of its own needs root or the postgres user"
    return None


@pytest.fixture(scope="session")
def scram_cluster() -> Iterator[Cluster]:
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    binary = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    data = tempfile.mkdtemp(prefix="overblick-scram-")
    password = secrets.token_hex(12)
    pwfile = os.path.join(data, "pw")
    with open(pwfile, "w") as fh:
        fh.write(password)
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
    cluster = Cluster(binary, os.path.join(data, "db"), _free_port(), password)
    try:
        cluster._as_postgres(
            "initdb", "-D", cluster.data, "-U", "postgres", "--pwfile", pwfile,
            "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
        )  # fmt: skip
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(Exception):
            cluster.stop("immediate")
        shutil.rmtree(data, ignore_errors=True)
