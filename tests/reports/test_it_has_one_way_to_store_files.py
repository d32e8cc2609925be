"""Every uploaded file is cleaned because there is one way to store one: ``check_file`` (which
cleans) and ``stage`` (which writes) in lapor/reports/attachments.py. A new channel that wrote
files some other way could store them dirty, so any other write to storage in the code fails
this test; the open-data dump (our own files, no uploads) is the one known exception."""

from __future__ import annotations

import re
from pathlib import Path

LAPOR = Path(__file__).resolve().parents[2] / "lapor"
WRITES = re.compile(
    r"ContentFile\(|\bstorages?\b[\w.\[\]\"']*\.save\(|default_storage\.save\(|\.file\.save\(|"
    r"models\.FileField\(|models\.ImageField\("
)
ALLOWED = {
    "reports/attachments.py",  # store_bytes: the one writer of uploads
    "reports/models.py",  # the FileFields of Attachment and PendingUpload
    "opendata/dump.py",  # open-data files we generate ourselves
    "voice/speech.py",  # spoken answers we generate ourselves (espeak-ng), no upload
    # The team decree's FileField: its file is checked and cleaned by check_file and written
    # by store_bytes (lapor.console.evaluation), and the storage sweep knows it.
    "agencies/models.py",
}


def test_nothing_but_the_attachment_pipeline_writes_files():
    offenders = []
    for path in sorted(LAPOR.rglob("*.py")):
        relative = path.relative_to(LAPOR).as_posix()
        if "/migrations/" in relative or relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if WRITES.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == [], "store uploads through check_file + stage:\n" + "\n".join(offenders)


def test_every_staging_call_stores_a_checked_file():
    calls = []
    for path in sorted(LAPOR.rglob("*.py")):
        text = path.read_text()
        if not re.search(r"from lapor\.reports\.attachments import \(?[^)]*\bstage\b", text):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(r"\bstage\((?!checked)", line) and "def stage" not in line:
                calls.append((path.relative_to(LAPOR).as_posix(), number, line.strip()))
    assert calls, "the pattern no longer finds the staging calls"
    for relative, number, line in calls:
        assert "stage(check_file(" in line or "stage(item)" in line, f"{relative}:{number}: {line}"
