"""Compute the daily interaction figures for recent Jakarta days."""

from django.core.management.base import BaseCommand, CommandError

from monitoring.services import daily_metrics_backfill


class Command(BaseCommand):
    help = "Compute the daily metrics of the last N Jakarta days, today included."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=31, help="How many days back (default 31)."
        )

    def handle(self, *args, days: int, **options):
        try:
            metrics = daily_metrics_backfill(days=days)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Computed the daily metrics of {len(metrics)} day(s).")
