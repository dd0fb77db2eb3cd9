"""Directory login against a real OpenLDAP server (slapd started for these tests): login, the
directory groups mapped to roles, the unit from an attribute, a disabled account refused, an
account in no mapped group refused, and the directory down: a clear message while the local
administrator still logs in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from office.conf import Env
from office.directory import conf as directory_conf
from tests.directory_server import ADMIN_DN, ADMIN_PASSWORD, GROUPS, PEOPLE, DirectoryServer, free_port, require_slapd
from tests.factories import PASSWORD, OrgUnitFactory
from tests.utils import fetch

pytestmark = pytest.mark.django_db

SECRETARIAT = f"cn=kancelaria-sekretariat,{GROUPS}"
ADMINS = f"cn=kancelaria-administratorzy,{GROUPS}"
MANAGEMENT = f"cn=kancelaria-kierownictwo,{GROUPS}"


@pytest.fixture(scope="module")
def directory() -> Iterator[DirectoryServer]:
    server = DirectoryServer(require_slapd())
    try:
        server.start()
        fill(server)
        yield server
    finally:
        server.stop()


def fill(server: DirectoryServer) -> None:
    jan = server.add_user("jan.kowalski", "Jan-haslo-1", given="Jan", surname="Kowalski", departmentNumber="WOK")
    anna = server.add_user(
        "anna.nowak", "Anna-haslo-1", given="Anna", surname="Nowak", departmentNumber="Biuro Prasowe"
    )
    piotr = server.add_user("piotr.wolny", "Piotr-haslo-1", given="Piotr", surname="Wolny")
    ewa = server.add_user("ewa.zablokowana", "Ewa-haslo-1", given="Ewa", surname="Zablokowana", employeeType="disabled")
    server.add_group("kancelaria-sekretariat", [jan, ewa])
    server.add_group("kancelaria-administratorzy", [anna])
    server.add_group("kancelaria-kierownictwo", [anna])
    server.add_group("wszyscy", [jan, anna, piotr, ewa])


def directory_settings(uri: str) -> dict[str, Any]:
    """The settings as the environment of a deployment would give them."""
    values = directory_conf.settings_from_env(
        Env(
            {
                "LDAP_SERVER_URI": uri,
                "LDAP_BIND_DN": ADMIN_DN,
                "LDAP_BIND_PASSWORD": ADMIN_PASSWORD,
                "LDAP_USER_SEARCH_BASE": PEOPLE,
                # OpenLDAP has no "account disabled" flag of its own: the search leaves such accounts
                # out, as the Active Directory example in the README does with userAccountControl.
                "LDAP_USER_FILTER": "(&(uid=%(user)s)(!(employeeType=disabled)))",
                "LDAP_GROUP_SEARCH_BASE": GROUPS,
                "LDAP_GROUP_TYPE": "group_of_names",
                "LDAP_ROLE_GROUPS": f"secretariat={SECRETARIAT};administrator={ADMINS};management={MANAGEMENT}",
                "LDAP_UNIT_ATTRIBUTE": "departmentNumber",
                "LDAP_TIMEOUT_SECONDS": "2",
            }
        )
    )
    backends = list(settings.AUTHENTICATION_BACKENDS)
    backends.insert(1, directory_conf.BACKEND)
    return {**values, "AUTHENTICATION_BACKENDS": backends, "DIRECTORY_LOGIN": True}


@pytest.fixture
def ldap_on(directory: DirectoryServer) -> Iterator[None]:
    with override_settings(**directory_settings(directory.uri)):
        yield


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def log_in(username: str, password: str) -> tuple[Client, Any]:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = fetch(client, "post", reverse("login"), {"username": username, "password": password})
    return client, response


def role_groups(user: Any) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_a_directory_user_logs_in_with_the_role_and_unit_of_the_directory(ldap_on: None) -> None:
    unit = OrgUnitFactory(symbol="WOK", name="Wydział Organizacyjny")
    client, response = log_in("jan.kowalski", "Jan-haslo-1")
    assert (response.status_code, response["Location"]) == (302, reverse("office:dashboard"))
    user = get_user_model().objects.get(username="jan.kowalski")
    assert (user.first_name, user.last_name, user.email) == ("Jan", "Kowalski", "jan.kowalski@miasto.test")
    assert role_groups(user) == {"Sekretariat"}
    assert user.unit == unit and not user.is_staff
    assert not user.has_usable_password()  # only the directory logs this account in
    assert fetch(client, "get", reverse("office:dashboard")).status_code == 200


def test_the_unit_is_found_by_its_name_too_and_the_admin_group_opens_the_admin(ldap_on: None) -> None:
    unit = OrgUnitFactory(symbol="BP", name="Biuro Prasowe")
    client, response = log_in("anna.nowak", "Anna-haslo-1")
    assert response.status_code == 302
    user = get_user_model().objects.get(username="anna.nowak")
    assert role_groups(user) == {"Administrator", "Kierownictwo"}
    assert user.is_staff and not user.is_superuser and user.unit == unit
    assert fetch(client, "get", reverse("admin:index")).status_code == 200


def test_a_change_in_the_directory_reaches_the_roles_at_the_next_login(
    ldap_on: None, directory: DirectoryServer
) -> None:
    log_in("jan.kowalski", "Jan-haslo-1")
    user = get_user_model().objects.get(username="jan.kowalski")
    directory.modify(MANAGEMENT, "member", [f"uid=anna.nowak,{PEOPLE}", f"uid=jan.kowalski,{PEOPLE}"])
    directory.modify(SECRETARIAT, "member", [f"uid=ewa.zablokowana,{PEOPLE}"])
    try:
        _client, response = log_in("jan.kowalski", "Jan-haslo-1")
        assert response.status_code == 302
        assert role_groups(user) == {"Kierownictwo"}
    finally:
        directory.modify(MANAGEMENT, "member", [f"uid=anna.nowak,{PEOPLE}"])
        directory.modify(SECRETARIAT, "member", [f"uid=jan.kowalski,{PEOPLE}", f"uid=ewa.zablokowana,{PEOPLE}"])


def test_a_wrong_directory_password_is_refused(ldap_on: None) -> None:
    _client, response = log_in("jan.kowalski", "zle-haslo")
    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()
    assert not get_user_model().objects.filter(username="jan.kowalski").exists()


def test_a_disabled_directory_account_is_refused(ldap_on: None) -> None:
    _client, response = log_in("ewa.zablokowana", "Ewa-haslo-1")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not get_user_model().objects.filter(username="ewa.zablokowana").exists()


def test_a_directory_account_without_a_mapped_group_is_told_why(ldap_on: None) -> None:
    _client, response = log_in("piotr.wolny", "Piotr-haslo-1")
    assert response.status_code == 200
    assert "no role in this system" in response.content.decode()


def test_the_directory_down_gives_a_clear_message_and_local_accounts_still_work(
    directory: DirectoryServer, persona: Any
) -> None:
    admin = persona("administrator")
    with override_settings(**directory_settings(f"ldap://127.0.0.1:{free_port()}")):
        _client, response = log_in("jan.kowalski", "Jan-haslo-1")
        assert response.status_code == 200
        assert "directory server cannot be reached" in response.content.decode()
        _client, response = log_in(admin.username, PASSWORD)
        assert (response.status_code, response["Location"]) == (302, reverse("office:dashboard"))


def test_role_groups_must_name_declared_roles() -> None:
    with pytest.raises(Exception, match="role=group-DN"):
        directory_conf.parse_role_groups("administrator")
    assert directory_conf.parse_role_groups(f"secretariat={SECRETARIAT}; management={MANAGEMENT};") == {
        "secretariat": (SECRETARIAT,),
        "management": (MANAGEMENT,),
    }
    assert directory_conf.settings_from_env(Env({})) == {}
