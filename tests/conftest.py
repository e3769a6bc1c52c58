"""Fixtures shared by every test: named personas around two cooperatives.

Ani owns the producer cooperative Tani Makmur, Budi is a staff member
there, Citra owns the consumer cooperative Konsumen Sejahtera, Dewi is a
facilitator and Eko has no cooperative.
"""

import importlib
import os
import shutil

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from pytest_django.plugin import blocking_manager_key

from cooperatives.models import Cooperative, Membership

from .factories import CooperativeFactory, MembershipFactory, RegionFactory, UserFactory


def _delete_cache_keys() -> None:
    # cache.clear() would flush the whole Redis database, Celery's queue with
    # it, so only the keys under the cache's prefix are deleted.
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits and sessions live in Redis, which outlives each test.
    _delete_cache_keys()
    yield
    _delete_cache_keys()


@pytest.fixture(autouse=True)
def _eager_celery(settings):
    # Tasks run in the calling process through Celery's eager mode; the
    # monitoring tests run one job through a real worker on the broker.
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Templates use {% static %}; the manifest needs collectstatic, which unit
    # tests do not run.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def bandung(db):
    return RegionFactory(bps_code="3204", name="Kabupaten Bandung")


@pytest.fixture
def garut(db):
    return RegionFactory(bps_code="3205", name="Kabupaten Garut")


@pytest.fixture
def producer(bandung):
    return CooperativeFactory(
        name="Koperasi Tani Makmur",
        slug="koperasi-tani-makmur",
        kind=Cooperative.Kind.PRODUCER,
        region=bandung,
    )


@pytest.fixture
def consumer(garut):
    return CooperativeFactory(
        name="Koperasi Konsumen Sejahtera",
        slug="koperasi-konsumen-sejahtera",
        kind=Cooperative.Kind.CONSUMER,
        sector=Cooperative.Sector.RETAIL,
        region=garut,
    )


@pytest.fixture
def ani(producer):
    """The owner of the producer cooperative."""
    return MembershipFactory(
        cooperative=producer, role=Membership.Role.OWNER, user__email="ani@contoh.id"
    ).user


@pytest.fixture
def budi(producer):
    """A staff member of the producer cooperative: the lowest role."""
    return MembershipFactory(
        cooperative=producer, role=Membership.Role.STAFF, user__email="budi@contoh.id"
    ).user


@pytest.fixture
def citra(consumer):
    """The owner of the consumer cooperative: an outsider to the producer."""
    return MembershipFactory(
        cooperative=consumer, role=Membership.Role.OWNER, user__email="citra@contoh.id"
    ).user


@pytest.fixture
def dewi(db):
    """A facilitator."""
    user = UserFactory(email="dewi@contoh.id")
    user.groups.add(Group.objects.get(name=settings.FACILITATORS_GROUP))
    return user


@pytest.fixture
def eko(db):
    """A signed-in user without a cooperative."""
    return UserFactory(email="eko@contoh.id")


def _restore_reference_rows() -> None:
    """Re-create the rows that data migrations insert.

    Transactional tests end with a flush that empties every table, including
    categories, units and the facilitators group, which later tests expect.
    """
    for module_name, function_name in (
        ("marketplace.migrations.0002_categories_and_units", "add_reference_rows"),
        ("accounts.migrations.0002_facilitators_group", "add_group"),
    ):
        module = importlib.import_module(module_name)
        getattr(module, function_name)(django_apps, None)


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # Runs after every fixture of the test is torn down, so after the flush
    # that ends a transactional test.
    result = yield
    request = getattr(item, "_request", None)
    # After the last test the test database itself is gone.
    if nextitem is not None and request is not None and _is_transactional(request):
        with item.config.stash[blocking_manager_key].unblock():
            _restore_reference_rows()
    return result


# Browser tests run in Debian's headless Chromium through Playwright, since
# Playwright's own browser download is not available. Without Chromium they
# are skipped with a message, except when CI is set: there a missing browser
# fails the run.
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
# that the tests make there are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM_PATH and os.path.exists(CHROMIUM_PATH):
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
def _browser_settings(request):
    if "browser" not in request.keywords:
        return
    settings = request.getfixturevalue("settings")
    # The live server speaks plain HTTP, so cookies cannot be Secure-only.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup, django_db_blocker):
    """Close connections that threads left open before the test database is dropped.

    Live servers and worker threads open their own connections; one left open
    makes dropping the test database fail with "being accessed by other users".
    """
    yield
    # This thread's own connection may itself have been closed by a test.
    connection.close()
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
