import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .validators import (
    validate_cooperative_number,
    validate_image_upload,
    validate_nib,
)

INVITATION_VALIDITY = timedelta(days=7)


class Province(models.Model):
    """A province, identified by its two-digit BPS code."""

    bps_code = models.CharField(_("BPS code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["bps_code"]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A regency (kabupaten) or city (kota), identified by its BPS code."""

    class Kind(models.TextChoices):
        REGENCY = "kabupaten", _("Regency")
        CITY = "kota", _("City")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="regions"
    )
    bps_code = models.CharField(_("BPS code"), max_length=4, unique=True)
    kemendagri_code = models.CharField(_("Home Affairs code"), max_length=5)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True)
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=10, decimal_places=3, null=True
    )
    population = models.PositiveIntegerField(_("population"), null=True)

    class Meta:
        verbose_name = _("regency or city")
        verbose_name_plural = _("regencies and cities")
        ordering = ["bps_code"]

    def __str__(self) -> str:
        return self.name


class CooperativeQuerySet(models.QuerySet):
    def for_directory(self):
        return self.select_related("region").order_by("-is_verified", "name")

    def of_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Cooperative(models.Model):
    """A cooperative (koperasi) that produces, consumes, or both."""

    class Kind(models.TextChoices):
        PRODUCER = "producer", _("Producer")
        CONSUMER = "consumer", _("Consumer")
        BOTH = "both", _("Producer and consumer")

    class Sector(models.TextChoices):
        AGRICULTURE = "agriculture", _("Agriculture")
        PLANTATION = "plantation", _("Plantation")
        LIVESTOCK = "livestock", _("Livestock and dairy")
        FISHERIES = "fisheries", _("Fisheries")
        CRAFTS = "crafts", _("Crafts")
        FASHION = "fashion", _("Fashion")
        PROCESSED_FOOD = "processed_food", _("Processed food")
        CREATIVE = "creative", _("Creative products")
        RETAIL = "retail", _("Consumer shop")
        MULTI_PURPOSE = "multi_purpose", _("Multi-purpose")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    legal_entity_number = models.CharField(
        _("legal entity number"),
        max_length=100,
        blank=True,
        help_text=_("Nomor badan hukum, as on the deed of establishment."),
    )
    cooperative_number = models.CharField(
        _("cooperative registration number (NIK)"),
        max_length=16,
        blank=True,
        validators=[validate_cooperative_number],
        help_text=_("Nomor Induk Koperasi: 16 digits, as on the NIK certificate."),
    )
    nib = models.CharField(
        _("business identification number (NIB)"),
        max_length=13,
        blank=True,
        validators=[validate_nib],
        help_text=_("Nomor Induk Berusaha from OSS: 13 digits. Optional."),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1896), MaxValueValidator(2100)],
    )
    member_count = models.PositiveIntegerField(_("member count"), default=0)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="cooperatives",
        verbose_name=_("regency or city"),
    )
    address = models.TextField(_("address"), blank=True)
    phone = PhoneNumberField(_("phone"), blank=True, region="ID")
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[validate_image_upload],
    )
    is_verified = models.BooleanField(_("verified"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    name_trigrams = ArrayField(
        models.CharField(max_length=3), default=list, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        ordering = ["name"]
        indexes = [
            GinIndex(fields=["search_vector"], name="cooperative_search_idx"),
            GinIndex(fields=["name_trigrams"], name="cooperative_trigram_idx"),
            models.Index(fields=["region", "kind"], name="cooperative_region_kind_idx"),
        ]
        permissions = [("verify_cooperative", _("Can verify cooperatives"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cooperatives:detail", kwargs={"slug": self.slug})

    @property
    def can_sell(self) -> bool:
        return self.kind in (self.Kind.PRODUCER, self.Kind.BOTH)

    @property
    def can_buy(self) -> bool:
        return self.kind in (self.Kind.CONSUMER, self.Kind.BOTH)

    @property
    def whatsapp_url(self) -> str:
        """Return the wa.me link for the phone number, or an empty string."""
        if not self.phone:
            return ""
        return "https://wa.me/" + str(self.phone.as_e164).lstrip("+")


class Membership(models.Model):
    """A user's role in a cooperative."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MANAGER = "manager", _("Manager")
        STAFF = "staff", _("Staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    cooperative = models.ForeignKey(
        Cooperative, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cooperative"], name="membership_unique_user_coop"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.cooperative} ({self.get_role_display()})"

    @property
    def can_manage(self) -> bool:
        return self.role in (self.Role.OWNER, self.Role.MANAGER)


def _new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An email invitation to join a cooperative with a role; usable once."""

    cooperative = models.ForeignKey(
        Cooperative, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role.choices)
    token = models.CharField(
        max_length=64, unique=True, default=_new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.cooperative}"

    def save(self, *args, **kwargs):
        if not self.expires_at:
            self.expires_at = timezone.now() + INVITATION_VALIDITY
        super().save(*args, **kwargs)

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
