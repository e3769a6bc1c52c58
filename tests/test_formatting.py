"""Rupiah and quantity parsing and display in both languages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cooperatives.fields import RupiahField, parse_quantity, parse_rupiah
from cooperatives.templatetags.ecobiz import quantity, rupiah


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.500", 1500),
        ("1.500.000", 1_500_000),
        ("1500", 1500),
        ("Rp 1.500", 1500),
        ("Rp1.500", 1500),
        ("rp. 12.500", 12500),
        (" 750 ", 750),
    ],
)
def test_parse_rupiah_indonesian(typed, expected):
    with translation.override("id"):
        assert parse_rupiah(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1,500", 1500), ("1,500,000", 1_500_000), ("IDR 2,000", 2000), ("1500", 1500)],
)
def test_parse_rupiah_english(typed, expected):
    with translation.override("en"):
        assert parse_rupiah(typed) == expected


@pytest.mark.parametrize("typed", ["1500,50", "12,5"])
def test_parse_rupiah_rejects_fraction(typed):
    with translation.override("id"), pytest.raises(ValidationError) as error:
        parse_rupiah(typed)
    assert error.value.code == "fraction"


@pytest.mark.parametrize("typed", ["1.50", "abc", "1..500", "15.00.0", "Rp", "--5"])
def test_parse_rupiah_rejects_malformed(typed):
    with translation.override("id"), pytest.raises(ValidationError):
        parse_rupiah(typed)


@pytest.mark.parametrize("typed", ["-5", "0", "-1.000"])
def test_rupiah_field_rejects_zero_and_negative(typed):
    field = RupiahField()
    with translation.override("id"), pytest.raises(ValidationError):
        field.clean(typed)


def test_rupiah_field_returns_integer():
    with translation.override("id"):
        assert RupiahField().clean("1.500.000") == 1_500_000


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("id", "1,5", Decimal("1.5")),
        ("id", "0,35", Decimal("0.35")),
        ("id", "1.500", Decimal("1500")),
        ("id", "2", Decimal("2")),
        ("en", "1.5", Decimal("1.5")),
        ("en", "1,500.25", Decimal("1500.25")),
    ],
)
def test_parse_quantity(language, typed, expected):
    with translation.override(language):
        assert parse_quantity(typed) == expected


@pytest.mark.parametrize("typed", ["abc", "NaN", "Infinity", "1,2,3"])
def test_parse_quantity_rejects_non_numbers(typed):
    with translation.override("id"), pytest.raises(ValidationError):
        parse_quantity(typed)


# The currency and the number are joined by a no-break space (U+00A0).
@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("id", 1_500_000, "Rp\u00a01.500.000"),
        ("en", 1_500_000, "IDR\u00a01,500,000"),
        ("id", 12_500, "Rp\u00a012.500"),
        ("id", 0, "Rp\u00a00"),
        ("id", Decimal("18517.5"), "Rp\u00a018.518"),
        ("id", Decimal("16624.5"), "Rp\u00a016.625"),
        ("en", -2500, "-IDR\u00a02,500"),
    ],
)
def test_rupiah_filter(language, amount, expected):
    with translation.override(language):
        assert rupiah(amount) == expected


@pytest.mark.parametrize("language", ["id", "en"])
def test_rupiah_never_breaks(language):
    with translation.override(language):
        text = rupiah(1_500_000)
    assert " " not in text
    assert "\u00a0" in text


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("id", Decimal("1.500"), "1,5"),
        ("en", Decimal("1.500"), "1.5"),
        ("id", Decimal("2000.000"), "2.000"),
        ("en", Decimal("2000.25"), "2,000.25"),
        ("id", Decimal("200"), "200"),
    ],
)
def test_quantity_filter(language, value, expected):
    with translation.override(language):
        assert quantity(value) == expected


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [("id", "1,500,000", 1_500_000), ("en", "1.500.000", 1_500_000)],
)
def test_parse_rupiah_other_language_groups(language, typed, expected):
    with translation.override(language):
        assert parse_rupiah(typed) == expected


@pytest.mark.parametrize("typed", ["2,5", "10,25", "1,5000"])
def test_parse_quantity_english_rejects_comma_decimal(typed):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        parse_quantity(typed)
    assert error.value.code == "comma_decimal"
