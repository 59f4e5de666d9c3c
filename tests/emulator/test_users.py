"""Users: status, user object, profile and its fields, per-client properties."""

from __future__ import annotations

import httpx

from podio_emulator import EmulatorHandle


def test_user_status_has_the_documented_parts(
    api: httpx.Client, podio_emulator: EmulatorHandle
) -> None:
    status = api.get("/user/status").json()
    assert set(status) >= {
        "user",
        "profile",
        "properties",
        "referral",
        "flags",
        "betas",
        "inbox_new",
        "message_unread_count",
        "calendar_code",
        "mailbox",
    }
    user = status["user"]
    assert user["mail"] == podio_emulator.users[0].mail
    assert user["status"] == "active"
    assert user["timezone"] == "Europe/Copenhagen"
    assert status["profile"]["user_id"] == user["user_id"]
    assert status["profile"]["mail"] == [user["mail"]]


def test_user_object_and_update(api: httpx.Client) -> None:
    user = api.get("/user/").json()
    assert user["mails"][0] == {
        "mail": user["mail"],
        "verified": True,
        "primary": True,
        "disabled": False,
    }
    assert (
        api.put("/user/", json={"timezone": "America/New_York", "locale": "da_DK"}).status_code
        == 204
    )
    again = api.get("/user/").json()
    assert (again["timezone"], again["locale"]) == ("America/New_York", "da_DK")
    bad = api.put("/user/", json={"timezone": "Mars/Olympus"})
    assert (bad.status_code, bad.json()["error"]) == (400, "invalid_value")
    assert api.get("/user/").json()["timezone"] == "America/New_York"


def test_profile_fields_are_updated_and_read(api: httpx.Client) -> None:
    r = api.put(
        "/user/profile/",
        json={"title": "Engineer", "phone": ["+45 1234"], "about": "Hi", "name": "New Name"},
    )
    assert r.status_code == 204
    profile = api.get("/user/profile/").json()
    assert profile["title"] == ["Engineer"]
    assert profile["phone"] == ["+45 1234"]
    assert profile["about"] == "Hi"
    assert profile["name"] == "New Name"
    assert api.get("/user/").json()["name"] == "New Name"
    assert api.get("/user/profile/title").json() == ["Engineer"]
    assert api.put("/user/profile/skill", json={"value": ["python", "sql"]}).status_code == 204
    assert api.get("/user/profile/skill").json() == ["python", "sql"]


def test_bad_profile_values_change_nothing(api: httpx.Client) -> None:
    before = api.get("/user/profile/").json()
    for body in ({"title": 5}, {"birthdate": "31/12/1999"}, {"title": "x", "colour": "red"}):
        r = api.put("/user/profile/", json=body)
        assert (r.status_code, r.json()["error"]) == (400, "invalid_value")
    assert api.get("/user/profile/").json() == before


def test_properties_belong_to_the_client(api: httpx.Client) -> None:
    assert api.put("/user/property/theme", json={"value": "dark"}).status_code == 204
    assert api.get("/user/property/theme").json() == {"value": "dark"}
    assert api.get("/user/status").json()["properties"] == {"theme": "dark"}
    assert api.delete("/user/property/theme").status_code == 204
    assert api.get("/user/property/theme").status_code == 404


def test_trusted_clients_create_users_with_basic_auth(podio_emulator: EmulatorHandle) -> None:
    basic = (podio_emulator.client_id, podio_emulator.client_secret)
    body = {"mail": "made@example.com", "password": "pw-1", "name": "Made", "locale": "da_DK"}
    r = httpx.post(podio_emulator.url("/user/"), json=body, auth=basic)
    assert r.status_code == 200
    user_id = r.json()["user_id"]
    token = podio_emulator.token("made@example.com", "pw-1")
    assert token["ref"] == {"type": "user", "id": user_id}
    again = httpx.post(podio_emulator.url("/user/"), json=body, auth=basic)
    assert (again.status_code, again.json()["error"]) == (409, "conflict")


def test_only_trusted_clients_create_users(
    podio_emulator: EmulatorHandle, api: httpx.Client
) -> None:
    podio_emulator.control(
        "POST", "clients", {"client_id": "plain", "client_secret": "s", "trusted": False}
    )
    body = {"mail": "made@example.com", "password": "pw-1", "name": "Made"}
    untrusted = httpx.post(podio_emulator.url("/user/"), json=body, auth=("plain", "s"))
    assert untrusted.status_code == 401
    wrong = httpx.post(podio_emulator.url("/user/"), json=body, auth=("emulator", "nope"))
    assert wrong.status_code == 401
    assert api.post("/user/", json=body).status_code == 403
    assert podio_emulator.state()["objects"]["user"] == 1
