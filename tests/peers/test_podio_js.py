"""Podio's official JavaScript SDK (podio-js 1.6.1), unchanged, against the emulator.

The SDK runs in Node.js (tests/peers/podio-js/run.js) and only learns the emulator's address
through its `apiURL` option. Between the script's phases the test moves the emulator's clock
past the access token's 8 hours, so the SDK's own refresh-and-replay is what keeps it going.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

import httpx

from podio_emulator import EmulatorHandle

EIGHT_HOURS_AND_A_MINUTE = 8 * 3600 + 60


class Script:
    """run.js in a process of its own: one JSON line per phase, the next phase on a newline."""

    def __init__(self, node: str, project: Path, upload: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(  # noqa: S603 (the project's own script)
            [node, str(project / "run.js"), str(upload)],
            cwd=project,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        assert self.process.stdout is not None
        threading.Thread(target=self._pump, args=(self.process.stdout,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line)
        self.lines.put("")  # end of output

    def result(self) -> dict[str, Any]:
        """The next phase's JSON, or a failure with what the script wrote on stderr."""
        try:
            line = self.lines.get(timeout=60)
        except queue.Empty:
            self.process.kill()
            raise AssertionError("podio-js gave no answer within 60 s") from None
        if not line:
            self.process.wait(timeout=10)
            assert self.process.stderr is not None
            raise AssertionError(
                f"podio-js stopped with {self.process.returncode}: {self.process.stderr.read()}"
            )
        answer: dict[str, Any] = json.loads(line)
        return answer

    def next_phase(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def close(self) -> int:
        try:
            return self.process.wait(timeout=30)
        finally:
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()


def test_podio_js_signs_in_writes_uploads_maps_errors_and_refreshes(
    podio_emulator: EmulatorHandle, podio_js: tuple[str, Path], tmp_path: Path
) -> None:
    node, project = podio_js
    emulator = podio_emulator
    mail, password = emulator.users[0]
    upload = tmp_path / "delivery-notes.txt"
    content = ("Lieferschein Nr. 7 \u2013 12,5 kg \u2713\n" * 2000).encode()  # not ASCII
    upload.write_bytes(content)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PODIO_API_URL": emulator.base_url,
        "PODIO_CLIENT_ID": emulator.client_id,
        "PODIO_CLIENT_SECRET": emulator.client_secret,
        "PODIO_USERNAME": mail,
        "PODIO_PASSWORD": password,
    }
    script = Script(node, project, upload, env)
    try:
        one = script.result()
        emulator.advance_clock(EIGHT_HOURS_AND_A_MINUTE)
        script.next_phase()
        two = script.result()
        emulator.advance_clock(EIGHT_HOURS_AND_A_MINUTE)
        script.next_phase()
        three = script.result()
        assert script.close() == 0
    finally:
        if script.process.poll() is None:
            script.process.kill()
            script.close()

    # What the SDK saw.
    user_id = one["status"]["user_id"]
    assert one["token"] == {
        "ref": {"type": "user", "id": user_id},
        "expires_in": 28800,
        "token_type": "bearer",
    }
    assert one["status"]["mail"] == mail
    assert {"org_id": one["org_id"], "name": "Peer Works"} in one["orgs"]
    assert [(f["type"], f["external_id"]) for f in one["app_fields"]] == [
        ("text", "title"),
        ("number", "amount"),
        ("category", "stage"),
    ]
    item = one["item"]
    assert item["external_id"] == "delivery-1"
    assert item["title"] == "First delivery"
    assert item["values"]["title"] == [{"value": "First delivery"}]
    assert float(item["values"]["amount"][0]["value"]) == 12.5
    assert item["values"]["stage"][0]["value"]["text"] == "Planned"
    file_id = one["file"]["file_id"]
    assert one["file"]["name"] == "delivery-notes.txt"
    assert one["file"]["size"] == len(content)
    assert item["files"] == [{"file_id": file_id, "name": "delivery-notes.txt"}]
    # podio-js maps a 404 to its PodioNotFoundError and keeps Podio's error body.
    assert one["not_found"] == {
        "name": "PodioNotFoundError",
        "is_error": True,
        "status": 404,
        "error": "not_found",
        "error_description": "Item not found",
        "url": f"{emulator.base_url}/item/999999999",
    }
    # After 8 hours: the expired token got refreshed once and the call replayed.
    assert two == {
        "phase": 2,
        "refreshes": 1,
        "token_changed": True,
        "status": {"user_id": user_id},
        "item": {"title": "Delivered", "revision": 1},
    }
    # Another 8 hours: the upload is the call that meets the expired token, and is replayed.
    assert three["refreshes"] == 2
    assert three["token_changed"] is True
    assert three["file"]["name"] == "again.txt"
    assert three["file"]["size"] == len(content)

    # What the emulator now holds, read back without the SDK.
    assert emulator.state()["refreshes"] == 2
    headers = emulator.auth_headers(mail, password)
    with httpx.Client(base_url=emulator.base_url, headers=headers) as api:
        stored = api.get(f"/item/{item['item_id']}").json()
        assert stored["title"] == "Delivered"
        assert stored["app"]["app_id"] == one["app_id"]
        assert stored["app"]["space_id"] == one["space"]["space_id"]
        assert [f["file_id"] for f in stored["files"]] == [file_id]
        for uploaded in (file_id, three["file"]["file_id"]):
            raw = api.get(f"/file/{uploaded}/raw")
            assert raw.status_code == 200
            assert raw.content == content
        space = api.get(f"/space/{one['space']['space_id']}").json()
        assert space["name"] == "Peer Projects"
        assert space["org"]["org_id"] == one["org_id"]
