"""A real OpenLDAP server (Debian's slapd) for the directory-login tests.

Each test process starts its own slapd from a generated ``slapd.conf`` in a temporary directory,
on a free port on 127.0.0.1, and fills it through python-ldap as the directory's administrator.
No system service is touched: the server runs in the foreground of a child process and is
stopped when the tests end.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

SUFFIX = "dc=miasto,dc=test"
ADMIN_DN = f"cn=admin,{SUFFIX}"
ADMIN_PASSWORD = "sekret-katalogu"
PEOPLE = f"ou=people,{SUFFIX}"
GROUPS = f"ou=groups,{SUFFIX}"
SCHEMAS = ("core", "cosine", "inetorgperson")


def slapd_binary() -> str | None:
    return shutil.which("slapd") or next((p for p in ("/usr/sbin/slapd",) if os.access(p, os.X_OK)), None)


def require_slapd() -> str:
    """The slapd binary; without it the test is skipped, except in CI where it must fail."""
    binary = slapd_binary()
    if binary is None:
        message = "slapd is not installed (apt-get install slapd ldap-utils)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        import ldap  # noqa: F401
    except ImportError:
        message = "python-ldap is not installed (make install-ldap)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return binary


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DirectoryServer:
    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.root = Path(tempfile.mkdtemp(prefix="kancelaria-slapd-"))
        self.port = free_port()
        self.uri = f"ldap://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def _config(self) -> str:
        includes = "\n".join(f"include /etc/ldap/schema/{name}.schema" for name in SCHEMAS)
        return f"""{includes}
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {self.root}/slapd.pid
database mdb
suffix "{SUFFIX}"
rootdn "{ADMIN_DN}"
rootpw {ADMIN_PASSWORD}
directory {self.root}/data
maxsize 10485760
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
"""

    def start(self) -> DirectoryServer:
        (self.root / "data").mkdir()
        (self.root / "slapd.conf").write_text(self._config())
        with (self.root / "slapd.log").open("w") as log:
            self.process = subprocess.Popen(
                [self.binary, "-f", str(self.root / "slapd.conf"), "-h", f"{self.uri}/", "-d", "0"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 20
        while True:
            try:
                self.connect().unbind_s()
                break
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"slapd did not start: {(self.root / 'slapd.log').read_text()}") from None
                time.sleep(0.1)
        self.add(SUFFIX, objectClass=["dcObject", "organization"], dc="miasto", o="Miasto Testowe")
        self.add(PEOPLE, objectClass=["organizationalUnit"], ou="people")
        self.add(GROUPS, objectClass=["organizationalUnit"], ou="groups")
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.root, ignore_errors=True)

    def connect(self):
        import ldap

        connection = ldap.initialize(self.uri)
        connection.set_option(ldap.OPT_NETWORK_TIMEOUT, 2)
        connection.simple_bind_s(ADMIN_DN, ADMIN_PASSWORD)
        return connection

    def add(self, dn: str, **attributes: str | list[str]) -> None:
        import ldap.modlist

        entry = {
            name: [v.encode() for v in (value if isinstance(value, list) else [value])]
            for name, value in attributes.items()
        }
        connection = self.connect()
        try:
            connection.add_s(dn, ldap.modlist.addModlist(entry))
        finally:
            connection.unbind_s()

    def modify(self, dn: str, attribute: str, values: list[str]) -> None:
        import ldap

        connection = self.connect()
        try:
            connection.modify_s(dn, [(ldap.MOD_REPLACE, attribute, [v.encode() for v in values])])
        finally:
            connection.unbind_s()

    def add_user(self, uid: str, password: str, *, given: str, surname: str, **extra: str) -> str:
        dn = f"uid={uid},{PEOPLE}"
        self.add(
            dn,
            objectClass=["inetOrgPerson"],
            uid=uid,
            cn=f"{given} {surname}",
            givenName=given,
            sn=surname,
            mail=f"{uid}@miasto.test",
            userPassword=password,
            **extra,
        )
        return dn

    def add_group(self, cn: str, members: list[str]) -> str:
        dn = f"cn={cn},{GROUPS}"
        self.add(dn, objectClass=["groupOfNames"], cn=cn, member=members)
        return dn
