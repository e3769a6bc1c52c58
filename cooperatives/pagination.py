"""Pagination that turns any ?page= value into the nearest existing page."""

from decimal import Decimal, InvalidOperation

from django.core.paginator import Page, Paginator

PAGE_SIZE = 20


def nearest_page_number(raw, page_count: int) -> int:
    """Return the page number closest to `raw`, between 1 and page_count.

    Paginator.get_page alone sends 0 and negative numbers to the last page
    and "2.5" to the first. Here 0 and below give page 1, a fraction is
    rounded down, and text that is not a finite number gives page 1. Values
    above page_count are compared as Decimal, so a huge exponent is never
    turned into an int with millions of digits.
    """
    try:
        number = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return 1
    if not number.is_finite() or number < 1:
        return 1
    if number > page_count:
        return max(page_count, 1)
    return int(number)


def paginate(object_list, raw_page, *, per_page: int = PAGE_SIZE) -> Page:
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(nearest_page_number(raw_page, paginator.num_pages))
