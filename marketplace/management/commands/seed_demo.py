"""Create the demo network of West Java cooperatives; safe to run again."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from marketplace.demo import DEFAULT_SIZE, regions_loaded, seed_demo
from marketplace.demo.network import consumer_count


class Command(BaseCommand):
    help = (
        "Create demo cooperatives in all 27 regencies and cities of Jawa Barat, "
        "with products, demands, inquiries and the demo logins. Creates only "
        "what is missing, so a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            type=int,
            default=DEFAULT_SIZE,
            help=(
                "Producer cooperatives per regency or city (default "
                f"{DEFAULT_SIZE}). Consumer cooperatives per regency are size "
                "divided by 2, at least 1."
            ),
        )

    def handle(self, *args, size: int, **options):
        if size < 1:
            raise CommandError(f"--size must be at least 1, not {size}.")
        if not regions_loaded():
            call_command("load_reference_data", stdout=self.stdout)
        started = time.perf_counter()
        result = seed_demo(size=size)
        elapsed = time.perf_counter() - started
        per_regency = f"{size} producer + {consumer_count(size)} consumer"
        self.stdout.write(
            f"Demo data ({per_regency} cooperatives per regency): created "
            f"{result.cooperatives} cooperatives, {result.products} products, "
            f"{result.demands} demands, {result.inquiries} inquiries, "
            f"{result.replies} replies, {result.events} events and "
            f"{result.accounts} demo accounts in {elapsed:.1f} s."
        )
