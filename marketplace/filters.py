"""Query-string filters for the catalogue, the demand list and the inbox."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cooperatives.models import Region

from .models import Category, Demand, Inquiry, Product


def _regions():
    return Region.objects.order_by("name")


class ProductFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="name",
        lookup_expr="icontains",
        label=_("Product name"),
        max_length=100,
    )
    category = django_filters.ModelChoiceFilter(
        queryset=Category.objects.all(),
        label=_("Category"),
        empty_label=_("All categories"),
    )
    region = django_filters.ModelChoiceFilter(
        field_name="cooperative__region",
        queryset=_regions(),
        label=_("Regency or city"),
        empty_label=_("All regencies and cities"),
    )

    class Meta:
        model = Product
        fields: list[str] = []


class DemandFilter(django_filters.FilterSet):
    category = django_filters.ModelChoiceFilter(
        queryset=Category.objects.all(),
        label=_("Category"),
        empty_label=_("All categories"),
    )
    region = django_filters.ModelChoiceFilter(
        field_name="delivery_region",
        queryset=_regions(),
        label=_("Delivery regency or city"),
        empty_label=_("All regencies and cities"),
    )

    class Meta:
        model = Demand
        fields: list[str] = []


class InboxFilter(django_filters.FilterSet):
    """Filter the rows of selectors.inquiries_for_inbox by their annotations."""

    SHOW_CHOICES = [
        ("received", _("Received")),
        ("sent", _("Sent")),
        ("waiting", _("Waiting for your reply")),
        ("unread", _("Unread")),
    ]

    show = django_filters.ChoiceFilter(
        choices=SHOW_CHOICES,
        method="filter_show",
        label=_("Show"),
        empty_label=_("All messages"),
    )

    class Meta:
        model = Inquiry
        fields: list[str] = []

    def filter_show(self, queryset, name, value):
        conditions = {
            "received": {"is_received": True},
            "sent": {"is_received": False},
            "waiting": {"is_waiting": True},
            "unread": {"is_unread": True},
        }
        return queryset.filter(**conditions[value])
