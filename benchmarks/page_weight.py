"""Measure what a first visit to each key page transfers, compressed.

For every page it renders the HTML with Django's test client as a demo user,
finds the stylesheets and scripts the page links from static/, and adds up
their gzip sizes (level 6, as a typical server sends them). Photos and fonts
are left out, as in the page budget. It also counts the SQL queries of each
page.

Run it against a database that contains the demo data:

    DATABASE_URL=postgres://... REDIS_URL=redis://... DEBUG=true \
        .venv/bin/python benchmarks/page_weight.py
"""

import gzip
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecobiz.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from marketplace.models import Demand  # noqa: E402

ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')
BUDGET_TOTAL = 150 * 1024
BUDGET_SCRIPT = 60 * 1024


def compressed_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def asset_sizes(html: str) -> tuple[int, int]:
    """Return the gzip sizes of the page's stylesheets and of its scripts."""
    styles = scripts = 0
    for url in sorted(set(ASSET.findall(html))):
        path = ROOT / "static" / url.removeprefix(settings.STATIC_URL)
        size = compressed_size(path.read_bytes())
        if url.endswith(".js"):
            scripts += size
        else:
            styles += size
    return styles, scripts


def measure(client: Client, label: str, url: str) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200, (url, response.status_code)
    html = response.content
    styles, scripts = asset_sizes(html.decode())
    total = compressed_size(html) + styles + scripts
    verdict = "ok" if total < BUDGET_TOTAL and scripts < BUDGET_SCRIPT else "OVER"
    print(
        f"| {label} | {compressed_size(html) / 1024:.1f} | {styles / 1024:.1f} "
        f"| {scripts / 1024:.1f} | {total / 1024:.1f} | {len(queries)} | {verdict} |"
    )


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    consumer = User.objects.get(email="konsumen@demo.ecobiz.id")
    facilitator = User.objects.get(email="fasilitator@demo.ecobiz.id")
    demand = Demand.objects.filter(cooperative__memberships__user=consumer).first()

    print("| page | HTML KB | CSS KB | JS KB | total KB | queries | budget |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    visitor = Client()
    measure(visitor, "home (visitor)", "/")
    measure(visitor, "directory", "/koperasi/")
    measure(visitor, "catalogue", "/pasar/produk/")
    member = Client()
    member.force_login(consumer)
    measure(member, "member home", "/beranda/")
    measure(member, "demand with matches", f"/pasar/kebutuhan/{demand.pk}/")
    measure(member, "inbox", "/pasar/pesan/")
    watcher = Client()
    watcher.force_login(facilitator)
    measure(watcher, "monitoring", "/pemantauan/")


if __name__ == "__main__":
    main()
