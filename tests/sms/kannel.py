"""Run the real Kannel (bearerbox, smsbox) and the fakesmsc SMS-centre simulator for a test.

The shipped ``deploy/kannel/kannel.conf`` is templated: free ports picked at run time, logs and
the store in a temporary directory, Lapor's address and secrets of the test. Nothing listens
beyond 127.0.0.1. ``Kannel.send_mo`` sends one SMS from a phone through fakesmsc;
``Kannel.received`` are the messages the SMS centre got from Kannel (what phones would get).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BEARERBOX = "/usr/sbin/bearerbox"
SMSBOX = "/usr/sbin/smsbox"
FAKESMSC = "/usr/lib/kannel/test/fakesmsc"
SHIPPED = Path(__file__).resolve().parents[2] / "deploy" / "kannel" / "kannel.conf"


def kannel_available() -> bool:
    return all(os.access(p, os.X_OK) for p in (BEARERBOX, SMSBOX, FAKESMSC))


def require_kannel() -> None:
    """Skip when Kannel is not installed, unless LAPOR_REQUIRE_KANNEL is set (CI): then fail."""
    if kannel_available():
        return
    if os.environ.get("LAPOR_REQUIRE_KANNEL"):
        pytest.fail("Kannel is required (LAPOR_REQUIRE_KANNEL) but not installed")
    pytest.skip("Kannel (apt-get install kannel kannel-extras) is not installed")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            s.settimeout(0.2)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


def render_config(text: str, *, values: dict[tuple[str, str], str]) -> str:
    """Replace ``key = value`` lines of the given groups: ``values[(group, key)]``."""
    out = []
    group = ""
    for line in text.splitlines():
        match = re.match(r"^\s*([a-z-]+)\s*=\s*(.*)$", line)
        if match and match.group(1) == "group":
            group = match.group(2).strip()
        elif match and (group, match.group(1)) in values:
            line = f"{match.group(1)} = {values[(group, match.group(1))]}"
        out.append(line)
    return "\n".join(out) + "\n"


@dataclass
class Received:
    sender: str
    receiver: str
    raw_parts: list[bytes]
    total: int

    @property
    def complete(self) -> bool:
        return len(self.raw_parts) >= self.total

    @property
    def parts(self) -> int:
        return len(self.raw_parts)

    @property
    def ucs2(self) -> bool:
        raw = b"".join(self.raw_parts)
        return len(raw) % 2 == 0 and raw[0:1] == b"\x00"

    @property
    def text(self) -> str:
        raw = b"".join(self.raw_parts)
        return raw.decode("utf-16-be", "replace") if self.ucs2 else raw.decode("latin-1")


@dataclass
class Kannel:
    app_base_url: str
    secret: str
    short_code: str = "1708"
    sendsms_password: str = "test-sendsms-password"
    dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="lapor-kannel-")))
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)
    received_lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.admin_port = free_port()
        self.box_port = free_port()
        self.smsc_port = free_port()
        self.sendsms_port = free_port()
        d = self.dir
        post_url = f"{self.app_base_url}/sms/incoming?secret={self.secret}"
        values = {
            ("core", "admin-port"): str(self.admin_port),
            ("core", "smsbox-port"): str(self.box_port),
            ("core", "log-file"): f'"{d / "bearerbox.log"}"',
            ("core", "access-log"): f'"{d / "access.log"}"',
            ("core", "store-location"): f'"{d / "kannel.store"}"',
            ("core", "log-level"): "0",
            ("core", "sms-resend-freq"): "2",
            ("smsc", "port"): str(self.smsc_port),
            ("smsbox", "bearerbox-port"): str(self.box_port),
            ("smsbox", "sendsms-port"): str(self.sendsms_port),
            ("smsbox", "global-sender"): self.short_code,
            ("smsbox", "log-file"): f'"{d / "smsbox.log"}"',
            ("smsbox", "access-log"): f'"{d / "smsbox-access.log"}"',
            ("smsbox", "log-level"): "0",
            ("smsbox", "http-queue-delay"): "1",
            ("sendsms-user", "password"): self.sendsms_password,
            ("sms-service", "post-url"): f'"{post_url}"',
        }
        self.config = d / "kannel.conf"
        self.config.write_text(render_config(SHIPPED.read_text(), values=values))

    # --- processes ------------------------------------------------------------------------
    @property
    def sendsms_url(self) -> str:
        return f"http://127.0.0.1:{self.sendsms_port}/cgi-bin/sendsms"

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen:
        with open(self.dir / f"{name}.out", "ab") as out:  # the child keeps its own copy
            proc = subprocess.Popen(
                argv, cwd=self.dir, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.procs[name] = proc
        return proc

    def start(self) -> Kannel:
        self._spawn("bearerbox", [BEARERBOX, "-v", "1", str(self.config)])
        wait_port(self.box_port)
        wait_port(self.smsc_port)
        self.start_smsbox()
        return self

    def start_smsbox(self) -> None:
        self._spawn("smsbox", [SMSBOX, "-v", "1", str(self.config)])
        wait_port(self.sendsms_port)

    def stop_smsbox(self) -> None:
        self._stop("smsbox")

    def _stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def stop(self) -> None:
        for name in ("fakesmsc", "smsbox", "bearerbox"):
            self._stop(name)

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- the SMS centre simulator ----------------------------------------------------------
    def send_mo(self, sender: str, text: str, *, ucs2: bool = False) -> None:
        """A phone sends ``text`` to the short code. The fake SMSC takes one connection at a
        time and fakesmsc sends only at start, so each message is a fresh fakesmsc; what the
        previous one received from Kannel is kept (see ``received``)."""
        self._stop("fakesmsc")
        if ucs2:
            body = "ucs2 " + urllib.parse.quote(text.encode("utf-16-be"), safe="")
        else:
            body = "text " + text
        self._spawn(
            "fakesmsc",
            [
                FAKESMSC,
                "-H",
                "127.0.0.1",
                "-r",
                str(self.smsc_port),
                "-i",
                "0.01",
                "-m",
                "1",
                f"{sender} {self.short_code} {body}",
            ],
        )

    def listen(self) -> None:
        """Connect a fakesmsc that sends nothing, to receive what Kannel queued."""
        self._stop("fakesmsc")
        self._spawn(
            "fakesmsc",
            [FAKESMSC, "-H", "127.0.0.1", "-r", str(self.smsc_port), "-m", "0", "0 0 text -"],
        )

    def received(self) -> list[Received]:
        """Messages the SMS centre got, concatenated parts joined, in order."""
        parts: list[tuple[str, str, bytes, bytes]] = []
        for line in self.log("fakesmsc.out").splitlines():
            match = re.search(r"Got message \d+: <(\S+) (\S+) (\S+) (.*)>$", line)
            if not match:
                continue
            sender, receiver, kind, rest = match.groups()
            udh = b""
            if kind == "udh":
                udh_raw, _data, rest = rest.split(" ", 2)
                udh = urllib.parse.unquote_to_bytes(udh_raw)
            data = urllib.parse.unquote_to_bytes(rest.replace("+", " "))
            parts.append((sender, receiver, udh, data))
        messages: list[Received] = []
        open_: dict[tuple[str, int], Received] = {}
        for sender, receiver, udh, data in parts:
            if len(udh) >= 6 and udh[1] == 0x00:  # concatenation IE: ref, total, seq
                ref, total, seq = udh[3], udh[4], udh[5]
                message = open_.get((receiver, ref))
                if message is None or seq == 1:
                    message = Received(sender, receiver, [], total)
                    open_[(receiver, ref)] = message
                    messages.append(message)
                message.raw_parts.append(data)
            else:
                messages.append(Received(sender, receiver, [data], 1))
        return messages

    def wait_received(self, count: int, timeout: float = 20.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.received()
            if len(got) >= count and all(m.complete for m in got):
                return got
            time.sleep(0.1)
        raise TimeoutError(f"the SMS centre got {len(self.received())} messages, not {count}")

    def log(self, name: str) -> str:
        path = self.dir / name
        return path.read_text(errors="replace") if path.exists() else ""
