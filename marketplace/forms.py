"""Forms for products, demands and inquiries.

Prices use RupiahField and quantities QuantityField, so that "1.500.000" and
"2,5" are read as Indonesian users type them.
"""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperatives.fields import QuantityField, RupiahField
from cooperatives.models import Region
from cooperatives.templatetags.ecobiz import quantity

from .models import Category, Demand, Product, Unit

# One trillion Rupiah per unit: far above any real price, and far below the
# 64-bit column limit, so that a typo gets a message instead of a database
# error.
MAX_PRICE = 1_000_000_000_000
MESSAGE_MAX_LENGTH = 5000
# Monthly needs change with seasons and prices, so a demand is reviewed at
# least once a year.
MAX_DEMAND_VALIDITY = timedelta(days=366)

_PRICE_ERRORS = {
    "min_value": _("Enter a price above zero."),
    "max_value": _("Enter a price of at most Rp 1.000.000.000.000."),
}
_QUANTITY_ERRORS = {"min_value": _("Enter a quantity above zero.")}


def _price_field(label) -> RupiahField:
    return RupiahField(
        label=label,
        max_value=MAX_PRICE,
        error_messages=_PRICE_ERRORS,
        help_text=_("Whole Rupiah, for example 12,500."),
    )


def _quantity_field(label, help_text) -> QuantityField:
    return QuantityField(
        label=label, error_messages=_QUANTITY_ERRORS, help_text=help_text
    )


def unit_conversions() -> str:
    """Return how the units convert, such as "1 kuintal = 100 kg; 1 ton = …".

    Each unit with a factor other than 1 is stated in the base unit of its
    dimension, in the active language. A bundle has no fixed size, so it
    has no conversion.
    """
    units = list(Unit.objects.exclude(dimension=Unit.Dimension.BUNDLE))
    base_units = {unit.dimension: unit for unit in units if unit.factor == 1}
    conversions = [
        f"1 {unit.name} = {quantity(unit.factor)} {base_units[unit.dimension].name}"
        for unit in sorted(units, key=lambda unit: (unit.dimension, unit.factor))
        if unit.factor != 1 and unit.dimension in base_units
    ]
    return "; ".join(conversions)


def _set_reference_choices(form: forms.ModelForm) -> None:
    form.fields["category"].queryset = Category.objects.all()
    form.fields["category"].empty_label = _("Choose a category")
    unit = form.fields["unit"]
    unit.queryset = Unit.objects.all()
    unit.empty_label = _("Choose a unit")
    conversions = unit_conversions()
    if conversions:
        unit.help_text = _("Conversions: %(conversions)s.") % {
            "conversions": conversions
        }


class ProductForm(forms.ModelForm):
    price = _price_field(_("Price per unit (Rp)"))
    minimum_order = _quantity_field(
        _("Minimum order"), _("In the unit chosen above, for example 10 or 2.5.")
    )
    monthly_capacity = _quantity_field(
        _("Monthly capacity"), _("How much you can supply each month, in that unit.")
    )

    class Meta:
        model = Product
        fields = [
            "name",
            "category",
            "unit",
            "price",
            "minimum_order",
            "monthly_capacity",
            "description",
            "photo",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "photo": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp"}
            ),
        }
        help_texts = {"photo": _("JPG, PNG or WebP, at most 5 MB.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _set_reference_choices(self)

    def clean(self):
        cleaned_data = super().clean()
        minimum = cleaned_data.get("minimum_order")
        capacity = cleaned_data.get("monthly_capacity")
        if minimum is not None and capacity is not None and minimum > capacity:
            self.add_error(
                "minimum_order",
                forms.ValidationError(
                    _("The minimum order cannot be more than the monthly capacity."),
                    code="above_capacity",
                ),
            )
        return cleaned_data


class ProductEditForm(ProductForm):
    class Meta(ProductForm.Meta):
        fields = [*ProductForm.Meta.fields, "is_active"]
        help_texts = {
            **ProductForm.Meta.help_texts,
            "is_active": _("Untick to hide the product from the catalogue."),
        }


class DemandForm(forms.ModelForm):
    monthly_quantity = _quantity_field(
        _("Quantity per month"), _("For example 500 or 2.5.")
    )
    max_price = _price_field(_("Maximum price per unit (Rp)"))

    class Meta:
        model = Demand
        fields = [
            "category",
            "item",
            "monthly_quantity",
            "unit",
            "max_price",
            "delivery_region",
            "valid_until",
            "note",
        ]
        widgets = {
            "valid_until": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "valid_until": _("The last day producers can answer this demand."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _set_reference_choices(self)
        region = self.fields["delivery_region"]
        region.queryset = Region.objects.order_by("name")
        region.empty_label = _("Choose a regency or city")

    def clean_valid_until(self):
        valid_until = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if valid_until < today:
            raise forms.ValidationError(
                _("Choose today or a later date."), code="past_date"
            )
        if valid_until > today + MAX_DEMAND_VALIDITY:
            raise forms.ValidationError(
                _("A demand is valid for one year at most. Choose an earlier date."),
                code="too_far",
            )
        return valid_until


class DemandEditForm(DemandForm):
    class Meta(DemandForm.Meta):
        fields = [*DemandForm.Meta.fields, "is_active"]
        help_texts = {
            **DemandForm.Meta.help_texts,
            "is_active": _("Untick to close the demand."),
        }


class InquiryForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say what you need or offer: quantity, price, delivery."),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
