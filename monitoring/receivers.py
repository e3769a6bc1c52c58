from django.contrib.contenttypes.models import ContentType

from .models import InteractionEvent


def record_interaction(
    sender, *, kind, user, cooperative, target, obj, **kwargs
) -> InteractionEvent:
    """Store an announced interaction as an InteractionEvent row."""
    user_id = user.pk if user is not None and user.is_authenticated else None
    return InteractionEvent.objects.create(
        kind=kind,
        user_id=user_id,
        cooperative=cooperative,
        target=target,
        content_type=ContentType.objects.get_for_model(obj) if obj else None,
        object_id=obj.pk if obj else None,
    )
