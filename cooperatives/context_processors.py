from .selectors import active_membership


def memberships(request):
    """Add the user's active membership, so the layout can show role links."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"active_membership": None}
    return {"active_membership": active_membership(request)}
