"""What a member sees first after signing in."""

from cooperatives.models import Cooperative

from .selectors import match_pairs_for_cooperative


def member_dashboard(cooperative: Cooperative) -> dict:
    return {"match_pairs": match_pairs_for_cooperative(cooperative)}
