"""Template filters for Rupiah amounts and quantities."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.translation import get_language

register = template.Library()

# A no-break space keeps the currency and the number on one line.
NO_BREAK_SPACE = "\u00a0"


def _group_thousands(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


@register.filter
def rupiah(value) -> str:
    """Format an amount as "Rp 1.500.000" in Indonesian or "IDR 1,500,000".

    A no-break space (U+00A0) joins the currency and the number. Amounts
    are rounded half up to whole Rupiah, not half to even as Django's number
    formatting would.
    """
    if value is None or value == "":
        return ""
    amount = int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "-" if amount < 0 else ""
    if (get_language() or "id").startswith("en"):
        return f"{sign}IDR{NO_BREAK_SPACE}{_group_thousands(abs(amount), ',')}"
    return f"{sign}Rp{NO_BREAK_SPACE}{_group_thousands(abs(amount), '.')}"


@register.filter
def quantity(value) -> str:
    """Format a decimal quantity without trailing zeros: 1,5 or 1.5."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).normalize()
    integral, _, fraction = f"{abs(number):f}".partition(".")
    english = (get_language() or "id").startswith("en")
    text = _group_thousands(int(integral), "," if english else ".")
    if fraction:
        text += ("." if english else ",") + fraction
    return ("-" if number < 0 else "") + text
