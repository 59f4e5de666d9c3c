"""Files over HTTP: uploads, byte-exact downloads, limits, attachments, lists."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from podio_emulator import EmulatorHandle, running
from podio_emulator.areas.files import models as file_models

from .collab_support import assert_same_shape, error, give_avatar, ok, sample, upload

NO_SOURCE = "No matching operation could be found. Missing parameters: source."


def _projects(world: dict[str, Any]) -> list[int]:
    return list(world["item_ids"]["projects"])


def test_upload_answers_the_file_and_the_link_serves_the_same_bytes(
    api: httpx.Client, podio_emulator: EmulatorHandle
) -> None:
    data = "Grüße\r\nline two\x00\xff".encode("latin-1")
    made = upload(api, "report.txt", data, "text/plain")
    assert made["name"] == "report.txt"
    assert made["mimetype"] == "text/plain"
    assert made["size"] == len(data)
    assert made["context"] is None
    assert made["link"] == f"{podio_emulator.base_url}/files/{made['file_id']}"
    for url in (made["link"], f"/file/{made['file_id']}/raw"):
        raw = api.get(url)
        assert raw.status_code == 200
        assert raw.content == data
        assert raw.headers["content-type"] == "text/plain"
        assert raw.headers["content-disposition"] == 'attachment; filename="report.txt"'


def test_the_three_upload_paths_podio_clients_use(api: httpx.Client) -> None:
    names = []
    for path in ("/file/", "/file", "/file/v2/"):
        made = upload(api, f"n{len(names)}.csv", b"a,b\n1,2\n", "text/csv", path=path)
        assert made["mimetype"] == "text/csv"
        names.append(made["name"])
    assert names == ["n0.csv", "n1.csv", "n2.csv"]


def test_a_multi_megabyte_file_round_trips_byte_for_byte(api: httpx.Client) -> None:
    data = os.urandom(6 * 1024 * 1024 + 7)
    made = upload(api, "blob.png", data, "image/png")
    assert made["size"] == len(data)
    assert made["mimetype"] == "image/png"
    assert made["thumbnail_link"] == made["link"]
    raw = api.get(made["link"])
    assert hashlib.sha256(raw.content).hexdigest() == hashlib.sha256(data).hexdigest()
    assert raw.headers["content-type"] == "image/png"
    assert api.get(made["link"] + "/medium").content == data
    assert api.get(made["link"] + "/huge").status_code == 404


def test_downloads_take_the_token_from_the_query_as_podio_js_sends_it(
    podio_emulator: EmulatorHandle, api: httpx.Client, anon: httpx.Client
) -> None:
    made = upload(api, "a.txt", b"abc")
    token = podio_emulator.token()["access_token"]
    assert anon.get(made["link"]).status_code == 401
    assert anon.get(made["link"], params={"oauth_token": token}).content == b"abc"


def test_a_non_ascii_name_is_kept_and_sent_in_rfc_5987_form(api: httpx.Client) -> None:
    made = upload(api, "Übersicht 2024.pdf", b"%PDF-1.4", "application/pdf")
    assert made["name"] == "Übersicht 2024.pdf"
    disposition = api.get(made["link"]).headers["content-disposition"]
    assert "filename*=UTF-8''%C3%9Cbersicht%202024.pdf" in disposition


def test_an_upload_without_source_is_podios_404(
    api: httpx.Client, podio_emulator: EmulatorHandle
) -> None:
    body = error(api.post("/file/", data={"filename": "x.txt"}), 404)
    assert body["error"] == "not_found"
    assert body["error_description"] == NO_SOURCE
    as_text = api.post("/file/v2/", files={"source": (None, b"abc")}, data={"filename": "x"})
    assert error(as_text, 404)["error_description"] == NO_SOURCE
    assert error(api.post("/file/", json={"name": "x", "mimetype": "text/plain"}), 404)
    assert podio_emulator.state()["objects"]["file"] == 0


@pytest.mark.parametrize(
    ("name", "declared", "blocked"),
    [
        ("setup.exe", "application/octet-stream", "application/x-msdownload"),
        ("run.bat", "text/plain", "application/x-bat"),
        ("notes.txt", "application/x-msdownload", "application/x-msdownload"),
        ("data.bin", "application/octet-stream", "application/octet-stream"),
        ("noextension", "", "application/octet-stream"),
    ],
)
def test_blocked_types_are_400_and_store_nothing(
    api: httpx.Client, podio_emulator: EmulatorHandle, name: str, declared: str, blocked: str
) -> None:
    response = api.post(
        "/file/", files={"source": (name, b"MZ\x90\x00", declared)}, data={"filename": name}
    )
    body = error(response, 400)
    assert body["error"] == "invalid_value"
    assert f'"{blocked}"' in body["error_description"]
    assert podio_emulator.state()["objects"]["file"] == 0


def test_a_generic_declared_type_does_not_block_a_known_extension(api: httpx.Client) -> None:
    made = upload(api, "photo.jpg", b"\xff\xd8\xff", "application/octet-stream")
    assert made["mimetype"] == "image/jpeg"


def test_files_above_100_mb_are_refused(api: httpx.Client, podio_emulator: EmulatorHandle) -> None:
    limit = file_models.MAX_FILE_SIZE
    assert limit == 100 * 1024 * 1024
    body = error(
        api.post(
            "/file/",
            files={"source": ("big.txt", b"x" * (limit + 1), "text/plain")},
            data={"filename": "big.txt"},
            timeout=120,
        ),
        400,
    )
    assert f"larger than the limit of {limit} bytes" in body["error_description"]
    assert podio_emulator.state()["objects"]["file"] == 0


def test_temporary_files_are_their_uploaders_until_attached(
    login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    alice, bob, carol = (login(f"{n}@example.com") for n in ("alice", "bob", "carol"))
    made = upload(alice, "draft.txt", b"draft")
    file_id = made["file_id"]
    assert error(bob.get(f"/file/{file_id}"), 403)["error"] == "forbidden"
    assert bob.get(made["link"]).status_code == 403
    item = _projects(world)[2]
    ok(alice.post(f"/file/{file_id}/attach", json={"ref_type": "item", "ref_id": item}), 204)
    seen = ok(carol.get(f"/file/{file_id}"))
    assert seen["context"]["type"] == "item"
    assert seen["context"]["id"] == item
    assert seen["rights"] == ["download", "view"]
    assert ok(alice.get(f"/file/{file_id}"))["rights"] == ["download", "view", "delete", "update"]
    assert carol.get(made["link"]).content == b"draft"
    assert error(carol.delete(f"/file/{file_id}"), 403)
    assert error(bob.get("/file/999"), 404)["error"] == "not_found"


def test_files_of_items_follow_their_attachments(api: httpx.Client, world: dict[str, Any]) -> None:
    app_id = world["app_ids"]["clients"]
    first = upload(api, "one.txt", b"1")
    item = ok(
        api.post(
            f"/item/app/{app_id}/",
            json={"fields": {"name": "Files Inc"}, "file_ids": [first["file_id"]]},
        )
    )
    assert [f["file_id"] for f in item["files"]] == [first["file_id"]]
    second = upload(api, "two.txt", b"22")
    ok(
        api.post(
            f"/file/{second['file_id']}/attach",
            json={"ref_type": "item", "ref_id": item["item_id"]},
        ),
        204,
    )
    full = ok(api.get(f"/item/{item['item_id']}"))
    assert [f["file_id"] for f in full["files"]] == [first["file_id"], second["file_id"]]
    listed = ok(api.post(f"/item/app/{app_id}/filter/", json={"filters": {"title": "Files"}}))
    assert listed["items"][0]["file_count"] == 2

    ok(api.delete(f"/file/{first['file_id']}"), 204)
    assert error(api.get(f"/file/{first['file_id']}"), 410)["error"] == "gone"
    full = ok(api.get(f"/item/{item['item_id']}"))
    assert [f["file_id"] for f in full["files"]] == [second["file_id"]]
    listed = ok(api.post(f"/item/app/{app_id}/filter/", json={"filters": {"title": "Files"}}))
    assert listed["items"][0]["file_count"] == 1

    other = ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "Other"}}))
    moved = api.post(
        f"/file/{second['file_id']}/attach", json={"ref_type": "item", "ref_id": other["item_id"]}
    )
    assert "already attached" in error(moved, 400)["error_description"]
    bad_ref = api.post(f"/file/{second['file_id']}/attach", json={"ref_type": "app", "ref_id": 1})
    assert error(bad_ref, 400)["error"] == "invalid_value"
    gone_item = api.post(
        f"/item/app/{app_id}/", json={"fields": {"name": "X"}, "file_ids": [first["file_id"]]}
    )
    assert error(gone_item, 400)["error_description"].endswith("No file found")


def test_copy_replace_and_describe(api: httpx.Client, world: dict[str, Any]) -> None:
    item = _projects(world)[3]
    old = upload(api, "v1.txt", b"version 1")
    ok(api.post(f"/file/{old['file_id']}/attach", json={"ref_type": "item", "ref_id": item}), 204)

    copy_id = ok(api.post(f"/file/{old['file_id']}/copy"))["file_id"]
    copied = ok(api.get(f"/file/{copy_id}"))
    assert copied["context"] is None
    assert copied["external_id"] == f"file_{old['file_id']}"
    assert api.get(copied["link"]).content == b"version 1"

    new = upload(api, "v2.txt", b"version 2")
    ok(api.post(f"/file/{new['file_id']}/replace", json={"old_file_id": old["file_id"]}), 204)
    replaced = ok(api.get(f"/file/{new['file_id']}"))
    assert replaced["context"]["id"] == item
    assert [f["file_id"] for f in replaced["replaces"]] == [old["file_id"]]
    files = [f["file_id"] for f in ok(api.get(f"/item/{item}"))["files"]]
    assert new["file_id"] in files
    assert old["file_id"] not in files
    assert error(api.post(f"/file/{new['file_id']}/replace", json={"old_file_id": "x"}), 400)

    ok(api.put(f"/file/{new['file_id']}", json={"description": "Second draft"}), 204)
    assert ok(api.get(f"/file/{new['file_id']}"))["description"] == "Second draft"


def test_lists_per_app_space_and_user_with_paging(
    api: httpx.Client, login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    items = _projects(world)
    for n, name in enumerate(["b.txt", "a.txt", "c.txt"]):
        made = upload(api, name, name.encode())
        ok(
            api.post(
                f"/file/{made['file_id']}/attach", json={"ref_type": "item", "ref_id": items[n]}
            ),
            204,
        )
    app_id = world["app_ids"]["projects"]
    by_name = ok(api.get(f"/file/app/{app_id}/", params={"sort_by": "name", "sort_desc": "false"}))
    assert [f["name"] for f in by_name] == ["a.txt", "b.txt", "c.txt", "project-brief.txt"]
    page = ok(api.get(f"/file/app/{app_id}/", params={"sort_by": "name", "limit": 2, "offset": 1}))
    assert [f["name"] for f in page] == ["c.txt", "b.txt"]
    latest = ok(api.get(f"/file/app/{app_id}/latest/"))
    assert latest[0]["name"] == "c.txt"
    space = ok(api.get(f"/file/space/{world['space_ids']['intranet']}/"))
    assert len(space) == 4
    assert len(ok(api.get("/file/"))) == 4
    assert error(api.get(f"/file/app/{app_id}/", params={"sort_by": "size"}), 400)
    assert error(api.get(f"/file/app/{app_id}/", params={"limit": 101}), 400)
    outsider = login("carol@example.com")
    assert error(outsider.get(f"/file/space/{world['space_ids']['sales']}/"), 403)


def test_file_lists_have_the_keys_and_types_of_the_captured_list(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    give_avatar(api)
    app_id = world["app_ids"]["projects"]
    listed = ok(api.get(f"/file/app/{app_id}/", params={"limit": 3, "sort_by": "name"}))
    captured = sample("file-list-app.json")[0]
    assert_same_shape(captured, listed[0])
    assert listed[0]["context"]["data"]["excerpt"]["label"]


def test_files_survive_a_restart_with_a_database_file(tmp_path: Path) -> None:
    db = str(tmp_path / "podio.sqlite3")
    data = os.urandom(300_000)
    with running(db_path=db) as emu:
        client = httpx.Client(base_url=emu.base_url, headers=emu.auth_headers())
        file_id = upload(client, "keep.png", data, "image/png")["file_id"]
        client.close()
    with running(db_path=db) as emu:
        client = httpx.Client(base_url=emu.base_url, headers=emu.auth_headers())
        raw = client.get(f"/file/{file_id}/raw")
        client.close()
    assert raw.content == data
    assert raw.headers["content-type"] == "image/png"
