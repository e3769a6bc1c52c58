import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from kombu.exceptions import OperationalError
from rules.contrib.views import permission_required

from .charts import line_chart
from .periods import jakarta_today
from .selectors import daily_table, last_days, metrics_summary
from .tasks import compute_daily_metrics

logger = logging.getLogger(__name__)

DASHBOARD_DAYS = 30


@login_required
@permission_required("monitoring.view_dashboard", raise_exception=True)
def dashboard(request):
    today = jakarta_today()
    table = daily_table(last_days(DASHBOARD_DAYS, today=today))
    context = {
        "summary": metrics_summary(days=DASHBOARD_DAYS, today=today),
        "table": table,
        "chart": line_chart(**table.chart),
    }
    return render(request, "monitoring/dashboard.html", context)


@require_POST
@login_required
@permission_required("monitoring.recompute_metrics", raise_exception=True)
def recompute(request):
    try:
        compute_daily_metrics.delay()
    except OperationalError:
        logger.exception(
            "Could not queue the daily metrics job for user %s", request.user.pk
        )
        messages.error(
            request,
            _("The recomputation could not be started. Try again in a few minutes."),
        )
        return redirect("monitoring:dashboard")
    logger.info("User %s requested a recomputation of daily metrics", request.user.pk)
    messages.success(
        request,
        _(
            "The figures of yesterday and today are being recomputed. "
            "Reload this page in a minute to see them."
        ),
    )
    return redirect("monitoring:dashboard")
