from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperatives.events import InteractionKind
from cooperatives.models import Cooperative


class InteractionEvent(models.Model):
    """One meaningful action of a cooperative, possibly towards another one."""

    kind = models.CharField(_("kind"), max_length=30, choices=InteractionKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cooperative"),
    )
    target = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("towards cooperative"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    obj = GenericForeignKey("content_type", "object_id")
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now)

    class Meta:
        verbose_name = _("interaction event")
        verbose_name_plural = _("interaction events")
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["occurred_at"], name="event_occurred_idx"),
            models.Index(fields=["cooperative", "occurred_at"], name="event_coop_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.occurred_at:%Y-%m-%d %H:%M}"


class DailyMetric(models.Model):
    """Interaction figures for one day in Asia/Jakarta time."""

    day = models.DateField(_("day"), unique=True)
    active_cooperatives = models.PositiveIntegerField(_("active cooperatives"))
    inquiries_sent = models.PositiveIntegerField(_("inquiries sent"))
    replies = models.PositiveIntegerField(_("replies"))
    cross_type_interactions = models.PositiveIntegerField(
        _("producer–consumer interactions")
    )
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    class Meta:
        verbose_name = _("daily metric")
        verbose_name_plural = _("daily metrics")
        ordering = ["-day"]

    def __str__(self) -> str:
        return str(self.day)


# The DailyMetric fields that hold figures, in the order pages show them.
FIGURE_FIELDS = (
    "active_cooperatives",
    "inquiries_sent",
    "replies",
    "cross_type_interactions",
)
