"""Calendar days in Asia/Jakarta time, the day that every figure counts in."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

# Fixed rather than read from TIME_ZONE: the figures are defined per Western
# Indonesia Time (WIB, UTC+7, no daylight saving) whatever the server runs in.
JAKARTA = ZoneInfo("Asia/Jakarta")


def jakarta_today() -> date:
    """Return the current calendar date in Jakarta."""
    return timezone.now().astimezone(JAKARTA).date()


def day_start(day: date) -> datetime:
    """Return the aware datetime of 00:00 WIB on `day`."""
    return datetime.combine(day, time.min, tzinfo=JAKARTA)


def day_bounds(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """Return [00:00 WIB on first_day, 00:00 WIB the day after last_day)."""
    return day_start(first_day), day_start(last_day + timedelta(days=1))
