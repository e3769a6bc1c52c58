"""Time load_reference_data and seed_demo on a freshly migrated database.

Usage, from the project root with the usual environment variables:

    .venv/bin/python tests/seed/measure_seed.py [--size N] [--runs N]

The script creates a test database (test_<name> of DATABASE_URL), migrates
it, then times each run inside a transaction that it rolls back, so every
run starts from the same empty state. It drops the database at the end.
Not a test: pytest collects only test_*.py files.
"""

import argparse
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]


def _time_command(name: str, *arguments: str) -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command(name, *arguments, stdout=StringIO())
    return time.perf_counter() - started


def _measure(size: int) -> tuple[float, float]:
    from django.db import transaction

    with transaction.atomic():
        regions = _time_command("load_reference_data")
        seed = _time_command("seed_demo", "--size", str(size))
        transaction.set_rollback(True)
    return regions, seed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2, help="seed_demo --size")
    parser.add_argument("--runs", type=int, default=3, help="number of timed runs")
    options = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecobiz.settings")
    django.setup()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        runs = [_measure(options.size) for _ in range(options.runs)]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    seeds = [seed for _, seed in runs]
    print(f"CPUs: {os.cpu_count()}, runs: {options.runs}, size: {options.size}")
    print(f"load_reference_data: median {statistics.median(r for r, _ in runs):.2f} s")
    print(
        f"seed_demo: median {statistics.median(seeds):.2f} s, "
        f"min {min(seeds):.2f} s, max {max(seeds):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
