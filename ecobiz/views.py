"""Pages that belong to no single app: the home page, dashboard and health."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from cooperatives.models import Cooperative
from cooperatives.selectors import active_membership
from marketplace.dashboard import member_dashboard


def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    context = {
        "cooperative_count": Cooperative.objects.count(),
        "verified_count": Cooperative.objects.filter(is_verified=True).count(),
    }
    return render(request, "home.html", context)


@login_required
def dashboard(request):
    membership = active_membership(request)
    context = {"membership": membership}
    if membership is not None:
        context.update(member_dashboard(membership.cooperative))
    return render(request, "dashboard.html", context)


@never_cache
def health(request):
    """Report whether the database and the cache answer."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = "failed"
    try:
        cache.set("health-check", "ok", 5)
        checks["cache"] = "ok" if cache.get("health-check") == "ok" else "failed"
    except Exception:  # noqa: BLE001
        checks["cache"] = "failed"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
