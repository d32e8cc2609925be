"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One browser per session (launching costs ~0.6 s); a fresh context per page fixture, so cookies
and sessions never leak between tests. Every test in this folder is marked ``browser``, so
``pytest -m "not browser"`` skips them all.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.axe import CHROMIUM_ARGS as BASE_ARGS
from tests.axe import launched_chromium

CHROMIUM_ARGS = [
    *BASE_ARGS,
    # Voice notes (lapor.voice): a fake microphone (a beeping tone), granted without a prompt.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parents[1] / "test-artifacts" / "screenshots"
# Short enough that a broken page fails in seconds, long enough for a loaded CI machine.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees every collected item, not only this folder's: mark ours alone.
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """One Chromium for the whole browser suite.

    Package scope, not session: pytest runs this folder's tests together, so the browser is
    still launched once, but it closes when they end. While Playwright's sync API is started it
    keeps an asyncio loop running in the test thread, and Django refuses ORM calls from a
    thread with a running loop (SynchronousOnlyOperation). The ORM calls here are plain sync
    code that never touches the loop, so the check is switched off for exactly as long as
    the loop lives, and the later, non-browser tests keep Django's guard.
    """
    with launched_chromium(CHROMIUM_ARGS) as browser:
        yield browser


@pytest.fixture
def site(transactional_db: None, live_server: Any, directory: Any) -> str:
    """The live server's base URL, with the small directory (regions, agencies) loaded.

    ``transactional_db`` comes first: the server thread must see committed rows.
    """
    return str(live_server.url)


def watch(page: Any, errors: list[str]) -> None:
    """Uncaught JS exceptions, and anything the Content-Security-Policy blocked (issue 10.5)."""
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and "Content Security Policy" in m.text
            else None
        ),
    )


@pytest.fixture
def new_context(browser: Any, site: str) -> Iterator[Callable[..., Any]]:
    """Open a fresh browser context (its own cookies: a different person or device).

    Page errors (uncaught JS exceptions, CSP violations) fail the test at teardown.
    """
    contexts: list[Any] = []
    errors: list[str] = []

    def make(*, javascript: bool = True, **kwargs: Any) -> Any:
        options: dict[str, Any] = {
            "base_url": site,
            "viewport": {"width": 1024, "height": 768},
            "locale": "en-US",
            "timezone_id": "Asia/Jakarta",
            "java_script_enabled": javascript,
        }
        options.update(kwargs)
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.on("page", lambda p: watch(p, errors))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(new_context: Callable[..., Any]) -> Any:
    """A page with JavaScript, as most people have it."""
    return new_context().new_page()


@pytest.fixture
def nojs_page(new_context: Callable[..., Any]) -> Any:
    """A page with JavaScript disabled: every form must still work (ARCHITECTURE.md, pages)."""
    return new_context(javascript=False).new_page()


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Callable[[Any, str], Path]:
    """``shot(page, name)`` saves a full-page screenshot as
    test-artifacts/screenshots/<test-name>/<NN>-<name>.png (NN counts up within the test)."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    shutil.rmtree(folder, ignore_errors=True)
    counter = iter(range(1, 100))

    def take(page: Any, name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^\w.-]+", "-", name)
        path = folder / f"{next(counter):02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
