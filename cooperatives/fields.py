"""Form fields that accept numbers the way Indonesian users type them."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

_CURRENCY_PREFIX = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)


def _uses_comma_decimal() -> bool:
    return not (get_language() or "id").startswith("en")


def parse_rupiah(text: str) -> int:
    """Parse a whole-Rupiah amount typed as 1500, 1.500, Rp 1.500 or 1,500.

    In Indonesian the dot groups thousands and the comma starts decimals; in
    English it is the other way round. Amounts with a decimal part are
    rejected because prices are whole Rupiah.
    """
    cleaned = _CURRENCY_PREFIX.sub("", text.strip()).replace(" ", "")
    if not cleaned:
        raise ValidationError(_("Enter an amount in Rupiah."), code="required")
    group, decimal = (".", ",") if _uses_comma_decimal() else (",", ".")
    # Two or more of the other language's marks can only group thousands, as
    # in "1,500,000" typed on the Indonesian page, so they are read that way.
    if re.fullmatch(r"-?[0-9]{1,3}(" + re.escape(decimal) + r"[0-9]{3}){2,}", cleaned):
        group = decimal
    elif decimal in cleaned:
        raise ValidationError(
            _("Prices are whole Rupiah: remove the part after “%(mark)s”."),
            code="fraction",
            params={"mark": decimal},
        )
    if group in cleaned and not re.fullmatch(
        r"-?[0-9]{1,3}(" + re.escape(group) + r"[0-9]{3})+", cleaned
    ):
        raise ValidationError(
            _("“%(value)s” is not a valid amount. Example: 1.500.000"),
            code="invalid",
            params={"value": text},
        )
    digits = cleaned.replace(group, "")
    # [0-9], not \d, which also matches Arabic-Indic and other digits.
    if not re.fullmatch(r"-?[0-9]+", digits):
        raise ValidationError(
            _("“%(value)s” is not a valid amount. Example: 1.500.000"),
            code="invalid",
            params={"value": text},
        )
    try:
        return int(digits)
    except ValueError as error:
        # int() rejects more digits than sys.get_int_max_str_digits(), 4300
        # by default.
        raise ValidationError(
            _("The amount has too many digits. Example: 1.500.000"),
            code="too_long",
        ) from error


def parse_quantity(text: str) -> Decimal:
    """Parse a quantity typed as 1,5 (Indonesian) or 1.5 (English)."""
    cleaned = text.strip().replace(" ", "")
    if _uses_comma_decimal():
        if re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?", cleaned):
            cleaned = cleaned.replace(".", "")
        cleaned = cleaned.replace(",", ".")
    elif re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        # "2,5" typed out of Indonesian habit must not become 25.
        raise ValidationError(
            _("Use a dot for decimals on the English pages, for example 2.5."),
            code="comma_decimal",
        )
    try:
        # Decimal() also reads other scripts' digits; only ASCII digits are valid.
        if not cleaned.isascii():
            raise InvalidOperation
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValidationError(
            _("“%(value)s” is not a number. Example: 1,5"),
            code="invalid",
            params={"value": text},
        ) from error
    if not value.is_finite():
        raise ValidationError(_("Enter a finite number."), code="invalid")
    return value


class RupiahField(forms.IntegerField):
    """A whole-Rupiah amount, at least 1 unless min_value sets another minimum."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("autocomplete", "off")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        return parse_rupiah(str(value))

    def widget_attrs(self, widget):
        # The browser's number input rejects "1.500", so the field stays text.
        attrs = super().widget_attrs(widget)
        attrs.pop("min", None)
        attrs.pop("max", None)
        attrs.pop("step", None)
        return attrs


class QuantityField(forms.DecimalField):
    """A positive decimal quantity that accepts a comma as decimal mark."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", Decimal("0.001"))
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 3)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        return parse_quantity(str(value))

    def prepare_value(self, value):
        # A saved Decimal("500.000") printed as is reads back as 500000 in
        # Indonesian, where the dot groups thousands. It is shown instead
        # without trailing zeros and with the language's decimal mark.
        if not isinstance(value, Decimal) or not value.is_finite():
            return value
        text = f"{value.normalize():f}"
        return text.replace(".", ",") if _uses_comma_decimal() else text

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for key in ("min", "max", "step"):
            attrs.pop(key, None)
        return attrs
