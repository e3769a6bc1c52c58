"""Browser settings for the monitoring page's Chromium test.

They repeat those of tests/browser, whose conftest applies only to tests in
that folder: the system Chromium, since Playwright's own download is not
available, and no event-loop check for the ORM calls in the test thread.
"""

import os
import shutil

import pytest

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM_PATH:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": ["--headless", "--no-sandbox", "--disable-gpu"],
        "headless": True,
    }
