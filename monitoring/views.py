from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from rules.contrib.views import permission_required

from .selectors import last_days


@login_required
@permission_required("monitoring.view_dashboard", raise_exception=True)
def dashboard(request):
    return render(request, "monitoring/dashboard.html", {"metrics": last_days(30)})
