"""Browser tests in Debian's headless Chromium, driven by Playwright.

Playwright's own browser download cannot be used, so the tests launch the
system Chromium. Without it the tests are skipped with a message, except
when CI is set, where a missing browser fails the run.
"""

import os
import shutil

import pytest

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the tests make there are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM_PATH:
        return
    message = "Chromium is not installed (apt-get install chromium)"
    browser_items = [item for item in items if "browser" in item.keywords]
    if browser_items and os.environ.get("CI"):
        raise pytest.UsageError(f"CI is set and {message}: browser tests cannot run.")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": {"width": 360, "height": 780},
        "locale": "id-ID",
        "timezone_id": "Asia/Jakarta",
    }


@pytest.fixture(autouse=True)
def _browser_settings(settings):
    # The live server speaks plain HTTP, so cookies cannot be Secure-only.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0
    settings.ACCOUNT_RATE_LIMITS = False
