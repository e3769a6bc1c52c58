from .models import DailyMetric


def last_days(count: int):
    return list(DailyMetric.objects.order_by("-day")[:count])[::-1]
