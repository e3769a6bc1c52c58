"""Pages that belong to no single app: the home page, dashboards and health."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from cooperatives import selectors
from cooperatives.models import Cooperative
from cooperatives.pagination import paginate
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


def _is_facilitator(user) -> bool:
    # The facilitator home lists the cooperatives waiting for verification,
    # so every user who may verify them gets it, superusers included.
    return user.has_perm("cooperatives.verify_cooperative")


def _render_facilitator_home(request):
    context = {
        "counts": selectors.verification_counts(),
        "page_obj": paginate(
            selectors.cooperatives_awaiting_verification(), request.GET.get("page")
        ),
    }
    return render(request, "facilitator_home.html", context)


@login_required
def dashboard(request):
    """Show the home page of a signed-in user.

    Facilitators and superusers without a cooperative get the facilitator
    home. A facilitator who is also a member gets the member home with a
    link to the facilitator home.
    """
    membership = active_membership(request)
    is_facilitator = _is_facilitator(request.user)
    if membership is None and is_facilitator:
        return _render_facilitator_home(request)
    if membership is None:
        return render(request, "dashboard.html", {"membership": None})
    context = {"membership": membership, **member_dashboard(membership.cooperative)}
    template = "dashboard_facilitator.html" if is_facilitator else "dashboard.html"
    return render(request, template, context)


@login_required
def facilitator_home(request):
    if not _is_facilitator(request.user):
        raise PermissionDenied
    return _render_facilitator_home(request)


@never_cache
def health(request):
    """Report whether the database and the cache respond."""
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
