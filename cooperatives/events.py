"""Interaction events that domain apps announce and monitoring records.

Domain code calls `announce(...)`; the monitoring app connects a receiver to
`interaction` when it is installed. Nothing here imports monitoring, so the
dependency points one way only.
"""

from django.db import models
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

interaction = Signal()


class InteractionKind(models.TextChoices):
    PROFILE_VIEW = "profile_view", _("Profile viewed")
    INQUIRY_SENT = "inquiry_sent", _("Inquiry sent")
    INQUIRY_REPLIED = "inquiry_replied", _("Inquiry replied")
    PRODUCT_LISTED = "product_listed", _("Product listed")
    DEMAND_SHARED = "demand_shared", _("Demand shared")


def announce(
    kind: InteractionKind,
    *,
    user,
    cooperative,
    target=None,
    obj: models.Model | None = None,
) -> None:
    """Announce that `user` acting for `cooperative` did `kind` towards `target`.

    `target` is the other cooperative, or None for actions that concern no
    other cooperative yet (a product listed). Receivers run synchronously
    inside the caller's transaction.
    """
    interaction.send(
        sender=obj.__class__ if obj is not None else None,
        kind=kind,
        user=user,
        cooperative=cooperative,
        target=target,
        obj=obj,
    )
