"""axe-core in the real browser (Debian's Chromium through Playwright): what every accessibility
test shares.

- ``WCAG_21`` / ``WCAG_22``: the rule sets (WCAG 2.1 A/AA; 2.2 adds its A/AA rules).
- ``AxeAudit``: runs axe on page states one by one, keeps what it found under a name, and at the
  end fails with every violation of every state described (``describe``), not just the first.
- The browser for tests outside ``tests/e2e`` (whose conftest has its own, with a fake
  microphone): the ``chromium`` fixture (tests/conftest.py) and ``logged_in_page``.

A test::

    audit = AxeAudit()
    audit.check(page, "form", url="/lapor/")
    page.locator("button[type=submit]").click()
    audit.check(page, "form-with-errors")
    audit.assert_clean()
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

WCAG_21 = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
WCAG_22 = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as lines a person can act on: rule, help, and the first elements hit."""
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for node in v["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"      {node['target']} {node['html'][:140]!r} — {summary}")
    return "\n".join(lines)


class AxeAudit:
    """axe run on several page states; ``assert_clean`` fails with all that was found."""

    def __init__(
        self,
        options: dict[str, Any] | None = None,
        shot: Callable[[Any, str], object] | None = None,
    ) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.options = options or WCAG_21
        self.shot = shot
        self.found: dict[str, list[dict[str, Any]]] = {}

    def check(self, page: Any, name: str, url: str = "") -> None:
        """Open ``url`` first (it must answer 200) unless empty, then run axe on the page as
        it is, under ``name``; with ``shot`` (tests/e2e's fixture) keep a screenshot too."""
        if url:
            response = page.goto(url)
            assert response is not None and response.status == 200, url
        self.found[name] = self.axe.run(page, options=self.options).response["violations"]
        if self.shot is not None:
            self.shot(page, name)

    def assert_clean(self) -> None:
        bad = {name: v for name, v in self.found.items() if v}
        tags = ", ".join(self.options["runOnly"]["values"])
        assert not bad, f"axe violations ({tags}):\n" + "\n".join(
            f"{name}:\n{describe(v)}" for name, v in bad.items()
        )


@contextmanager
def launched_chromium(args: list[str] | None = None) -> Iterator[Any]:
    """Chromium for the duration of the block; skipped when it is not installed (failed under
    ``LAPOR_REQUIRE_BROWSER=1``). Playwright's sync API keeps an asyncio loop running in the
    test thread, and Django refuses ORM calls from a thread with a running loop: the check is
    off for exactly as long as the loop lives (the ORM calls are plain sync code)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("LAPOR_REQUIRE_BROWSER") == "1":
            pytest.fail(f"LAPOR_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=args or CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def logged_in_page(chromium: Any, live_server: Any, user: Any) -> Any:
    """A page in a fresh context whose session is ``user``'s (no login form)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = chromium.new_context(base_url=live_server.url, locale="en-US")
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()
