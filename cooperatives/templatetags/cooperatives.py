"""Template tags for the cooperative switcher."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def user_memberships(context):
    """Return the signed-in user's memberships, loaded once per request."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_user_memberships"):
        request._user_memberships = list(selectors.memberships_of(request.user))
    return request._user_memberships
