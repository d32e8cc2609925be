"""A large photo is made smaller in the browser before it is sent (the person is told by how
much), and the files go ahead with a progress bar; the report gets the smaller photo."""

from __future__ import annotations

import io
import random

from PIL import Image
from playwright.sync_api import expect

from lapor.reports.models import Attachment, Report
from tests.e2e.helpers import fill_report_js, submit_report


def write_big_photo(path):
    """A 3000×2000 photo with noise, so JPEG cannot make it small (a camera's photo)."""
    rng = random.Random(15)
    small = Image.new("RGB", (300, 200))
    small.putdata(
        [(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(60000)]
    )
    buf = io.BytesIO()
    small.resize((3000, 2000), Image.NEAREST).save(buf, format="JPEG", quality=95)
    path.write_bytes(buf.getvalue())
    return path


def test_it_shrinks_photos_before_sending(page, shot, tmp_path):
    photo = write_big_photo(tmp_path / "jalan-rusak.jpg")
    original = photo.stat().st_size
    assert original > 1_000_000
    page.goto("/lapor/")
    fill_report_js(page, files=[photo])
    status = page.locator("#field-attachments .upload-status")
    expect(status).to_contain_text("jalan-rusak.jpg")
    shot(page, "photo-made-smaller")
    sent_size = page.evaluate("document.querySelector('input[name=attachments]').files[0].size")
    assert sent_size < original / 2

    with page.expect_request(lambda r: r.url.endswith("/berkas/") and r.method == "POST"):
        tracking_id, _pin = submit_report(page)
    report = Report.objects.get(tracking_id=tracking_id)
    attachment = Attachment.objects.get(report=report)
    assert attachment.original_name == "jalan-rusak.jpg"
    assert attachment.size < original / 2
    with Image.open(attachment.file) as image:
        assert max(image.size) <= 1600
