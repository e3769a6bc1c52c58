"""Reads about cooperatives and the people who act for them."""

from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest

from .models import Cooperative, Membership
from .search import normalise, trigrams

ACTIVE_COOPERATIVE_SESSION_KEY = "active_cooperative_id"


def active_membership(request) -> Membership | None:
    """Return the membership the user currently acts through, cached per request.

    The session remembers the cooperative a user switched to; without it the
    oldest membership is used.
    """
    if hasattr(request, "_active_membership"):
        return request._active_membership
    memberships = Membership.objects.filter(user=request.user).select_related(
        "cooperative", "cooperative__region"
    )
    chosen_id = request.session.get(ACTIVE_COOPERATIVE_SESSION_KEY)
    membership = None
    if chosen_id:
        membership = memberships.filter(cooperative_id=chosen_id).first()
    if membership is None:
        membership = memberships.order_by("created_at", "pk").first()
    request._active_membership = membership
    return membership


# A name matches a search when it contains at least this share of the
# query's trigrams: "koprasi tani" shares 11 of its 13 with "Koperasi Tani".
MIN_TRIGRAM_SHARE = 0.5


def search_cooperatives(queryset: QuerySet, text: str) -> QuerySet:
    """Filter cooperatives by a search text, best matches first.

    A row matches when its full-text document (name and description without
    accents) contains the words, or when its name contains most of the
    text's trigrams, which finds misspelt names ("koprasi" for "koperasi").
    """
    query_trigrams = trigrams(text)
    if not query_trigrams:
        return queryset
    query = SearchQuery(normalise(text), config="simple", search_type="plain")
    shared = RawSQL(
        "cardinality(ARRAY(SELECT unnest(cooperatives_cooperative.name_trigrams)"
        " INTERSECT SELECT unnest(%s::varchar[])))",
        (query_trigrams,),
    )
    similarity = ExpressionWrapper(
        shared * 1.0 / len(query_trigrams), output_field=FloatField()
    )
    return (
        queryset.filter(
            Q(search_vector=query) | Q(name_trigrams__overlap=query_trigrams)
        )
        .annotate(
            similarity=similarity,
            text_rank=SearchRank(F("search_vector"), query),
        )
        .filter(Q(similarity__gte=MIN_TRIGRAM_SHARE) | Q(search_vector=query))
        .annotate(rank=Greatest(F("similarity"), F("text_rank")))
        .order_by("-rank", "name")
    )


def cooperatives_of(user) -> QuerySet:
    return Cooperative.objects.filter(memberships__user=user).order_by("name")


def directory_cooperatives() -> QuerySet:
    """Return every cooperative as the public directory lists it."""
    return Cooperative.objects.for_directory()


def cooperatives_awaiting_verification() -> QuerySet:
    """Return the cooperatives no facilitator has verified yet, newest first."""
    return (
        Cooperative.objects.filter(is_verified=False)
        .select_related("region")
        .order_by("-created_at", "-pk")
    )


def verification_counts() -> dict[str, int]:
    """Count all cooperatives, the verified ones and those awaiting verification.

    One aggregate query computes the total and the verified count.
    """
    counts = Cooperative.objects.aggregate(
        total=Count("pk"), verified=Count("pk", filter=Q(is_verified=True))
    )
    counts["waiting"] = counts["total"] - counts["verified"]
    return counts


def owners_of(cooperative: Cooperative) -> QuerySet:
    """Return the active users who own the cooperative, oldest membership first."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__cooperative=cooperative,
            memberships__role=Membership.Role.OWNER,
        )
        .order_by("memberships__created_at", "pk")
    )


def kinds_matching(kind: str) -> list[str]:
    """Return the kinds a directory filter on `kind` includes.

    A cooperative of kind "both" is listed under producers and consumers.
    """
    if kind in (Cooperative.Kind.PRODUCER, Cooperative.Kind.CONSUMER):
        return [kind, Cooperative.Kind.BOTH]
    return [kind]


def memberships_of(user) -> QuerySet:
    """Return the user's memberships with their cooperatives, by name."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user)
        .select_related("cooperative")
        .order_by("cooperative__name")
    )


def members_of(cooperative: Cooperative) -> QuerySet:
    """Return the memberships of a cooperative: owners first, then by join date."""
    role_order = Case(
        *(
            When(role=role, then=Value(position))
            for position, role in enumerate(Membership.Role.values)
        ),
        output_field=IntegerField(),
    )
    return (
        cooperative.memberships.select_related("user")
        .annotate(role_order=role_order)
        .order_by("role_order", "created_at", "pk")
    )


def pending_invitations(cooperative: Cooperative) -> QuerySet:
    return cooperative.invitations.pending().select_related("invited_by")


def is_member_email(cooperative: Cooperative, email: str) -> bool:
    return cooperative.memberships.filter(user__email__iexact=email).exists()


def has_pending_invitation(cooperative: Cooperative, email: str) -> bool:
    return cooperative.invitations.pending().filter(email__iexact=email).exists()
