"""Permission rules for changing products and demands and reading inquiries.

Each predicate takes the object itself and applies the cooperative rules to
the cooperative that owns it. Without an object (Django admin's list pages)
they are false, so the model permissions of the admin decide there.
"""

import rules

from cooperatives.rules import is_manager, is_member


@rules.predicate
def manages_owner_of(user, obj) -> bool:
    """Return whether the user manages the cooperative of a product or demand."""
    if obj is None:
        return False
    return is_manager(user, obj.cooperative)


@rules.predicate
def is_inquiry_party(user, inquiry) -> bool:
    """Return whether the user belongs to the sending or receiving cooperative."""
    if inquiry is None:
        return False
    return is_member(user, inquiry.sender_cooperative) or is_member(
        user, inquiry.recipient_cooperative
    )


rules.add_perm("marketplace.change_product", manages_owner_of)
rules.add_perm("marketplace.change_demand", manages_owner_of)
rules.add_perm("marketplace.view_inquiry", is_inquiry_party)
rules.add_perm("marketplace.reply_inquiry", is_inquiry_party)
