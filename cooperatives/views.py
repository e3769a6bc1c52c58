"""Pages of the cooperative directory, profiles, registration and members."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from . import selectors, services
from .access import cooperative_for
from .filters import CooperativeFilter
from .forms import CooperativeForm, InvitationForm
from .models import Cooperative, Invitation, Membership
from .pagination import paginate
from .rules import is_member

logger = logging.getLogger(__name__)

# The profile shows this many of the newest products or demands.
PROFILE_LISTING_LIMIT = 12


def _safe_next_url(request) -> str | None:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        return candidate
    return None


def _act_for(request, cooperative: Cooperative) -> None:
    request.session[selectors.ACTIVE_COOPERATIVE_SESSION_KEY] = cooperative.pk


@require_GET
def directory(request):
    filterset = CooperativeFilter(
        request.GET or None, queryset=selectors.directory_cooperatives()
    )
    page = paginate(filterset.qs, request.GET.get("page"))
    context = {"filter": filterset, "page_obj": page}
    if request.htmx:
        response = render(
            request, "cooperatives/partials/directory_results.html", context
        )
    else:
        response = render(request, "cooperatives/directory.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _first_rows(queryset) -> tuple[list, bool]:
    """Return up to PROFILE_LISTING_LIMIT rows and whether more exist."""
    rows = list(queryset[: PROFILE_LISTING_LIMIT + 1])
    return rows[:PROFILE_LISTING_LIMIT], len(rows) > PROFILE_LISTING_LIMIT


def _viewer_membership(request) -> Membership | None:
    if not request.user.is_authenticated:
        return None
    return selectors.active_membership(request)


@require_GET
def detail(request, slug):
    cooperative = get_object_or_404(
        Cooperative.objects.select_related("region"), slug=slug
    )
    viewer = _viewer_membership(request)
    acts_for_other = viewer is not None and viewer.cooperative_id != cooperative.pk
    if acts_for_other:
        services.cooperative_record_view(
            cooperative=cooperative,
            user=request.user,
            viewer_cooperative=viewer.cooperative,
        )
    products, more_products = [], False
    if cooperative.can_sell:
        products, more_products = _first_rows(
            cooperative.products.active().for_listing()
        )
    demands, more_demands = [], False
    if cooperative.can_buy:
        demands, more_demands = _first_rows(cooperative.demands.open().for_listing())
    context = {
        "cooperative": cooperative,
        "viewer": viewer,
        "can_send_inquiry": acts_for_other,
        "products": products,
        "more_products": more_products,
        "demands": demands,
        "more_demands": more_demands,
        "listing_limit": PROFILE_LISTING_LIMIT,
    }
    return render(request, "cooperatives/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    if request.method != "POST":
        form = CooperativeForm()
        return render(request, "cooperatives/register.html", {"form": form})
    form = CooperativeForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "cooperatives/register.html", {"form": form})
    cooperative = services.cooperative_register(
        user=request.user, cooperative=form.save(commit=False)
    )
    _act_for(request, cooperative)
    messages.success(
        request,
        _(
            "%(name)s is registered and you are its owner. A facilitator will "
            "verify it soon."
        )
        % {"name": cooperative.name},
    )
    return redirect("dashboard")


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug):
    cooperative = cooperative_for(request.user, slug, "cooperatives.change_cooperative")
    # The form writes posted values into the instance even when they are
    # invalid, so the page heading keeps the saved name.
    context = {"cooperative": cooperative, "saved_name": cooperative.name}
    if request.method != "POST":
        context["form"] = CooperativeForm(instance=cooperative)
        return render(request, "cooperatives/edit.html", context)
    form = CooperativeForm(request.POST, request.FILES, instance=cooperative)
    if not form.is_valid():
        context["form"] = form
        return render(request, "cooperatives/edit.html", context)
    services.cooperative_update(
        cooperative=form.save(commit=False),
        logo_changed="logo" in form.changed_data,
    )
    messages.success(request, _("The profile was saved."))
    return redirect(cooperative)


@require_http_methods(["GET", "POST"])
def verify(request, slug):
    """Show what verifying changes on GET, and verify the cooperative on POST."""
    cooperative = get_object_or_404(
        Cooperative.objects.select_related("region"), slug=slug
    )
    if not request.user.has_perm("cooperatives.verify_cooperative", cooperative):
        raise PermissionDenied
    if request.method != "POST":
        context = {
            "cooperative": cooperative,
            "owners": selectors.owners_of(cooperative),
        }
        return render(request, "cooperatives/verify.html", context)
    if services.cooperative_verify(cooperative=cooperative, verified_by=request.user):
        messages.success(
            request,
            _("%(name)s is now verified.") % {"name": cooperative.name},
        )
    else:
        messages.info(
            request,
            _("%(name)s was already verified.") % {"name": cooperative.name},
        )
    return redirect(cooperative)


def _invitation_form(request, cooperative: Cooperative) -> InvitationForm:
    can_invite_owner = request.user.has_perm("cooperatives.invite_owner", cooperative)
    data = request.POST if request.method == "POST" else None
    return InvitationForm(
        data, cooperative=cooperative, can_invite_owner=can_invite_owner
    )


@login_required
@require_http_methods(["GET", "POST"])
def members(request, slug):
    cooperative = cooperative_for(request.user, slug, "cooperatives.view_members")
    can_invite = request.user.has_perm("cooperatives.invite_member", cooperative)
    if request.method == "POST" and not can_invite:
        raise PermissionDenied
    form = _invitation_form(request, cooperative) if can_invite else None
    if request.method == "POST" and form.is_valid():
        services.invitation_create(
            cooperative=cooperative,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
        )
        messages.success(
            request,
            _("An invitation was sent to %(email)s. The link works for 7 days.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("cooperatives:members", slug=cooperative.slug)
    context = {
        "cooperative": cooperative,
        "page_obj": paginate(
            selectors.members_of(cooperative), request.GET.get("page")
        ),
        "invitations": selectors.pending_invitations(cooperative) if can_invite else [],
        "form": form,
    }
    return render(request, "cooperatives/members.html", context)


_INVITATION_ERRORS = {
    "used": gettext_lazy(
        "This invitation link was already used. Each link works once."
    ),
    "expired": gettext_lazy(
        "This invitation has expired. Ask the cooperative to send you a new one."
    ),
}


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = get_object_or_404(
        Invitation.objects.select_related("cooperative", "invited_by"), token=token
    )
    status = 200
    error = None
    if request.method == "POST":
        try:
            membership = services.invitation_accept(token=token, user=request.user)
        except services.InvitationError as failure:
            reason = failure.args[0] if failure.args else ""
            if reason not in _INVITATION_ERRORS:
                raise Http404("No such invitation.") from failure
            logger.info(
                "Invitation %s not accepted by user %s: %s",
                invitation.pk,
                request.user.pk,
                reason,
            )
            error = _INVITATION_ERRORS[reason]
            status = 409
            invitation.refresh_from_db()
        else:
            _act_for(request, membership.cooperative)
            messages.success(
                request,
                _("Welcome to %(name)s. You now act for this cooperative.")
                % {"name": membership.cooperative.name},
            )
            return redirect("dashboard")
    context = {
        "invitation": invitation,
        "error": error,
        "already_member": is_member(request.user, invitation.cooperative),
    }
    return render(
        request, "cooperatives/invitation_accept.html", context, status=status
    )


@login_required
@require_POST
def switch(request):
    try:
        cooperative_id = int(request.POST.get("cooperative", ""))
    except ValueError as error:
        raise Http404("No such cooperative.") from error
    membership = (
        selectors.memberships_of(request.user)
        .filter(cooperative_id=cooperative_id)
        .first()
    )
    if membership is None:
        raise Http404("No such cooperative for this user.")
    _act_for(request, membership.cooperative)
    messages.success(
        request,
        _("You now act for %(name)s.") % {"name": membership.cooperative.name},
    )
    return redirect(_safe_next_url(request) or "dashboard")
