"""Fetch products, demands and inquiries with the permission check views need.

As in cooperatives.access, users outside the owning cooperative get 404 and
members whose role is too low get 403.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from cooperatives.access import check_cooperative_permission
from cooperatives.models import Cooperative
from cooperatives.rules import is_member

from .models import Demand, Inquiry, Product
from .rules import is_inquiry_party

MANAGE_CATALOGUE = "cooperatives.manage_catalogue"


def product_for(user, pk: int, permission: str = MANAGE_CATALOGUE) -> Product:
    product = get_object_or_404(Product.objects.for_listing(), pk=pk)
    check_cooperative_permission(user, product.cooperative, permission)
    return product


def demand_for(user, pk: int, permission: str = MANAGE_CATALOGUE) -> Demand:
    demand = get_object_or_404(Demand.objects.for_listing(), pk=pk)
    check_cooperative_permission(user, demand.cooperative, permission)
    return demand


def inquiry_for(user, pk: int) -> Inquiry:
    """Return an inquiry whose sending or receiving cooperative the user is in."""
    inquiry = get_object_or_404(
        Inquiry.objects.select_related(
            "sender",
            "sender_cooperative",
            "recipient_cooperative",
            "product__unit",
            "demand__category",
            "demand__unit",
        ),
        pk=pk,
    )
    # The predicate, not has_perm, so that superusers who belong to neither
    # side get 404 too. They read inquiries in Django admin.
    if not is_inquiry_party(user, inquiry):
        raise Http404("No such inquiry for this user.")
    return inquiry


def acting_side(user, inquiry: Inquiry, preferred: Cooperative | None) -> Cooperative:
    """Return the side of the inquiry the user acts for.

    The preferred cooperative (the user's active one) wins when it is a side,
    which matters only for a user who belongs to both cooperatives.
    """
    sides = (inquiry.sender_cooperative, inquiry.recipient_cooperative)
    if preferred is not None and preferred.pk in {side.pk for side in sides}:
        return next(side for side in sides if side.pk == preferred.pk)
    for side in sides:
        if is_member(user, side):
            return side
    raise Http404("No such inquiry for this user.")
