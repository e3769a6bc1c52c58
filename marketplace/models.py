from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cooperatives.models import Cooperative, Region
from cooperatives.validators import validate_image_upload

SELLING_KINDS = (Cooperative.Kind.PRODUCER, Cooperative.Kind.BOTH)
BUYING_KINDS = (Cooperative.Kind.CONSUMER, Cooperative.Kind.BOTH)
QUANTITY_DIGITS = {"max_digits": 14, "decimal_places": 3}
POSITIVE_QUANTITY = MinValueValidator(Decimal("0.001"))


class NamedReference(models.Model):
    """A reference row with an Indonesian and an English name."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        abstract = True
        ordering = ["name_id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return (
            self.name_en if (get_language() or "id").startswith("en") else self.name_id
        )


class Category(NamedReference):
    """A product category shared by products and demands."""

    position = models.PositiveSmallIntegerField(default=0)

    class Meta(NamedReference.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name_id"]


class Unit(NamedReference):
    """A unit of measure with its factor to the base unit of its dimension.

    Units of one dimension convert into each other: 1 kuintal is 100 kg and
    1 ton is 1000 kg. A bundle (ikat) has no fixed size, so it converts only
    into itself.
    """

    class Dimension(models.TextChoices):
        MASS = "mass", _("Mass")
        VOLUME = "volume", _("Volume")
        COUNT = "count", _("Count")
        BUNDLE = "bundle", _("Bundle")

    dimension = models.CharField(_("dimension"), max_length=10, choices=Dimension)
    factor = models.DecimalField(
        _("factor to base unit"),
        max_digits=12,
        decimal_places=4,
        help_text=_("How many base units (kg, liter, pcs) one unit holds."),
    )

    class Meta(NamedReference.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def is_convertible_to(self, other: "Unit") -> bool:
        if self.dimension == self.Dimension.BUNDLE:
            return self.pk == other.pk
        return self.dimension == other.dimension

    def convert(self, quantity: Decimal, to: "Unit") -> Decimal:
        """Convert a quantity in this unit into the unit `to`."""
        if not self.is_convertible_to(to):
            raise ValueError(f"{self.code} does not convert to {to.code}")
        return quantity * self.factor / to.factor


class ProductQuerySet(models.QuerySet):
    def active(self):
        """Listed products of cooperatives that currently sell.

        A cooperative that changes its kind to consumer keeps its product
        rows, but they leave the catalogue and the matches until it sells
        again.
        """
        return self.filter(is_active=True, cooperative__kind__in=SELLING_KINDS)

    def for_listing(self):
        return self.select_related(
            "cooperative", "cooperative__region", "category", "unit"
        )


class Product(models.Model):
    """A product a producer cooperative offers, priced per unit."""

    cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        related_name="products",
        verbose_name=_("cooperative"),
    )
    name = models.CharField(_("name"), max_length=200)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, verbose_name=_("category")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, verbose_name=_("unit"))
    price = models.PositiveBigIntegerField(
        _("price per unit (Rp)"), validators=[MinValueValidator(1)]
    )
    minimum_order = models.DecimalField(
        _("minimum order"),
        **QUANTITY_DIGITS,
        default=Decimal(1),
        validators=[POSITIVE_QUANTITY],
    )
    monthly_capacity = models.DecimalField(
        _("monthly capacity"), **QUANTITY_DIGITS, validators=[POSITIVE_QUANTITY]
    )
    description = models.TextField(_("description"), blank=True)
    photo = models.ImageField(
        _("photo"),
        upload_to="products/",
        blank=True,
        validators=[validate_image_upload],
    )
    is_active = models.BooleanField(_("listed"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["category", "is_active"], name="product_category_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(price__gt=0), name="product_price_gt_0"),
            models.CheckConstraint(
                condition=Q(monthly_capacity__gt=0), name="product_capacity_gt_0"
            ),
            models.CheckConstraint(
                condition=Q(minimum_order__gt=0), name="product_min_order_gt_0"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("marketplace:product-detail", kwargs={"pk": self.pk})


class DemandQuerySet(models.QuerySet):
    def open(self):
        """Current demands of cooperatives that currently buy."""
        return self.filter(
            is_active=True,
            valid_until__gte=timezone.localdate(),
            cooperative__kind__in=BUYING_KINDS,
        )

    def for_listing(self):
        return self.select_related(
            "cooperative", "cooperative__region", "category", "unit", "delivery_region"
        )


class Demand(models.Model):
    """A consumer cooperative's monthly need for one item of a category."""

    cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        related_name="demands",
        verbose_name=_("cooperative"),
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, verbose_name=_("category")
    )
    item = models.CharField(
        _("item"),
        max_length=120,
        help_text=_(
            "What exactly you need, for example “Cabai rawit merah” or "
            "“Beras medium”. Products named with these words come first."
        ),
    )
    monthly_quantity = models.DecimalField(
        _("monthly quantity"), **QUANTITY_DIGITS, validators=[POSITIVE_QUANTITY]
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, verbose_name=_("unit"))
    max_price = models.PositiveBigIntegerField(
        _("maximum price per unit (Rp)"), validators=[MinValueValidator(1)]
    )
    delivery_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("delivery regency or city"),
    )
    valid_until = models.DateField(_("valid until"))
    note = models.TextField(_("note"), blank=True)
    is_active = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DemandQuerySet.as_manager()

    class Meta:
        verbose_name = _("demand")
        verbose_name_plural = _("demands")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["category", "is_active"], name="demand_category_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_price__gt=0), name="demand_max_price_gt_0"
            ),
            models.CheckConstraint(
                condition=Q(monthly_quantity__gt=0), name="demand_quantity_gt_0"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} · {self.monthly_quantity.normalize():f} {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("marketplace:demand-detail", kwargs={"pk": self.pk})


class InquiryQuerySet(models.QuerySet):
    def involving(self, cooperative):
        return self.filter(
            Q(sender_cooperative=cooperative) | Q(recipient_cooperative=cooperative)
        )

    def for_inbox(self):
        return self.select_related(
            "sender_cooperative",
            "recipient_cooperative",
            "sender",
            "product",
            "demand__category",
        ).order_by("-last_message_at")


class Inquiry(models.Model):
    """A conversation one cooperative opens with another about an offer or need."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sender"),
    )
    sender_cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        related_name="sent_inquiries",
        verbose_name=_("from cooperative"),
    )
    recipient_cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        related_name="received_inquiries",
        verbose_name=_("to cooperative"),
    )
    product = models.ForeignKey(
        Product,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("product"),
    )
    demand = models.ForeignKey(
        Demand,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("demand"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now, db_index=True)
    recipient_read_at = models.DateTimeField(null=True, blank=True)
    sender_read_at = models.DateTimeField(null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-last_message_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender_cooperative=models.F("recipient_cooperative")),
                name="inquiry_between_two_cooperatives",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("marketplace:inquiry-detail", kwargs={"pk": self.pk})

    def other_side(self, cooperative: Cooperative) -> Cooperative:
        if cooperative.pk == self.sender_cooperative_id:
            return self.recipient_cooperative
        return self.sender_cooperative


class InquiryReply(models.Model):
    """A message in an inquiry's thread after the first one."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_cooperative = models.ForeignKey(
        Cooperative, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author_cooperative}: {self.body[:40]}"
