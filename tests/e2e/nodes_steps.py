"""Steps the node and voice browser tests share."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.e2e.helpers import INCIDENT_DATE, pick_region_js

# Screenshots at 360 px for the closing note (beside test-artifacts/).
NOTES_SHOTS = Path("/work/notes/nodes-shots")
PHONE = {"width": 360, "height": 740}


def note_shot(page: Any, name: str) -> None:
    """A full-page screenshot for the closing note, when that folder exists (not on CI)."""
    if NOTES_SHOTS.is_dir():
        page.screenshot(path=str(NOTES_SHOTS / f"{name}.png"), full_page=True)


def record_voice_note(page: Any, seconds: float = 1.5, scope: Any = None) -> None:
    """Press "Start recording", let the fake microphone beep, press "Stop", and check the
    recording can be listened to before sending."""
    box = (scope or page).locator(".voice-note").first
    box.locator(".voice-start").click()
    expect(box.locator(".voice-stop")).to_be_visible()
    expect(box.locator(".voice-status")).not_to_be_empty()
    page.wait_for_timeout(int(seconds * 1000))
    box.locator(".voice-stop").click()
    expect(box.locator(".voice-review")).to_be_visible()
    expect(box.locator(".voice-playback")).to_have_attribute("src", re.compile(r"^blob:"))
    # The recording sits in the form's file field, ready to be sent.
    count = box.locator("input[name=voice_note]").evaluate("i => i.files.length")
    assert count == 1


def playable_seconds(page: Any, audio: Any) -> float:
    """Load an <audio> element's source and return its duration (0 if it cannot play)."""
    return float(
        audio.evaluate(
            """a => new Promise(resolve => {
                const done = () => resolve(isFinite(a.duration) ? a.duration : 0);
                a.preload = "auto";
                a.addEventListener("loadedmetadata", done, {once: true});
                a.addEventListener("error", () => resolve(-1), {once: true});
                a.load();
                setTimeout(() => resolve(isFinite(a.duration) ? a.duration : 0), 30000);
            })"""
        )
    )


def plays(page: Any, audio: Any) -> bool:
    """Start playback (muted: no sound card needed) and see the time move."""
    return bool(
        audio.evaluate(
            """a => new Promise(resolve => {
                a.muted = true;
                a.play().then(() => setTimeout(() => resolve(a.currentTime > 0), 600))
                        .catch(() => resolve(false));
            })"""
        )
    )


def fill_node_report(
    page: Any,
    *,
    title: str = "Trotoar di depan puskesmas tidak bisa dilewati kursi roda",
    body: str = "",
    privacy: str = "public",
    consent: str = "spoken",
    hear_back: str = "helper",
) -> None:
    """The helper's form (page on /simpul/<id>/lapor/), filled with the person."""
    page.locator("[name=full_name]").fill("Pak Darmo")
    page.locator("[name=phone]").fill("0812-1111-2222")
    page.locator("[name=disability]").select_option("physical")
    page.locator(f"input[name=hear_back][value={hear_back}]").check()
    page.locator("input[name=kind][value=complaint]").check()
    page.locator("[name=title]").fill(title)
    if body:
        page.locator("[name=body]").fill(body)
    page.locator("[name=incident_date]").fill(INCIDENT_DATE.isoformat())
    pick_region_js(page, "34", "34.04", "34.04.07", "34.04.07.2001")
    page.locator(f"input[name=privacy][value={privacy}]").check()
    page.locator("[name=privacy_read_out]").check()
    page.locator(f"input[name=consent][value={consent}]").check()


# Sending a recording makes the server run ffmpeg (cleaning) while the other test workers
# load the machine: give uploads more time than a plain page.
UPLOAD_TIMEOUT_MS = 45_000


def send(page: Any, button: Any) -> None:
    """Press a form's submit button that uploads a recording, and wait for the next page."""
    with page.expect_navigation(timeout=UPLOAD_TIMEOUT_MS):
        button.click(no_wait_after=True)
