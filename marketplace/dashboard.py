"""What a member sees first after signing in."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperatives.models import Cooperative

from .models import Demand, Inquiry, Product
from .selectors import (
    inquiries_for_inbox,
    match_count_for_cooperative,
    match_pairs_for_cooperative,
    waiting_inquiries,
)

LATEST_INQUIRIES = 5


@dataclass(frozen=True)
class ChecklistStep:
    """One first step on EcoBiz, with the page where the member takes it.

    A step that does not apply yet is neither done nor offered as an action,
    and `note` gives the reason.
    """

    label: str
    done: bool
    url: str
    action: str
    applicable: bool = True
    note: str = ""


def _first_listing_step(cooperative: Cooperative) -> ChecklistStep:
    if cooperative.can_sell and cooperative.can_buy:
        done = (
            Product.objects.filter(cooperative=cooperative).exists()
            or Demand.objects.filter(cooperative=cooperative).exists()
        )
        label = _("List your first product or share your first demand")
    elif cooperative.can_sell:
        done = Product.objects.filter(cooperative=cooperative).exists()
        label = _("List your first product")
    else:
        done = Demand.objects.filter(cooperative=cooperative).exists()
        label = _("Share your first demand")
    if cooperative.can_sell:
        return ChecklistStep(
            label, done, reverse("marketplace:product-create"), _("List a product")
        )
    return ChecklistStep(
        label, done, reverse("marketplace:demand-create"), _("Share a demand")
    )


def _answer_inquiries_step(
    cooperative: Cooperative, *, waiting_count: int
) -> ChecklistStep:
    label = _("Answer the inquiries waiting for you")
    url = reverse("marketplace:inbox") + "?show=waiting"
    action = _("Open messages")
    # With nothing received there is nothing answered either, so the step
    # waits for the first inquiry instead of counting as done.
    if not Inquiry.objects.filter(recipient_cooperative=cooperative).exists():
        return ChecklistStep(
            label,
            False,
            url,
            action,
            applicable=False,
            note=_(
                "No inquiry has reached you yet. Answer the first one when it comes."
            ),
        )
    return ChecklistStep(label, waiting_count == 0, url, action)


def onboarding_checklist(
    cooperative: Cooperative, *, waiting_count: int
) -> list[ChecklistStep]:
    """Return the four first steps of a cooperative on EcoBiz, done or not."""
    edit_url = reverse("cooperatives:edit", kwargs={"slug": cooperative.slug})
    return [
        ChecklistStep(
            _("Complete your profile: description and phone number"),
            bool(cooperative.description and cooperative.phone),
            edit_url,
            _("Edit profile"),
        ),
        ChecklistStep(
            _("Add your logo"), bool(cooperative.logo), edit_url, _("Add logo")
        ),
        _first_listing_step(cooperative),
        _answer_inquiries_step(cooperative, waiting_count=waiting_count),
    ]


def member_dashboard(cooperative: Cooperative) -> dict:
    """Return the dashboard context of a cooperative's member.

    The number of queries is the same however many products, demands and
    inquiries there are.
    """
    waiting_count = waiting_inquiries(cooperative).count()
    checklist = onboarding_checklist(cooperative, waiting_count=waiting_count)
    # A step that does not apply yet stays in the total, so the checklist
    # stays open until the first inquiry is answered.
    done = sum(step.done for step in checklist)
    # Four steps make 0, 25, 50, 75 or 100 percent, which are exactly
    # Bootstrap's width classes. The CSP blocks an inline style width.
    percent = done * 100 // len(checklist)
    return {
        "checklist": checklist,
        "checklist_done": done,
        "checklist_total": len(checklist),
        "checklist_percent": percent,
        "checklist_width_class": f"w-{percent}" if percent else "",
        "match_count": match_count_for_cooperative(cooperative),
        "match_pairs": match_pairs_for_cooperative(cooperative),
        "waiting_count": waiting_count,
        "latest_inquiries": list(inquiries_for_inbox(cooperative)[:LATEST_INQUIRIES]),
    }
