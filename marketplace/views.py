"""Pages of the marketplace: the catalogue, demands and inquiries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cooperatives.access import check_cooperative_permission
from cooperatives.models import Cooperative
from cooperatives.pagination import paginate
from cooperatives.rules import is_member
from cooperatives.selectors import active_membership

from . import services
from .access import MANAGE_CATALOGUE, acting_side, demand_for, inquiry_for, product_for
from .filters import DemandFilter, InboxFilter, ProductFilter
from .forms import (
    DemandEditForm,
    DemandForm,
    InquiryForm,
    ProductEditForm,
    ProductForm,
    ReplyForm,
)
from .models import Demand, Product
from .selectors import (
    SCORE_WEIGHTS,
    demand_is_open,
    demands_matching_product,
    inquiries_for_inbox,
    inquiry_thread,
    matches_for_demand,
    waiting_inquiries,
)

# Matches and matching demands shown on a detail page, best or newest first.
DETAIL_MATCH_LIMIT = 20
# The largest value of a PostgreSQL bigint primary key.
MAX_ID = 2**63 - 1


def _needs_cooperative(request):
    messages.info(
        request,
        _("Register your cooperative or accept an invitation to one first."),
    )
    return redirect("dashboard")


def _managed_cooperative(request) -> Cooperative | None:
    """Return the active cooperative if the user may manage its catalogue.

    Returns None when the user belongs to no cooperative, and raises
    PermissionDenied (403) for a role below manager.
    """
    membership = active_membership(request)
    if membership is None:
        return None
    check_cooperative_permission(request.user, membership.cooperative, MANAGE_CATALOGUE)
    return membership.cooperative


def _wrong_kind(request, cooperative: Cooperative, action: str):
    return render(
        request,
        "marketplace/wrong_kind.html",
        {"cooperative": cooperative, "action": action},
    )


# Products


def product_list(request):
    product_filter = ProductFilter(
        request.GET,
        queryset=Product.objects.active().for_listing().order_by("-created_at", "-pk"),
    )
    page = paginate(product_filter.qs, request.GET.get("page"))
    return render(
        request,
        "marketplace/product_list.html",
        {"filter": product_filter, "page_obj": page},
    )


@login_required
@require_http_methods(["GET", "POST"])
def product_create(request):
    cooperative = _managed_cooperative(request)
    if cooperative is None:
        return _needs_cooperative(request)
    if not cooperative.can_sell:
        return _wrong_kind(request, cooperative, "product")
    if request.method == "POST":
        form = ProductForm(request.POST, request.FILES)
        if form.is_valid():
            product = services.product_create(
                product=form.save(commit=False),
                cooperative=cooperative,
                user=request.user,
            )
            messages.success(
                request,
                _("%(name)s is now in the catalogue.") % {"name": product.name},
            )
            return redirect(product)
    else:
        form = ProductForm()
    return render(
        request,
        "marketplace/product_form.html",
        {"form": form, "cooperative": cooperative},
    )


@login_required
@require_http_methods(["GET", "POST"])
def product_edit(request, pk: int):
    product = product_for(request.user, pk)
    if not product.cooperative.can_sell:
        return _wrong_kind(request, product.cooperative, "product")
    # Binding the form writes the posted values into the instance, so keep
    # the saved name for the page title.
    saved_name = product.name
    if request.method == "POST":
        form = ProductEditForm(request.POST, request.FILES, instance=product)
        if form.is_valid():
            services.product_update(
                product=form.save(commit=False),
                photo_changed="photo" in form.changed_data,
            )
            messages.success(request, _("Your changes are saved."))
            return redirect(product)
    else:
        form = ProductEditForm(instance=product)
    return render(
        request,
        "marketplace/product_form.html",
        {
            "form": form,
            "cooperative": product.cooperative,
            "product": product,
            "saved_name": saved_name,
        },
    )


def product_detail(request, pk: int):
    product = get_object_or_404(Product.objects.for_listing(), pk=pk)
    is_own = is_member(request.user, product.cooperative)
    if not product.is_active and not is_own:
        raise Http404("The product is not listed.")
    matching_demands = (
        list(demands_matching_product(product)[:DETAIL_MATCH_LIMIT]) if is_own else []
    )
    return render(
        request,
        "marketplace/product_detail.html",
        {"product": product, "is_own": is_own, "matching_demands": matching_demands},
    )


# Demands


def demand_list(request):
    demand_filter = DemandFilter(
        request.GET,
        queryset=Demand.objects.open().for_listing().order_by("-created_at", "-pk"),
    )
    page = paginate(demand_filter.qs, request.GET.get("page"))
    return render(
        request,
        "marketplace/demand_list.html",
        {"filter": demand_filter, "page_obj": page},
    )


@login_required
@require_http_methods(["GET", "POST"])
def demand_create(request):
    cooperative = _managed_cooperative(request)
    if cooperative is None:
        return _needs_cooperative(request)
    if not cooperative.can_buy:
        return _wrong_kind(request, cooperative, "demand")
    if request.method == "POST":
        form = DemandForm(request.POST)
        if form.is_valid():
            demand = services.demand_share(
                demand=form.save(commit=False),
                cooperative=cooperative,
                user=request.user,
            )
            messages.success(
                request,
                _("Your demand is shared. Producer cooperatives can now see it."),
            )
            return redirect(demand)
    else:
        form = DemandForm(initial={"delivery_region": cooperative.region_id})
    return render(
        request,
        "marketplace/demand_form.html",
        {"form": form, "cooperative": cooperative},
    )


@login_required
@require_http_methods(["GET", "POST"])
def demand_edit(request, pk: int):
    demand = demand_for(request.user, pk)
    if not demand.cooperative.can_buy:
        return _wrong_kind(request, demand.cooperative, "demand")
    if request.method == "POST":
        form = DemandEditForm(request.POST, instance=demand)
        if form.is_valid():
            services.demand_update(demand=form.save(commit=False))
            messages.success(request, _("Your changes are saved."))
            return redirect(demand)
    else:
        form = DemandEditForm(instance=demand)
    return render(
        request,
        "marketplace/demand_form.html",
        {"form": form, "cooperative": demand.cooperative, "demand": demand},
    )


def demand_detail(request, pk: int):
    demand = get_object_or_404(Demand.objects.for_listing(), pk=pk)
    is_own = is_member(request.user, demand.cooperative)
    is_open = demand_is_open(demand)
    if not is_open and not is_own:
        raise Http404("The demand is closed.")
    matches = []
    if is_own:
        matches = list(matches_for_demand(demand)[:DETAIL_MATCH_LIMIT])
        for product in matches:
            product.price_in_demand_unit = product.price_per_base * demand.unit.factor
    return render(
        request,
        "marketplace/demand_detail.html",
        {
            "demand": demand,
            "is_own": is_own,
            "is_open": is_open,
            "matches": matches,
            "weights": SCORE_WEIGHTS,
        },
    )


# Inquiries


def _id_param(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    # The length check comes first because int() raises ValueError on
    # strings of more than 4300 digits, Python's default limit.
    if not value.isascii() or not value.isdigit() or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if number <= MAX_ID else None


def _inquiry_subjects(request, cooperative_ids: list[int]):
    """Return the product and demand named in ?product= and ?demand=.

    Each must be listed (a product) or open (a demand) and belong to one of
    the two cooperatives. Anything else is ignored.
    """
    product = demand = None
    product_id = _id_param(request, "product")
    if product_id is not None:
        product = (
            Product.objects.active()
            .select_related("unit")
            .filter(pk=product_id, cooperative_id__in=cooperative_ids)
            .first()
        )
    demand_id = _id_param(request, "demand")
    if demand_id is not None:
        demand = (
            Demand.objects.open()
            .select_related("category", "unit")
            .filter(pk=demand_id, cooperative_id__in=cooperative_ids)
            .first()
        )
    return product, demand


def _initial_subject(product, demand) -> str:
    if product is not None:
        return _("About %(name)s") % {"name": product.name}
    if demand is not None:
        return _("About your demand: %(demand)s") % {"demand": demand}
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def inquiry_create(request, slug: str):
    membership = active_membership(request)
    if membership is None:
        return _needs_cooperative(request)
    sender_cooperative = membership.cooperative
    check_cooperative_permission(
        request.user, sender_cooperative, "cooperatives.send_inquiry"
    )
    recipient = get_object_or_404(
        Cooperative.objects.select_related("region"), slug=slug
    )
    product, demand = _inquiry_subjects(request, [recipient.pk, sender_cooperative.pk])
    if recipient.pk == sender_cooperative.pk:
        messages.error(
            request, _("You cannot send an inquiry to your own cooperative.")
        )
        return redirect(product or demand or recipient)
    if request.method == "POST":
        form = InquiryForm(request.POST)
        if form.is_valid():
            try:
                inquiry = services.inquiry_send(
                    sender=request.user,
                    sender_cooperative=sender_cooperative,
                    recipient_cooperative=recipient,
                    product=product,
                    demand=demand,
                    **form.cleaned_data,
                )
            except services.DuplicateInquiry as duplicate:
                messages.info(request, _("This inquiry was already sent."))
                return redirect(duplicate.inquiry)
            messages.success(
                request,
                _("Your inquiry is sent to %(name)s. Their answer will appear here.")
                % {"name": recipient.name},
            )
            return redirect(inquiry)
    else:
        form = InquiryForm(initial={"subject": _initial_subject(product, demand)})
    return render(
        request,
        "marketplace/inquiry_form.html",
        {
            "form": form,
            "recipient": recipient,
            "sender_cooperative": sender_cooperative,
            "product": product,
            "demand": demand,
        },
    )


@login_required
def inbox(request):
    membership = active_membership(request)
    if membership is None:
        return _needs_cooperative(request)
    cooperative = membership.cooperative
    check_cooperative_permission(request.user, cooperative, "cooperatives.view_inbox")
    inbox_filter = InboxFilter(request.GET, queryset=inquiries_for_inbox(cooperative))
    page = paginate(inbox_filter.qs, request.GET.get("page"))
    return render(
        request,
        "marketplace/inbox.html",
        {
            "cooperative": cooperative,
            "filter": inbox_filter,
            "page_obj": page,
            "waiting_count": waiting_inquiries(cooperative).count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def inquiry_detail(request, pk: int):
    inquiry = inquiry_for(request.user, pk)
    membership = active_membership(request)
    side = acting_side(
        request.user, inquiry, membership.cooperative if membership else None
    )
    if request.method == "POST":
        form = ReplyForm(request.POST)
        if form.is_valid():
            services.inquiry_reply(
                inquiry=inquiry,
                author=request.user,
                author_cooperative=side,
                body=form.cleaned_data["body"],
            )
            messages.success(request, _("Your reply is sent."))
            return redirect(inquiry)
    else:
        form = ReplyForm()
        services.inquiry_mark_read(inquiry=inquiry, cooperative=side)
    return render(
        request,
        "marketplace/inquiry_detail.html",
        {
            "inquiry": inquiry,
            "side": side,
            "other_side": inquiry.other_side(side),
            "replies": inquiry_thread(inquiry),
            "form": form,
        },
    )
