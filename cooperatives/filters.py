"""Query-string filters of the cooperative directory."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Cooperative, Region

SEARCH_MAX_LENGTH = 100


class CooperativeFilter(django_filters.FilterSet):
    """Search text, regency or city, kind and sector of the directory.

    An invalid value, such as an unknown region id, is shown as a form error.
    Only that filter is skipped, and the other filters still apply.
    """

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control",
                "placeholder": _("Name or description, e.g. koperasi tani"),
                "autocomplete": "off",
                "enterkeyhint": "search",
            }
        ),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Regency or city"),
        queryset=Region.objects.order_by("name"),
        empty_label=_("All regencies and cities"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=Cooperative.Kind.choices,
        empty_label=_("All kinds"),
        method="filter_kind",
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        choices=Cooperative.Sector.choices,
        empty_label=_("All sectors"),
    )

    class Meta:
        model = Cooperative
        fields = ["q", "region", "kind", "sector"]

    def filter_search(self, queryset, name, value):
        return selectors.search_cooperatives(queryset, value)

    def filter_kind(self, queryset, name, value):
        # A cooperative that both sells and buys is a producer and a consumer.
        return queryset.filter(kind__in=selectors.kinds_matching(value))

    @property
    def is_filtered(self) -> bool:
        """Whether any filter or search text was given in the query string."""
        return any(self.data.get(name) for name in self.filters)

    @property
    def has_choices(self) -> bool:
        """Whether a region, kind or sector was chosen, so the panel opens."""
        return any(self.data.get(name) for name in ("region", "kind", "sector"))
