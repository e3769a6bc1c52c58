"""Past moments for demo rows, so that the last 30 days show activity."""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

JAKARTA = ZoneInfo("Asia/Jakarta")

# Products and demands are listed 31 to 45 days ago and inquiries sent 2 to
# 29 days ago. So every inquiry is newer than the product and demand it
# concerns, and the inquiries fill the 30 days of the monitoring chart.
LISTING_DAYS = (31, 45)
INQUIRY_DAYS = (2, 29)
# A reply follows 1 to 20 hours later, moved into the next office hours
# when it would fall outside them. A message sent on day D by 16:59 thus
# gets its reply on day D + 1 at the latest, so a message at least one day
# old never gets a reply dated in the future.
REPLY_HOURS = (1, 20)
OFFICE_HOURS = (8, 16)


def jakarta_today() -> date:
    return timezone.now().astimezone(JAKARTA).date()


def office_hours_moment(
    rng: random.Random, *, today: date, days: tuple[int, int]
) -> datetime:
    """Return a moment between 08:00 and 16:59 WIB, a random number of days ago."""
    day = today - timedelta(days=rng.randint(*days))
    moment = time(hour=rng.randint(*OFFICE_HOURS), minute=rng.randint(0, 59))
    return datetime.combine(day, moment, tzinfo=JAKARTA)


def reply_moment(rng: random.Random, after: datetime) -> datetime:
    """Return a moment within office hours, 1 to 20 hours after `after`."""
    delay = timedelta(hours=rng.randint(*REPLY_HOURS), minutes=rng.randint(0, 59))
    moment = (after + delay).astimezone(JAKARTA)
    start, end = OFFICE_HOURS
    if start <= moment.hour <= end:
        return moment
    day = moment.date() if moment.hour < start else moment.date() + timedelta(days=1)
    return datetime.combine(
        day, time(hour=start, minute=rng.randint(0, 59)), tzinfo=JAKARTA
    )
